package sim_test

import (
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/sim"
)

// TestRaidAimedOnce (issue 13): the missiles of a raid differ only in
// launch time, so the first is aimed and the others fly its path later:
// each later missile is, bit for bit, the first one a launch interval
// later, with the same flight summary. (Aimed one by one, the copies
// differed by the solver's round-off, a few millimetres.)
func TestRaidAimedOnce(t *testing.T) {
	e, err := catalog.Lookup("Sejjil-2")
	if err != nil {
		t.Fatal(err)
	}
	const interval = 20.0
	th := sim.Threat{Name: "raid", Missile: e, Launch: geo.LLADeg(38.08, 46.29, 0), Aim: geo.LLADeg(44.43, 26.10, 0),
		Profile: flight.MinEnergy, LaunchTime: 5, Count: 3, Interval: interval}
	fs, err := sim.FlyThreats([]sim.Threat{th}, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 {
		t.Fatalf("FlyThreats(raid of 3) = %d flights", len(fs))
	}
	first := fs[0]
	for k, f := range fs[1:] {
		dt := float64(k+1) * interval
		if f.LaunchTime != th.LaunchTime+dt || f.Name != "raid#"+string(rune('2'+k)) {
			t.Errorf("flight %d: %s launched at %g, want raid#%d at %g", k+1, f.Name, f.LaunchTime, k+2, th.LaunchTime+dt)
		}
		if f.Miss != first.Miss || f.BurnoutAngle != first.BurnoutAngle || f.FlightTime != first.FlightTime || f.Impact != first.Impact {
			t.Errorf("%s: miss %g m, burnout angle %g rad, flight time %g s, impact %v; want the first missile's %g, %g, %g, %v",
				f.Name, f.Miss, f.BurnoutAngle, f.FlightTime, f.Impact, first.Miss, first.BurnoutAngle, first.FlightTime, first.Impact)
		}
		for tt := first.LaunchTime; tt <= first.LaunchTime+first.FlightTime; tt += 7 {
			if got, want := f.Ballistic.At(tt+dt).Pos, first.Ballistic.At(tt).Pos; got != want {
				t.Fatalf("%s at %g s = %v, want the first missile's position %g s earlier, %v", f.Name, tt+dt, got, dt, want)
			}
		}
	}
}
