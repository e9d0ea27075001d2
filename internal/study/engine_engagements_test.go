package study

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

func mixedRaidWorld(t *testing.T) (*scenario.Scenario, *sim.World) {
	t.Helper()
	s, err := scenario.Load(filepath.Join("..", "..", "examples", "scenarios", "mixed-raid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s, w
}

// TestEngagementTally: the tally's means per trial count a kill only for
// a shot whose Kill is set, and average the shots' planned points.
func TestEngagementTally(t *testing.T) {
	_, w := mixedRaidWorld(t)
	jet := -1
	for i, f := range w.Flights {
		if f.Name == "flanker#1" {
			jet = i
		}
	}
	tally := newEngagementTally(w)
	shot := func(lat float64, kill bool) sim.Shot {
		return sim.Shot{Flight: jet, Interceptor: "PAC-2 GEM-T", Pos: geo.LLADeg(lat, 24, 6000), Kill: kill}
	}
	tally.observe(0, &sim.Outcome{Shots: []sim.Shot{shot(54.6, false), shot(54.8, true)}})
	tally.observe(1, &sim.Outcome{Shots: []sim.Shot{{Flight: -1, Interceptor: "PAC-2 GEM-T"}}}) // fired at nothing: not counted
	rows := tally.rows()
	if len(rows) != 1 {
		t.Fatalf("rows %+v, want one", rows)
	}
	r := rows[0]
	const tol = 1e-6 // the rows are rounded to 6 decimals
	if r.Threat != "flanker#1" || r.Kind != "aircraft" || r.ShotsMean != 1 || r.KillsMean != 0.5 ||
		math.Abs(r.InterceptLatDeg-54.7) > tol || math.Abs(r.InterceptLonDeg-24) > tol || math.Abs(r.InterceptAltKm-6) > tol {
		t.Errorf("row %+v, want flanker#1 aircraft, 1 shot and 0.5 kills per trial at 54.7, 24, 6 km", r)
	}
}

// TestMixedRaidWords: a raid with cruise missiles and aircraft calls its
// leakers threats, not warheads, and lists its engagements; the default
// (ballistic) scenario keeps "warheads" and lists none.
func TestMixedRaidWords(t *testing.T) {
	s, _ := mixedRaidWorld(t)
	res, err := (&Engine{}).Run(s, Options{Seed: 1, Trials: 2, Workers: 1, Sim: sim.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Headline.Answer, "threats leak") || strings.Contains(res.Headline.Answer, "warhead") {
		t.Errorf("mixed raid headline %q: want leakers called threats", res.Headline.Answer)
	}
	if r, ok := res.Results.(EngineResults); !ok || len(r.Engagements) == 0 {
		t.Errorf("mixed raid results %T: want engagements listed", res.Results)
	}
	d, err := scenario.Load(scenario.Default)
	if err != nil {
		t.Fatal(err)
	}
	res, err = (&Engine{}).Run(d, Options{Seed: 1, Trials: 2, Workers: 1, Sim: sim.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Headline.Answer, "warheads leak") {
		t.Errorf("default headline %q: want warheads", res.Headline.Answer)
	}
	if r, ok := res.Results.(EngineResults); !ok || r.Engagements != nil {
		t.Errorf("default results: engagements %v, want none (the JSON unchanged)", r.Engagements)
	}
}
