package main

import (
	"strings"

	"github.com/spf13/pflag"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// physicsFlags are the model switches shared by run and fly; run adds
// --pick-threat and --pick-defense (registerSidePicks).
type physicsFlags struct {
	earth       string
	noRotation  bool
	noDrag      bool
	pick        string
	pickThreat  string
	pickDefense string
	fs          *pflag.FlagSet
}

func (p *physicsFlags) register(fs *pflag.FlagSet) {
	p.fs = fs
	fs.StringVar(&p.earth, "earth", "wgs84", "Earth model: wgs84 (ellipsoid, J2 gravity) or sphere (R = 6371.0 km, μ = 398600.4418 km³/s², central gravity only)")
	fs.BoolVar(&p.noRotation, "no-rotation", false, "do not rotate the Earth (ΩE = 0); for textbook comparisons")
	fs.BoolVar(&p.noDrag, "no-drag", false, "no atmospheric drag in boost or reentry")
	fs.StringVar(&p.pick, "pick", "central", "which value of each catalog low/central/high band to use: low, central or high")
}

// registerSidePicks adds the flags that pick the threats' and the
// defense's catalog values apart. --pick sets both and may not be given
// with either.
func (p *physicsFlags) registerSidePicks(fs *pflag.FlagSet) {
	fs.Lookup("pick").Usage = "which value of each catalog low/central/high band to use for threats and defense alike: low, central or high (not with --pick-threat or --pick-defense)"
	fs.StringVar(&p.pickThreat, "pick-threat", "central", "catalog band value for the threats (missiles, aircraft): low, central or high")
	fs.StringVar(&p.pickDefense, "pick-defense", "central", "catalog band value for the defense (interceptors, radars, fighters): low, central or high")
}

// changed reports whether the flag called name was given.
func (p *physicsFlags) changed(name string) bool {
	f := p.fs.Lookup(name)
	return f != nil && f.Changed
}

// given says which pick flags were given.
func (p *physicsFlags) given() study.PicksGiven {
	return study.PicksGiven{Both: p.changed("pick"), Threat: p.changed("pick-threat"), Defense: p.changed("pick-defense")}
}

// parsePick parses the value of the pick flag called name. An empty value
// (--pick-threat=) is refused: catalog.ParsePick reads "" as central for
// YAML files that leave the field out, but a flag given empty is a typo.
func parsePick(name, v string) (catalog.Pick, error) {
	var pick catalog.Pick
	if strings.TrimSpace(v) == "" {
		return pick, badInput("--%s is empty; allowed: low, central, high", name)
	}
	if err := pick.UnmarshalText([]byte(v)); err != nil {
		return pick, badInput("--%s %q is not allowed; allowed: low, central, high", name, v)
	}
	return pick, nil
}

func (p *physicsFlags) options() (sim.Options, error) {
	earth, err := flight.EarthModel(p.earth, p.noRotation, p.noDrag)
	if err != nil {
		return sim.Options{}, badInput("--earth %q is not allowed; allowed: wgs84, sphere", p.earth)
	}
	g := p.given()
	if g.Both && (g.Threat || g.Defense) {
		return sim.Options{}, badInput("--pick sets the threats' and the defense's catalog values alike; give it alone, or --pick-threat and --pick-defense instead")
	}
	both, err := parsePick("pick", p.pick)
	if err != nil {
		return sim.Options{}, err
	}
	o := sim.Options{Earth: earth, ThreatPick: both, DefensePick: both}
	if g.Threat {
		if o.ThreatPick, err = parsePick("pick-threat", p.pickThreat); err != nil {
			return sim.Options{}, err
		}
	}
	if g.Defense {
		if o.DefensePick, err = parsePick("pick-defense", p.pickDefense); err != nil {
			return sim.Options{}, err
		}
	}
	return o, nil
}

// describe describes o, built from these flags, in JSON output.
func (p *physicsFlags) describe(o sim.Options) study.Physics {
	return study.DescribePhysics(p.earth, o)
}
