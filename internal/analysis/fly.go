package analysis

import (
	"errors"
	"fmt"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// defaultPhysics returns o, or the default physics (flight.DefaultPhysics,
// keeping o's pick) when o is the zero value.
func defaultPhysics(o flight.Physics) flight.Physics {
	if o.Earth.Ellipsoid.A == 0 {
		d := flight.DefaultPhysics()
		d.Pick = o.Pick
		return d
	}
	return o
}

// placeLLA returns the position at which a catalog place is flown from or
// to: its central latitude and longitude on the ellipsoid, as rampart run
// resolves a scenario's {place: NAME}.
func placeLLA(e catalog.Entry) geo.LLA { return geo.LLADeg(e.Lat.Central, e.Lon.Central, 0) }

// FlightError is a flight an analysis could not fly because of its input:
// an aim point out of the missile's reach, or a trajectory the aim solve
// cannot shape. Path names the field as rampart run names a threat's
// ("to", "threats[0]"), so messages read as they did when analyses flew a
// one-threat scenario.
type FlightError struct {
	Path string
	Msg  string
}

func (e *FlightError) Error() string { return e.Path + ": " + e.Msg }

// flyMissile flies the catalog missile named missile from launch to aim
// with the flight code of rampart run (flight.FlyCatalog). Input problems
// come back as a *FlightError, with the *flight.RangeError of a flight out
// of reach; name labels other failures and profileName is the profile as
// the caller gave it.
func flyMissile(ph flight.Physics, name, missile string, launch, aim geo.LLA, profile flight.Profile, profileName string) (*flight.CatalogFlight, *flight.RangeError, error) {
	e, err := catalog.Lookup(missile)
	if err != nil {
		return nil, nil, &FlightError{"threats[0].missile", err.Error()}
	}
	f, err := flight.FlyCatalog(ph, flight.CatalogShot{Missile: e, Launch: launch, Aim: aim, Profile: profile})
	if err == nil {
		return f, nil, nil
	}
	var (
		re *flight.RangeError
		ie *flight.InputError
	)
	switch {
	case errors.As(err, &re):
		return nil, re, &FlightError{"to", e.Name + " cannot reach the aim point: " + re.Reason()}
	case errors.As(err, &ie):
		return nil, nil, &FlightError{"threats[0]", err.Error()}
	case errors.Is(err, flight.ErrNoConvergence):
		return nil, nil, &FlightError{"threats[0]", fmt.Sprintf("no %s trajectory of %s hits the aim point with these settings (%v); try another apogee_km, burnout_angle_deg or profile", profileName, e.Name, err)}
	}
	return nil, nil, fmt.Errorf("threats[0] (%s): %w", name, err)
}
