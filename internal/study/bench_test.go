package study_test

import (
	"testing"

	"github.com/rampart-sim/rampart/internal/study"
)

// benchLibrary runs the whole analysis of a library scenario once per
// iteration, as 'rampart run NAME' does on 2 workers, and reports the CPU
// time of one analysis (cpu-ns/analysis). Run it with -benchtime 1x: each
// analysis takes seconds.
func benchLibrary(b *testing.B, name string) {
	s, st, err := study.Load(name)
	if err != nil {
		b.Fatal(err)
	}
	o := study.Options{Seed: s.Run.Seed, Trials: s.Run.Trials, Workers: 2}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := study.Run(s, st, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/analysis")
}

// BenchmarkLibraryRedzikowoICBM is the question-2 battle-space sweep with
// its burnout-speed search (rampart run redzikowo-icbm).
func BenchmarkLibraryRedzikowoICBM(b *testing.B) { benchLibrary(b, "redzikowo-icbm") }

// BenchmarkLibraryArchitecture is the command-architecture comparison
// (rampart run architecture).
func BenchmarkLibraryArchitecture(b *testing.B) { benchLibrary(b, "architecture") }
