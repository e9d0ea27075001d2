package report

import (
	"unicode/utf8"

	"github.com/rampart-sim/rampart/internal/scene"
)

// textWidth estimates the width of s set at size px in a sans-serif face:
// 0.56 em a character is the mean advance of Helvetica-like faces on
// mixed-case text.
func textWidth(s string, size float64) float64 {
	return 0.56 * size * float64(utf8.RuneCountInString(s))
}

// legend lays out swatches and their labels in rows below a figure.
type legend struct {
	width float64
	items []legendItem
}

type legendItem struct {
	label string
	draw  func(s *svgWriter, x, y float64) // swatch in a 22×12 box with its left-middle at (x, y)
}

// Legend layout, px.
const (
	legendPad    = 10.0
	legendRow    = 18.0
	legendSwatch = 22.0
	legendFont   = 11.0
)

func newLegend(width float64) *legend { return &legend{width: width} }

func (l *legend) item(label string, draw func(s *svgWriter, x, y float64)) {
	l.items = append(l.items, legendItem{label, draw})
}

// rows returns the items' positions: x offsets and row numbers.
func (l *legend) layout() (xs []float64, rows []int, n int) {
	x, row := legendPad, 0
	for _, it := range l.items {
		w := legendSwatch + 5 + textWidth(it.label, legendFont) + 16
		if x+w > l.width-legendPad && x > legendPad {
			x, row = legendPad, row+1
		}
		xs, rows = append(xs, x), append(rows, row)
		x += w
	}
	if len(l.items) == 0 {
		return nil, nil, 0
	}
	return xs, rows, row + 1
}

// height returns the legend's height, px (0 if empty).
func (l *legend) height() float64 {
	_, _, n := l.layout()
	if n == 0 {
		return 0
	}
	return float64(n)*legendRow + 2*legendPad - 4
}

// draw writes the legend with its top at y.
func (l *legend) draw(s *svgWriter, y float64) {
	xs, rows, n := l.layout()
	if n == 0 {
		return
	}
	s.start("g", "font-family", fontStack, "font-size", num(legendFont), "fill", colText)
	for i, it := range l.items {
		cy := y + legendPad + legendRow*float64(rows[i]) + legendRow/2 - 2
		it.draw(s, xs[i], cy)
		s.text(xs[i]+legendSwatch+5, cy+4, it.label)
	}
	s.end("g")
}

// add puts in the map legend the owners and the kinds of the scene's
// features, those present only.
func (l *legend) add(sc *scene.Scene, colours map[string]string, owners []string) {
	for _, o := range owners {
		col := colours[o]
		l.item(o, func(s *svgWriter, x, y float64) {
			s.leaf("rect", "x", num(x+3), "y", num(y-6), "width", "16", "height", "12", "fill", col, "rx", "2")
		})
	}
	has := map[string]bool{}
	for _, x := range sc.Sites {
		has["site:"+x.Kind] = true
	}
	for _, x := range sc.Tracks {
		has["track:"+x.Kind] = true
	}
	for _, x := range sc.Areas {
		has["area:"+x.Kind] = true
	}
	for _, x := range sc.Intercepts {
		has["outcome:"+x.Outcome] = true
	}
	for _, k := range siteKinds {
		if has["site:"+k.kind] {
			kind := k.kind
			l.item(k.label, func(s *svgWriter, x, y float64) { siteMarker(s, kind, x+11, y, noOwnerColour) })
		}
	}
	for _, k := range trackKinds {
		if has["track:"+k.kind] {
			w, dash := trackStyle(k.kind)
			l.item(k.label, func(s *svgWriter, x, y float64) {
				s.leaf("path", "d", "M"+num(x)+" "+num(y)+"h"+num(legendSwatch), "stroke", noOwnerColour,
					"stroke-width", w, "stroke-dasharray", dash, "fill", "none")
			})
		}
	}
	for _, k := range areaKinds {
		if has["area:"+k.kind] {
			dash, op := areaStyle(k.kind)
			l.item(k.label, func(s *svgWriter, x, y float64) {
				s.leaf("rect", "x", num(x+1), "y", num(y-6), "width", num(legendSwatch-2), "height", "12",
					"fill", noOwnerColour, "fill-opacity", op, "stroke", noOwnerColour, "stroke-width", "1.3", "stroke-dasharray", dash)
			})
		}
	}
	for _, x := range sc.Areas {
		if x.Claim != "" {
			l.item("disputed claim", func(s *svgWriter, x, y float64) {
				s.leaf("path", "d", "M"+num(x)+" "+num(y)+"h"+num(legendSwatch), "stroke", noOwnerColour,
					"stroke-width", "1.3", "stroke-dasharray", claimDash, "fill", "none")
			})
			break
		}
	}
	for _, o := range scene.Outcomes {
		if has["outcome:"+o] {
			filled := scene.Intercept{Outcome: o}.Filled()
			l.item("intercept: "+scene.OutcomeLabel(o), func(s *svgWriter, x, y float64) { interceptMarker(s, filled, x+11, y) })
		}
	}
}
