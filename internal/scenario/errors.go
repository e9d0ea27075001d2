package scenario

import (
	"cmp"
	"fmt"
	"github.com/rampart-sim/rampart/internal/spelling"
	"slices"
	"strconv"
	"strings"
)

// MaxProblems is how many problems an *Errors keeps; the rest are counted in
// Errors.Omitted. A badly broken file then still gives a readable report.
const MaxProblems = 100

// Problem is one thing wrong with a scenario: where it is and what is wrong.
type Problem struct {
	File string // file name as given to Parse or Load; may be empty
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based; 0 when unknown
	Path string // field path such as "threats[2].profile"; empty for the whole file
	Msg  string // what is wrong, and the allowed values where there is a list
}

// String formats the problem as "file:line:col: path: msg", leaving out the
// parts that are unknown.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteString(":")
	}
	if p.Line > 0 {
		b.WriteString(strconv.Itoa(p.Line))
		b.WriteString(":")
		if p.Col > 0 {
			b.WriteString(strconv.Itoa(p.Col))
			b.WriteString(":")
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Errors is the error returned for bad scenario input: every problem found in
// one pass, in file order. Callers detect bad input with errors.As:
//
//	var bad *scenario.Errors
//	if errors.As(err, &bad) {
//		os.Exit(2)
//	}
type Errors struct {
	Problems []Problem // at most MaxProblems, sorted by file, line and column
	Omitted  int       // problems found beyond MaxProblems
}

// Error returns the problems one per line.
func (e *Errors) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	if e.Omitted > 0 {
		lines = append(lines, fmt.Sprintf("... and %d more problems", e.Omitted))
	}
	return strings.Join(lines, "\n")
}

// problems collects Problems, up to MaxProblems.
type problems struct {
	list    []Problem
	omitted int
	fatal   bool // the file could not be read far enough to validate
}

func (ps *problems) add(p Problem) {
	if len(ps.list) >= MaxProblems {
		ps.omitted++
		return
	}
	ps.list = append(ps.list, p)
}

func (ps *problems) full() bool { return len(ps.list) >= MaxProblems }

// err returns the collected problems as an *Errors sorted into file order,
// or nil if there are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 && ps.omitted == 0 {
		return nil
	}
	list := slices.Clone(ps.list)
	slices.SortStableFunc(list, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	list = slices.Compact(list)
	return &Errors{Problems: list, Omitted: ps.omitted}
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// formatNumber formats x the way a user would write it in the file.
func formatNumber(x float64) string {
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// allowedList formats a list of allowed values: "a, b, c".
func allowedList[T ~string](vals []T) string {
	s := make([]string, len(vals))
	for i, v := range vals {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// suggest returns the candidate closest to s when it is close enough to be
// a likely typo, else "". Comparison ignores case.
func suggest[T ~string](s string, candidates []T) string {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		lc := strings.ToLower(string(c))
		if lc == ls || strings.HasPrefix(lc, ls+"_") {
			return string(c) // same name, or the name without its unit
		}
		d := spelling.Distance(ls, lc)
		if bestD < 0 || d < bestD {
			best, bestD = string(c), d
		}
	}
	// Allow about one edit in three characters, and at least two edits.
	limit := max(2, len([]rune(s))/3)
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// quote quotes a user-supplied string for a message, cutting very long ones.
func quote(s string) string {
	const maxRunes = 60
	r := []rune(s)
	if len(r) > maxRunes {
		return strconv.Quote(string(r[:maxRunes])) + "..."
	}
	return strconv.Quote(s)
}

// hint completes a message with a "did you mean" suggestion (if any) and the
// allowed values (if any): `msg; did you mean "x"? allowed: a, b`.
func hint(msg, suggestion, allowed string) string {
	if suggestion != "" {
		msg += fmt.Sprintf("; did you mean %q?", suggestion)
	}
	if allowed == "" {
		return msg
	}
	if suggestion != "" {
		return msg + " allowed: " + allowed
	}
	return msg + "; allowed: " + allowed
}
