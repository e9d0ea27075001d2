package track

import (
	"errors"
	"fmt"
	"math"
)

// CICriterion is what covariance intersection minimises over ω.
type CICriterion uint8

const (
	MinTrace CICriterion = iota // tr P
	MinDet                      // det P
)

// ErrTimeMismatch reports estimates at different times.
var ErrTimeMismatch = errors.New("track: estimates at different times")

// CovarianceIntersection fuses two estimates of the same state whose error
// cross-correlation is unknown (Julier & Uhlmann 1997; 2001):
//
//	P⁻¹ = ω A⁻¹ + (1 − ω) B⁻¹,  x = P (ω A⁻¹ a + (1 − ω) B⁻¹ b),
//
// with ω ∈ [0, 1] minimising crit by golden-section search (both criteria
// are convex in ω for tr and log det; the end points, which return a or b,
// are also tried). The result is consistent whatever the correlation. It
// returns the fused estimate and ω.
func CovarianceIntersection(a, b *Estimate, crit CICriterion) (Estimate, float64, error) {
	if a.T != b.T {
		return Estimate{}, 0, fmt.Errorf("%w: %v s and %v s", ErrTimeMismatch, a.T, b.T)
	}
	ai, okA := inverseSPD6(&a.P)
	bi, okB := inverseSPD6(&b.P)
	if !okA || !okB {
		return Estimate{}, 0, ErrNotPositiveDefinite
	}
	cost := func(w float64) float64 {
		// chol6 reads the lower triangle only.
		var info Mat6
		for i := range 6 {
			for j := range i + 1 {
				info[i][j] = w*ai[i][j] + (1-w)*bi[i][j]
			}
		}
		if crit == MinDet {
			l, ok := chol6(&info)
			if !ok {
				return math.Inf(1)
			}
			return -logDetChol6(&l) // det P = 1/det P⁻¹
		}
		tr, ok := traceInvSPD6(&info)
		if !ok {
			return math.Inf(1)
		}
		return tr
	}
	const invPhi = 0.6180339887498949
	lo, hi := 0.0, 1.0
	x1, x2 := hi-invPhi*(hi-lo), lo+invPhi*(hi-lo)
	f1, f2 := cost(x1), cost(x2)
	for hi-lo > 1e-6 {
		if f1 < f2 {
			hi, x2, f2 = x2, x1, f1
			x1 = hi - invPhi*(hi-lo)
			f1 = cost(x1)
		} else {
			lo, x1, f1 = x1, x2, f2
			x2 = lo + invPhi*(hi-lo)
			f2 = cost(x2)
		}
	}
	w, fw := 0.5*(lo+hi), cost(0.5*(lo+hi))
	if f := cost(0); f < fw {
		w, fw = 0, f
	}
	if f := cost(1); f < fw {
		w = 1
	}
	switch w {
	case 0:
		return *b, 0, nil
	case 1:
		return *a, 1, nil
	}
	var info Mat6
	var iv Vec6
	for i := range 6 {
		for j := range 6 {
			info[i][j] = w*ai[i][j] + (1-w)*bi[i][j]
			iv[i] += w*ai[i][j]*a.X[j] + (1-w)*bi[i][j]*b.X[j]
		}
	}
	p, ok := inverseSPD6(&info)
	if !ok {
		return Estimate{}, 0, ErrNotPositiveDefinite
	}
	return Estimate{T: a.T, X: mulVec6(&p, &iv), P: p}, w, nil
}

// traceInvSPD6 returns tr P⁻¹ of a symmetric positive-definite P (only its
// lower triangle is read), and false if P is not positive definite. It
// computes the diagonal of invSPD6's inverse with the same operations in
// the same order, so the trace is the same to the last bit, without the
// off-diagonal terms and the log-determinant.
func traceInvSPD6(p *Mat6) (float64, bool) {
	l, ok := chol6(p)
	if !ok {
		return 0, false
	}
	li := invLower6(&l)
	var d [6]float64
	for i := range 6 {
		var s float64
		for k := i; k < 6; k++ {
			s += li[k][i] * li[k][i]
		}
		d[i] = s
	}
	return d[0] + d[1] + d[2] + d[3] + d[4] + d[5], true
}

// logDetChol6 returns log det P from P's Cholesky factor, summed as
// invSPD6 sums it.
func logDetChol6(l *Mat6) float64 {
	var s float64
	for i := range 6 {
		s += 2 * math.Log(l[i][i])
	}
	return s
}

// gateMargin is the factor by which the trace bound of gatedDistance must
// exceed the gate before a pair is refused without the exact distance:
// far above the rounding of either (a few ulps, times the condition number
// of P_a + P_b in the exact quadratic form), so that a refused pair is one
// whose exact distance lies outside the gate too.
const gateMargin = 4

// gatedDistance returns trackDistance(a, b), and false when it exceeds
// gate or P_a + P_b is not positive definite. Pairs far outside the gate
// are refused from the bound (a − b)ᵀ S⁻¹ (a − b) ≥ |a − b|² / λmax(S) ≥
// |a − b|² / tr S, without inverting S; the answer is the same as
// comparing trackDistance with the gate.
func gatedDistance(a, b *Estimate, gate float64) (float64, bool) {
	var d2, tr float64
	for i := range 6 {
		d := a.X[i] - b.X[i]
		d2 += d * d
		tr += a.P[i][i] + b.P[i][i]
	}
	if tr > 0 && d2 > gateMargin*gate*tr {
		return 0, false
	}
	m, ok := trackDistance(a, b)
	return m, ok && m <= gate
}

// inverseSPD6 is invSPD6 without the log-determinant: the same inverse,
// to the last bit, for the callers that do not need the determinant.
func inverseSPD6(p *Mat6) (inv Mat6, ok bool) {
	l, ok := chol6(p)
	if !ok {
		return inv, false
	}
	li := invLower6(&l)
	return invFromLower6(&li), true
}

// trackDistance returns (a − b)ᵀ (P_a + P_b)⁻¹ (a − b).
func trackDistance(a, b *Estimate) (float64, bool) {
	s := add6(&a.P, &b.P)
	si, ok := inverseSPD6(&s)
	if !ok {
		return 0, false
	}
	var d Vec6
	for i := range 6 {
		d[i] = a.X[i] - b.X[i]
	}
	var d2 float64
	for i := range 6 {
		for j := range 6 {
			d2 += d[i] * si[i][j] * d[j]
		}
	}
	return d2, true
}
