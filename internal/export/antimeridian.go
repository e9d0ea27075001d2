package export

import (
	"math"
	"sort"

	"github.com/rampart-sim/rampart/internal/scene"
)

// Cutting at the antimeridian (RFC 7946 §3.1.9). Longitudes are unwrapped
// to be continuous along a line or ring, so that x may leave [−180, 180];
// the plane is cut into strips (−180 + 360k, 180 + 360k], and each strip's
// part is shifted by −360k back into (−180, 180]. Edges are straight in
// longitude and latitude (§3.1.1), so cut points are linear interpolations.
// A point exactly on a strip's boundary belongs to the strip on its west,
// as a longitude of 180 belongs to (−180, 180].

// stripOf is the k of the strip (−180 + 360k, 180 + 360k] that holds x.
func stripOf(x float64) int { return int(math.Ceil((x - 180) / 360)) }

// shifted is v moved from strip k into strip 0.
func shifted(v vertex, k int) vertex { v.x -= 360 * float64(k); return v }

// crossing is where the segment a–b meets the meridian x (a.x ≠ b.x): an
// end exactly, when it is on the meridian.
func crossing(a, b vertex, x float64) vertex {
	switch x {
	case a.x:
		return a
	case b.x:
		return b
	}
	f := (x - a.x) / (b.x - a.x)
	return vertex{x, a.y + f*(b.y-a.y), a.z + f*(b.z-a.z)}
}

// splitTrack cuts a track at the antimeridian: one part if it does not
// cross it, more if it does.
func splitTrack(points []scene.Sample) [][]vertex {
	u := make([]vertex, len(points))
	for i, p := range points {
		x := p.LonDeg
		if i > 0 {
			x = u[i-1].x + scene.LonStep(points[i-1].LonDeg, p.LonDeg)
		}
		u[i] = vertex{x, p.LatDeg, p.AltM}
	}
	k := stripOf(u[0].x)
	parts := [][]vertex{}
	cur := []vertex{shifted(u[0], k)}
	for i := 1; i < len(u); i++ {
		a, b := u[i-1], u[i]
		for kb := stripOf(b.x); k != kb; {
			next, edge := k+1, 180+360*float64(k)
			if kb < k {
				next, edge = k-1, -180+360*float64(k)
			}
			c := crossing(a, b, edge)
			parts = append(parts, append(cur, shifted(c, k)))
			cur = []vertex{shifted(c, next)}
			k = next
		}
		cur = append(cur, shifted(b, k))
	}
	return append(parts, cur)
}

// splitArea cuts an area's ring at the antimeridian into polygons of
// strip 0, each an open ring (the closing vertex not repeated). A ring
// around a pole (scene.PoleWinding ±1) is first started on the
// antimeridian and closed along it and the pole's parallel, on the ring's
// left (the North Pole's for an eastward ring): one polygon, not two that
// share an edge.
func splitArea(a scene.Area) [][]vertex {
	ring := a.Ring
	w := scene.PoleWinding(ring)
	if w != 0 {
		ring = fromAntimeridian(ring, w)
	}
	u := unwrapped(ring, 0)
	poly := u[:len(u)-1]
	if w != 0 {
		pole := 90.0 * float64(w)
		first, last := u[0], u[len(u)-1]
		poly = append(u[:len(u):len(u)], vertex{last.x, pole, 0}, vertex{first.x, pole, 0})
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range poly {
		lo, hi = math.Min(lo, v.x), math.Max(hi, v.x)
	}
	var out [][]vertex
	for k := stripOf(lo); k <= stripOf(hi); k++ {
		west, east := -180+360*float64(k), 180+360*float64(k)
		for _, p := range clip(poly, west, func(v vertex) bool { return v.x > west }) {
			for _, q := range clip(p, east, func(v vertex) bool { return v.x <= east }) {
				for i := range q {
					q[i] = shifted(q[i], k)
				}
				out = append(out, q)
			}
		}
	}
	return out
}

// fromAntimeridian is a closed ring that winds around a pole (w = ±1),
// started and ended where it first crosses the antimeridian, at longitude
// −180 for an eastward ring (w = +1) and 180 for a westward one, so that
// it unwraps to run from one side of strip 0 to the other.
func fromAntimeridian(ring [][2]float64, w int) [][2]float64 {
	start := 180.0 * float64(-w)
	for i := 0; i+1 < len(ring); i++ {
		x0 := ring[i][1]
		if x0 == -180 {
			x0 = 180 // the same meridian, in strip 0
		}
		x1 := x0 + scene.LonStep(ring[i][1], ring[i+1][1])
		if stripOf(x1) == 0 {
			continue
		}
		edge := 180.0
		if x1 < -180 {
			edge = -180
		}
		c := crossing(vertex{x0, ring[i][0], 0}, vertex{x1, ring[i+1][0], 0}, edge)
		out := [][2]float64{{c.y, start}}
		out = append(out, ring[i+1:]...)
		out = append(out, ring[1:i+1]...)
		return append(out, [2]float64{c.y, start})
	}
	return ring // unreachable for a ring around a pole, which spans 360°
}

// clip is the part of the simple polygon poly (an open ring) where keep
// holds, keep being one side of the meridian x: zero or more polygons. The
// boundary crossings, sorted by latitude, pair up into the segments of the
// meridian inside poly; each output ring follows poly from an entry to the
// next exit, then the meridian to the exit's pair, and so on (a
// Weiler–Atherton walk, simple because the cut is a straight line).
//
// keep is v.x > x or v.x <= x: a vertex on the meridian is on its west
// side, as if the meridian were moved east by an infinitesimal ε.
// Crossings at the same latitude (two edges through a vertex on the
// meridian) are then ordered by where they meet the moved meridian, that
// is by the edges' slopes dy/dx.
func clip(poly []vertex, x float64, keep func(vertex) bool) [][]vertex {
	type node struct {
		v       vertex
		cross   bool    // on the meridian, where poly enters or leaves
		exit    bool    // poly leaves the kept side here
		slope   float64 // dy/dx of the edge crossing here
		pair    int     // the crossing at the other end of the inside segment
		visited bool
	}
	var nodes []node
	var crossings []int
	for i, a := range poly {
		b := poly[(i+1)%len(poly)]
		nodes = append(nodes, node{v: a})
		if keep(a) != keep(b) {
			crossings = append(crossings, len(nodes))
			nodes = append(nodes, node{v: crossing(a, b, x), cross: true, exit: keep(a), slope: (b.y - a.y) / (b.x - a.x)})
		}
	}
	if len(crossings) == 0 {
		if keep(poly[0]) {
			return [][]vertex{append([]vertex(nil), poly...)}
		}
		return nil
	}
	sort.SliceStable(crossings, func(i, j int) bool {
		p, q := nodes[crossings[i]], nodes[crossings[j]]
		if p.v.y != q.v.y {
			return p.v.y < q.v.y
		}
		return p.slope < q.slope
	})
	for j := 0; j+1 < len(crossings); j += 2 {
		nodes[crossings[j]].pair, nodes[crossings[j+1]].pair = crossings[j+1], crossings[j]
	}
	var out [][]vertex
	for _, start := range crossings {
		if nodes[start].exit || nodes[start].visited {
			continue
		}
		var ring []vertex
		// Each step of the walk visits a node; a simple polygon closes the
		// ring before every node is visited, a broken one is cut off.
		for i, steps := start, 0; steps <= len(nodes); steps++ {
			nodes[i].visited = true
			ring = append(ring, nodes[i].v)
			if nodes[i].cross && nodes[i].exit {
				i = nodes[i].pair
				if i == start || nodes[i].visited || nodes[i].exit {
					break
				}
				continue
			}
			i = (i + 1) % len(nodes)
		}
		out = append(out, ring)
	}
	return out
}
