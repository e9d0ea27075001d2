package report

import (
	"html"
	"math"
	"strings"
)

// svgWriter builds an SVG fragment. Every attribute value and text is
// escaped with the five XML predefined entities, so the fragment is
// well-formed XML as well as valid HTML.
type svgWriter struct {
	b strings.Builder
}

// svgNS is the SVG namespace name. It is an identifier, not a link: the
// page fetches nothing.
const svgNS = "http://www.w3.org/2000/svg"

// open starts the root element of a w×h figure.
func (s *svgWriter) open(w, h float64, label string) {
	s.start("svg", "xmlns", svgNS, "width", num(w), "height", num(h),
		"viewBox", "0 0 "+num(w)+" "+num(h), "role", "img", "aria-label", label)
}

// start opens an element with attribute name, value pairs.
func (s *svgWriter) start(tag string, attrs ...string) {
	s.b.WriteByte('<')
	s.b.WriteString(tag)
	s.attrs(attrs)
	s.b.WriteString(">")
}

// end closes an element.
func (s *svgWriter) end(tag string) {
	s.b.WriteString("</" + tag + ">\n")
}

// leaf writes an empty element.
func (s *svgWriter) leaf(tag string, attrs ...string) {
	s.b.WriteByte('<')
	s.b.WriteString(tag)
	s.attrs(attrs)
	s.b.WriteString("/>\n")
}

// text writes a text element holding t.
func (s *svgWriter) text(x, y float64, t string, attrs ...string) {
	s.start("text", append([]string{"x", num(x), "y", num(y)}, attrs...)...)
	s.b.WriteString(html.EscapeString(t))
	s.b.WriteString("</text>\n")
}

// title writes a tooltip for the enclosing element.
func (s *svgWriter) title(t string) {
	s.b.WriteString("<title>" + html.EscapeString(t) + "</title>")
}

func (s *svgWriter) attrs(attrs []string) {
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" && attrs[i] != "d" {
			continue
		}
		s.b.WriteString(" " + attrs[i] + `="` + html.EscapeString(attrs[i+1]) + `"`)
	}
}

func (s *svgWriter) String() string { return s.b.String() }

// num formats a pixel coordinate to 0.1 px, from the pixel grid so that a
// value a last bit either side of a tenth prints the same on every CPU.
func num(v float64) string { return trimFloat(snapPx(v), 1) }

// simplifyPx is the Douglas–Peucker tolerance of drawn lines: a point
// within 0.35 px of the chord it would be dropped from changes nothing
// visible.
const simplifyPx = 0.35

// minExtentPx is the smallest ring or line drawn: a speck under a pixel
// across (an islet at world scale) is left out.
const minExtentPx = 1.0

// pathData writes polylines (and polygons, when closed) as SVG path data,
// with coordinates rounded to 0.1 px and relative moves to keep it short,
// each line simplified by thin.
func pathData(b *strings.Builder, lines [][]XY, closed bool) {
	for _, l := range lines {
		l = thin(l)
		if len(l) < 2 || (closed && len(l) < 3) {
			continue
		}
		x, y := round1(l[0].X), round1(l[0].Y)
		b.WriteString("M" + trimFloat(x, 1) + " " + trimFloat(y, 1) + "l")
		for i, p := range l[1:] {
			px, py := round1(p.X), round1(p.Y)
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(trimFloat(px-x, 1) + " " + trimFloat(py-y, 1))
			x, y = px, py
		}
		if closed {
			b.WriteByte('z')
		}
	}
}

func round1(v float64) float64 { return math.Round(snapPx(v)*10) / 10 }

// thin simplifies a line (Ramer 1972; Douglas and Peucker 1973) to
// within simplifyPx, keeping both ends; nil if it spans under
// minExtentPx.
func thin(l []XY) []XY {
	if len(l) < 2 {
		return l
	}
	lo, hi := l[0], l[0]
	for _, p := range l {
		lo = XY{math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)}
		hi = XY{math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)}
	}
	if hi.X-lo.X < minExtentPx && hi.Y-lo.Y < minExtentPx {
		return nil
	}
	keep := make([]bool, len(l))
	keep[0], keep[len(l)-1] = true, true
	stack := [][2]int{{0, len(l) - 1}}
	for len(stack) > 0 {
		ab := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		a, b := l[ab[0]], l[ab[1]]
		worst, at := 0.0, -1
		for i := ab[0] + 1; i < ab[1]; i++ {
			// Distances on the pixel grid: near-ties between points go
			// to the first on every CPU, not to last-bit noise.
			if d := snapPx(segmentDistance(l[i], a, b)); d > worst {
				worst, at = d, i
			}
		}
		if at >= 0 && worst > simplifyPx {
			keep[at] = true
			stack = append(stack, [2]int{ab[0], at}, [2]int{at, ab[1]})
		}
	}
	out := make([]XY, 0, len(l)/4+2)
	for i, p := range l {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// segmentDistance returns the distance from p to the segment a–b.
func segmentDistance(p, a, b XY) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p.X-a.X, p.Y-a.Y)
	}
	t := math.Max(0, math.Min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}
