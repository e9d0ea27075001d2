package flight

import (
	"math"

	"github.com/rampart-sim/rampart/atmos"
	"github.com/rampart-sim/rampart/geo"
)

// Earth is the physical model a flight is propagated in.
type Earth struct {
	Ellipsoid geo.Ellipsoid // shape used for altitude and impact
	GM        float64       // gravitational parameter μ, m³/s²
	J2        float64       // second zonal harmonic; 0 disables J2
	Omega     float64       // rotation rate, rad/s; 0 = no rotation
	Drag      bool          // atmospheric drag from atmos.Density

	// Density overrides atmos.Density when non-nil (kg/m³ at geometric
	// altitude h, m).
	Density func(h float64) float64
}

// WGS84Earth returns the full model: WGS-84 ellipsoid and μ, J2 gravity,
// Earth rotation and drag.
func WGS84Earth() Earth {
	return Earth{Ellipsoid: geo.WGS84, GM: geo.WGS84GM, J2: geo.WGS84J2, Omega: geo.WGS84Omega, Drag: true}
}

// SphereEarth returns the idealised textbook model: a sphere of radius
// 6371.0 km with μ = 398600.4418 km³/s² and central gravity only, rotating
// and with drag (use NoRotation and NoDrag for the Keplerian case).
func SphereEarth() Earth {
	return Earth{Ellipsoid: geo.Sphere, GM: geo.SphereGM, Omega: geo.WGS84Omega, Drag: true}
}

// IdealEarth is SphereEarth without rotation or drag: motion after burnout
// is an exact Kepler ellipse.
func IdealEarth() Earth { return SphereEarth().NoRotation().NoDrag() }

// NoRotation returns e with the Earth's rotation switched off.
func (e Earth) NoRotation() Earth { e.Omega = 0; return e }

// NoDrag returns e with drag switched off.
func (e Earth) NoDrag() Earth { e.Drag = false; return e }

// EarthModel returns the Earth selected by the CLI flags
// --earth wgs84|sphere, --no-rotation and --no-drag.
func EarthModel(name string, noRotation, noDrag bool) (Earth, error) {
	var e Earth
	switch name {
	case "", "wgs84":
		e = WGS84Earth()
	case "sphere":
		e = SphereEarth()
	default:
		return Earth{}, &InputError{Field: "earth", Value: name, Reason: "allowed values: wgs84, sphere"}
	}
	if noRotation {
		e = e.NoRotation()
	}
	if noDrag {
		e = e.NoDrag()
	}
	return e, nil
}

func (e Earth) rotation() geo.Rotation { return geo.Rotation{Omega: e.Omega} }

func (e Earth) density(h float64) float64 {
	if e.Density != nil {
		return e.Density(h)
	}
	return atmos.Density(h)
}

// gravity returns the gravitational acceleration at inertial position (x,y,z):
// central term plus J2,
//
//	a = −μ r/|r|³ [1 + 3/2 J2 (a_e/r)² (1 − 5z²/r²)]   (x, y components)
//	a_z = −μ z/|r|³ [1 + 3/2 J2 (a_e/r)² (3 − 5z²/r²)]
//
// (Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., §8.6.1).
func (e Earth) gravity(x, y, z float64) (ax, ay, az float64) {
	r2 := x*x + y*y + z*z
	r := math.Sqrt(r2)
	k := -e.GM / (r2 * r)
	if e.J2 == 0 {
		return k * x, k * y, k * z
	}
	q := 1.5 * e.J2 * e.Ellipsoid.A * e.Ellipsoid.A / r2
	z2 := 5 * z * z / r2
	fxy := 1 + q*(1-z2)
	fz := 1 + q*(3-z2)
	return k * x * fxy, k * y * fxy, k * z * fz
}

// altitude returns the height above the ellipsoid of a point at distance p
// from the polar axis and height z above the equatorial plane. It depends
// only on (p, z), so it is the same in ECI and ECEF. One step of Bowring's
// method (Bowring, Survey Review 23(181), 1976) with
// h = p cos φ + z sin φ − a√(1 − e² sin²φ); error below 0.1 mm from the
// ground to 3,000 km (TestAltitudeBowring).
func (e Earth) altitude(p, z float64) float64 {
	a, f := e.Ellipsoid.A, e.Ellipsoid.F
	if f == 0 {
		return math.Hypot(p, z) - a
	}
	b := a * (1 - f)
	e2 := f * (2 - f)
	ep2 := e2 / ((1 - f) * (1 - f))
	t := math.Hypot(z*a, p*b)
	s, c := z*a/t, p*b/t
	num := z + ep2*b*s*s*s
	den := p - e2*a*c*c*c
	n := math.Hypot(num, den)
	sp, cp := num/n, den/n
	return p*cp + z*sp - a*math.Sqrt(1-e2*sp*sp)
}

// altitudeECI is altitude for a position vector.
func (e Earth) altitudeECI(x, y, z float64) float64 {
	return e.altitude(math.Hypot(x, y), z)
}
