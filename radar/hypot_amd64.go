package radar

import "math"

// hypot is math.Hypot, √(p² + q²) as max·√(1 + (min/max)²): the
// arithmetic of the library's amd64 assembly, each product rounded (no
// fused multiply-add, as in the assembly), without its call
// (TestHypotIsMathHypot). A zero leg returns the other, which is what that
// arithmetic gives. Other architectures call math.Hypot (hypot_other.go):
// their library code is Go, which the compiler may fuse differently.
func hypot(p, q float64) float64 {
	p, q = math.Abs(p), math.Abs(q)
	if p < q {
		p, q = q, p
	}
	if !(p <= math.MaxFloat64) { // an infinite or NaN leg
		return math.Hypot(p, q)
	}
	if q == 0 {
		return p
	}
	q = q / p
	return p * math.Sqrt(1+float64(q*q))
}
