package intercept

import (
	"math"

	"github.com/rampart-sim/rampart/internal/track"
	"gonum.org/v1/gonum/spatial/r3"
)

// PredictTrack samples the prediction of a track estimate by motion model
// m (e.g. &track.Ballistic{}) every dt seconds from est.T to t1, as a Path
// for PIP and Window.
func PredictTrack(est track.Estimate, m track.MotionModel, t1, dt float64) *Path {
	n := max(int(math.Ceil((t1-est.T)/dt))+1, 2)
	dt = (t1 - est.T) / float64(n-1)
	p := &Path{T0: est.T, Dt: dt, Pos: make([]r3.Vec, n), Vel: make([]r3.Vec, n)}
	x := est.X
	for i := range n {
		if i > 0 {
			x, _ = m.Propagate(x, dt)
		}
		p.Pos[i] = r3.Vec{X: x[0], Y: x[1], Z: x[2]}
		p.Vel[i] = r3.Vec{X: x[3], Y: x[4], Z: x[5]}
	}
	return p
}

// MissSigma returns σ, the per-axis standard deviation of the threat's
// predicted position at time t in the plane perpendicular to dir (the
// closing velocity), from the track estimate propagated by m:
//
//	P(t) = F P Fᵀ + Q,  σ² = ½ tr(Π P_rr Π),  Π = I − d̂d̂ᵀ,
//
// with P_rr the position block.
func MissSigma(est track.Estimate, m track.MotionModel, t float64, dir r3.Vec) float64 {
	dt := t - est.T
	p := est.P
	if dt != 0 {
		_, f := m.Propagate(est.X, dt)
		q := m.Noise(est.X, dt)
		var fp track.Mat6
		for i := range 3 { // rows 0–2 of F P: all the position block reads
			for j := range 6 {
				var s float64
				for k := range 6 {
					s += f[i][k] * est.P[k][j]
				}
				fp[i][j] = s
			}
		}
		for i := range 3 { // only the position block is needed
			for j := range 3 {
				s := q[i][j]
				for k := range 6 {
					s += fp[i][k] * f[j][k]
				}
				p[i][j] = s
			}
		}
	}
	d := r3.Unit(dir)
	u := [3]float64{d.X, d.Y, d.Z}
	if r3.Norm(dir) == 0 {
		u = [3]float64{}
	}
	// tr(Π P Π) = tr(P) − d̂ᵀ P d̂ for a projector Π.
	var tr, dpd float64
	for i := range 3 {
		tr += p[i][i]
		for j := range 3 {
			dpd += u[i] * p[i][j] * u[j]
		}
	}
	if u == [3]float64{} {
		return math.Sqrt(math.Max(0, tr) / 3)
	}
	return math.Sqrt(math.Max(0, tr-dpd) / 2)
}

// HomingReach returns the largest predicted miss the kill vehicle can
// remove in terminal homing, R = ½ Δv t_go: its divert Δv spent at constant
// acceleration over the homing time t_go = SeekerRange / closing speed,
// capped by the coast time after burnout (flyout − burn time). It is +Inf
// when the interceptor has no divert or seeker figure (no homing limit).
func (ic *Interceptor) HomingReach(closingSpeed, flyoutTime float64) float64 {
	if !(ic.Divert > 0 && ic.SeekerRange > 0) {
		return math.Inf(1)
	}
	if !(closingSpeed > 0) {
		return 0
	}
	tgo := ic.SeekerRange / closingSpeed
	if coast := flyoutTime - ic.burnTime(); coast < tgo {
		tgo = math.Max(0, coast)
	}
	return 0.5 * ic.Divert * tgo
}

// HomingPk returns the kill probability with a Gaussian predicted miss of
// per-axis standard deviation sigma in the plane perpendicular to the
// closing velocity and a homing reach R:
//
//	Pk = Pk_ssp · P(|miss| ≤ R) = Pk_ssp · (1 − exp(−R²/(2σ²))),
//
// the Rayleigh distribution of |miss|. It is Pk_ssp for σ = 0 or R = +Inf.
func HomingPk(pkSSP, sigma, reach float64) float64 {
	if math.IsInf(reach, 1) || sigma <= 0 {
		return pkSSP
	}
	return pkSSP * -math.Expm1(-reach*reach/(2*sigma*sigma))
}

// EffectivePk returns the single-shot kill probability of an intercept x
// guided by the track estimate est (predicted to x.T by m): HomingPk with σ
// from MissSigma perpendicular to the closing velocity and R from
// HomingReach.
func (ic *Interceptor) EffectivePk(x Intercept, est track.Estimate, m track.MotionModel) float64 {
	sigma := MissSigma(est, m, x.T, x.Closing)
	return HomingPk(ic.PkSSP(), sigma, ic.HomingReach(x.ClosingSpeed, x.FlyoutTime))
}
