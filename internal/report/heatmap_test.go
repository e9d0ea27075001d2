package report

import (
	"math"
	"strings"
	"testing"
)

// TestHeatMap: a heat map renders each finite cell with its value,
// leaves a NaN cell blank and refuses ragged rows.
func TestHeatMap(t *testing.T) {
	h := HeatMap{Caption: "c", XLabel: "x", YLabel: "y", XTicks: []string{"a", "b"}, YTicks: []string{"1", "2"},
		Values: [][]float64{{1, 2}, {3, math.NaN()}}}
	svg, err := h.render()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(svg, "<rect"); n != 3 {
		t.Errorf("%d cells drawn, want 3", n)
	}
	if !strings.Contains(svg, ">3</text>") {
		t.Error("cell value not printed")
	}
	h.Values[1] = []float64{1}
	if _, err := h.render(); err == nil {
		t.Error("a ragged row was accepted")
	}
}
