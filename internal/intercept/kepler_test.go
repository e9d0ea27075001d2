package intercept

import (
	"fmt"
	"math"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
)

// maxSampledApexLoss bounds how far below the apex the highest step end
// of an integrated coast can lie, m: ½ g τ² for τ ≤ flyMaxH/2 = 10 s.
const maxSampledApexLoss = 500.0

// TestKeplerCoastMatchesIntegration: the closed-form coast crossings of a
// burnout-model flyout agree with the integrated flyout's (DOPRI5 at
// 1e-9) column for column, across the sweep's speeds and the fan's kicks.
func TestKeplerCoastMatchesIntegration(t *testing.T) {
	const (
		tolT     = 1e-5 // s: the integrated crossings are located to 1e-6 s
		tolH     = 0.05 // m
		tolV     = 1e-4 // m/s
		tolGamma = 1e-7 // rad
	)
	base := interceptor(t, "SM-3 IIA", catalog.PickCentral)
	for _, kms := range []float64{1, 2.5, 4.5, 7, 10} {
		ic := base.WithBurnout(kms * 1e3)
		env, err := BuildEnvelope(ic)
		if err != nil {
			t.Fatal(err)
		}
		f := newFlyer(ic)
		if err := f.calibrate(); err != nil {
			t.Fatal(err)
		}
		closedN := 0
		var worst [4]float64
		defer func() {
			t.Logf("%.1f km/s: largest differences t %.2g s, h %.2g m, v %.2g m/s, γ %.2g rad", kms, worst[0], worst[1], worst[2], worst[3])
		}()
		for _, deg := range []float64{0.01, 0.5, 3, 10, 25, 40, 55, 70, 85} {
			kick := deg * math.Pi / 180
			kres, arc, _, closed, ok, err := f.flyKepler(kick, ic.MaxFlyout, nil)
			if err != nil {
				t.Fatal(err)
			}
			var cols []crossing
			if closed && ok {
				cols = env.keplerCrossings(f.steps, &arc)
			}
			if !ok {
				continue
			}
			if !closed {
				t.Errorf("%.1f km/s, kick %g°: coast not in closed form", kms, deg)
				continue
			}
			closedN++
			res, _, err := f.fly(kick, ic.MaxFlyout, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := env.crossings(f.steps, res.end)
			name := fmt.Sprintf("%.1f km/s, kick %g°", kms, deg)
			if d := math.Abs(kres.end - res.end); d > tolT {
				t.Errorf("%s: end %.6f s, integrated %.6f s", name, kres.end, res.end)
			}
			// The extents bound the integrated flyout's, within
			// keplerBoundTol and the sampling of its highest point.
			r, h, ok := arc.extents()
			if !ok || r < res.maxRange || r > res.maxRange+2*keplerBoundTol || h < res.maxAlt || h > res.maxAlt+keplerBoundTol+maxSampledApexLoss {
				t.Errorf("%s: extents %.3f, %.3f m (%v), integrated range %.3f m, highest step end %.3f m", name, r, h, ok, res.maxRange, res.maxAlt)
			}
			for i := range want {
				a, b := cols[i], want[i]
				if a.ok() != b.ok() {
					// a column within the end's tolerance of the flyout's end
					if math.Abs(float64(i)*env.DR-res.maxRange) > 1 {
						t.Errorf("%s column %d: crossed %v, integrated %v", name, i, a.ok(), b.ok())
					}
					continue
				}
				if !a.ok() {
					continue
				}
				worst = [4]float64{math.Max(worst[0], math.Abs(a.t-b.t)), math.Max(worst[1], math.Abs(a.h-b.h)), math.Max(worst[2], math.Abs(a.v-b.v)), math.Max(worst[3], math.Abs(a.gamma-b.gamma))}
				if math.Abs(a.t-b.t) > tolT || math.Abs(a.h-b.h) > tolH || math.Abs(a.v-b.v) > tolV || math.Abs(a.gamma-b.gamma) > tolGamma {
					t.Errorf("%s column %d: t %.6f h %.3f v %.4f γ %.8f, integrated t %.6f h %.3f v %.4f γ %.8f",
						name, i, a.t, a.h, a.v, a.gamma, b.t, b.h, b.v, b.gamma)
				}
			}
		}
		if closedN < 4 {
			t.Errorf("%.1f km/s: only %d kicks fly", kms, closedN)
		}
	}
}
