package wta

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// Issue 11: one type of 100000 units at one target made the slot bound ask
// for a 100000 × 100003 cost matrix (80 GB) and die out of memory.
func TestHugeUnitsSkipSlotBound(t *testing.T) {
	p := &Problem{Values: []float64{1}, Units: []int{100000}, P: [][]float64{{0.5}}}
	if SlotBoundSkipped(p, DefaultSlots) == "" {
		t.Fatal("SlotBoundSkipped is empty for 100000 units")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, solver := range []string{SolverHeuristic, SolverExact} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		sol, err := Solve(ctx, p, solver, Options{})
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if sol.BoundNote == "" {
			t.Errorf("%s: no BoundNote", solver)
		}
		if math.IsNaN(sol.LowerBound) || sol.LowerBound < 0 || sol.LowerBound > sol.Objective+1e-9 {
			t.Errorf("%s: lower bound %g, objective %g", solver, sol.LowerBound, sol.Objective)
		}
		if err := p.Feasible(sol.Assign); err != nil {
			t.Error(err)
		}
	}
	runtime.ReadMemStats(&after)
	if a := after.TotalAlloc - before.TotalAlloc; a > 1<<30 {
		t.Errorf("allocated %d bytes", a)
	}
}

func largeProblem(m, n, perType int, seed uint64) *Problem {
	rng := rand.New(rand.NewPCG(seed, 1))
	p := &Problem{Values: make([]float64, n), Units: make([]int, m), P: make([][]float64, m)}
	for j := range n {
		p.Values[j] = 1 + 99*rng.Float64()
	}
	for i := range m {
		p.Units[i] = perType
		p.P[i] = make([]float64, n)
		for j := range n {
			p.P[i][j] = 0.05 + 0.85*rng.Float64()
		}
	}
	return p
}

// Issue 11: --time-limit 1 on 2000 units ran 12 to 30 s, on 5000 past
// 100 s: local search did not look at the deadline.
func TestDeadlineOnLargeInstance(t *testing.T) {
	p := largeProblem(50, 100, 100, 2) // 5000 units
	const limit = 300 * time.Millisecond
	for _, solver := range []string{SolverHeuristic, SolverExact, SolverAuto} {
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		start := time.Now()
		sol, err := Solve(ctx, p, solver, Options{})
		took := time.Since(start)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if took > 3*limit+2*time.Second {
			t.Errorf("%s: took %v with a deadline of %v", solver, took, limit)
		}
		if err := p.Feasible(sol.Assign); err != nil {
			t.Errorf("%s: %v", solver, err)
		}
		if !sol.Interrupted && !sol.Optimal {
			t.Errorf("%s: neither interrupted nor optimal", solver)
		}
	}
}
