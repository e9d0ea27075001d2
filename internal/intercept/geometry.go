package intercept

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Threat gives a threat's ECEF position (m) and Earth-relative velocity
// (m/s) at time t (s from the scenario epoch): truth, a track prediction
// (PredictTrack) or a sampled path (Sample).
type Threat func(t float64) (pos, vel r3.Vec)

// siteFrame is a launch site prepared for fast engagement geometry.
type siteFrame struct {
	lla  geo.LLA
	up   r3.Vec // geocentric unit vector of the site
	alt  float64
	ecef r3.Vec
}

func newSiteFrame(s geo.LLA) siteFrame {
	p := geo.WGS84.ToECEF(s)
	return siteFrame{lla: s, up: r3.Unit(p), alt: s.Alt, ecef: p}
}

// rangeAlt returns the ground range from the site to p on the envelope's
// sphere (earthRadius times the geocentric angle) and p's height above the
// WGS-84 ellipsoid.
func (s *siteFrame) rangeAlt(p r3.Vec) (g, h float64) {
	c := r3.Cross(s.up, p)
	g = earthRadius * math.Atan2(norm(c), r3.Dot(s.up, p))
	return g, altitude(p)
}

// interceptorVel returns the interceptor's ECEF velocity at p when it
// arrives with speed v and flight-path angle gamma, flying in the vertical
// plane through the site and p, away from the site.
func (s *siteFrame) interceptorVel(p r3.Vec, v, gamma float64) r3.Vec {
	u := r3.Scale(1/norm(p), p)
	d := r3.Sub(r3.Scale(r3.Dot(s.up, u), u), s.up) // away from the site, horizontal at p
	n := norm(d)
	sg, cg := math.Sincos(gamma)
	if n < 1e-12 {
		return r3.Scale(v*sg, u)
	}
	return r3.Add(r3.Scale(v*cg/n, d), r3.Scale(v*sg, u))
}

// altitude returns the height above the WGS-84 ellipsoid of an ECEF point
// by one step of Bowring's method (Bowring, Survey Review 23(181), 1976),
// as flight uses: error below 0.1 mm from the ground to 3,000 km.
func altitude(p r3.Vec) float64 {
	const (
		a   = geo.WGS84A
		f   = geo.WGS84F
		b   = a * (1 - f)
		e2  = f * (2 - f)
		ep2 = e2 / ((1 - f) * (1 - f))
	)
	q, z := math.Sqrt(p.X*p.X+p.Y*p.Y), p.Z
	t := math.Sqrt(z*a*z*a + q*b*q*b)
	if t == 0 {
		return -b
	}
	s, c := z*a/t, q*b/t
	num := z + ep2*b*s*s*s
	den := q - e2*a*c*c*c
	n := math.Sqrt(num*num + den*den)
	sp, cp := num/n, den/n
	return q*cp + z*sp - a*math.Sqrt(1-e2*sp*sp)
}

// Path is a threat sampled at a fixed step and interpolated by cubic
// Hermite polynomials in position and velocity: cheap to evaluate many times
// (one Path serves every site and interceptor of a trial). Outside its span
// it holds the end states.
type Path struct {
	T0, Dt   float64
	Pos, Vel []r3.Vec
}

// Sample samples th every dt seconds over [t0, t1] (both ends included).
// A ballistic midcourse sampled every 5 s interpolates to well under a
// metre; use 1 s or less through boost, where thrust changes abruptly.
func Sample(th Threat, t0, t1, dt float64) *Path {
	n := int(math.Ceil((t1-t0)/dt)) + 1
	n = max(n, 2)
	dt = (t1 - t0) / float64(n-1)
	p := &Path{T0: t0, Dt: dt, Pos: make([]r3.Vec, n), Vel: make([]r3.Vec, n)}
	for i := range n {
		p.Pos[i], p.Vel[i] = th(t0 + float64(i)*dt)
	}
	return p
}

// Span returns the first and last sample times.
func (p *Path) Span() (t0, t1 float64) { return p.T0, p.T0 + float64(len(p.Pos)-1)*p.Dt }

// At evaluates the path at t: the cubic Hermite interpolant of the
// position and its derivative.
func (p *Path) At(t float64) (pos, vel r3.Vec) {
	x := (t - p.T0) / p.Dt
	n := len(p.Pos)
	switch {
	case !(x > 0):
		return p.Pos[0], p.Vel[0]
	case x >= float64(n-1):
		return p.Pos[n-1], p.Vel[n-1]
	}
	i := int(x)
	s := x - float64(i)
	h := p.Dt
	p0, p1, v0, v1 := p.Pos[i], p.Pos[i+1], p.Vel[i], p.Vel[i+1]
	s2, s3 := s*s, s*s*s
	h00, h10, h01, h11 := 2*s3-3*s2+1, s3-2*s2+s, -2*s3+3*s2, s3-s2
	d00, d10, d01, d11 := (6*s2-6*s)/h, 3*s2-4*s+1, (-6*s2+6*s)/h, 3*s2-2*s
	pos = r3.Vec{
		X: h00*p0.X + h10*h*v0.X + h01*p1.X + h11*h*v1.X,
		Y: h00*p0.Y + h10*h*v0.Y + h01*p1.Y + h11*h*v1.Y,
		Z: h00*p0.Z + h10*h*v0.Z + h01*p1.Z + h11*h*v1.Z,
	}
	vel = r3.Vec{
		X: d00*p0.X + d10*v0.X + d01*p1.X + d11*v1.X,
		Y: d00*p0.Y + d10*v0.Y + d01*p1.Y + d11*v1.Y,
		Z: d00*p0.Z + d10*v0.Z + d01*p1.Z + d11*v1.Z,
	}
	return pos, vel
}

// norm is |v| without math.Hypot's overflow guard, which costs a third of
// a window scan; the magnitudes here are far from overflow.
func norm(v r3.Vec) float64 { return math.Sqrt(v.X*v.X + v.Y*v.Y + v.Z*v.Z) }
