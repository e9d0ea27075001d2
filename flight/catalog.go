package flight

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// boosterDragCoefficient is the zero-lift drag coefficient assumed for a
// missile body in boost, used with its catalog diameter to get Cd·A.
// Assumption: 0.3 is typical of slender rockets at supersonic Mach numbers
// (Fleeman, Tactical Missile Design, 2nd ed., 2006, ch. 2).
const boosterDragCoefficient = 0.3

// Physics is the physics of a catalog flight: the Earth model, and the point
// of each catalog band (low, central, high) the missile's values are taken
// at.
type Physics struct {
	Earth Earth
	Pick  catalog.Pick
}

// DefaultPhysics is the full model: WGS-84 with J2, rotation and drag, and
// central catalog values.
func DefaultPhysics() Physics {
	return Physics{Earth: WGS84Earth(), Pick: catalog.PickCentral}
}

// rangeIspScaleKey returns the catalog parameter that scales the specific
// impulse of every stage of a ballistic missile at pick p (see
// MissileFromCatalog): range_isp_scale_low, _central or _high. It is one
// scalar per pick, not a low/central/high band, because the factors need
// not be ordered: where a band's high end equals its central value (the
// Iskander-M's 500 km), the high pick's less draggy reentry body reaches it
// with a smaller factor than central.
func rangeIspScaleKey(p catalog.Pick) string {
	return "range_isp_scale_" + p.String()
}

// MissileFromCatalog builds a staged Missile from a catalog ballistic
// missile at pick p. The boost-phase drag uses the catalog diameter with a
// drag coefficient of 0.3.
//
// A pick of a missile is the stage set whose flown maximum range is the
// catalog range_km at that pick. The stage masses, burn times and the
// payload are read at central; the thrust of every stage (its specific
// impulse, at the central mass flow) is multiplied by the entry's
// range_isp_scale_<pick>, a factor solved per missile and pick so that the
// maximum range flown due north from the equator is the range_km band
// value (flight.TestCatalogPicksFlyTheirRangeBand checks it at every pick
// and two azimuths). Where the central stages already fly inside the band
// (as calibrated earlier, e.g. the Iskander-M to its 480 km test flight),
// range_isp_scale_central is left out: 1. Taking every stage value at the
// same end of its band instead compounds all the pessimistic (or
// optimistic) values and flies far outside the range band: the Iskander-M
// low pick reached 96 km against 400 km. The stage bands stay in the catalog as the spread of the
// derivation; the other values (ballistic coefficient, apogee, diameter)
// are read at p. An entry without range_isp_scale_<pick> flies its central
// stages at that pick.
func MissileFromCatalog(e catalog.Entry, p catalog.Pick) (*Missile, error) {
	k := e.At(rangeIspScaleKey(p), catalog.PickCentral)
	if math.IsNaN(k) {
		k = 1
	}
	return missileFromCatalog(e, p, k)
}

// missileFromCatalog is MissileFromCatalog with the specific-impulse scale
// ispScale in place of the catalog's.
func missileFromCatalog(e catalog.Entry, p catalog.Pick, ispScale float64) (*Missile, error) {
	if e.Kind != catalog.KindBallisticMissile {
		return nil, fmt.Errorf("%s is %s, not a ballistic missile", e.Name, e.Kind.A())
	}
	if !(ispScale > 0) || math.IsInf(ispScale, 0) {
		return nil, fmt.Errorf("catalog entry %s: %s %g, want a positive factor", e.Name, rangeIspScaleKey(p), ispScale)
	}
	m := &Missile{
		Name:    e.Name,
		Payload: e.At("payload_kg", catalog.PickCentral),
		Beta:    e.At("ballistic_coefficient_kgm2", p),
		// Liquid engines are shut down by closing the propellant valves;
		// a solid motor burns until its propellant is spent (D. Darling,
		// Encyclopedia of Science, "burnout"). Solid missiles in the
		// catalog state no thrust-termination ports, so they manage
		// energy instead (Steering.Yaw).
		ThrustTermination: e.HasTag("liquid"),
	}
	if h := e.At("apogee_km", p); h > 0 {
		m.QuasiBallisticApogee = h * 1e3
	}
	c := catalog.PickCentral
	for _, s := range e.Stages {
		m.Stages = append(m.Stages, Stage{
			Thrust:         s.ThrustKN.At(c) * 1e3 * ispScale,
			BurnTime:       s.BurnTimeS.At(c),
			PropellantMass: s.PropellantKg.At(c),
			DryMass:        s.DryKg.At(c),
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

// CruiseMissileFromCatalog builds a CruiseMissile from a catalog cruise
// missile, with every value at pick p.
func CruiseMissileFromCatalog(e catalog.Entry, p catalog.Pick) (CruiseMissile, error) {
	c := CruiseMissile{
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

// CatalogShot is one missile flown from Launch to Aim: a catalog ballistic
// or cruise missile, or, when Missile is the zero Entry, a generic ballistic
// missile that starts at burnout with BurnoutSpeed.
type CatalogShot struct {
	Missile    catalog.Entry // catalog ballistic or cruise missile; zero: generic
	Launch     geo.LLA
	Aim        geo.LLA
	LaunchTime float64 // s from the scenario epoch

	// Ballistic missiles only, as in Shot.
	Profile      Profile
	BurnoutSpeed float64 // m/s, generic missile only; 0: solve
	BurnoutAlt   float64 // m above the ellipsoid, generic missile only: where burnout happens, above the launch point
	BurnoutAngle float64 // rad; 0: from Profile (or Apogee)
	Apogee       float64 // m above the ellipsoid; 0: unset
}

// CatalogFlight is a CatalogShot flown. Exactly one of Ballistic and Cruise
// is set.
type CatalogFlight struct {
	Ballistic *Trajectory
	Cruise    *Path

	FlightTime   float64 // s, launch to impact
	GroundRange  float64 // m, launch to impact
	Apogee       float64 // m above the ellipsoid (cruise: the cruise altitude)
	BurnoutSpeed float64 // m/s, Earth-relative; NaN for cruise missiles
	BurnoutAngle float64 // rad; NaN for cruise missiles
	CruiseSpeed  float64 // m/s; NaN for ballistic missiles
	RangeMax     float64 // m, the catalog cruise range; NaN for ballistic missiles
	Impact       geo.LLA
	Miss         float64 // m, impact to aim point
}

// FlyCatalog flies s under physics ph: a cruise missile on the great-circle
// route at its catalog speed and altitude (NewCruise), a ballistic missile
// from its catalog stages (MissileFromCatalog), or a generic one from
// burnout, aimed by Solve. An aim point out of reach is a *RangeError; a
// shot Solve rejects is an *InputError or wraps ErrNoConvergence.
func FlyCatalog(ph Physics, s CatalogShot) (*CatalogFlight, error) {
	nan := math.NaN()
	f := &CatalogFlight{BurnoutSpeed: nan, BurnoutAngle: nan, CruiseSpeed: nan, RangeMax: nan}
	if s.Missile.Kind == catalog.KindCruiseMissile {
		cm, err := CruiseMissileFromCatalog(s.Missile, ph.Pick)
		if err != nil {
			return nil, err
		}
		p, err := NewCruise(ph.Earth.Ellipsoid, cm, []geo.LLA{s.Launch, s.Aim}, s.LaunchTime)
		if err != nil {
			return nil, err
		}
		f.Cruise = p
		f.FlightTime = p.End() - p.Start
		f.GroundRange = p.Length
		f.Apogee = cm.Alt
		f.CruiseSpeed = cm.Speed
		f.RangeMax = cm.Range
		f.Impact = p.At(p.End()).LLA
		f.Miss, _, _ = ph.Earth.Ellipsoid.Inverse(f.Impact.Lat, f.Impact.Lon, s.Aim.Lat, s.Aim.Lon)
		return f, nil
	}
	shot := Shot{
		Launch: s.Launch, Aim: s.Aim,
		BurnoutSpeed: s.BurnoutSpeed,
		BurnoutAlt:   s.BurnoutAlt,
		BurnoutAngle: s.BurnoutAngle,
		Apogee:       s.Apogee,
		Profile:      s.Profile,
		LaunchTime:   s.LaunchTime,
	}
	if s.Missile.Name != "" {
		if s.BurnoutAlt != 0 {
			return nil, &InputError{Field: "burnout_alt_km", Value: s.BurnoutAlt / 1e3, Reason: fmt.Sprintf("applies only to a generic missile that starts at burnout; %s is flown from launch through its boost stages", s.Missile.Name)}
		}
		m, err := MissileFromCatalog(s.Missile, ph.Pick)
		if err != nil {
			return nil, err
		}
		shot.Missile = m
	}
	tr, err := Solve(ph.Earth, shot)
	if err != nil {
		return nil, err
	}
	f.Ballistic = tr
	f.FlightTime = tr.FlightTime
	f.GroundRange = tr.GroundRange
	f.Apogee = tr.ApogeeAlt
	f.BurnoutSpeed = tr.BurnoutSpeed
	f.BurnoutAngle = tr.BurnoutAngle
	f.Impact = tr.Impact
	f.Miss = tr.Miss
	return f, nil
}
