package intercept

import (
	"errors"
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/atmos"
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// The flyout Earth: a non-rotating sphere with central gravity.
const (
	earthRadius = geo.SphereRadius // m
	earthGM     = geo.SphereGM     // m³/s²
	// dragCeiling is the altitude above which drag is neglected, m
	// (flight.ReentryAlt; the density there is ~2e-8 kg/m³).
	dragCeiling = flight.ReentryAlt
)

// Flyout integration tolerances: positions in m, velocities in m/s. A
// relative tolerance of 1e-9 keeps a 900 s flyout within a metre or so,
// far below the envelope's interpolation error.
const (
	flyRelTol = 1e-9
	flyAbsTol = 1e-4
	flyMaxH   = 20.0 // s, so the dense output stays well sampled
	eventTol  = 1e-6 // s
)

// pstate is the planar state (x, z, vx, vz): x downrange and z up at the
// launch point, origin at the Earth's centre, m and m/s.
type pstate = [4]float64

// thrust modes
const (
	modeCoast = iota
	modeUp    // thrust along the local vertical
	modeFixed // thrust along the fixed kick direction
	modeTurn  // gravity turn: thrust along the velocity
)

// flyer integrates one interceptor flyout in its vertical plane. It is
// reused across the flyouts of an envelope so that they do not allocate.
type flyer struct {
	ic    *Interceptor
	integ flight.DOPRI5[pstate]
	steps []flight.Dense[pstate]

	// current segment
	mode           int
	thrust         float64 // N (staged) or m/s² (burnout model, unit mass)
	m0, mdot, tSeg float64 // mass at tSeg and mass flow
	dirX, dirZ     float64 // fixed thrust direction
	cdA            float64 // Cd·A, m²

	accel float64 // calibrated thrust acceleration of the burnout model, m/s²
}

func newFlyer(ic *Interceptor) *flyer {
	f := &flyer{ic: ic}
	f.integ.F = f.rhs
	f.integ.RelTol, f.integ.AbsTol, f.integ.MaxStep = flyRelTol, flyAbsTol, flyMaxH
	if len(ic.Stages) > 0 && ic.Diameter > 0 {
		f.cdA = DragCoefficient * math.Pi * ic.Diameter * ic.Diameter / 4
	}
	return f
}

// rhs is the planar equation of motion on a non-rotating sphere:
// r̈ = −μ r/|r|³ + (T/m) û − ½ ρ(h) |v| v Cd·A/m.
func (f *flyer) rhs(t float64, y pstate) pstate {
	x, z, vx, vz := y[0], y[1], y[2], y[3]
	r2 := x*x + z*z
	r := math.Sqrt(r2)
	k := -earthGM / (r2 * r)
	ax, az := k*x, k*z
	m := f.m0 - f.mdot*(t-f.tSeg)
	// The speed only where the gravity turn or drag uses it.
	var v float64
	if f.mode == modeTurn || f.cdA > 0 {
		v = math.Hypot(vx, vz)
	}
	if f.mode != modeCoast {
		var ux, uz float64
		switch {
		case f.mode == modeFixed:
			ux, uz = f.dirX, f.dirZ
		case f.mode == modeTurn && v > 0:
			ux, uz = vx/v, vz/v
		default:
			ux, uz = x/r, z/r
		}
		a := f.thrust / m
		ax += a * ux
		az += a * uz
	}
	if f.cdA > 0 {
		if h := r - earthRadius; h < dragCeiling {
			d := -0.5 * atmos.Density(h) * v * f.cdA / m
			ax += d * vx
			az += d * vz
		}
	}
	return pstate{vx, vz, ax, az}
}

// segment is one interval of constant thrust law.
type segment struct {
	end            float64 // s after launch
	mode           int
	thrust, m0, md float64
	t0             float64
}

// segments returns the thrust segments of a flyout with the given kick.
func (f *flyer) segments(buf []segment, tEnd float64) []segment {
	ic := f.ic
	rise, pitch := ic.VerticalRise, ic.VerticalRise+ic.PitchOver
	modeAt := func(t float64) int {
		switch {
		case t < rise:
			return modeUp
		case t < pitch:
			return modeFixed
		}
		return modeTurn
	}
	out := buf[:0]
	type burn struct{ start, end, thrust, m0, md float64 }
	var burns []burn
	if len(ic.Stages) == 0 {
		burns = append(burns, burn{0, ic.BurnTime, f.accel, 1, 0})
	} else {
		m := ic.launchMass()
		t := 0.0
		for _, s := range ic.Stages {
			burns = append(burns, burn{t, t + s.BurnTime, s.Thrust, m, s.PropellantMass / s.BurnTime})
			m -= s.PropellantMass + s.DryMass
			t += s.BurnTime
		}
	}
	for _, b := range burns {
		cuts := []float64{b.start, b.end}
		for _, c := range []float64{rise, pitch} {
			if c > b.start && c < b.end {
				cuts = append(cuts[:len(cuts)-1], c, b.end)
			}
		}
		for i := 1; i < len(cuts); i++ {
			out = append(out, segment{end: cuts[i], mode: modeAt(cuts[i-1]), thrust: b.thrust, m0: b.m0, md: b.md, t0: b.start})
		}
	}
	coastMass := 1.0
	if len(ic.Stages) > 0 {
		// the burnt-out last stage stays with the kill vehicle: a point
		// mass, so only drag sees it
		coastMass = ic.Payload + ic.Stages[len(ic.Stages)-1].DryMass
	}
	out = append(out, segment{end: math.Max(tEnd, out[len(out)-1].end), mode: modeCoast, m0: coastMass, t0: out[len(out)-1].end})
	return out
}

// errGround reports a flyout that struck the ground, or began to descend,
// during boost; the envelope leaves such kicks out of its fan.
var errGround = errors.New("intercept: flyout descends or strikes the ground during boost")

// result summarises one flyout.
type result struct {
	kick                      float64
	boT, boV, boGamma         float64 // burnout time, speed and flight-path angle
	boRange, boAlt            float64
	end                       float64 // s: ground impact or MaxFlyout
	maxRange, maxAlt, maxAltT float64
}

// fly integrates the flyout with the given kick angle (rad from the
// vertical) from launch to ground impact or tEnd (at least burnout),
// recording the dense output of every step in f.steps.
func (f *flyer) fly(kick, tEnd float64, segBuf []segment) (result, []segment, error) {
	res := result{kick: kick}
	segs := f.segments(segBuf, tEnd)
	f.steps = f.steps[:0]
	sk, ck := math.Sincos(kick)
	f.dirX, f.dirZ = sk, ck
	y := pstate{0, earthRadius, 0, 0}
	t := 0.0
	first := true
	for si, s := range segs {
		f.mode, f.thrust, f.m0, f.mdot, f.tSeg = s.mode, s.thrust, s.m0, s.md, s.t0
		if first {
			f.integ.Reset(t, y, 0.05)
			first = false
		} else {
			f.integ.Restart(t, y)
		}
		h0 := math.Hypot(y[0], y[1]) - earthRadius
		for f.integ.T < s.end {
			if err := f.integ.Step(s.end); err != nil {
				return res, segs, fmt.Errorf("intercept: %s flyout: %w", f.ic.Name, err)
			}
			f.steps = append(f.steps, f.integ.Last)
			y1 := f.integ.Y
			h1 := math.Hypot(y1[0], y1[1]) - earthRadius
			if s.mode != modeCoast && f.integ.T > f.ic.VerticalRise+f.ic.PitchOver && y1[0]*y1[2]+y1[1]*y1[3] < 0 {
				return res, segs, errGround // descending under thrust: a crash path
			}
			if h1 > res.maxAlt {
				res.maxAlt, res.maxAltT = h1, f.integ.T
			}
			if h1 < 0 && h0 >= 0 && f.integ.T > 1 {
				if s.mode != modeCoast {
					return res, segs, errGround
				}
				d := &f.integ.Last
				te, ye := flight.LocateEvent(d, altEvent, h0, h1, eventTol)
				res.end = te
				res.maxRange = rangeOf(ye)
				return res, segs, nil
			}
			h0 = h1
		}
		t, y = f.integ.T, f.integ.Y
		if si == len(segs)-2 {
			res.boT = t
			res.boV, res.boGamma = speedGamma(y)
			res.boRange, res.boAlt = rangeOf(y), math.Hypot(y[0], y[1])-earthRadius
		}
	}
	res.end = t
	res.maxRange = rangeOf(y)
	return res, segs, nil
}

func altEvent(_ float64, y pstate) float64 { return math.Hypot(y[0], y[1]) - earthRadius }

// rangeOf is the ground range of a planar state on the sphere, m.
func rangeOf(y pstate) float64 { return earthRadius * math.Atan2(y[0], y[1]) }

// speedGamma returns the speed and the flight-path angle above the local
// horizontal of a planar state.
func speedGamma(y pstate) (v, gamma float64) {
	r := math.Hypot(y[0], y[1])
	vr := (y[0]*y[2] + y[1]*y[3]) / r // radial
	vh := (y[1]*y[2] - y[0]*y[3]) / r // horizontal, downrange
	return math.Hypot(y[2], y[3]), math.Atan2(vr, vh)
}

// calibrate sets the burnout model's thrust acceleration so that the
// flyout at the reference kick burns out at BurnoutSpeed (secant method).
func (f *flyer) calibrate() error {
	ic := f.ic
	if len(ic.Stages) > 0 {
		return nil
	}
	target := ic.BurnoutSpeed
	speed := func(a float64) (float64, error) {
		f.accel = a
		res, _, err := f.fly(referenceKick, 0, nil)
		return res.boV, err
	}
	a0 := target/ic.BurnTime + 0.7*catalog.G0
	v0, err := speed(a0)
	if err != nil {
		return err
	}
	a1 := a0 * target / v0
	for range 20 {
		v1, err := speed(a1)
		if err != nil {
			return err
		}
		if math.Abs(v1-target) < 1e-6*target {
			f.accel = a1
			return nil
		}
		a0, v0, a1 = a1, v1, a1-(v1-target)*(a1-a0)/(v1-v0)
	}
	return fmt.Errorf("intercept: %s: burnout-speed calibration did not converge", ic.Name)
}

// referenceKick is the kick angle at which the burnout model is calibrated
// and at which BurnoutSpeed is reported, rad from the vertical.
const referenceKick = 30 * math.Pi / 180

// Flyout is one flown interceptor trajectory in its vertical plane, for
// analysis and checks; the envelope holds the minimum over many.
type Flyout struct {
	Kick         float64 // rad from the vertical
	BurnoutTime  float64 // s after launch
	BurnoutSpeed float64 // m/s
	BurnoutAngle float64 // rad above the horizontal
	BurnoutRange float64 // ground range at burnout, m
	BurnoutAlt   float64 // m
	End          float64 // s after launch: ground impact or MaxFlyout
	MaxAlt       float64 // m
	GroundRange  float64 // at End, m
	steps        []flight.Dense[pstate]
}

// Point is an interceptor state on a flyout: time after launch, ground range
// and altitude on the non-rotating sphere, speed and flight-path angle.
type Point struct {
	T, Range, Alt, Speed, Gamma float64
}

// Fly flies one flyout with the given kick angle from the vertical.
func (ic *Interceptor) Fly(kick float64) (*Flyout, error) {
	if err := ic.validate(); err != nil {
		return nil, err
	}
	f := newFlyer(ic)
	if err := f.calibrate(); err != nil {
		return nil, err
	}
	res, _, err := f.fly(kick, ic.MaxFlyout, nil)
	if err != nil {
		return nil, err
	}
	return &Flyout{Kick: kick, BurnoutTime: res.boT, BurnoutSpeed: res.boV, BurnoutAngle: res.boGamma,
		BurnoutRange: res.boRange, BurnoutAlt: res.boAlt, End: res.end, MaxAlt: res.maxAlt,
		GroundRange: res.maxRange, steps: append([]flight.Dense[pstate](nil), f.steps...)}, nil
}

// At returns the flyout's point t seconds after launch (clamped to [0, End]).
func (fo *Flyout) At(t float64) Point {
	t = math.Max(0, math.Min(t, fo.End))
	lo, hi := 0, len(fo.steps)-1
	for lo < hi {
		m := (lo + hi + 1) / 2
		if fo.steps[m].T <= t {
			lo = m
		} else {
			hi = m - 1
		}
	}
	y := fo.steps[lo].At(t)
	v, g := speedGamma(y)
	return Point{T: t, Range: rangeOf(y), Alt: math.Hypot(y[0], y[1]) - earthRadius, Speed: v, Gamma: g}
}

// CrossRange returns the point where the flyout crosses ground range g, and
// false if it never does.
func (fo *Flyout) CrossRange(g float64) (Point, bool) {
	for i := range fo.steps {
		d := &fo.steps[i]
		t1 := math.Min(d.T+d.H, fo.End)
		g0, g1 := rangeOf(d.At(d.T)), rangeOf(d.At(t1))
		if g0 < g && g <= g1 {
			t, _ := locateRange(d, g, g0, g1)
			return fo.At(t), true
		}
	}
	return Point{}, false
}

// locateRange finds the time in the dense step d at which the ground range
// equals g, given the ranges g0 < g ≤ g1 at its ends, and the state there.
// It is flight.LocateEvent (Illinois regula falsi) on the event
// rangeOf(y) − g with tolerance eventTol, written out for the range event
// because envelopes locate ~150,000 crossings each: the same iterates and
// the same result to the last bit (TestLocateRangeMatchesLocateEvent),
// without the call through the event function and without evaluating the
// dense output again at the end, where the last iterate's state is kept.
func locateRange(d *flight.Dense[pstate], g, g0, g1 float64) (float64, pstate) {
	a, b := d.T, d.T+d.H
	ga, gb := g0-g, g1-g
	side := 0
	var yb pstate
	haveB := false
	for range 100 {
		if b-a <= eventTol {
			break
		}
		t := b - gb*(b-a)/(gb-ga)
		if !(t > a && t < b) || math.IsNaN(t) {
			t = (a + b) / 2
		}
		y := d.At(t)
		gt := rangeOf(y) - g
		if gt == 0 {
			return t, y
		}
		if (gt > 0) == (gb > 0) {
			b, gb, yb, haveB = t, gt, y, true
			if side == -1 {
				ga /= 2
			}
			side = -1
		} else {
			a, ga = t, gt
			if side == 1 {
				gb /= 2
			}
			side = 1
		}
	}
	if !haveB {
		yb = d.At(b)
	}
	return b, yb
}
