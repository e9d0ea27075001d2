package study

import "github.com/rampart-sim/rampart/internal/sim"

// Physics describes the physics switches of a run in its JSON document.
type Physics struct {
	Model    string `json:"model"`
	J2       bool   `json:"j2"`
	Rotation bool   `json:"rotation"`
	Drag     bool   `json:"drag"`
	// ThreatPick and DefensePick are the catalog picks of the threats
	// (missiles, aircraft) and of the defense (interceptors, radars,
	// fighters): low, central or high.
	ThreatPick  string `json:"catalog_pick_threat"`
	DefensePick string `json:"catalog_pick_defense"`
}

// DescribePhysics describes o, whose Earth model was chosen by the name
// model ("wgs84" or "sphere").
func DescribePhysics(model string, o sim.Options) Physics {
	return Physics{Model: model, J2: o.Earth.J2 != 0, Rotation: o.Earth.Omega != 0, Drag: o.Earth.Drag,
		ThreatPick: o.ThreatPick.String(), DefensePick: o.DefensePick.String()}
}
