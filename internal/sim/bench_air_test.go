package sim_test

import (
	"path/filepath"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// BenchmarkEngageMixed is one trial of the whole loop on the mixed raid
// example (examples/scenarios/mixed-raid.yaml: two Iskander-M, two 9M729
// cruise missiles and two Su-30SM against one Patriot battery), reporting
// CPU per trial and per object (flight) of the raid: issue 13's budget is
// 5 ms per trial for the default scenario's 10 missiles, 0.5 ms per object.
func BenchmarkEngageMixed(b *testing.B) {
	s, err := scenario.Load(filepath.Join("..", "..", "examples", "scenarios", "mixed-raid.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	w := warmWorld(b, s, sim.DefaultOptions())
	b.ReportAllocs()
	cpu := processCPU()
	for i := 0; b.Loop(); i++ {
		if _, err := w.Engage(sim.TrialRand(1, i)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/trial")
	reportCPU(b, cpu, len(w.Flights), "cpu-ns/object")
}
