package scenario

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/internal/strict"
)

// MaxProblems is how many problems an *Errors keeps; the rest are counted in
// Errors.Omitted. A badly broken file then still gives a readable report.
const MaxProblems = strict.MaxProblems

// Problem is one thing wrong with a scenario: where it is, what is wrong,
// and the allowed values and closest of them where there is a list.
type Problem = strict.Problem

// Errors is the error returned for bad scenario input: every problem found in
// one pass, in file order. Callers detect bad input with errors.As:
//
//	var bad *scenario.Errors
//	if errors.As(err, &bad) {
//		os.Exit(2)
//	}
type Errors = strict.Errors

// Pos is a position in a scenario file. Line and Col count from 1; a zero
// Line means the position is unknown.
type Pos = strict.Pos

// problems collects Problems, up to MaxProblems.
type problems = strict.Problems

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
	return strings.Join(strict.Strings(vals), ", ")
}

// suggest returns the candidate closest to s when it is close enough to be
// a likely typo, else "".
func suggest[T ~string](s string, candidates []T) string { return strict.Suggest(s, candidates) }

// quote quotes a user-supplied string for a message, cutting very long ones.
func quote(s string) string { return strict.Quote(s) }

// hint completes a message with a "did you mean" suggestion (if any) and the
// allowed values (if any).
func hint(msg, suggestion, allowed string) string { return strict.Hint(msg, suggestion, allowed) }

func joinPath(path, field string) string { return strict.JoinPath(path, field) }

func indexPath(path string, i int) string { return strict.IndexPath(path, i) }

// lastSep returns the index of the last '.' or '[' in path, or -1.
func lastSep(path string) int { return strict.LastSep(path) }
