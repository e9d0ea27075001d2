package radar

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// TestHorizonPublished checks the 4/3-Earth horizon against the rule
// d ≈ 4.12 (√h₁ + √h₂) km, h in m (e.g. Skolnik 3rd ed. ch. 8,
// d = √(2·k·a·h) with k·a = 8,500 km). horizonRuleTol: the rule's
// coefficient is rounded to 3 digits (0.1 %).
func TestHorizonPublished(t *testing.T) {
	const horizonRuleTol = 2e-3
	re := RefractionK * EarthRadius
	for _, h := range [][2]float64{{30, 0}, {10, 10}, {100, 5000}, {20, 10000}} {
		want := 4.12e3 * (math.Sqrt(h[0]) + math.Sqrt(h[1]))
		for name, got := range map[string]float64{
			"exact": HorizonRange(h[0], h[1], re), "approx": HorizonRangeApprox(h[0], h[1], re),
		} {
			if math.Abs(got-want)/want > horizonRuleTol {
				t.Errorf("%s horizon(%g m, %g m) = %.1f km, want %.1f", name, h[0], h[1], got/1e3, want/1e3)
			}
		}
	}
	// The exact form exceeds the approximation by the h/(2re) terms.
	if HorizonRange(1000e3, 0, re) <= HorizonRangeApprox(1000e3, 0, re) {
		t.Error("exact horizon not above the approximation at 1,000 km height")
	}
	if got := HorizonRange(-5, -5, re); got != 0 {
		t.Errorf("HorizonRange(-5, -5) = %g, want 0", got)
	}
}

// TestLineOfSightSphere checks the ellipsoidal test on a sphere, where
// the grazing ground range is re·(acos(re/(re+ha)) + acos(re/(re+ht))):
// the effective Earth keeps ground distances.
func TestLineOfSightSphere(t *testing.T) {
	const geoTol = 1.0 // m of ground range around the edge
	ha, ht := 20.0, 10000.0
	a := geo.LLA{Alt: ha}
	re := RefractionK * geo.SphereRadius
	edge := re * (math.Acos(re/(re+ha)) + math.Acos(re/(re+ht)))
	for _, c := range []struct {
		s    float64
		want bool
	}{{edge - geoTol, true}, {edge + geoTol, false}, {0, true}, {1e3, true}} {
		lat, lon, _ := geo.Sphere.Direct(0, 0, math.Pi/3, c.s)
		s := LineOfSight(geo.Sphere, RefractionK, a, geo.LLA{Lat: lat, Lon: lon, Alt: ht})
		if s.Visible != c.want {
			t.Errorf("LineOfSight at %.1f km (edge %.1f km) = %v, want %v", c.s/1e3, edge/1e3, s.Visible, c.want)
		}
	}
}

// TestLineOfSightEllipsoid: on WGS-84, the edge lies between the horizon
// ranges of the spheres of the smallest and largest radius of curvature.
func TestLineOfSightEllipsoid(t *testing.T) {
	a := geo.LLADeg(55, 20, 30)
	ht := 100e3
	for _, az := range []float64{0, 45, 90, 200} {
		// Bisect the visible ground range.
		lo, hi := 0.0, 5000e3
		for hi-lo > 10 {
			mid := (lo + hi) / 2
			lat, lon, _ := geo.WGS84.Direct(a.Lat, a.Lon, az*math.Pi/180, mid)
			if LineOfSight(geo.WGS84, RefractionK, a, geo.LLA{Lat: lat, Lon: lon, Alt: ht}).Visible {
				lo = mid
			} else {
				hi = mid
			}
		}
		m, n := geo.WGS84.MeridianRadius(a.Lat), geo.WGS84.PrimeVerticalRadius(a.Lat)
		ground := func(r float64) float64 {
			re := RefractionK * r
			return re * (math.Acos(re/(re+a.Alt)) + math.Acos(re/(re+ht)))
		}
		if lo < ground(m)-20 || lo > ground(n)+20 {
			t.Errorf("az %g°: visible to %.1f km, want within [%.1f, %.1f]", az, lo/1e3, ground(m)/1e3, ground(n)/1e3)
		}
	}
	// Straight up is visible at 90° apparent elevation; the antipode is not.
	if s := LineOfSight(geo.WGS84, RefractionK, a, geo.LLA{Lat: a.Lat, Lon: a.Lon, Alt: 500e3}); !s.Visible || math.Abs(s.Elev-math.Pi/2) > 1e-9 {
		t.Errorf("zenith: %+v", s)
	}
	if s := LineOfSight(geo.WGS84, RefractionK, a, geo.LLA{Lat: -a.Lat, Lon: a.Lon + math.Pi, Alt: 500e3}); s.Visible {
		t.Errorf("antipode visible: %+v", s)
	}
}
