package wta

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/rampart-sim/rampart/assign"
)

// improveTol is the least relative decrease of the objective that local
// search accepts as an improvement. Delta evaluations carry rounding errors
// of a few ulps of the target values; a threshold far above that and far
// below any gap that matters stops the search cycling on noise.
const improveTol = 1e-12

// maxReassign bounds the units of one reassign, whose assignment problem
// costs O(maxReassign² · n).
const maxReassign = 40

// Caps on the loops of local search, besides the context: descend runs at
// most maxPasses passes of moves and swaps, heuristic at most maxPasses
// rounds of re-placing. Every pass strictly improves the objective, so the
// caps only matter on huge inputs, where the deadline usually ends the
// search first.
const maxPasses = 10_000

// checkEvery is how many steps of local search (a unit tried for a move or
// a swap, a unit re-fired) pass between two checks of the context.
const checkEvery = 64

// search is a complete assignment of units to targets with cached values
// for O(1) evaluation of moves and swaps.
type search struct {
	p       *Problem
	n       int
	q       []float64 // q[i*n+j] = 1 − p_ij
	kind    []int     // weapon type of each unit
	at      []int     // target of each unit, −1 if not fired
	members [][]int   // units fired at each target
	val     []float64 // surviving value V_j of each target
	without []float64 // value of a unit's target were the unit not fired
	tol     float64   // improveTol × Σ_j w_j

	ctx     context.Context // ends the search; checked every checkEvery steps
	steps   int
	stopped bool // ctx ended the search

	as     assign.Solver // for reassign
	cost   []float64
	rowCol []int
}

func newSearch(ctx context.Context, p *Problem, x [][]int) *search {
	m, n := p.Weapons(), p.Targets()
	s := &search{ctx: ctx, p: p, n: n, q: make([]float64, m*n), members: make([][]int, n), val: make([]float64, n)}
	for i := range m {
		for j := range n {
			s.q[i*n+j] = 1 - p.P[i][j]
		}
		for j := range n {
			for range x[i][j] {
				s.members[j] = append(s.members[j], len(s.kind))
				s.kind = append(s.kind, i)
				s.at = append(s.at, j)
			}
		}
	}
	s.without = make([]float64, len(s.kind))
	for j := range n {
		s.refresh(j)
	}
	s.tol = improveTol * p.TotalValue()
	return s
}

// halted counts a step and reports whether the context has ended the
// search, looking at it every checkEvery steps.
func (s *search) halted() bool {
	if s.stopped {
		return true
	}
	if s.steps++; s.steps%checkEvery == 0 && s.ctx.Err() != nil {
		s.stopped = true
	}
	return s.stopped
}

// refresh recomputes target j's value and its units' without-values from
// scratch, with prefix and suffix products, so that no rounding error
// accumulates over many moves.
func (s *search) refresh(j int) {
	us := s.members[j]
	w := s.p.Values[j]
	pre := w
	for _, u := range us {
		s.without[u] = pre
		pre *= s.q[s.kind[u]*s.n+j]
	}
	s.val[j] = pre
	suf := 1.0
	for k := len(us) - 1; k >= 0; k-- {
		u := us[k]
		s.without[u] *= suf
		suf *= s.q[s.kind[u]*s.n+j]
	}
}

// objective returns Σ_j V_j.
func (s *search) objective() float64 {
	f := 0.0
	for _, v := range s.val {
		f += v
	}
	return f
}

func (s *search) unfire(u int) {
	j := s.at[u]
	ms := s.members[j]
	k := slices.Index(ms, u)
	s.members[j] = append(ms[:k], ms[k+1:]...)
	s.at[u] = -1
	s.refresh(j)
}

func (s *search) fire(u, j int) {
	s.members[j] = append(s.members[j], u)
	s.at[u] = j
	s.refresh(j)
}

// bestTarget returns the target k ≠ skip with the largest decrease
// V_k p_ik from one more unit of type i, and that decrease.
func (s *search) bestTarget(i, skip int) (int, float64) {
	q := s.q[i*s.n : (i+1)*s.n]
	best, gain := -1, -1.0
	for k, v := range s.val {
		if g := v * (1 - q[k]); g > gain && k != skip {
			best, gain = k, g
		}
	}
	return best, gain
}

// moves applies improving 1-moves (one unit to another target), first
// improvement, and reports whether it made any.
func (s *search) moves() bool {
	improved := false
	for u, i := range s.kind {
		if s.halted() {
			return improved
		}
		j := s.at[u]
		k, gain := s.bestTarget(i, j)
		if k >= 0 && gain-(s.without[u]-s.val[j]) > s.tol {
			s.unfire(u)
			s.fire(u, k)
			improved = true
		}
	}
	return improved
}

// swaps applies improving 2-swaps (two units of different types exchange
// targets), first improvement, and reports whether it made any.
func (s *search) swaps() bool {
	improved := false
	n := s.n
	for u, a := range s.kind {
		if s.halted() {
			return improved
		}
		for v := u + 1; v < len(s.kind); v++ {
			b, j, k := s.kind[v], s.at[u], s.at[v]
			if a == b || j == k {
				continue
			}
			before := s.val[j] + s.val[k]
			after := s.without[u]*s.q[b*n+j] + s.without[v]*s.q[a*n+k]
			if before-after > s.tol {
				s.unfire(u)
				s.unfire(v)
				s.fire(u, k)
				s.fire(v, j)
				improved = true
			}
		}
	}
	return improved
}

// descend runs moves and swaps until neither improves: a local optimum of
// both neighbourhoods, or until the context ends or maxPasses passes.
func (s *search) descend() {
	for range maxPasses {
		m := s.moves()
		if !s.swaps() && !m || s.stopped {
			return
		}
	}
}

// recreate fires the units us, not yet fired, by maximum marginal return.
func (s *search) recreate(us []int) {
	for len(us) > 0 {
		if s.halted() {
			// Fire the rest where they were left off: nowhere. The caller
			// restores the best assignment.
			return
		}
		bu, bj, bg := 0, -1, -1.0
		for k, u := range us {
			if j, g := s.bestTarget(s.kind[u], -1); g > bg {
				bu, bj, bg = k, j, g
			}
		}
		s.fire(us[bu], bj)
		us[bu] = us[len(us)-1]
		us = us[:len(us)-1]
	}
}

// reassign takes the units us, on pairwise different targets, off their
// targets and puts them back optimally among the placements that fire at
// most one of them at each target: then the objective falls by exactly
// Σ V_j p_ij over the placed units, a linear assignment problem. The old
// placement is one of those, so the objective does not rise (beyond
// rounding).
func (s *search) reassign(us []int) {
	for _, u := range us {
		s.unfire(u)
	}
	rows, cols := len(us), s.n
	s.cost = grow(s.cost, rows*cols)
	s.rowCol = grow(s.rowCol, rows)
	for r, u := range us {
		q := s.q[s.kind[u]*cols : (s.kind[u]+1)*cols]
		row := s.cost[r*cols : (r+1)*cols]
		for j, v := range s.val {
			row[j] = -v * (1 - q[j])
		}
	}
	if _, _, err := s.as.Solve(s.cost, rows, cols, s.rowCol); err != nil {
		panic("wta: reassign: " + err.Error()) // costs are finite by construction
	}
	for r, u := range us {
		s.fire(u, s.rowCol[r])
	}
}

func (s *search) counts() [][]int {
	x := newCounts(s.p.Weapons(), s.n)
	for u, i := range s.kind {
		if j := s.at[u]; j >= 0 {
			x[i][j]++
		}
	}
	return x
}

// snapshot and restore save and reload the targets of all units.
func (s *search) snapshot(dst []int) []int { return append(dst[:0], s.at...) }

func (s *search) restore(at []int) {
	for j := range s.members {
		s.members[j] = s.members[j][:0]
	}
	for u, j := range at {
		s.at[u] = j
		s.members[j] = append(s.members[j], u)
	}
	for j := range s.members {
		s.refresh(j)
	}
}

// Heuristic solves p by maximum marginal return (Greedy), local search to a
// local optimum of the 1-move and 2-swap neighbourhoods, then
// Options.Rounds rounds of iterated local search: take 2 to max(2, U/10)
// random units off their targets, put them back by maximum marginal return,
// descend again, and keep the result if it is better. The answer depends
// only on p and Options unless ctx ends the search, which is checked every
// 64 steps of the local search, or when it reaches the slot bound. LowerBound is RootBound; the
// solution is Optimal when it meets that bound within optimalityTol.
func Heuristic(ctx context.Context, p *Problem, opts Options) (Solution, error) {
	if err := p.Validate(); err != nil {
		return Solution{}, err
	}
	var b bounder
	b.init(p)
	slot, _ := b.bound(p.Values, p.Units, nil, DefaultSlots)
	sol := heuristic(ctx, p, opts, slot)
	settle(p, &sol, slot, maxBound(slot, continuousBound(b.q, p.Values, p.Units, sol.Objective)))
	return sol, nil
}

// settle sets what a heuristic answer can claim given its lower bound lb
// (slot is the slot bound, NaN when it was too large to compute): the
// bound, why the slot bound is missing, optimality within optimalityTol,
// and an interruption only if that left it unproven.
func settle(p *Problem, sol *Solution, slot, lb float64) {
	sol.LowerBound = lb
	if math.IsNaN(slot) {
		sol.BoundNote = SlotBoundSkipped(p, DefaultSlots)
	}
	sol.Optimal = sol.Objective <= lb+optimalityTol*p.TotalValue()
	sol.Interrupted = sol.Interrupted && !sol.Optimal
}

// heuristic stops the iterated local search early when it reaches the lower
// bound lb, within optimalityTol.
func heuristic(ctx context.Context, p *Problem, opts Options, lb float64) Solution {
	s := newSearch(ctx, p, greedyCounts(p))
	s.descend()
	// Re-place one unit of every targeted target at once, optimally, until
	// that no longer helps: on sparse instances (fewer units than targets)
	// this alone usually reaches the optimum.
	var ruined []int
	for f, pass := s.objective(), 0; !s.stopped && pass < maxPasses; pass++ {
		ruined = ruined[:0]
		for _, ms := range s.members {
			if len(ms) > 0 {
				ruined = append(ruined, ms[0])
			}
		}
		s.reassign(ruined)
		s.descend()
		g := s.objective()
		if !(g < f-s.tol) {
			break
		}
		f = g
	}
	best, bestAt := s.objective(), s.snapshot(nil)
	units := len(s.kind)
	if units > 1 {
		rng := rand.New(rand.NewPCG(opts.Seed, 0x9e3779b97f4a7c15))
		maxRuin := min(units, max(4, units/10))
		order := make([]int, s.n)
		for round := range opts.rounds() {
			if best <= lb+optimalityTol*p.TotalValue() {
				break
			}
			if s.stopped || ctx.Err() != nil {
				break
			}
			ruined = ruined[:0]
			if round%4 != 3 {
				for range 2 + rng.IntN(maxRuin-1) {
					u := rng.IntN(units)
					if s.at[u] >= 0 {
						s.unfire(u)
						ruined = append(ruined, u)
					}
				}
				// Fire one ruined unit at a random target first, so that
				// the greedy recreate does not simply rebuild the old
				// assignment.
				if len(ruined) > 0 {
					s.fire(ruined[0], rng.IntN(s.n))
					ruined = ruined[1:]
				}
				s.recreate(ruined)
			} else {
				for j := range order {
					order[j] = j
				}
				rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
				for _, j := range order {
					if ms := s.members[j]; len(ms) > 0 && len(ruined) < maxReassign {
						ruined = append(ruined, ms[rng.IntN(len(ms))])
					}
				}
				s.reassign(ruined)
			}
			s.descend()
			if s.stopped {
				break // possibly mid-recreate, with units unfired: restored below
			}
			if f := s.objective(); f < best-s.tol {
				best, bestAt = f, s.snapshot(bestAt)
			} else {
				s.restore(bestAt)
			}
		}
		s.restore(bestAt)
	}
	sol := newSolution(p, s.counts(), SolverHeuristic)
	sol.Interrupted = s.stopped || ctx.Err() != nil
	return sol
}
