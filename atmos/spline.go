package atmos

import "math"

// knot is one tabulated value v at geometric altitude z (km).
type knot struct{ z, v float64 }

// cubic is one spline piece: y = c0 + d·(c1 + d·(c2 + d·c3)), d = x − x0.
type cubic struct{ x0, c0, c1, c2, c3 float64 }

// logSpline interpolates ln v with natural cubic splines, one per segment
// of knots, and extrapolates linearly in ln v past the last knot.
type logSpline struct {
	pieces []cubic
	xEnd   float64 // last knot, m
	yEnd   float64 // ln v at xEnd
	sEnd   float64 // d ln v/dx at xEnd, 1/m
}

// newLogSpline builds the spline through segs; consecutive segments share
// their end knot. first, if positive, replaces the value of the first knot.
func newLogSpline(first float64, segs ...[]knot) logSpline {
	var s logSpline
	for k, seg := range segs {
		xs := make([]float64, len(seg))
		ys := make([]float64, len(seg))
		for i, kn := range seg {
			xs[i], ys[i] = kn.z*1000, math.Log(kn.v)
		}
		if k == 0 && first > 0 {
			ys[0] = math.Log(first)
		}
		s.pieces = append(s.pieces, naturalSpline(xs, ys)...)
		last := s.pieces[len(s.pieces)-1]
		h := xs[len(xs)-1] - last.x0
		s.xEnd, s.yEnd = xs[len(xs)-1], ys[len(ys)-1]
		s.sEnd = last.c1 + h*(2*last.c2+3*h*last.c3)
	}
	return s
}

// naturalSpline returns the pieces of the natural cubic spline through
// (xs, ys), from the tridiagonal system for the second derivatives.
func naturalSpline(xs, ys []float64) []cubic {
	n := len(xs)
	m := make([]float64, n) // second derivatives; m[0] = m[n-1] = 0
	diag := make([]float64, n)
	rhs := make([]float64, n)
	for i := 1; i < n-1; i++ {
		h0, h1 := xs[i]-xs[i-1], xs[i+1]-xs[i]
		diag[i] = (h0 + h1) / 3
		rhs[i] = (ys[i+1]-ys[i])/h1 - (ys[i]-ys[i-1])/h0
		if i > 1 { // eliminate the sub-diagonal h0/6
			w := (h0 / 6) / diag[i-1]
			diag[i] -= w * h0 / 6
			rhs[i] -= w * rhs[i-1]
		}
	}
	for i := n - 2; i >= 1; i-- {
		m[i] = (rhs[i] - (xs[i+1]-xs[i])/6*m[i+1]) / diag[i]
	}
	pieces := make([]cubic, n-1)
	for i := range pieces {
		h := xs[i+1] - xs[i]
		pieces[i] = cubic{
			x0: xs[i],
			c0: ys[i],
			c1: (ys[i+1]-ys[i])/h - h*(2*m[i]+m[i+1])/6,
			c2: m[i] / 2,
			c3: (m[i+1] - m[i]) / (6 * h),
		}
	}
	return pieces
}

// at returns ln v at x (m), for x ≥ the first knot.
func (s *logSpline) at(x float64) float64 {
	if !(x < s.xEnd) { // also NaN
		return s.yEnd + s.sEnd*(x-s.xEnd)
	}
	p := s.pieces
	lo, hi := 0, len(p)-1
	for lo < hi {
		mid := int(uint(lo+hi+1) >> 1)
		if p[mid].x0 <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	c := &p[lo]
	d := x - c.x0
	return c.c0 + d*(c.c1+d*(c.c2+d*c.c3))
}
