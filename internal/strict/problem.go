package strict

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/internal/spelling"
)

// MaxProblems is how many problems an *Errors keeps; the rest are counted in
// Errors.Omitted. A badly broken file then still gives a readable report.
const MaxProblems = 100

// Pos is a position in a file. Line and Col count from 1; a zero Line means
// the position is unknown.
type Pos struct {
	Line, Col int
}

// Problem is one thing wrong with an input: where it is and what is wrong.
type Problem struct {
	File string // file name as given; may be empty
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based; 0 when unknown
	Path string // field path such as "threats[2].profile"; empty for the whole file
	Msg  string // what is wrong
	// Suggestion is the allowed value or field name closest to what the
	// file wrote, when it is close enough to be a likely typo.
	Suggestion string
	// Allowed lists the allowed values or field names, when there is a list.
	Allowed []string
	// OtherUses counts the other fields with the same problem at the same
	// place: a value written once under a YAML anchor (&name) and used
	// again through its aliases (*name) is reported once, at its first
	// use, with how many more there are.
	OtherUses int
}

// Text returns the message completed with the suggestion and the allowed
// values: `msg; did you mean "x"? allowed: a, b`.
func (p Problem) Text() string {
	return Hint(p.Msg, p.Suggestion, strings.Join(p.Allowed, ", "))
}

// String formats the problem as "file:line:col: path: text", leaving out the
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
		switch p.OtherUses {
		case 0:
		case 1:
			b.WriteString(" (and 1 other use of this anchored value)")
		default:
			fmt.Fprintf(&b, " (and %d other uses of this anchored value)", p.OtherUses)
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Text())
	return b.String()
}

// Errors is the error returned for bad input: every problem found in one
// pass, in file order. Callers detect bad input with errors.As.
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

// Problems collects Problems, up to MaxProblems.
type Problems struct {
	list    []Problem
	omitted int
	// Fatal is set when the file could not be read far enough to
	// validate: too large, not YAML, or not a mapping.
	Fatal bool
}

// Add records p.
func (ps *Problems) Add(p Problem) {
	if len(ps.list) >= MaxProblems {
		ps.omitted++
		return
	}
	ps.list = append(ps.list, p)
}

// Len returns how many problems were found.
func (ps *Problems) Len() int { return len(ps.list) + ps.omitted }

// Full reports whether no more problems are kept.
func (ps *Problems) Full() bool { return len(ps.list) >= MaxProblems }

// Err returns the collected problems as an *Errors sorted into file order,
// or nil if there are none.
func (ps *Problems) Err() error {
	if len(ps.list) == 0 && ps.omitted == 0 {
		return nil
	}
	list := slices.Clone(ps.list)
	slices.SortStableFunc(list, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	list = slices.CompactFunc(list, func(a, b Problem) bool {
		return a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Path == b.Path && a.Text() == b.Text()
	})
	return &Errors{Problems: mergeAliases(list), Omitted: ps.omitted}
}

// mergeAliases keeps, of the problems with the same text at the same known
// place under different paths (an anchored value used through aliases),
// the first, counting the others in its OtherUses.
func mergeAliases(list []Problem) []Problem {
	type place struct {
		file      string
		line, col int
		text      string
	}
	first := map[place]int{}
	out := list[:0]
	for _, p := range list {
		if p.Line == 0 {
			out = append(out, p)
			continue
		}
		k := place{p.File, p.Line, p.Col, p.Text()}
		if i, ok := first[k]; ok {
			out[i].OtherUses++
			continue
		}
		first[k] = len(out)
		out = append(out, p)
	}
	return out
}

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo, else "". Comparison ignores case.
func Suggest[T ~string](s string, candidates []T) string {
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

// Quote quotes a user-supplied string for a message, cutting very long ones.
func Quote(s string) string {
	const maxRunes = 60
	r := []rune(s)
	if len(r) > maxRunes {
		return strconv.Quote(string(r[:maxRunes])) + "..."
	}
	return strconv.Quote(s)
}

// Hint completes a message with a "did you mean" suggestion (if any) and the
// allowed values (if any): `msg; did you mean "x"? allowed: a, b`.
func Hint(msg, suggestion, allowed string) string {
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

// Strings converts a list of named strings to []string.
func Strings[T ~string](vals []T) []string {
	s := make([]string, len(vals))
	for i, v := range vals {
		s[i] = string(v)
	}
	return s
}

// JoinPath appends a field name to a path.
func JoinPath(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// IndexPath appends a list index to a path.
func IndexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// LastSep returns the index of the last '.' or '[' in path, or -1.
func LastSep(path string) int {
	return strings.LastIndexAny(path, ".[")
}
