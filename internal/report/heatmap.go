package report

import (
	"fmt"
	"html/template"
	"math"
)

// HeatMap is a block: a grid of cells coloured by value, one column per X
// label and one row per Y label, each cell printed with its value (a
// two-axis sweep).
type HeatMap struct {
	Caption string
	XLabel  string   // the axis title under the columns
	YLabel  string   // the axis title beside the rows
	XTicks  []string // column labels
	YTicks  []string // row labels, bottom row first
	// Values[i][j] is row i, column j; NaN leaves a cell blank.
	Values [][]float64
	Unit   string // of the values
}

// Heat map layout, px.
const (
	heatCellW = 56.0
	heatCellH = 24.0
)

func (h HeatMap) renderBlock(r *renderer) (template.HTML, error) {
	n, id := r.nextFigure()
	svg, err := h.render()
	if err != nil {
		return "", err
	}
	return r.figure(n, id, svg, h.Caption, "")
}

func (h HeatMap) render() (string, error) {
	if len(h.Values) != len(h.YTicks) {
		return "", fmt.Errorf("heat map %q: %d rows for %d row labels", h.Caption, len(h.Values), len(h.YTicks))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, row := range h.Values {
		if len(row) != len(h.XTicks) {
			return "", fmt.Errorf("heat map %q: row %d has %d cells for %d columns", h.Caption, i+1, len(row), len(h.XTicks))
		}
		for _, v := range row {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	var labelW float64
	for _, t := range h.YTicks {
		labelW = math.Max(labelW, textWidth(t, plotFont))
	}
	x0 := math.Ceil(labelW+14) + 18
	w := x0 + heatCellW*float64(len(h.XTicks)) + plotRight
	y1 := plotTop + heatCellH*float64(len(h.YTicks))
	ht := y1 + plotBottom
	var sw svgWriter
	sw.open(w, ht, "Heat map: "+h.Caption)
	sw.start("g", "font-family", fontStack, "font-size", num(plotFont), "fill", colText)
	for i, row := range h.Values {
		y := y1 - heatCellH*float64(i+1)
		sw.text(x0-8, y+heatCellH/2+4, h.YTicks[i], "text-anchor", "end")
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			f := 0.5
			if hi > lo {
				f = (v - lo) / (hi - lo)
			}
			x := x0 + heatCellW*float64(j)
			sw.start("g")
			sw.title(h.YTicks[i] + ", " + h.XTicks[j] + ": " + FormatNumber(v) + unitSuffix(h.Unit))
			sw.leaf("rect", "x", num(x), "y", num(y), "width", num(heatCellW-1), "height", num(heatCellH-1), "fill", heatColour(f))
			ink := colText
			if f > 0.6 {
				ink = "#ffffff"
			}
			sw.text(x+heatCellW/2, y+heatCellH/2+4, FormatNumber(v), "text-anchor", "middle", "fill", ink)
			sw.end("g")
		}
	}
	for j, t := range h.XTicks {
		sw.text(x0+heatCellW*(float64(j)+0.5), y1+16, t, "text-anchor", "middle")
	}
	sw.text(x0+heatCellW*float64(len(h.XTicks))/2, y1+34, h.XLabel, "text-anchor", "middle")
	sw.text(12, (plotTop+y1)/2, h.YLabel, "text-anchor", "middle", "transform", fmt.Sprintf("rotate(-90 12 %s)", num((plotTop+y1)/2)))
	sw.end("g")
	sw.end("svg")
	return sw.String(), nil
}

// heatColour maps f in [0, 1] from pale yellow to dark blue (a sequential
// scale readable in grey).
func heatColour(f float64) string {
	f = math.Max(0, math.Min(1, f))
	lerp := func(a, b float64) int { return int(math.Round(a + (b-a)*f)) }
	return fmt.Sprintf("#%02x%02x%02x", lerp(0xff, 0x08), lerp(0xf7, 0x30), lerp(0xbc, 0x6b))
}
