package study

import (
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// Point is the headline statistics of one engine Monte Carlo of a sweep
// or sensitivity run: no report, no events, only the numbers a grid of
// runs compares.
type Point struct {
	Fidelity sim.Fidelity
	Trials   int
	Seed     int64
	// Assets are each asset's survival (Wilson 95 % interval) and what the
	// raid did to it, in the scenario's order.
	Assets []AssetFate
	// Leakers and interceptors per raid, means with normal 95 % intervals.
	LeakersMean, InterceptorsMean float64
	LeakersCI95, InterceptorsCI95 [2]float64
	// LeakerUnit is what leaks (leakerUnit): "warheads", or "threats"
	// for a raid with cruise missiles or aircraft.
	LeakerUnit string
}

// FastRefusal says why the engine refuses the fast fidelity for s, or
// returns nil: cruise missiles, aircraft or track links rule it out.
func FastRefusal(s *scenario.Scenario, o Options, ov catalog.Overrides) error {
	so := o.Sim
	if so.Earth.GM == 0 {
		so = sim.DefaultOptions()
	}
	so.Fidelity = sim.FastFidelity
	w, err := buildWorldWith(s, so, ov, nil)
	if err != nil {
		return err
	}
	return w.CheckFast()
}

// RunPoint runs the engine's Monte Carlo of s (which must have no analysis
// section) with the catalog looked up through ov, at o's fidelity, seed,
// trials and workers, and returns its headline statistics. Input problems
// come back as from Run.
func RunPoint(s *scenario.Scenario, o Options, ov catalog.Overrides) (*Point, error) {
	if s.Analysis != nil {
		return nil, badInput("%s runs the %s analysis; sweeps and sensitivity runs run the engine only", s.File, s.Analysis.Kind)
	}
	if o.Sim.Earth.GM == 0 {
		o.Sim = sim.DefaultOptions()
	}
	o.Progress = nil
	world, o, err := engineWorldWith(s, o, ov)
	if err != nil {
		return nil, err
	}
	sum, err := monteCarlo(world, o, "", nil)
	if err != nil {
		return nil, err
	}
	return &Point{Fidelity: o.Sim.Fidelity, Trials: sum.Trials, Seed: o.Seed, Assets: AssetFates(world, sum),
		LeakersMean: sum.LeakersMean, InterceptorsMean: sum.InterceptorsMean,
		LeakersCI95: sum.LeakersCI95, InterceptorsCI95: sum.InterceptorsCI95, LeakerUnit: leakerUnit(world)}, nil
}

// SystemsOf names the catalog systems an engine run of s uses (missiles,
// aircraft, interceptors, radars), in the order the world holds them.
func SystemsOf(s *scenario.Scenario) ([]string, error) {
	w, err := buildWorldWith(s, sim.DefaultOptions(), nil, nil)
	if err != nil {
		return nil, err
	}
	return EngineSystems(w), nil
}
