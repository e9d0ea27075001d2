package assign

import (
	"math"
	"math/rand/v2"
	"testing"
)

// bruteForce returns the largest number of allowed pairs and the least
// total cost among matchings with that many, by enumerating every partial
// matching.
func bruteForce(cost []float64, rows, cols int) (int, float64) {
	bestPairs, bestCost := 0, 0.0
	usedCol := make([]bool, cols)
	var rec func(i, pairs int, total float64)
	rec = func(i, pairs int, total float64) {
		if i == rows {
			if pairs > bestPairs || (pairs == bestPairs && total < bestCost) {
				bestPairs, bestCost = pairs, total
			}
			return
		}
		rec(i+1, pairs, total) // row i unassigned
		for j := range cols {
			c := cost[i*cols+j]
			if usedCol[j] || math.IsInf(c, 1) {
				continue
			}
			usedCol[j] = true
			rec(i+1, pairs+1, total+c)
			usedCol[j] = false
		}
	}
	rec(0, 0, 0)
	return bestPairs, bestCost
}

// costTol allows for rounding in the potentials; costs are O(1..100).
const costTol = 1e-9

func TestSolveBruteForce(t *testing.T) {
	const seed = 20240611
	rng := rand.New(rand.NewPCG(seed, 1))
	var s Solver
	cases := 600
	if testing.Short() {
		cases = 200
	}
	for tc := range cases {
		rows, cols := 1+rng.IntN(7), 1+rng.IntN(7)
		pForbid := []float64{0, 0.2, 0.5, 0.8}[rng.IntN(4)]
		cost := make([]float64, rows*cols)
		for i := range cost {
			if rng.Float64() < pForbid {
				cost[i] = math.Inf(1)
			} else if rng.IntN(3) == 0 {
				cost[i] = float64(rng.IntN(5)) // ties
			} else {
				cost[i] = 100*rng.Float64() - 20
			}
		}
		rowCol := make([]int, rows)
		pairs, total, err := s.Solve(cost, rows, cols, rowCol)
		if err != nil {
			t.Fatalf("seed %d case %d: Solve error %v", seed, tc, err)
		}
		wantPairs, wantTotal := bruteForce(cost, rows, cols)
		if pairs != wantPairs || math.Abs(total-wantTotal) > costTol*(1+math.Abs(wantTotal)) {
			t.Fatalf("seed %d case %d: Solve(%d×%d %v) = %d pairs cost %v, want %d pairs cost %v",
				seed, tc, rows, cols, cost, pairs, total, wantPairs, wantTotal)
		}
		// The reported matching is valid and its cost is the reported total.
		seen := make(map[int]bool)
		var sum float64
		var n int
		for i, j := range rowCol[:rows] {
			if j < 0 {
				continue
			}
			if seen[j] || math.IsInf(cost[i*cols+j], 1) {
				t.Fatalf("seed %d case %d: Solve row %d → column %d invalid (reused or forbidden)", seed, tc, i, j)
			}
			seen[j] = true
			sum += cost[i*cols+j]
			n++
		}
		if n != pairs || math.Abs(sum-total) > costTol*(1+math.Abs(total)) {
			t.Fatalf("seed %d case %d: matching has %d pairs cost %v, Solve reported %d, %v", seed, tc, n, sum, pairs, total)
		}
	}
}

func TestSolveNotWorseThanGreedy(t *testing.T) {
	const seed = 7
	rng := rand.New(rand.NewPCG(seed, 2))
	for tc := range 100 {
		n := 2 + rng.IntN(30)
		cost := make([]float64, n*n)
		for i := range cost {
			cost[i] = rng.Float64()
		}
		rowCol := make([]int, n)
		_, total, _ := Solve(cost, n, n, rowCol)
		var greedy float64
		used := make([]bool, n)
		for i := range n {
			best := -1
			for j := range n {
				if !used[j] && (best < 0 || cost[i*n+j] < cost[i*n+best]) {
					best = j
				}
			}
			used[best] = true
			greedy += cost[i*n+best]
		}
		if total > greedy+costTol {
			t.Fatalf("seed %d case %d: Solve total %v > greedy %v", seed, tc, total, greedy)
		}
	}
}

func TestSolveErrors(t *testing.T) {
	rowCol := make([]int, 2)
	if _, _, err := Solve([]float64{1, math.NaN(), 2, 3}, 2, 2, rowCol); err != ErrBadCost {
		t.Errorf("Solve(NaN) error = %v, want %v", err, ErrBadCost)
	}
	if _, _, err := Solve([]float64{1}, 2, 2, rowCol); err == nil {
		t.Errorf("Solve(short matrix) error = nil, want an error")
	}
	inf := math.Inf(1)
	pairs, _, err := Solve([]float64{inf, inf, inf, inf}, 2, 2, rowCol)
	if err != nil || pairs != 0 || rowCol[0] != -1 || rowCol[1] != -1 {
		t.Errorf("Solve(all forbidden) = %d pairs %v err %v, want 0 pairs [-1 -1]", pairs, rowCol, err)
	}
}

func BenchmarkSolve50x50(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	const n = 50
	cost := make([]float64, n*n)
	for i := range cost {
		if rng.Float64() < 0.3 {
			cost[i] = math.Inf(1)
		} else {
			cost[i] = rng.Float64() * 20
		}
	}
	rowCol := make([]int, n)
	var s Solver
	b.ReportAllocs()
	for b.Loop() {
		s.Solve(cost, n, n, rowCol)
	}
}
