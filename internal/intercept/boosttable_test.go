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
