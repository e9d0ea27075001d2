package sim

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/spatial/r3"

	"github.com/rampart-sim/rampart/internal/track"
)

// fastCovTol is the relative agreement required between the fast
// fidelity's covariance recursion and the EKF of package track: both are
// exact Kalman recursions of one linear model in float64, so they differ
// by rounding only (the fast one also symmetrises); 1e-6 leaves room for
// the rounding of 200 updates at a condition number of 10⁸ (range against
// cross-range variance).
const fastCovTol = 1e-6

// TestFastCovarianceMatchesEKF checks posVelCov (predicted, update) and
// its Joseph-form error covariance with the optimal gain against an
// independent implementation, track.EKF with the constant-velocity model
// (Bar-Shalom et al. 2001, §6.2.2, white-noise acceleration), on 200 scans
// of position measurements from two radars whose lines of sight turn: the
// filter's covariance, and the error covariance when the truth's process
// noise is the filter's (Joseph form with the optimal gain equals the
// standard update).
func TestFastCovarianceMatchesEKF(t *testing.T) {
	const q = trackerQ
	ekf := &track.EKF{Motion: track.ConstantVelocity{Q: q}}
	u0 := r3.Unit(r3.Vec{X: 1, Y: 2, Z: 0.5})
	r0 := losCov(u0, 100, 1e6)
	var p posVelCov
	p.A = r0
	for j := range 3 {
		p.C[j][j] = fastVelSigma0 * fastVelSigma0
	}
	errCov := p
	est := track.Estimate{T: 0}
	for i := range 3 {
		for j := range 3 {
			est.P[i][j] = r0[i][j]
		}
		est.P[i+3][i+3] = fastVelSigma0 * fastVelSigma0
	}
	for k := 1; k <= 200; k++ {
		a := 0.01 * float64(k)
		u1 := r3.Unit(r3.Vec{X: math.Cos(a), Y: 2, Z: 0.5 + math.Sin(a)})
		u2 := r3.Unit(r3.Vec{X: -1, Y: 2 * math.Cos(a), Z: 0.1})
		info := losCov(u1, 1/100.0, 1/1e6)
		i2 := losCov(u2, 1/400.0, 1/4e6)
		for i := range 3 {
			for j := range 3 {
				info[i][j] += i2[i][j]
			}
		}
		r, ok := inv3(&info)
		if !ok {
			t.Fatal("singular information")
		}
		p = p.predicted(1, q)
		errCov = errCov.predicted(1, q)
		kp, kv, ok := p.update(&r)
		if !ok {
			t.Fatal("update failed")
		}
		errCov.refJoseph(&kp, &kv, &r)
		est = ekf.Predict(est, float64(k))
		det := track.Detection{Time: float64(k), Kind: track.PositionECEF, R: r}
		var err error
		if est, _, err = ekf.Update(&est, &det); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			got  posVelCov
		}{{"filter", p}, {"error (Joseph)", errCov}} {
			for i := range 3 {
				for j := range 3 {
					for _, v := range [][2]float64{
						{c.got.A[i][j], est.P[i][j]}, {c.got.B[i][j], est.P[i][j+3]}, {c.got.C[i][j], est.P[i+3][j+3]},
					} {
						scale := math.Sqrt(math.Abs(est.P[i][i]*est.P[j][j])) + math.Sqrt(math.Abs(est.P[i+3][i+3]*est.P[j+3][j+3]))
						if math.Abs(v[0]-v[1]) > fastCovTol*scale {
							t.Fatalf("scan %d, %s covariance [%d][%d]: %g, EKF %g", k, c.name, i, j, v[0], v[1])
						}
					}
				}
			}
		}
	}
	t.Logf("after 200 scans: RSS position σ %.1f m, velocity σ %.2f m/s",
		math.Sqrt(p.A[0][0]+p.A[1][1]+p.A[2][2]), math.Sqrt(p.C[0][0]+p.C[1][1]+p.C[2][2]))
}

// TestErrorDifferenceMatchesJoseph checks the fast tracks' error
// covariance, kept as its difference D from the filter's (predicted with
// the difference of the process noises, contracted by each update), against
// the Joseph form of the error itself (refJoseph, Bar-Shalom et al. 2001,
// §5.2.3) on 300 scans in which the truth's process noise differs from the
// filter's as in flight: equal in boost, none against trackerQ in
// midcourse, none against track.BoostQ in a false manoeuvre spell.
func TestErrorDifferenceMatchesJoseph(t *testing.T) {
	u0 := r3.Unit(r3.Vec{X: 1, Y: 2, Z: 0.5})
	var p posVelCov
	p.A = losCov(u0, 100, 1e6)
	for j := range 3 {
		p.C[j][j] = fastVelSigma0 * fastVelSigma0
	}
	errCov := p
	var d posVelCov
	for k := 1; k <= 300; k++ {
		q, qt := trackerQ, 0.0
		switch {
		case k <= 60:
			q, qt = track.BoostQ, track.BoostQ
		case k > 150 && k <= 160:
			q = track.BoostQ
		}
		dt := []float64{1, 0.5, 2}[k%3]
		a := 0.01 * float64(k)
		info := losCov(r3.Unit(r3.Vec{X: math.Cos(a), Y: 2, Z: 0.5 + math.Sin(a)}), 1/100.0, 1/1e6)
		r, ok := inv3(&info)
		if !ok {
			t.Fatal("singular information")
		}
		p = p.predicted(dt, q)
		errCov = errCov.predicted(dt, qt)
		d.predictInto(&d, dt, qt-q)
		kp, kv, ok := p.update(&r)
		if !ok {
			t.Fatal("update failed")
		}
		errCov.refJoseph(&kp, &kv, &r)
		d.contract(&kp, &kv)
		got := p
		got.add(&d)
		for i := range 3 {
			for j := range 3 {
				for _, v := range [][2]float64{
					{got.A[i][j], errCov.A[i][j]}, {got.B[i][j], errCov.B[i][j]}, {got.C[i][j], errCov.C[i][j]},
				} {
					scale := math.Sqrt(math.Abs(errCov.A[i][i]*errCov.A[j][j])) + math.Sqrt(math.Abs(errCov.C[i][i]*errCov.C[j][j]))
					if math.Abs(v[0]-v[1]) > fastCovTol*scale {
						t.Fatalf("scan %d, error covariance [%d][%d]: P + D %g, Joseph %g", k, i, j, v[0], v[1])
					}
				}
			}
		}
	}
	t.Logf("after 300 scans: RSS position σ of the error %.1f m (filter %.1f m)",
		math.Sqrt(errCov.A[0][0]+errCov.A[1][1]+errCov.A[2][2]), math.Sqrt(p.A[0][0]+p.A[1][1]+p.A[2][2]))
}
