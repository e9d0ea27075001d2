package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/spatial/r3"

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

// reportCPU reports the process CPU time used since cpu0 per iteration,
// cpu-ns/op: on a shared machine ns/op is wall time and counts the other
// users' load too.
func reportCPU(b *testing.B, cpu0 int64) {
	b.Helper()
	if b.N > 0 {
		b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
	}
}

// inSightTargets returns n targets of r that Clear finds in sight (200 to
// 1,000 km away, 50 to 600 km high, in the sector), with RCS from 0.01
// to 1 m².
func inSightTargets(b *testing.B, r *Radar, n int) []Target {
	rng := rand.New(rand.NewPCG(1, 2))
	var out []Target
	for len(out) < n {
		p := at(kurecik, 40+100*rng.Float64(), 200e3+800e3*rng.Float64(), 50e3+550e3*rng.Float64())
		if r.Clear(p, 0) {
			out = append(out, Target{Pos: p, RCS: 0.01 + rng.Float64()})
		}
	}
	return out
}

// BenchmarkLookInSight is one look at a target in sight, by Look and by
// LookInSight (which skips the line of sight): geometry, the draw against
// the tabulated Pd and, when detected, the measurement.
func BenchmarkLookInSight(b *testing.B) {
	r := mustRadar(b, "AN/TPY-2", catalog.PickCentral, kurecik, math.Pi/2)
	targets := inSightTargets(b, r, 256)
	for _, c := range []struct {
		name string
		look func(float64, r3.Vec, float64, *rand.Rand) (Detection, bool)
	}{{"Look", r.Look}, {"LookInSight", r.LookInSight}} {
		b.Run(c.name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			b.ReportAllocs()
			cpu := processCPU()
			for i := 0; b.Loop(); i++ {
				tg := targets[i%len(targets)]
				c.look(0, tg.Pos, tg.RCS, rng)
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkPdDraw decides one draw against Pd, by computing Pd and by the
// table, at SNRs spread over 0 to 40 dB (the catalog's detector: 20 pulses
// integrated coherently, Swerling 1).
func BenchmarkPdDraw(b *testing.B) {
	d, err := NewDetector(DefaultPfa, 20, Swerling1, true)
	if err != nil {
		b.Fatal(err)
	}
	tab := newPdTable(d)
	rng := rand.New(rand.NewPCG(1, 3))
	snr, u := make([]float64, 1024), make([]float64, 1024)
	for i := range snr {
		snr[i], u[i] = FromDB(40*rng.Float64()), rng.Float64()
	}
	b.Run("Pd", func(b *testing.B) {
		cpu := processCPU()
		for i := 0; b.Loop(); i++ {
			_ = u[i%1024] < d.Pd(snr[i%1024])
		}
		reportCPU(b, cpu)
	})
	b.Run("table", func(b *testing.B) {
		cpu := processCPU()
		for i := 0; b.Loop(); i++ {
			tab.detected(snr[i%1024], u[i%1024])
		}
		reportCPU(b, cpu)
	})
}
