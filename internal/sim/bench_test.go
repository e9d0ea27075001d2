package sim

import (
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// BenchmarkSenseEurope is one sensing trial of the default scenario: every
// radar look, tracker scan and truth match from first launch to last impact.
func BenchmarkSenseEurope(b *testing.B) {
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	w, err := Build(s, DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := w.Sense(TrialRand(1, i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildEurope flies the default scenario's threats (ten aimed
// staged-missile solves) and builds its radars.
func BenchmarkBuildEurope(b *testing.B) {
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(s, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}
