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
	ai, _, okA := invSPD6(&a.P)
	bi, _, okB := invSPD6(&b.P)
	if !okA || !okB {
		return Estimate{}, 0, ErrNotPositiveDefinite
	}
	cost := func(w float64) float64 {
		var info Mat6
		for i := range 6 {
			for j := range 6 {
				info[i][j] = w*ai[i][j] + (1-w)*bi[i][j]
			}
		}
		p, logDet, ok := invSPD6(&info)
		if !ok {
			return math.Inf(1)
		}
		if crit == MinDet {
			return -logDet // det P = 1/det P⁻¹
		}
		return p[0][0] + p[1][1] + p[2][2] + p[3][3] + p[4][4] + p[5][5]
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
	p, _, ok := invSPD6(&info)
	if !ok {
		return Estimate{}, 0, ErrNotPositiveDefinite
	}
	return Estimate{T: a.T, X: mulVec6(&p, &iv), P: p}, w, nil
}

// trackDistance returns (a − b)ᵀ (P_a + P_b)⁻¹ (a − b).
func trackDistance(a, b *Estimate) (float64, bool) {
	s := add6(&a.P, &b.P)
	si, _, ok := invSPD6(&s)
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
