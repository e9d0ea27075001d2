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
