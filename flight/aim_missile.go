package flight

import (
	"errors"
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Kick-angle search limits, rad.
const (
	minKick = 0.05 * math.Pi / 180
	maxKick = 80 * math.Pi / 180
)

// minCoastCutoff is the earliest thrust termination after the pitch-over, s.
const minCoastCutoff = 5.0

// MaxEnergyYaw is the largest energy-management weave amplitude
// (Steering.Yaw) the aim solver flies: at 80° only cos 80° ≈ 17 % of the
// thrust accelerates the missile along its path. It sets the minimum range
// of a missile without thrust termination.
const MaxEnergyYaw = 80 * math.Pi / 180

// Aim-solve tolerances of the staged-missile solver.
const (
	// kickTol is the kick-angle bracket width at which the burnout-angle
	// search stops, rad (6e-8°): far below the Newton step of the polish.
	kickTol = 1e-9
	// coarseRangeTol is the range error at which the search along the
	// range control stops before the Newton polish, m.
	coarseRangeTol = 200.0
)

// RangeControl names how a staged missile is made to fall short of its
// full-burn range.
type RangeControl int

// Range controls.
const (
	FullBurn          RangeControl = iota // burn to depletion; range set by the kick angle alone
	ThrustTermination                     // engine shut down early (Steering.Cutoff)
	EnergyManagement                      // weave that wastes energy (Steering.Yaw)
)

var rangeControlNames = [...]string{"full burn", "thrust termination", "energy management"}

func (c RangeControl) String() string {
	if c < 0 || int(c) >= len(rangeControlNames) {
		return "unknown"
	}
	return rangeControlNames[c]
}

// inertialAngle returns the geocentric flight-path angle of an ECI state.
func inertialAngle(y vec7) float64 {
	r := r3.Vec{X: y[0], Y: y[1], Z: y[2]}
	v := r3.Vec{X: y[3], Y: y[4], Z: y[5]}
	return math.Asin(r3.Dot(r, v) / (r3.Norm(r) * r3.Norm(v)))
}

// keplerMinEnergyAngle returns the Kepler minimum-energy flight-path angle
// (inertial) from the ECI position of y at time t to the aim point, whose
// inertial position is taken at the impact time of that arc (three
// fixed-point passes).
func keplerMinEnergyAngle(e Earth, y vec7, aim geo.LLA, t float64) float64 {
	p1 := r3.Vec{X: y[0], Y: y[1], Z: y[2]}
	pa := e.Ellipsoid.ToECEF(aim)
	tof := 0.0
	var g float64
	for range 3 {
		p2, _ := e.rotation().ECIFromECEF(pa, r3.Vec{}, t+tof)
		psi := math.Acos(math.Max(-1, math.Min(1, r3.Cos(p1, p2))))
		me := MinEnergyArc(e.GM, r3.Norm(p1), r3.Norm(p2), psi)
		g = me.Angle
		tof = KeplerArc{GM: e.GM, R1: r3.Norm(p1), R2: r3.Norm(p2), Speed: me.Speed, Angle: g}.TimeOfFlight()
		if math.IsNaN(tof) {
			break
		}
	}
	return g
}

// minEnergyAngleSearchTol is the tolerance of the search for the
// minimum-energy burnout angle, rad (6e-6°).
const minEnergyAngleSearchTol = 1e-7

// minEnergyAngle returns the inertial flight-path angle, at the burnout
// state y at time t, of the Kepler arc to the aim point that needs the
// least Earth-relative burnout speed. A missile starts at rest on the
// rotating Earth, so that is the speed its motor must supply. Without
// rotation it is the Kepler minimum-energy angle (Bate, Mueller & White
// §6.2); with rotation it differs from that by the Earth's motion, the
// same way east and west, so shots of equal range take equal times.
func minEnergyAngle(e Earth, y vec7, aim geo.LLA, t float64) float64 {
	gk := keplerMinEnergyAngle(e, y, aim, t)
	if e.Omega == 0 {
		return gk
	}
	pe, _ := e.rotation().ECEFFromECI(r3.Vec{X: y[0], Y: y[1], Z: y[2]}, r3.Vec{}, t)
	bo := e.Ellipsoid.ToGeodetic(pe)
	const span = 20 * math.Pi / 180
	g, v := brentMin(func(g float64) float64 {
		v, _, _, ok := keplerGuess(e, bo, aim, t, g)
		if !ok {
			return math.Inf(1)
		}
		return v
	}, math.Max(gk-span, 0.5*math.Pi/180), math.Min(gk+span, 89*math.Pi/180), minEnergyAngleSearchTol)
	if math.IsInf(v, 1) {
		return gk
	}
	return g
}

// control is a missile's range control as one scalar u in [lo, hi]: hi is
// the full burn, and the range grows with u.
type control struct {
	kind   RangeControl
	lo, hi float64
}

func (c control) set(st *Steering, u float64) {
	switch c.kind {
	case ThrustTermination:
		st.Cutoff, st.Yaw = u, 0
		if u >= c.hi {
			st.Cutoff = 0
		}
	case EnergyManagement:
		st.Cutoff, st.Yaw = 0, math.Acos(math.Max(-1, math.Min(1, u)))
	default:
		st.Cutoff, st.Yaw = 0, 0
	}
}

func (c control) get(st Steering) float64 {
	switch c.kind {
	case ThrustTermination:
		if st.Cutoff <= 0 || st.Cutoff > c.hi {
			return c.hi
		}
		return st.Cutoff
	case EnergyManagement:
		return math.Cos(st.Yaw)
	}
	return c.hi
}

// controlOf returns the range control of m: thrust termination when m has
// it, else an energy-management weave (up to MaxEnergyYaw), flown only in
// the gravity turn after the pitch-over.
func controlOf(m *Missile) control {
	rise, pitch := m.BoostTiming()
	total := m.BurnTime()
	if m.ThrustTermination {
		minCut := rise + pitch + min(minCoastCutoff, 0.2*total)
		if minCut >= total {
			return control{kind: FullBurn, lo: 1, hi: 1}
		}
		return control{kind: ThrustTermination, lo: minCut, hi: total}
	}
	return control{kind: EnergyManagement, lo: math.Cos(MaxEnergyYaw), hi: 1}
}

// solveMissile aims a staged missile: it solves the launch azimuth, the kick
// angle (which sets the burnout angle) and the range control (thrust
// termination time or energy-management weave, which sets the range).
//
// The search is nested so that it cannot lose itself: for a value u of the
// range control, the kick that gives the profile's burnout angle is found
// on boost-only flights (monotone in the kick); the range of the flight is
// then monotone in u and bracketed between the least and the full energy.
// A Newton iteration on (kick, u, azimuth) polishes the result to MissTol;
// if it fails, the nested search is run to full precision with azimuth
// corrections instead.
func (a *aimer) solveMissile() (Launch, error) {
	s := a.s
	e := a.g.earth
	m := s.Missile
	rise, pitch := m.BoostTiming()
	l := Launch{Site: s.Launch, Time: s.LaunchTime, Missile: m, ImpactAlt: s.Aim.Alt,
		Steering: Steering{VerticalRise: rise, PitchOver: pitch}}
	ctl := controlOf(m)
	a.control = ctl.kind
	psi, r1, r2 := psiTo(e, s.Launch, s.Aim)
	_, az0, _, ok := keplerGuess(e, s.Launch, s.Aim, s.LaunchTime, MinEnergyArc(e.GM, r1, r2, psi).Angle)
	if !ok {
		_, az0, _ = inverse(e.Ellipsoid, s.Launch, s.Aim)
	}
	l.Steering.Azimuth = az0

	prof, apogee := s.Profile, s.Apogee
	if prof == QuasiBallistic && s.BurnoutAngle == 0 {
		if apogee == 0 {
			apogee = m.QuasiBallisticApogee
			if apogee == 0 {
				apogee = DefaultQuasiBallisticApogee
			}
		}
		// Where the minimum-energy arc is already lower, the low apogee
		// costs nothing: fly minimum energy.
		me := MinEnergyArc(e.GM, r1, r2, psi)
		if !a.capped && (KeplerArc{GM: e.GM, R1: r1, R2: r2, Speed: me.Speed, Angle: me.Angle}).ApogeeRadius()-(r2-s.Aim.Alt) <= apogee {
			prof, apogee = MinEnergy, 0
		} else {
			prof = Depressed
		}
		a.apogee = apogee
	}
	offset := 0.0
	if s.BurnoutAngle == 0 && apogee == 0 {
		switch prof {
		case Lofted:
			offset = DefaultLoft
		case Depressed:
			offset = -DefaultLoft
		}
	}
	wantApogee := apogee > 0 && prof != MinEnergy
	// target is the point the burnout angle is aimed at: the aim point,
	// except while the minimum range is sought.
	target := s.Aim
	// angleRes is the first residual, computed from the last full flight.
	var angleRes func(res *flightResult) float64
	var angleScale float64
	switch {
	case s.BurnoutAngle > 0:
		angleScale = angleTol
		angleRes = func(res *flightResult) float64 {
			_, _, _, _, g, _ := earthRelative(e, res.boT, res.boY)
			return g - s.BurnoutAngle
		}
	case wantApogee:
		angleScale = apogeeTol
		angleRes = func(res *flightResult) float64 { return res.apoAlt - apogee }
	default:
		angleScale = angleTol
		angleRes = func(res *flightResult) float64 {
			g := minEnergyAngle(e, res.boY, target, res.boT) + offset
			return inertialAngle(res.boY) - math.Max(g, 1*math.Pi/180)
		}
	}
	// boostTarget estimates the first residual from a boost-only flight.
	boostTarget := func(res *flightResult) float64 {
		switch {
		case s.BurnoutAngle > 0:
			_, _, _, _, g, _ := earthRelative(e, res.boT, res.boY)
			return g - s.BurnoutAngle
		case wantApogee:
			bo := e.Ellipsoid.ToGeodetic(r3.Vec{X: res.boY[0], Y: res.boY[1], Z: res.boY[2]})
			ps, rr1, rr2 := psiTo(e, bo, target)
			gs := MinEnergyArc(e.GM, rr1, rr2, ps).Angle
			g, err := keplerAngleForApogee(e, bo, target, apogee, gs, prof)
			if err != nil {
				g = gs + offset
			}
			return inertialAngle(res.boY) - g
		default:
			g := minEnergyAngle(e, res.boY, target, res.boT) + offset
			return inertialAngle(res.boY) - math.Max(g, 1*math.Pi/180)
		}
	}

	// rangeOn sets ll's kick for control value u and returns the range.
	rangeOn := func(ll *Launch, u float64) (float64, error) {
		ctl.set(&ll.Steering, u)
		k, err := a.kickFor(ll, boostTarget)
		if err != nil {
			return 0, err
		}
		ll.Steering.Kick = k
		return a.rangeAt(ll)
	}
	rangeFor := func(u float64) (float64, error) { return rangeOn(&l, u) }
	// rangeApo is rangeOn with the kick solved on full flights for the
	// apogee (the boost-only estimate misses it under drag).
	rangeApo := func(ll *Launch, u float64) (float64, error) {
		ctl.set(&ll.Steering, u)
		if !a.kickForApogee(ll, apogee) {
			// too little energy to climb that high: no range
			return 0, nil
		}
		return a.rangeAt(ll)
	}

	// 1. Full energy at the wanted angle.
	full, err := rangeFor(ctl.hi)
	kFull := l.Steering.Kick
	if err != nil || full < a.dist {
		if wantApogee {
			// The boost-only estimate may be short: the full burn
			// flown at the apogee decides.
			ll := l
			r, err := rangeApo(&ll, ctl.hi)
			if err == nil && r >= a.dist && ctl.kind != FullBurn {
				return a.nestedAim(l, ctl, rangeApo)
			}
			return l, &RangeError{Range: a.dist, MaxRange: r, Profile: a.profileLabel(prof, apogee)}
		}
		maxR, kMax, err := a.maxRange(&l)
		if err != nil {
			return l, err
		}
		if maxR < a.dist {
			return l, &RangeError{Range: a.dist, MaxRange: maxR}
		}
		if prof != MinEnergy || s.BurnoutAngle > 0 {
			// The shape asked for cannot reach this far; only a
			// full burn at another angle can.
			return l, &RangeError{Range: a.dist, MaxRange: math.Max(full, 0), Profile: a.profileLabel(prof, apogee)}
		}
		// Minimum energy beyond the Kepler optimum's reach: the least
		// energy is a full burn, at the kick between the Kepler one and
		// the maximum-range one that reaches the aim point, so that the
		// shape changes continuously up to the maximum range.
		a.control = FullBurn
		klo, khi := min(kFull, kMax), max(kFull, kMax)
		if err != nil || khi-klo < 1e-4 {
			klo, khi = minKick, maxKick
		}
		return a.fullBurn(l, (klo+khi)/2, klo, khi, az0)
	}
	lFull := l

	// 2. Least energy.
	lo, hi := ctl.lo, ctl.hi
	rlo, err := rangeFor(lo)
	if err == nil && rlo > a.dist {
		// The least range depends on the point the burnout angle is
		// aimed at: report the one that is its own aim point.
		_, azA, _ := inverse(e.Ellipsoid, s.Launch, s.Aim)
		for range 6 {
			lat, lon, _ := e.Ellipsoid.Direct(s.Launch.Lat, s.Launch.Lon, azA, rlo)
			target = geo.LLA{Lat: lat, Lon: lon, Alt: s.Aim.Alt}
			r, err := rangeFor(lo)
			if err != nil {
				break
			}
			done := math.Abs(r-rlo) < 10
			rlo = r
			if done {
				break
			}
		}
		target = s.Aim
		re := &RangeError{Range: a.dist, MinRange: rlo}
		if prof != MinEnergy || s.BurnoutAngle > 0 {
			re.Profile = a.profileLabel(prof, apogee)
		}
		return l, re
	}
	if err != nil {
		rlo = 0
	}
	rhi := full
	if ctl.kind == FullBurn {
		l = lFull
	} else {
		// 3. The control value for the range (Illinois on a bracket).
		side := 0
		for range 60 {
			c := lo + (a.dist-rlo)*(hi-lo)/(rhi-rlo)
			if !(c > lo && c < hi) {
				c = (lo + hi) / 2
			}
			rc, err := rangeFor(c)
			if err != nil {
				lo, rlo = c, 0
				continue
			}
			if math.Abs(rc-a.dist) < coarseRangeTol || hi-lo < 1e-9*math.Abs(hi) {
				break
			}
			if rc < a.dist {
				lo, rlo = c, rc
				if side == -1 {
					rhi = a.dist + (rhi-a.dist)/2
				}
				side = -1
			} else {
				hi, rhi = c, rc
				if side == 1 {
					rlo = a.dist - (a.dist-rlo)/2
				}
				side = 1
			}
		}
	}

	// The kick at a bound: the shape asked for is out of the missile's
	// steering range at this energy.
	if k := l.Steering.Kick; k <= minKick || k >= maxKick {
		if s.BurnoutAngle > 0 || apogee > 0 {
			how := "shallow"
			if k <= minKick {
				how = "steep"
			}
			return l, fmt.Errorf("flight: %s cannot fly the %s to this aim point: its boost steering cannot make the burnout %s enough: %w",
				m.Name, a.profileLabel(prof, apogee), how, ErrNoConvergence)
		}
		// Default lofted or depressed: the steepest or shallowest shot
		// the steering gives.
		return a.polishControl(l, ctl, az0)
	}
	// 4. One azimuth correction from the cross-track miss.
	a.correctAzimuth(&l)

	// 5. Newton on (kick, control, azimuth).
	uMin, uMax := ctl.lo, ctl.hi
	if ctl.kind == FullBurn {
		uMin, uMax = 1, 1
	}
	n := 3
	p := newtonProblem{n: n,
		x:   [3]float64{l.Steering.Kick, ctl.get(l.Steering), l.Steering.Azimuth},
		lo:  [3]float64{minKick, uMin, az0 - 1},
		hi:  [3]float64{maxKick, uMax, az0 + 1},
		dx:  [3]float64{1e-5, 1e-5 * (uMax - uMin + 1e-3), 1e-6},
		tol: [3]float64{angleScale, MissTol / 4, MissTol / 4}}
	if ctl.kind == FullBurn {
		// no control: solve kick and azimuth for the miss only
		return a.fullBurn(l, l.Steering.Kick, minKick, maxKick, l.Steering.Azimuth)
	}
	start := l
	p.f = func(x [3]float64) ([3]float64, error) {
		l.Steering.Kick, l.Steering.Azimuth = x[0], x[2]
		ctl.set(&l.Steering, x[1])
		mm, err := a.run(&l)
		if err != nil {
			return [3]float64{}, err
		}
		return [3]float64{angleRes(&a.res), mm[0], mm[1]}, nil
	}
	if _, err := p.solve(40); err == nil {
		l.Steering.Kick, l.Steering.Azimuth = p.x[0], p.x[2]
		ctl.set(&l.Steering, p.x[1])
		return l, nil
	}

	// 6. Fallback: the nested search to full precision.
	if wantApogee || s.BurnoutAngle > 0 {
		// Perhaps the shape asked for does not reach: the Kepler
		// estimate of its kick said it did, the flights say otherwise.
		if r, ok := a.profileRange(l, ctl, angleRes); ok && r < a.dist {
			return l, &RangeError{Range: a.dist, MaxRange: r, Profile: a.profileLabel(prof, apogee)}
		}
	}
	if wantApogee {
		if _, err := a.run(&l); err == nil {
			if bo := e.Ellipsoid.ToGeodetic(r3.Vec{X: a.res.boY[0], Y: a.res.boY[1], Z: a.res.boY[2]}); bo.Alt > apogee {
				return l, fmt.Errorf("flight: %s cannot fly the %s to this aim point: it burns out at about %.0f km, above that apogee: %w",
					m.Name, a.profileLabel(prof, apogee), bo.Alt/1e3, ErrNoConvergence)
			}
		}
	}
	l = start
	if wantApogee {
		// The boost-only estimate of the kick misses the apogee under
		// drag: solve the kick on full flights for the apogee itself.
		ll := l
		if r, err := rangeApo(&ll, ctl.hi); err == nil && r < a.dist {
			return l, &RangeError{Range: a.dist, MaxRange: r, Profile: a.profileLabel(prof, apogee)}
		}
		return a.nestedAim(l, ctl, rangeApo)
	}
	return a.nestedAim(l, ctl, rangeOn)
}

// kickForApogee sets the kick angle of l that puts the apogee of its full
// flight at apogee (m above the ellipsoid), by the Illinois method on the
// kick: a larger kick gives a shallower, lower flight. It reports false
// when no kick within the steering limits gives that apogee.
func (a *aimer) kickForApogee(l *Launch, apogee float64) bool {
	f := func(k float64) float64 {
		l.Steering.Kick = k
		if _, err := a.run(l); err != nil {
			return -apogee // struck the ground: too shallow
		}
		return a.res.apoAlt - apogee
	}
	lo, hi := minKick, maxKick
	flo, fhi := f(lo), f(hi)
	if flo < 0 || fhi > 0 {
		return false
	}
	l.Steering.Kick = illinoisDecreasing(f, lo, hi, flo, fhi, 80, func(m, fm, lo, hi float64) bool {
		return math.Abs(fm) < apogeeTol/10 || hi-lo < kickTol
	})
	return true
}

// illinoisDecreasing finds a root of f, decreasing on [lo, hi] with flo =
// f(lo) > 0 > fhi = f(hi), by the Illinois variant of regula falsi (Dowell
// & Jarratt, BIT 11, 1971): the end that stays twice running has its value
// halved. Before each step, done(m, f(m), lo, hi) with the bracket as it
// was may stop it at m; after n steps it returns the bracket's middle.
func illinoisDecreasing(f func(float64) float64, lo, hi, flo, fhi float64, n int, done func(m, fm, lo, hi float64) bool) float64 {
	side := 0
	for range n {
		m := lo + flo*(hi-lo)/(flo-fhi)
		if !(m > lo && m < hi) {
			m = (lo + hi) / 2
		}
		fm := f(m)
		if done(m, fm, lo, hi) {
			return m
		}
		if fm > 0 {
			lo, flo = m, fm
			if side == 1 {
				fhi /= 2
			}
			side = 1
		} else {
			hi, fhi = m, fm
			if side == -1 {
				flo /= 2
			}
			side = -1
		}
	}
	return (lo + hi) / 2
}

// minEnergyKickTol is the kick-angle tolerance of the range-maximising
// search, rad (0.03°).
const minEnergyKickTol = 5e-4

// polishControl solves the range control and azimuth that put l's flight,
// at its kick angle, on the aim point: Newton's method, then the nested
// search if Newton fails.
func (a *aimer) polishControl(l Launch, ctl control, az0 float64) (Launch, error) {
	a.correctAzimuth(&l)
	p := newtonProblem{n: 2,
		x:   [3]float64{ctl.get(l.Steering), l.Steering.Azimuth},
		lo:  [3]float64{ctl.lo, az0 - 1},
		hi:  [3]float64{ctl.hi, az0 + 1},
		dx:  [3]float64{1e-5 * (ctl.hi - ctl.lo), 1e-6},
		tol: [3]float64{MissTol / 4, MissTol / 4}}
	start := l
	p.f = func(x [3]float64) ([3]float64, error) {
		ctl.set(&l.Steering, x[0])
		l.Steering.Azimuth = x[1]
		mm, err := a.run(&l)
		return [3]float64{mm[0], mm[1]}, err
	}
	if _, err := p.solve(40); err == nil {
		ctl.set(&l.Steering, p.x[0])
		l.Steering.Azimuth = p.x[1]
		return l, nil
	}
	l = start
	kick := l.Steering.Kick
	return a.nestedAim(l, ctl, func(ll *Launch, u float64) (float64, error) {
		ctl.set(&ll.Steering, u)
		ll.Steering.Kick = kick
		return a.rangeAt(ll)
	})
}

// profileRange returns the full-burn range of the shape whose residual is
// res (zero on the shape), found by bisection on the kick angle.
func (a *aimer) profileRange(l Launch, ctl control, res func(*flightResult) float64) (float64, bool) {
	ctl.set(&l.Steering, ctl.hi)
	f := func(k float64) (float64, bool) {
		l.Steering.Kick = k
		if _, err := a.run(&l); err != nil {
			return 0, false
		}
		return res(&a.res), true
	}
	lo, hi := minKick, maxKick
	flo, ok1 := f(lo)
	fhi, ok2 := f(hi)
	if !ok2 {
		// the largest kick that flies
		a0, b0 := lo, hi
		for range 30 {
			m := (a0 + b0) / 2
			if _, ok := f(m); ok {
				a0 = m
			} else {
				b0 = m
			}
		}
		hi = a0
		fhi, ok2 = f(hi)
	}
	if !ok1 || !ok2 || (flo > 0) == (fhi > 0) {
		return 0, false
	}
	for range 40 {
		m := (lo + hi) / 2
		fm, ok := f(m)
		if !ok {
			return 0, false
		}
		if (fm > 0) == (flo > 0) {
			lo, flo = m, fm
		} else {
			hi = m
		}
	}
	l.Steering.Kick = (lo + hi) / 2
	r, err := a.rangeAt(&l)
	return r, err == nil
}

// profileLabel names a profile for messages, with its apogee when set.
func (a *aimer) profileLabel(p Profile, apogee float64) string {
	name := p.String()
	if a.s.Profile == QuasiBallistic {
		name = QuasiBallistic.String()
	}
	switch {
	case a.s.BurnoutAngle > 0:
		return fmt.Sprintf("%s profile at a %.1f° burnout angle", name, a.s.BurnoutAngle*180/math.Pi)
	case apogee > 0:
		return fmt.Sprintf("%s profile with a %.0f km apogee", name, apogee/1e3)
	}
	return name + " profile"
}

// correctAzimuth turns l's azimuth by the cross-track miss of its flight
// seen from the launch point.
func (a *aimer) correctAzimuth(l *Launch) {
	mm, err := a.run(l)
	if err != nil {
		return
	}
	_, azAim, _ := inverse(a.g.earth.Ellipsoid, l.Site, a.s.Aim)
	// miss components across the launch→aim direction (east-north plane)
	cross := mm[0]*math.Cos(azAim) - mm[1]*math.Sin(azAim)
	l.Steering.Azimuth -= cross / a.dist
}

// nestedAim repeats the nested search with azimuth corrections until the
// miss is below MissTol. rangeFor sets the steering of the launch it is
// given for control value u and returns its range.
func (a *aimer) nestedAim(l Launch, ctl control, rangeOn func(*Launch, float64) (float64, error)) (Launch, error) {
	rangeFor := func(u float64) (float64, error) { return rangeOn(&l, u) }
	best, bestMiss := l, math.Inf(1)
	for range 8 {
		lo, hi := ctl.lo, ctl.hi
		rlo, err1 := rangeFor(lo)
		rhi, err2 := rangeFor(hi)
		if err1 != nil || err2 != nil || rlo > a.dist || rhi < a.dist {
			break
		}
		for range 80 {
			c := (lo + hi) / 2
			if rhi > rlo {
				c = lo + (a.dist-rlo)*(hi-lo)/(rhi-rlo)
				if !(c > lo && c < hi) {
					c = (lo + hi) / 2
				}
			}
			rc, err := rangeFor(c)
			if err != nil {
				break
			}
			if math.Abs(rc-a.dist) < MissTol/8 || hi-lo < 1e-12 {
				break
			}
			if rc < a.dist {
				lo, rlo = c, rc
			} else {
				hi, rhi = c, rc
			}
		}
		mm, err := a.run(&l)
		if err != nil {
			break
		}
		miss := math.Hypot(mm[0], mm[1])
		if miss < bestMiss {
			best, bestMiss = l, miss
		}
		if miss <= MissTol {
			return l, nil
		}
		a.correctAzimuth(&l)
	}
	az := best.Steering.Azimuth * 180 / math.Pi
	return best, fmt.Errorf("flight: %s could not be aimed on the %s at the point %.0f km away at azimuth %.0f°: the closest shot found misses by %.2g km: %w",
		a.s.Missile.Name, a.profileLabel(a.s.Profile, a.apogee), a.dist/1e3, math.Mod(az+720, 360), bestMiss/1e3, ErrNoConvergence)
}

// fullBurn solves the kick angle (within lo..hi, from k0) and the azimuth
// that put a full-burn flight on the aim point.
func (a *aimer) fullBurn(l Launch, k0, lo, hi, az0 float64) (Launch, error) {
	l.Steering.Cutoff, l.Steering.Yaw = 0, 0
	p := newtonProblem{n: 2, x: [3]float64{k0, az0}, lo: [3]float64{lo, az0 - 1}, hi: [3]float64{hi, az0 + 1},
		dx: [3]float64{1e-5, 1e-6}, tol: [3]float64{MissTol / 4, MissTol / 4}}
	p.f = func(x [3]float64) ([3]float64, error) {
		l.Steering.Kick, l.Steering.Azimuth = x[0], x[1]
		m, err := a.run(&l)
		return [3]float64{m[0], m[1]}, err
	}
	if _, err := p.solve(40); err != nil {
		return l, fmt.Errorf("flight: %s could not be aimed with a full burn at the point %.0f km away: %w", a.s.Missile.Name, a.dist/1e3, errors.Join(ErrNoConvergence, err))
	}
	l.Steering.Kick, l.Steering.Azimuth = p.x[0], p.x[1]
	return l, nil
}

// kickFor finds the kick angle that zeroes target (decreasing in the kick)
// on boost-only flights, by the Illinois method on a bracket.
func (a *aimer) kickFor(l *Launch, target func(*flightResult) float64) (float64, error) {
	f := func(k float64) float64 {
		l.Steering.Kick = k
		a.flights++
		res, err := a.g.fly(l, true)
		if err != nil {
			// struck the ground: the kick is too large, the flight
			// too shallow
			return -math.Pi
		}
		return target(&res)
	}
	lo, hi := minKick, maxKick
	flo := f(lo)
	if flo <= 0 {
		return lo, nil
	}
	fhi := f(hi)
	if fhi >= 0 {
		// cannot get shallow enough
		return hi, nil
	}
	return illinoisDecreasing(f, lo, hi, flo, fhi, 60, func(m, fm, lo, hi float64) bool {
		// The bracket as the step would leave it.
		if fm > 0 {
			lo = m
		} else {
			hi = m
		}
		return fm == 0 || hi-lo < kickTol || math.Abs(fm) < 1e-10
	}), nil
}

// rangeAt returns the geodesic launch → impact distance of l.
func (a *aimer) rangeAt(l *Launch) (float64, error) {
	if _, err := a.run(l); err != nil {
		return 0, err
	}
	e := a.g.earth
	p, _ := e.rotation().ECEFFromECI(r3.Vec{X: a.res.impY[0], Y: a.res.impY[1], Z: a.res.impY[2]}, r3.Vec{}, a.res.impT)
	d, _, _ := inverse(e.Ellipsoid, l.Site, e.Ellipsoid.ToGeodetic(p))
	return d, nil
}

// maxRange returns the greatest full-burn range over the kick angle at l's
// azimuth, and the kick that achieves it.
func (a *aimer) maxRange(l *Launch) (float64, float64, error) {
	ll := *l
	ll.Steering.Cutoff, ll.Steering.Yaw = 0, 0
	r, k := a.bestKick(&ll, 0)
	if r == 0 {
		return 0, 0, fmt.Errorf("flight: maximum range: %w", ErrNoImpact)
	}
	return r, k, nil
}

// kickScan is the number of kick angles bestKick samples before refining.
const kickScan = 12

// bestKick returns the greatest range of l over the kick angle, and that
// kick, at l's range control. Near a previous best kick kGuess (0: none) it
// searches a window by Brent's method; otherwise, or when the window's edge
// wins, it samples kickScan kicks and refines around the best. A flight that
// strikes the ground counts as range 0.
func (a *aimer) bestKick(l *Launch, kGuess float64) (float64, float64) {
	rng := func(k float64) float64 {
		l.Steering.Kick = k
		d, err := a.rangeAt(l)
		if err != nil {
			return 0
		}
		return d
	}
	const window = 6 * math.Pi / 180
	if kGuess > 0 {
		lo, hi := math.Max(minKick, kGuess-window), math.Min(maxKick, kGuess+window)
		k, r := brentMin(func(k float64) float64 { return -rng(k) }, lo, hi, minEnergyKickTol)
		if -r > 0 && (k-lo > 2*minEnergyKickTol || lo == minKick) && (hi-k > 2*minEnergyKickTol || hi == maxKick) {
			return -r, k
		}
	}
	step := (maxKick - minKick) / (kickScan - 1)
	bi, br := 0, -1.0
	for i := range kickScan {
		if r := rng(minKick + float64(i)*step); r > br {
			bi, br = i, r
		}
	}
	lo := minKick + float64(max(bi-1, 0))*step
	hi := minKick + float64(min(bi+1, kickScan-1))*step
	k, r := brentMin(func(k float64) float64 { return -rng(k) }, lo, hi, minEnergyKickTol)
	if -r < br {
		return br, minKick + float64(bi)*step
	}
	return -r, k
}
