package wta

import "math"

// Subgradient schedule of continuousBound. The dual function is concave
// and piecewise smooth; 300 Polyak steps with a step factor halved after 20
// steps without progress bring the bound to within a few tenths of a
// percent of its maximum on the published instances, at a cost of 300·m·n
// operations.
const (
	dualSteps    = 300
	dualPatience = 20
)

// continuousBound returns a lower bound on the objective of firing left[i]
// more units of each type i at targets of surviving values v, by the
// Lagrangian dual of the continuous relaxation. Relaxing x_ij ∈ ℕ to
// x_ij ≥ 0 and pricing each unit of type i at λ_i ≥ 0 splits the problem by
// target: with a_ij = −ln q_ij and c_j = min_i λ_i/a_ij,
//
//	min_(x ≥ 0) v_j e^(−Σ_i a_ij x_ij) + Σ_i λ_i x_ij = h(c_j),
//	h(c) = c (1 + ln(v_j/c)) if c < v_j, else v_j,
//
// and D(λ) = Σ_j h(c_j) − Σ_i λ_i left_i ≤ optimum for every λ ≥ 0. The
// bound is the largest D found by projected subgradient ascent with Polyak
// steps aimed at ub, an upper bound (the objective of a known solution).
func continuousBound(q, v []float64, left []int, ub float64) float64 {
	n, m := len(v), len(left)
	a := make([]float64, m*n)
	lambda := make([]float64, m)
	g := make([]float64, m)
	for i := range m {
		for j := range n {
			a[i*n+j] = -math.Log(q[i*n+j]) // +Inf when p_ij = 1
			lambda[i] += v[j] * (1 - q[i*n+j]) / float64(n)
		}
	}
	vmax := 0.0
	for _, x := range v {
		vmax = max(vmax, x)
	}
	// A floor on λ keeps c_j > 0, so that a type priced near zero yields a
	// large finite subgradient instead of an unbounded one.
	floor := 1e-9 * vmax
	best := math.Inf(-1)
	step, stall := 2.0, 0
	for range dualSteps {
		d := 0.0
		for i := range m {
			d -= lambda[i] * float64(left[i])
			g[i] = -float64(left[i])
		}
		for j := range n {
			c, arg := math.Inf(1), -1
			for i := range m {
				if left[i] == 0 || a[i*n+j] == 0 {
					continue
				}
				if r := lambda[i] / a[i*n+j]; r < c {
					c, arg = r, i
				}
			}
			switch {
			case arg < 0 || c >= v[j]:
				d += v[j]
			case c == 0:
				// A type that kills surely (a = ∞) kills the target at no cost.
			default:
				d += c * (1 + math.Log(v[j]/c))
				if aj := a[arg*n+j]; !math.IsInf(aj, 1) {
					g[arg] += math.Log(v[j]/c) / aj
				}
			}
		}
		if d > best {
			best, stall = d, 0
		} else if stall++; stall >= dualPatience {
			step, stall = step/2, 0
		}
		norm := 0.0
		for i := range m {
			if lambda[i] <= floor && g[i] < 0 {
				g[i] = 0 // projection onto λ ≥ 0
			}
			norm += g[i] * g[i]
		}
		if norm == 0 || ub-d <= 0 {
			break
		}
		t := step * (ub - d) / norm
		for i := range m {
			lambda[i] = max(floor, lambda[i]+t*g[i])
		}
	}
	return max(best, 0) // the objective is never negative
}
