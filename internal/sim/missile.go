package sim

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
)

// boosterDragCoefficient is the zero-lift drag coefficient assumed for a
// missile body in boost, used with its catalog diameter to get Cd·A.
// Assumption: 0.3 is typical of slender rockets at supersonic Mach numbers
// (Fleeman, Tactical Missile Design, 2nd ed., 2006, ch. 2).
const boosterDragCoefficient = 0.3

// ballisticMissile builds a staged flight.Missile from a catalog entry, with
// every value at pick p.
func ballisticMissile(e catalog.Entry, p catalog.Pick) (*flight.Missile, error) {
	if e.Kind != catalog.KindBallisticMissile {
		return nil, fmt.Errorf("%s is a %s, not a ballistic missile", e.Name, e.Kind)
	}
	m := &flight.Missile{
		Name:    e.Name,
		Payload: e.At("payload_kg", p),
		Beta:    e.At("ballistic_coefficient_kgm2", p),
	}
	for _, s := range e.Stages {
		m.Stages = append(m.Stages, flight.Stage{
			Thrust:         s.ThrustKN.At(p) * 1e3,
			BurnTime:       s.BurnTimeS.At(p),
			PropellantMass: s.PropellantKg.At(p),
			DryMass:        s.DryKg.At(p),
		})
	}
	if d := e.At("diameter_m", p); d > 0 {
		m.BoosterBeta = m.LaunchMass() / (boosterDragCoefficient * math.Pi * d * d / 4)
	}
	if math.IsNaN(m.Payload) || math.IsNaN(m.Beta) || len(m.Stages) == 0 {
		return nil, fmt.Errorf("catalog entry %s lacks payload_kg, ballistic_coefficient_kgm2 or stages", e.Name)
	}
	return m, nil
}

// cruiseMissile builds a flight.CruiseMissile from a catalog entry.
func cruiseMissile(e catalog.Entry, p catalog.Pick) (flight.CruiseMissile, error) {
	c := flight.CruiseMissile{
		Name:  e.Name,
		Speed: e.At("cruise_speed_kms", p) * 1e3,
		Alt:   e.At("cruise_altitude_m", p),
		Range: e.At("range_km", p) * 1e3,
	}
	if !(c.Speed > 0) || math.IsNaN(c.Alt) || !(c.Range > 0) {
		return c, fmt.Errorf("catalog entry %s lacks cruise_speed_kms, cruise_altitude_m or range_km", e.Name)
	}
	return c, nil
}
