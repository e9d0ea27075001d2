package geo

import (
	"math"

	"gonum.org/v1/gonum/spatial/r3"
)

// WGS-84 defining constants (NIMA TR8350.2, table 3.1) and derived values.
const (
	WGS84A     = 6378137.0         // semi-major axis, m
	WGS84F     = 1 / 298.257223563 // flattening
	WGS84GM    = 3.986004418e14    // geocentric gravitational constant, m³/s²
	WGS84Omega = 7.292115e-5       // Earth rotation rate ΩE, rad/s
	WGS84J2    = 1.082629821313e-3 // second zonal harmonic (from C̄20 = −0.484166774985e-3)
)

// MeanRadius is the mean radius R₁ = (2a + b)/3 of the WGS-84 ellipsoid,
// m (IUGG; Moritz 2000, "Geodetic Reference System 1980", J. Geodesy 74,
// 128–133): the radius of the sphere on which horizon formulas and map
// scales measure distances.
const MeanRadius = 6371008.8

// Idealised sphere used for textbook comparisons (Bate, Mueller & White):
// the flight model's sphere Earth, with the conventional radius 6,371 km.
const (
	SphereRadius = 6371000.0      // m
	SphereGM     = 3.986004418e14 // m³/s²
)

// Ellipsoid is an oblate ellipsoid of revolution. A sphere has F = 0.
type Ellipsoid struct {
	A float64 // semi-major axis, m
	F float64 // flattening
}

// WGS84 is the WGS-84 reference ellipsoid.
var WGS84 = Ellipsoid{A: WGS84A, F: WGS84F}

// Sphere is a sphere of radius SphereRadius.
var Sphere = Ellipsoid{A: SphereRadius, F: 0}

// B returns the semi-minor axis, m.
func (e Ellipsoid) B() float64 { return e.A * (1 - e.F) }

// E2 returns the first eccentricity squared, f(2−f).
func (e Ellipsoid) E2() float64 { return e.F * (2 - e.F) }

// PrimeVerticalRadius returns N(φ) = a/√(1−e²sin²φ), m.
func (e Ellipsoid) PrimeVerticalRadius(lat float64) float64 {
	s := math.Sin(lat)
	return e.A / math.Sqrt(1-e.E2()*s*s)
}

// MeridianRadius returns M(φ) = a(1−e²)/(1−e²sin²φ)^{3/2}, m.
func (e Ellipsoid) MeridianRadius(lat float64) float64 {
	s := math.Sin(lat)
	w := 1 - e.E2()*s*s
	return e.A * (1 - e.E2()) / (w * math.Sqrt(w))
}

// aboveSlackM is how far outside the sphere of radius A a point must lie
// for SurelyAbove, m: far more than the rounding of a geodetic conversion.
const aboveSlackM = 1.0

// SurelyAbove reports that the ECEF point p (m) lies above the ellipsoid,
// at a height ToGeodetic finds positive, without converting it: p lies
// outside the sphere of radius A + 1 m. The ellipsoid lies inside the
// sphere of radius A, so the height of such a point, its distance to the
// ellipsoid, is more than a metre. False says nothing.
func (e Ellipsoid) SurelyAbove(p r3.Vec) bool {
	r := e.A + aboveSlackM
	return p.X*p.X+p.Y*p.Y+p.Z*p.Z > r*r
}
