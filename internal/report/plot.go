package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Axis describes one axis of a plot.
type Axis struct {
	Label string  // e.g. "Altitude"
	Unit  string  // e.g. "km"; shown in parentheses
	Min   float64 // with Max, a fixed range when Min < Max;
	Max   float64 // otherwise the range is fitted to the data
	Zero  bool    // a fitted range includes zero
}

// title returns "Label (unit)".
func (a Axis) title() string {
	if a.Unit == "" {
		return a.Label
	}
	return a.Label + " (" + a.Unit + ")"
}

// scaleFor returns the axis scale for data spanning [lo, hi].
func (a Axis) scaleFor(lo, hi float64, ticks int) scale {
	if a.Min < a.Max {
		return fixedScale(a.Min, a.Max, ticks)
	}
	if a.Zero {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	return niceScale(lo, hi, ticks)
}

// Series is one line of a LinePlot.
type Series struct {
	Name    string
	Key     string    // the entity the series stands for, to colour it alike in every figure; empty: palette order
	X, Y    []float64 // the same length; a NaN breaks the line
	Dashed  bool
	Markers bool // mark each point
	Step    bool // hold each value until the next X (a step function)
}

// LinePlot is a block with one or more series against shared axes, e.g.
// altitude against time per track or surviving warheads against
// interceptors per doctrine.
type LinePlot struct {
	Caption       string
	X, Y          Axis
	Series        []Series
	Width, Height int // px; 0 means DefaultPlotWidth × DefaultPlotHeight

	colour func(key string) string // the document's colours
}

// style is series i's colour and dash: its entity's colour when it has a
// Key, else the palette's in order.
func (p *LinePlot) style(i int) (col, dash string) {
	col, dash = seriesStyle(i, p.Series[i].Dashed)
	if k := p.Series[i].Key; k != "" && p.colour != nil {
		col = p.colour(k)
	}
	return col, dash
}

// mergeIdentical joins series that draw the same line into one, named
// "A = B", so that no line hides under another.
func mergeIdentical(series []Series) []Series {
	var out []Series
	for _, s := range series {
		dup := false
		for i := range out {
			if slices.Equal(out[i].X, s.X) && slices.Equal(out[i].Y, s.Y) && out[i].Step == s.Step {
				out[i].Name += " = " + s.Name
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// flatPixel is the fraction of a plot's height below which a line is
// flat: less than one pixel of a default plot's drawing area.
const flatPixel = 1.0 / 300

// flat reports whether every series is a flat line at one level: its
// values span less than a pixel of the plot's height (of the fixed axis
// range, or of the values' magnitude). Such a figure tells the reader
// nothing a sentence does not.
func (p *LinePlot) flat() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range p.Series {
		if len(s.X) != len(s.Y) {
			return 0, 0, false // render reports it
		}
		for _, y := range s.Y {
			if !math.IsNaN(y) && !math.IsInf(y, 0) {
				lo, hi = math.Min(lo, y), math.Max(hi, y)
			}
		}
	}
	if lo > hi {
		return 0, 0, false
	}
	span := math.Max(math.Abs(lo), math.Abs(hi))
	if p.Y.Min < p.Y.Max {
		span = p.Y.Max - p.Y.Min
	}
	return lo, hi, hi-lo <= flatPixel*span
}

// Default plot size, px.
const (
	DefaultPlotWidth  = 720
	DefaultPlotHeight = 340
)

// Plot layout, px.
const (
	plotTop      = 14.0
	plotRight    = 24.0
	plotBottom   = 44.0 // tick labels and the x-axis title
	plotTickLen  = 5.0
	plotFont     = 11.0
	plotAxisFont = 12.0
	plotTicks    = 7 // about this many ticks on an axis
)

// plotArea is the data rectangle of a plot, px.
type plotArea struct{ x0, y0, x1, y1 float64 }

// render draws the plot; id prefixes its element ids.
func (p *LinePlot) render(id string) (string, error) {
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range p.Series {
		if len(s.X) != len(s.Y) {
			return "", fmt.Errorf("plot %q: series %q has %d x and %d y values", p.Caption, s.Name, len(s.X), len(s.Y))
		}
		for i := range s.X {
			if math.IsNaN(s.X[i]) || math.IsNaN(s.Y[i]) || math.IsInf(s.X[i], 0) || math.IsInf(s.Y[i], 0) {
				continue
			}
			xlo, xhi = math.Min(xlo, s.X[i]), math.Max(xhi, s.X[i])
			ylo, yhi = math.Min(ylo, s.Y[i]), math.Max(yhi, s.Y[i])
		}
	}
	w, h := size(p.Width, DefaultPlotWidth), size(p.Height, DefaultPlotHeight)
	xs, ys := p.X.scaleFor(xlo, xhi, plotTicks), p.Y.scaleFor(ylo, yhi, plotTicks)
	area := plotArea{yAxisWidth(ys), plotTop, w - plotRight, h - plotBottom}

	leg := newLegend(w)
	for i, s := range p.Series {
		col, dash := p.style(i)
		markers := s.Markers
		leg.item(s.Name, func(sw *svgWriter, x, y float64) {
			sw.leaf("path", "d", "M"+num(x)+" "+num(y)+"h"+num(legendSwatch), "stroke", col, "stroke-width", "2", "stroke-dasharray", dash)
			if markers {
				sw.leaf("circle", "cx", num(x+legendSwatch/2), "cy", num(y), "r", "2.5", "fill", col)
			}
		})
	}
	var sw svgWriter
	sw.open(w, h+leg.height(), "Plot: "+p.Caption)
	clip := id + "-area"
	sw.start("defs")
	sw.start("clipPath", "id", clip)
	sw.leaf("rect", "x", num(area.x0), "y", num(area.y0-2), "width", num(area.x1-area.x0), "height", num(area.y1-area.y0+4))
	sw.end("clipPath")
	sw.end("defs")
	sw.start("g", "font-family", fontStack, "font-size", num(plotFont), "fill", colText)
	drawYAxis(&sw, area, ys, p.Y.title())
	drawXAxis(&sw, area, xs, nil, p.X.title())
	sw.start("g", "clip-path", "url(#"+clip+")")
	for i, s := range p.Series {
		col, dash := p.style(i)
		var runs [][]XY
		var cur []XY
		for j := range s.X {
			if math.IsNaN(s.X[j]) || math.IsNaN(s.Y[j]) || math.IsInf(s.X[j], 0) || math.IsInf(s.Y[j], 0) {
				if len(cur) > 0 {
					runs, cur = append(runs, cur), nil
				}
				continue
			}
			q := XY{xs.at(s.X[j], area.x0, area.x1), ys.at(s.Y[j], area.y1, area.y0)}
			if s.Step && len(cur) > 0 {
				cur = append(cur, XY{q.X, cur[len(cur)-1].Y})
			}
			cur = append(cur, q)
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		sw.start("g")
		sw.title(s.Name)
		drawPath(&sw, runs, false, "fill", "none", "stroke", col, "stroke-width", "1.8", "stroke-dasharray", dash,
			"stroke-linejoin", "round", "stroke-linecap", "round")
		if s.Markers || (len(runs) > 0 && len(runs[0]) == 1) {
			for _, r := range runs {
				for _, q := range r {
					sw.leaf("circle", "cx", num(q.X), "cy", num(q.Y), "r", "2.5", "fill", col)
				}
			}
		}
		sw.end("g")
	}
	sw.end("g")
	sw.end("g")
	leg.draw(&sw, h)
	sw.end("svg")
	return sw.String(), nil
}

// seriesStyle returns the colour and dash pattern of series i: palette
// colours in order, dashed on the second pass through the palette.
func seriesStyle(i int, dashed bool) (col, dash string) {
	col = palette[i%len(palette)]
	if dashed || (i/len(palette))%2 == 1 {
		dash = "6 3"
	}
	return col, dash
}

func size(v, def int) float64 {
	if v <= 0 {
		return float64(def)
	}
	return float64(v)
}

// yAxisWidth returns the left margin that holds the y tick labels and the
// rotated axis title.
func yAxisWidth(ys scale) float64 {
	var w float64
	for _, t := range ys.ticks {
		w = math.Max(w, textWidth(ys.label(t), plotFont))
	}
	return math.Ceil(w + plotTickLen + 6 + plotAxisFont + 10)
}

// drawYAxis draws the y axis, its grid lines, tick labels and title.
func drawYAxis(s *svgWriter, a plotArea, ys scale, title string) {
	var grid, ticks strings.Builder
	for _, t := range ys.ticks {
		y := round1(ys.at(t, a.y1, a.y0))
		fmt.Fprintf(&grid, "M%s %sH%s", num(a.x0), num(y), num(a.x1))
		fmt.Fprintf(&ticks, "M%s %sh%s", num(a.x0-plotTickLen), num(y), num(plotTickLen))
		s.text(a.x0-plotTickLen-3, y+4, ys.label(t), "text-anchor", "end")
	}
	s.leaf("path", "d", grid.String(), "stroke", "#e3e3e3", "stroke-width", "1", "fill", "none")
	s.leaf("path", "d", ticks.String()+"M"+num(a.x0)+" "+num(a.y0)+"V"+num(a.y1), "stroke", "#555555", "stroke-width", "1", "fill", "none")
	cy := (a.y0 + a.y1) / 2
	s.text(14, cy, title, "text-anchor", "middle", "font-size", num(plotAxisFont), "transform", "rotate(-90 14 "+num(cy)+")")
}

// Tick is an explicitly placed, labelled tick.
type Tick struct {
	At    float64
	Label string
}

// drawXAxis draws the x axis with round ticks, or the given ones.
func drawXAxis(s *svgWriter, a plotArea, xs scale, explicit []Tick, title string) {
	ticks := explicit
	if ticks == nil {
		for _, t := range xs.ticks {
			ticks = append(ticks, Tick{t, xs.label(t)})
		}
	}
	var grid, marks strings.Builder
	for _, t := range ticks {
		if t.At < xs.lo || t.At > xs.hi {
			continue
		}
		x := round1(xs.at(t.At, a.x0, a.x1))
		fmt.Fprintf(&grid, "M%s %sV%s", num(x), num(a.y0), num(a.y1))
		fmt.Fprintf(&marks, "M%s %sv%s", num(x), num(a.y1), num(plotTickLen))
		s.text(x, a.y1+plotTickLen+12, t.Label, "text-anchor", "middle")
	}
	s.leaf("path", "d", grid.String(), "stroke", "#e3e3e3", "stroke-width", "1", "fill", "none")
	s.leaf("path", "d", marks.String()+"M"+num(a.x0)+" "+num(a.y1)+"H"+num(a.x1), "stroke", "#555555", "stroke-width", "1", "fill", "none")
	s.text((a.x0+a.x1)/2, a.y1+plotBottom-6, title, "text-anchor", "middle", "font-size", num(plotAxisFont))
}
