package radar

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Low-altitude clutter. A target is in surface clutter when the surface at
// the target's range is in view and lies within half a beamwidth below the
// target, so that the main beam pointed at the target also illuminates the
// surface in the target's range cell. On the smooth effective Earth that
// is, with the target at slant range R and height ht:
//
//   - R ≤ √(2·k·a·ha + ha²), the antenna's horizon against the surface
//     (HorizonRange(ha, 0, k·a)): beyond it the surface at range R is in
//     the shadow of the Earth's bulge, and a low flier is seen against the
//     sky; and
//   - ht < R·θ/2: the angle the target's height subtends at its range
//     (the surface point below it is ht/R lower in elevation, to first
//     order) is less than half the beamwidth θ.
//
// Such a target's single-pulse SNR is divided by ClutterLoss: the loss of
// signal-to-clutter-plus-noise left after the radar's Doppler processing,
// a catalog figure (clutter_loss_db) with its assumption. For a ground
// radar the first condition holds only within a few km to a few tens of km
// (a 4 m antenna's surface horizon is 8.2 km); for an airborne radar at
// 9 km it holds to about 390 km, the look-down geometry. Terrain,
// sea state, clutter spectra and the target's Doppler are not modelled.

// clutterGeometry reports whether a target at ECEF position target and
// slant range rn (m) is in surface clutter (see above).
func (r *Radar) clutterGeometry(target r3.Vec, rn float64) bool {
	return rn <= r.clutterRange && r.lowInBeam(geo.WGS84.ToGeodetic(target).Alt, rn)
}

// lowInBeam is the second condition of the clutter model for a target at
// height alt above the ellipsoid and slant range rn, m.
func (r *Radar) lowInBeam(alt, rn float64) bool {
	return math.Max(0, alt) < rn*r.Beamwidth/2
}

// clutterRCS returns rcs, divided by ClutterLoss when the target is in
// surface clutter: the SNR of the look is linear in the cross section. A
// radar without a clutter loss returns rcs untouched.
func (r *Radar) clutterRCS(target r3.Vec, rn, rcs float64) float64 {
	if r.ClutterLoss > 1 && r.clutterGeometry(target, rn) {
		return rcs / r.ClutterLoss
	}
	return rcs
}

// clutterRCSAt is clutterRCS for a target whose geodetic height alt the
// caller has formed already (for the line of sight).
func (r *Radar) clutterRCSAt(alt, rn, rcs float64) float64 {
	if r.ClutterLoss > 1 && rn <= r.clutterRange && r.lowInBeam(alt, rn) {
		return rcs / r.ClutterLoss
	}
	return rcs
}

// InClutter reports whether a target at ECEF position target is in surface
// clutter for this radar (see the package's clutter model): what Observe
// and Look divide the SNR by ClutterLoss for. Valid after Init.
func (r *Radar) InClutter(target r3.Vec) bool {
	if !r.ready {
		return false
	}
	_, _, rn := r.enu.AzElRange(target)
	return r.clutterGeometry(target, rn)
}

// SurfaceHorizon returns the range (m) within which the surface is in view
// of the antenna, the first condition of the clutter model: the 4/3-Earth
// horizon of the antenna height against a target on the surface. Valid
// after Init.
func (r *Radar) SurfaceHorizon() float64 { return r.clutterRange }
