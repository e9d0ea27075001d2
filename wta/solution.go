package wta

import (
	"context"
	"fmt"
	"math"
)

// Solver names, as Solution.Solver reports them.
const (
	SolverGreedy    = "greedy"
	SolverHeuristic = "heuristic"
	SolverExact     = "exact"
	SolverAuto      = "auto"
)

// Solution is an assignment and what is known about it.
type Solution struct {
	// Assign[i][j] is the number of units of weapon type i fired at target j.
	Assign [][]int
	// Objective is the expected surviving value F(Assign).
	Objective float64
	// LowerBound is a proven lower bound on the optimal objective, or NaN
	// when the solver proved none.
	LowerBound float64
	// Solver is the solver that produced the solution (SolverExact, …).
	Solver string
	// Optimal reports that Objective is proven optimal (to optimalityTol).
	Optimal bool
	// Interrupted reports that the context ended the search early.
	Interrupted bool
	// BoundNote says why a bound was not computed (e.g. the slot bound of a
	// problem with too many units), or is empty.
	BoundNote string
	// Nodes is the number of branch and bound nodes whose bound was computed
	// (exact solver only).
	Nodes int
}

// Gap returns (Objective − LowerBound)/Objective, the relative gap between
// the solution and its bound: 0 when proven optimal, NaN without a bound.
// It is 0 when both are 0.
func (s Solution) Gap() float64 {
	if math.IsNaN(s.LowerBound) {
		return math.NaN()
	}
	if s.Objective <= 0 {
		return 0
	}
	return math.Max(0, (s.Objective-s.LowerBound)/s.Objective)
}

// Options tune the solvers. The zero value is ready to use.
type Options struct {
	// Seed seeds the heuristic's random generator; equal seeds give equal
	// answers.
	Seed uint64
	// Rounds is the number of ruin-and-recreate rounds of the iterated local
	// search; 0 means DefaultRounds, a negative number means none.
	Rounds int
	// AutoLimit is the largest TotalUnits × Targets that Solve with
	// SolverAuto hands to Exact; 0 means DefaultAutoLimit.
	AutoLimit int
}

// Defaults of Options.
const (
	// DefaultRounds of iterated local search. On wta_50x100x3 the
	// heuristic still improves between 1000 and 4000 rounds; a round costs
	// 0.1 to 0.5 ms on the published instances. The search stops earlier
	// when it meets the slot bound.
	DefaultRounds = 4000
	// DefaultAutoLimit: up to this many unit × target pairs, Exact either
	// finishes within a second or two (small random instances; sparse ones
	// such as wta_50x100x1, 5000 pairs, at the root) or, on crowded ones
	// where the slot bound is weak, stops at the time limit with the
	// heuristic's answer and a bound.
	DefaultAutoLimit = 5000
)

func (o Options) rounds() int {
	switch {
	case o.Rounds < 0:
		return 0
	case o.Rounds == 0:
		return DefaultRounds
	}
	return o.Rounds
}

// Solve runs the named solver: SolverExact, SolverHeuristic, SolverGreedy, or
// SolverAuto, which is Exact when TotalUnits × Targets ≤ Options.AutoLimit and
// Heuristic otherwise. The context bounds the search: when it ends, the
// solvers return the best solution found so far, with Interrupted set.
func Solve(ctx context.Context, p *Problem, solver string, opts Options) (Solution, error) {
	switch solver {
	case SolverExact:
		return Exact(ctx, p, opts)
	case SolverHeuristic:
		return Heuristic(ctx, p, opts)
	case SolverGreedy:
		return Greedy(p)
	case SolverAuto:
		limit := opts.AutoLimit
		if limit <= 0 {
			limit = DefaultAutoLimit
		}
		if err := p.Validate(); err != nil {
			return Solution{}, err
		}
		if p.TotalUnits() <= limit/p.Targets() {
			return Exact(ctx, p, opts)
		}
		return Heuristic(ctx, p, opts)
	}
	return Solution{}, fmt.Errorf("wta: unknown solver %q; want %s, %s, %s or %s", solver, SolverExact, SolverHeuristic, SolverGreedy, SolverAuto)
}

// newSolution evaluates x canonically with Problem.Objective.
func newSolution(p *Problem, x [][]int, solver string) Solution {
	return Solution{Assign: x, Objective: p.Objective(x), LowerBound: math.NaN(), Solver: solver}
}

func newCounts(m, n int) [][]int {
	flat := make([]int, m*n)
	x := make([][]int, m)
	for i := range x {
		x[i] = flat[i*n : (i+1)*n : (i+1)*n]
	}
	return x
}
