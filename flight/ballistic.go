package flight

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Stage is one rocket stage burning at constant thrust and mass flow.
type Stage struct {
	Thrust         float64 // N
	BurnTime       float64 // s
	PropellantMass float64 // kg
	DryMass        float64 // kg, dropped at the end of the stage's burn
}

// Missile is a staged ballistic missile.
type Missile struct {
	Name    string
	Stages  []Stage // in firing order
	Payload float64 // kg, the reentry vehicle and anything carried to burnout
	// Beta is the reentry vehicle's ballistic coefficient m/(Cd·A), kg/m²;
	// 0 means no drag after burnout.
	Beta float64
	// BoosterBeta is the ballistic coefficient of the whole missile at launch,
	// kg/m²; Cd·A is held at LaunchMass/BoosterBeta through boost. 0 means no
	// drag during boost.
	BoosterBeta float64
	// ThrustTermination is true when the motor can be shut down before its
	// propellant is spent (liquid engines: the propellant valves close).
	// Without it (solid motors, which burn to depletion) the aim solver
	// reaches a shorter range by an energy-management manoeuvre instead
	// (Steering.Yaw). See the package documentation.
	ThrustTermination bool
	// QuasiBallisticApogee is the apogee of the missile's quasi-ballistic
	// profile, m above the ellipsoid; 0: DefaultQuasiBallisticApogee.
	QuasiBallisticApogee float64
}

// LaunchMass returns the total mass at lift-off, kg.
func (m *Missile) LaunchMass() float64 {
	s := m.Payload
	for _, st := range m.Stages {
		s += st.PropellantMass + st.DryMass
	}
	return s
}

// BurnTime returns the total burn time of all stages, s.
func (m *Missile) BurnTime() float64 {
	var s float64
	for _, st := range m.Stages {
		s += st.BurnTime
	}
	return s
}

func (m *Missile) validate() error {
	if len(m.Stages) == 0 {
		return &InputError{Field: "missile.stages", Value: 0, Reason: "need at least one stage"}
	}
	for i, st := range m.Stages {
		if !(st.Thrust > 0 && st.BurnTime > 0 && st.PropellantMass > 0 && st.DryMass >= 0) {
			return &InputError{Field: "missile.stages", Value: i, Reason: "thrust, burn time and propellant mass must be positive, dry mass non-negative"}
		}
	}
	if !(m.Payload > 0) || m.Beta < 0 || m.BoosterBeta < 0 {
		return &InputError{Field: "missile.payload", Value: m.Payload, Reason: "payload must be positive and ballistic coefficients non-negative"}
	}
	first := m.Stages[0]
	if first.Thrust <= m.LaunchMass()*9.81 {
		return &InputError{Field: "missile.stages[0].thrust", Value: first.Thrust, Reason: "first-stage thrust must exceed the launch weight"}
	}
	return nil
}

// Steering is the boost guidance: a vertical rise, a pitch-over at a constant
// kick angle from the vertical toward the azimuth, then a gravity turn with
// thrust along the Earth-relative (air-relative) velocity, until thrust
// termination at Cutoff.
type Steering struct {
	Azimuth      float64 // rad clockwise from north
	Kick         float64 // rad from the local vertical during pitch-over
	VerticalRise float64 // s
	PitchOver    float64 // s
	Cutoff       float64 // s after launch; 0 or ≥ the burn time: burn to depletion
	// Yaw is the amplitude of the energy-management weave flown in the
	// gravity turn by a motor that cannot be shut down: the thrust swings
	// from side to side of the velocity by Yaw, so the sideways components
	// cancel over the weave and only T·cos(Yaw) accelerates the missile
	// along its path (the point-mass model flies that average). Mass flow
	// is unchanged: the energy is wasted, not saved. 0: no weave.
	Yaw float64
}

// Default boost timing of long-burn missiles. Short-burn missiles scale
// both by their burn time (BoostTiming).
const (
	DefaultVerticalRise = 10.0 // s
	DefaultPitchOver    = 10.0 // s
)

// BoostTiming returns the vertical rise and pitch-over durations used for m:
// the defaults, or 8 % and 12 % of the total burn time when that is shorter
// (an SRBM burning 25 s rises for 2 s), so that short-range shots can still
// cut thrust after the pitch-over.
func (m *Missile) BoostTiming() (rise, pitch float64) {
	b := m.BurnTime()
	return math.Min(DefaultVerticalRise, 0.08*b), math.Min(DefaultPitchOver, 0.12*b)
}

// Altitudes that delimit flight phases.
const (
	// ReentryAlt is the entry interface (400,000 ft ≈ 122 km rounded to
	// 120 km): reentry begins when a descending vehicle crosses it. Drag is
	// evaluated only below it.
	ReentryAlt = 120e3
	// MaxFlightTime bounds a ballistic flight, s.
	MaxFlightTime = 6 * 3600.0
)

type vec7 = [7]float64

// thrust modes
const (
	modeCoast = iota
	modeFixed // thrust along a fixed ECEF direction (vertical, pitch-over)
	modeTurn  // thrust along the Earth-relative velocity
)

// engine propagates ballistic flights. It is reused across the flights of a
// solve so that propagation does not allocate.
type engine struct {
	earth  Earth
	integ  DOPRI5[vec7]
	record bool
	dense  []Dense[vec7]

	mode    int
	thrust  float64
	mdot    float64
	dir     r3.Vec  // fixed thrust direction, ECEF
	cdA     float64 // Cd·A during boost, m²
	invBeta float64 // 1/β after burnout, m²/kg
	boost   bool
	dragOn  bool
	turnEff float64 // fraction of the thrust along the path in the gravity turn, cos(Steering.Yaw)
}

// Integration tolerances. Position is in metres and velocity in m/s; a
// relative tolerance of 1e-10 keeps a 30-minute Kepler arc within
// centimetres (see TestFreeFlightKepler).
const (
	defaultRelTol = 1e-10
	defaultAbsTol = 1e-6
	eventTimeTol  = 1e-7 // s
)

func newEngine(e Earth) *engine {
	g := &engine{earth: e}
	g.integ.F = g.rhs
	g.integ.RelTol = defaultRelTol
	g.integ.AbsTol = defaultAbsTol
	g.integ.MaxStep = 600
	return g
}

// rhs is the equation of motion in ECI: state (r, v, m).
func (g *engine) rhs(t float64, y vec7) vec7 {
	e := &g.earth
	ax, ay, az := e.gravity(y[0], y[1], y[2])
	var dm float64
	w := e.Omega
	// Earth-relative (air-relative) velocity: v − ω×r
	vrx, vry, vrz := y[3]+w*y[1], y[4]-w*y[0], y[5]
	if g.mode != modeCoast {
		var ux, uy, uz float64
		f := g.thrust / y[6]
		if g.mode == modeTurn {
			n := math.Sqrt(vrx*vrx + vry*vry + vrz*vrz)
			ux, uy, uz = vrx/n, vry/n, vrz/n
			f *= g.turnEff
		} else {
			s, c := math.Sincos(w * t)
			ux, uy, uz = c*g.dir.X-s*g.dir.Y, s*g.dir.X+c*g.dir.Y, g.dir.Z
		}
		ax += f * ux
		ay += f * uy
		az += f * uz
		dm = -g.mdot
	}
	if g.dragOn {
		h := e.altitudeECI(y[0], y[1], y[2])
		if h < ReentryAlt {
			k := g.invBeta
			if g.boost {
				k = g.cdA / y[6]
			}
			vr := math.Sqrt(vrx*vrx + vry*vry + vrz*vrz)
			d := -0.5 * e.density(h) * vr * k
			ax += d * vrx
			ay += d * vry
			az += d * vrz
		}
	}
	return vec7{y[3], y[4], y[5], ax, ay, az, dm}
}

// flightResult is the outcome of one propagation, in ECI.
type flightResult struct {
	launchT  float64
	boT      float64
	boY      vec7
	apoT     float64
	apoY     vec7
	apoAlt   float64
	reentryT float64
	impT     float64
	impY     vec7
	cutoff   float64 // thrust termination time from launch, s
}

// stepRecord appends the last step's dense output when recording.
func (g *engine) stepRecord() {
	if g.record {
		g.dense = append(g.dense, g.integ.Last)
	}
}

// boostFlight integrates the powered flight of m from launch at time t0 and
// returns the burnout time and ECI state.
func (g *engine) boostFlight(m *Missile, launch geo.LLA, t0 float64, st Steering, res *flightResult) (float64, vec7, error) {
	e := g.earth
	enu := e.Ellipsoid.NewENU(launch)
	pos := enu.OriginECEF
	p, v := e.rotation().ECIFromECEF(pos, r3.Vec{}, t0)
	y := vec7{p.X, p.Y, p.Z, v.X, v.Y, v.Z, m.LaunchMass()}
	g.boost = true
	g.cdA = 0
	if m.BoosterBeta > 0 {
		g.cdA = m.LaunchMass() / m.BoosterBeta
	}
	g.dragOn = e.Drag && g.cdA > 0
	total := m.BurnTime()
	cut := st.Cutoff
	if cut <= 0 || cut > total {
		cut = total
	}
	res.cutoff = cut
	g.turnEff = math.Cos(st.Yaw)
	sa, ca := math.Sincos(st.Azimuth)
	horiz := enu.Unrotate(r3.Vec{X: sa, Y: ca})
	sk, ck := math.Sincos(st.Kick)
	pitchDir := r3.Add(r3.Scale(ck, enu.U), r3.Scale(sk, horiz))
	tRise := st.VerticalRise
	tPitch := st.VerticalRise + st.PitchOver

	t := t0
	stageStart := 0.0
	first := true
	for i, s := range m.Stages {
		stageEnd := stageStart + s.BurnTime
		g.thrust = s.Thrust
		g.mdot = s.PropellantMass / s.BurnTime
		// segments inside this stage split at steering switches and cutoff
		bounds := [4]float64{tRise, tPitch, cut, stageEnd}
		segStart := stageStart
		for segStart < stageEnd && segStart < cut {
			segEnd := stageEnd
			for _, b := range bounds {
				if b > segStart && b < segEnd {
					segEnd = b
				}
			}
			switch {
			case segStart < tRise:
				g.mode, g.dir = modeFixed, enu.U
			case segStart < tPitch:
				g.mode, g.dir = modeFixed, pitchDir
			default:
				g.mode = modeTurn
			}
			if first {
				g.integ.Reset(t, y, 0.5)
				first = false
			} else {
				g.integ.Restart(t, y)
			}
			tEnd := t0 + segEnd
			for g.integ.T < tEnd {
				if err := g.integ.Step(tEnd); err != nil {
					return 0, y, err
				}
				g.stepRecord()
			}
			t, y = g.integ.T, g.integ.Y
			if e.altitudeECI(y[0], y[1], y[2]) < launch.Alt-100 {
				return 0, y, &InputError{Field: "steering.kick", Value: st.Kick, Reason: "missile struck the ground during boost"}
			}
			segStart = segEnd
		}
		if segStart >= cut {
			break
		}
		if i < len(m.Stages)-1 {
			y[6] -= s.DryMass
		}
		stageStart = stageEnd
	}
	g.mode = modeCoast
	g.boost = false
	y[6] = m.Payload
	return t, y, nil
}

// coast integrates unpowered flight from (t, y) to impact at altitude
// impactAlt, locating apogee, the reentry interface and impact. With dragUp
// false, drag acts only after apogee (burnout-state flights, whose ascent
// through the atmosphere is part of the idealised burnout).
func (g *engine) coast(t float64, y vec7, impactAlt float64, fresh, dragUp bool, res *flightResult) error {
	e := g.earth
	g.mode = modeCoast
	g.boost = false
	canDrag := e.Drag && g.invBeta > 0
	altOf := func(_ float64, y vec7) float64 { return e.altitudeECI(y[0], y[1], y[2]) }
	rvOf := func(_ float64, y vec7) float64 { return y[0]*y[3] + y[1]*y[4] + y[2]*y[5] }
	impOf := func(_ float64, y vec7) float64 { return e.altitudeECI(y[0], y[1], y[2]) - impactAlt }
	reOf := func(_ float64, y vec7) float64 { return e.altitudeECI(y[0], y[1], y[2]) - ReentryAlt }
	alt0 := altOf(t, y)
	rv0 := rvOf(t, y)
	descending := rv0 <= 0
	dragAt := func(alt float64) bool { return canDrag && alt < ReentryAlt && (dragUp || descending) }
	g.dragOn = dragAt(alt0)
	if fresh {
		g.integ.Reset(t, y, 0)
	} else {
		g.integ.Restart(t, y)
	}
	res.apoT, res.apoY, res.apoAlt = t, y, alt0
	res.reentryT = math.NaN()
	tMax := res.launchT + MaxFlightTime
	for {
		if err := g.integ.Step(tMax); err != nil {
			return err
		}
		g.stepRecord()
		y1 := g.integ.Y
		alt1 := altOf(0, y1)
		rv1 := rvOf(0, y1)
		d := &g.integ.Last
		if rv0 > 0 && rv1 <= 0 {
			ta, ya := LocateEvent(d, rvOf, rv0, rv1, eventTimeTol)
			res.apoT, res.apoY, res.apoAlt = ta, ya, altOf(ta, ya)
			descending = true
			if on := dragAt(res.apoAlt); on != g.dragOn {
				// drag starts at apogee: restart there
				g.dragOn = on
				g.integ.Restart(ta, ya)
				alt0, rv0 = res.apoAlt, rvOf(ta, ya)
				continue
			}
		}
		if alt0 > impactAlt && alt1 <= impactAlt {
			ti, yi := LocateEvent(d, impOf, alt0-impactAlt, alt1-impactAlt, eventTimeTol)
			res.impT, res.impY = ti, yi
			if math.IsNaN(res.reentryT) && alt0 >= ReentryAlt {
				res.reentryT, _ = LocateEvent(d, reOf, alt0-ReentryAlt, alt1-ReentryAlt, eventTimeTol)
			}
			return nil
		}
		if (alt0 < ReentryAlt) != (alt1 < ReentryAlt) {
			tc, yc := LocateEvent(d, reOf, alt0-ReentryAlt, alt1-ReentryAlt, eventTimeTol)
			if alt1 < alt0 {
				res.reentryT = tc
			}
			if on := dragAt(alt1); on != g.dragOn {
				g.dragOn = on
				g.integ.Restart(tc, yc)
				alt1, rv1 = altOf(tc, yc), rvOf(tc, yc)
			}
		}
		if g.integ.T >= tMax {
			return ErrNoImpact
		}
		alt0, rv0 = alt1, rv1
	}
}
