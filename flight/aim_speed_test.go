package flight

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// TestFixedSpeedBracket: Tabriz → Kürecik from a 477.8 km burnout at 3 km/s
// (above the 2 km/s that reaches it at a low angle). On the old code every
// profile failed with "newton iteration found no descent direction". Now
// the lofted arc (Bate, Mueller & White §6.2: the high root of the range
// equation) hits, and min-energy, whose low root would need a burnout
// angle below the horizon, says so and names the lofted arc.
func TestFixedSpeedBracket(t *testing.T) {
	tabriz, kurecik := geo.LLADeg(38.08, 46.29, 0), geo.LLADeg(38.35, 37.79, 0)
	shot := func(p Profile, v float64) Shot {
		return Shot{Launch: tabriz, Aim: kurecik, BurnoutSpeed: v, BurnoutAlt: 477.8e3, Profile: p}
	}
	low, err := Solve(WGS84Earth(), shot(MinEnergy, 2000))
	if err != nil {
		t.Fatalf("2 km/s min-energy: %v", err)
	}
	high, err := Solve(WGS84Earth(), shot(Lofted, 2000))
	if err != nil {
		t.Fatalf("2 km/s lofted: %v", err)
	}
	if !(high.BurnoutAngle > low.BurnoutAngle) || low.Miss > MissTol || high.Miss > MissTol {
		t.Errorf("2 km/s: min-energy %.1f° (miss %.2f m), lofted %.1f° (miss %.2f m); want the lofted arc higher, both hits",
			low.BurnoutAngle*180/math.Pi, low.Miss, high.BurnoutAngle*180/math.Pi, high.Miss)
	}
	tr, err := Solve(WGS84Earth(), shot(Lofted, 3000))
	if err != nil || tr.Miss > MissTol {
		t.Fatalf("3 km/s lofted: %v", err)
	}
	_, err = Solve(WGS84Earth(), shot(MinEnergy, 3000))
	if err == nil || !errors.Is(err, ErrNoConvergence) || strings.Contains(err.Error(), "newton") || !strings.Contains(err.Error(), "--profile lofted") {
		t.Errorf("3 km/s min-energy: %v; want it to say that only the lofted arc reaches, without Newton's words", err)
	}
}
