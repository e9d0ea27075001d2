package export

import "github.com/rampart-sim/rampart/internal/scene"

// vertex is a position in the longitude–latitude plane, with a height
// carried along: x = longitude, y = latitude (degrees), z = height (m).
type vertex struct{ x, y, z float64 }

// signedArea is twice the signed area of the closed polygon ring (shoelace
// formula; the closing vertex may be repeated or not): positive when the
// ring runs counterclockwise with x east and y north.
func signedArea(ring []vertex) float64 {
	a := 0.0
	for i := range ring {
		p, q := ring[i], ring[(i+1)%len(ring)]
		a += p.x*q.y - q.x*p.y
	}
	return a
}

// unwrapped is the ring of an area with its longitudes made continuous:
// each edge is the short way round (scene.LonStep), so that x may leave
// [−180, 180]. The closing point is kept.
func unwrapped(ring [][2]float64, alt float64) []vertex {
	out := make([]vertex, len(ring))
	for i, p := range ring {
		x := p[1]
		if i > 0 {
			x = out[i-1].x + scene.LonStep(ring[i-1][1], p[1])
		}
		out[i] = vertex{x, p[0], alt}
	}
	return out
}

// ccwRing is an area's ring, counterclockwise in the plane (unwrapped, so
// that an antimeridian crossing does not flip the sign), in scene
// longitudes, closing point kept. A ring around a pole is returned as it
// is: its direction says which pole it encloses.
func ccwRing(a scene.Area) [][2]float64 {
	if scene.PoleWinding(a.Ring) != 0 || signedArea(unwrapped(a.Ring, 0)) >= 0 {
		return a.Ring
	}
	r := make([][2]float64, len(a.Ring))
	for i, p := range a.Ring {
		r[len(a.Ring)-1-i] = p
	}
	return r
}
