package flight

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

func TestAltitudeBowring(t *testing.T) {
	// One Bowring step against geo's exact conversion: 0.1 mm is far below
	// any drag or impact effect.
	const tol = 1e-4
	seed := uint64(7)
	rng := rand.New(rand.NewPCG(seed, 0))
	e := WGS84Earth()
	for range 10000 {
		p := geo.LLA{Lat: (rng.Float64() - 0.5) * math.Pi, Lon: 0, Alt: -2e3 + 3000e3*rng.Float64()}
		v := e.Ellipsoid.ToECEF(p)
		if got := e.altitude(math.Hypot(v.X, v.Y), v.Z); math.Abs(got-p.Alt) > tol {
			t.Fatalf("seed %d: altitude(%v) = %.6f, want %.6f", seed, p, got, p.Alt)
		}
	}
	if got := e.altitude(0, e.Ellipsoid.B()+5); math.Abs(got-5) > tol {
		t.Errorf("altitude(pole + 5 m) = %v, want 5", got)
	}
	if got := e.altitudeECI(e.Ellipsoid.A+10, 0, 0); math.Abs(got-10) > tol {
		t.Errorf("altitude(equator + 10 m) = %v, want 10", got)
	}
}

func TestGravityJ2(t *testing.T) {
	// On the equator J2 adds 3/2 J2 (a/r)² of the central term; at the pole it
	// subtracts 3 J2 (a/r)² (Vallado §8.6.1). Rounding only.
	const tol = 1e-12
	e := WGS84Earth()
	r := e.Ellipsoid.A
	g0 := e.GM / (r * r)
	ax, _, _ := e.gravity(r, 0, 0)
	if want := -g0 * (1 + 1.5*e.J2); math.Abs(ax/want-1) > tol {
		t.Errorf("gravity(equator).x = %v, want %v", ax, want)
	}
	_, _, az := e.gravity(0, 0, r)
	if want := -g0 * (1 - 3*e.J2); math.Abs(az/want-1) > tol {
		t.Errorf("gravity(pole).z = %v, want %v", az, want)
	}
}
