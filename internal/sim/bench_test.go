package sim_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
	"github.com/rampart-sim/rampart/internal/track"
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

// raidSizes are the raid sizes BenchmarkEngageRaid sweeps: the default
// scenario's ten missiles, then each threat's count scaled by 4, 16 and 50.
var raidSizes = []int{10, 40, 160, 500}

// BenchmarkEngageRaid is one engine trial of the default scenario with its
// raid scaled to each of raidSizes missiles: every threat's count times
// k = size/10, launched k times more often, so that the whole raid flies at
// once as it does at k = 1. CPU per trial against raid size gives the
// engine's growth exponent (docs/performance.md, issue 13).
func BenchmarkEngageRaid(b *testing.B) {
	for _, size := range raidSizes {
		b.Run(fmt.Sprintf("missiles=%d", size), func(b *testing.B) {
			w := raidWorld(b, size)
			b.ReportAllocs()
			cpu := processCPU()
			for i := 0; b.Loop(); i++ {
				if _, err := w.Engage(sim.TrialRand(1, i)); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu, 1, "cpu-ns/trial")
		})
	}
}

// raidWorld builds the default scenario with its raid scaled to size
// missiles (a multiple of its ten) and runs one trial, as europeWorld.
func raidWorld(b *testing.B, size int) *sim.World {
	b.Helper()
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, t := range s.Threats {
		n += t.Count
	}
	if size%n != 0 {
		b.Fatalf("raid of %d missiles: not a multiple of the default %d", size, n)
	}
	k := size / n
	for i := range s.Threats {
		t := &s.Threats[i]
		if t.Count > 1 {
			t.IntervalS /= float64(k)
		} else {
			t.IntervalS = 20 / float64(k)
		}
		t.Count *= k
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	if len(w.Flights) != size {
		b.Fatalf("raid world has %d flights, want %d", len(w.Flights), size)
	}
	if _, err := w.Engage(sim.TrialRand(1, 0)); err != nil {
		b.Fatal(err)
	}
	return w
}

// BenchmarkTrackEurope replays the tracker scans of one engagement trial of
// the default scenario (trial 0, recorded once) through fresh trackers:
// the tracker's own CPU per trial, without the radar looks, planning and
// truth matching around it.
func BenchmarkTrackEurope(b *testing.B) {
	benchReplay(b, europeWorld(b))
}

// BenchmarkTrackRaid is BenchmarkTrackEurope for the raids of
// BenchmarkEngageRaid: the tracker's growth with raid size.
func BenchmarkTrackRaid(b *testing.B) {
	for _, size := range raidSizes {
		b.Run(fmt.Sprintf("missiles=%d", size), func(b *testing.B) {
			benchReplay(b, raidWorld(b, size))
		})
	}
}

// benchReplay records the tracker scans of trial 0 of w and replays them,
// one trial an iteration.
func benchReplay(b *testing.B, w *sim.World) {
	scans, err := w.EngageRecordingScans(sim.TrialRand(1, 0))
	if err != nil {
		b.Fatal(err)
	}
	ndets := 0
	for _, s := range scans {
		ndets += len(s.Dets)
	}
	var tracks []track.Track
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		trackers := map[string]*track.Tracker{}
		for _, s := range scans {
			t := trackers[s.Picture]
			if t == nil {
				if t, err = sim.NewTracker(s.Picture); err != nil {
					b.Fatal(err)
				}
				trackers[s.Picture] = t
			}
			if err := t.Scan(s.T, s.Dets); err != nil {
				b.Fatal(err)
			}
			tracks = t.AppendTracks(tracks[:0])
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/trial")
	b.ReportMetric(float64(ndets), "detections/trial")
}
