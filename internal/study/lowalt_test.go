package study

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// lowFlierScenario is a 9M729 cruise missile (catalog cruise height 50 m)
// from Kaliningrad to Vilnius, watched by the sensor site given.
func lowFlierScenario(t *testing.T, site string) *scenario.Scenario {
	t.Helper()
	src := fmt.Sprintf(`name: low-flier
question: "?"
run: {seed: 1, trials: 1, duration_s: 3000}
owners: [{name: NATO}]
threats:
  - {name: cm, missile: 9M729, from: {place: Kaliningrad}, to: {place: Vilnius}, count: 1}
sites:
%s
`, site)
	s, err := scenario.Check("low.yaml", []byte(src), scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// firstDetection senses the scenario's one flight and returns the world,
// the time of its first detection and the ground distance then from the
// sensor site at (lat, lon) degrees, m.
func firstDetection(t *testing.T, s *scenario.Scenario, lat, lon float64) (*sim.World, float64, float64) {
	t.Helper()
	w, err := BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	out, err := w.Sense(rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	tt := out[0].FirstDetection
	if math.IsNaN(tt) {
		return w, tt, math.NaN()
	}
	p := geo.WGS84.ToGeodetic(w.Flights[0].Mover().At(tt).Pos)
	d, _, _ := geo.WGS84.Inverse(lat*math.Pi/180, lon*math.Pi/180, p.Lat, p.Lon)
	return w, tt, d
}

// TestEngineLowFlierSensing runs the engine's sensing of a 50 m cruise
// missile with a ground Patriot radar (AN/MPQ-65, catalog 4 m antenna)
// at Vilnius and with an E-3's AN/APY-2 at a fixed station 9 km above
// Lithuania. The ground radar first detects it at its 4/3-Earth horizon,
// 4.12 (√4 + √50) = 37.4 km (Skolnik's rule, heights in m); a site's
// antenna_height_m of 30 m replaces the catalog's and moves it to
// 4.12 (√30 + √50) = 51.7 km; the E-3 sees it from launch, 226 km from its
// station (its horizon against a 50 m flier is 420 km).
func TestEngineLowFlierSensing(t *testing.T) {
	const (
		// firstDetectTolKm: a detection comes within a search frame (4 s
		// at 0.25 km/s: 1 km) or two of the missile crossing the horizon,
		// and the rule is to 0.5 % (radar TestLowFlierHorizonSkolnik).
		firstDetectTolKm = 2.5
		// e3FarKm is less than the E-3's reach: the whole route lies
		// within its horizon, so it detects the missile soon after launch.
		e3FarKm = 200.0
	)
	horizon := func(ha, ht float64) float64 { return 4.12e3 * (math.Sqrt(ha) + math.Sqrt(ht)) }
	const vilnius = `  - name: patriot
    owner: NATO
    place: Vilnius
    %s
    platforms: [{name: fcr, parts: [{kind: radar, type: AN/MPQ-65, azimuth_deg: 250}]}]`
	for _, c := range []struct {
		name, site string  // the radar as logged, the site's extra line
		altM       float64 // the antenna height the run must use, m
		from       string  // where that height comes from
	}{
		{"MPQ-65 (4 m)", "", 4, "the catalog's 4 m"},
		{"MPQ-65 on a 30 m tower", "antenna_height_m: 30", 30, "the site's 30 m"},
	} {
		w, _, d := firstDetection(t, lowFlierScenario(t, fmt.Sprintf(vilnius, c.site)), 54.69, 25.28)
		if got := w.Radars[0].Radar.Site.Alt; got != c.altM {
			t.Errorf("%s: MPQ-65 antenna at %g m, want %s", c.name, got, c.from)
		}
		t.Logf("%s first detects the 50 m flier %.1f km out", c.name, d/1e3)
		if h := horizon(c.altM, 50); !(d <= h*1.005 && d > h-firstDetectTolKm*1e3) {
			t.Errorf("%s first detection %.1f km out, want at its horizon %.1f km (−%g km)", c.name, d/1e3, h/1e3, firstDetectTolKm)
		}
	}

	awacs := lowFlierScenario(t, `  - name: awacs
    owner: NATO
    lat_deg: 55.3
    lon_deg: 24.0
    platforms: [{name: e3, parts: [{kind: radar, type: AN/APY-2}]}]`)
	w, _, de := firstDetection(t, awacs, 55.3, 24.0)
	if got := w.Radars[0].Radar.Site.Alt; got != 9000 {
		t.Errorf("AN/APY-2 antenna at %g m, want its 9,000 m station", got)
	}
	t.Logf("E-3 first detects it %.1f km from its station", de/1e3)
	if !(de > e3FarKm*1e3) {
		t.Errorf("E-3 first detection %.1f km out, want beyond %g km", de/1e3, e3FarKm)
	}
}

// TestLowFlierExample: examples/scenarios/low-flier.yaml validates, and
// its E-3 is the sensor that first detects the cruise missile, within a
// few search frames of launch: 220 km from the station the missile's
// small cross section in clutter gives each look a Pd below 1, so the
// first detection may take more than one rotation; the Patriot radar
// cannot see it before it is within 37 km of Vilnius, 20 min later.
func TestLowFlierExample(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "scenarios", "low-flier.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Check("low-flier.yaml", src, scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	w, err := BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	out, err := w.Sense(rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	const e3Frames = 4 * 10.0 // four of the AN/APY-2's 10 s rotations
	if got := out[0]; got.FirstDetectionSensor != "e3" || !(got.FirstDetection-w.Flights[0].LaunchTime <= e3Frames) {
		t.Errorf("first detection by %q at %.1f s, want the E-3 (e3) within %g s of launch", got.FirstDetectionSensor, got.FirstDetection, e3Frames)
	}
}
