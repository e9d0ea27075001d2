package study

import (
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// TestReproduceCommand: an embedded scenario by name (the old command gave
// its embedded path, library/europe.yaml, which rampart run refuses), a
// file by its path quoted for the shell, and each option that changes the
// result only when it is not the default.
func TestReproduceCommand(t *testing.T) {
	full := Options{Sim: sim.DefaultOptions(), Physics: DescribePhysics("wgs84", sim.DefaultOptions()), Seed: 3, Trials: 10}
	sphere, _ := flight.EarthModel("sphere", true, true)
	ideal := Options{Sim: sim.Options{Earth: sphere, ThreatPick: catalog.PickHigh, DefensePick: catalog.PickHigh}, Physics: Physics{Model: "sphere"}, Seed: 0, Trials: 1, WarningValue: true}
	split := full
	split.Sim.ThreatPick, split.Sim.DefensePick = catalog.PickHigh, catalog.PickLow
	for _, c := range []struct {
		s    *scenario.Scenario
		o    Options
		want string
	}{
		{&scenario.Scenario{File: "library/europe.yaml", Library: "europe"}, full, "rampart run europe --seed 3 --trials 10"},
		{&scenario.Scenario{File: "library/europe.yaml"}, full, "rampart run library/europe.yaml --seed 3 --trials 10"},
		{&scenario.Scenario{File: "runs/my raid's.yaml"}, ideal, `rampart run 'runs/my raid'\''s.yaml' --seed 0 --trials 1 --earth sphere --no-rotation --no-drag --pick high --warning-value`},
		{&scenario.Scenario{File: "-x.yaml"}, full, "rampart run ./-x.yaml --seed 3 --trials 10"},
		{&scenario.Scenario{Library: "europe"}, split, "rampart run europe --seed 3 --trials 10 --pick-threat high --pick-defense low"},
		{&scenario.Scenario{File: "/tmp/a$b.yaml"}, full, "rampart run '/tmp/a$b.yaml' --seed 3 --trials 10"},
	} {
		if got := ReproduceCommand(c.s, c.o); got != c.want {
			t.Errorf("ReproduceCommand(%s) = %s, want %s", c.s.File, got, c.want)
		}
	}
}
