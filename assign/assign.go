package assign

import (
	"errors"
	"fmt"
	"math"
)

// ErrBadCost reports a NaN or −Inf cost.
var ErrBadCost = errors.New("assign: cost is NaN or -Inf")

// Solver holds scratch space so that repeated solves do not allocate once
// the buffers have grown to the largest problem seen. The zero value is
// ready to use. A Solver is not safe for concurrent use.
type Solver struct {
	c          []float64 // n×m working costs, n ≤ m
	u, v, minv []float64
	p, way     []int
	used       []bool
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// Solve assigns rows to columns for the rows×cols cost matrix stored
// row-major in cost. It writes the column of row i, or −1, to rowCol[i]
// (len(rowCol) ≥ rows) and returns the number of pairs and their total
// cost.
func (s *Solver) Solve(cost []float64, rows, cols int, rowCol []int) (pairs int, total float64, err error) {
	if rows < 0 || cols < 0 || len(cost) < rows*cols || len(rowCol) < rows {
		return 0, 0, fmt.Errorf("assign: %d×%d matrix with %d costs and %d outputs", rows, cols, len(cost), len(rowCol))
	}
	for i := range rows {
		rowCol[i] = -1
	}
	if rows == 0 || cols == 0 {
		return 0, 0, nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range cost[:rows*cols] {
		if math.IsNaN(c) || math.IsInf(c, -1) {
			return 0, 0, ErrBadCost
		}
		if !math.IsInf(c, 1) {
			lo = math.Min(lo, c)
			hi = math.Max(hi, c)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 0, nil // everything forbidden
	}
	tr := rows > cols
	n, m := rows, cols
	if tr {
		n, m = cols, rows
	}
	big := float64(n+1) * (hi - lo + 1)
	s.c = grow(s.c, n*m)
	for i := range rows {
		for j := range cols {
			c := cost[i*cols+j]
			if math.IsInf(c, 1) {
				c = big
			} else {
				c -= lo
			}
			if tr {
				s.c[j*m+i] = c
			} else {
				s.c[i*m+j] = c
			}
		}
	}
	s.solve(n, m)
	// s.p[j] is the 1-based row matched to 1-based column j.
	for j := 1; j <= m; j++ {
		i := s.p[j]
		if i == 0 {
			continue
		}
		r, c := i-1, j-1
		if s.c[r*m+c] >= big {
			continue
		}
		if tr {
			r, c = c, r
		}
		rowCol[r] = c
		pairs++
		total += cost[r*cols+c]
	}
	return pairs, total, nil
}

// solve runs the shortest augmenting path algorithm on s.c (n×m, n ≤ m),
// leaving the matching in s.p (1-based; index 0 is the search root).
func (s *Solver) solve(n, m int) {
	s.u = grow(s.u, n+1)
	s.v = grow(s.v, m+1)
	s.minv = grow(s.minv, m+1)
	s.p = grow(s.p, m+1)
	s.way = grow(s.way, m+1)
	s.used = grow(s.used, m+1)
	u, v, minv, p, way, used := s.u, s.v, s.minv, s.p, s.way, s.used
	clear(u)
	clear(v)
	clear(p)
	clear(way)
	inf := math.Inf(1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0 := p[j0]
			delta, j1 := inf, 0
			row := s.c[(i0-1)*m : i0*m]
			ui := u[i0]
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := row[j-1] - ui - v[j]
				if cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
}

// Solve is Solver.Solve with a fresh Solver.
func Solve(cost []float64, rows, cols int, rowCol []int) (pairs int, total float64, err error) {
	var s Solver
	return s.Solve(cost, rows, cols, rowCol)
}
