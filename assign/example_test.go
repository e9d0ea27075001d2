package assign_test

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/assign"
)

// A 3×3 instance whose optimum is easy to check by hand: of the six
// permutations, rows → columns (1, 0, 2) costs 1 + 2 + 2 = 5, and every other
// one costs at least 6.
func ExampleSolve() {
	cost := []float64{
		4, 1, 3,
		2, 0, 5,
		3, 2, 2,
	}
	rowCol := make([]int, 3)
	pairs, total, err := assign.Solve(cost, 3, 3, rowCol)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pairs, total, rowCol)
	// Output: 3 5 [1 0 2]
}

// Three interceptor batteries (rows) and three threats (columns), costs
// being e.g. distances in km, with +Inf where a battery cannot engage. Row 2
// can engage nothing and is left at −1. Of the four matchings of rows 0 and 1,
// 0→0 and 1→1 is the cheapest (7 + 1 = 8; the others cost 10, 14 and 15), so
// column 2 is left unserved.
func ExampleSolver_Solve() {
	inf := math.Inf(1)
	cost := []float64{
		7, inf, 9,
		5, 1, 8,
		inf, inf, inf,
	}
	var s assign.Solver // reuse it across solves: no allocation once grown
	rowCol := make([]int, 3)
	pairs, total, err := s.Solve(cost, 3, 3, rowCol)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pairs, total, rowCol)
	// Output: 2 8 [0 1 -1]
}
