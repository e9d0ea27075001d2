package flight

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Phase is a flight phase.
type Phase int

// Flight phases.
const (
	Boost     Phase = iota // powered flight
	Midcourse              // unpowered, above the entry interface or before apogee
	Reentry                // descending below ReentryAlt (after apogee)
	Cruise                 // air-breathing flight (cruise missiles, aircraft)
	Landed                 // before launch or after impact
)

var phaseNames = [...]string{"boost", "midcourse", "reentry", "cruise", "landed"}

func (p Phase) String() string {
	if p < 0 || int(p) >= len(phaseNames) {
		return "unknown"
	}
	return phaseNames[p]
}

// State is a time-stamped truth state.
type State struct {
	T     float64 // s from the scenario epoch
	Pos   r3.Vec  // ECEF position, m
	Vel   r3.Vec  // ECEF (Earth-relative) velocity, m/s
	LLA   geo.LLA // geodetic position
	Mass  float64 // kg (0 where not modelled)
	Phase Phase
}

// Trajectory is a ballistic flight: its summary and a continuous record
// (DOPRI5 dense output, ECI) that At interpolates at fourth order.
type Trajectory struct {
	Earth Earth
	Name  string // missile name, or "" for a burnout-state flight

	LaunchTime  float64 // s from the scenario epoch
	BurnoutTime float64 // s from the scenario epoch
	ReentryTime float64 // descending through ReentryAlt; NaN if the apogee is lower
	ApogeeTime  float64 // s from the scenario epoch
	ImpactTime  float64 // s from the scenario epoch
	FlightTime  float64 // launch to impact, s

	// Burnout speed and angles are Earth-relative (ECEF velocity); the
	// flight-path angle is above the local (geodetic) horizontal.
	BurnoutSpeed   float64 // m/s
	BurnoutAngle   float64 // rad
	BurnoutAzimuth float64 // rad clockwise from north
	// InertialBurnoutSpeed is the burnout speed in ECI, m/s.
	InertialBurnoutSpeed float64
	ImpactSpeed          float64 // Earth-relative, m/s
	ImpactAngle          float64 // flight-path angle at impact (negative), rad

	ApogeeAlt   float64 // height above the ellipsoid, m
	GroundRange float64 // geodesic launch → impact, m
	Miss        float64 // geodesic impact → aim, m (0 without an aim point)

	Launch, Burnout, Impact, Aim geo.LLA

	// Steering used for a staged missile (zero for a burnout-state flight).
	Steering Steering

	// Profile is the profile the shot was aimed with (MinEnergy for an
	// unaimed flight); ProfileApogee the apogee a quasi-ballistic shot
	// aimed at, m (0 where it flew minimum energy instead). RangeControl
	// says how a staged missile was made to fall short of its full-burn
	// range.
	Profile       Profile
	ProfileApogee float64
	RangeControl  RangeControl

	// Flights is the number of propagations the solver ran.
	Flights int

	dense []Dense[vec7]
	// shift is how much later than the flight its dense output records
	// this one flies, s (Shifted); the record's own times are t − shift.
	shift float64
}

// Shifted returns the same flight launched dt seconds later, sharing tr's
// record. The Earth turns at a constant rate and nothing in the model
// (gravity, J2, atmosphere, steering) depends on the epoch, so the later
// flight follows the same Earth-fixed path dt seconds later: Shifted(dt).At(t)
// is tr.At(t − dt) with T = t. It is the flight that aiming the later launch
// would find, without its solver's round-off (the two agree to the solver's
// tolerance, not bit for bit).
func (tr *Trajectory) Shifted(dt float64) *Trajectory {
	out := *tr
	out.LaunchTime += dt
	out.BurnoutTime += dt
	out.ReentryTime += dt // NaN stays NaN
	out.ApogeeTime += dt
	out.ImpactTime += dt
	out.shift += dt
	return &out
}

// FlownProfile names the profile the flight was aimed with, as flown: for a
// quasi-ballistic shot its apogee, or that it flew minimum energy because
// the minimum-energy arc was lower.
func (tr *Trajectory) FlownProfile() string {
	if tr.Profile != QuasiBallistic {
		return tr.Profile.String()
	}
	if tr.ProfileApogee > 0 {
		return fmt.Sprintf("quasi-ballistic (apogee %.0f km)", tr.ProfileApogee/1e3)
	}
	return "quasi-ballistic, flown min-energy (whose apogee is lower)"
}

// Span returns the launch and impact times.
func (tr *Trajectory) Span() (t0, t1 float64) { return tr.LaunchTime, tr.ImpactTime }

// At returns the state at time t, interpolated on the dense output. Before
// launch it returns the launch state and after impact the impact state, both
// with zero velocity and phase Landed.
func (tr *Trajectory) At(t float64) State {
	landed := false
	switch {
	case t < tr.LaunchTime:
		t, landed = tr.LaunchTime, true
	case t > tr.ImpactTime:
		t, landed = tr.ImpactTime, true
	}
	s := tr.state(t)
	if landed {
		s.Vel = r3.Vec{}
		s.Phase = Landed
	}
	return s
}

// PosAt returns the ECEF position and the phase at time t: the Pos and
// Phase fields of At(t), bit for bit, without the geodetic conversion and
// the velocity that a radar look or a truth match does not read.
func (tr *Trajectory) PosAt(t float64) (r3.Vec, Phase) {
	landed := false
	switch {
	case t < tr.LaunchTime:
		t, landed = tr.LaunchTime, true
	case t > tr.ImpactTime:
		t, landed = tr.ImpactTime, true
	}
	tr0 := t - tr.shift // the record's time
	p := tr.Earth.rotation().ECEFPositionFromECI(tr.densePosAt(tr0), tr0)
	if landed {
		return p, Landed
	}
	return p, tr.phase(t)
}

// denseAt interpolates the dense output at t, in the record's time (t −
// shift), which lies in the flight.
func (tr *Trajectory) denseAt(t float64) vec7 {
	return tr.dense[tr.denseIndex(t)].At(t)
}

// densePosAt is the ECI position of denseAt(t): its first three
// components, each by the same arithmetic as Dense.At, without the
// other four (PosAt is most of the engine's truth lookups).
func (tr *Trajectory) densePosAt(t float64) r3.Vec {
	d := &tr.dense[tr.denseIndex(t)]
	th := (t - d.T) / d.H
	th1 := 1 - th
	var y [3]float64
	for i := range y {
		y[i] = d.C[0][i] + th*(d.C[1][i]+th1*(d.C[2][i]+th*(d.C[3][i]+th1*d.C[4][i])))
	}
	return r3.Vec{X: y[0], Y: y[1], Z: y[2]}
}

// denseIndex returns the dense-output step holding t: the last that
// starts at or before t, or the first. It is sort.Search for the first
// step starting after t, less one, written out.
func (tr *Trajectory) denseIndex(t float64) int {
	lo, hi := 0, len(tr.dense) // the first step after t lies in [lo, hi]
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tr.dense[m].T > t {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return max(lo-1, 0)
}

// Samples returns states every dt seconds from launch to impact, always
// including the impact state.
func (tr *Trajectory) Samples(dt float64) []State {
	if !(dt > 0) {
		return nil
	}
	n := int(math.Floor((tr.ImpactTime-tr.LaunchTime)/dt)) + 2
	out := make([]State, 0, n)
	for t := tr.LaunchTime; t < tr.ImpactTime; t += dt {
		out = append(out, tr.At(t))
	}
	return append(out, tr.At(tr.ImpactTime))
}

// state is the state at time t within the flight.
func (tr *Trajectory) state(t float64) State {
	e := tr.Earth
	tr0 := t - tr.shift // the record's time
	y := tr.denseAt(tr0)
	p, v := e.rotation().ECEFFromECI(r3.Vec{X: y[0], Y: y[1], Z: y[2]}, r3.Vec{X: y[3], Y: y[4], Z: y[5]}, tr0)
	return State{T: t, Pos: p, Vel: v, LLA: e.Ellipsoid.ToGeodetic(p), Mass: y[6], Phase: tr.phase(t)}
}

// phase returns the flight phase at time t within the flight.
func (tr *Trajectory) phase(t float64) Phase {
	switch {
	case t < tr.BurnoutTime:
		return Boost
	case !math.IsNaN(tr.ReentryTime) && t >= tr.ReentryTime:
		return Reentry
	case math.IsNaN(tr.ReentryTime) && t >= tr.ApogeeTime:
		return Reentry
	}
	return Midcourse
}

// earthRelative returns the ECEF position and velocity, speed, flight-path
// angle and azimuth of an ECI state at time t.
func earthRelative(e Earth, t float64, y vec7) (p, v r3.Vec, lla geo.LLA, speed, gamma, az float64) {
	p, v = e.rotation().ECEFFromECI(r3.Vec{X: y[0], Y: y[1], Z: y[2]}, r3.Vec{X: y[3], Y: y[4], Z: y[5]}, t)
	lla = e.Ellipsoid.ToGeodetic(p)
	enu := e.Ellipsoid.NewENU(lla)
	l := enu.Rotate(v)
	speed = r3.Norm(v)
	gamma = math.Atan2(l.Z, math.Hypot(l.X, l.Y))
	az = math.Atan2(l.X, l.Y)
	if az < 0 {
		az += 2 * math.Pi
	}
	return p, v, lla, speed, gamma, az
}

// summarise fills a trajectory from a flight result.
func summarise(e Earth, res *flightResult, launch, aim geo.LLA, hasAim bool) *Trajectory {
	tr := &Trajectory{Earth: e, LaunchTime: res.launchT, BurnoutTime: res.boT, ApogeeTime: res.apoT,
		ImpactTime: res.impT, ReentryTime: res.reentryT, ApogeeAlt: res.apoAlt, Launch: launch}
	tr.FlightTime = res.impT - res.launchT
	_, _, tr.Burnout, tr.BurnoutSpeed, tr.BurnoutAngle, tr.BurnoutAzimuth = earthRelative(e, res.boT, res.boY)
	tr.InertialBurnoutSpeed = math.Sqrt(res.boY[3]*res.boY[3] + res.boY[4]*res.boY[4] + res.boY[5]*res.boY[5])
	_, _, tr.Impact, tr.ImpactSpeed, tr.ImpactAngle, _ = earthRelative(e, res.impT, res.impY)
	tr.GroundRange, _, _ = inverse(e.Ellipsoid, launch, tr.Impact)
	if hasAim {
		tr.Aim = aim
		tr.Miss, _, _ = inverse(e.Ellipsoid, tr.Impact, aim)
	}
	return tr
}
