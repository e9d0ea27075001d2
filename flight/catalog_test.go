package flight

import (
	"errors"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// TestCatalogMissilesReachTheirRange checks that the catalog's stage data and
// the flight model agree: each ballistic missile, flown min-energy with
// central values, reaches a target at the low end of its published range
// band, and cannot reach one at 1.3 times the high end.
func TestCatalogMissilesReachTheirRange(t *testing.T) {
	launch := geo.LLADeg(35, 50, 0)
	for _, e := range catalog.ByKind(catalog.KindBallisticMissile) {
		m, err := MissileFromCatalog(e, catalog.PickCentral)
		if err != nil {
			t.Errorf("%s: %v", e.Name, err)
			continue
		}
		rng, _ := e.Param("range_km")
		for _, c := range []struct {
			km        float64
			reachable bool
		}{{rng.Low, true}, {1.3 * rng.High, false}} {
			lat, lon, _ := geo.WGS84.Direct(launch.Lat, launch.Lon, 0, c.km*1e3) // due north: no help from rotation
			_, err := Solve(WGS84Earth(), Shot{Launch: launch, Aim: geo.LLA{Lat: lat, Lon: lon}, Missile: m})
			var re *RangeError
			switch {
			case c.reachable && err != nil:
				t.Errorf("%s to %.0f km (catalog low range): %v", e.Name, c.km, err)
			case !c.reachable && !errors.As(err, &re):
				t.Errorf("%s to %.0f km (1.3 × catalog high range) = %v, want a range error", e.Name, c.km, err)
			}
		}
	}
}

// TestFlyCatalogCruise: a cruise missile flies its great-circle route at
// its catalog speed, so its flight time is the route length over the speed,
// and an aim beyond its catalog range is a *RangeError.
func TestFlyCatalogCruise(t *testing.T) {
	e, err := catalog.Lookup("Tomahawk")
	if err != nil {
		t.Fatal(err)
	}
	ph := DefaultPhysics()
	launch, aim := geo.LLADeg(55, 20, 0), geo.LLADeg(52, 21, 0)
	f, err := FlyCatalog(ph, CatalogShot{Missile: e, Launch: launch, Aim: aim})
	if err != nil {
		t.Fatal(err)
	}
	if f.Cruise == nil || f.Ballistic != nil {
		t.Fatalf("FlyCatalog(Tomahawk) = cruise %v, ballistic %v; want a cruise path", f.Cruise != nil, f.Ballistic != nil)
	}
	if got, want := f.FlightTime, f.GroundRange/f.CruiseSpeed; got != want {
		t.Errorf("FlyCatalog(Tomahawk) flight time = %g s, want range/speed = %g s", got, want)
	}
	far := geo.LLADeg(-30, 150, 0)
	_, err = FlyCatalog(ph, CatalogShot{Missile: e, Launch: launch, Aim: far})
	var re *RangeError
	if !errors.As(err, &re) || re.Limit() != re.MaxRange {
		t.Errorf("FlyCatalog(Tomahawk to Australia) = %v, want a *RangeError beyond the maximum range", err)
	}
}
