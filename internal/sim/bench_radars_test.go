package sim_test

import (
	"fmt"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// radarCounts are the radar counts BenchmarkEngageRadars sweeps: the
// default scenario's three, then up to the 24.
var radarCounts = []int{3, 6, 12, 24}

// BenchmarkEngageRadars is one engine trial of the default scenario with
// AN/TPY-2 radars added along the corridor from Kürecik to Deveselu, each
// facing the raid, up to radarCounts radars: CPU per detection against the
// number of radars says whether the engine's cost stays linear in what is
// sensed (issue 13: up to 24 radars).
func BenchmarkEngageRadars(b *testing.B) {
	for _, n := range radarCounts {
		b.Run(fmt.Sprintf("radars=%d", n), func(b *testing.B) {
			w := radarsWorld(b, n)
			scans, err := w.EngageRecordingScans(sim.TrialRand(1, 0))
			if err != nil {
				b.Fatal(err)
			}
			dets := 0
			for _, s := range scans {
				dets += len(s.Dets)
			}
			cpu := processCPU()
			engageTrials(b, w)
			b.ReportMetric(float64(dets), "detections/trial")
			if dets > 0 {
				reportCPU(b, cpu, dets, "cpu-ns/detection")
			}
		})
	}
}

// radarsWorld is the default scenario with n radars in all: the added ones
// evenly spaced on the line from Kürecik (38.35° N, 37.79° E) to Deveselu
// (44.08° N, 24.41° E), boresight 100°, toward the raid's launch areas.
func radarsWorld(b *testing.B, n int) *sim.World {
	b.Helper()
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		b.Fatal(err)
	}
	have := 0
	for _, st := range s.Sites {
		for _, p := range st.Platforms {
			for _, part := range p.Parts {
				if part.Kind == scenario.Radar {
					have++
				}
			}
		}
	}
	az := 100.0
	for i := range n - have {
		f := float64(i+1) / float64(n-have+1)
		name := fmt.Sprintf("bench-tpy2-%d", i+1)
		s.Sites = append(s.Sites, scenario.Site{Name: name, Owner: "US",
			Point:     scenario.Point{LatDeg: 38.35 + f*(44.08-38.35), LonDeg: 37.79 + f*(24.41-37.79)},
			Platforms: []scenario.Platform{{Name: name, Parts: []scenario.Part{{Kind: scenario.Radar, Type: "AN/TPY-2", AzimuthDeg: &az}}}}})
	}
	w := warmWorld(b, s, sim.DefaultOptions())
	if got := len(w.Radars); got != n {
		b.Fatalf("world has %d radars, want %d", got, n)
	}
	return w
}
