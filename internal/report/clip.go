package report

import "math"

// viewCap is the spherical cap inside which a map projects its geometry:
// every point within angle r of the centre c. Rings and lines are cut to
// it before projection, so that no edge reaches a projection's cut line or
// singular point (the antipode of an azimuthal map's centre).
type viewCap struct {
	c, east, north vec3 // centre and the local frame for azimuths
	r, cosR, sinR  float64
}

func newViewCap(centre LatLon, r float64) viewCap {
	c := unit(centre)
	e := vec3{0, 0, 1}.cross(c)
	if e.norm() < 1e-12 { // a pole: any east will do
		e = vec3{0, 1, 0}
	}
	e = e.normalize()
	return viewCap{c: c, east: e, north: c.cross(e), r: r, cosR: math.Cos(r), sinR: math.Sin(r)}
}

func (k viewCap) inside(p vec3) bool { return p.dot(k.c) >= k.cosR }

// overlaps reports whether the bounding cap b may meet the view cap.
func (k viewCap) overlaps(b bcap) bool { return angle(k.c, b.c)-b.r <= k.r }

// azimuth of p seen from the centre, radians clockwise from north.
func (k viewCap) azimuth(p vec3) float64 { return math.Atan2(p.dot(k.east), p.dot(k.north)) }

// boundary returns the point of the cap's edge at azimuth az.
func (k viewCap) boundary(az float64) vec3 {
	s, c := math.Sincos(az)
	return k.c.scale(k.cosR).add(k.north.scale(k.sinR * c)).add(k.east.scale(k.sinR * s))
}

// crossing returns where the chord a→b meets the cap's edge (one of a, b
// inside, the other outside). Edges are short, so the chord stands for the
// arc.
func (k viewCap) crossing(a, b vec3) vec3 {
	da, db := a.dot(k.c)-k.cosR, b.dot(k.c)-k.cosR
	return a.add(b.sub(a).scale(da / (da - db))).normalize()
}

// capArcStep is the spacing of the points put along the cap's edge where a
// ring is cut: fine enough that the edge, which lies outside the view,
// never cuts a chord across it.
const capArcStep = 2 * deg

// clipRing cuts a closed ring to the cap (Sutherland–Hodgman against the
// plane of the cap's edge). Where the ring leaves the cap, the part
// outside is replaced by the cap's edge, turning through the same net
// azimuth as the part it replaces: the ring's inside is taken to be the
// side away from the antipode of the centre. A ring wholly outside the
// cap gives nil.
func (k viewCap) clipRing(ring []vec3) []vec3 {
	n := len(ring)
	if n > 1 && ring[0] == ring[n-1] {
		n--
	}
	start := -1
	for i := range n {
		if k.inside(ring[i]) {
			start = i
			break
		}
	}
	if start < 0 || n < 3 {
		return nil
	}
	out := []vec3{ring[start]}
	var exitAz, turn, prevAz float64
	for i := range n {
		a, b := ring[(start+i)%n], ring[(start+i+1)%n]
		ina, inb := k.inside(a), k.inside(b)
		switch {
		case ina && inb:
			out = append(out, b)
		case ina:
			x := k.crossing(a, b)
			out = append(out, x)
			exitAz = k.azimuth(x)
			prevAz, turn = exitAz, 0
			az := k.azimuth(b)
			turn += wrapPi(az - prevAz)
			prevAz = az
		case !inb:
			az := k.azimuth(b)
			turn += wrapPi(az - prevAz)
			prevAz = az
		default:
			x := k.crossing(a, b)
			turn += wrapPi(k.azimuth(x) - prevAz)
			steps := int(math.Abs(turn) / capArcStep)
			for j := 1; j <= steps; j++ {
				out = append(out, k.boundary(exitAz+turn*float64(j)/float64(steps+1)))
			}
			out = append(out, x, b)
		}
	}
	return out
}

// clipLine cuts a polyline to the cap, returning the runs inside it.
func (k viewCap) clipLine(line []vec3) [][]vec3 {
	var runs [][]vec3
	var cur []vec3
	for i, p := range line {
		in := k.inside(p)
		if i == 0 {
			if in {
				cur = []vec3{p}
			}
			continue
		}
		q := line[i-1]
		inq := k.inside(q)
		switch {
		case in && inq:
			cur = append(cur, p)
		case in:
			cur = []vec3{k.crossing(q, p), p}
		case inq:
			cur = append(cur, k.crossing(q, p))
			runs = append(runs, cur)
			cur = nil
		}
	}
	if len(cur) > 1 {
		runs = append(runs, cur)
	}
	return runs
}

// rect is an axis-aligned rectangle in pixels.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) contains(p XY) bool { return p.X >= r.x0 && p.X <= r.x1 && p.Y >= r.y0 && p.Y <= r.y1 }

// grow returns r enlarged by d on every side.
func (r rect) grow(d float64) rect { return rect{r.x0 - d, r.y0 - d, r.x1 + d, r.y1 + d} }

// clipPolygon cuts a closed polygon to r (Sutherland–Hodgman). Parts of
// the result may run along r's edges; callers grow r so those lie outside
// the visible frame.
func (r rect) clipPolygon(pts []XY) []XY {
	if len(pts) > 1 && pts[0] == pts[len(pts)-1] {
		pts = pts[:len(pts)-1]
	}
	type edge struct {
		in  func(XY) bool
		cut func(a, b XY) XY
	}
	atX := func(x float64) func(a, b XY) XY {
		return func(a, b XY) XY { return XY{x, a.Y + (b.Y-a.Y)*(x-a.X)/(b.X-a.X)} }
	}
	atY := func(y float64) func(a, b XY) XY {
		return func(a, b XY) XY { return XY{a.X + (b.X-a.X)*(y-a.Y)/(b.Y-a.Y), y} }
	}
	edges := [4]edge{
		{func(p XY) bool { return p.X >= r.x0 }, atX(r.x0)},
		{func(p XY) bool { return p.X <= r.x1 }, atX(r.x1)},
		{func(p XY) bool { return p.Y >= r.y0 }, atY(r.y0)},
		{func(p XY) bool { return p.Y <= r.y1 }, atY(r.y1)},
	}
	for _, e := range edges {
		if len(pts) == 0 {
			return nil
		}
		var out []XY
		prev := pts[len(pts)-1]
		for _, p := range pts {
			switch inP, inPrev := e.in(p), e.in(prev); {
			case inP && inPrev:
				out = append(out, p)
			case inP:
				out = append(out, e.cut(prev, p), p)
			case inPrev:
				out = append(out, e.cut(prev, p))
			}
			prev = p
		}
		pts = out
	}
	return dedupe(pts)
}

// dedupe drops points equal to the one before (cyclically).
func dedupe(pts []XY) []XY {
	var out []XY
	for i, p := range pts {
		if i > 0 && p == out[len(out)-1] {
			continue
		}
		out = append(out, p)
	}
	for len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// clipLine cuts a polyline to r (Liang–Barsky on each segment), returning
// the runs inside it.
func (r rect) clipLine(pts []XY) [][]XY {
	var runs [][]XY
	var cur []XY
	for i := 1; i < len(pts); i++ {
		a, b, ok := r.clipSegment(pts[i-1], pts[i])
		if !ok {
			if len(cur) > 1 {
				runs = append(runs, cur)
			}
			cur = nil
			continue
		}
		if len(cur) == 0 || cur[len(cur)-1] != a {
			if len(cur) > 1 {
				runs = append(runs, cur)
			}
			cur = []XY{a}
		}
		cur = append(cur, b)
	}
	if len(cur) > 1 {
		runs = append(runs, cur)
	}
	return runs
}

// clipSegment returns the part of a→b inside r (Liang–Barsky).
func (r rect) clipSegment(a, b XY) (XY, XY, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, c := range [4][2]float64{
		{-dx, a.X - r.x0}, {dx, r.x1 - a.X}, {-dy, a.Y - r.y0}, {dy, r.y1 - a.Y},
	} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return a, b, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return a, b, false
		}
	}
	return XY{a.X + t0*dx, a.Y + t0*dy}, XY{a.X + t1*dx, a.Y + t1*dy}, true
}
