package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
)

// BenchmarkScan100 is one radar's look at 100 targets in its field of
// regard (most visible, some below the horizon or out of range).
func BenchmarkScan100(b *testing.B) {
	r := mustRadar(b, "AN/TPY-2", catalog.PickCentral, kurecik, math.Pi/2)
	rng := rand.New(rand.NewPCG(1, 1))
	targets := make([]Target, 100)
	for i := range targets {
		targets[i] = Target{
			Pos: at(kurecik, 40+100*rng.Float64(), 200e3+2000e3*rng.Float64(), 1e3+800e3*rng.Float64()),
			RCS: 0.01 + 0.5*rng.Float64(),
		}
	}
	dst := make([]Detection, 0, len(targets))
	b.ReportAllocs()
	for b.Loop() {
		dst = r.Scan(0, targets, rng, dst[:0])
	}
}

func BenchmarkPd(b *testing.B) {
	d, _ := NewDetector(1e-6, 20, Swerling1, false)
	b.ReportAllocs()
	for b.Loop() {
		d.Pd(3)
	}
}
