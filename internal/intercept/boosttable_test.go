package intercept

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
)

// TestBoostTableMatchesIntegration: the envelope of a burnout-model
// interceptor whose inserted kicks take interpolated boosts agrees with
// the one whose inserted kicks integrate their boosts, across the sweep's
// speeds: the same grid, the same reachable nodes, times of flight to
// 1e-6 relative.
func TestBoostTableMatchesIntegration(t *testing.T) {
	const tolTMin = 1e-6 // relative
	base := interceptor(t, "SM-3 IIA", catalog.PickCentral)
	for _, kms := range []float64{1, 2.5, 4.5, 7, 10} {
		ic := base.WithBurnout(kms * 1e3)
		got, err := BuildEnvelope(ic)
		if err != nil {
			t.Fatal(err)
		}
		boostTableOn = false
		want, err := BuildEnvelope(ic)
		boostTableOn = true
		if err != nil {
			t.Fatal(err)
		}
		if got.DR != want.DR || got.DA != want.DA || got.Kicks != want.Kicks {
			t.Errorf("%.1f km/s: grid %g × %g m, %d kicks; integrated boosts %g × %g m, %d kicks", kms, got.DR, got.DA, got.Kicks, want.DR, want.DA, want.Kicks)
			continue
		}
		var worst float64
		for i := range got.cells {
			a, b := got.cells[i], want.cells[i]
			if (a.tMin != a.tMin) != (b.tMin != b.tMin) {
				t.Errorf("%.1f km/s: node %d reachable %v, integrated boosts %v", kms, i, a.tMin == a.tMin, b.tMin == b.tMin)
				continue
			}
			if a.tMin == a.tMin && b.tMin > 1 {
				worst = math.Max(worst, math.Abs(float64(a.tMin-b.tMin))/float64(b.tMin))
			}
		}
		t.Logf("%.1f km/s: largest relative TMin difference %.2g", kms, worst)
		if worst > tolTMin {
			t.Errorf("%.1f km/s: TMin differs by %.2g relative, more than %g", kms, worst, tolTMin)
		}
	}
}

// TestKeplerEnvelopeMatchesIntegratedFan: the burnout model's envelope
// with closed-form coasts and interpolated boosts has the grid of the
// fully integrated fan to the last bit (extents, burnout speeds) and the
// same reachable nodes, with times of flight within 1e-6 relative.
func TestKeplerEnvelopeMatchesIntegratedFan(t *testing.T) {
	const tolTMin = 1e-6 // relative
	base := interceptor(t, "SM-3 IIA", catalog.PickCentral)
	for _, kms := range []float64{1, 1.5, 2.5, 3.05, 4.5, 7, 8.15, 10} {
		ic := base.WithBurnout(kms * 1e3)
		got, err := BuildEnvelope(ic)
		if err != nil {
			t.Fatal(err)
		}
		keplerOn = false
		want, err := BuildEnvelope(ic)
		keplerOn = true
		if err != nil {
			t.Fatal(err)
		}
		if got.MaxRange != want.MaxRange || got.MaxAlt != want.MaxAlt || got.BurnoutSpeed != want.BurnoutSpeed ||
			got.BurnoutSpeedMin != want.BurnoutSpeedMin || got.BurnoutSpeedMax != want.BurnoutSpeedMax || got.BurnoutTime != want.BurnoutTime {
			t.Errorf("%.2f km/s: extents %+v, integrated fan %+v", kms, *got, *want)
			continue
		}
		var worst float64
		differ := 0
		for i := range got.cells {
			a, b := got.cells[i], want.cells[i]
			if (a.tMin != a.tMin) != (b.tMin != b.tMin) {
				differ++
				continue
			}
			if a.tMin == a.tMin && b.tMin > 1 {
				worst = math.Max(worst, math.Abs(float64(a.tMin-b.tMin))/float64(b.tMin))
			}
		}
		t.Logf("%.2f km/s: %d and %d kicks, largest relative TMin difference %.2g, %d nodes reachable in one only", kms, got.Kicks, want.Kicks, worst, differ)
		if worst > tolTMin || differ > 0 {
			t.Errorf("%.2f km/s: TMin differs by %.2g relative (at most %g), %d nodes reachable in one only", kms, worst, tolTMin, differ)
		}
	}
}
