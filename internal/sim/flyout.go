package sim

import (
	"errors"
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// Options are the physics settings of a run.
type Options struct {
	Earth flight.Earth
	Pick  catalog.Pick // which point of each catalog band to use
	// NoSharing gives each owner its own picture from its own sensors only:
	// no links, and space-based warning only to the sensor's owner. It is
	// the counterfactual that measures the value of shared early warning.
	NoSharing bool
}

// DefaultOptions is the full model: WGS-84, J2, rotation, drag, central values.
func DefaultOptions() Options {
	return Options{Earth: flight.WGS84Earth(), Pick: catalog.PickCentral}
}

// Mover is anything with a time-stamped truth state.
type Mover interface {
	At(t float64) flight.State
}

// Flight is one missile of a threat raid, flown.
type Flight struct {
	Threat  int    // index into Scenario.Threats
	Name    string // "NAME#k" for the k-th missile of a raid, else NAME
	Missile string // catalog name, or "" for a generic burnout-state threat
	Kind    catalog.Kind
	Profile scenario.Profile // ballistic threats only

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

// FlyThreats flies every missile of every threat of s. A missile whose aim
// point is out of its reach is a result, not an error: its Flight has
// OutOfReach set. Input problems (an unknown place, a profile that cannot be
// flown) come back together as one *scenario.Errors placed at the threat in
// the file.
func FlyThreats(s *scenario.Scenario, o Options) ([]Flight, error) {
	var out []Flight
	var bad scenario.Errors
	for i, th := range s.Threats {
		path := fmt.Sprintf("threats[%d]", i)
		fs, err := flyThreat(s, i, th, o)
		if err != nil {
			var pe problemError
			if errors.As(err, &pe) {
				bad.Problems = append(bad.Problems, s.Problemf(path+pe.field, "%s", pe.msg))
				continue
			}
			return nil, fmt.Errorf("%s (%s): %w", path, th.Name, err)
		}
		out = append(out, fs...)
	}
	if len(bad.Problems) > 0 {
		return nil, &bad
	}
	return out, nil
}

// problemError is an input problem in one field of a threat.
type problemError struct {
	field string // ".to", ".missile", ...
	msg   string
}

func (e problemError) Error() string { return e.field + ": " + e.msg }

func flyThreat(s *scenario.Scenario, idx int, th scenario.Threat, o Options) ([]Flight, error) {
	from, err := resolve(th.From)
	if err != nil {
		return nil, problemError{".from", err.Error()}
	}
	to, err := resolve(th.To)
	if err != nil {
		return nil, problemError{".to", err.Error()}
	}
	base := Flight{
		Threat: idx, Launch: from, Aim: to,
		LaunchName: th.From.Place, AimName: th.To.Place,
		Profile:      th.Profile,
		BurnoutSpeed: math.NaN(), BurnoutAngle: math.NaN(), CruiseSpeed: math.NaN(), ReachableRangeMax: math.NaN(),
	}
	var entry catalog.Entry
	if th.Missile != "" {
		if entry, err = catalog.Lookup(th.Missile); err != nil {
			return nil, problemError{".missile", err.Error()}
		}
		base.Missile, base.Kind = entry.Name, entry.Kind
		if entry.Kind == catalog.KindCruiseMissile {
			base.Profile = "" // profiles are ballistic
		}
	} else {
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
		f.LaunchTime = th.LaunchTimeS + float64(k)*th.IntervalS
		err := fly(&f, th, entry, o)
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

func fly(f *Flight, th scenario.Threat, entry catalog.Entry, o Options) error {
	if f.Kind == catalog.KindCruiseMissile {
		cm, err := cruiseMissile(entry, o.Pick)
		if err != nil {
			return err
		}
		p, err := flight.NewCruise(o.Earth.Ellipsoid, cm, []geo.LLA{f.Launch, f.Aim}, f.LaunchTime)
		if err != nil {
			return err
		}
		f.Cruise = p
		f.FlightTime = p.End() - p.Start
		f.GroundRange = p.Length
		f.Apogee = cm.Alt
		f.CruiseSpeed = cm.Speed
		f.ReachableRangeMax = cm.Range
		f.Impact = p.At(p.End()).LLA
		f.Miss, _, _ = o.Earth.Ellipsoid.Inverse(f.Impact.Lat, f.Impact.Lon, f.Aim.Lat, f.Aim.Lon)
		return nil
	}
	shot := flight.Shot{
		Launch: f.Launch, Aim: f.Aim,
		BurnoutSpeed: th.BurnoutSpeedKms * 1e3,
		BurnoutAngle: th.BurnoutAngleDeg * math.Pi / 180,
		Apogee:       th.ApogeeKm * 1e3,
		LaunchTime:   f.LaunchTime,
	}
	switch th.Profile {
	case scenario.Lofted:
		shot.Profile = flight.Lofted
	case scenario.Depressed:
		shot.Profile = flight.Depressed
	default:
		shot.Profile = flight.MinEnergy
	}
	if entry.Name != "" {
		m, err := ballisticMissile(entry, o.Pick)
		if err != nil {
			return err
		}
		shot.Missile = m
	}
	tr, err := flight.Solve(o.Earth, shot)
	if err != nil {
		var ie *flight.InputError
		switch {
		case errors.As(err, &ie):
			return problemError{"", err.Error()}
		case errors.Is(err, flight.ErrNoConvergence):
			return problemError{"", fmt.Sprintf("no %s trajectory of %s hits the aim point with these settings (%v); try another apogee_km, burnout_angle_deg or profile", th.Profile, missileLabel(f), err)}
		}
		return err
	}
	f.Ballistic = tr
	f.FlightTime = tr.FlightTime
	f.GroundRange = tr.GroundRange
	f.Apogee = tr.ApogeeAlt
	f.BurnoutSpeed = tr.BurnoutSpeed
	f.BurnoutAngle = tr.BurnoutAngle
	f.Impact = tr.Impact
	f.Miss = tr.Miss
	return nil
}

func missileLabel(f *Flight) string {
	if f.Missile != "" {
		return f.Missile
	}
	return "the threat"
}

// resolve returns the geodetic position of a scenario point.
func resolve(p scenario.Point) (geo.LLA, error) {
	if p.Place == "" {
		return geo.LLADeg(p.LatDeg, p.LonDeg, p.AltM), nil
	}
	e, err := catalog.Lookup(p.Place)
	if err != nil {
		return geo.LLA{}, err
	}
	if e.Lat.IsZero() && e.Lon.IsZero() {
		return geo.LLA{}, fmt.Errorf("catalog entry %s is a %s, not a place", e.Name, e.Kind)
	}
	return geo.LLADeg(e.Lat.Central, e.Lon.Central, 0), nil
}

// FlyOne flies a single missile of threat th, outside any scenario (used by
// rampart fly). Input problems come back as *scenario.Errors without a file
// position.
func FlyOne(th scenario.Threat, o Options) (Flight, error) {
	s := &scenario.Scenario{Threats: []scenario.Threat{th}}
	fs, err := FlyThreats(s, o)
	if err != nil {
		return Flight{}, err
	}
	if fs[0].OutOfReach != "" {
		return fs[0], &scenario.Errors{Problems: []scenario.Problem{{Path: "to", Msg: fs[0].Missile + " cannot reach the aim point: " + fs[0].OutOfReach}}}
	}
	return fs[0], nil
}

// markOutOfReach records that f cannot reach its aim point.
func markOutOfReach(f *Flight, re *flight.RangeError) {
	nan := math.NaN()
	f.FlightTime, f.GroundRange, f.Apogee, f.Miss = nan, nan, nan, nan
	f.BurnoutSpeed, f.BurnoutAngle = nan, nan
	f.Impact = geo.LLA{Lat: nan, Lon: nan}
	f.Ballistic, f.Cruise = nil, nil
	if re.MinRange > 0 && re.Range < re.MinRange {
		f.OutOfReach = fmt.Sprintf("inside the minimum range: aim %.0f km, minimum %.0f km", re.Range/1e3, re.MinRange/1e3)
		f.ReachLimit = re.MinRange
		return
	}
	f.OutOfReach = fmt.Sprintf("beyond the maximum range: aim %.0f km, maximum %.0f km", re.Range/1e3, re.MaxRange/1e3)
	f.ReachLimit = re.MaxRange
}
