package radar

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// clearElSlackRad is kept between a bound on the apparent elevation and an
// elevation limit, rad: far more than the rounding of the formulas, so
// that Clear never rests on their last bits.
const clearElSlackRad = 1e-6

// Clear reports that every target within margin m of the ECEF position
// target is in sight of the radar: its apparent elevation lies within the
// elevation limits and it is above the horizon, the checks LineOfSight
// decides in Observe. The instrumented range and the azimuth sector are
// not part of it; LookInSight checks them. It is a bound, exact in one
// direction only: false does not mean out of sight.
//
// The bound. A target moved by at most margin changes its height h by at
// most margin and its ground distance s by at most 1.01·margin (see
// Hidden), hiddenSlackM being added to the margin; the effective radius
// re = k·Rα lies in [k·M, k·N], M and N the meridian and prime-vertical
// radii at the site, whatever the azimuth α. Then:
//
//   - the line of sight: LineOfSight finds the target visible when s is
//     at most re·(arccos(re/(re+ha)) + arccos(re/(re+ht))), which grows
//     with re and ht, so the largest s and the smallest re and height must
//     pass;
//   - the apparent elevation is atan g with g = (rt·cos ψ − ra)/(rt·sin ψ),
//     ψ = s/re, ra = re + ha, rt = re + h: the elevation in the plane of
//     the effective Earth. For a target no lower than the antenna
//     (rt ≥ ra) and 0 < ψ < π/2, g grows with h (∂g/∂rt = ra/(rt²·sin ψ))
//     and falls with s (∂g/∂ψ = ((ra/rt)·cos ψ − 1)/sin²ψ). In re it is
//     not monotone, but ∂g/∂re = (ψ/re)(1 − (ra/rt)cos ψ)/sin²ψ −
//     (h − ha)/(rt²·sin ψ), whose terms have opposite signs, is bounded
//     over the box by the larger of the two terms' bounds, D; so g over
//     the box lies within D·k·(N − M) of its value at re = k·M, where the
//     monotone corners bound it.
//
// A target lower than the antenna, or within the margin of the site's
// vertical (ψ near 0, where Observe takes the geometric elevation), is
// never called clear.
func (r *Radar) Clear(target r3.Vec, margin float64) bool {
	if !r.ready || !(margin >= 0) {
		return false
	}
	t := geo.WGS84.ToGeodetic(target)
	s, _, _ := geo.WGS84.Inverse(r.Site.Lat, r.Site.Lon, t.Lat, t.Lon)
	b, ok := r.sightBox(t, s, margin+hiddenSlackM)
	if !ok {
		return false
	}
	// Line of sight at the largest s, smallest re and smallest height.
	if haSight := math.Max(0, r.Site.Alt); b.sHi > b.reLo*(math.Acos(b.reLo/(b.reLo+haSight))+math.Acos(b.reLo/(b.reLo+b.hLo))) {
		return false
	}
	return b.elLo > r.MinEl+clearElSlackRad && b.elHi < r.MaxEl-clearElSlackRad
}

// sightBox bounds what LineOfSight finds of every target within margin
// (hiddenSlackM included) of the position t, at ground distance s from the
// site: the largest ground
// distance sHi, the smallest height hLo, the smallest effective radius
// reLo, and the apparent elevation within [elLo, elHi] (derived in
// Clear's comment). ok is false where the bound does not hold: a target
// that may be lower than the antenna, or within the margin of the site's
// vertical or of a quarter of the effective Earth.
func (r *Radar) sightBox(t geo.LLA, s, margin float64) (b sightBounds, ok bool) {
	sLo, sHi := s-1.01*margin, s+1.01*margin
	hLo, hHi := t.Alt-margin, t.Alt+margin
	ha := r.Site.Alt
	if !(sLo > 0) || !(hLo >= math.Max(0, ha)) {
		return b, false
	}
	reLo := r.RefractionK * geo.WGS84.MeridianRadius(r.Site.Lat)
	reHi := r.RefractionK * geo.WGS84.PrimeVerticalRadius(r.Site.Lat)
	psiLo, psiHi := sLo/reHi, sHi/reLo
	if !(psiHi < math.Pi/2) {
		return b, false
	}
	// Elevation: g at re = k·M at the corners, then the spread in re.
	g := func(s, h float64) float64 {
		psi := s / reLo
		ra, rt := reLo+ha, reLo+h
		return (rt*math.Cos(psi) - ra) / (rt * math.Sin(psi))
	}
	sinMin := math.Min(math.Sin(psiLo), math.Sin(psiHi))
	cLo := 1 - (hHi-ha)/(reLo+hHi) // smallest ra/rt
	d := math.Max(
		(psiHi/reLo)*(1-cLo*math.Cos(psiHi))/(sinMin*sinMin),
		(hHi-ha)/((reLo+hLo)*(reLo+hLo)*sinMin))
	spread := d * (reHi - reLo)
	return sightBounds{sHi: sHi, hLo: hLo, reLo: reLo,
		elLo: math.Atan(g(sHi, hLo) - spread), elHi: math.Atan(g(sLo, hHi) + spread)}, true
}

// sightBounds is what sightBox finds.
type sightBounds struct {
	sHi, hLo, reLo float64 // m
	elLo, elHi     float64 // rad
}
