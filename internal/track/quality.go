package track

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// GateThreshold returns the chi-square quantile γ with P(χ²_dim ≤ γ) = pg:
// a detection is inside the gate of a track when its innovation has
// yᵀ S⁻¹ y ≤ γ (Bar-Shalom et al. 2001; for dim 3 and pg = 0.999,
// γ = 16.27).
func GateThreshold(pg float64, dim int) float64 {
	return distuv.ChiSquared{K: float64(dim)}.Quantile(pg)
}

// chi2_3_95 is the 95% quantile of χ²₃, for the 95% error ellipsoid.
const chi2_3_95 = 7.814727903251178

// Quality summarises a track's accuracy from its covariance.
type Quality struct {
	PosSigma float64 // RSS position σ, √tr Pₚₚ, m
	VelSigma float64 // RSS velocity σ, √tr Pᵥᵥ, m/s
	Updates  int     // detections used
	// pos is the position block of the covariance (upper triangle: xx,
	// xy, xz, yy, yz, zz) that PosAxis95 reads. Its eigenvalue is formed
	// only when asked for: no tracker rule reads it, and at every track
	// every scan it was a tenth of the tracker's time.
	pos [6]float64
}

// PosAxis95 returns the largest semi-axis of the 95% position error
// ellipsoid, m: √(χ²₃,₀.₉₅ λmax(Pₚₚ)).
func (q Quality) PosAxis95() float64 {
	pp := Mat3{
		{q.pos[0], q.pos[1], q.pos[2]},
		{q.pos[1], q.pos[3], q.pos[4]},
		{q.pos[2], q.pos[4], q.pos[5]},
	}
	return math.Sqrt(math.Max(0, chi2_3_95*eigSym3Max(&pp)))
}

// QualityOf returns the quality of estimate e after updates detections.
func QualityOf(e *Estimate, updates int) Quality {
	p := &e.P
	return Quality{
		PosSigma: math.Sqrt(math.Max(0, p[0][0]+p[1][1]+p[2][2])),
		VelSigma: math.Sqrt(math.Max(0, p[3][3]+p[4][4]+p[5][5])),
		Updates:  updates,
		pos:      [6]float64{p[0][0], p[0][1], p[0][2], p[1][1], p[1][2], p[2][2]},
	}
}

// FireControl is the accuracy a track needs before the engagement layer may
// commit an interceptor on it (a fire-control or "engagement quality"
// track). The zero value of a field disables that test.
type FireControl struct {
	MaxPosSigma float64 // RSS position σ, m
	MaxVelSigma float64 // RSS velocity σ, m/s
	MinUpdates  int     // detections used
	RequireFirm bool    // only firm tracks qualify
}

// DefaultFireControl returns RSS position σ ≤ 300 m, RSS velocity σ ≤ 30 m/s,
// at least 5 updates, firm.
//
// Rationale: a hit-to-kill interceptor (SM-3 class) flies out on a radar
// track and its kill vehicle's seeker must then acquire the target inside
// the handover basket that its field of view and divert budget can
// remove, which is of the order of a few hundred metres. The 300 m figure
// is a modelling assumption of that order, not a published requirement;
// for the engagement sequence see the APS Study Group on Boost-Phase
// Intercept Systems, Rev. Mod. Phys. 76, S1 (2004), and the National
// Research Council, Making Sense of Ballistic Missile Defense (2012).
// A velocity error of 30 m/s adds about 300 m of position error over a 10 s
// extrapolation to seeker acquisition, which keeps the two limits in
// balance. Five updates are M-of-N confirmation plus a short settling
// period (Blackman & Popoli 1999). Scenarios should override these values
// per weapon system.
func DefaultFireControl() FireControl {
	return FireControl{MaxPosSigma: 300, MaxVelSigma: 30, MinUpdates: 5, RequireFirm: true}
}

// Met reports whether a track of status s and quality q is fire-control
// quality.
func (c FireControl) Met(s Status, q Quality) bool {
	if s == Deleted || (c.RequireFirm && s != Firm) {
		return false
	}
	if c.MaxPosSigma > 0 && !(q.PosSigma <= c.MaxPosSigma) {
		return false
	}
	if c.MaxVelSigma > 0 && !(q.VelSigma <= c.MaxVelSigma) {
		return false
	}
	return q.Updates >= c.MinUpdates
}

// PositionDistance2 returns the squared Mahalanobis distance between the
// estimate's position and the point p (ECEF, m), under the estimate's
// position covariance; ok is false when that covariance is singular. It is
// how a track is matched to the truth it follows (χ²₃ on the result).
func (e *Estimate) PositionDistance2(p Vec3) (d2 float64, ok bool) {
	g, ok := e.PositionMetric()
	if !ok {
		return 0, false
	}
	return g.Distance2(p), true
}

// PositionMetric is an estimate's position and inverse position
// covariance, for the distances of many points from it: Distance2 gives
// the same result as PositionDistance2, bit for bit, without inverting the
// covariance for each point.
type PositionMetric struct {
	x   Vec3    // position, ECEF, m
	inv Mat3    // inverse position covariance
	tr  float64 // trace of the position covariance, m²
	det float64 // its determinant, m⁶
}

// PositionMetric returns the estimate's position metric; ok is false when
// its position covariance is singular.
func (e *Estimate) PositionMetric() (PositionMetric, bool) {
	c := Mat3{
		{e.P[0][0], e.P[0][1], e.P[0][2]},
		{e.P[1][0], e.P[1][1], e.P[1][2]},
		{e.P[2][0], e.P[2][1], e.P[2][2]},
	}
	inv, det, ok := inv3(&c)
	if !ok {
		return PositionMetric{}, false
	}
	return PositionMetric{x: e.Position(), inv: inv, tr: c[0][0] + c[1][1] + c[2][2], det: det}, true
}

// Position returns the estimate's position, ECEF, m.
func (g *PositionMetric) Position() Vec3 { return g.x }

// Distance2 returns the squared Mahalanobis distance of p from the
// estimate's position, as PositionDistance2.
func (g *PositionMetric) Distance2(p Vec3) float64 {
	d := Vec3{g.x[0] - p[0], g.x[1] - p[1], g.x[2] - p[2]}
	var d2 float64
	for a := range 3 {
		for b := range 3 {
			d2 += d[a] * g.inv[a][b] * d[b]
		}
	}
	return d2
}

// maxBoundCondition is the largest bound tr³/det on the condition number of
// the position covariance for which Radius is given: the computed inverse
// then has relative error below about 10 ε cond² ≈ 1e-3 (ε the machine
// epsilon, cond² since the error is measured against 1/λmax), far inside
// radiusMargin.
const maxBoundCondition = 1e6

// radiusMargin scales Radius beyond the exact bound √(gate·tr P) so that
// rounding in the inverse and in the distance sum (relative error well
// under 1e-3 when the condition bound holds) cannot put a computed
// distance inside the gate for a point outside the radius.
const radiusMargin = 2.0

// Radius returns a distance, m, beyond which every point p has Distance2(p)
// > gate, and ok; ok is false when the covariance is too ill-conditioned
// for a safe bound (then no radius prunes anything). It holds because
// d² = δᵀ P⁻¹ δ ≥ |δ|²/λmax(P) ≥ |δ|²/tr P for the position error δ, so
// |δ|² > gate·tr P gives d² > gate; radiusMargin covers the rounding of the
// computed d².
func (g *PositionMetric) Radius(gate float64) (float64, bool) {
	if !(g.det > 0) || !(g.tr > 0) || g.tr*g.tr*g.tr > maxBoundCondition*g.det {
		return 0, false
	}
	return math.Sqrt(radiusMargin * gate * g.tr), true
}
