package geo

import "math"

// Geodesics on the ellipsoid after Karney (2013), "Algorithms for geodesics",
// doi:10.1007/s00190-012-0578-z, ported from the algorithm of GeographicLib's
// geodesic routines (geographiclib-c, src/geodesic.c, MIT licence,
// https://github.com/geographiclib/geographiclib-c). The series are carried to
// sixth order in the third flattening n, which gives round-off-limited results
// (about 15 nm on WGS-84) for |f| ≤ 1/50.
//
// Notation (Karney 2013): β is reduced latitude, α azimuth, σ arc length and
// ω longitude on the auxiliary sphere, α0 the azimuth at the equator crossing,
// ε the expansion parameter (√(1+k²)−1)/(√(1+k²)+1) with k = e′cos α0, and
// sXXX, cXXX the sine and cosine of XXX. Internally angles that come from the caller are handled in degrees, so
// that quarter turns reduce exactly (as GeographicLib does); the public API is
// in radians.

// Series orders and tolerances.
const (
	geodOrder = 6                               // order of the series in n and ε
	nC        = geodOrder + 1                   // length of the C1, C1', C2 arrays (index 0 unused)
	nC3x      = geodOrder * (geodOrder - 1) / 2 // number of C3 coefficients

	tol0    = 0x1p-52          // machine epsilon
	tol1    = 200 * tol0       // near-cut threshold of the astroid start
	tol2    = 0x1p-26          // √tol0
	tolb    = tol0             // bisection interval
	xthresh = 1000 * tol2      // strip near the cut of the astroid start
	tiny    = 0x1p-511         // √(smallest normal): keeps cos β > 0 at the poles
	maxit1  = 20               // Newton steps before falling back to bisection
	maxit2  = maxit1 + 53 + 10 // total iterations: Newton, then bisection to 53 bits

	degree   = math.Pi / 180
	radToDeg = 180 / math.Pi
)

// Geodesic holds the constants and series coefficients of the geodesic
// problems on one ellipsoid. Build it once with NewGeodesic; its methods do not
// allocate and are safe for concurrent use.
type Geodesic struct {
	a, f, f1, ep2, n, b float64
	etol2               float64 // σ12 threshold for "really short" lines
	a3x                 [geodOrder]float64
	c3x                 [nC3x]float64
}

var (
	wgs84Geodesic  = NewGeodesic(Ellipsoid{A: WGS84A, F: WGS84F})
	sphereGeodesic = NewGeodesic(Ellipsoid{A: SphereRadius, F: 0})
)

// NewGeodesic precomputes the geodesic series for ellipsoid e.
func NewGeodesic(e Ellipsoid) *Geodesic {
	g := new(Geodesic)
	g.init(e)
	return g
}

func (g *Geodesic) init(e Ellipsoid) {
	g.a = e.A
	g.f = e.F
	g.f1 = 1 - e.F
	g.ep2 = e.E2() / (g.f1 * g.f1) // second eccentricity squared
	g.n = e.F / (2 - e.F)
	g.b = e.A * g.f1
	// The auxiliary-sphere start is accurate to σ12²|f|/2 for short lines;
	// 0.1 is a safety factor and max(0.001, |f|) keeps it finite for spheres.
	g.etol2 = 0.1 * tol2 / math.Sqrt(math.Max(0.001, math.Abs(e.F))*math.Min(1, 1-e.F/2)/2)

	// A3, the longitude series scale: coefficients of ε⁵ … ε⁰, polynomials in n.
	n := g.n
	g.a3x = [geodOrder]float64{
		-3.0 / 128,
		(-3 - 2*n) / 64,
		(-1 - n*(3+n)) / 16,
		(-2 + n*(3*n-1)) / 8,
		(n - 1) / 2,
		1,
	}
	// C3l, the longitude series terms: for l = 1 … 5, coefficients of ε⁵ … εˡ.
	g.c3x = [nC3x]float64{
		3.0 / 128, (5 + 2*n) / 128, (3 + n*(3-n)) / 64, (1 - n*n) / 8, (1 - n) / 4,
		5.0 / 256, (3 + n) / 128, (3 - n*(2+3*n)) / 64, (2 + n*(n-3)) / 32,
		7.0 / 512, (9 - 10*n) / 384, (5 + n*(5*n-9)) / 192,
		7.0 / 512, (7 - 14*n) / 512,
		21.0 / 2560,
	}
}

// geodesic returns the precomputed Geodesic for e, using scratch for an
// ellipsoid other than WGS84 and Sphere.
func (e Ellipsoid) geodesic(scratch *Geodesic) *Geodesic {
	switch e {
	case Ellipsoid{A: WGS84A, F: WGS84F}:
		return wgs84Geodesic
	case Ellipsoid{A: SphereRadius, F: 0}:
		return sphereGeodesic
	}
	scratch.init(e)
	return scratch
}

// Inverse solves the inverse geodesic problem: the length s12, m, of the
// shortest path between two points and its azimuths azi1 and azi2 at each
// end, radians clockwise from north in [−π, π]. Latitudes outside [−π/2, π/2]
// give NaN. For coincident points, and for points where the shortest path is
// not unique (antipodes, poles), one of the paths is chosen.
func (e Ellipsoid) Inverse(lat1, lon1, lat2, lon2 float64) (s12, azi1, azi2 float64) {
	var scratch Geodesic
	return e.geodesic(&scratch).Inverse(lat1, lon1, lat2, lon2)
}

// Direct solves the direct geodesic problem: the end point (lat2, lon2) and
// azimuth azi2 of the geodesic that leaves (lat1, lon1) at azimuth azi1 and
// runs for s12 m (negative runs backwards). Angles are radians; lon2 is in
// [−π, π] and azi2 in [−π, π].
func (e Ellipsoid) Direct(lat1, lon1, azi1, s12 float64) (lat2, lon2, azi2 float64) {
	var scratch Geodesic
	return e.geodesic(&scratch).Direct(lat1, lon1, azi1, s12)
}

// Waypoints returns n points, n ≥ 2, equally spaced in distance along the
// shortest path from (lat1, lon1) to (lat2, lon2), both ends included, at
// zero height. It returns nil for n < 2.
func (e Ellipsoid) Waypoints(lat1, lon1, lat2, lon2 float64, n int) []LLA {
	if n < 2 {
		return nil
	}
	var scratch Geodesic
	l, s12 := e.geodesic(&scratch).InverseLine(lat1, lon1, lat2, lon2)
	pts := make([]LLA, n)
	for i := range pts {
		lat, lon, _ := l.Position(s12 * float64(i) / float64(n-1))
		pts[i] = LLA{Lat: lat, Lon: lon}
	}
	return pts
}

// Inverse is Ellipsoid.Inverse on g's ellipsoid.
func (g *Geodesic) Inverse(lat1, lon1, lat2, lon2 float64) (s12, azi1, azi2 float64) {
	s12, salp1, calp1, salp2, calp2 := g.inverse(lat1*radToDeg, lon1*radToDeg, lat2*radToDeg, lon2*radToDeg)
	return s12, math.Atan2(salp1, calp1), math.Atan2(salp2, calp2)
}

// Direct is Ellipsoid.Direct on g's ellipsoid.
func (g *Geodesic) Direct(lat1, lon1, azi1, s12 float64) (lat2, lon2, azi2 float64) {
	l := g.Line(lat1, lon1, azi1)
	return l.Position(s12)
}

// GeodesicLine is a geodesic from a point at a given azimuth, set up so that
// many points along it are cheap to compute.
type GeodesicLine struct {
	f, b, f1     float64
	lon1         float64 // degrees
	salp0, calp0 float64
	k2           float64
	ssig1, csig1 float64
	stau1, ctau1 float64
	somg1, comg1 float64
	a1m1, a3c    float64
	b11, b31     float64
	c1a, c1pa    [nC]float64
	c3a          [geodOrder]float64
}

// Line returns the geodesic that leaves (lat1, lon1) at azimuth azi1, radians.
func (g *Geodesic) Line(lat1, lon1, azi1 float64) GeodesicLine {
	azi := angNormalize(azi1 * radToDeg)
	// angRound guards against underflow in salp0.
	salp1, calp1 := sincosd(angRound(azi))
	return g.line(lat1*radToDeg, lon1*radToDeg, salp1, calp1)
}

// InverseLine returns the shortest geodesic from (lat1, lon1) to (lat2, lon2),
// radians, and its length s12, m.
func (g *Geodesic) InverseLine(lat1, lon1, lat2, lon2 float64) (l GeodesicLine, s12 float64) {
	lat1d, lon1d := lat1*radToDeg, lon1*radToDeg
	s12, salp1, calp1, _, _ := g.inverse(lat1d, lon1d, lat2*radToDeg, lon2*radToDeg)
	return g.line(lat1d, lon1d, salp1, calp1), s12
}

// line sets up a geodesic line; lat1 and lon1 are in degrees, and
// (salp1, calp1) is the starting azimuth.
func (g *Geodesic) line(lat1, lon1, salp1, calp1 float64) GeodesicLine {
	l := GeodesicLine{f: g.f, b: g.b, f1: g.f1, lon1: lon1}
	sbet1, cbet1 := sincosd(angRound(latFix(lat1)))
	sbet1 *= g.f1
	sbet1, cbet1 = norm2(sbet1, cbet1)
	cbet1 = math.Max(tiny, cbet1) // cos β1 = +tiny at the poles

	// sin α0 = sin α1 cos β1 (Clairaut); α0 in [0, π/2 − |β1|].
	l.salp0 = salp1 * cbet1
	l.calp0 = math.Hypot(calp1, salp1*sbet1)
	// tan σ1 = tan β1 / cos α1; tan ω1 = sin α0 tan σ1. σ = 0 is the
	// northward equator crossing; quadrants of σ and ω coincide.
	l.ssig1 = sbet1
	l.somg1 = l.salp0 * sbet1
	if sbet1 != 0 || calp1 != 0 {
		l.csig1 = cbet1 * calp1
	} else {
		l.csig1 = 1
	}
	l.comg1 = l.csig1
	l.ssig1, l.csig1 = norm2(l.ssig1, l.csig1)

	l.k2 = l.calp0 * l.calp0 * g.ep2
	eps := l.k2 / (2*(1+math.Sqrt(1+l.k2)) + l.k2)

	l.a1m1 = a1m1f(eps)
	c1f(eps, &l.c1a)
	l.b11 = sinSeries(l.ssig1, l.csig1, l.c1a[1:])
	s, c := math.Sincos(l.b11)
	// τ1 = σ1 + B11
	l.stau1 = l.ssig1*c + l.csig1*s
	l.ctau1 = l.csig1*c - l.ssig1*s
	c1pf(eps, &l.c1pa)

	g.c3f(eps, &l.c3a)
	l.a3c = -g.f * l.salp0 * g.a3f(eps)
	l.b31 = sinSeries(l.ssig1, l.csig1, l.c3a[1:])
	return l
}

// Position returns the point s12 m along the line and the azimuth there,
// radians; lon2 is in [−π, π].
func (l *GeodesicLine) Position(s12 float64) (lat2, lon2, azi2 float64) {
	// Invert the distance series for σ12.
	tau12 := s12 / (l.b * (1 + l.a1m1))
	st, ct := math.Sincos(tau12)
	b12 := -sinSeries(l.stau1*ct+l.ctau1*st, l.ctau1*ct-l.stau1*st, l.c1pa[1:])
	sig12 := tau12 - (b12 - l.b11)
	ssig12, csig12 := math.Sincos(sig12)
	if math.Abs(l.f) > 0.01 {
		// The reverted series loses accuracy for |f| > 1/100: one Newton step.
		ssig2 := l.ssig1*csig12 + l.csig1*ssig12
		csig2 := l.csig1*csig12 - l.ssig1*ssig12
		b12 = sinSeries(ssig2, csig2, l.c1a[1:])
		serr := (1+l.a1m1)*(sig12+(b12-l.b11)) - s12/l.b
		sig12 -= serr / math.Sqrt(1+l.k2*ssig2*ssig2)
		ssig12, csig12 = math.Sincos(sig12)
	}
	// σ2 = σ1 + σ12
	ssig2 := l.ssig1*csig12 + l.csig1*ssig12
	csig2 := l.csig1*csig12 - l.ssig1*ssig12
	// sin β2 = cos α0 sin σ2
	sbet2 := l.calp0 * ssig2
	cbet2 := math.Hypot(l.salp0, l.calp0*csig2)
	if cbet2 == 0 { // meridional line through a pole
		cbet2, csig2 = tiny, tiny
	}
	// tan α2 = tan α0 / cos σ2
	salp2, calp2 := l.salp0, l.calp0*csig2
	// tan ω2 = sin α0 tan σ2
	somg2, comg2 := l.salp0*ssig2, csig2
	omg12 := math.Atan2(somg2*l.comg1-comg2*l.somg1, comg2*l.comg1+somg2*l.somg1)
	lam12 := omg12 + l.a3c*(sig12+(sinSeries(ssig2, csig2, l.c3a[1:])-l.b31))
	lon := angNormalize(angNormalize(l.lon1) + angNormalize(lam12/degree))

	lat2 = math.Atan2(sbet2, l.f1*cbet2)
	lon2 = lon * degree
	azi2 = math.Atan2(salp2, calp2)
	return lat2, lon2, azi2
}

// inverse solves the inverse problem with angles in degrees and returns the
// distance and the sines and cosines of the azimuths at both ends.
func (g *Geodesic) inverse(lat1, lon1, lat2, lon2 float64) (s12, salp1, calp1, salp2, calp2 float64) {
	// Longitude difference in [−180, 180], with its rounding error.
	lon12, lon12s := angDiff(lon1, lon2)
	// Reduce to the canonical case 0 ≤ λ12 ≤ 180, −90 ≤ φ1 ≤ −0,
	// φ1 ≤ φ2 ≤ −φ1; the signs record the transformation.
	lonsign := 1.0
	if math.Signbit(lon12) {
		lonsign = -1
	}
	lon12 *= lonsign
	lon12s *= lonsign
	lam12 := lon12 * degree
	slam12, clam12 := sincosde(lon12, lon12s)
	lon12s = (180 - lon12) - lon12s // supplementary longitude difference

	lat1 = angRound(latFix(lat1)) // nearly equatorial is equatorial
	lat2 = angRound(latFix(lat2))
	swapp := 1.0
	if math.Abs(lat1) < math.Abs(lat2) || math.IsNaN(lat2) {
		swapp = -1
		lonsign = -lonsign
		lat1, lat2 = lat2, lat1
	}
	latsign := -1.0
	if math.Signbit(lat1) {
		latsign = 1
	}
	lat1 *= latsign
	lat2 *= latsign

	sbet1, cbet1 := sincosd(lat1)
	sbet1 *= g.f1
	sbet1, cbet1 = norm2(sbet1, cbet1)
	cbet1 = math.Max(tiny, cbet1)
	sbet2, cbet2 := sincosd(lat2)
	sbet2 *= g.f1
	sbet2, cbet2 = norm2(sbet2, cbet2)
	cbet2 = math.Max(tiny, cbet2)

	// Force β2 = ±β1 exactly when the rounded values say so; Lambda12
	// relies on it for the nearly antipodal case.
	if cbet1 < -sbet1 {
		if cbet2 == cbet1 {
			sbet2 = math.Copysign(sbet1, sbet2)
		}
	} else if math.Abs(sbet2) == -sbet1 {
		cbet2 = cbet1
	}

	dn1 := math.Sqrt(1 + g.ep2*sbet1*sbet1)
	dn2 := math.Sqrt(1 + g.ep2*sbet2*sbet2)

	var sig12, s12x float64
	meridian := lat1 == -90 || slam12 == 0
	if meridian {
		// Both ends on one full meridian: the geodesic may be the meridian.
		calp1, salp1 = clam12, slam12 // head for the target longitude
		calp2, salp2 = 1, 0           // arrive heading north
		ssig1, csig1 := sbet1, calp1*cbet1
		ssig2, csig2 := sbet2, calp2*cbet2
		sig12 = math.Atan2(math.Max(0, csig1*ssig2-ssig1*csig2)+0, csig1*csig2+ssig1*ssig2)
		s12b, m12b, _ := g.lengths(g.n, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, true)
		// m12 < 0 means the meridian is longer than a nearby path (only on
		// a prolate ellipsoid near the antipode).
		if sig12 < 1 || m12b >= 0 {
			if sig12 < 3*tiny || (sig12 < tol0 && (s12b < 0 || m12b < 0)) {
				sig12, s12b = 0, 0
			}
			s12x = s12b * g.b
		} else {
			meridian = false
		}
	}

	switch {
	case meridian:
	case sbet1 == 0 && (g.f <= 0 || lon12s >= g.f*180):
		// Both ends on the equator and the equator is the shortest path
		// (an oblate ellipsoid's equator is not, near the antipode).
		calp1, calp2 = 0, 0
		salp1, salp2 = 1, 1
		s12x = g.a * lam12
	default:
		var dnm float64
		sig12, salp1, calp1, salp2, calp2, dnm = g.inverseStart(sbet1, cbet1, dn1, sbet2, cbet2, dn2, lam12, slam12, clam12)
		if sig12 >= 0 {
			// Short line solved on the auxiliary sphere.
			s12x = sig12 * g.b * dnm
			break
		}
		// Newton's method on α1 for λ12(α1) = λ12, with a bracket
		// (α1a, α1b) of the root kept for bisection when a step fails.
		var ssig1, csig1, ssig2, csig2, eps float64
		salp1a, calp1a := tiny, 1.0
		salp1b, calp1b := tiny, -1.0
		tripn, tripb := false, false
		for numit := 0; ; numit++ {
			var v, dv float64
			v, salp2, calp2, sig12, ssig1, csig1, ssig2, csig2, eps, dv =
				g.lambda12(sbet1, cbet1, dn1, sbet2, cbet2, dn2, salp1, calp1, slam12, clam12, numit < maxit1)
			tol := tol0
			if tripn {
				tol = 8 * tol0
			}
			// Written so that NaN ends the loop.
			if tripb || !(math.Abs(v) >= tol) || numit == maxit2 {
				break
			}
			if v > 0 && (numit > maxit1 || calp1/salp1 > calp1b/salp1b) {
				salp1b, calp1b = salp1, calp1
			} else if v < 0 && (numit > maxit1 || calp1/salp1 < calp1a/salp1a) {
				salp1a, calp1a = salp1, calp1
			}
			if numit < maxit1 && dv > 0 {
				dalp1 := -v / dv
				if math.Abs(dalp1) < math.Pi {
					sdalp1, cdalp1 := math.Sincos(dalp1)
					nsalp1 := salp1*cdalp1 + calp1*sdalp1
					if nsalp1 > 0 {
						calp1 = calp1*cdalp1 - salp1*sdalp1
						salp1 = nsalp1
						salp1, calp1 = norm2(salp1, calp1)
						// Convergence may be linear where the slope
						// vanishes: then test against ε, not √ε.
						tripn = math.Abs(v) <= 16*tol0
						continue
					}
				}
			}
			// Bad slope or step out of (0, π): bisect the bracket.
			salp1 = (salp1a + salp1b) / 2
			calp1 = (calp1a + calp1b) / 2
			salp1, calp1 = norm2(salp1, calp1)
			tripn = false
			tripb = math.Abs(salp1a-salp1)+(calp1a-calp1) < tolb ||
				math.Abs(salp1-salp1b)+(calp1-calp1b) < tolb
		}
		s12b, _, _ := g.lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, true)
		s12x = s12b * g.b
	}

	s12 = 0 + s12x // −0 → 0

	// Undo the canonical transformation.
	if swapp < 0 {
		salp1, salp2 = salp2, salp1
		calp1, calp2 = calp2, calp1
	}
	salp1 *= swapp * lonsign
	calp1 *= swapp * latsign
	salp2 *= swapp * lonsign
	calp2 *= swapp * latsign
	return s12, salp1, calp1, salp2, calp2
}

// lengths returns the reduced length m12/b and the coefficient m0 of its
// secular term, and with wantS also the distance s12/b.
func (g *Geodesic) lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2 float64, wantS bool) (s12b, m12b, m0 float64) {
	var ca, cb [nC]float64
	a1 := a1m1f(eps)
	c1f(eps, &ca)
	a2 := a2m1f(eps)
	c2f(eps, &cb)
	m0 = a1 - a2
	a1++
	a2++
	var j12 float64
	if wantS {
		b1 := sinSeries(ssig2, csig2, ca[1:]) - sinSeries(ssig1, csig1, ca[1:])
		s12b = a1 * (sig12 + b1)
		b2 := sinSeries(ssig2, csig2, cb[1:]) - sinSeries(ssig1, csig1, cb[1:])
		j12 = m0*sig12 + (a1*b1 - a2*b2)
	} else {
		for l := 1; l < nC; l++ {
			cb[l] = a1*ca[l] - a2*cb[l]
		}
		j12 = m0*sig12 + (sinSeries(ssig2, csig2, cb[1:]) - sinSeries(ssig1, csig1, cb[1:]))
	}
	// The parentheses keep the cancellation exact for coincident points.
	m12b = dn2*(csig1*ssig2) - dn1*(ssig1*csig2) - csig1*csig2*j12
	return s12b, m12b, m0
}

// astroid returns the positive root k of
// k⁴ + 2k³ − (x² + y² − 1)k² − 2y²k − y² = 0 (Karney 2013, the astroid
// problem; the same quartic as Vermeille's in ToGeodetic).
func astroid(x, y float64) float64 {
	p := x * x
	q := y * y
	r := (p + q - 1) / 6
	if q == 0 && r <= 0 {
		// y = 0 with |x| ≤ 1; for small y the root is |y|/√(1−x²).
		return 0
	}
	// S = r³s and the discriminant are scaled by r³ to avoid r = 0.
	S := p * q / 4
	r2 := r * r
	r3 := r * r2
	disc := S * (S + 2*r3) // zero on the astroid p^⅓ + q^⅓ = 1
	u := r
	if disc >= 0 {
		T3 := S + r3
		// The sign of the root maximises |T3| against cancellation.
		if T3 < 0 {
			T3 -= math.Sqrt(disc)
		} else {
			T3 += math.Sqrt(disc)
		}
		T := math.Cbrt(T3) // T = r·t
		if T != 0 {
			u += T + r2/T
		}
	} else {
		// T is complex; pick the cube root that avoids cancellation.
		ang := math.Atan2(math.Sqrt(-disc), -(S + r3))
		u += 2 * r * math.Cos(ang/3)
	}
	v := math.Sqrt(u*u + q) // > 0
	var uv float64          // u + v > 0, computed without cancellation
	if u < 0 {
		uv = q / (v - u)
	} else {
		uv = u + v
	}
	w := math.Max(0, (uv-q)/(2*v)) // ≥ 0 but for round-off
	return uv / (math.Sqrt(uv+w*w) + w)
}

// inverseStart returns a starting α1 for Newton's method. For short lines
// it solves the problem outright on the auxiliary sphere and returns σ12 ≥ 0
// with α2 and the mean dn; otherwise σ12 = −1. Nearly antipodal points use
// the astroid solution (Karney 2013).
func (g *Geodesic) inverseStart(sbet1, cbet1, dn1, sbet2, cbet2, dn2, lam12, slam12, clam12 float64) (sig12, salp1, calp1, salp2, calp2, dnm float64) {
	sig12 = -1
	// β12 = β2 − β1 in [0, π); β12a = β2 + β1 in (−π, 0].
	sbet12 := sbet2*cbet1 - cbet2*sbet1
	cbet12 := cbet2*cbet1 + sbet2*sbet1
	sbet12a := sbet2*cbet1 + cbet2*sbet1
	shortline := cbet12 >= 0 && sbet12 < 0.5 && cbet2*lam12 < 0.5
	var somg12, comg12 float64
	if shortline {
		// sin²((β1+β2)/2)
		sbetm2 := (sbet1 + sbet2) * (sbet1 + sbet2)
		sbetm2 /= sbetm2 + (cbet1+cbet2)*(cbet1+cbet2)
		dnm = math.Sqrt(1 + g.ep2*sbetm2)
		omg12 := lam12 / (g.f1 * dnm)
		somg12, comg12 = math.Sincos(omg12)
	} else {
		somg12, comg12 = slam12, clam12
	}

	salp1 = cbet2 * somg12
	if comg12 >= 0 {
		calp1 = sbet12 + cbet2*sbet1*somg12*somg12/(1+comg12)
	} else {
		calp1 = sbet12a - cbet2*sbet1*somg12*somg12/(1-comg12)
	}
	ssig12 := math.Hypot(salp1, calp1)
	csig12 := sbet1*sbet2 + cbet1*cbet2*comg12

	switch {
	case shortline && ssig12 < g.etol2:
		// Really short: the spherical solution is accurate.
		salp2 = cbet1 * somg12
		if comg12 >= 0 {
			calp2 = sbet12 - cbet1*sbet2*somg12*somg12/(1+comg12)
		} else {
			calp2 = sbet12 - cbet1*sbet2*(1-comg12)
		}
		salp2, calp2 = norm2(salp2, calp2)
		sig12 = math.Atan2(ssig12, csig12)
	case math.Abs(g.n) > 0.1 || csig12 >= 0 || ssig12 >= 6*math.Abs(g.n)*math.Pi*cbet1*cbet1:
		// The zeroth-order spherical start is good enough.
	default:
		// Nearly antipodal: scale to coordinates (x, y) in which the
		// antipode is the origin and the singular point is (−1, 0).
		var x, y, lamscale, betscale float64
		lam12x := math.Atan2(-slam12, -clam12) // λ12 − π
		if g.f >= 0 {
			// x = Δλ, y = Δβ
			k2 := sbet1 * sbet1 * g.ep2
			eps := k2 / (2*(1+math.Sqrt(1+k2)) + k2)
			lamscale = g.f * cbet1 * g.a3f(eps) * math.Pi
			betscale = lamscale * cbet1
			x = lam12x / lamscale
			y = sbet12a / betscale
		} else {
			// x = Δβ, y = Δλ
			cbet12a := cbet2*cbet1 - sbet2*sbet1
			bet12a := math.Atan2(sbet12a, cbet12a)
			_, m12b, m0 := g.lengths(g.n, math.Pi+bet12a, sbet1, -cbet1, dn1, sbet2, cbet2, dn2, false)
			x = -1 + m12b/(cbet1*cbet2*m0*math.Pi)
			if x < -0.01 {
				betscale = sbet12a / x
			} else {
				betscale = -g.f * cbet1 * cbet1 * math.Pi
			}
			lamscale = betscale / cbet1
			y = lam12x / lamscale
		}

		if y > -tol1 && x > -1-xthresh {
			// Strip near the cut.
			if g.f >= 0 {
				salp1 = math.Min(1, -x)
				calp1 = -math.Sqrt(1 - salp1*salp1)
			} else {
				lo := -1.0
				if x > -tol1 {
					lo = 0
				}
				calp1 = math.Max(lo, x)
				salp1 = math.Sqrt(1 - calp1*calp1)
			}
		} else {
			// Solve the astroid for ω12 and use it in the spherical
			// formula for α1 (fewer Newton steps than using k directly).
			k := astroid(x, y)
			var omg12a float64 // π − ω12
			if g.f >= 0 {
				omg12a = lamscale * (-x * k / (1 + k))
			} else {
				omg12a = lamscale * (-y * (1 + k) / k)
			}
			somg12, comg12 = math.Sincos(omg12a)
			comg12 = -comg12
			salp1 = cbet2 * somg12
			calp1 = sbet12a - cbet2*sbet1*somg12*somg12/(1-comg12)
		}
	}
	// Sanity check, written so that NaN passes.
	if !(salp1 <= 0) {
		salp1, calp1 = norm2(salp1, calp1)
	} else {
		salp1, calp1 = 1, 0
	}
	return sig12, salp1, calp1, salp2, calp2, dnm
}

// lambda12 returns λ12 − λ12(target) for the geodesic leaving β1 at α1, with
// the quantities the caller needs and, when diffp, the derivative dλ12/dα1
// (from the reduced length).
func (g *Geodesic) lambda12(sbet1, cbet1, dn1, sbet2, cbet2, dn2, salp1, calp1, slam120, clam120 float64, diffp bool) (lam12, salp2, calp2, sig12, ssig1, csig1, ssig2, csig2, eps, dlam12 float64) {
	if sbet1 == 0 && calp1 == 0 {
		// Break the degeneracy of the equatorial line (handled already).
		calp1 = -tiny
	}
	// sin α0 = sin α1 cos β1
	salp0 := salp1 * cbet1
	calp0 := math.Hypot(calp1, salp1*sbet1) // > 0

	// tan σ1 = tan β1 / cos α1; tan ω1 = sin α0 tan σ1
	ssig1 = sbet1
	somg1 := salp0 * sbet1
	csig1 = calp1 * cbet1
	comg1 := csig1
	ssig1, csig1 = norm2(ssig1, csig1)

	// Enforce the symmetry |β2| = −β1, where the Newton iteration can meet
	// a singularity. sin α2 cos β2 = sin α0.
	if cbet2 != cbet1 {
		salp2 = salp0 / cbet2
	} else {
		salp2 = salp1
	}
	// cos α2 = √(cos²α1 cos²β1 + cos²β2 − cos²β1) / cos β2, with the
	// difference of squares taken where it is accurate; α2 in [0, π/2].
	if cbet2 != cbet1 || math.Abs(sbet2) != -sbet1 {
		var d float64
		if cbet1 < -sbet1 {
			d = (cbet2 - cbet1) * (cbet1 + cbet2)
		} else {
			d = (sbet1 - sbet2) * (sbet1 + sbet2)
		}
		calp2 = math.Sqrt((calp1*cbet1)*(calp1*cbet1)+d) / cbet2
	} else {
		calp2 = math.Abs(calp1)
	}
	ssig2 = sbet2
	somg2 := salp0 * sbet2
	csig2 = calp2 * cbet2
	comg2 := csig2
	ssig2, csig2 = norm2(ssig2, csig2)

	// σ12 = σ2 − σ1 and ω12 = ω2 − ω1, both in [0, π].
	sig12 = math.Atan2(math.Max(0, csig1*ssig2-ssig1*csig2)+0, csig1*csig2+ssig1*ssig2)
	somg12 := math.Max(0, comg1*somg2-somg1*comg2) + 0
	comg12 := comg1*comg2 + somg1*somg2
	// η = ω12 − λ12(target)
	eta := math.Atan2(somg12*clam120-comg12*slam120, comg12*clam120+somg12*slam120)
	k2 := calp0 * calp0 * g.ep2
	eps = k2 / (2*(1+math.Sqrt(1+k2)) + k2)
	var c3a [geodOrder]float64
	g.c3f(eps, &c3a)
	b312 := sinSeries(ssig2, csig2, c3a[1:]) - sinSeries(ssig1, csig1, c3a[1:])
	domg12 := -g.f * g.a3f(eps) * salp0 * (sig12 + b312)
	lam12 = eta + domg12

	if diffp {
		if calp2 == 0 {
			dlam12 = -2 * g.f1 * dn1 / sbet1
		} else {
			_, m12b, _ := g.lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, false)
			dlam12 = m12b * g.f1 / (calp2 * cbet2)
		}
	}
	return lam12, salp2, calp2, sig12, ssig1, csig1, ssig2, csig2, eps, dlam12
}

// a3f evaluates A3.
func (g *Geodesic) a3f(eps float64) float64 {
	return polyval(g.a3x[:], eps)
}

// c3f evaluates C3l, l = 1 … 5, into c[1:6].
func (g *Geodesic) c3f(eps float64, c *[geodOrder]float64) {
	mult := 1.0
	o := 0
	for l := 1; l < geodOrder; l++ {
		m := geodOrder - l // number of terms
		mult *= eps
		c[l] = mult * polyval(g.c3x[o:o+m], eps)
		o += m
	}
}

// a1m1f returns A1 − 1, A1 = (1 + ε²/4 + ε⁴/64 + ε⁶/256)/(1 − ε), the
// scale of the distance series.
func a1m1f(eps float64) float64 {
	e2 := eps * eps
	t := e2 * (e2*(e2+4) + 64) / 256
	return (t + eps) / (1 - eps)
}

// c1f sets c[1:7] to the C1l, the terms of the distance series.
func c1f(eps float64, c *[nC]float64) {
	e2 := eps * eps
	d := eps
	c[1] = d * (e2*(6-e2) - 16) / 32
	d *= eps
	c[2] = d * (e2*(64-9*e2) - 128) / 2048
	d *= eps
	c[3] = d * (9*e2 - 16) / 768
	d *= eps
	c[4] = d * (3*e2 - 5) / 512
	d *= eps
	c[5] = -7 * d / 1280
	d *= eps
	c[6] = -7 * d / 2048
}

// c1pf sets c[1:7] to the C′1l, which revert the distance series.
func c1pf(eps float64, c *[nC]float64) {
	e2 := eps * eps
	d := eps
	c[1] = d * (e2*(205*e2-432) + 768) / 1536
	d *= eps
	c[2] = d * (e2*(4005*e2-4736) + 3840) / 12288
	d *= eps
	c[3] = d * (116 - 225*e2) / 384
	d *= eps
	c[4] = d * (2695 - 7173*e2) / 7680
	d *= eps
	c[5] = 3467 * d / 7680
	d *= eps
	c[6] = 38081 * d / 61440
}

// a2m1f returns A2 − 1, A2 = (1 − 3ε²/4 − 7ε⁴/64 − 11ε⁶/256)/(1 + ε), the
// scale of the reduced-length series.
func a2m1f(eps float64) float64 {
	e2 := eps * eps
	t := e2 * (e2*(-11*e2-28) - 192) / 256
	return (t - eps) / (1 + eps)
}

// c2f sets c[1:7] to the C2l, the terms of the reduced-length series.
func c2f(eps float64, c *[nC]float64) {
	e2 := eps * eps
	d := eps
	c[1] = d * (e2*(e2+2) + 16) / 32
	d *= eps
	c[2] = d * (e2*(35*e2+64) + 384) / 2048
	d *= eps
	c[3] = d * (15*e2 + 80) / 768
	d *= eps
	c[4] = d * (7*e2 + 35) / 512
	d *= eps
	c[5] = 63 * d / 1280
	d *= eps
	c[6] = 77 * d / 2048
}

// sinSeries returns Σ c[k−1] sin(2kx), k = 1 … len(c), by Clenshaw
// summation, given sin x and cos x.
func sinSeries(sinx, cosx float64, c []float64) float64 {
	ar := 2 * (cosx - sinx) * (cosx + sinx) // 2 cos 2x
	var y0, y1 float64
	n := len(c)
	if n&1 == 1 {
		n--
		y0 = c[n]
	}
	for n > 0 {
		n--
		y1 = ar*y0 - y1 + c[n]
		n--
		y0 = ar*y1 - y0 + c[n]
	}
	return 2 * sinx * cosx * y0
}

// polyval evaluates the polynomial with coefficients p, highest power first.
func polyval(p []float64, x float64) float64 {
	var y float64
	for _, c := range p {
		y = y*x + c
	}
	return y
}

// norm2 scales (s, c) to unit length.
func norm2(s, c float64) (float64, float64) {
	r := math.Hypot(s, c)
	return s / r, c / r
}

// sumx returns s = round(u + v) and the rounding error t, so that
// u + v = s + t exactly (Knuth's TwoSum).
func sumx(u, v float64) (s, t float64) {
	s = u + v
	up := s - v
	vpp := s - up
	up -= u
	vpp -= v
	if s != 0 {
		t = 0 - (up + vpp)
	} else {
		t = s
	}
	return s, t
}

// angNormalize reduces x, degrees, to [−180, 180].
func angNormalize(x float64) float64 {
	y := math.Remainder(x, 360)
	if math.Abs(y) == 180 {
		return math.Copysign(180, x)
	}
	return y
}

// latFix returns NaN for a latitude, degrees, outside [−90, 90].
func latFix(x float64) float64 {
	if math.Abs(x) > 90 {
		return math.NaN()
	}
	return x
}

// angDiff returns y − x, degrees, reduced to [−180, 180] and computed
// carefully, with the rounding error e of the result.
func angDiff(x, y float64) (d, e float64) {
	d, t := sumx(math.Remainder(-x, 360), math.Remainder(y, 360))
	// This sum changes d only if |d| < 128, so no further reduction.
	d, t = sumx(math.Remainder(d, 360), t)
	if d == 0 || math.Abs(d) == 180 {
		// Sign of ±0 and ±180 from y − x, or opposite to the error.
		s := -t
		if t == 0 {
			s = y - x
		}
		d = math.Copysign(d, s)
	}
	return d, t
}

// angRound rounds x, degrees, so that values closer to zero than 1/16 keep
// about as many bits as 1/16 does: nearly equatorial is treated as
// equatorial and tiny azimuths do not underflow.
func angRound(x float64) float64 {
	const z = 1.0 / 16
	y := math.Abs(x)
	w := z - y
	if w > 0 {
		y = z - w
	}
	return math.Copysign(y, x)
}

// sincosd returns the sine and cosine of x, degrees, reducing the argument
// to [−45, 45] exactly first.
func sincosd(x float64) (sinx, cosx float64) {
	r, q := remquo90(x)
	return sincosQuadrant(r*degree, q, x)
}

// sincosde is sincosd of x + t, t a small correction.
func sincosde(x, t float64) (sinx, cosx float64) {
	r, q := remquo90(x)
	return sincosQuadrant(angRound(r+t)*degree, q, x)
}

// remquo90 returns x reduced to [−45, 45] and the quadrant (mod 4).
func remquo90(x float64) (r float64, q int) {
	r = math.Remainder(x, 90) // exact
	// (x − r)/90 is an integer; only its value mod 4 is needed.
	n := math.Mod(math.Round((x-r)/90), 4)
	if n < 0 {
		n += 4
	}
	if math.IsNaN(n) {
		return math.NaN(), 0
	}
	return r, int(n)
}

func sincosQuadrant(r float64, q int, x float64) (sinx, cosx float64) {
	s, c := math.Sincos(r)
	switch q & 3 {
	case 0:
		sinx, cosx = s, c
	case 1:
		sinx, cosx = c, -s
	case 2:
		sinx, cosx = -s, -c
	default:
		sinx, cosx = -c, s
	}
	cosx += 0 // −0 → +0
	if sinx == 0 {
		sinx = math.Copysign(sinx, x)
	}
	return sinx, cosx
}
