package report

import (
	"math"
	"strings"
)

// Map labels are placed by a greedy rule (Imhof's cartographic order, as in
// most automatic labelling): the most important features first, each label
// at the first free candidate position around its feature, nearest first;
// where none is free, further out with a leader line back to the feature.
// A label that must appear (a defense site, an asset, a launch area) takes
// the candidate that overlaps least when no candidate is free; the others
// (places, country names) are left out instead. Every placed label's box
// is reserved, so no two placed labels overprint.

// labelStyle is how a label is set.
type labelStyle int

const (
	siteLabel    labelStyle = iota // a marker's name, 11 px
	areaLabel                      // a ring's name, 10 px italic, in its colour
	countryLabel                   // a country name, 9 px grey capitals
)

// mapLabel is a placed label.
type mapLabel struct {
	x, y   float64 // text anchor point
	anchor string  // SVG text-anchor
	text   string
	style  labelStyle
	colour string
	leader []XY // from the label to its feature, if displaced
}

// placer keeps labels from overlapping each other and the markers.
type placer struct {
	frame  rect
	boxes  []rect
	labels []mapLabel
}

func newPlacer(frame rect) *placer { return &placer{frame: frame} }

// reserve keeps r free of labels (a marker, a fixed label).
func (pl *placer) reserve(r rect) { pl.boxes = append(pl.boxes, r) }

// candidate is one position for a label: its text anchor, box and the
// point of the feature a leader line would join.
type candidate struct {
	x, y   float64
	anchor string
	box    rect
	leader []XY
}

// labelBox is the box of text set at size with its anchor at (x, y).
func labelBox(x, y float64, text string, size float64, anchor string) rect {
	w := textWidth(text, size)
	x0 := x
	switch anchor {
	case "middle":
		x0 = x - w/2
	case "end":
		x0 = x - w
	}
	return rect{x0 - 1, y - size*0.85, x0 + w + 1, y + size*0.3}
}

// leaderSteps are the extra distances, px, at which a label is tried with
// a leader line when no position next to its feature is free.
var leaderSteps = []float64{13, 26, 39, 52, 65, 78}

// around returns the candidates around a point marker at (x, y), gap px
// from it: right, left, above, below, then the diagonals; then the same
// directions further out with a leader line.
func around(x, y float64, text string, size, gap float64) []candidate {
	type dir struct{ dx, dy float64 }
	dirs := []dir{{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}}
	var out []candidate
	for step, extra := range append([]float64{0}, leaderSteps...) {
		for _, d := range dirs {
			g := gap + extra
			if d.dx != 0 && d.dy != 0 {
				g *= math.Sqrt2 / 2
			}
			ax, ay := x+d.dx*g, y+d.dy*g
			anchor := "middle"
			switch {
			case d.dx > 0:
				anchor = "start"
			case d.dx < 0:
				anchor = "end"
			}
			// Text sits on its baseline: centre it on ay, or put it
			// above or below the point.
			ty := ay + size*0.35
			if d.dx == 0 && d.dy < 0 || d.dx != 0 && d.dy < 0 {
				ty = ay - 1
			} else if d.dy > 0 {
				ty = ay + size*0.85 + 1
			}
			c := candidate{x: ax, y: ty, anchor: anchor, box: labelBox(ax, ty, text, size, anchor)}
			if step > 0 {
				c.leader = []XY{{ax, ay}, {x + d.dx*3, y + d.dy*3}}
			}
			out = append(out, c)
		}
	}
	return out
}

// place puts a label at the first free candidate. If none is free and
// force is set, it takes the candidate that overlaps least; otherwise the
// label is left out and place returns false.
func (pl *placer) place(cands []candidate, text string, style labelStyle, colour string, force bool) bool {
	best, bestOverlap := -1, math.Inf(1)
	for i, c := range cands {
		if !pl.inside(c.box) {
			continue
		}
		o := pl.overlap(c.box)
		if o == 0 {
			best = i
			break
		}
		if o < bestOverlap {
			best, bestOverlap = i, o
		}
	}
	if best < 0 || (bestOverlap > 0 && !force && pl.overlap(cands[best].box) > 0) {
		return false
	}
	c := cands[best]
	pl.boxes = append(pl.boxes, c.box)
	pl.labels = append(pl.labels, mapLabel{x: c.x, y: c.y, anchor: c.anchor, text: text, style: style, colour: colour, leader: c.leader})
	return true
}

func (pl *placer) inside(b rect) bool {
	return b.x0 >= pl.frame.x0 && b.y0 >= pl.frame.y0 && b.x1 <= pl.frame.x1 && b.y1 <= pl.frame.y1
}

// overlap is the area of b that reserved boxes cover, px².
func (pl *placer) overlap(b rect) float64 {
	sum := 0.0
	for _, r := range pl.boxes {
		w := math.Min(b.x1, r.x1) - math.Max(b.x0, r.x0)
		h := math.Min(b.y1, r.y1) - math.Max(b.y0, r.y0)
		if w > 0 && h > 0 {
			sum += w * h
		}
	}
	return sum
}

// draw writes the placed labels, leader lines first.
func (pl *placer) draw(s *svgWriter) {
	for _, l := range pl.labels {
		if len(l.leader) == 2 {
			s.leaf("line", "x1", num(l.leader[0].X), "y1", num(l.leader[0].Y), "x2", num(l.leader[1].X), "y2", num(l.leader[1].Y),
				"stroke", "#666666", "stroke-width", "0.8")
		}
	}
	for _, l := range pl.labels {
		switch l.style {
		case siteLabel:
			s.text(l.x, l.y, l.text, "fill", colText, "text-anchor", l.anchor,
				"stroke", "#ffffff", "stroke-width", "3", "paint-order", "stroke", "stroke-linejoin", "round")
		case areaLabel:
			s.text(l.x, l.y, l.text, "font-size", "10", "font-style", "italic", "fill", l.colour, "text-anchor", l.anchor,
				"stroke", "#ffffff", "stroke-width", "2.5", "paint-order", "stroke")
		case countryLabel:
			s.text(l.x, l.y, strings.ToUpper(l.text), "font-size", "9", "letter-spacing", "0.6", "fill", "#8a8a80", "text-anchor", l.anchor)
		}
	}
}
