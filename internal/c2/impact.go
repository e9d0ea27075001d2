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
	alt := func(t float64) (float64, geo.LLA) {
		pos, _ := path(t)
		g := geo.WGS84.ToGeodetic(pos)
		return g.Alt, g
	}
	// above reports whether the path is above the ground at t, converting
	// to geodetic only near it.
	above := func(t float64) bool {
		pos, _ := path(t)
		if geo.WGS84.SurelyAbove(pos) {
			return true
		}
		return geo.WGS84.ToGeodetic(pos).Alt > 0
	}
	prev := t0
	if !above(t0) {
		return math.NaN(), geo.LLA{}, false // already on the ground: no prediction
	}
	for tt := t0 + step; ; tt += step {
		tt = math.Min(tt, t1)
		if !above(tt) {
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
