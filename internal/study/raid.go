package study

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// This file holds what the analyses that also run a raid share: a
// rotation or reach analysis whose scenario has top-level threats runs
// them through the engine, with the scenario's owners and assets, exactly
// as an engine scenario's threats run (the same decoder, validator and
// adapter to sim.Spec); only the defended sites differ (a rotation's
// ready batteries of each phase, a reach analysis's top-level sites).

// raidKinds are the analyses that run the scenario's threats as a raid.
var raidKinds = []string{"rotation", "reach"}

// hasRaid reports whether s is an analysis that runs a raid through the
// engine: a rotation or reach analysis with top-level threats.
func hasRaid(s *scenario.Scenario) bool {
	return s != nil && s.Analysis != nil && len(s.Threats) > 0 && slices.Contains(raidKinds, s.Analysis.Kind)
}

// raidUses is what a study with a raid reads besides its own (studyKind):
// the engine's Monte Carlo (trials, seed, workers) and its flights
// (physics).
var raidUses = Uses{MonteCarlo: true, Physics: true}

// RaidJSON is the engine's outcome of one Monte Carlo of a raid: each
// asset's survival and status (defended only where a missile in reach was
// aimed at it and engaged), and the means per raid.
type RaidJSON struct {
	Trials int   `json:"trials"`
	Seed   int64 `json:"seed"`
	// Defenses are the launchers and radars that ran, one line each
	// ("Battery A: 24 × PAC-3 MSE", "Battery A: AN/MPQ-65 facing 265°").
	Defenses []string    `json:"defenses"`
	Assets   []AssetJSON `json:"assets"`
	Totals   TotalsJSON  `json:"totals"`
	// Engagements lists, for raids with cruise missiles or aircraft, which
	// interceptor engaged what and where (as an engine run's results).
	Engagements []EngagementJSON `json:"engagements,omitempty"`
}

// raidRun is one Monte Carlo of a raid: the world it ran and its summary.
type raidRun struct {
	world       *sim.World
	sum         *sim.Summary
	seed        int64
	engagements []EngagementJSON // for raids with air breathers, else nil
}

// runRaid runs the raid of s (its threats, owners and assets) against
// sites, trials from o, on stream seed; label names the run in progress
// reports. sites replace the scenario's own; the analysis section is left
// out, so the adapter sees an engine scenario.
func runRaid(s *scenario.Scenario, sites []scenario.Site, o Options, seed int64, label string) (*raidRun, error) {
	sc := *s
	sc.Sites, sc.Analysis = sites, nil
	var aiming func(string, int, int)
	if o.Progress != nil {
		aiming = func(phase string, done, total int) { o.Progress(phase+", "+label, done, total) }
	}
	world, err := buildWorld(&sc, o.Sim, aiming)
	if err != nil {
		return nil, err
	}
	o.Seed = seed
	if o.Trials < 1 {
		// A caller that gives no trials (Options' zero value) runs the
		// scenario's, as rampart run does without --trials.
		o.Trials = s.Run.Trials
	}
	var observe func(int, *sim.Outcome)
	tally := newEngagementTally(world)
	if tally != nil {
		observe = tally.observe
	}
	sum, err := monteCarlo(world, o, "Monte Carlo trials, "+label, observe)
	if err != nil {
		return nil, err
	}
	return &raidRun{world: world, sum: sum, seed: seed, engagements: tally.rows()}, nil
}

// json is the run's RaidJSON.
func (r *raidRun) json() RaidJSON {
	sum := r.sum
	return RaidJSON{Trials: sum.Trials, Seed: r.seed, Defenses: raidDefenses(r.world), Assets: engineAssetsJSON(AssetFates(r.world, sum)),
		Totals: totalsJSON(sum), Engagements: r.engagements}
}

// raidDefenses lists the launchers and radars of world, one line each.
func raidDefenses(w *sim.World) []string {
	out := []string{}
	for _, l := range w.Launchers {
		out = append(out, fmt.Sprintf("%s: %d × %s", l.Site, l.Rounds, l.Interceptor.Name))
	}
	for _, u := range w.Radars {
		out = append(out, fmt.Sprintf("%s: %s facing %.0f°", u.Site, u.Type, u.Radar.BoresightAz*180/math.Pi))
	}
	return out
}

// raidSeed is the seed of run k of an analysis with several raids (a
// rotation's phases), derived from the run's seed: a PCG stream keyed by
// (seed, k) and this file's constant, cut to scenario.MaxSeed so that it
// prints and round-trips as a JSON number. Run 0 uses the seed itself,
// so an analysis with one raid draws as an engine run of it would.
func raidSeed(seed int64, k int) int64 {
	if k == 0 {
		return seed
	}
	const raidStream = 0x7261696473656564 // "raidseed"
	r := rand.New(rand.NewPCG(uint64(seed), raidStream^uint64(k)))
	return int64(r.Uint64() & scenario.MaxSeed)
}
