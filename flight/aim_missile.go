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
	maxKick = 60 * math.Pi / 180
)

// minCoastCutoff is the earliest thrust termination after the pitch-over, s.
const minCoastCutoff = 5.0

// inertialAngle returns the geocentric flight-path angle of an ECI state.
func inertialAngle(y vec7) float64 {
	r := r3.Vec{X: y[0], Y: y[1], Z: y[2]}
	v := r3.Vec{X: y[3], Y: y[4], Z: y[5]}
	return math.Asin(r3.Dot(r, v) / (r3.Norm(r) * r3.Norm(v)))
}

// minEnergyAngleFrom returns the Kepler minimum-energy flight-path angle from
// the ECI position of y at burnout to the aim point's inertial position at
// time t.
func minEnergyAngleFrom(e Earth, y vec7, aim geo.LLA, t float64) float64 {
	p1 := r3.Vec{X: y[0], Y: y[1], Z: y[2]}
	p2, _ := e.rotation().ECIFromECEF(e.Ellipsoid.ToECEF(aim), r3.Vec{}, t)
	psi := math.Acos(math.Max(-1, math.Min(1, r3.Cos(p1, p2))))
	return MinEnergyArc(e.GM, r3.Norm(p1), r3.Norm(p2), psi).Angle
}

// solveMissile aims a staged missile: it solves the launch azimuth, the kick
// angle (which sets the burnout angle) and the thrust-termination time
// (which sets the range).
func (a *aimer) solveMissile() (Launch, error) {
	s := a.s
	e := a.g.earth
	m := s.Missile
	rise, pitch := m.BoostTiming()
	l := Launch{Site: s.Launch, Time: s.LaunchTime, Missile: m, ImpactAlt: s.Aim.Alt,
		Steering: Steering{VerticalRise: rise, PitchOver: pitch}}
	total := m.BurnTime()
	minCut := rise + pitch + min(minCoastCutoff, 0.2*total)
	if minCut >= total {
		minCut = total
	}
	psi, r1, r2 := psiTo(e, s.Launch, s.Aim)
	_, az0, _, ok := keplerGuess(e, s.Launch, s.Aim, s.LaunchTime, MinEnergyArc(e.GM, r1, r2, psi).Angle)
	if !ok {
		_, az0, _ = inverse(e.Ellipsoid, s.Launch, s.Aim)
	}
	l.Steering.Azimuth = az0

	offset := 0.0
	if s.BurnoutAngle == 0 && s.Apogee == 0 {
		switch s.Profile {
		case Lofted:
			offset = DefaultLoft
		case Depressed:
			offset = -DefaultLoft
		}
	}
	// angleRes is the first residual, computed from the last flight.
	var angleRes func(res *flightResult) float64
	var angleScale float64
	switch {
	case s.BurnoutAngle > 0:
		angleScale = angleTol
		angleRes = func(res *flightResult) float64 {
			_, _, _, _, g, _ := earthRelative(e, res.boT, res.boY)
			return g - s.BurnoutAngle
		}
	case s.Apogee > 0 && s.Profile != MinEnergy:
		angleScale = apogeeTol
		angleRes = func(res *flightResult) float64 { return res.apoAlt - s.Apogee }
	default:
		angleScale = angleTol
		angleRes = func(res *flightResult) float64 {
			g := minEnergyAngleFrom(e, res.boY, s.Aim, res.impT) + offset
			g = math.Max(g, 1*math.Pi/180)
			return inertialAngle(res.boY) - g
		}
	}

	// 1. Kick angle for the wanted burnout angle at full burn, from
	//    boost-only flights and a Kepler estimate of the target angle.
	boostTarget := func(res *flightResult) float64 {
		switch {
		case s.BurnoutAngle > 0:
			_, _, _, _, g, _ := earthRelative(e, res.boT, res.boY)
			return g - s.BurnoutAngle
		case s.Apogee > 0 && s.Profile != MinEnergy:
			bo := e.Ellipsoid.ToGeodetic(r3.Vec{X: res.boY[0], Y: res.boY[1], Z: res.boY[2]})
			ps, rr1, rr2 := psiTo(e, bo, s.Aim)
			gs := MinEnergyArc(e.GM, rr1, rr2, ps).Angle
			g, err := keplerAngleForApogee(e, bo, s.Aim, s.Apogee, gs, s.Profile)
			if err != nil {
				g = gs + offset
			}
			return inertialAngle(res.boY) - g
		default:
			g := minEnergyAngleFrom(e, res.boY, s.Aim, res.boT) + offset
			return inertialAngle(res.boY) - math.Max(g, 1*math.Pi/180)
		}
	}
	l.Steering.Cutoff = 0
	kick, err := a.kickFor(&l, boostTarget)
	if err != nil {
		return l, err
	}
	l.Steering.Kick = kick

	// 2. Range check at full burn.
	full, err := a.rangeAt(&l)
	if err != nil || full < a.dist {
		maxR, kMax, err := a.maxRange(&l)
		if err != nil {
			return l, err
		}
		if maxR < a.dist {
			return l, &RangeError{Range: a.dist, MaxRange: maxR}
		}
		// Reachable only at full burn, off the wanted angle: solve the kick.
		k0 := kMax + 0.5*math.Pi/180
		lo, hi := kMax, maxKick
		if s.Profile == Lofted {
			k0, lo, hi = kMax-0.5*math.Pi/180, minKick, kMax
		}
		l, err = a.fullBurn(l, k0, lo, hi, az0)
		if err == nil && (s.BurnoutAngle > 0 || s.Apogee > 0) {
			// A full burn leaves no freedom for the requested angle or apogee.
			if r := angleRes(&a.res); math.Abs(r) > 10*angleScale {
				return l, fmt.Errorf("flight: the aim point needs a full burn, which cannot also give the requested burnout angle or apogee (off by %.3g): %w", r, ErrNoConvergence)
			}
		}
		return l, err
	}

	// 3. Thrust termination for the range (bracketed secant).
	lo, hi := minCut, total
	l.Steering.Cutoff = lo
	rlo, err := a.rangeAt(&l)
	if err == nil && rlo > a.dist {
		// Inside the shortest thrust-termination range: fly a full burn,
		// lofted (steeper than the maximum-range kick), as short-range
		// ballistic missiles do.
		minErr := &RangeError{Range: a.dist, MinRange: rlo}
		if s.Profile == Depressed {
			return l, minErr
		}
		_, kMax, err := a.maxRange(&l)
		if err != nil {
			return l, minErr
		}
		l.Steering.Cutoff = 0
		k0, ok := a.kickForRange(&l, minKick, kMax)
		if !ok {
			return l, minErr
		}
		return a.fullBurn(l, k0, minKick, kMax, az0)
	}
	if err != nil {
		rlo = 0
	}
	rhi := full
	for range 40 {
		c := lo + (a.dist-rlo)*(hi-lo)/(rhi-rlo)
		if !(c > lo && c < hi) || hi-lo > 0.3*total {
			c = (lo + hi) / 2
		}
		l.Steering.Cutoff = c
		rc, err := a.rangeAt(&l)
		if err != nil {
			lo, rlo = c, 0
			continue
		}
		if math.Abs(rc-a.dist) < 1e3 {
			break
		}
		if rc < a.dist {
			lo, rlo = c, rc
		} else {
			hi, rhi = c, rc
		}
	}

	// 4. Newton on (kick, cutoff, azimuth).
	p := newtonProblem{n: 3,
		x:   [3]float64{l.Steering.Kick, l.Steering.Cutoff, l.Steering.Azimuth},
		lo:  [3]float64{minKick, minCut, az0 - 1},
		hi:  [3]float64{maxKick, total, az0 + 1},
		dx:  [3]float64{1e-5, 1e-3, 1e-6},
		tol: [3]float64{angleScale, MissTol / 4, MissTol / 4}}
	p.f = func(x [3]float64) ([3]float64, error) {
		l.Steering.Kick, l.Steering.Cutoff, l.Steering.Azimuth = x[0], x[1], x[2]
		m, err := a.run(&l)
		if err != nil {
			return [3]float64{}, err
		}
		return [3]float64{angleRes(&a.res), m[0], m[1]}, nil
	}
	if _, err := p.solve(40); err != nil {
		if p.x[1] >= total-1e-6 {
			maxR, _, _ := a.maxRange(&l)
			return l, &RangeError{Range: a.dist, MaxRange: maxR}
		}
		return l, fmt.Errorf("flight: missile aim solve: %w", errors.Join(ErrNoConvergence, err))
	}
	l.Steering.Kick, l.Steering.Cutoff, l.Steering.Azimuth = p.x[0], p.x[1], p.x[2]
	return l, nil
}

// fullBurn solves the kick angle (within lo..hi, from k0) and the azimuth
// that put a full-burn flight on the aim point.
func (a *aimer) fullBurn(l Launch, k0, lo, hi, az0 float64) (Launch, error) {
	l.Steering.Cutoff = 0
	p := newtonProblem{n: 2, x: [3]float64{k0, az0}, lo: [3]float64{lo, az0 - 1}, hi: [3]float64{hi, az0 + 1},
		dx: [3]float64{1e-5, 1e-6}, tol: [3]float64{MissTol / 4, MissTol / 4}}
	p.f = func(x [3]float64) ([3]float64, error) {
		l.Steering.Kick, l.Steering.Azimuth = x[0], x[1]
		m, err := a.run(&l)
		return [3]float64{m[0], m[1]}, err
	}
	if _, err := p.solve(40); err != nil {
		return l, fmt.Errorf("flight: full-burn aim solve: %w", errors.Join(ErrNoConvergence, err))
	}
	l.Steering.Kick, l.Steering.Azimuth = p.x[0], p.x[1]
	return l, nil
}

// kickForRange bisects the full-burn kick angle in lo..hi (range increasing
// with the kick) for the aim distance. It reports false when the distance is
// not bracketed.
func (a *aimer) kickForRange(l *Launch, lo, hi float64) (float64, bool) {
	at := func(k float64) (float64, bool) {
		l.Steering.Kick = k
		d, err := a.rangeAt(l)
		return d - a.dist, err == nil
	}
	flo, ok1 := at(lo)
	fhi, ok2 := at(hi)
	if !ok1 || !ok2 || flo > 0 || fhi < 0 {
		return 0, false
	}
	for range 50 {
		m := (lo + hi) / 2
		fm, ok := at(m)
		if !ok {
			return 0, false
		}
		if fm < 0 {
			lo = m
		} else {
			hi = m
		}
		if math.Abs(fm) < 100 {
			return m, true
		}
	}
	return (lo + hi) / 2, true
}

// kickFor finds the kick angle that zeroes target (decreasing in the kick)
// on boost-only flights, by bisection.
func (a *aimer) kickFor(l *Launch, target func(*flightResult) float64) (float64, error) {
	f := func(k float64) (float64, error) {
		l.Steering.Kick = k
		a.flights++
		res, err := a.g.fly(l, true)
		if err != nil {
			return 1, nil // struck the ground: kick too large
		}
		return target(&res), nil
	}
	lo, hi := minKick, maxKick
	flo, err := f(lo)
	if err != nil {
		return 0, err
	}
	if flo <= 0 {
		return lo, nil
	}
	fhi, _ := f(hi)
	if fhi >= 0 {
		// cannot get shallow enough; find the largest kick that flies
		for range 30 {
			m := (lo + hi) / 2
			if fm, _ := f(m); fm < 1 {
				lo = m
			} else {
				hi = m
			}
		}
		return lo, nil
	}
	for range 40 {
		m := (lo + hi) / 2
		fm, _ := f(m)
		if fm > 0 {
			lo = m
		} else {
			hi = m
		}
		if hi-lo < 1e-7 {
			break
		}
	}
	return (lo + hi) / 2, nil
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
	ll.Steering.Cutoff = 0
	k, r := brentMin(func(k float64) float64 {
		ll.Steering.Kick = k
		d, err := a.rangeAt(&ll)
		if err != nil {
			return 0
		}
		return -d
	}, minKick, maxKick, 1e-4)
	if r == 0 {
		return 0, 0, fmt.Errorf("flight: maximum range: %w", ErrNoImpact)
	}
	return -r, k, nil
}
