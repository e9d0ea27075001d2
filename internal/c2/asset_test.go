package c2

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// TestSurelyFartherIsABound draws point pairs over the globe, from metres
// to 10,000 km apart, and checks that the great-circle distance on the
// sphere is within sphereDistanceTol of the WGS-84 geodesic, so that
// surelyFarther never rejects an asset within reach.
func TestSurelyFartherIsABound(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 7))
	worst := 0.0
	for i := range 20000 {
		a := geo.LLA{Lat: math.Asin(2*rng.Float64() - 1), Lon: math.Pi * (2*rng.Float64() - 1)}
		lat, lon, _ := geo.WGS84.Direct(a.Lat, a.Lon, 2*math.Pi*rng.Float64(), math.Pow(10, 7*rng.Float64()))
		b := geo.LLA{Lat: lat, Lon: lon}
		s := Distance(a, b)
		// surelyFarther(a, b, r) for r just below s must be false.
		if r := s * (1 - 1e-9); surelyFarther(a, b, r) {
			t.Fatalf("pair %d: surelyFarther(%v, %v, %.3f m) with the geodesic %.3f m", i, a, b, r, s)
		}
		sLat, sLon := math.Sin((b.Lat-a.Lat)/2), math.Sin((b.Lon-a.Lon)/2)
		h := sLat*sLat + math.Cos(a.Lat)*math.Cos(b.Lat)*sLon*sLon
		d := 2 * geo.SphereRadius * math.Asin(math.Sqrt(math.Min(1, h)))
		if s > 1 {
			worst = math.Max(worst, math.Abs(d/s-1))
		}
	}
	t.Logf("largest relative difference sphere/ellipsoid: %.4f (tolerance %.2f)", worst, sphereDistanceTol)
	if worst > sphereDistanceTol/2 {
		t.Errorf("sphere and ellipsoid distances differ by up to %.4f, want under half the tolerance %.2f", worst, sphereDistanceTol)
	}
}

// TestAboveBelowMatchGeodetic checks Above and Below against the sign of
// geo.WGS84.ToGeodetic's height at 100,000 points over the globe, at
// heights from ±1 mm to ±3,000 km (log-uniform) and at 0.
func TestAboveBelowMatchGeodetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 9))
	for i := range 100000 {
		h := math.Pow(10, -3+9.5*rng.Float64())
		if rng.IntN(2) == 0 {
			h = -h
		}
		if i%1000 == 0 {
			h = 0
		}
		lla := geo.LLA{Lat: math.Asin(2*rng.Float64() - 1), Lon: math.Pi * (2*rng.Float64() - 1), Alt: h}
		p := geo.WGS84.ToECEF(lla)
		alt := geo.WGS84.ToGeodetic(p).Alt
		if Above(p) != (alt > 0) || Below(p) != (alt < 0) {
			t.Fatalf("point %d at %+v (height %g m, geo's %g m): Above %v, Below %v", i, lla, h, alt, Above(p), Below(p))
		}
	}
}
