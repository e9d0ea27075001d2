package radar

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// hiddenSlackM is added to every margin of Hidden (and Clear), m: far
// more than the rounding of the geodetic conversion and the geodesic
// (both below a micrometre), so that the bound never rests on the last
// bits of either. It was 1 km, which also left every flier lower than
// 1 km above the antenna undecided by Clear (its lowest height fell below
// the antenna), so each look at a cruise missile paid the full line of
// sight; 10 m keeps the slack 10⁷ times the rounding and lets Clear
// decide them (TestClearIsABound, TestHiddenIsABound check the bound).
const hiddenSlackM = 10

// hiddenAzSlackRad is added to the sector's half-width in Hidden, rad: far
// more than the rounding of the azimuth.
const hiddenAzSlackRad = 1e-6

// Hidden reports that no target within margin m of the ECEF position
// target can be visible to the radar: Observe returns something other than
// Visible for every such point. It is a bound, exact in one direction
// only: false does not mean visible. It checks the instrumented range, the
// azimuth sector and the line of sight over the k-Earth.
//
// The sector bound: a target moved by at most margin moves its horizontal
// projection in the site's frame by at most margin, so at a horizontal
// distance ρ > margin its azimuth turns by at most arcsin(margin/ρ).
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
//
// The elevation bound: every target of the box of ground distances and
// heights that Clear bounds has its apparent elevation within Clear's
// [elLo, elHi] (see Clear), and Observe finds a target whose apparent
// elevation lies outside the limits not visible (BelowMinEl, AboveMaxEl).
// So Hidden holds when the whole interval lies below MinEl or above MaxEl
// (by clearElSlackRad): a target above the horizon but under the lowest
// beam, or overhead beyond the highest.
func (r *Radar) Hidden(target r3.Vec, margin float64) bool {
	if !r.ready {
		return true
	}
	margin += hiddenSlackM
	az, el, rng := r.enu.AzElRange(target)
	if rng-margin > r.MaxRange || rng+margin < r.MinRange {
		return true
	}
	if rho := rng * math.Cos(el); r.HalfWidthAz < math.Pi && rho > margin {
		off := math.Abs(math.Remainder(az-r.BoresightAz, 2*math.Pi))
		if off-math.Asin(margin/rho) > r.HalfWidthAz+hiddenAzSlackRad {
			return true
		}
	}
	t := geo.WGS84.ToGeodetic(target)
	s, _, _ := geo.WGS84.Inverse(r.Site.Lat, r.Site.Lon, t.Lat, t.Lon)
	re := r.RefractionK * geo.WGS84.PrimeVerticalRadius(r.Site.Lat)
	ha, ht := math.Max(0, r.Site.Alt), math.Max(0, t.Alt)+margin
	limit := re * (math.Acos(re/(re+ha)) + math.Acos(re/(re+ht)))
	if s-1.01*margin > limit {
		return true
	}
	b, ok := r.sightBox(t, s, margin)
	return ok && (b.elHi < r.MinEl-clearElSlackRad || b.elLo > r.MaxEl+clearElSlackRad)
}
