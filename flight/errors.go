package flight

import (
	"errors"
	"fmt"

	"github.com/rampart-sim/rampart/geo"
)

// InputError reports an invalid input field.
type InputError struct {
	Field  string
	Value  any
	Reason string
}

// Error names the field and its value, then the reason. Only a number, a
// string or a position is printed as the value; any other value (a struct,
// a pointer) is left out, so that no Go value dump reaches a user.
func (e *InputError) Error() string {
	var v string
	switch x := e.Value.(type) {
	case geo.LLA: // speak degrees and metres, not radians
		v = fmt.Sprintf("%.6g°N %.6g°E %.6g m", x.LatDeg(), x.LonDeg(), x.Alt)
	case float64:
		v = fmt.Sprintf("%.6g", x)
	case int:
		v = fmt.Sprint(x)
	case string:
		v = fmt.Sprintf("%q", x)
	default:
		return fmt.Sprintf("flight: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("flight: %s = %s: %s", e.Field, v, e.Reason)
}

// RangeError reports an aim point that the vehicle cannot reach.
type RangeError struct {
	Range    float64 // launch to aim, m
	MaxRange float64 // greatest reachable range, m
	MinRange float64 // least reachable range, m (0 if not limiting)
	// Profile names the trajectory shape whose limit applies, such as
	// "lofted profile"; "" when the limit is the missile's own.
	Profile string
}

func (e *RangeError) Error() string {
	of := ""
	if e.Profile != "" {
		of = " of the " + e.Profile
	}
	if e.inside() {
		return fmt.Sprintf("flight: aim point at %.0f km is inside the minimum range%s %.0f km", e.Range/1e3, of, e.MinRange/1e3)
	}
	return fmt.Sprintf("flight: aim point at %.0f km is beyond the maximum range%s %.0f km", e.Range/1e3, of, e.MaxRange/1e3)
}

// ErrNoImpact reports a flight that does not return to the surface within
// the time limit (for example, an escape or orbital trajectory).
var ErrNoImpact = errors.New("flight: no impact within the time limit")

// ErrNoConvergence reports an aim solve that did not converge.
var ErrNoConvergence = errors.New("flight: aim solve did not converge")

// Limit returns the range limit the aim point violates: the minimum range
// when the aim lies inside it, else the maximum range, m.
func (e *RangeError) Limit() float64 {
	if e.inside() {
		return e.MinRange
	}
	return e.MaxRange
}

// Reason says in a phrase why the aim point is out of reach, for example
// "beyond the maximum range: aim 2100 km, maximum 1930 km".
func (e *RangeError) Reason() string {
	of := ""
	if e.Profile != "" {
		of = " of the " + e.Profile
	}
	if e.inside() {
		return fmt.Sprintf("inside the minimum range%s: aim %.0f km, minimum %.0f km", of, e.Range/1e3, e.MinRange/1e3)
	}
	return fmt.Sprintf("beyond the maximum range%s: aim %.0f km, maximum %.0f km", of, e.Range/1e3, e.MaxRange/1e3)
}

func (e *RangeError) inside() bool { return e.MinRange > 0 && e.Range < e.MinRange }
