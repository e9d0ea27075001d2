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
