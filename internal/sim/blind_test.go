package sim_test

import (
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/sim"
)

// TestMissileOnTheRadar: an Iskander-M aimed at the Aegis Ashore radar at
// Redzikowo lands on it, and the radar's looks in its last second are
// within a few km, some at a few metres. Inside the radar's blind range
// (radar.BlindRange, cτ/2 of the near-range pulse: 149.9 m)
// they detect nothing: no detection the tracker gets is closer, and the
// run completes. (A look at 0.3 m detected the missile and measured a
// negative range, which the tracker refused, stopping the run.)
func TestMissileOnTheRadar(t *testing.T) {
	redzikowo := geo.LLADeg(54.48, 17.1, 0)
	spec := &sim.Spec{
		Sites: []sim.Site{{Name: "Redzikowo", Owner: "US", Pos: redzikowo, Platforms: []sim.Platform{{
			Name:   "aegis-ashore",
			Radars: []sim.Radar{{Entry: entry(t, "AN/SPY-1D(V)")}},
		}}}},
		Owners:  []sim.Owner{{Name: "US", Doctrine: c2.Doctrine{Salvo: 2, ShootLookShoot: true, KillAssessmentS: 10}}},
		Threats: []sim.Threat{{Name: "iskander", Missile: entry(t, "Iskander-M"), Launch: geo.LLADeg(54.71, 20.51, 0), Aim: redzikowo, Profile: flight.MinEnergy, Count: 1}},
		Assets:  c2.Assets{{Name: "Redzikowo", Owner: "US", Pos: redzikowo, Value: 5, Radius: 5e3}},
	}
	w, err := sim.Build(spec, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	blind := w.Radars[0].Radar.BlindRange()
	dets := 0
	for trial := range 20 {
		scans, err := w.EngageRecordingScans(rand.New(rand.NewPCG(uint64(trial), 17)))
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		for _, sc := range scans {
			for _, d := range sc.Dets {
				dets++
				if d.Z[0] < blind {
					t.Fatalf("trial %d: detection at %.1f s at range %.1f m, inside the blind range %.0f m", trial, d.Time, d.Z[0], blind)
				}
			}
		}
	}
	if dets == 0 {
		t.Fatal("the radar never detected the missile")
	}
}
