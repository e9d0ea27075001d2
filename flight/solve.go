package flight

import (
	"errors"
	"math"
)

// newtonProblem is a small nonlinear system F(x) = 0 with n ≤ 3 unknowns,
// solved by Newton's method with a forward-difference Jacobian, bounds and
// a backtracking line search on the scaled residual norm.
type newtonProblem struct {
	n      int
	x      [3]float64
	lo, hi [3]float64
	dx     [3]float64 // finite-difference steps
	tol    [3]float64 // converged when |F_i| ≤ tol_i; also the norm scales
	f      func(x [3]float64) ([3]float64, error)
	evals  int
}

func (p *newtonProblem) eval(x [3]float64) ([3]float64, error) {
	p.evals++
	return p.f(x)
}

func (p *newtonProblem) norm(r [3]float64) float64 {
	var s float64
	for i := range p.n {
		q := r[i] / p.tol[i]
		s += q * q
	}
	return math.Sqrt(s)
}

func (p *newtonProblem) converged(r [3]float64) bool {
	for i := range p.n {
		if !(math.Abs(r[i]) <= p.tol[i]) {
			return false
		}
	}
	return true
}

func (p *newtonProblem) clamp(x [3]float64) [3]float64 {
	for i := range p.n {
		x[i] = math.Max(p.lo[i], math.Min(p.hi[i], x[i]))
	}
	return x
}

var errNewton = errors.New("flight: newton iteration found no descent direction")

// solve runs at most maxIter Newton iterations from p.x and returns the
// final residual. On failure p.x holds the best point found.
func (p *newtonProblem) solve(maxIter int) ([3]float64, error) {
	x := p.clamp(p.x)
	r, err := p.eval(x)
	if err != nil {
		return r, err
	}
	for range maxIter {
		p.x = x
		if p.converged(r) {
			return r, nil
		}
		var jac [3][3]float64
		for j := range p.n {
			xj := x
			h := p.dx[j]
			if xj[j]+h > p.hi[j] {
				h = -h
			}
			xj[j] += h
			rj, err := p.eval(xj)
			if err != nil {
				h = -h
				xj = x
				xj[j] += h
				if rj, err = p.eval(xj); err != nil {
					return r, err
				}
			}
			for i := range p.n {
				jac[i][j] = (rj[i] - r[i]) / h
			}
		}
		step, ok := solveLinear(p.n, jac, r)
		if !ok {
			return r, errNewton
		}
		n0 := p.norm(r)
		lambda := 1.0
		accepted := false
		for range 12 {
			var xn [3]float64
			for i := range p.n {
				xn[i] = x[i] - lambda*step[i]
			}
			xn = p.clamp(xn)
			rn, err := p.eval(xn)
			if err == nil && p.norm(rn) < n0 {
				x, r = xn, rn
				accepted = true
				break
			}
			lambda /= 2
		}
		if !accepted {
			p.x = x
			return r, errNewton
		}
	}
	p.x = x
	if p.converged(r) {
		return r, nil
	}
	return r, errNewton
}

// solveLinear solves J·s = r for n ≤ 3 by Gaussian elimination with partial
// pivoting.
func solveLinear(n int, a [3][3]float64, b [3]float64) ([3]float64, bool) {
	for c := range n {
		piv := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[piv][c]) {
				piv = r
			}
		}
		if a[piv][c] == 0 || math.IsNaN(a[piv][c]) {
			return b, false
		}
		a[c], a[piv] = a[piv], a[c]
		b[c], b[piv] = b[piv], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var x [3]float64
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x, true
}

// brentMin minimises f on [a, b] by Brent's method (golden section with
// parabolic interpolation; Brent, Algorithms for Minimization without
// Derivatives, 1973, ch. 5) to an absolute tolerance tol in x.
func brentMin(f func(float64) float64, a, b, tol float64) (xmin, fmin float64) {
	const cgold = 0.3819660112501051
	x := a + cgold*(b-a)
	w, v := x, x
	fx := f(x)
	fw, fv := fx, fx
	var d, e float64
	for range 100 {
		m := (a + b) / 2
		tol1 := tol
		tol2 := 2 * tol1
		if math.Abs(x-m) <= tol2-(b-a)/2 {
			break
		}
		if math.Abs(e) > tol1 {
			r := (x - w) * (fx - fv)
			q := (x - v) * (fx - fw)
			p := (x-v)*q - (x-w)*r
			q = 2 * (q - r)
			if q > 0 {
				p = -p
			}
			q = math.Abs(q)
			etemp := e
			e = d
			if math.Abs(p) >= math.Abs(q*etemp/2) || p <= q*(a-x) || p >= q*(b-x) {
				if x >= m {
					e = a - x
				} else {
					e = b - x
				}
				d = cgold * e
			} else {
				d = p / q
				u := x + d
				if u-a < tol2 || b-u < tol2 {
					d = math.Copysign(tol1, m-x)
				}
			}
		} else {
			if x >= m {
				e = a - x
			} else {
				e = b - x
			}
			d = cgold * e
		}
		u := x + d
		if math.Abs(d) < tol1 {
			u = x + math.Copysign(tol1, d)
		}
		fu := f(u)
		if fu <= fx {
			if u >= x {
				a = x
			} else {
				b = x
			}
			v, w, x = w, x, u
			fv, fw, fx = fw, fx, fu
		} else {
			if u < x {
				a = u
			} else {
				b = u
			}
			if fu <= fw || w == x {
				v, w = w, u
				fv, fw = fw, fu
			} else if fu <= fv || v == x || v == w {
				v, fv = u, fu
			}
		}
	}
	return x, fx
}
