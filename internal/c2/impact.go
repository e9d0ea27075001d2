package c2

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// PathFunc gives a predicted ECEF position at time t.
type PathFunc func(t float64) (pos, vel r3.Vec)

// PredictImpact returns the first time in [t0, t1] at which the predicted
// path comes down through the ellipsoid, and the point there. It scans every
// step seconds and bisects the crossing to 10 ms. ok is false if the path
// stays above the ground.
func PredictImpact(path PathFunc, t0, t1, step float64) (t float64, p geo.LLA, ok bool) {
	return predictImpactFrom(path, t0, t1, step, math.Inf(-1))
}

// clearQ is the surface value q (about twice the height over the radius)
// above which a sample of a sampled path is surely above the ground at
// the scan time next to it: 1e-6 is about 3 m of height, against the
// nanometres by which the interpolant at a scan time (its few ulps of
// accumulated step away from the sample's time) differs from the sample,
// and 100 times surfaceGuard.
const clearQ = 1e-6

// PredictSampledImpact is PredictImpact(path, t0, t1, step), bit for bit,
// for a path that passes through samples[k] at t0 + k·step and
// interpolates between them (intercept.Path): the scan times at the
// leading samples well clear of the ground are known to be above it and
// not evaluated (TestPredictSampledImpactMatches).
func PredictSampledImpact(path PathFunc, samples []r3.Vec, t0, t1, step float64) (t float64, p geo.LLA, ok bool) {
	m := -1
	for m+1 < len(samples) && surface(samples[m+1]) > clearQ {
		m++
	}
	// Scan times before from are t0 + k·step, k ≤ m, to a few ulps.
	return predictImpactFrom(path, t0, t1, step, t0+(float64(m)+0.5)*step)
}

// predictImpactFrom is PredictImpact, taking the scan times before from
// as above the ground without evaluating them.
func predictImpactFrom(path PathFunc, t0, t1, step, from float64) (t float64, p geo.LLA, ok bool) {
	alt := func(t float64) (float64, geo.LLA) {
		pos, _ := path(t)
		g := geo.WGS84.ToGeodetic(pos)
		return g.Alt, g
	}
	// above reports whether the path is above the ground at t.
	above := func(t float64) bool {
		pos, _ := path(t)
		return Above(pos)
	}
	prev := t0
	if !(t0 < from) && !above(t0) {
		return math.NaN(), geo.LLA{}, false // already on the ground: no prediction
	}
	for tt := t0 + step; ; tt += step {
		tt = math.Min(tt, t1)
		if !(tt < from) && !above(tt) {
			lo, hi := prev, tt
			for hi-lo > 0.01 {
				mid := (lo + hi) / 2
				if above(mid) {
					lo = mid
				} else {
					hi = mid
				}
			}
			_, g := alt(hi)
			return hi, g, true
		}
		if tt >= t1 {
			return math.NaN(), geo.LLA{}, false
		}
		prev = tt
	}
}

// surfaceGuard is the |q| (q = (x²+y²)/a² + z²/b² − 1, about twice the
// height over the radius) below which Above and Below convert to geodetic:
// 1e-8 is about 3 cm of height, far above the rounding of q (~1e-15) and of
// geo's height (nanometres), so outside it the sign of q is the sign of
// the height.
const surfaceGuard = 1e-8

// Above reports whether p is above the WGS-84 ellipsoid, as
// geo.WGS84.ToGeodetic(p).Alt > 0 does: the ellipsoid is star-shaped about
// the centre, so p is outside it (height > 0) exactly when q > 0, and only
// points within surfaceGuard of the surface are converted
// (TestAboveBelowMatchGeodetic).
func Above(p r3.Vec) bool {
	if q := surface(p); q > surfaceGuard {
		return true
	} else if q < -surfaceGuard {
		return false
	}
	return geo.WGS84.ToGeodetic(p).Alt > 0
}

// Below reports whether p is below the WGS-84 ellipsoid, as
// geo.WGS84.ToGeodetic(p).Alt < 0 does (see Above).
func Below(p r3.Vec) bool {
	if q := surface(p); q > surfaceGuard {
		return false
	} else if q < -surfaceGuard {
		return true
	}
	return geo.WGS84.ToGeodetic(p).Alt < 0
}

// surface returns (x²+y²)/a² + z²/b² − 1 for the WGS-84 ellipsoid.
func surface(p r3.Vec) float64 {
	const (
		a = geo.WGS84A
		b = a * (1 - geo.WGS84F)
	)
	return (p.X*p.X+p.Y*p.Y)/(a*a) + p.Z*p.Z/(b*b) - 1
}
