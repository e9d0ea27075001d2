package track

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// sampleGaussian returns a draw from N(0, p); p must be positive definite.
func sampleGaussian(t testing.TB, rng *rand.Rand, p *Mat6) Vec6 {
	t.Helper()
	l, ok := chol6(p)
	if !ok {
		t.Fatalf("sampleGaussian: covariance not positive definite: %v", *p)
	}
	var n, x Vec6
	for i := range n {
		n[i] = rng.NormFloat64()
	}
	for i := range 6 {
		for j := 0; j <= i; j++ {
			x[i] += l[i][j] * n[j]
		}
	}
	return x
}

// noisy returns d with Z = h(x) + v, v ~ N(0, d.R), azimuth in [0, 2π).
func noisy(rng *rand.Rand, d Detection, x *Vec6) Detection {
	l, _ := chol3(&d.R)
	z := d.Measure(x)
	var n Vec3
	for i := range n {
		n[i] = rng.NormFloat64()
	}
	for i := range 3 {
		for j := 0; j <= i; j++ {
			z[i] += l[i][j] * n[j]
		}
	}
	if d.Kind == RangeAzEl {
		z[1] = math.Mod(z[1]+2*math.Pi, 2*math.Pi)
	}
	d.Z = z
	return d
}

// radar is a test sensor at 40° N, 20° E: σR = 20 m, σaz = σel = 1 mrad.
func radar() Sensor {
	return NewSensor("r1", geo.LLADeg(40, 20, 100), 20, 1e-3, 1e-3)
}

// ballisticState returns a state seen from frame f at ENU offset (e, n, u)
// km, moving at ENU velocity (ve, vn, vu) m/s.
func ballisticState(f geo.ENU, e, n, u, ve, vn, vu float64) Vec6 {
	p := f.ToECEF(r3.Vec{X: e * 1e3, Y: n * 1e3, Z: u * 1e3})
	v := f.Unrotate(r3.Vec{X: ve, Y: vn, Z: vu})
	return Vec6{p.X, p.Y, p.Z, v.X, v.Y, v.Z}
}

func nees(t testing.TB, x *Vec6, e *Estimate) float64 {
	pi, _, ok := invSPD6(&e.P)
	if !ok {
		t.Fatalf("nees: P not positive definite at t = %v: %v", e.T, e.P)
	}
	var d Vec6
	for i := range 6 {
		d[i] = x[i] - e.X[i]
	}
	var s float64
	for i := range 6 {
		for j := range 6 {
			s += d[i] * pi[i][j] * d[j]
		}
	}
	return s
}

// isSymPD reports whether p is symmetric to relative tolerance symTol and
// positive definite.
func isSymPD(p *Mat6) bool {
	const symTol = 1e-9 // relative asymmetry left by rounding in 6×6 products
	for i := range 6 {
		for j := range i {
			scale := math.Sqrt(math.Abs(p[i][i] * p[j][j]))
			if math.Abs(p[i][j]-p[j][i]) > symTol*scale {
				return false
			}
		}
	}
	_, ok := chol6(p)
	return ok
}
