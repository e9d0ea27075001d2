package sim_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"slices"
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

// BenchmarkBuildEuropeRaid16 builds the default scenario with every
// raid sixteen times as large: 160 missiles of 10 distinct shots, each
// aimed once (issue 13).
func BenchmarkBuildEuropeRaid16(b *testing.B) {
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	big := *s
	big.Threats = slices.Clone(s.Threats)
	for i := range big.Threats {
		big.Threats[i].Count *= 16
		if big.Threats[i].IntervalS == 0 {
			big.Threats[i].IntervalS = 10
		}
	}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := study.BuildWorld(&big, sim.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/op")
}

// BenchmarkEngageEurope is one trial of the whole loop on the default
// scenario: sensing, tracking, evaluation, assignment, intercepts.
func BenchmarkEngageEurope(b *testing.B) {
	w := europeWorld(b)
	engageTrials(b, w)
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

// engageTrials runs one engagement trial of w an iteration, trial i
// drawing from TrialRand(1, i), and reports CPU and allocation a trial.
func engageTrials(b *testing.B, w *sim.World) {
	b.Helper()
	b.ReportAllocs()
	cpu := processCPU()
	for i := 0; b.Loop(); i++ {
		if _, err := w.Engage(sim.TrialRand(1, i)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/trial")
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
	return europeWorldWith(b, sim.DefaultOptions())
}

// europeWorldWith is europeWorld with the options o.
func europeWorldWith(b *testing.B, o sim.Options) *sim.World {
	b.Helper()
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	return warmWorld(b, s, o)
}

// warmWorld builds the world of s with o and runs its first trial, which
// builds the interceptor envelopes and the look windows.
func warmWorld(b *testing.B, s *scenario.Scenario, o sim.Options) *sim.World {
	b.Helper()
	w, err := study.BuildWorld(s, o)
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

// BenchmarkLooksEurope is every radar's look at every flight of the default
// scenario once a second from launch to impact (about 30,000 looks, as
// many as a trial makes), through the look windows as a trial looks: the
// radar part of a trial without its tracker. Each iteration is one such
// set of looks.
func BenchmarkLooksEurope(b *testing.B) {
	w := europeWorld(b)
	rng := sim.TrialRand(1, 0)
	b.ReportAllocs()
	cpu := processCPU()
	looks, seen := 0, 0
	for b.Loop() {
		for r := range w.Radars {
			for i := range w.Flights {
				f := &w.Flights[i]
				if f.Mover() == nil {
					continue
				}
				for tl := f.LaunchTime + 0.5; tl < f.LaunchTime+f.FlightTime; tl++ {
					looks++
					if _, ok := w.LookAt(r, i, tl, 0.1, rng); ok {
						seen++
					}
				}
			}
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/op")
	b.ReportMetric(float64(looks)/float64(b.N), "looks/op")
	b.ReportMetric(float64(seen)/float64(b.N), "detections/op")
}

// BenchmarkMonteCarloWorkers runs 64 trials of the default scenario on 1
// and on 2 workers and reports trials per wall second, CPU per trial
// (getrusage) and idle-%: the share of the workers' time (GOMAXPROCS ×
// wall, runtime/metrics /cpu/classes) in which the Go scheduler had
// nothing to run, i.e. workers waiting on each other. On an idle 2-core
// machine 2 workers should give ≥ 1.8 times the trials per second of 1
// (issue 13); on a shared one trials/s measures the other users too, so
// read cpu-ns/trial (which should not grow with workers) and idle-% (which
// bounds the speed-up: 2 workers give at most 2 × (1 − idle) the rate of
// one at equal CPU per trial).
func BenchmarkMonteCarloWorkers(b *testing.B) {
	benchmarkWorkers(b, europeWorld(b), 64)
}

// BenchmarkMonteCarloWorkersFast is BenchmarkMonteCarloWorkers at the fast
// fidelity, 2,048 trials a run (about 1.5 s of CPU): its trials are some 40
// times shorter, so whatever the workers share (the ordered hand-over of
// results, allocation and garbage collection) weighs 40 times more.
func BenchmarkMonteCarloWorkersFast(b *testing.B) {
	o := sim.DefaultOptions()
	o.Fidelity = sim.FastFidelity
	benchmarkWorkers(b, europeWorldWith(b, o), 2048)
}

func benchmarkWorkers(b *testing.B, w *sim.World, trials int) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			if workers > runtime.GOMAXPROCS(0) {
				b.Skipf("GOMAXPROCS %d < %d workers", runtime.GOMAXPROCS(0), workers)
			}
			b.ReportAllocs()
			idle0, total0 := schedulerTime()
			cpu := processCPU()
			for b.Loop() {
				if _, err := w.MonteCarlo(context.Background(), 1, trials, workers, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu, trials, "cpu-ns/trial")
			b.ReportMetric(float64(trials*b.N)/b.Elapsed().Seconds(), "trials/s")
			// With fewer workers than Ps the spare Ps run the GC and
			// idle, which is not waiting: idle-% only when all are used.
			if workers == runtime.GOMAXPROCS(0) {
				idle, total := schedulerTime()
				b.ReportMetric(100*(idle-idle0)/(total-total0), "idle-%")
			}
		})
	}
}

// schedulerTime returns the Go runtime's estimate of the time its Ps have
// been idle and their total time (GOMAXPROCS × wall), s, after a GC, which
// brings the estimates up to date.
func schedulerTime() (idle, total float64) {
	runtime.GC()
	s := []metrics.Sample{{Name: "/cpu/classes/idle:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}}
	metrics.Read(s)
	return s[0].Value.Float64(), s[1].Value.Float64()
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
	w := warmWorld(b, s, sim.DefaultOptions())
	if len(w.Flights) != size {
		b.Fatalf("raid world has %d flights, want %d", len(w.Flights), size)
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

// BenchmarkEngageEuropeFast is one trial of the whole loop on the default
// scenario at the fast fidelity (fast.go): covariance-only tracks,
// tabulated look geometry, battle management only at the ticks where it
// has something to do.
func BenchmarkEngageEuropeFast(b *testing.B) {
	o := sim.DefaultOptions()
	o.Fidelity = sim.FastFidelity
	w := europeWorldWith(b, o)
	engageTrials(b, w)
}
