package report

import (
	"fmt"
	"math"
)

// BarChart is a block of horizontal bars, one group per category and one
// bar per series in each group: e.g. interceptors spent per architecture.
type BarChart struct {
	Caption    string
	Categories []string
	X          Axis // the value axis; a fitted range always includes zero
	Series     []BarSeries
	Width      int // px; 0 means DefaultPlotWidth

	colour func(key string) string // the document's colours; nil: palette order
}

// BarSeries is one value per category; a NaN leaves its bar out. Key names
// the entity the series stands for (a missile, an owner) so that it takes
// that entity's colour in every figure; empty means Name.
type BarSeries struct {
	Name   string
	Key    string
	Values []float64
}

// seriesColour is series i's colour: its entity's in the document, else
// the palette's in order.
func (c *BarChart) seriesColour(i int) string {
	if c.colour == nil {
		col, _ := seriesStyle(i, false)
		return col
	}
	k := c.Series[i].Key
	if k == "" {
		k = c.Series[i].Name
	}
	return c.colour(k)
}

// Bar layout, px.
const (
	barHeight   = 14.0
	barGroupPad = 10.0
)

func (c *BarChart) render(id string) (string, error) {
	lo, hi := 0.0, 0.0
	for _, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return "", fmt.Errorf("bar chart %q: series %q has %d values for %d categories", c.Caption, s.Name, len(s.Values), len(c.Categories))
		}
		for _, v := range s.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	var labelW float64
	for _, k := range c.Categories {
		labelW = math.Max(labelW, textWidth(k, plotFont))
	}
	ax := c.X
	ax.Zero = true
	w := size(c.Width, DefaultPlotWidth)
	xs := ax.scaleFor(lo, hi, plotTicks)
	groupH := barHeight*float64(len(c.Series)) + barGroupPad
	area := plotArea{math.Ceil(labelW + 14), plotTop, w - plotRight, plotTop + groupH*float64(len(c.Categories))}
	h := area.y1 + plotBottom

	leg := newLegend(w)
	if len(c.Series) > 1 {
		for i, s := range c.Series {
			col := c.seriesColour(i)
			leg.item(s.Name, func(sw *svgWriter, x, y float64) {
				sw.leaf("rect", "x", num(x+1), "y", num(y-6), "width", num(legendSwatch-2), "height", "12", "fill", col)
			})
		}
	}
	var sw svgWriter
	sw.open(w, h+leg.height(), "Bar chart: "+c.Caption)
	sw.start("g", "font-family", fontStack, "font-size", num(plotFont), "fill", colText)
	drawXAxis(&sw, area, xs, nil, c.X.title())
	x := func(v float64) float64 { return xs.at(math.Max(xs.lo, math.Min(xs.hi, v)), area.x0, area.x1) }
	for k, cat := range c.Categories {
		gy := area.y0 + groupH*float64(k) + barGroupPad/2
		sw.text(area.x0-8, gy+barHeight*float64(len(c.Series))/2+4, cat, "text-anchor", "end")
		for i, s := range c.Series {
			v := s.Values[k]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			col := c.seriesColour(i)
			x0, x1 := x(0), x(v)
			if x1 < x0 {
				x0, x1 = x1, x0
			}
			sw.start("g")
			sw.title(joinNonEmpty(", ", cat, s.Name) + ": " + FormatNumber(v) + unitSuffix(c.X.Unit))
			sw.leaf("rect", "x", num(x0), "y", num(gy+barHeight*float64(i)), "width", num(math.Max(x1-x0, 0.5)),
				"height", num(barHeight-2), "fill", col)
			sw.end("g")
		}
	}
	sw.leaf("path", "d", "M"+num(x(0))+" "+num(area.y0)+"V"+num(area.y1), "stroke", "#555555", "fill", "none")
	sw.end("g")
	leg.draw(&sw, h)
	sw.end("svg")
	return sw.String(), nil
}

// unitSuffix returns " unit", or "" without a unit.
func unitSuffix(u string) string {
	if u == "" {
		return ""
	}
	return " " + u
}
