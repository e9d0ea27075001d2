package wta

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/assign"
)

// DefaultSlots is K, the number of capacitated slots per target in the slot
// bound before the tail. On the six published instances K = 3 gives the
// same bound as K = U (no tail), at a tenth to a fiftieth of the cost.
const DefaultSlots = 3

// maxBoundWork bounds the size of one slot bound's assignment problem,
// rows² × columns (rows = units left, columns = targets × slots + tail):
// its matrix takes rows × columns cells and the shortest augmenting path
// algorithm about rows² × columns steps, and neither can be interrupted.
// 2e8 is a few tenths of a second and at most 2e8/rows cells; beyond it the
// slot bound is not computed (bound returns NaN) and the solvers fall back
// on the continuous bound, which costs O(m·n) memory.
const maxBoundWork = 2e8

// SlotBoundSkipped returns why the slot bound of p is not computed, or ""
// when it is: the assignment problem would be larger than maxBoundWork.
func SlotBoundSkipped(p *Problem, k int) string {
	rows := p.TotalUnits()
	cols := slotCols(rows, p.Targets(), max(k, 1))
	if boundTooBig(rows, cols) {
		return fmt.Sprintf("slot bound not computed: %d units need a %d × %d assignment problem, larger than the limit of %g rows² × columns", rows, rows, cols, float64(maxBoundWork))
	}
	return ""
}

// slotCols is the column count of the slot bound's assignment problem for
// rows units, n targets and k slots a target: k·n slot columns, plus a
// column a unit for leaving it unused when k < rows.
func slotCols(rows, n, k int) int {
	k = min(k, rows)
	if k < rows {
		return n*k + rows
	}
	return n * k
}

func boundTooBig(rows, cols int) bool {
	return float64(rows)*float64(rows)*float64(cols) > maxBoundWork
}

// SlotBound returns the slot bound on p's optimal objective with k slots
// per target before the tail (k ≥ 1; k ≥ TotalUnits gives the bound
// without a tail), or NaN when it is too large to compute (see
// SlotBoundSkipped). p must be valid.
func SlotBound(p *Problem, k int) float64 {
	var b bounder
	b.init(p)
	lb, _ := b.bound(p.Values, p.Units, nil, max(k, 1))
	return lb
}

// bounder computes slot bounds, keeping its buffers between calls.
type bounder struct {
	p      *Problem
	n      int
	q      []float64 // q[i*n+j] = 1 − p_ij
	as     assign.Solver
	cost   []float64
	rowCol []int
	rowOf  []int // weapon type of each row
}

func (b *bounder) init(p *Problem) {
	m, n := p.Weapons(), p.Targets()
	b.p, b.n = p, n
	b.q = make([]float64, m*n)
	for i := range m {
		for j := range n {
			b.q[i*n+j] = 1 - p.P[i][j]
		}
	}
}

// bound returns the slot bound for firing left[i] more units of each type i
// at targets whose surviving values are v, each type i only at targets
// j ≥ from[i] (from may be nil), with k slots per target before the tail.
// It also returns the slot bound's choice of target for each row: row r is
// a unit of type rowOf[r]. It returns NaN and nil when the assignment
// problem is larger than maxBoundWork.
func (b *bounder) bound(v []float64, left, from []int, k int) (float64, []int) {
	n := b.n
	lb := 0.0
	for _, x := range v {
		lb += x
	}
	rows := 0
	for _, l := range left {
		rows += l
	}
	b.rowOf = b.rowOf[:0]
	if rows == 0 {
		return lb, nil
	}
	k = min(k, rows)
	cols := slotCols(rows, n, k)
	if boundTooBig(rows, cols) {
		return math.NaN(), nil
	}
	for i, l := range left {
		for range l {
			b.rowOf = append(b.rowOf, i)
		}
	}
	b.cost = grow(b.cost, rows*cols)
	b.rowCol = grow(b.rowCol, rows)
	r := 0
	for i, l := range left {
		if l == 0 {
			continue
		}
		// Row of costs −v_j p_ij q_ij^(s−1) for slot s of target j.
		row := b.cost[r*cols : (r+1)*cols]
		q := b.q[i*n : (i+1)*n]
		lo := 0
		if from != nil {
			lo = from[i]
		}
		best := 0.0
		for j := range n {
			if j < lo {
				for s := range k {
					row[j*k+s] = math.Inf(1)
				}
				continue
			}
			c := -v[j] * (1 - q[j])
			for s := range k {
				row[j*k+s] = c
				c *= q[j]
			}
			best = min(best, c)
		}
		for c := n * k; c < cols; c++ {
			row[c] = best
		}
		for t := 1; t < l; t++ {
			copy(b.cost[(r+t)*cols:(r+t+1)*cols], row)
		}
		r += l
	}
	_, total, err := b.as.Solve(b.cost, rows, cols, b.rowCol)
	if err != nil {
		panic("wta: slot bound: " + err.Error()) // costs are finite or +Inf by construction
	}
	for r, c := range b.rowCol[:rows] {
		if c >= n*k {
			b.rowCol[r] = -1 // a tail slot: no particular target
		} else {
			b.rowCol[r] = c / k
		}
	}
	return lb + total, b.rowCol[:rows]
}

// maxBound returns the larger of two lower bounds, ignoring a NaN (a bound
// not computed); NaN when both are.
func maxBound(a, b float64) float64 {
	switch {
	case math.IsNaN(a):
		return b
	case math.IsNaN(b):
		return a
	}
	return max(a, b)
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
