package sim

import (
	"fmt"
	"strings"
)

// Element says which kind of Spec element a Problem is about.
type Element int

// Elements.
const (
	ThreatElement   Element = iota // Spec.Threats[Index]
	RadarElement                   // Spec.Sites[Site].Platforms[Platform].Radars[Index]
	LauncherElement                // Spec.Sites[Site].Platforms[Platform].Launchers[Index]
)

// Problem is an input problem the engine found in one element of a Spec:
// an aim point no trajectory of the profile reaches, a catalog entry that
// lacks what its model needs. The caller that built the Spec maps it back
// to where the element came from.
type Problem struct {
	Element        Element
	Site, Platform int // radars and launchers only
	Index          int
	// Field is the field of the element at fault ("Interceptor"), or ""
	// for the element as a whole.
	Field string
	Msg   string
}

func (p Problem) String() string {
	var where string
	switch p.Element {
	case ThreatElement:
		where = fmt.Sprintf("threat %d", p.Index)
	case RadarElement:
		where = fmt.Sprintf("site %d platform %d radar %d", p.Site, p.Platform, p.Index)
	default:
		where = fmt.Sprintf("site %d platform %d launcher %d", p.Site, p.Platform, p.Index)
	}
	if p.Field != "" {
		where += " " + p.Field
	}
	return where + ": " + p.Msg
}

// Errors is the error Build and FlyThreats return for bad input: every
// problem found, in the order of the Spec. Callers detect it with
// errors.As.
type Errors struct {
	Problems []Problem
}

// Error returns the problems one per line.
func (e *Errors) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// ThreatError is a failure to fly a threat that is not a problem of the
// input (a solver failure the input does not explain).
type ThreatError struct {
	Index int    // into the threats flown
	Name  string // the threat's name
	Err   error
}

func (e *ThreatError) Error() string {
	return fmt.Sprintf("threat %d (%s): %v", e.Index, e.Name, e.Err)
}

func (e *ThreatError) Unwrap() error { return e.Err }
