package study

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
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
			fs, err := FlyThreats(s, sim.DefaultOptions())
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

func TestFlyOneOutOfReach(t *testing.T) {
	th := scenario.Threat{Name: "too-far", Missile: "Shahab-3", From: scenario.Point{Place: "Tabriz"},
		To: scenario.Point{Place: "Washington"}, Count: 1}
	_, err := FlyOne(th, sim.DefaultOptions())
	var se *scenario.Errors
	if !errors.As(err, &se) || len(se.Problems) != 1 || se.Problems[0].Path != "to" || !strings.Contains(se.Problems[0].Msg, "cannot reach the aim point: beyond the maximum range") {
		t.Errorf("FlyOne(out of reach) = %v, want to: Shahab-3 cannot reach the aim point: beyond the maximum range ...", err)
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
	for name, build := range map[string]func() error{
		"FlyThreats": func() error { _, err := FlyThreats(s, sim.DefaultOptions()); return err },
		"BuildWorld": func() error { _, err := BuildWorld(s, sim.DefaultOptions()); return err },
	} {
		err := build()
		var se *scenario.Errors
		if !errors.As(err, &se) || len(se.Problems) != 1 {
			t.Fatalf("%s(apogee 60 km) = %v, want one scenario problem", name, err)
		}
		want := "low.yaml:6:5: threats[0]: no depressed trajectory of Sejjil-2 hits the aim point"
		if p := se.Problems[0]; p.Line != 6 || p.Path != "threats[0]" || !strings.HasPrefix(p.String(), want) || !strings.Contains(p.Msg, "apogee_km") {
			t.Errorf("%s problem = %v, want %s ... apogee_km", name, p, want)
		}
	}
}

// TestUnresolvableElementsArePlaced: points that are not places and
// catalog names that do not exist (in a scenario built in Go, which no
// validation has checked) come back placed at their paths, in file order,
// and the threats' problems alone when a threat has one.
func TestUnresolvableElementsArePlaced(t *testing.T) {
	s := &scenario.Scenario{
		Run:    scenario.Run{Architecture: scenario.SeparateLinked},
		Owners: []scenario.Owner{{Name: "US", Doctrine: scenario.DefaultDoctrine()}},
		Sites: []scenario.Site{
			{Name: "a", Owner: "US", Point: scenario.Point{Place: "Deveselu"}, Platforms: []scenario.Platform{{Name: "p", Parts: []scenario.Part{
				{Kind: scenario.Radar, Type: "no such radar"},
				{Kind: scenario.Launcher, Interceptor: "no such interceptor", Rounds: 4},
			}}}},
			{Name: "b", Owner: "US", Point: scenario.Point{Place: "SM-3 IB"}},
		},
		Assets: []scenario.Asset{{Name: "x", Point: scenario.Point{Place: "nowhere at all"}, Value: 1}},
	}
	_, err := BuildWorld(s, sim.DefaultOptions())
	var se *scenario.Errors
	if !errors.As(err, &se) {
		t.Fatalf("BuildWorld = %v, want *scenario.Errors", err)
	}
	var paths []string
	for _, p := range se.Problems {
		paths = append(paths, p.Path)
	}
	want := "sites[0].platforms[0].parts[0] sites[1] sites[0].platforms[0].parts[1].interceptor assets[0]"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("BuildWorld problems at %s, want %s", got, want)
	}

	s.Threats = []scenario.Threat{{Name: "t", Missile: "Sejjil", From: scenario.Point{Place: "nowhere at all"}, To: scenario.Point{Place: "Ankara"}}}
	_, err = BuildWorld(s, sim.DefaultOptions())
	if !errors.As(err, &se) || len(se.Problems) != 1 || se.Problems[0].Path != "threats[0].from" {
		t.Errorf("BuildWorld(unresolvable threat) = %v, want the one threats[0].from problem", err)
	}
}

// TestFlyOneBurnoutAltitude (issue 12): a threat's burnout_alt_km reaches
// the flight model; it was dropped between the scenario and the flight.
func TestFlyOneBurnoutAltitude(t *testing.T) {
	th := scenario.Threat{Name: "high", BurnoutAltKm: 1282.7, From: scenario.Point{LatDeg: 10, LonDeg: 20},
		To: scenario.Point{LatDeg: 10, LonDeg: 50}, Count: 1}
	f, err := FlyOne(th, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if f.Ballistic == nil || math.Abs(f.Ballistic.Burnout.Alt-1282.7e3) > 1 {
		t.Errorf("FlyOne(burnout_alt_km 1282.7): burnout at %+v, want 1282.7 km up", f.Ballistic)
	}
}
