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
