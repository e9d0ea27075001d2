package study

import (
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// RunShard runs the trials first … end−1 of the engine run of s with o, as
// Run would run them, and hands each outcome to sink: pass 0's in trial
// order, then, with WarningValue, pass 1's (no sharing). A merge of every
// shard's outcomes through Options.Outcomes gives Run's result to the byte.
func RunShard(s *scenario.Scenario, st Study, o Options, first, end int, sink func(*sim.Outcome) error) error {
	if _, engine := st.(*Engine); !engine {
		return badInput("--shard applies to engine runs; %s runs the %s analysis", s.File, s.Analysis.Kind)
	}
	if o.Outcomes != nil {
		return badInput("a shard runs its trials; it cannot replay outcomes")
	}
	o, err := checkRun(s, st, o)
	if err != nil {
		return err
	}
	world, o, err := engineWorld(s, o)
	if err != nil {
		return err
	}
	worlds := []*sim.World{world}
	if o.WarningValue {
		w2, err := aloneWorld(s, o)
		if err != nil {
			return err
		}
		worlds = append(worlds, w2)
	}
	for pass, w := range worlds {
		label := "Monte Carlo trials of the shard"
		if pass == 1 {
			label += " without sharing"
		}
		progress := o.trialProgress(label, end-first)
		if err := w.TrialRange(o.context(), o.Seed, first, end, o.Workers, progress, func(_ int, out *sim.Outcome) error { return sink(out) }); err != nil {
			return err
		}
	}
	return nil
}
