package wta_test

import (
	"context"
	"fmt"

	"github.com/rampart-sim/rampart/wta"
)

func ExampleExact() {
	// Two SAM-A and one SAM-B against three targets.
	p := &wta.Problem{
		Values: []float64{10, 20, 5},
		Units:  []int{2, 1},
		P: [][]float64{
			{0.5, 0.3, 0.1},
			{0.2, 0.6, 0.4},
		},
	}
	s, err := wta.Exact(context.Background(), p, wta.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("surviving value %.2f, optimal %v\n", s.Objective, s.Optimal)
	fmt.Println(s.Assign)
	// Output:
	// surviving value 15.50, optimal true
	// [[2 0 0] [0 1 0]]
}

// Greedy (maximum marginal return) is not optimal in general. Two targets
// of value 10; weapon A kills either with 0.9 and 0.5, weapon B with 0.8 and
// 0.1. Greedy first fires A at target 0 (it removes 9, the largest single
// gain), then has only B for target 1: F = 10·0.1 + 10·0.9 = 10. Exact fires
// B at target 0 and A at target 1: F = 10·0.2 + 10·0.5 = 7.
func ExampleGreedy() {
	p := &wta.Problem{
		Values: []float64{10, 10},
		Units:  []int{1, 1},
		P: [][]float64{
			{0.9, 0.5},
			{0.8, 0.1},
		},
	}
	g, err := wta.Greedy(p)
	if err != nil {
		panic(err)
	}
	x, err := wta.Exact(context.Background(), p, wta.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("greedy %.2f %v\n", g.Objective, g.Assign)
	fmt.Printf("exact  %.2f %v optimal %v\n", x.Objective, x.Assign, x.Optimal)
	// Output:
	// greedy 10.00 [[1 0] [0 1]]
	// exact  7.00 [[0 1] [1 0]] optimal true
}
