package sim

import (
	"errors"
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Options are the physics settings of a run.
type Options struct {
	Earth flight.Earth
	// ThreatPick is the point of each catalog band used for the threats
	// (missiles and aircraft), DefensePick the one used for the defense
	// (interceptors and radars). rampart run --pick sets both;
	// --pick-threat and --pick-defense set one each.
	ThreatPick  catalog.Pick
	DefensePick catalog.Pick
	// NoSharing gives each owner its own picture from its own sensors only:
	// no links, and space-based warning only to the sensor's owner. It is
	// the counterfactual that measures the value of shared early warning.
	NoSharing bool
	// Fidelity selects the full engine (the zero value) or the fast
	// covariance-only model (fast.go) for every trial of World.Engage.
	Fidelity Fidelity
}

// DefaultOptions is the full model: WGS-84, J2, rotation, drag, central values.
func DefaultOptions() Options {
	return Options{Earth: flight.WGS84Earth(), ThreatPick: catalog.PickCentral, DefensePick: catalog.PickCentral}
}

// Physics returns the flight physics of o's threats: the Earth and the
// threat pick.
func (o Options) Physics() flight.Physics { return flight.Physics{Earth: o.Earth, Pick: o.ThreatPick} }

// Mover is anything with a time-stamped truth state.
type Mover interface {
	At(t float64) flight.State
	// PosAt returns the Pos and Phase of At(t), at less cost.
	PosAt(t float64) (r3.Vec, flight.Phase)
}

// Flight is one missile of a threat raid, flown.
type Flight struct {
	Threat  int    // index into Spec.Threats
	Name    string // "NAME#k" for the k-th missile of a raid, else NAME
	Missile string // catalog name, or "" for a generic burnout-state threat
	Kind    catalog.Kind
	Profile flight.Profile // ballistic threats only (see ProfileName)

	Launch, Aim  geo.LLA
	LaunchName   string // catalog place, or ""
	AimName      string
	LaunchTime   float64 // s from the epoch
	FlightTime   float64 // s
	GroundRange  float64 // m, launch to impact
	Apogee       float64 // m above the ellipsoid (cruise: cruise altitude)
	BurnoutSpeed float64 // m/s, Earth-relative; NaN for cruise missiles
	BurnoutAngle float64 // rad; NaN for cruise missiles
	CruiseSpeed  float64 // m/s; NaN for ballistic missiles
	Impact       geo.LLA
	Miss         float64 // m, impact to aim point
	// OutOfReach, when not empty, says why the missile cannot reach its aim
	// point (beyond its maximum range, or inside its minimum range); the
	// flight fields are then NaN and Ballistic and Cruise are nil.
	OutOfReach string
	// ReachLimit is the maximum (or minimum) range the missile was found to
	// have when OutOfReach is set, m.
	ReachLimit float64

	Ballistic         *flight.Trajectory
	Cruise            *flight.Path
	ReachableRangeMax float64 // m, cruise range limit; NaN for ballistic
}

// ProfileName returns the name of the flight's trajectory profile, or ""
// for a cruise missile or an aircraft, which have none.
func (f *Flight) ProfileName() string {
	if airBreathing(f.Kind) {
		return ""
	}
	return f.Profile.String()
}

// Mover returns the flight's truth-state source, or nil for a missile out of
// reach.
func (f *Flight) Mover() Mover {
	switch {
	case f.Ballistic != nil:
		return f.Ballistic
	case f.Cruise != nil:
		return f.Cruise
	}
	return nil
}

// FlyThreats flies every missile of every threat. A missile whose aim point
// is out of its reach is a result, not an error: its Flight has OutOfReach
// set. Input problems (a profile that cannot be flown) come back together
// as one *Errors; a failure the input does not explain as a *ThreatError.
func FlyThreats(ts []Threat, o Options) ([]Flight, error) { return flyThreats(ts, o, nil) }

// flyThreats is FlyThreats, calling progress, if not nil, with the
// missiles flown so far and the number to fly.
func flyThreats(ts []Threat, o Options, progress func(done, total int)) ([]Flight, error) {
	var out []Flight
	var bad Errors
	total, done := 0, 0
	for _, th := range ts {
		total += max(th.Count, 1)
	}
	if progress != nil {
		progress(0, total)
	}
	for i, th := range ts {
		fs, err := flyThreat(i, th, o)
		done += max(th.Count, 1)
		if progress != nil {
			progress(done, total)
		}
		if err != nil {
			var pe problemError
			if errors.As(err, &pe) {
				bad.Problems = append(bad.Problems, Problem{Element: ThreatElement, Index: i, Msg: pe.msg})
				continue
			}
			return nil, &ThreatError{Index: i, Name: th.Name, Err: err}
		}
		out = append(out, fs...)
	}
	if len(bad.Problems) > 0 {
		return nil, &bad
	}
	return out, nil
}

// problemError is an input problem of one threat.
type problemError struct{ msg string }

func (e problemError) Error() string { return e.msg }

func flyThreat(idx int, th Threat, o Options) ([]Flight, error) {
	base := Flight{
		Threat: idx, Launch: th.Launch, Aim: th.Aim,
		LaunchName: th.LaunchName, AimName: th.AimName,
		Profile:      th.Profile,
		BurnoutSpeed: math.NaN(), BurnoutAngle: math.NaN(), CruiseSpeed: math.NaN(), ReachableRangeMax: math.NaN(),
		Missile: th.Missile.Name, Kind: th.Missile.Kind,
	}
	if th.Missile.Name == "" {
		base.Kind = catalog.KindBallisticMissile
	}
	count := max(th.Count, 1)
	out := make([]Flight, 0, count)
	for k := range count {
		f := base
		f.Name = th.Name
		if count > 1 {
			f.Name = fmt.Sprintf("%s#%d", th.Name, k+1)
		}
		f.LaunchTime = th.LaunchTime + float64(k)*th.Interval
		if k > 0 && out[0].Cruise == nil {
			// The raid's missiles differ only in launch time: the first
			// one's aim and flight, later (Trajectory.Shifted).
			f = out[0].shifted(f.Name, f.LaunchTime)
			out = append(out, f)
			continue
		}
		var err error
		if airRoute(th) {
			err = flyAir(&f, th, o)
		} else {
			err = fly(&f, th, o)
		}
		var re *flight.RangeError
		switch {
		case errors.As(err, &re):
			markOutOfReach(&f, re)
		case err != nil:
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// shifted returns the ballistic flight f (or f out of reach) under name,
// launched at launch instead: the same aim and Earth-fixed path, later.
func (f Flight) shifted(name string, launch float64) Flight {
	g := f
	g.Name, g.LaunchTime = name, launch
	if f.Ballistic != nil {
		g.Ballistic = f.Ballistic.Shifted(launch - f.LaunchTime)
	}
	return g
}

// fly flies one missile of th with flight.FlyCatalog and records the flight.
func fly(f *Flight, th Threat, o Options) error {
	cf, err := flight.FlyCatalog(o.Physics(), flight.CatalogShot{
		Missile: th.Missile, Launch: f.Launch, Aim: f.Aim, LaunchTime: f.LaunchTime,
		Profile: th.Profile, BurnoutSpeed: th.BurnoutSpeed, BurnoutAlt: th.BurnoutAlt, BurnoutAngle: th.BurnoutAngle, Apogee: th.Apogee,
	})
	if err != nil {
		var (
			ie *flight.InputError
			re *flight.RangeError
		)
		switch {
		case errors.As(err, &ie):
			return problemError{err.Error()}
		case errors.As(err, &re) && re.Profile != "":
			// The missile could reach the aim point, but not with the
			// shape asked for: an input problem, not an out-of-reach flight.
			return problemError{fmt.Sprintf("no %s trajectory of %s hits the aim point with these settings (%s); try another apogee_km, burnout_angle_deg or profile", th.Profile, missileLabel(f), re.Reason())}
		case errors.Is(err, flight.ErrNoConvergence):
			return problemError{fmt.Sprintf("no %s trajectory of %s hits the aim point with these settings (%v); try another apogee_km, burnout_angle_deg or profile", th.Profile, missileLabel(f), err)}
		}
		return err
	}
	f.Ballistic, f.Cruise = cf.Ballistic, cf.Cruise
	f.FlightTime = cf.FlightTime
	f.GroundRange = cf.GroundRange
	f.Apogee = cf.Apogee
	f.BurnoutSpeed = cf.BurnoutSpeed
	f.BurnoutAngle = cf.BurnoutAngle
	f.CruiseSpeed = cf.CruiseSpeed
	f.ReachableRangeMax = cf.RangeMax
	f.Impact = cf.Impact
	f.Miss = cf.Miss
	return nil
}

func missileLabel(f *Flight) string {
	if f.Missile != "" {
		return f.Missile
	}
	return "the threat"
}

// markOutOfReach records that f cannot reach its aim point.
func markOutOfReach(f *Flight, re *flight.RangeError) {
	nan := math.NaN()
	f.FlightTime, f.GroundRange, f.Apogee, f.Miss = nan, nan, nan, nan
	f.BurnoutSpeed, f.BurnoutAngle = nan, nan
	f.Impact = geo.LLA{Lat: nan, Lon: nan}
	f.Ballistic, f.Cruise = nil, nil
	f.OutOfReach = re.Reason()
	f.ReachLimit = re.Limit()
}
