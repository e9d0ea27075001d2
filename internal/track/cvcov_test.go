package track

import (
	"math"
	"math/rand/v2"
	"testing"
)

// cvCovarianceTol bounds the normalised difference |ΔP_ij| / √(P_ii P_jj)
// between an EKF prediction's covariance with Ballistic.CVCovariance and
// with the full transition Π (I + A h + A² h²/2), for predictions of up to
// cvCovarianceStep. 1 % of a correlation coefficient, or 0.5 % of a σ: the
// NEES averages of the consistency tests resolve about 10 %, and the
// tracker's q, which stands for the thrust and drag the model leaves out,
// is not known to a factor of two.
const cvCovarianceTol = 1e-2

// cvCovarianceStep is the longest prediction the engine's trackers take
// the constant-velocity covariance for (internal/sim trackerCVCovariance).
const cvCovarianceStep = 2.0

// TestCVCovarianceNearFull compares the constant-velocity covariance with
// the full one over the states and covariances a tracker can hold:
// altitudes 0–1,500 km, speeds of a few km/s, position σ 10 m to 20 km
// (the deleter's bound), velocity σ 1 m/s to 3 km/s (a new track's), any
// correlation, the engine's two spectral densities (trackerQ = 100 and
// BoostQ), and predictions forward and back of up to cvCovarianceStep.
// The state must be the full prediction's, bit for bit.
func TestCVCovarianceNearFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 5))
	worst := 0.0
	for _, q := range []float64{100, BoostQ} {
		full := &EKF{Motion: &Ballistic{Q: q}}
		cv := &EKF{Motion: &Ballistic{Q: q, CVCovariance: cvCovarianceStep}}
		for range 20000 {
			r := 6.378e6 + rng.Float64()*1.5e6
			u := Vec3{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
			n := math.Sqrt(u[0]*u[0] + u[1]*u[1] + u[2]*u[2])
			x := Vec6{r * u[0] / n, r * u[1] / n, r * u[2] / n,
				3e3 * rng.NormFloat64(), 3e3 * rng.NormFloat64(), 3e3 * rng.NormFloat64()}
			e := Estimate{X: x, P: randomSPD(rng, math.Pow(10, 1+3.3*rng.Float64()), math.Pow(10, 3.5*rng.Float64()))}
			dt := cvCovarianceStep * (2*rng.Float64() - 1)
			want, got := full.Predict(e, dt), cv.Predict(e, dt)
			if got.X != want.X || got.T != want.T {
				t.Fatalf("CV covariance changed the state: %v at %v, full %v at %v", got.X, got.T, want.X, want.T)
			}
			for i := range 6 {
				for j := range 6 {
					if got.P[i][j] != got.P[j][i] {
						t.Fatalf("P[%d][%d] = %v, P[%d][%d] = %v: not symmetric", i, j, got.P[i][j], j, i, got.P[j][i])
					}
					d := math.Abs(got.P[i][j]-want.P[i][j]) / math.Sqrt(want.P[i][i]*want.P[j][j])
					if d > cvCovarianceTol {
						t.Fatalf("q %v, dt %v: P[%d][%d] = %v, full %v: normalised difference %.3g > %v",
							q, dt, i, j, got.P[i][j], want.P[i][j], d, cvCovarianceTol)
					}
					worst = math.Max(worst, d)
				}
			}
		}
	}
	t.Logf("largest normalised difference %.3g (tolerance %v)", worst, cvCovarianceTol)
}

// TestCVCovarianceGatePath checks that gating's prediction with the
// constant-velocity covariance, once completed, is EKF.Predict's, bit for
// bit, and that its position block is the same before completion.
func TestCVCovarianceGatePath(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 6))
	f := &EKF{Motion: &Ballistic{Q: 100, CVCovariance: cvCovarianceStep}}
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
