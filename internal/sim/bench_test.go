package sim_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// BenchmarkSenseEurope is one sensing trial of the default scenario: every
// radar look, tracker scan and truth match from first launch to last impact.
func BenchmarkSenseEurope(b *testing.B) {
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := processCPU()
	for i := 0; b.Loop(); i++ {
		if _, err := w.Sense(sim.TrialRand(1, i)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/trial")
}

// BenchmarkBuildEurope flies the default scenario's threats (ten aimed
// staged-missile solves) and builds its radars.
func BenchmarkBuildEurope(b *testing.B) {
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := study.BuildWorld(s, sim.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/op")
}

// BenchmarkEngageEurope is one trial of the whole loop on the default
// scenario: sensing, tracking, evaluation, assignment, intercepts.
func BenchmarkEngageEurope(b *testing.B) {
	w := europeWorld(b)
	b.ReportAllocs()
	cpu := processCPU()
	for i := 0; b.Loop(); i++ {
		if _, err := w.Engage(sim.TrialRand(1, i)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/trial")
}

// BenchmarkMonteCarloEurope runs 20 trials of the default scenario on every
// core and reports trials per second.
func BenchmarkMonteCarloEurope(b *testing.B) {
	w := europeWorld(b)
	const trials = 20
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := w.MonteCarlo(context.Background(), 1, trials, runtime.GOMAXPROCS(0), nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, trials, "cpu-ns/trial")
	b.ReportMetric(float64(trials*b.N)/b.Elapsed().Seconds(), "trials/s")
}

// reportCPU reports the process CPU time used since cpu0 per trial (or per
// iteration), in unit, with trials trials an iteration: on a shared
// machine ns/op is wall time and counts the other users' load too.
func reportCPU(b *testing.B, cpu0 int64, trials int, unit string) {
	b.Helper()
	if b.N == 0 {
		return
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N*trials), unit)
}

// europeWorld builds the default scenario and runs one trial, which builds
// the interceptor envelopes, so benchmarks time the steady state.
func europeWorld(b *testing.B) *sim.World {
	b.Helper()
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	if _, err := w.Engage(sim.TrialRand(1, 0)); err != nil {
		b.Fatal(err)
	}
	return w
}

// BenchmarkLookWindowsEurope computes the default scenario's look windows,
// which a world computes once, on its first trial.
func BenchmarkLookWindowsEurope(b *testing.B) {
	w := europeWorld(b)
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		w.ComputeLookWindows()
	}
	reportCPU(b, cpu, 1, "cpu-ns/op")
}

// BenchmarkEngageEuropeFast is one trial of the whole loop on the default
// scenario at the fast fidelity (fast.go): covariance-only tracks,
// tabulated look geometry, battle management only at the ticks where it
// has something to do.
func BenchmarkEngageEuropeFast(b *testing.B) {
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	o := sim.DefaultOptions()
	o.Fidelity = sim.FastFidelity
	w, err := study.BuildWorld(s, o)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := w.Engage(sim.TrialRand(1, 0)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := processCPU()
	for i := 0; b.Loop(); i++ {
		if _, err := w.Engage(sim.TrialRand(1, i)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/trial")
}
