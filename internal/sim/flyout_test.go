package sim

import (
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// place returns the position of a catalog place, as the adapter resolves it.
func place(t *testing.T, name string) geo.LLA {
	t.Helper()
	e, err := catalog.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return geo.LLADeg(e.Lat.Central, e.Lon.Central, 0)
}

func missile(t *testing.T, name string) catalog.Entry {
	t.Helper()
	e, err := catalog.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestOutOfReachIsAResult(t *testing.T) {
	th := Threat{Name: "too-far", Missile: missile(t, "Shahab-3"), Launch: place(t, "Tabriz"), Aim: place(t, "Washington"), Count: 1}
	fs, err := FlyThreats([]Threat{th}, DefaultOptions())
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
}

func TestRaidExpansion(t *testing.T) {
	th := Threat{Name: "raid", Missile: missile(t, "Iskander-M"), Launch: place(t, "Chernyakhovsk"), Aim: place(t, "Vilnius"),
		Count: 3, Interval: 12, LaunchTime: 5}
	fs, err := FlyThreats([]Threat{th}, DefaultOptions())
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
		// physics does not depend on the epoch. 2 ms: the aim converges to
		// MissTol (1 m), about 1 ms at the ~1 km/s impact speed, and the
		// solver's path differs with the epoch.
		if math.Abs(f.FlightTime-fs[0].FlightTime) > 2e-3 {
			t.Errorf("flight %d time %.4f s differs from the first, %.4f s", k, f.FlightTime, fs[0].FlightTime)
		}
	}
}

// TestUnflyableProfileIsAProblem: an apogee no depressed trajectory can
// take is an input problem naming the threat, not a failure.
func TestUnflyableProfileIsAProblem(t *testing.T) {
	th := Threat{Name: "too-low", Missile: missile(t, "Sejjil"), Launch: place(t, "Kermanshah"), Aim: place(t, "Ankara"),
		Profile: flight.Depressed, Apogee: 60e3, Count: 1}
	_, err := FlyThreats([]Threat{{Name: "ok", Missile: th.Missile, Launch: th.Launch, Aim: th.Aim}, th}, DefaultOptions())
	se, ok := err.(*Errors)
	if !ok || len(se.Problems) != 1 {
		t.Fatalf("FlyThreats(apogee 60 km) = %v, want one problem", err)
	}
	if p := se.Problems[0]; p.Element != ThreatElement || p.Index != 1 || !strings.Contains(p.Msg, "apogee_km") {
		t.Errorf("problem = %v, want threat 1: ... apogee_km", p)
	}
}
