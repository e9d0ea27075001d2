package track

import (
	"math"
	"math/rand/v2"
	"testing"
)

// shortStepCovTol bounds the normalised difference |ΔP_ij| / √(P_ii P_jj)
// between an EKF prediction's covariance with Ballistic.ShortStep and with
// the full transition Π (I + A h + A² h²/2). 1 % of a correlation
// coefficient, or 0.5 % of a σ: the NEES averages of the consistency
// tests resolve about 10 %, and the tracker's q, which stands for the
// thrust and drag the model leaves out, is not known to a factor of two.
const shortStepCovTol = 1e-2

// shortStepStateTol bounds the constant-acceleration step's state error
// against RK4, as a fraction of the spread the process noise adds over
// the same step (position √(q|Δ|³/3), velocity √(q|Δ|)): a hundredth of
// what the filter already admits it does not know about the motion.
const shortStepStateTol = 1e-2

// shortStepMax is the longest prediction the engine's trackers take in
// one step (internal/sim trackerShortStep).
const shortStepMax = 2.0

// TestShortStepNearFull compares the constant-acceleration step with the
// RK4 state and the full covariance over the states and covariances a
// tracker can hold: altitudes 0–1,500 km, speeds of a few km/s, position
// σ 10 m to 20 km (the deleter's bound), velocity σ 1 m/s to 3 km/s (a
// new track's), any correlation, the engine's two spectral densities
// (trackerQ = 100 and BoostQ), and predictions forward and back of up to
// shortStepMax.
func TestShortStepNearFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 5))
	worstP, worstX := 0.0, 0.0
	for _, q := range []float64{100, BoostQ} {
		full := &EKF{Motion: &Ballistic{Q: q}}
		short := &EKF{Motion: &Ballistic{Q: q, ShortStep: shortStepMax}}
		for range 20000 {
			r := 6.378e6 + rng.Float64()*1.5e6
			u := Vec3{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
			n := math.Sqrt(u[0]*u[0] + u[1]*u[1] + u[2]*u[2])
			x := Vec6{r * u[0] / n, r * u[1] / n, r * u[2] / n,
				3e3 * rng.NormFloat64(), 3e3 * rng.NormFloat64(), 3e3 * rng.NormFloat64()}
			e := Estimate{X: x, P: randomSPD(rng, math.Pow(10, 1+3.3*rng.Float64()), math.Pow(10, 3.5*rng.Float64()))}
			dt := shortStepMax * (2*rng.Float64() - 1)
			want, got := full.Predict(e, dt), short.Predict(e, dt)
			if got.T != want.T {
				t.Fatalf("short step to %v, full to %v", got.T, want.T)
			}
			adt := math.Abs(dt)
			for i := range 6 {
				spread := math.Sqrt(q * adt * adt * adt / 3)
				if i >= 3 {
					spread = math.Sqrt(q * adt)
				}
				d := math.Abs(got.X[i]-want.X[i]) / spread
				if d > shortStepStateTol {
					t.Fatalf("q %v, dt %v: state[%d] = %v, RK4 %v: %.3g of the process noise's spread > %v",
						q, dt, i, got.X[i], want.X[i], d, shortStepStateTol)
				}
				worstX = math.Max(worstX, d)
				for j := range 6 {
					if got.P[i][j] != got.P[j][i] {
						t.Fatalf("P[%d][%d] = %v, P[%d][%d] = %v: not symmetric", i, j, got.P[i][j], j, i, got.P[j][i])
					}
					d := math.Abs(got.P[i][j]-want.P[i][j]) / math.Sqrt(want.P[i][i]*want.P[j][j])
					if d > shortStepCovTol {
						t.Fatalf("q %v, dt %v: P[%d][%d] = %v, full %v: normalised difference %.3g > %v",
							q, dt, i, j, got.P[i][j], want.P[i][j], d, shortStepCovTol)
					}
					worstP = math.Max(worstP, d)
				}
			}
		}
	}
	t.Logf("largest state error %.3g of the process noise's spread (tolerance %v), covariance %.3g normalised (tolerance %v)",
		worstX, shortStepStateTol, worstP, shortStepCovTol)
}

// TestShortStepGatePath checks that gating's prediction with the short
// step, once completed, is EKF.Predict's, bit for bit, and that its
// position block is the same before completion.
func TestShortStepGatePath(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 6))
	f := &EKF{Motion: &Ballistic{Q: 100, ShortStep: shortStepMax}}
	s := radar()
	for range 500 {
		e := randomTrackState(rng, s)
		dt := 2.5 * (2*rng.Float64() - 1) // some beyond the step: full path
		want := f.Predict(e, e.T+dt)
		var g gatePrediction
		f.predictForGate(&e, e.T+dt, &g)
		for i := range 3 {
			for j := range 3 {
				if g.est.P[i][j] != want.P[i][j] {
					t.Fatalf("dt %v: gate P[%d][%d] = %v, Predict %v", dt, i, j, g.est.P[i][j], want.P[i][j])
				}
			}
		}
		g.complete(&e)
		if g.est != want {
			t.Fatalf("dt %v: completed gate prediction %v, Predict %v", dt, g.est, want)
		}
	}
}
