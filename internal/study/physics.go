package study

import "github.com/rampart-sim/rampart/internal/sim"

// Physics describes the physics switches of a run in its JSON document.
type Physics struct {
	Model    string `json:"model"`
	J2       bool   `json:"j2"`
	Rotation bool   `json:"rotation"`
	Drag     bool   `json:"drag"`
	Pick     string `json:"catalog_pick"`
}

// DescribePhysics describes o, whose Earth model was chosen by the name
// model ("wgs84" or "sphere").
func DescribePhysics(model string, o sim.Options) Physics {
	return Physics{Model: model, J2: o.Earth.J2 != 0, Rotation: o.Earth.Omega != 0, Drag: o.Earth.Drag, Pick: o.Pick.String()}
}
