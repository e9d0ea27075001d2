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
	prev := t0
	if h, _ := alt(t0); h <= 0 {
		return math.NaN(), geo.LLA{}, false // already on the ground: no prediction
	}
	for tt := t0 + step; ; tt += step {
		tt = math.Min(tt, t1)
		if h, _ := alt(tt); h <= 0 {
			lo, hi := prev, tt
			for hi-lo > 0.01 {
				mid := (lo + hi) / 2
				if hm, _ := alt(mid); hm > 0 {
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
