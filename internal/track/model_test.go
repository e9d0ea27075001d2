package track

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Finite-difference step and tolerance for Jacobian checks: central
// differences with relative step 1e-6 leave ~1e-7 relative error.
const jacTol = 1e-5

func TestBallisticJacobianFiniteDifference(t *testing.T) {
	m := &Ballistic{}
	gm, j2, re, w := m.constants()
	c := newBallisticConst(gm, j2, re, w)
	f := geo.WGS84.NewENU(geo.LLADeg(55, -30, 0))
	x := ballisticState(f, 100, 300, 400, 1500, -2500, 800)
	a := c.jacobian(&x)
	for j := range 6 {
		h := 1e-3 * math.Max(1, math.Abs(x[j])) * 1e-3
		xp, xm := x, x
		xp[j] += h
		xm[j] -= h
		dp, dm := c.deriv(&xp), c.deriv(&xm)
		for i := range 6 {
			num := (dp[i] - dm[i]) / (2 * h)
			scale := math.Max(math.Abs(num), 1e-6)
			if math.Abs(a[i][j]-num) > jacTol*scale+1e-12 {
				t.Errorf("jacobian[%d][%d] = %g, want %g (finite difference)", i, j, a[i][j], num)
			}
		}
	}
}

// TestBallisticMatchesInertial propagates a state in rotating ECEF and, as an
// independent reference, in the inertial frame (no Coriolis or centrifugal
// terms), converting with geo.EarthRotation.
func TestBallisticMatchesInertial(t *testing.T) {
	const dur = 600.0
	const posTol = 0.05 // m after 600 s; RK4 at 1 s steps is ~1e-6 relative
	f := geo.WGS84.NewENU(geo.LLADeg(30, 50, 0))
	x0 := ballisticState(f, 0, 0, 200, 2000, 3000, 1500)
	ecef := &Ballistic{MaxStep: 1}
	inertial := &Ballistic{MaxStep: 1, NoRotation: true}
	got := ecef.PropagateState(x0, dur)
	pi, vi := geo.EarthRotation.ECIFromECEF(r3.Vec{X: x0[0], Y: x0[1], Z: x0[2]}, r3.Vec{X: x0[3], Y: x0[4], Z: x0[5]}, 0)
	xi := inertial.PropagateState(Vec6{pi.X, pi.Y, pi.Z, vi.X, vi.Y, vi.Z}, dur)
	// The J2 field is symmetric about z, so it is the same in both frames.
	p, v := geo.EarthRotation.ECEFFromECI(r3.Vec{X: xi[0], Y: xi[1], Z: xi[2]}, r3.Vec{X: xi[3], Y: xi[4], Z: xi[5]}, dur)
	want := Vec6{p.X, p.Y, p.Z, v.X, v.Y, v.Z}
	for i := range 3 {
		if math.Abs(got[i]-want[i]) > posTol {
			t.Errorf("PropagateState(%v, %v)[%d] = %.3f, want %.3f (inertial)", x0, dur, i, got[i], want[i])
		}
		if math.Abs(got[i+3]-want[i+3]) > posTol/dur*10 {
			t.Errorf("PropagateState(%v, %v)[%d] = %.6f, want %.6f (inertial)", x0, dur, i+3, got[i+3], want[i+3])
		}
	}
}

// TestBallisticTransition checks the propagated F against finite differences
// of the RK4 flow over a 10 s step.
func TestBallisticTransition(t *testing.T) {
	const tol = 2e-4 // F ≈ Π(I + Ah + A²h²/2) is second order in h = 2 s
	m := &Ballistic{}
	f := geo.WGS84.NewENU(geo.LLADeg(10, 100, 0))
	x := ballisticState(f, 50, -100, 300, -3000, 1000, 500)
	_, fm := m.Propagate(x, 10)
	for j := range 6 {
		h := 1.0
		if j >= 3 {
			h = 0.01
		}
		xp, xm := x, x
		xp[j] += h
		xm[j] -= h
		yp, ym := m.PropagateState(xp, 10), m.PropagateState(xm, 10)
		for i := range 6 {
			num := (yp[i] - ym[i]) / (2 * h)
			if math.Abs(fm[i][j]-num) > tol*math.Max(1, math.Abs(num)) {
				t.Errorf("Propagate F[%d][%d] = %g, want %g", i, j, fm[i][j], num)
			}
		}
	}
}

func TestMeasureMatchesGeo(t *testing.T) {
	s := radar()
	for _, off := range [][3]float64{{100, 200, 50}, {-300, 10, 400}, {-5, -700, 100}, {200, -200, -1}} {
		x := ballisticState(s.Frame, off[0], off[1], off[2], 0, 0, 0)
		d := s.Detect(0, 1, 0, 0)
		got := d.Measure(&x)
		az, el, rng := s.Frame.AzElRange(r3.Vec{X: x[0], Y: x[1], Z: x[2]})
		want := Vec3{rng, az, el}
		for i := range 3 {
			if math.Abs(got[i]-want[i]) > 1e-9*math.Max(1, math.Abs(want[i])) {
				t.Errorf("Measure(%v)[%d] = %v, want %v (geo.ENU.AzElRange)", off, i, got[i], want[i])
			}
		}
		// Jacobian by central differences.
		h := d.Jacobian(&x)
		for j := range 3 {
			xp, xm := x, x
			xp[j] += 1
			xm[j] -= 1
			zp, zm := d.Measure(&xp), d.Measure(&xm)
			dz := d.Residual(zp, zm)
			for i := range 3 {
				num := dz[i] / 2
				if math.Abs(h[i][j]-num) > jacTol*math.Max(math.Abs(num), 1e-9) {
					t.Errorf("Jacobian(%v)[%d][%d] = %g, want %g", off, i, j, h[i][j], num)
				}
			}
		}
		// Converted position round-trips.
		d.Z = got
		p, _ := d.PositionECEF()
		for i := range 3 {
			if math.Abs(p[i]-x[i]) > 1e-6 {
				t.Errorf("PositionECEF(%v)[%d] = %v, want %v", got, i, p[i], x[i])
			}
		}
	}
}

func TestResidualWrapsAzimuth(t *testing.T) {
	d := Detection{Kind: RangeAzEl}
	tests := []struct{ z, zhat, want float64 }{
		{0.01, 2*math.Pi - 0.01, 0.02},
		{2*math.Pi - 0.01, 0.01, -0.02},
		{1, 0.5, 0.5},
		{math.Pi, 0, math.Pi},
	}
	for _, tc := range tests {
		got := d.Residual(Vec3{0, tc.z, 0}, Vec3{0, tc.zhat, 0})[1]
		if math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Residual(az %v, %v) = %v, want %v", tc.z, tc.zhat, got, tc.want)
		}
	}
}
