package report

import (
	"fmt"
	"math"
)

// Map projections a Map can be drawn in.
const (
	ProjectionAuto      = "auto"      // conic for regional views, else azimuthal
	ProjectionConic     = "conic"     // Lambert conformal conic
	ProjectionAzimuthal = "azimuthal" // azimuthal equidistant about the data's centre
)

// View fitting constants.
const (
	// maxConicExtent is the largest angular radius of the data, about their
	// centre, that auto draws in a conic projection: beyond it the conic's
	// scale error passes ~5 % and the azimuthal map reads better.
	maxConicExtent = 25 * deg
	// conicPoleGap keeps the cut of a conic map (the meridian opposite the
	// central one, which starts at the pole) this far outside its cap.
	conicPoleGap = 5 * deg
	// marginFrac and minMarginM are the margin around the data: a tenth of
	// the larger side, and at least 150 km so that a lone site has context.
	marginFrac = 0.10
	minMarginM = 150e3
	// minAspect and maxAspect bound the map's height/width ratio; a
	// narrower extent is padded.
	minAspect, maxAspect = 0.5, 1.0
	// capPad widens the cap beyond the frame's farthest corner so that cut
	// edges lie outside the frame.
	capPad = 2 * deg
	// maxCapRadius keeps an azimuthal map's cap 10° short of the antipode
	// of its centre, where the projection is singular.
	maxCapRadius = 170 * deg
	// clipPadPx grows the frame for clipping, so that edges made by the
	// clip lie outside it.
	clipPadPx = 6
)

// defaultExtent is the view of a scene with no geometry: central Europe.
var defaultExtent = []LatLon{{45, 5}, {58, 30}}

// mapView is a fitted map: a projection, the cap geometry is cut to, and
// the affine map from projected units to pixels.
type mapView struct {
	proj   Projection
	cap    viewCap
	x0, y1 float64 // projected coordinates of the frame's top-left corner
	s      float64 // pixels per projected unit (unit-sphere radian)
	w, h   float64 // frame size, px
}

// px maps a projected point to pixels (y down).
func (v *mapView) px(q XY) XY { return XY{(q.X - v.x0) * v.s, (v.y1 - q.Y) * v.s} }

// unpx maps pixels back to projected coordinates.
func (v *mapView) unpx(p XY) XY { return XY{v.x0 + p.X/v.s, v.y1 - p.Y/v.s} }

// project returns the pixel position of p.
func (v *mapView) project(p LatLon) (XY, bool) {
	q, ok := v.proj.Forward(p)
	if !ok {
		return XY{}, false
	}
	return v.px(q), true
}

func (v *mapView) frame() rect { return rect{0, 0, v.w, v.h} }

// fitView chooses a projection and frame for pts at the given width, px.
func fitView(pts []LatLon, width float64, want string) (*mapView, error) {
	if len(pts) == 0 {
		pts = defaultExtent
	}
	c := meanCentre(pts)
	for range 3 { // re-centre on the bounding box, which the mean can miss
		a := AzimuthalEquidistant{Centre: c}
		lo, hi := bounds(a, pts)
		if nc, ok := a.Inverse(XY{(lo.X + hi.X) / 2, (lo.Y + hi.Y) / 2}); ok {
			c = nc
		}
	}
	var extent float64
	latMin, latMax := 90.0, -90.0
	for _, p := range pts {
		extent = math.Max(extent, angle(unit(c), unit(p)))
		latMin, latMax = math.Min(latMin, p.Lat), math.Max(latMax, p.Lat)
	}
	switch want {
	case "", ProjectionAuto:
		if extent <= maxConicExtent {
			if v, err := fitConic(pts, c, latMin, latMax, width); err == nil {
				return v, nil
			}
		}
		return fitAzimuthal(pts, c, width)
	case ProjectionConic:
		return fitConic(pts, c, latMin, latMax, width)
	case ProjectionAzimuthal:
		return fitAzimuthal(pts, c, width)
	}
	return nil, fmt.Errorf("unknown projection %q (want %s, %s or %s)", want, ProjectionAuto, ProjectionConic, ProjectionAzimuthal)
}

// fitConic fits a Lambert conic with standard parallels at 1/6 and 5/6 of
// the latitude range (Snyder 1987, p. 105, after Deetz and Adams).
func fitConic(pts []LatLon, c LatLon, latMin, latMax, width float64) (*mapView, error) {
	if latMin*latMax <= 0 || math.Abs(c.Lat) < 10 {
		return nil, fmt.Errorf("conic projection: the data span or touch the equator (%s to %s)", fmtLat(latMin), fmtLat(latMax))
	}
	d := (latMax - latMin) / 6
	p := LambertConic{Lat1: latMin + d, Lat2: latMax - d, Lat0: c.Lat, Lon0: c.Lon}
	v := frameFor(p, pts, width)
	centre, ok := p.Inverse(v.unpx(XY{v.w / 2, v.h / 2}))
	if !ok {
		return nil, fmt.Errorf("conic projection: the frame centre is off the map")
	}
	r, ok := capRadius(v, unit(centre))
	if !ok || r > (90-math.Abs(centre.Lat))*deg-conicPoleGap {
		return nil, fmt.Errorf("conic projection: the extent reaches within %.0f° of the pole", conicPoleGap/deg)
	}
	v.cap = newViewCap(centre, r)
	return v, nil
}

// fitAzimuthal fits an azimuthal equidistant map centred on c.
func fitAzimuthal(pts []LatLon, c LatLon, width float64) (*mapView, error) {
	p := AzimuthalEquidistant{Centre: c}
	v := frameFor(p, pts, width)
	r, ok := capRadius(v, unit(c))
	if !ok {
		r = maxCapRadius
	}
	v.cap = newViewCap(c, math.Min(r, maxCapRadius))
	return v, nil
}

// frameFor fits a frame of the given width around pts in projection p.
func frameFor(p Projection, pts []LatLon, width float64) *mapView {
	lo, hi := bounds(p, pts)
	w, h := hi.X-lo.X, hi.Y-lo.Y
	m := math.Max(marginFrac*math.Max(w, h), minMarginM/earthRadiusM)
	lo, hi = XY{lo.X - m, lo.Y - m}, XY{hi.X + m, hi.Y + m}
	w, h = hi.X-lo.X, hi.Y-lo.Y
	if h < minAspect*w {
		d := (minAspect*w - h) / 2
		lo.Y, hi.Y = lo.Y-d, hi.Y+d
	} else if h > maxAspect*w {
		d := (h/maxAspect - w) / 2
		lo.X, hi.X = lo.X-d, hi.X+d
	}
	s := width / (hi.X - lo.X)
	return &mapView{proj: p, x0: lo.X, y1: hi.Y, s: s, w: width, h: math.Round((hi.Y - lo.Y) * s)}
}

// capRadius returns the angle from c to the farthest corner or edge
// midpoint of v's frame, plus capPad; ok is false if a corner is off the
// map.
func capRadius(v *mapView, c vec3) (float64, bool) {
	var r float64
	for _, f := range [][2]float64{{0, 0}, {0.5, 0}, {1, 0}, {1, 0.5}, {1, 1}, {0.5, 1}, {0, 1}, {0, 0.5}} {
		p, ok := v.proj.Inverse(v.unpx(XY{f[0] * v.w, f[1] * v.h}))
		if !ok {
			return 0, false
		}
		r = math.Max(r, angle(c, unit(p)))
	}
	return r + capPad, true
}

// meanCentre returns the normalised mean of the points' unit vectors, or
// the first point if they cancel out.
func meanCentre(pts []LatLon) LatLon {
	var s vec3
	for _, p := range pts {
		s = s.add(unit(p))
	}
	if s.norm() < 1e-9*float64(len(pts)) {
		return pts[0]
	}
	return s.normalize().latLon()
}

// bounds returns the projected bounding box of pts; points the projection
// cannot show are left out.
func bounds(p Projection, pts []LatLon) (lo, hi XY) {
	lo, hi = XY{math.Inf(1), math.Inf(1)}, XY{math.Inf(-1), math.Inf(-1)}
	for _, q := range pts {
		xy, ok := p.Forward(q)
		if !ok {
			continue
		}
		lo = XY{math.Min(lo.X, xy.X), math.Min(lo.Y, xy.Y)}
		hi = XY{math.Max(hi.X, xy.X), math.Max(hi.Y, xy.Y)}
	}
	if math.IsInf(lo.X, 1) {
		return XY{}, XY{}
	}
	return lo, hi
}

// densify adds points so that no step exceeds maxStep degrees, moving
// linearly in latitude and the shorter way round in longitude (Natural
// Earth edges are straight in (lon, lat)).
func densify(pts []LatLon, maxStep float64) []LatLon {
	if len(pts) < 2 {
		return pts
	}
	out := make([]LatLon, 0, len(pts))
	out = append(out, pts[0])
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dlon := wrapPi((b.Lon-a.Lon)*deg) / deg
		n := int(math.Ceil(math.Max(math.Abs(b.Lat-a.Lat), math.Abs(dlon)) / maxStep))
		for j := 1; j < n; j++ {
			f := float64(j) / float64(n)
			lon := a.Lon + f*dlon
			if lon > 180 {
				lon -= 360
			} else if lon <= -180 {
				lon += 360
			}
			out = append(out, LatLon{a.Lat + f*(b.Lat-a.Lat), lon})
		}
		out = append(out, b)
	}
	return out
}

// densifyStepDeg is the longest edge drawn straight on a map: at 1° the
// curvature of a parallel or of a ring is below a pixel on maps of
// continental size.
const densifyStepDeg = 1.0

// toUnits converts positions to unit vectors.
func toUnits(pts []LatLon) []vec3 {
	out := make([]vec3, len(pts))
	for i, p := range pts {
		out[i] = unit(p)
	}
	return out
}

// toPixels projects unit vectors to pixels, skipping any the projection
// cannot show (none, inside the cap).
func (v *mapView) toPixels(pts []vec3) []XY {
	out := make([]XY, 0, len(pts))
	for _, p := range pts {
		if q, ok := v.project(p.latLon()); ok {
			out = append(out, XY{snapPx(q.X), snapPx(q.Y)})
		}
	}
	return out
}

// pixelGrid is the grid, in pixels, that projected points are snapped to
// before the frame clips them. Points are drawn to 0.1 px, so the snap
// changes nothing visible; it makes which side of the frame a point lies
// on, and so which segments are drawn, independent of last-bit
// differences in the projection (FMA with GOAMD64=v3, arm64).
const pixelGrid = 1.0 / 1024

func snapPx(v float64) float64 { return math.Round(v/pixelGrid) * pixelGrid }

// ring returns the pixel polygon of a closed ring, cut to the cap and the
// frame; encloses tells what to draw for a ring wholly outside the cap:
// the whole cap if it encloses the cap's centre, else nothing.
func (v *mapView) ring(r []LatLon, encloses func(LatLon) bool) []XY {
	cut := v.cap.clipRing(toUnits(densify(r, densifyStepDeg)))
	if cut == nil {
		if encloses == nil || !encloses(v.cap.c.latLon()) {
			return nil
		}
		cut = v.capEdge()
	}
	return v.frame().grow(clipPadPx).clipPolygon(v.toPixels(cut))
}

// line returns the pixel polylines of a line, cut to the cap and the frame.
func (v *mapView) line(l []LatLon) [][]XY {
	var out [][]XY
	for _, run := range v.cap.clipLine(toUnits(densify(l, densifyStepDeg))) {
		out = append(out, v.frame().grow(clipPadPx).clipLine(v.toPixels(run))...)
	}
	return out
}

// capEdge returns the cap's edge as a closed ring.
func (v *mapView) capEdge() []vec3 {
	n := int(2*math.Pi/capArcStep) + 1
	out := make([]vec3, 0, n+1)
	for i := range n {
		out = append(out, v.cap.boundary(2*math.Pi*float64(i)/float64(n)))
	}
	return append(out, out[0])
}

// kmPerPx returns the map scale along the horizontal through the frame's
// centre, km per pixel, by the great-circle distance over 100 px.
func (v *mapView) kmPerPx() float64 {
	const span = 100.0
	a, ok1 := v.proj.Inverse(v.unpx(XY{v.w/2 - span/2, v.h / 2}))
	b, ok2 := v.proj.Inverse(v.unpx(XY{v.w/2 + span/2, v.h / 2}))
	if !ok1 || !ok2 {
		return 0
	}
	return greatCircleM(a, b) / 1e3 / span
}
