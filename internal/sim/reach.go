package sim

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/track"
)

// A command re-evaluates a track it could not engage every ReevaluateS,
// and each evaluation predicts the track again (RK4 to impact) and scans
// every launcher's battle space: on europe, nine in ten evaluations are of
// tracks that no launcher can ever reach (too far from the site, or the
// interceptor would have had to leave before now). A steady track whose
// windows all missed with a margin is therefore kept out of reach for as
// long as its estimate stays close enough to the prediction that missed:
// any path within the bound below of that prediction misses too, so its
// evaluation would again have added no candidate. The evaluation is then
// skipped (the next is due ReevaluateS later), and the full one runs when
// the estimate leaves the corridor.
//
// The bound: two ballistic paths that differ by δr, δv now differ later by
// at most u(τ), the solution of the comparison system u' = w,
// w' = gravityGradient·u + coriolis·w with u(0) = δr, w(0) = δv (Grönwall's
// inequality for the ECEF equations of motion, whose position Jacobian is
// bounded by gravityGradient and velocity Jacobian by 2ω):
//
//	u(τ) = δr (λ₊e^{λ₋τ} − λ₋e^{λ₊τ})/(λ₊ − λ₋) + δv (e^{λ₊τ} − e^{λ₋τ})/(λ₊ − λ₋),
//	λ± = (coriolis ± √(coriolis² + 4·gravityGradient))/2.
//
// This is not an exact change: the skipped evaluations would have updated
// the track's steadiness record and its re-evaluation time, so a track
// that later leaves the corridor is evaluated at other times than before
// (docs/performance.md, "Issue 13 (session 3): battle-manager planning").
const (
	// gravityGradient bounds the norm of the gravity gradient (and of the
	// centrifugal term) along a prediction, 1/s²: 2GM/r³ = 3.19e-6 at
	// r = 6,300 km (below a prediction's last sample), J2 adding under
	// 0.5 % and ω² = 5.3e-9.
	gravityGradient = 3.3e-6
	// coriolis is 2ω, the norm of the Coriolis term's velocity Jacobian, 1/s.
	coriolis = 2 * geo.WGS84Omega
	// corridorSafety multiplies the bound: the planner's paths are RK4
	// samples and Hermite interpolants of the flow, not the flow, and the
	// comparison system is linear (second-order terms, relative size
	// δr/r < 1e-2, dropped).
	corridorSafety = 1.5
	// corridorSlackM is added to the bound, m: the interpolation and
	// integration error of the paths (under a metre at 5 s) and the 10 ms
	// to which the impact time is bisected (30 m at 3 km/s), with room.
	corridorSlackM = 1e3
	// reachStep is the RK4 step with which a check carries the prediction
	// forward (usually ReevaluateS, in two steps), s: at 10 s RK4 is within a
	// millimetre of the flow over a midcourse, inside corridorSlackM.
	reachStep = 10.0
)

// beyondReach is a steady track's prediction that no launcher of the command
// could engage, and the margins by which the launchers missed.
type beyondReach struct {
	x    track.Vec6 // the prediction's state at t, carried forward by each check
	t    float64
	tImp float64 // predicted impact time
	// outM: the smallest distance outside the limits of the launchers that
	// never came within them, m; lateS: the smallest lateness of the others,
	// s (+Inf when no launcher is of that kind); floorM: the lowest minimum
	// intercept altitude of the launchers, m, which keeps a path that comes
	// down later than the prediction out of reach after its impact time.
	outM, lateS, floorM float64
	void                bool // some launcher gave no margin
}

// add takes one launcher's window: feasible (ok), or its shortfall.
func (r *beyondReach) add(sf intercept.Shortfall, minAlt float64, ok bool) {
	switch {
	case ok:
		r.void = true
	case sf.OutM > 0:
		r.outM = math.Min(r.outM, sf.OutM)
	case sf.LateS > 0:
		r.lateS = math.Min(r.lateS, sf.LateS)
	default:
		r.void = true
	}
	r.floorM = math.Min(r.floorM, minAlt)
}

// stands reports whether every launcher asked missed with a margin.
func (r *beyondReach) stands() bool { return !r.void }

// stillBeyondReach reports whether every path predicted from est stays out
// of reach of the launchers r was found for: the deviation bound from est to
// the end of r's prediction is inside each margin. It carries r's state
// forward to est.T.
func (b *battle) stillBeyondReach(r *beyondReach, est *track.Estimate) bool {
	tau := r.tImp - est.T
	if !(est.T >= r.t) || !(tau > 0) {
		return false
	}
	if est.T > r.t {
		r.x = b.reachModel.PropagateState(r.x, est.T-r.t)
		r.t = est.T
	}
	var dr, dv float64
	for i := range 3 {
		dr += (est.X[i] - r.x[i]) * (est.X[i] - r.x[i])
		dv += (est.X[i+3] - r.x[i+3]) * (est.X[i+3] - r.x[i+3])
	}
	d := corridorSafety*deviationBound(math.Sqrt(dr), math.Sqrt(dv), tau) + corridorSlackM
	if !(d < r.floorM) {
		return false
	}
	if !math.IsInf(r.outM, 1) && !(intercept.OutLipschitz*d < r.outM) {
		return false
	}
	if !math.IsInf(r.lateS, 1) && !(intercept.LateSlackS+intercept.LateSPerM*d < r.lateS) {
		return false
	}
	return true
}

// deviationBound is u(τ) of the comparison system for initial deviations dr
// (m) and dv (m/s).
func deviationBound(dr, dv, tau float64) float64 {
	s := math.Sqrt(coriolis*coriolis + 4*gravityGradient)
	lp, lm := (coriolis+s)/2, (coriolis-s)/2
	ep, em := math.Exp(lp*tau), math.Exp(lm*tau)
	return (dr*(lp*em-lm*ep) + dv*(ep-em)) / (lp - lm)
}
