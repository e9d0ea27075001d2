package wta

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// Tolerances of the property tests.
const (
	// bruteTol: Exact and the brute force evaluate the same assignments
	// with the same Problem.Objective, so they agree to rounding; the
	// pruning tolerance optimalityTol (relative to Σ w) bounds the rest.
	bruteTol = 1e-8
	// smallHeuristicGap: on the random small instances below, the
	// heuristic is within this relative gap of the optimum. Local search
	// with 1-moves, 2-swaps and reassignments finds the optimum on nearly
	// all of them; 3 % leaves room for the rare local optimum.
	smallHeuristicGap = 0.03
)

// randomProblem draws m types × n targets with 1..maxUnits units a type,
// values in [1, 100) and kill probabilities in [0, 1), some of them 0.
func randomProblem(rng *rand.Rand, m, n, maxUnits int) *Problem {
	p := &Problem{Values: make([]float64, n), Units: make([]int, m), P: make([][]float64, m)}
	for j := range n {
		p.Values[j] = 1 + 99*rng.Float64()
	}
	for i := range m {
		p.Units[i] = 1 + rng.IntN(maxUnits)
		p.P[i] = make([]float64, n)
		for j := range n {
			if rng.IntN(6) > 0 {
				p.P[i][j] = rng.Float64()
			}
		}
	}
	return p
}

// bruteForce returns the least objective over every x with
// Σ_j x_ij ≤ μ_i, by enumeration.
func bruteForce(p *Problem) float64 {
	m, n := p.Weapons(), p.Targets()
	x := newCounts(m, n)
	best := math.Inf(1)
	var rec func(i, j, left int)
	rec = func(i, j, left int) {
		if i == m {
			best = min(best, p.Objective(x))
			return
		}
		if j == n {
			rec(i+1, 0, p.Units[min(i+1, m-1)])
			return
		}
		for k := 0; k <= left; k++ {
			x[i][j] = k
			rec(i, j+1, left-k)
		}
		x[i][j] = 0
	}
	rec(0, 0, p.Units[0])
	return best
}

func TestExactMatchesBruteForce(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 1))
		p := randomProblem(rng, 1+rng.IntN(3), 1+rng.IntN(4), 3)
		want := bruteForce(p)
		got, err := Exact(context.Background(), p, Options{Seed: seed})
		if err != nil {
			t.Fatalf("seed %d: Exact: %v", seed, err)
		}
		if err := p.Feasible(got.Assign); err != nil {
			t.Fatalf("seed %d: Exact: %v", seed, err)
		}
		if !got.Optimal || math.Abs(got.Objective-want) > bruteTol*p.TotalValue() {
			t.Errorf("seed %d: Exact = %.12g (optimal %v), want %.12g", seed, got.Objective, got.Optimal, want)
		}
		if got.LowerBound > want+bruteTol*p.TotalValue() {
			t.Errorf("seed %d: Exact lower bound %.12g above optimum %.12g", seed, got.LowerBound, want)
		}
		for _, k := range []int{1, 2, 3, 100} {
			if lb := SlotBound(p, k); lb > want+bruteTol*p.TotalValue() {
				t.Errorf("seed %d: SlotBound(%d) = %.12g above optimum %.12g", seed, k, lb, want)
			}
		}
		if lb := RootBound(p, math.Inf(1)); lb > want+bruteTol*p.TotalValue() {
			t.Errorf("seed %d: RootBound = %.12g above optimum %.12g", seed, lb, want)
		}
	}
}

func TestHeuristicProperties(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 2))
		p := randomProblem(rng, 1+rng.IntN(4), 1+rng.IntN(6), 3)
		g, err := Greedy(p)
		if err != nil {
			t.Fatalf("seed %d: Greedy: %v", seed, err)
		}
		h, err := Heuristic(context.Background(), p, Options{Seed: seed})
		if err != nil {
			t.Fatalf("seed %d: Heuristic: %v", seed, err)
		}
		if err := p.Feasible(h.Assign); err != nil {
			t.Fatalf("seed %d: Heuristic: %v", seed, err)
		}
		if h.Objective > g.Objective {
			t.Errorf("seed %d: Heuristic = %.12g, worse than Greedy = %.12g", seed, h.Objective, g.Objective)
		}
		if math.IsNaN(h.LowerBound) || h.LowerBound > h.Objective+bruteTol*p.TotalValue() {
			t.Errorf("seed %d: Heuristic lower bound %.12g, objective %.12g", seed, h.LowerBound, h.Objective)
		}
		e, err := Exact(context.Background(), p, Options{Seed: seed})
		if err != nil {
			t.Fatalf("seed %d: Exact: %v", seed, err)
		}
		if e.Objective > h.Objective+bruteTol*p.TotalValue() {
			t.Errorf("seed %d: Exact = %.12g, worse than Heuristic = %.12g", seed, e.Objective, h.Objective)
		}
		if gap := h.Objective/e.Objective - 1; e.Objective > 0 && gap > smallHeuristicGap {
			t.Errorf("seed %d: Heuristic = %.12g, %.2f%% above optimum %.12g", seed, h.Objective, 100*gap, e.Objective)
		}
	}
}
