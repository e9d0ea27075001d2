package sim

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// missTol is the largest impact miss accepted for an aimed flight; the aim
// solver converges to flight.MissTol (1 m), this leaves room for the raid
// members that reuse nothing but are solved the same way.
const missTol = 10.0 // m

func TestLibraryScenariosFly(t *testing.T) {
	for _, s := range scenario.Library() {
		t.Run(s.Name, func(t *testing.T) {
			s, err := scenario.Load(s.Name)
			if err != nil {
				t.Fatal(err)
			}
			fs, err := FlyThreats(s, DefaultOptions())
			if err != nil {
				t.Fatalf("FlyThreats(%s) error: %v", s.Name, err)
			}
			if len(fs) == 0 && s.Analysis == nil {
				t.Fatalf("FlyThreats(%s) flew nothing", s.Name)
			}
			for _, f := range fs {
				if f.OutOfReach != "" {
					t.Errorf("%s: out of reach %q; library raids reach their aims", f.Name, f.OutOfReach)
					continue
				}
				if f.Miss > missTol || !(f.FlightTime > 0) || !(f.GroundRange > 0) {
					t.Errorf("%s: miss %.1f m, flight time %.1f s, range %.1f km", f.Name, f.Miss, f.FlightTime, f.GroundRange/1e3)
				}
			}
		})
	}
}

// TestCatalogMissilesReachTheirRange checks that the catalog's stage data and
// the flight model agree: each ballistic missile, flown min-energy with
// central values, reaches a target at the low end of its published range
// band, and cannot reach one at 1.3 times the high end.
func TestCatalogMissilesReachTheirRange(t *testing.T) {
	launch := geo.LLADeg(35, 50, 0)
	for _, e := range catalog.ByKind(catalog.KindBallisticMissile) {
		m, err := ballisticMissile(e, catalog.PickCentral)
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
			_, err := flight.Solve(flight.WGS84Earth(), flight.Shot{Launch: launch, Aim: geo.LLA{Lat: lat, Lon: lon}, Missile: m})
			var re *flight.RangeError
			switch {
			case c.reachable && err != nil:
				t.Errorf("%s to %.0f km (catalog low range): %v", e.Name, c.km, err)
			case !c.reachable && !errors.As(err, &re):
				t.Errorf("%s to %.0f km (1.3 × catalog high range) = %v, want a range error", e.Name, c.km, err)
			}
		}
	}
}

func TestOutOfReachIsAResult(t *testing.T) {
	th := scenario.Threat{Name: "too-far", Missile: "Shahab-3", From: scenario.Point{Place: "Tabriz"},
		To: scenario.Point{Place: "Washington"}, Count: 1}
	fs, err := FlyThreats(&scenario.Scenario{Threats: []scenario.Threat{th}}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := fs[0]
	if !strings.Contains(f.OutOfReach, "maximum range") || !math.IsNaN(f.FlightTime) || f.Mover() != nil {
		t.Errorf("Shahab-3 Tabriz→Washington = %q, flight time %g, want out of reach", f.OutOfReach, f.FlightTime)
	}
	if f.ReachLimit < 800e3 || f.ReachLimit > 1300e3 {
		t.Errorf("Shahab-3 reach limit = %.0f km, want 800–1,300 km (catalog band)", f.ReachLimit/1e3)
	}
	if _, err := FlyOne(th, DefaultOptions()); err == nil {
		t.Errorf("FlyOne(out of reach) succeeded, want an error")
	}
}

func TestUnflyableProfileIsAPositionedProblem(t *testing.T) {
	src := `name: low
question: "?"
run: {seed: 1, trials: 1, duration_s: 600}
owners: [{name: US}]
threats:
  - name: too-low
    missile: Sejjil
    from: {place: Kermanshah}
    to: {place: Ankara}
    profile: depressed
    apogee_km: 60
    count: 1
`
	s, err := scenario.Check("low.yaml", []byte(src), scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	_, err = FlyThreats(s, DefaultOptions())
	var se *scenario.Errors
	if !errors.As(err, &se) || len(se.Problems) != 1 {
		t.Fatalf("FlyThreats(apogee 60 km) = %v, want one scenario problem", err)
	}
	if p := se.Problems[0]; p.Line != 6 || p.Path != "threats[0]" || !strings.Contains(p.Msg, "apogee_km") {
		t.Errorf("problem = %v, want low.yaml:6: threats[0]: ... apogee_km", p)
	}
}

func TestRaidExpansion(t *testing.T) {
	th := scenario.Threat{Name: "raid", Missile: "Iskander-M", From: scenario.Point{Place: "Chernyakhovsk"},
		To: scenario.Point{Place: "Vilnius"}, Count: 3, IntervalS: 12, LaunchTimeS: 5}
	s := &scenario.Scenario{Threats: []scenario.Threat{th}}
	fs, err := FlyThreats(s, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 {
		t.Fatalf("FlyThreats(raid of 3) = %d flights", len(fs))
	}
	for k, f := range fs {
		if want := 5 + 12*float64(k); f.LaunchTime != want || f.Name != "raid#"+string(rune('1'+k)) {
			t.Errorf("flight %d = %s at %g s, want raid#%d at %g s", k, f.Name, f.LaunchTime, k+1, want)
		}
		// A later launch is the same flight shifted in time: the Earth-relative
		// physics does not depend on the epoch.
		if math.Abs(f.FlightTime-fs[0].FlightTime) > 1e-3 {
			t.Errorf("flight %d time %.4f s differs from the first, %.4f s", k, f.FlightTime, fs[0].FlightTime)
		}
	}
}
