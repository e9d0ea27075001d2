package flight

import (
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// TestInputErrorSpeaksDegrees: a position in an error is in degrees and
// metres, not a Go dump of radians ("aim = {0.7679 0.4537 0}").
func TestInputErrorSpeaksDegrees(t *testing.T) {
	e := &InputError{Field: "aim", Value: geo.LLADeg(44, 26, 5), Reason: "x"}
	if got, want := e.Error(), "flight: aim = 44°N 26°E 5 m: x"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if strings.Contains(e.Error(), "{") {
		t.Errorf("Error() = %q holds a Go value dump", e.Error())
	}
}

// TestSolveAngleErrorInDegrees: a bad burnout angle is reported in
// degrees ("burnout_angle_deg = 91.7"), not radians.
func TestSolveAngleErrorInDegrees(t *testing.T) {
	_, err := Solve(IdealEarth(), Shot{Launch: geo.LLADeg(0, 0, 0), Aim: geo.LLADeg(0, 10, 0), BurnoutAngle: 1.6})
	if err == nil || !strings.Contains(err.Error(), "burnout_angle_deg = 91.67") {
		t.Errorf("Solve(angle 1.6 rad) = %v, want it to name burnout_angle_deg = 91.67...", err)
	}
}

// TestInputErrorNoGoValueDump: a struct or pointer value is left out of the
// message instead of printed as a Go value ("earth.ellipsoid = {6.378137e+06
// 0.0033528}"); numbers are short.
func TestInputErrorNoGoValueDump(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{geo.WGS84, "flight: f: r"},
		{&Racetrack{}, "flight: f: r"},
		{[]float64{1, 2}, "flight: f: r"},
		{0.1745329251994, "flight: f = 0.174533: r"},
		{3, "flight: f = 3: r"},
		{"flat", `flight: f = "flat": r`},
	} {
		if got := (&InputError{Field: "f", Value: c.v, Reason: "r"}).Error(); got != c.want {
			t.Errorf("InputError{Value: %T}.Error() = %q, want %q", c.v, got, c.want)
		}
	}
	_, err := Fly(Earth{GM: 1}, Launch{Speed: 1})
	if err == nil || strings.ContainsAny(err.Error(), "{}") {
		t.Errorf("Fly(bad ellipsoid) = %v, want a message without a Go value dump", err)
	}
}
