package geo

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSurelyAboveIsABound checks that SurelyAbove, the cheap test the
// engine's impact predictions use before converting to geodetic, never
// says "above" for a point ToGeodetic puts at or below the ellipsoid, over
// random points from 1 km below to 30 km above it, and that it does say so
// for a point 2 m above the equator (the tightest case: there the
// ellipsoid touches the sphere of radius A).
func TestSurelyAboveIsABound(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		p := WGS84.ToECEF(LLA{Lat: math.Asin(2*rng.Float64() - 1), Lon: (2*rng.Float64() - 1) * math.Pi, Alt: -1e3 + rng.Float64()*31e3})
		if WGS84.SurelyAbove(p) && WGS84.ToGeodetic(p).Alt <= 0 {
			t.Fatalf("SurelyAbove(%v) but its height is %g m", p, WGS84.ToGeodetic(p).Alt)
		}
	}
	if p := WGS84.ToECEF(LLA{Alt: 2}); !WGS84.SurelyAbove(p) {
		t.Errorf("SurelyAbove(2 m above the equator) = false")
	}
	if p := WGS84.ToECEF(LLA{Alt: 0.5}); WGS84.SurelyAbove(p) {
		t.Errorf("SurelyAbove(0.5 m above the equator) = true; the bound keeps a metre")
	}
}
