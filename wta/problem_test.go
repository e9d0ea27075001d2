package wta

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	ok := func() *Problem {
		return &Problem{Values: []float64{1, 2}, Units: []int{1}, P: [][]float64{{0.5, 0.5}}}
	}
	for _, c := range []struct {
		edit func(*Problem)
		want string
	}{
		{func(p *Problem) { p.Units = nil; p.P = nil }, "no weapon types"},
		{func(p *Problem) { p.Values = nil }, "no targets"},
		{func(p *Problem) { p.Values[1] = math.NaN() }, "value of target 1"},
		{func(p *Problem) { p.Values[0] = math.Inf(1) }, "value of target 0"},
		{func(p *Problem) { p.Values[0] = 1.7e308 }, "value of target 0 is 1.7e+308; want a number in [0, 1e+12]"},
		{func(p *Problem) { p.Units[0] = -1 }, "weapon type 0 has -1 units"},
		{func(p *Problem) { p.P[0][1] = 1.01 }, "kill probability of weapon type 0 at target 1"},
		{func(p *Problem) { p.P[0] = p.P[0][:1] }, "has 1 kill probabilities for 2 targets"},
		{func(p *Problem) { p.TargetNames = []string{"a"} }, "1 target names for 2 targets"},
		{func(p *Problem) { p.Units[0] = MaxUnits + 1 }, "more than"},
	} {
		p := ok()
		c.edit(p)
		if err := p.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate() = %v, want an error containing %q", err, c.want)
		}
	}
	if err := ok().Validate(); err != nil {
		t.Errorf("Validate() = %v on a valid problem", err)
	}
}

// TestDeterministic: equal inputs and seeds give equal assignments.
func TestDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	p := randomProblem(rng, 8, 30, 3)
	for _, solver := range []string{SolverHeuristic, SolverExact, SolverGreedy} {
		a, err := Solve(context.Background(), p, solver, Options{Seed: 3, Rounds: 300})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Solve(context.Background(), p, solver, Options{Seed: 3, Rounds: 300})
		if !reflect.DeepEqual(a.Assign, b.Assign) || a.Objective != b.Objective {
			t.Errorf("Solve(%s) gave %v then %v", solver, a.Objective, b.Objective)
		}
	}
}

func TestSolveAuto(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	small := randomProblem(rng, 2, 3, 2)
	if s, err := Solve(context.Background(), small, SolverAuto, Options{}); err != nil || s.Solver != SolverExact || !s.Optimal {
		t.Errorf("Solve(auto, small) = %s optimal %v, %v; want exact, optimal", s.Solver, s.Optimal, err)
	}
	large := randomProblem(rng, 20, 300, 3)
	if s, err := Solve(context.Background(), large, SolverAuto, Options{Rounds: 10}); err != nil || s.Solver != SolverHeuristic {
		t.Errorf("Solve(auto, large) = %s, %v; want heuristic", s.Solver, err)
	}
	if _, err := Solve(context.Background(), small, "magic", Options{}); err == nil {
		t.Error("Solve(magic) = nil error")
	}
}

// TestCancelledContext: a context already ended still yields a feasible
// solution with a valid bound, marked interrupted unless the bound proves
// it optimal.
func TestCancelledContext(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	p := randomProblem(rng, 6, 40, 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, solve := range []func(context.Context, *Problem, Options) (Solution, error){Exact, Heuristic} {
		s, err := solve(ctx, p, Options{})
		if err != nil || p.Feasible(s.Assign) != nil || s.Interrupted == s.Optimal || !(s.LowerBound <= s.Objective) {
			t.Errorf("cancelled solve = %s, objective %v, bound %v, interrupted %v, err %v", s.Solver, s.Objective, s.LowerBound, s.Interrupted, err)
		}
	}
}
