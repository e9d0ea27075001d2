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
