package report

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// snyderTol is the rounding of Snyder's printed examples: seven decimals.
const snyderTol = 1e-7

// roundTripTol is the round-trip error allowed, degrees: 1e-9° is 0.1 mm,
// far below anything drawn, and well above float64 rounding.
const roundTripTol = 1e-9

// TestAzimuthalEquidistantSnyder checks the worked example of Snyder
// (1987), Appendix A, azimuthal equidistant sphere, pp. 337–338:
// R = 3, centre 40° N, 100° W; the point 20° S, 100° E projects to
// x = −5.8311398, y = 5.5444634.
func TestAzimuthalEquidistantSnyder(t *testing.T) {
	const r = 3.0
	a := AzimuthalEquidistant{Centre: LatLon{40, -100}}
	p := LatLon{-20, 100}
	q, ok := a.Forward(p)
	if !ok || math.Abs(r*q.X-(-5.8311398)) > snyderTol || math.Abs(r*q.Y-5.5444634) > snyderTol {
		t.Errorf("AzimuthalEquidistant(40N 100W).Forward(%v)·3 = %.7f, %.7f, %v, want −5.8311398, 5.5444634, true", p, r*q.X, r*q.Y, ok)
	}
	back, ok := a.Inverse(XY{-5.8311398 / r, 5.5444634 / r})
	if !ok || math.Abs(back.Lat-p.Lat) > 1e-5 || math.Abs(back.Lon-p.Lon) > 1e-5 {
		t.Errorf("AzimuthalEquidistant(40N 100W).Inverse(Snyder x, y) = %v, %v, want %v", back, ok, p)
	}
}

// TestLambertConicSnyder checks the worked example of Snyder (1987),
// Appendix A, Lambert conformal conic sphere, p. 295: R = 1, standard
// parallels 33° and 45° N, origin 23° N, 96° W; n = 0.6304777,
// F = 1.9550002, ρ0 = 1.5071429, and 35° N, 75° W projects to
// x = 0.2966785, y = 0.2462112.
func TestLambertConicSnyder(t *testing.T) {
	l := LambertConic{Lat1: 33, Lat2: 45, Lat0: 23, Lon0: -96}
	n, f, rho0 := l.constants()
	if math.Abs(n-0.6304777) > snyderTol || math.Abs(f-1.9550002) > snyderTol || math.Abs(rho0-1.5071429) > snyderTol {
		t.Errorf("LambertConic constants = n %.7f, F %.7f, ρ0 %.7f, want 0.6304777, 1.9550002, 1.5071429", n, f, rho0)
	}
	p := LatLon{35, -75}
	q, ok := l.Forward(p)
	if !ok || math.Abs(q.X-0.2966785) > snyderTol || math.Abs(q.Y-0.2462112) > snyderTol {
		t.Errorf("LambertConic.Forward(%v) = %.7f, %.7f, %v, want 0.2966785, 0.2462112, true", p, q.X, q.Y, ok)
	}
	back, ok := l.Inverse(XY{0.2966785, 0.2462112})
	if !ok || math.Abs(back.Lat-p.Lat) > 1e-5 || math.Abs(back.Lon-p.Lon) > 1e-5 {
		t.Errorf("LambertConic.Inverse(Snyder x, y) = %v, %v, want %v", back, ok, p)
	}
}

// TestRoundTrip projects random points and back, in both hemispheres.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	projs := []struct {
		p   Projection
		max float64 // largest angle from the centre to test, degrees
		c   LatLon
	}{
		{AzimuthalEquidistant{Centre: LatLon{52, 20}}, 175, LatLon{52, 20}},
		{AzimuthalEquidistant{Centre: LatLon{90, 0}}, 175, LatLon{90, 0}},
		{AzimuthalEquidistant{Centre: LatLon{-33.9, 151.2}}, 175, LatLon{-33.9, 151.2}},
		{LambertConic{Lat1: 48, Lat2: 60, Lat0: 54, Lon0: 20}, 30, LatLon{54, 20}},
		{LambertConic{Lat1: -30, Lat2: -45, Lat0: -35, Lon0: 145}, 30, LatLon{-35, 145}},
		{LambertConic{Lat1: 50, Lat2: 50, Lat0: 50, Lon0: 0}, 30, LatLon{50, 0}},
	}
	for _, tc := range projs {
		n := 0
		for n < 500 {
			p := LatLon{math.Asin(2*rng.Float64()-1) / deg, 360*rng.Float64() - 180}
			if angle(unit(p), unit(tc.c)) > tc.max*deg {
				continue
			}
			n++
			q, ok := tc.p.Forward(p)
			if !ok {
				t.Errorf("%s.Forward(%v) not ok", tc.p.Name(), p)
				continue
			}
			back, ok := tc.p.Inverse(q)
			if !ok || angle(unit(back), unit(p)) > roundTripTol*deg {
				t.Errorf("%s: Inverse(Forward(%v)) = %v, %v, want %v", tc.p.Name(), p, back, ok, p)
			}
		}
	}
}

// sphereTol is the agreement wanted with geo's geodesic on the sphere,
// radians: 1e-9 rad is 6 mm on the Earth.
const sphereTol = 1e-9

// TestAzimuthalEquidistantDistances checks the defining property against
// geo's geodesics on a sphere (Karney's algorithm, independent
// of this code): the distance from the centre on the map is the
// great-circle distance, and the direction is the azimuth.
func TestAzimuthalEquidistantDistances(t *testing.T) {
	centres := []LatLon{{54.48, 17.10}, {54.03, 35.80}, {89.9, 0}, {-60, -120}}
	targets := []LatLon{{38.90, -77.04}, {52.23, 21.01}, {-33.9, 151.2}, {0, 0}, {64.8, -147.7}}
	for _, c := range centres {
		a := AzimuthalEquidistant{Centre: c}
		for _, p := range targets {
			q, ok := a.Forward(p)
			s, azi, _ := geo.Sphere.Inverse(c.Lat*deg, c.Lon*deg, p.Lat*deg, p.Lon*deg)
			rho := math.Hypot(q.X, q.Y)
			if !ok || math.Abs(rho-s/geo.SphereRadius) > sphereTol {
				t.Errorf("AzimuthalEquidistant(%v).Forward(%v) is %.9f rad from the centre, want the great-circle %.9f", c, p, rho, s/geo.SphereRadius)
			}
			if got := math.Atan2(q.X, q.Y); math.Abs(wrapPi(got-azi)) > sphereTol*1e3 {
				t.Errorf("AzimuthalEquidistant(%v).Forward(%v) bearing %.6f°, want the azimuth %.6f°", c, p, got/deg, azi/deg)
			}
		}
	}
	if _, ok := (AzimuthalEquidistant{Centre: LatLon{40, -100}}).Forward(LatLon{-40, 80}); ok {
		t.Errorf("AzimuthalEquidistant(40N 100W).Forward(antipode) ok, want not ok")
	}
}
