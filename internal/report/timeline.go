package report

import (
	"fmt"
	"math"
	"sort"
)

// Timeline is a block of horizontal bars on a time axis, one row per
// asset or unit (a Gantt chart): e.g. Patriot coverage of an asset over a
// year, with gaps at each handover.
type Timeline struct {
	Caption string
	Axis    Axis          // the time axis
	Ticks   []Tick        // if set, replace the axis's round ticks (e.g. month starts)
	Rows    []TimelineRow // top to bottom
	// MarkGaps shades the parts of each row's axis range that no span
	// covers.
	MarkGaps bool
	Width    int // px; 0 means DefaultPlotWidth

	colour func(key string) string // the document's colours; nil: palette order
}

// TimelineRow is one labelled row of spans.
type TimelineRow struct {
	Label string
	Spans []Span
}

// Span is one bar [Start, End). Spans of the same Group share a colour
// and a legend entry; Label is written on the bar where it fits. Key names
// the entity whose colour the group takes in every figure of a report (an
// owner); empty means Group.
type Span struct {
	Start, End float64
	Group      string
	Label      string
	Key        string
}

// Timeline layout, px.
const (
	timelineRow = 24.0
	timelineBar = 15.0
)

// colGap shades uncovered time: a neutral grey, apart from every palette
// colour (the entities').
const colGap = "#7a7a7a"

func (t *Timeline) render(id string) (string, error) {
	lo, hi := math.Inf(1), math.Inf(-1)
	groups := map[string]string{}
	var order []string
	var labelW float64
	for _, r := range t.Rows {
		labelW = math.Max(labelW, textWidth(r.Label, plotFont))
		for _, s := range r.Spans {
			if !(s.Start <= s.End) {
				return "", fmt.Errorf("timeline %q: row %q: span [%g, %g) ends before it starts", t.Caption, r.Label, s.Start, s.End)
			}
			lo, hi = math.Min(lo, s.Start), math.Max(hi, s.End)
			if _, ok := groups[s.Group]; !ok {
				groups[s.Group] = palette[len(order)%len(palette)]
				if t.colour != nil {
					k := s.Key
					if k == "" {
						k = s.Group
					}
					groups[s.Group] = t.colour(k)
				}
				order = append(order, s.Group)
			}
		}
	}
	w := size(t.Width, DefaultPlotWidth)
	xs := t.Axis.scaleFor(lo, hi, plotTicks)
	if t.Axis.Min >= t.Axis.Max && len(t.Ticks) > 0 { // explicit ticks: fit the data, not round steps
		lo, hi = widen(lo, hi)
		xs.lo, xs.hi = lo, hi
	}
	area := plotArea{math.Ceil(labelW + 14), plotTop, w - plotRight, plotTop + timelineRow*float64(len(t.Rows))}
	h := area.y1 + plotBottom

	leg := newLegend(w)
	for _, g := range order {
		if g == "" {
			continue
		}
		col := groups[g]
		leg.item(g, func(s *svgWriter, x, y float64) {
			s.leaf("rect", "x", num(x+1), "y", num(y-6), "width", num(legendSwatch-2), "height", "12", "fill", col, "rx", "2")
		})
	}
	if t.MarkGaps {
		leg.item("not covered", func(s *svgWriter, x, y float64) {
			s.leaf("rect", "x", num(x+1), "y", num(y-6), "width", num(legendSwatch-2), "height", "12", "fill", colGap, "fill-opacity", "0.25")
		})
	}
	var sw svgWriter
	sw.open(w, h+leg.height(), "Timeline: "+t.Caption)
	clip := id + "-area"
	sw.start("defs")
	sw.start("clipPath", "id", clip)
	sw.leaf("rect", "x", num(area.x0), "y", num(area.y0), "width", num(area.x1-area.x0), "height", num(area.y1-area.y0))
	sw.end("clipPath")
	sw.end("defs")
	sw.start("g", "font-family", fontStack, "font-size", num(plotFont), "fill", colText)
	drawXAxis(&sw, area, xs, t.Ticks, t.Axis.title())
	sw.start("g", "clip-path", "url(#"+clip+")")
	x := func(v float64) float64 { return xs.at(v, area.x0, area.x1) }
	for i, r := range t.Rows {
		y := area.y0 + timelineRow*float64(i) + (timelineRow-timelineBar)/2
		if t.MarkGaps {
			for _, g := range gaps(r.Spans, xs.lo, xs.hi) {
				sw.start("g")
				sw.title(fmt.Sprintf("%s: not covered from %s to %s %s", r.Label, trimFloat(g[0], 2), trimFloat(g[1], 2), t.Axis.Unit))
				sw.leaf("rect", "x", num(x(g[0])), "y", num(y), "width", num(math.Max(x(g[1])-x(g[0]), 1)), "height", num(timelineBar),
					"fill", colGap, "fill-opacity", "0.25")
				sw.end("g")
			}
		}
		for _, s := range r.Spans {
			x0, x1 := x(s.Start), x(s.End)
			sw.start("g")
			sw.title(joinNonEmpty(": ", r.Label, joinNonEmpty(", ", s.Group, s.Label)) +
				fmt.Sprintf(" [%s, %s) %s", trimFloat(s.Start, 2), trimFloat(s.End, 2), t.Axis.Unit))
			sw.leaf("rect", "x", num(x0), "y", num(y), "width", num(math.Max(x1-x0, 1)), "height", num(timelineBar),
				"fill", groups[s.Group], "rx", "2")
			if s.Label != "" && textWidth(s.Label, 10)+6 < x1-x0 {
				sw.text((x0+x1)/2, y+timelineBar-4, s.Label, "font-size", "10", "fill", "#ffffff", "text-anchor", "middle")
			}
			sw.end("g")
		}
	}
	sw.end("g")
	for i, r := range t.Rows {
		sw.text(area.x0-8, area.y0+timelineRow*float64(i)+timelineRow/2+4, r.Label, "text-anchor", "end")
	}
	sw.leaf("path", "d", "M"+num(area.x0)+" "+num(area.y0)+"V"+num(area.y1), "stroke", "#555555", "fill", "none")
	sw.end("g")
	leg.draw(&sw, h)
	sw.end("svg")
	return sw.String(), nil
}

// gaps returns the parts of [lo, hi] that no span covers.
func gaps(spans []Span, lo, hi float64) [][2]float64 {
	s := append([]Span(nil), spans...)
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	var out [][2]float64
	at := lo
	for _, sp := range s {
		if sp.Start > at {
			out = append(out, [2]float64{at, math.Min(sp.Start, hi)})
		}
		at = math.Max(at, sp.End)
		if at >= hi {
			return out
		}
	}
	if at < hi {
		out = append(out, [2]float64{at, hi})
	}
	return out
}
