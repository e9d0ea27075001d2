package radar

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// hiddenSlackM is added to every margin of Hidden, m: far more than the
// rounding of the geodetic conversion and the geodesic, so that the bound
// never rests on the last bits of either.
const hiddenSlackM = 1e3

// Hidden reports that no target within margin m of the ECEF position
// target can be visible to the radar: Observe returns something other than
// Visible for every such point. It is a bound, exact in one direction
// only: false does not mean visible. It checks the instrumented range and
// the line of sight over the k-Earth.
//
// The line-of-sight bound: LineOfSight finds a target visible when its
// ground distance s is at most re·(arccos(re/(re+ha)) + arccos(re/(re+ht)))
// with re = k·Rα, and that limit grows with re (its derivative in re is
// θ − cos θ·tan(θ/2) ≥ 0 for each term, θ the term's angle), so re = k·N,
// N ≥ Rα ≥ M the prime-vertical radius at the site, gives the largest
// ground distance at which anything can be seen. A target moved by at
// most margin changes its height by at most margin, and its nearest point
// on the ellipsoid (the geodetic subpoint; the nearest-point map onto a
// convex body does not stretch distances) by at most margin too, so its
// ground distance by at most margin (1 % added for the arc against the
// chord).
func (r *Radar) Hidden(target r3.Vec, margin float64) bool {
	if !r.ready {
		return true
	}
	margin += hiddenSlackM
	_, _, rng := r.enu.AzElRange(target)
	if rng-margin > r.MaxRange || rng+margin < r.MinRange {
		return true
	}
	t := geo.WGS84.ToGeodetic(target)
	s, _, _ := geo.WGS84.Inverse(r.Site.Lat, r.Site.Lon, t.Lat, t.Lon)
	re := r.RefractionK * geo.WGS84.PrimeVerticalRadius(r.Site.Lat)
	ha, ht := math.Max(0, r.Site.Alt), math.Max(0, t.Alt)+margin
	limit := re * (math.Acos(re/(re+ha)) + math.Acos(re/(re+ht)))
	return s-1.01*margin > limit
}
