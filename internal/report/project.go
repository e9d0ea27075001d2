package report

import (
	"fmt"
	"github.com/rampart-sim/rampart/geo"
	"math"
)

// LatLon is a geographic position in degrees (latitude north, longitude
// east). Maps treat it as a position on a sphere (see doc.go).
type LatLon struct {
	Lat, Lon float64
}

// XY is a projected position on the unit sphere (R = 1): x east, y north.
type XY struct {
	X, Y float64
}

// Projection maps the sphere to the plane and back.
type Projection interface {
	// Forward projects p; ok is false where the projection is undefined.
	Forward(p LatLon) (q XY, ok bool)
	// Inverse returns the position projected to q; ok is false off the map.
	Inverse(q XY) (p LatLon, ok bool)
	// Name describes the projection for captions.
	Name() string
}

const deg = math.Pi / 180

// wrapPi wraps an angle in radians to (−π, π].
func wrapPi(a float64) float64 {
	a = math.Remainder(a, 2*math.Pi)
	if a <= -math.Pi {
		a += 2 * math.Pi
	}
	return a
}

// AzimuthalEquidistant is the oblique azimuthal equidistant projection of
// the sphere (Snyder 1987, §25, eqs. 25-2, 25-3, 4-5 and 5-3): distances and
// azimuths from the Centre are true, so a range ring about the Centre is a
// circle. It is defined everywhere except at the antipode of the Centre.
type AzimuthalEquidistant struct {
	Centre LatLon
}

// Name implements Projection.
func (a AzimuthalEquidistant) Name() string {
	return fmt.Sprintf("azimuthal equidistant centred on %s", fmtLatLon(a.Centre))
}

// Forward implements Projection.
func (a AzimuthalEquidistant) Forward(p LatLon) (XY, bool) {
	s1, c1 := math.Sincos(a.Centre.Lat * deg)
	s, c := math.Sincos(p.Lat * deg)
	sl, cl := math.Sincos(wrapPi((p.Lon - a.Centre.Lon) * deg))
	xs := c * sl               // sin c · sin Az
	ys := c1*s - s1*c*cl       // sin c · cos Az
	cosc := s1*s + c1*c*cl     // eq. 5-3
	sinc := math.Hypot(xs, ys) // ≥ 0
	if sinc < antipodeTol {
		if cosc > 0 {
			return XY{xs, ys}, true // at the centre, where k' = c/sin c → 1
		}
		return XY{}, false // at the antipode, every direction is the way
	}
	k := math.Atan2(sinc, cosc) / sinc // k' = c / sin c, eq. 25-2
	return XY{k * xs, k * ys}, true
}

// antipodeTol is sin c below which a point is taken to be the centre or
// its antipode: 1e-12 rad is 6 µm on the Earth, and rounding in sin c is
// near 1e-16.
const antipodeTol = 1e-12

// Inverse implements Projection (Snyder eqs. 20-14, 20-15, 25-15).
func (a AzimuthalEquidistant) Inverse(q XY) (LatLon, bool) {
	rho := math.Hypot(q.X, q.Y)
	if rho > math.Pi {
		return LatLon{}, false
	}
	if rho == 0 {
		return a.Centre, true
	}
	s1, c1 := math.Sincos(a.Centre.Lat * deg)
	sc, cc := math.Sincos(rho)
	lat := math.Asin(math.Max(-1, math.Min(1, cc*s1+q.Y*sc*c1/rho)))
	lon := a.Centre.Lon*deg + math.Atan2(q.X*sc, rho*c1*cc-q.Y*s1*sc)
	return LatLon{lat / deg, wrapPi(lon) / deg}, true
}

// LambertConic is the Lambert conformal conic projection of the sphere
// with two standard parallels (Snyder 1987, §15, eqs. 15-1 to 15-5 and
// 14-4, 15-3 for the inverse). Lat1 and Lat2 must lie on the same side of
// the equator; Lat1 == Lat2 gives the one-parallel form. Lat0 and Lon0 are
// the origin of y and the central meridian. The map is cut along Lon0+180°
// and the pole away from the cone's apex is at infinity.
type LambertConic struct {
	Lat1, Lat2, Lat0, Lon0 float64
}

// Name implements Projection.
func (l LambertConic) Name() string {
	return fmt.Sprintf("Lambert conformal conic, standard parallels %s and %s, central meridian %s",
		fmtLat(l.Lat1), fmtLat(l.Lat2), fmtLon(l.Lon0))
}

// constants returns the cone constant n, F and ρ0 (eqs. 15-3, 15-2, 15-1a).
func (l LambertConic) constants() (n, f, rho0 float64) {
	p1, p2 := l.Lat1*deg, l.Lat2*deg
	t := func(p float64) float64 { return math.Tan(math.Pi/4 + p/2) }
	if math.Abs(p1-p2) < 1e-12 {
		n = math.Sin(p1)
	} else {
		n = math.Log(math.Cos(p1)/math.Cos(p2)) / math.Log(t(p2)/t(p1))
	}
	f = math.Cos(p1) * math.Pow(t(p1), n) / n
	rho0 = f / math.Pow(t(l.Lat0*deg), n)
	return n, f, rho0
}

// Forward implements Projection.
func (l LambertConic) Forward(p LatLon) (XY, bool) {
	n, f, rho0 := l.constants()
	tp := math.Tan(math.Pi/4 + p.Lat*deg/2)
	if tp <= 0 || math.IsInf(tp, 0) || (n > 0 && p.Lat <= -90) || (n < 0 && p.Lat >= 90) {
		return XY{}, false
	}
	rho := f / math.Pow(tp, n) // eq. 15-1
	th := n * wrapPi((p.Lon-l.Lon0)*deg)
	st, ct := math.Sincos(th)
	return XY{rho * st, rho0 - rho*ct}, true // eqs. 14-1, 14-2
}

// Inverse implements Projection.
func (l LambertConic) Inverse(q XY) (LatLon, bool) {
	n, f, rho0 := l.constants()
	dy := rho0 - q.Y
	rho := math.Copysign(math.Hypot(q.X, dy), n) // eq. 14-10
	var th float64
	if n > 0 {
		th = math.Atan2(q.X, dy)
	} else {
		th = math.Atan2(-q.X, -dy)
	}
	if math.Abs(th/n) > math.Pi {
		return LatLon{}, false // beyond the cut
	}
	var lat float64
	if rho == 0 {
		lat = math.Copysign(90, n)
	} else {
		lat = (2*math.Atan(math.Pow(f/rho, 1/n)) - math.Pi/2) / deg // eq. 15-5
	}
	return LatLon{lat, wrapPi(th/n+l.Lon0*deg) / deg}, true
}

// unit returns the unit vector of p (x through 0°,0°; z through the pole).
func unit(p LatLon) vec3 {
	sp, cp := math.Sincos(p.Lat * deg)
	sl, cl := math.Sincos(p.Lon * deg)
	return vec3{cp * cl, cp * sl, sp}
}

// vec3 is a vector in 3-space; positions on the unit sphere.
type vec3 [3]float64

func (a vec3) dot(b vec3) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
func (a vec3) cross(b vec3) vec3 {
	return vec3{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}
func (a vec3) add(b vec3) vec3      { return vec3{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }
func (a vec3) sub(b vec3) vec3      { return vec3{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func (a vec3) scale(s float64) vec3 { return vec3{a[0] * s, a[1] * s, a[2] * s} }
func (a vec3) norm() float64        { return math.Sqrt(a.dot(a)) }
func (a vec3) latLon() LatLon {
	return LatLon{math.Atan2(a[2], math.Hypot(a[0], a[1])) / deg, math.Atan2(a[1], a[0]) / deg}
}

// normalize returns a/|a|, or a if it is zero.
func (a vec3) normalize() vec3 {
	n := a.norm()
	if n == 0 {
		return a
	}
	return a.scale(1 / n)
}

// angle returns the angle between unit vectors a and b, radians.
func angle(a, b vec3) float64 { return math.Atan2(a.cross(b).norm(), a.dot(b)) }

// earthRadiusM is the radius of the sphere on which maps measure distances
// (scale bar): the mean radius geo.MeanRadius, m.
const earthRadiusM = geo.MeanRadius

// greatCircleM returns the great-circle distance between a and b on the
// mean-radius sphere, m.
func greatCircleM(a, b LatLon) float64 { return angle(unit(a), unit(b)) * earthRadiusM }

func fmtLat(v float64) string {
	if v < 0 {
		return trimFloat(-v, 1) + "° S"
	}
	return trimFloat(v, 1) + "° N"
}

func fmtLon(v float64) string {
	if v < 0 {
		return trimFloat(-v, 1) + "° W"
	}
	return trimFloat(v, 1) + "° E"
}

func fmtLatLon(p LatLon) string { return fmtLat(p.Lat) + ", " + fmtLon(p.Lon) }
