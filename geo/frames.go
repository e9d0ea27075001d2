package geo

import (
	"math"

	"gonum.org/v1/gonum/spatial/r3"
)

// LLA is a geodetic position: latitude and longitude in radians, height above
// the ellipsoid in metres.
type LLA struct {
	Lat, Lon, Alt float64
}

// LLADeg builds an LLA from degrees and metres.
func LLADeg(latDeg, lonDeg, altM float64) LLA {
	return LLA{Lat: latDeg * math.Pi / 180, Lon: lonDeg * math.Pi / 180, Alt: altM}
}

// LatDeg returns the latitude in degrees.
func (p LLA) LatDeg() float64 { return p.Lat * 180 / math.Pi }

// LonDeg returns the longitude in degrees, in [−180, 180).
func (p LLA) LonDeg() float64 { return WrapDeg(p.Lon * 180 / math.Pi) }

// WrapDeg wraps an angle in degrees to [−180, 180).
func WrapDeg(d float64) float64 {
	d = math.Mod(d+180, 360)
	if d < 0 {
		d += 360
	}
	return d - 180
}

// ToECEF converts a geodetic position to ECEF, m.
func (e Ellipsoid) ToECEF(p LLA) r3.Vec {
	sl, cl := math.Sincos(p.Lat)
	so, co := math.Sincos(p.Lon)
	n := e.A / math.Sqrt(1-e.E2()*sl*sl)
	return r3.Vec{
		X: (n + p.Alt) * cl * co,
		Y: (n + p.Alt) * cl * so,
		Z: (n*(1-e.E2()) + p.Alt) * sl,
	}
}

// ToGeodetic converts an ECEF position to geodetic coordinates. It uses
// Vermeille's (2002) closed form with Karney's treatment of points inside the
// evolute near the centre (as in GeographicLib's Geocentric::Reverse), so it
// is accurate to round-off everywhere; the centre maps to a pole at height −b.
// The quartic to solve is the one of the geodesic astroid start.
func (e Ellipsoid) ToGeodetic(v r3.Vec) LLA {
	a, f := e.A, e.F
	rxy := math.Hypot(v.X, v.Y)
	lon := math.Atan2(v.Y, v.X)
	h := math.Hypot(rxy, v.Z) // distance from the centre
	e2 := e.E2()
	switch {
	case h > 2*a/tol0:
		// So far away that the Earth is a point; also avoids overflow.
		return LLA{Lat: math.Atan2(v.Z/2, math.Hypot(v.X/2, v.Y/2)), Lon: lon, Alt: h}
	case e2 == 0:
		z := v.Z
		if h == 0 {
			z = 1 // the centre maps to the north pole
		}
		return LLA{Lat: math.Atan2(z, rxy), Lon: lon, Alt: h - a}
	}
	e2a := math.Abs(e2)
	e2m := (1 - f) * (1 - f) // 1 − e²
	// Vermeille's p and q, here in units of e⁴ (p = x², q = y²); a prolate
	// ellipsoid swaps the roles of the axis and the equatorial plane.
	x := rxy / (a * e2a)
	y := (1 - f) * math.Abs(v.Z) / (a * e2a)
	if f < 0 {
		x, y = y, x
	}
	if y*y == 0 && x*x <= 1 { // the case astroid maps to k = 0
		// In the equatorial plane (prolate: on the axis) inside the
		// evolute: the limit of the general formulas.
		p := x * x
		zz := math.Sqrt((1 - p) / e2m)
		xx := x
		if f < 0 {
			zz, xx = x/math.Sqrt(e2m), math.Sqrt(1-p)
		}
		lat := math.Atan2(zz, xx)
		if v.Z < 0 {
			lat = -lat
		}
		scale := e2m
		if f < 0 {
			scale = 1
		}
		return LLA{Lat: lat, Lon: lon, Alt: -a * scale * math.Hypot(xx, zz)}
	}
	k := e2a * astroid(x, y)
	k1, k2 := k, k+e2 // f ≥ 0
	if f < 0 {
		k1, k2 = k-e2, k
	}
	d := k1 * rxy / k2
	return LLA{
		Lat: math.Atan2(v.Z/k1, rxy/k2),
		Lon: lon,
		Alt: (1 - e2m/k1) * math.Hypot(d, v.Z),
	}
}

// ENU is a local east-north-up frame at an origin.
type ENU struct {
	Origin     LLA
	OriginECEF r3.Vec
	E, N, U    r3.Vec // unit vectors, in ECEF
}

// NewENU returns the local east-north-up frame at origin on ellipsoid e.
func (e Ellipsoid) NewENU(origin LLA) ENU {
	sl, cl := math.Sincos(origin.Lat)
	so, co := math.Sincos(origin.Lon)
	return ENU{
		Origin:     origin,
		OriginECEF: e.ToECEF(origin),
		E:          r3.Vec{X: -so, Y: co, Z: 0},
		N:          r3.Vec{X: -sl * co, Y: -sl * so, Z: cl},
		U:          r3.Vec{X: cl * co, Y: cl * so, Z: sl},
	}
}

// FromECEF returns the ENU coordinates of an ECEF position.
func (f ENU) FromECEF(v r3.Vec) r3.Vec {
	return f.Rotate(r3.Sub(v, f.OriginECEF))
}

// ToECEF returns the ECEF position of ENU coordinates.
func (f ENU) ToECEF(l r3.Vec) r3.Vec {
	return r3.Add(f.OriginECEF, f.Unrotate(l))
}

// Rotate turns an ECEF direction (velocity, offset) into ENU components.
func (f ENU) Rotate(d r3.Vec) r3.Vec {
	return r3.Vec{X: r3.Dot(f.E, d), Y: r3.Dot(f.N, d), Z: r3.Dot(f.U, d)}
}

// Unrotate turns ENU components into an ECEF direction.
func (f ENU) Unrotate(l r3.Vec) r3.Vec {
	return r3.Add(r3.Add(r3.Scale(l.X, f.E), r3.Scale(l.Y, f.N)), r3.Scale(l.Z, f.U))
}

// AzElRange returns the azimuth (clockwise from north), elevation and slant
// range of an ECEF position seen from the frame's origin.
func (f ENU) AzElRange(v r3.Vec) (az, el, rng float64) {
	l := f.FromECEF(v)
	rng = r3.Norm(l)
	az = math.Atan2(l.X, l.Y)
	if az < 0 {
		az += 2 * math.Pi
	}
	el = math.Atan2(l.Z, math.Hypot(l.X, l.Y))
	return az, el, rng
}

// Rotation relates ECEF to the inertial frame that coincides with it at t = 0.
// Omega is the rotation rate, rad/s; zero gives a non-rotating Earth.
type Rotation struct {
	Omega float64
}

// EarthRotation is the WGS-84 rotation rate.
var EarthRotation = Rotation{Omega: WGS84Omega}

// ECIFromECEF converts an ECEF position and velocity at time t, s, to ECI.
func (r Rotation) ECIFromECEF(pos, vel r3.Vec, t float64) (r3.Vec, r3.Vec) {
	s, c := math.Sincos(r.Omega * t)
	// v_eci = R(θ)(v_ecef + ω×r_ecef)
	vr := r3.Vec{X: vel.X - r.Omega*pos.Y, Y: vel.Y + r.Omega*pos.X, Z: vel.Z}
	return rotz(pos, s, c), rotz(vr, s, c)
}

// ECEFFromECI converts an ECI position and velocity at time t, s, to ECEF.
func (r Rotation) ECEFFromECI(pos, vel r3.Vec, t float64) (r3.Vec, r3.Vec) {
	s, c := math.Sincos(r.Omega * t)
	p := rotz(pos, -s, c)
	v := rotz(vel, -s, c)
	// v_ecef = Rᵀ v_eci − ω×r_ecef
	return p, r3.Vec{X: v.X + r.Omega*p.Y, Y: v.Y - r.Omega*p.X, Z: v.Z}
}

// ECEFPositionFromECI converts an ECI position at time t, s, to ECEF: the
// position ECEFFromECI returns, without the velocity.
func (r Rotation) ECEFPositionFromECI(pos r3.Vec, t float64) r3.Vec {
	s, c := math.Sincos(r.Omega * t)
	return rotz(pos, -s, c)
}

// rotz rotates v about z by the angle whose sine and cosine are s and c.
func rotz(v r3.Vec, s, c float64) r3.Vec {
	return r3.Vec{X: c*v.X - s*v.Y, Y: s*v.X + c*v.Y, Z: v.Z}
}
