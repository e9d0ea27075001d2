package flight

import (
	"errors"
	"fmt"
	"math"
)

// Burnout-angle limits of the fixed-speed solve, rad.
const (
	minFixedSpeedAngle = 0.5 * math.Pi / 180
	maxFixedSpeedAngle = 89 * math.Pi / 180
)

// fixedSpeedScan is the number of burnout angles the fixed-speed solve
// samples to bracket its roots (2° apart).
const fixedSpeedScan = 45

// errNoFixedSpeedRoot reports a fixed-speed scan that found no burnout
// angle whose range crosses the aim distance.
var errNoFixedSpeedRoot = errors.New("flight: no burnout angle at this speed gives the aim distance")

// solveFixedSpeed aims a burnout-state flight whose speed is given: it
// solves the burnout angle and azimuth. At a speed above the
// minimum-energy speed two arcs reach the aim point, a low one and a high
// one (Bate, Mueller & White §6.2, the two flight-path angles of the
// range equation). The range over the burnout angle is sampled to bracket
// both; lofted takes the high one, min-energy and depressed the low one
// (the flatter, faster shot). Where the low arc would need a burnout angle
// below minFixedSpeedAngle (pointing at or below the horizon, as from a
// high burnout), it says so and names the lofted arc that does reach.
func (a *aimer) solveFixedSpeed(l Launch, gStar float64) (Launch, error) {
	s := a.s
	e := a.g.earth
	l.Speed = s.BurnoutSpeed
	_, az0, _, ok := keplerGuess(e, l.Site, s.Aim, s.LaunchTime, gStar)
	if !ok {
		_, az0, _ = inverse(e.Ellipsoid, l.Site, s.Aim)
	}
	// over returns the range beyond the aim distance at angle g, m.
	over := func(g, az float64) (float64, bool) {
		l.Angle, l.Azimuth = g, az
		d, err := a.rangeAt(&l)
		return d - a.dist, err == nil
	}
	type bracket struct {
		lo, hi float64
		rising bool // range rises with the angle: the low arc
	}
	var roots []bracket
	var lastErr error
	pg, pf, pok := 0.0, 0.0, false
	for i := range fixedSpeedScan + 1 {
		g := minFixedSpeedAngle + (maxFixedSpeedAngle-minFixedSpeedAngle)*float64(i)/fixedSpeedScan
		f, ok := over(g, az0)
		if !ok {
			_, lastErr = a.run(&l)
		}
		if ok && pok && (f > 0) != (pf > 0) {
			roots = append(roots, bracket{pg, g, f > 0})
		}
		pg, pf, pok = g, f, ok
	}
	if len(roots) == 0 {
		if lastErr == nil {
			lastErr = errNoFixedSpeedRoot
		}
		return l, a.burnoutRangeError(lastErr)
	}
	root := roots[0]
	if s.Profile == Lofted {
		root = roots[len(roots)-1]
		if root.rising {
			return l, fmt.Errorf("flight: at %.2f km/s only a low arc reaches the aim point (burnout angle about %.0f°); the lofted arc would need a burnout angle above %.0f°: %w",
				s.BurnoutSpeed/1e3, (root.lo+root.hi)/2*180/math.Pi, maxFixedSpeedAngle*180/math.Pi, ErrNoConvergence)
		}
	} else if !root.rising {
		return l, fmt.Errorf("flight: at %.2f km/s even the flattest shot (%.1f° above the horizontal) overshoots the aim point, so no %s arc reaches it; the only arc that does is lofted, at a burnout angle of about %.0f° (--profile lofted): %w",
			s.BurnoutSpeed/1e3, minFixedSpeedAngle*180/math.Pi, s.Profile, (root.lo+root.hi)/2*180/math.Pi, ErrNoConvergence)
	}

	// Newton on (angle, azimuth) inside the bracket.
	p := newtonProblem{n: 2, x: [3]float64{(root.lo + root.hi) / 2, az0},
		lo: [3]float64{root.lo, az0 - 1}, hi: [3]float64{root.hi, az0 + 1},
		dx: [3]float64{1e-6, 1e-6}, tol: [3]float64{MissTol / 4, MissTol / 4}}
	p.f = func(x [3]float64) ([3]float64, error) {
		l.Angle, l.Azimuth = x[0], x[1]
		m, err := a.run(&l)
		return [3]float64{m[0], m[1]}, err
	}
	if _, err := p.solve(40); err == nil {
		l.Angle, l.Azimuth = p.x[0], p.x[1]
		return l, nil
	}
	// Fallback: the Illinois method on the angle for the range, with
	// azimuth corrections from the cross-track miss.
	az := az0
	bestMiss := math.Inf(1)
	for range 8 {
		lo, hi := root.lo, root.hi
		flo, _ := over(lo, az)
		fhi, _ := over(hi, az)
		if (flo > 0) == (fhi > 0) {
			break
		}
		g := (lo + hi) / 2
		for range 80 {
			g = lo + flo*(hi-lo)/(flo-fhi)
			if !(g > lo && g < hi) {
				g = (lo + hi) / 2
			}
			f, ok := over(g, az)
			if !ok || math.Abs(f) < MissTol/8 || hi-lo < 1e-13 {
				break
			}
			if (f > 0) == (flo > 0) {
				lo, flo = g, f
				fhi /= 2
			} else {
				hi, fhi = g, f
				flo /= 2
			}
		}
		l.Angle, l.Azimuth = g, az
		mm, err := a.run(&l)
		if err != nil {
			break
		}
		miss := math.Hypot(mm[0], mm[1])
		bestMiss = math.Min(bestMiss, miss)
		if miss <= MissTol {
			return l, nil
		}
		_, azAim, _ := inverse(e.Ellipsoid, l.Site, s.Aim)
		az -= (mm[0]*math.Cos(azAim) - mm[1]*math.Sin(azAim)) / a.dist
	}
	return l, fmt.Errorf("flight: at %.2f km/s the closest shot found misses the aim point by %.2g km: %w", s.BurnoutSpeed/1e3, bestMiss/1e3, ErrNoConvergence)
}
