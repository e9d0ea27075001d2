package wta

import (
	"context"
	"math"
	"slices"
)

// optimalityTol is the relative gap (to Σ_j w_j) below which branch and
// bound prunes a node and calls the incumbent optimal. The slot bound is
// computed with a few hundred floating-point additions of values up to
// Σ_j w_j, so its rounding error is near 1e-13 relative; 1e-9 is far above
// that and far below any difference that matters.
const optimalityTol = 1e-9

// RootBound returns the larger of the slot bound (DefaultSlots slots per
// target) and the continuous-relaxation Lagrangian bound on p's optimal
// objective (see the package documentation). p must be valid; ub is an
// upper bound that steers the Lagrangian search (any solution's objective,
// or +Inf).
func RootBound(p *Problem, ub float64) float64 {
	var b bounder
	b.init(p)
	lb, _ := b.bound(p.Values, p.Units, nil, DefaultSlots)
	if math.IsInf(ub, 1) {
		ub = p.TotalValue()
	}
	return maxBound(lb, continuousBound(b.q, p.Values, p.Units, ub))
}

// Exact solves p by depth-first branch and bound, started from Heuristic's
// solution. A node fixes some units to targets; it branches on one more
// unit of the type with the largest possible single decrease, over the
// targets it can still reach; units of one type go to targets in
// non-decreasing order, which removes their permutations. Every child's
// slot bound is computed before the first is entered, the children are
// entered in increasing order of bound, and those whose bound is within
// optimalityTol of the incumbent are pruned. Each slot bound's own
// assignment, completed, is also tried as an incumbent.
//
// When the root's slot bound is too large to compute (SlotBoundSkipped),
// Exact returns the heuristic's solution with the continuous bound and the
// reason in BoundNote, without branching.
//
// When ctx ends first, Exact returns the incumbent, Interrupted, and as
// LowerBound the least bound of the nodes still open. Otherwise the
// solution is Optimal and LowerBound is its objective.
func Exact(ctx context.Context, p *Problem, opts Options) (Solution, error) {
	if err := p.Validate(); err != nil {
		return Solution{}, err
	}
	m, n := p.Weapons(), p.Targets()
	e := &bnb{
		ctx:  ctx,
		p:    p,
		v:    append([]float64(nil), p.Values...),
		left: append([]int(nil), p.Units...),
		from: make([]int, m),
		x:    newCounts(m, n),
		try:  newCounts(m, n),
		tol:  optimalityTol * p.TotalValue(),
		open: math.Inf(1),
	}
	e.b.init(p)
	slot, _ := e.b.bound(p.Values, p.Units, nil, DefaultSlots)
	h := heuristic(ctx, p, opts, slot)
	e.best, e.bestX = h.Objective, h.Assign
	root := maxBound(slot, continuousBound(e.b.q, p.Values, p.Units, h.Objective))
	e.nodes++
	if math.IsNaN(slot) {
		// Too large for the slot bound, so for branch and bound: the
		// heuristic's answer with the continuous bound.
		h.Solver = SolverExact
		settle(p, &h, slot, root)
		h.Nodes = e.nodes
		return h, nil
	}
	if !e.improve(root) {
		e.search(root)
	}
	sol := newSolution(p, e.bestX, SolverExact)
	sol.Nodes = e.nodes
	sol.Interrupted = e.stopped
	if e.stopped {
		sol.LowerBound = max(root, min(e.open, sol.Objective))
	} else {
		sol.LowerBound = sol.Objective
		sol.Optimal = true
	}
	return sol, nil
}

type bnb struct {
	ctx     context.Context
	p       *Problem
	b       bounder
	v       []float64 // surviving value of each target after the fixed units
	left    []int     // units of each type not yet fixed
	from    []int     // least target the next unit of each type may go to
	x       [][]int   // fixed units
	try     [][]int   // scratch: a completion to evaluate
	best    float64   // incumbent objective
	bestX   [][]int   // incumbent
	tol     float64   // optimalityTol × Σ_j w_j
	nodes   int
	stopped bool    // ctx ended the search
	open    float64 // least bound of the nodes left open when stopped
}

// improve reports whether a node of bound lb can be pruned.
func (e *bnb) improve(lb float64) bool { return lb >= e.best-e.tol }

type child struct {
	target int
	bound  float64
}

// search explores the node of the fixed units e.x, whose bound is lb.
func (e *bnb) search(lb float64) {
	if e.ctx.Err() != nil {
		e.stopped = true
		e.open = min(e.open, lb)
		return
	}
	// Branch on the type with the largest possible single decrease.
	i, top := -1, 0.0
	for k, l := range e.left {
		if l == 0 {
			continue
		}
		for j := e.from[k]; j < len(e.v); j++ {
			if d := e.v[j] * e.p.P[k][j]; d > top {
				i, top = k, d
			}
		}
	}
	if i < 0 {
		// No unit left can lower the objective: a leaf.
		if f := e.p.Objective(e.x); f < e.best {
			e.best = f
			copyCounts(e.bestX, e.x)
		}
		return
	}
	var kids []child
	for j := e.from[i]; j < len(e.v); j++ {
		if e.ctx.Err() != nil {
			e.stopped = true
			e.open = min(e.open, lb)
			return
		}
		if e.v[j]*e.p.P[i][j] <= 0 {
			continue
		}
		undo := e.fix(i, j)
		kb, rows := e.b.bound(e.v, e.left, e.from, DefaultSlots)
		e.nodes++
		e.complete(rows)
		e.unfix(i, j, undo)
		kids = append(kids, child{j, max(lb, kb)})
	}
	slices.SortStableFunc(kids, func(a, b child) int {
		if a.bound < b.bound {
			return -1
		}
		if a.bound > b.bound {
			return 1
		}
		return 0
	})
	for k, c := range kids {
		if e.improve(c.bound) {
			return
		}
		undo := e.fix(i, c.target)
		e.search(c.bound)
		e.unfix(i, c.target, undo)
		if e.stopped {
			for _, r := range kids[k+1:] {
				e.open = min(e.open, r.bound)
			}
			return
		}
	}
}

// fix fires one more unit of type i at target j and returns what unfix
// needs to undo it.
func (e *bnb) fix(i, j int) (undo [2]float64) {
	undo = [2]float64{e.v[j], float64(e.from[i])}
	e.v[j] *= 1 - e.p.P[i][j]
	e.left[i]--
	e.from[i] = j
	e.x[i][j]++
	return undo
}

func (e *bnb) unfix(i, j int, undo [2]float64) {
	e.v[j] = undo[0]
	e.left[i]++
	e.from[i] = int(undo[1])
	e.x[i][j]--
}

// complete evaluates the fixed units plus the slot bound's choice of
// target for the others (rows of types in order, as bounder.bound lists
// them; a unit in the tail slot is not fired) as an incumbent.
func (e *bnb) complete(rows []int) {
	copyCounts(e.try, e.x)
	r := 0
	for i, l := range e.left {
		for range l {
			if j := rows[r]; j >= 0 {
				e.try[i][j]++
			}
			r++
		}
	}
	if f := e.p.Objective(e.try); f < e.best {
		e.best = f
		copyCounts(e.bestX, e.try)
	}
}

func copyCounts(dst, src [][]int) {
	for i := range src {
		copy(dst[i], src[i])
	}
}
