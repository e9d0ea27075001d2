package main

import (
	"github.com/spf13/pflag"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// physicsFlags are the model switches shared by run and fly.
type physicsFlags struct {
	earth      string
	noRotation bool
	noDrag     bool
	pick       string
}

func (p *physicsFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&p.earth, "earth", "wgs84", "Earth model: wgs84 (ellipsoid, J2 gravity) or sphere (R = 6371.0 km, μ = 398600.4418 km³/s², central gravity only)")
	fs.BoolVar(&p.noRotation, "no-rotation", false, "do not rotate the Earth (ΩE = 0); for textbook comparisons")
	fs.BoolVar(&p.noDrag, "no-drag", false, "no atmospheric drag in boost or reentry")
	fs.StringVar(&p.pick, "pick", "central", "which value of each catalog low/central/high band to use: low, central or high")
}

func (p *physicsFlags) options() (sim.Options, error) {
	earth, err := flight.EarthModel(p.earth, p.noRotation, p.noDrag)
	if err != nil {
		return sim.Options{}, badInput("--earth %q is not allowed; allowed: wgs84, sphere", p.earth)
	}
	var pick catalog.Pick
	if err := pick.UnmarshalText([]byte(p.pick)); err != nil {
		return sim.Options{}, badInput("--pick %q is not allowed; allowed: low, central, high", p.pick)
	}
	return sim.Options{Earth: earth, Pick: pick}, nil
}

// describe describes o, built from these flags, in JSON output.
func (p *physicsFlags) describe(o sim.Options) study.Physics {
	return study.DescribePhysics(p.earth, o)
}
