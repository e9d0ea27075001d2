package radar

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
)

// RefractionK is the effective-Earth-radius factor of the standard
// atmosphere: a refractivity gradient of about −40 N-units/km bends rays
// as if the Earth's radius were 4/3 of its true value (Skolnik 3rd ed.,
// ch. 8).
const RefractionK = 4.0 / 3.0

// EarthRadius is the radius of the spherical horizon formulas, m: the
// mean Earth radius, geo.MeanRadius (IUGG R₁).
const EarthRadius = geo.MeanRadius

// HorizonRange returns the slant length (m) of the ray that grazes a
// smooth sphere of effective radius re between an antenna at height ha
// and a target at height ht (m) — the largest range at which the target
// is above the radar horizon:
//
//	R = √((re+ha)² − re²) + √((re+ht)² − re²)
//
// Negative heights count as zero. With re = RefractionK·EarthRadius it is
// the 4/3-Earth radar horizon.
func HorizonRange(ha, ht, re float64) float64 {
	return tangent(re, ha) + tangent(re, ht)
}

// HorizonRangeApprox returns the familiar approximation
// R ≈ √(2·re·ha) + √(2·re·ht), m, valid for heights much smaller than re;
// for re = 4/3 × 6371 km it is R ≈ 4.12 (√ha + √ht) km with heights in m.
func HorizonRangeApprox(ha, ht, re float64) float64 {
	return math.Sqrt(2*re*math.Max(0, ha)) + math.Sqrt(2*re*math.Max(0, ht))
}

func tangent(re, h float64) float64 {
	h = math.Max(0, h)
	return math.Sqrt(h * (2*re + h))
}

// Sight is the geometry between an antenna and a target in the
// effective-Earth model.
type Sight struct {
	Visible bool    // the straight ray in the effective-Earth frame clears the surface
	Ground  float64 // geodesic distance between the sub-points, m
	Radius  float64 // effective radius k·Rα used, m
	Elev    float64 // apparent (refracted) elevation of the target, rad
}

// LineOfSight tests the line of sight from antenna a to target t (geodetic
// positions on ellipsoid e) with refraction factor k (RefractionK for the
// standard atmosphere; 1 for none).
//
// Model: the ellipsoid is replaced, along the path, by its osculating
// sphere in the azimuth α of the path at the antenna — Euler's radius
// Rα = M·N/(M sin²α + N cos²α) — and that sphere by one of radius k·Rα on
// which rays are straight (the effective-Earth-radius model). The ground
// distance s comes from the geodesic, so the central angle is ψ = s/(k·Rα)
// and the target is visible when
//
//	ψ ≤ arccos(re/(re+ha)) + arccos(re/(re+ht)),  re = k·Rα,
//
// the two terms being the angles to the grazing points of the antenna and
// the target. Heights below the ellipsoid count as zero. Elev is the
// elevation of the straight ray in that frame:
// tan El = (cos ψ − ra/rt)/sin ψ with ra = re+ha, rt = re+ht.
func LineOfSight(e geo.Ellipsoid, k float64, a, t geo.LLA) Sight {
	s, az, _ := e.Inverse(a.Lat, a.Lon, t.Lat, t.Lon)
	m, n := e.MeridianRadius(a.Lat), e.PrimeVerticalRadius(a.Lat)
	sa, ca := math.Sincos(az)
	ralpha := m * n / (m*sa*sa + n*ca*ca)
	re := k * ralpha
	ha, ht := math.Max(0, a.Alt), math.Max(0, t.Alt)
	psi := s / re
	limit := math.Acos(re/(re+ha)) + math.Acos(re/(re+ht))
	ra, rt := re+a.Alt, re+t.Alt
	sp, cp := math.Sincos(psi)
	el := math.Atan2(cp-ra/rt, sp)
	return Sight{Visible: psi <= limit, Ground: s, Radius: re, Elev: el}
}
