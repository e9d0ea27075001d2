package intercept

import (
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/track"
	"gonum.org/v1/gonum/spatial/r3"
)

// AirEnvelope is an interceptor's envelope against air-breathing targets
// (cruise missiles and aircraft), from the catalog:
//
//   - MaxRange: max_range_air_km, the ground range from the launcher to
//     the intercept point;
//   - MinAlt: min_intercept_alt_air_km where the entry gives it, else
//     min_intercept_alt_km; MaxAlt: max_intercept_alt_km;
//   - Pk: pk_air where the entry gives it, else pk (the single-shot kill
//     probability band, drawn per shot);
//   - the flyout: a straight line from the launcher at BurnoutSpeed after a
//     constant acceleration over BurnTime (AirFlyoutDistance), bounded by
//     MaxFlyout.
//
// An entry without max_range_air_km (the exo-atmospheric SM-3 and GBI) has
// no air envelope.
type AirEnvelope struct {
	MaxRange     float64       // m
	MinAlt       float64       // m above the ellipsoid
	MaxAlt       float64       // m above the ellipsoid
	BurnoutSpeed float64       // m/s
	BurnTime     float64       // s
	MaxFlyout    float64       // s
	Pk           catalog.Value // single-shot kill probability band
	Pick         catalog.Pick
}

// PkSSP returns the single-shot kill probability at the envelope's pick.
func (a *AirEnvelope) PkSSP() float64 { return a.Pk.At(a.Pick) }

// airEnvelope reads e's air envelope at pick, or nil if e has none.
func airEnvelope(e catalog.Entry, ic *Interceptor) *AirEnvelope {
	r, ok := e.Param("max_range_air_km")
	if !ok {
		return nil
	}
	a := &AirEnvelope{
		MaxRange: r.At(ic.Pick) * 1e3, MinAlt: ic.MinAlt, MaxAlt: ic.MaxAlt,
		BurnoutSpeed: ic.BurnoutSpeed, BurnTime: ic.burnTime(), MaxFlyout: ic.MaxFlyout,
		Pk: ic.Pk, Pick: ic.Pick,
	}
	if v, ok := e.Param("min_intercept_alt_air_km"); ok {
		a.MinAlt = v.At(ic.Pick) * 1e3
	}
	if v, ok := e.Param("pk_air"); ok {
		a.Pk = v
	}
	return a
}

// AirFlyoutDistance is the distance the interceptor has flown τ seconds
// after launch: constant acceleration to BurnoutSpeed v over the burn t_b,
// then constant speed,
//
//	s(τ) = v τ²/(2 t_b)        for τ ≤ t_b,
//	s(τ) = v (τ − t_b/2)       after.
//
// Drag in the coast and gravity are left out: the coast at burnout speed is
// an upper bound on the interceptor's speed, so the flyout times are lower
// bounds (the catalog range and flyout-time limits bound the reach).
func (a *AirEnvelope) AirFlyoutDistance(tau float64) float64 {
	v, tb := a.BurnoutSpeed, a.BurnTime
	switch {
	case tau <= 0:
		return 0
	case tau <= tb:
		return v * tau * tau / (2 * tb)
	}
	return v * (tau - tb/2)
}

// airBisections caps the bisection of an intercept inside the burn: 60
// halvings of a burn of at most a minute reach below a nanosecond.
const airBisections = 60

// AirFlyout solves for the flyout time τ at which an interceptor launched
// from L meets a target at D (relative to L, at launch) moving with
// constant velocity V: |D + V τ| = s(τ). In the coast (τ ≥ t_b) this is the
// quadratic
//
//	(|V|² − v²) τ² + 2 (D·V + v² t_b/2) τ + |D|² − v² t_b²/4 = 0,
//
// whose least root τ ≥ t_b is taken; an intercept within the burn is found
// by bisection of s(τ) − |D + Vτ| on [0, t_b]. It returns false when no
// intercept exists (a target receding faster than the interceptor).
func (a *AirEnvelope) AirFlyout(D, V r3.Vec) (float64, bool) {
	v, tb := a.BurnoutSpeed, a.BurnTime
	gap := func(t float64) float64 { return a.AirFlyoutDistance(t) - r3.Norm(r3.Add(D, r3.Scale(t, V))) }
	if gap(tb) >= 0 {
		lo, hi := 0.0, tb
		for range airBisections {
			mid := (lo + hi) / 2
			if gap(mid) >= 0 {
				hi = mid
			} else {
				lo = mid
			}
		}
		return hi, true
	}
	c := tb / 2
	qa := r3.Dot(V, V) - v*v
	qb := 2 * (r3.Dot(D, V) + v*v*c)
	qc := r3.Dot(D, D) - v*v*c*c
	var roots []float64
	if qa == 0 {
		if qb != 0 {
			roots = append(roots, -qc/qb)
		}
	} else {
		disc := qb*qb - 4*qa*qc
		if disc < 0 {
			return 0, false
		}
		sq := math.Sqrt(disc)
		// The numerically stable pair of roots.
		q := -0.5 * (qb + math.Copysign(sq, qb))
		if q != 0 {
			roots = append(roots, q/qa, qc/q)
		} else {
			roots = append(roots, 0)
		}
	}
	best := math.Inf(1)
	for _, t := range roots {
		if t >= tb && t < best {
			best = t
		}
	}
	return best, !math.IsInf(best, 1)
}

// AirShortfall says why an air intercept is not feasible.
type AirShortfall int

// Air shortfalls.
const (
	AirFeasible   AirShortfall = iota
	AirNoSolution              // the interceptor cannot catch the target
	AirTooLong                 // flyout beyond MaxFlyout
	AirTooFar                  // intercept point beyond MaxRange
	AirTooLow                  // below MinAlt
	AirTooHigh                 // above MaxAlt
)

// AirPIP returns the intercept of a target at pos (ECEF, at time t0) moving
// with constant ECEF velocity vel by an interceptor launched from site at
// launch, and why it is not feasible if it is not. The point is on the
// straight line pos + vel (t − t0).
func (a *AirEnvelope) AirPIP(site geo.LLA, pos, vel r3.Vec, t0, launch float64) (Intercept, AirShortfall) {
	L := geo.WGS84.ToECEF(site)
	D := r3.Sub(r3.Add(pos, r3.Scale(launch-t0, vel)), L)
	tau, ok := a.AirFlyout(D, vel)
	if !ok {
		return Intercept{}, AirNoSolution
	}
	x := a.airIntercept(site, L, D, vel, launch, tau)
	switch {
	case tau > a.MaxFlyout:
		return x, AirTooLong
	case x.GroundRange > a.MaxRange:
		return x, AirTooFar
	case x.Alt < a.MinAlt:
		return x, AirTooLow
	case x.Alt > a.MaxAlt:
		return x, AirTooHigh
	}
	return x, AirFeasible
}

// airIntercept fills the Intercept of flyout τ launched at launch.
func (a *AirEnvelope) airIntercept(site geo.LLA, L, D, vel r3.Vec, launch, tau float64) Intercept {
	rel := r3.Add(D, r3.Scale(tau, vel)) // intercept point from the launcher
	p := r3.Add(L, rel)
	lla := geo.WGS84.ToGeodetic(p)
	speed := a.BurnoutSpeed
	if tau < a.BurnTime {
		speed *= tau / a.BurnTime
	}
	var iv r3.Vec
	if n := r3.Norm(rel); n > 0 {
		iv = r3.Scale(speed/n, rel)
	}
	closing := r3.Sub(iv, vel)
	gr, _, _ := geo.WGS84.Inverse(site.Lat, site.Lon, lla.Lat, lla.Lon)
	return Intercept{
		T: launch + tau, Launch: launch, FlyoutTime: tau,
		Pos: p, Vel: vel, GroundRange: gr, Alt: lla.Alt,
		Speed: speed, Closing: closing, ClosingSpeed: r3.Norm(closing),
	}
}

// AirHomingReach returns the largest predicted miss the interceptor can
// remove against an air target, R = ½ Δv t_go with t_go = SeekerRange /
// closing speed: HomingReach without its cap at the coast time, since a
// missile steered aerodynamically (PAC-3 MSE's attitude-control motors and
// fins) can correct within its boost. It is +Inf without a divert or
// seeker figure (the blast-fragmentation PAC-2 and S-400 missiles of the
// catalog): their end game is the Pk draw alone.
func (ic *Interceptor) AirHomingReach(closingSpeed float64) float64 {
	if !(ic.Divert > 0 && ic.SeekerRange > 0) {
		return math.Inf(1)
	}
	if !(closingSpeed > 0) {
		return 0
	}
	return 0.5 * ic.Divert * ic.SeekerRange / closingSpeed
}

// AirEffectivePk is EffectivePk against an air target: the air
// envelope's Pk_ssp lowered by the track's predicted miss at x (est
// propagated by m) against AirHomingReach.
func (ic *Interceptor) AirEffectivePk(x Intercept, est track.Estimate, m track.MotionModel) float64 {
	sigma := MissSigma(est, m, x.T, x.Closing)
	return HomingPk(ic.Air.PkSSP(), sigma, ic.AirHomingReach(x.ClosingSpeed))
}
