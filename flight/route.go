package flight

import (
	"math"
	"sort"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// CruiseMissile is an air-breathing missile flown at constant speed and
// altitude along a route.
type CruiseMissile struct {
	Name  string
	Speed float64 // m/s
	Alt   float64 // cruise height above the ellipsoid, m
	Range float64 // maximum route length, m
}

// Aircraft is a platform flown at constant speed and altitude.
type Aircraft struct {
	Name  string
	Speed float64 // m/s
	Alt   float64 // m
}

// Racetrack is a holding orbit: two straight legs joined by half-circle
// turns, centred on Anchor, the first leg flown on Heading.
type Racetrack struct {
	Anchor     geo.LLA
	Heading    float64 // rad clockwise from north, of the first straight leg
	LegLength  float64 // straight-leg length, m
	TurnRadius float64 // m; 0: Speed/TurnRate
	TurnRate   float64 // rad/s, used when TurnRadius is 0
	Left       bool    // turn left (anticlockwise); default right
}

// Path is a route of geodesic legs flown at constant speed and altitude,
// optionally ending in a racetrack orbit flown for ever. It implements
// At like Trajectory.
type Path struct {
	Ellipsoid geo.Ellipsoid
	Name      string
	Start     float64 // s from the scenario epoch
	Speed     float64 // m/s
	Alt       float64 // m
	Length    float64 // length of the legs, m (excluding the orbit)
	// Impact marks a one-way route (a cruise missile): after the last leg the
	// vehicle is Landed at the final point.
	Impact bool

	legs  []leg
	orbit *orbitTrack
}

type leg struct {
	from   geo.LLA
	azi    float64
	length float64
	s0     float64 // distance along the path at the start of the leg
	// line is the geodesic leaving from at azi, set up once: its Position
	// is what Ellipsoid.Direct computes from the same start, bit for bit,
	// without rebuilding the line's series at every call.
	line geo.GeodesicLine
}

// at returns the point at distance s along the leg and the forward azimuth
// there, as direct(e, l.from, l.azi, s) does.
func (l *leg) at(s float64) (geo.LLA, float64) {
	lat, lon, azi2 := l.line.Position(s)
	return geo.LLA{Lat: lat, Lon: lon, Alt: l.from.Alt}, azi2
}

type orbitTrack struct {
	rt        Racetrack
	r         float64
	perimeter float64
}

// NewCruise builds the route of a cruise missile launched at time start
// through the waypoints (at least two; two give a great-circle route). It
// returns a *RangeError if the route is longer than the missile's range.
func NewCruise(e geo.Ellipsoid, c CruiseMissile, waypoints []geo.LLA, start float64) (*Path, error) {
	if !(c.Speed > 0) || !(c.Range > 0) {
		return nil, &InputError{Field: "cruise.speed", Value: c.Speed, Reason: "speed and range must be positive"}
	}
	p, err := newPath(e, c.Speed, c.Alt, waypoints, start)
	if err != nil {
		return nil, err
	}
	if p.Length > c.Range {
		return nil, &RangeError{Range: p.Length, MaxRange: c.Range}
	}
	p.Name = c.Name
	p.Impact = true
	return p, nil
}

// NewFlight builds an aircraft's path through the waypoints (at least one),
// then, if orbit is non-nil, to the start of the racetrack and round it.
func NewFlight(e geo.Ellipsoid, a Aircraft, waypoints []geo.LLA, orbit *Racetrack, start float64) (*Path, error) {
	if !(a.Speed > 0) {
		return nil, &InputError{Field: "aircraft.speed", Value: a.Speed, Reason: "must be positive"}
	}
	if len(waypoints) == 0 {
		return nil, &InputError{Field: "waypoints", Value: 0, Reason: "need at least one waypoint"}
	}
	wps := append([]geo.LLA(nil), waypoints...)
	var ot *orbitTrack
	if orbit != nil {
		r := orbit.TurnRadius
		if r == 0 && orbit.TurnRate > 0 {
			r = a.Speed / orbit.TurnRate
		}
		if !(r > 0) || !(orbit.LegLength >= 0) {
			return nil, &InputError{Field: "racetrack", Value: *orbit, Reason: "need a positive turn radius or rate and a non-negative leg length"}
		}
		if err := validateLLA("racetrack.anchor", orbit.Anchor); err != nil {
			return nil, err
		}
		ot = &orbitTrack{rt: *orbit, r: r, perimeter: 2*orbit.LegLength + 2*math.Pi*r}
		entry, _ := ot.at(e, 0)
		if d, _, _ := inverse(e, wps[len(wps)-1], entry); d > 1 {
			wps = append(wps, entry)
		}
	}
	if len(wps) == 1 {
		wps = append(wps, wps[0])
	}
	p, err := newPath(e, a.Speed, a.Alt, wps, start)
	if err != nil {
		return nil, err
	}
	p.Name = a.Name
	p.orbit = ot
	return p, nil
}

func newPath(e geo.Ellipsoid, speed, alt float64, waypoints []geo.LLA, start float64) (*Path, error) {
	if len(waypoints) < 2 {
		return nil, &InputError{Field: "waypoints", Value: len(waypoints), Reason: "need at least two waypoints"}
	}
	p := &Path{Ellipsoid: e, Start: start, Speed: speed, Alt: alt}
	g := geo.NewGeodesic(e)
	for i := range len(waypoints) - 1 {
		a, b := waypoints[i], waypoints[i+1]
		if err := validateLLA("waypoints", a); err != nil {
			return nil, err
		}
		if err := validateLLA("waypoints", b); err != nil {
			return nil, err
		}
		s, azi, _ := inverse(e, a, b)
		p.legs = append(p.legs, leg{from: a, azi: azi, length: s, s0: p.Length, line: g.Line(a.Lat, a.Lon, azi)})
		p.Length += s
	}
	return p, nil
}

// End returns the time the legs end (impact for a cruise missile); an
// orbiting aircraft flies on after it.
func (p *Path) End() float64 { return p.Start + p.Length/p.Speed }

// At returns the state at time t.
func (p *Path) At(t float64) State {
	pos, azi, ph := p.locate(t)
	st := State{T: t, LLA: pos, Phase: ph}
	enu := p.Ellipsoid.NewENU(pos)
	st.Pos = enu.OriginECEF
	if ph == Cruise {
		sa, ca := math.Sincos(azi)
		st.Vel = enu.Unrotate(r3.Vec{X: p.Speed * sa, Y: p.Speed * ca})
	}
	return st
}

// PosAt returns the ECEF position and the phase at time t, as At does
// (NewENU's origin is ToECEF of the same point), without the local frame
// and velocity that At builds.
func (p *Path) PosAt(t float64) (r3.Vec, Phase) {
	pos, _, ph := p.locate(t)
	return p.Ellipsoid.ToECEF(pos), ph
}

// locate returns the geodetic position, track azimuth and phase at time t.
func (p *Path) locate(t float64) (pos geo.LLA, azi float64, ph Phase) {
	s := (t - p.Start) * p.Speed
	ph = Cruise
	if s < 0 {
		s, ph = 0, Landed
	}
	switch {
	case s >= p.Length && p.orbit != nil:
		pos, azi = p.orbit.at(p.Ellipsoid, s-p.Length)
	case s >= p.Length:
		l := &p.legs[len(p.legs)-1]
		pos, azi = l.at(l.length)
		if p.Impact {
			ph = Landed
		}
	default:
		i := sort.Search(len(p.legs), func(i int) bool { return p.legs[i].s0 > s }) - 1
		l := &p.legs[max(i, 0)]
		pos, azi = l.at(s - l.s0)
	}
	pos.Alt = p.Alt
	return pos, azi, ph
}

// at returns the position and track azimuth at distance s round the
// racetrack, starting at the beginning of the first straight leg. The
// racetrack is laid out in the azimuthal equidistant projection about the
// anchor (distortion O(ρ²/R²), below 1e-4 within 60 km).
func (o *orbitTrack) at(e geo.Ellipsoid, s float64) (geo.LLA, float64) {
	s = math.Mod(s, o.perimeter)
	l, r := o.rt.LegLength, o.r
	su, cu := math.Sincos(o.rt.Heading)
	u := [2]float64{su, cu}  // along the first leg (east, north)
	n := [2]float64{cu, -su} // to its right
	sign := 1.0              // right turns
	if o.rt.Left {
		n = [2]float64{-cu, su}
		sign = -1
	}
	var x, y, chi float64 // plane position and track angle
	arc := math.Pi * r
	switch {
	case s < l: // first leg, on the −n side
		a := -l/2 + s
		x, y = a*u[0]-r*n[0], a*u[1]-r*n[1]
		chi = o.rt.Heading
	case s < l+arc: // turn about +l/2·u
		th := (s - l) / r
		c := [2]float64{l / 2 * u[0], l / 2 * u[1]}
		x = c[0] - r*math.Cos(th)*n[0] + r*math.Sin(th)*u[0]
		y = c[1] - r*math.Cos(th)*n[1] + r*math.Sin(th)*u[1]
		chi = o.rt.Heading + sign*th
	case s < 2*l+arc: // second leg, on the +n side, reversed
		a := l/2 - (s - l - arc)
		x, y = a*u[0]+r*n[0], a*u[1]+r*n[1]
		chi = o.rt.Heading + math.Pi
	default: // turn about −l/2·u
		th := (s - 2*l - arc) / r
		c := [2]float64{-l / 2 * u[0], -l / 2 * u[1]}
		x = c[0] + r*math.Cos(th)*n[0] - r*math.Sin(th)*u[0]
		y = c[1] + r*math.Cos(th)*n[1] - r*math.Sin(th)*u[1]
		chi = o.rt.Heading + math.Pi + sign*th
	}
	rho := math.Hypot(x, y)
	if rho == 0 {
		return o.rt.Anchor, chi
	}
	theta := math.Atan2(x, y)
	q, azi2 := direct(e, o.rt.Anchor, theta, rho)
	return q, chi + (azi2 - theta)
}
