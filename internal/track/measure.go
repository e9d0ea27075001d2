package track

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
)

// MeasurementKind says which measurement model a Detection uses.
type MeasurementKind uint8

const (
	// RangeAzEl is z = (range, azimuth, elevation) from the sensor's ENU
	// origin: range in m, azimuth in rad clockwise from north in [0, 2π),
	// elevation in rad above the plane normal to the ellipsoid's up.
	RangeAzEl MeasurementKind = iota
	// PositionECEF is z = (x, y, z) ECEF position, m: a linear model
	// H = [I 0] for converted or fused position reports.
	PositionECEF
)

func (k MeasurementKind) String() string {
	switch k {
	case RangeAzEl:
		return "range-az-el"
	case PositionECEF:
		return "position-ecef"
	}
	return "unknown"
}

// Detection is one measurement of one object by one sensor.
type Detection struct {
	Time   float64         // s from the scenario epoch
	Sensor string          // sensor id
	Frame  geo.ENU         // sensor origin (ECEF) and its ENU axes
	Kind   MeasurementKind // model of Z
	Z      Vec3            // measurement, see MeasurementKind
	R      Mat3            // measurement noise covariance
}

// Sensor is a radar's identity, site and noise; Detect builds its
// detections.
type Sensor struct {
	ID               string
	Frame            geo.ENU
	SigmaRange       float64 // m
	SigmaAz, SigmaEl float64 // rad
}

// NewSensor returns a sensor at site on the WGS-84 ellipsoid.
func NewSensor(id string, site geo.LLA, sigmaRange, sigmaAz, sigmaEl float64) Sensor {
	return Sensor{ID: id, Frame: geo.WGS84.NewENU(site), SigmaRange: sigmaRange, SigmaAz: sigmaAz, SigmaEl: sigmaEl}
}

// Detect returns a range/az/el detection at time t with R = diag(σR², σaz², σel²).
func (s *Sensor) Detect(t, rng, az, el float64) Detection {
	var r Mat3
	r[0][0] = s.SigmaRange * s.SigmaRange
	r[1][1] = s.SigmaAz * s.SigmaAz
	r[2][2] = s.SigmaEl * s.SigmaEl
	return Detection{Time: t, Sensor: s.ID, Frame: s.Frame, Kind: RangeAzEl, Z: Vec3{rng, az, el}, R: r}
}

// Measure returns the noise-free measurement h(x) of a state x.
func (d *Detection) Measure(x *Vec6) Vec3 {
	if d.Kind == PositionECEF {
		return Vec3{x[0], x[1], x[2]}
	}
	e, n, u := d.local(x)
	return rangeAzEl(e, n, u)
}

// dirCos holds the sines and cosines of a range–azimuth–elevation
// detection's measured azimuth and elevation (math.Sincos of Z[1] and
// Z[2]), which the innovation reads: formed once per detection, not once
// per track it is gated against.
type dirCos struct{ sa, ca, se, ce float64 }

// dirCosOf returns d's dirCos; zero for a PositionECEF detection.
func dirCosOf(d *Detection) dirCos {
	if d.Kind != RangeAzEl {
		return dirCos{}
	}
	var c dirCos
	c.sa, c.ca = math.Sincos(d.Z[1])
	c.se, c.ce = math.Sincos(d.Z[2])
	return c
}

// residualJacobianTo writes to y the innovation z − h(x) (azimuth wrapped
// to (−π, π]) and to h the Jacobian H at x, dc being d's dirCos.
//
// The angle residuals are not the differences of two arctangents but the
// angle between the measured and the predicted direction, in the plane of
// each: for the azimuth, with the predicted horizontal direction (e, n),
//
//	az_z − az_x = atan2(sin az_z·n − cos az_z·e, cos az_z·n + sin az_z·e),
//
// and for the elevation alike with (ρ, u), ρ = √(e² + n²) (the sine and
// cosine of a difference of angles). The residuals of the detections a
// track gates are small, so the arctangent is smallAtan. The result
// differs from ẑ's arctangents subtracted by rounding only (the
// subtraction lost ~10⁻¹⁶ of the angle itself, the residual here is
// relative 10⁻¹⁶ of the residual); TestResidualJacobianMatches.
func (d *Detection) residualJacobianTo(x *Vec6, dc *dirCos, h *Mat36, y *Vec3) {
	if d.Kind == PositionECEF {
		*h = Mat36{}
		h[0][0], h[1][1], h[2][2] = 1, 1, 1
		y[0], y[1], y[2] = d.Z[0]-x[0], d.Z[1]-x[1], d.Z[2]-x[2]
		return
	}
	e, n, u := d.local(x)
	rho2 := e*e + n*n
	r2 := rho2 + u*u
	r := math.Sqrt(r2)
	rho := math.Sqrt(rho2)
	y[0] = d.Z[0] - r
	y[1] = smallAtan(dc.sa*n-dc.ca*e, dc.ca*n+dc.sa*e)
	y[2] = smallAtan(dc.se*rho-dc.ce*u, dc.ce*rho+dc.se*u)
	if rho2 < 1e-12 {
		rho2 = 1e-12 // at the zenith azimuth is undefined
		rho = math.Sqrt(rho2)
		r2 = rho2 + u*u
		r = math.Sqrt(r2)
	}
	ir := 1 / r
	ir2 := ir * ir
	irho2 := 1 / rho2
	kel := ir2 / rho
	dr := [3]float64{e * ir, n * ir, u * ir}
	daz := [3]float64{n * irho2, -e * irho2, 0}
	del := [3]float64{-e * u * kel, -n * u * kel, rho * ir2}
	enuRowsToECEF(h, &d.Frame, &dr, &daz, &del)
}

// smallAtanMax bounds |s/c| for smallAtan's series: its first omitted
// term, t⁹/9, is then below 10⁻¹⁷ of t (2⁻⁵⁶/9).
const smallAtanMax = 1.0 / 128

// smallAtan returns atan2(s, c) in (−π, π]: for c > 0 and |s/c| ≤
// smallAtanMax by the series t − t³/3 + t⁵/5 − t⁷/7 of t = s/c (one
// division, where atan2 takes two and a rational function), else by
// math.Atan2.
func smallAtan(s, c float64) float64 {
	if c > 0 && math.Abs(s) <= smallAtanMax*c {
		t := s / c
		t2 := t * t
		return t * (1 + t2*(-1.0/3+t2*(1.0/5-t2*(1.0/7))))
	}
	return math.Atan2(s, c)
}

// rangeAzEl returns (r, az, el) of the ENU offset (e, n, u).
func rangeAzEl(e, n, u float64) Vec3 {
	rho := math.Hypot(e, n)
	az := math.Atan2(e, n)
	if az < 0 {
		az += 2 * math.Pi
	}
	return Vec3{math.Sqrt(rho*rho + u*u), az, math.Atan2(u, rho)}
}

// local returns the ENU coordinates of the position in x.
func (d *Detection) local(x *Vec6) (e, n, u float64) {
	f := &d.Frame
	dx, dy, dz := x[0]-f.OriginECEF.X, x[1]-f.OriginECEF.Y, x[2]-f.OriginECEF.Z
	e = f.E.X*dx + f.E.Y*dy + f.E.Z*dz
	n = f.N.X*dx + f.N.Y*dy + f.N.Z*dz
	u = f.U.X*dx + f.U.Y*dy + f.U.Z*dz
	return e, n, u
}

// Jacobian returns H = ∂h/∂x at x. For RangeAzEl it is the ENU Jacobian
// of (r, az, el) rotated to ECEF; velocity columns are zero.
func (d *Detection) Jacobian(x *Vec6) Mat36 {
	if d.Kind == PositionECEF {
		var h Mat36
		h[0][0], h[1][1], h[2][2] = 1, 1, 1
		return h
	}
	e, n, u := d.local(x)
	var h Mat36
	d.jacobianENU(e, n, u, &h)
	return h
}

// jacobianENU writes Jacobian at the ENU offset (e, n, u) to h.
func (d *Detection) jacobianENU(e, n, u float64, h *Mat36) {
	rho2 := e*e + n*n
	if rho2 < 1e-12 {
		rho2 = 1e-12 // at the zenith azimuth is undefined
	}
	rho := math.Sqrt(rho2)
	r2 := rho2 + u*u
	r := math.Sqrt(r2)
	// Rows in ENU: ∂r, ∂az, ∂el with respect to (e, n, u).
	dr := [3]float64{e / r, n / r, u / r}
	daz := [3]float64{n / rho2, -e / rho2, 0}
	del := [3]float64{-e * u / (r2 * rho), -n * u / (r2 * rho), rho / r2}
	enuRowsToECEF(h, &d.Frame, &dr, &daz, &del)
}

// Residual returns z − ẑ, with the azimuth difference wrapped to (−π, π].
func (d *Detection) Residual(z, zhat Vec3) Vec3 {
	y := Vec3{z[0] - zhat[0], z[1] - zhat[1], z[2] - zhat[2]}
	if d.Kind == RangeAzEl {
		y[1] = wrapPi(y[1])
	}
	return y
}

// PositionECEF returns the detection converted to an ECEF position and its
// first-order covariance J R Jᵀ (for RangeAzEl, J = ∂p/∂(r, az, el)).
func (d *Detection) PositionECEF() (Vec3, Mat3) {
	if d.Kind == PositionECEF {
		return d.Z, d.R
	}
	p, j := d.positionJacobian()
	var c Mat3
	for a := range 3 {
		for b := range 3 {
			var s float64
			for k := range 3 {
				for l := range 3 {
					s += j[a][k] * d.R[k][l] * j[b][l]
				}
			}
			c[a][b] = s
		}
	}
	return p, c
}

// positionTrace returns what the coarse gate reads of PositionECEF: the
// position and the trace of its covariance. For a diagonal R that trace
// is σR² + σaz² r² cos² el + σel² r², the squared lengths of the columns
// of J (the ENU axes are orthonormal, so the rotation to ECEF keeps
// them); it equals PositionECEF's to rounding, which the coarse gate's
// factor 2 covers.
func (d *Detection) positionTrace() (Vec3, float64) {
	if d.Kind == PositionECEF {
		return d.Z, d.R[0][0] + d.R[1][1] + d.R[2][2]
	}
	if _, diag := positiveDiagonal(&d.R); diag {
		p, ce := d.position()
		r := d.Z[0]
		rc := r * ce
		return p, d.R[0][0] + d.R[1][1]*rc*rc + d.R[2][2]*r*r
	}
	p, j := d.positionJacobian()
	var c [3]float64
	for a := range 3 {
		var s float64
		for k := range 3 {
			for l := range 3 {
				s += j[a][k] * d.R[k][l] * j[a][l]
			}
		}
		c[a] = s
	}
	return p, c[0] + c[1] + c[2]
}

// position returns a RangeAzEl detection's ECEF position, as
// positionJacobian does, and the cosine of its elevation.
func (d *Detection) position() (Vec3, float64) {
	r, az, el := d.Z[0], d.Z[1], d.Z[2]
	sa, ca := math.Sincos(az)
	se, ce := math.Sincos(el)
	loc := [3]float64{r * ce * sa, r * ce * ca, r * se}
	f := &d.Frame
	rot := Mat3{{f.E.X, f.N.X, f.U.X}, {f.E.Y, f.N.Y, f.U.Y}, {f.E.Z, f.N.Z, f.U.Z}}
	o := Vec3{f.OriginECEF.X, f.OriginECEF.Y, f.OriginECEF.Z}
	var p Vec3
	for i := range 3 {
		p[i] = o[i] + rot[i][0]*loc[0] + rot[i][1]*loc[1] + rot[i][2]*loc[2]
	}
	return p, ce
}

// positionJacobian returns a RangeAzEl detection's ECEF position and
// J = ∂p/∂(r, az, el).
func (d *Detection) positionJacobian() (Vec3, Mat3) {
	r, az, el := d.Z[0], d.Z[1], d.Z[2]
	sa, ca := math.Sincos(az)
	se, ce := math.Sincos(el)
	loc := [3]float64{r * ce * sa, r * ce * ca, r * se}
	// ∂(e, n, u)/∂(r, az, el).
	jl := Mat3{
		{ce * sa, r * ce * ca, -r * se * sa},
		{ce * ca, -r * ce * sa, -r * se * ca},
		{se, 0, r * ce},
	}
	f := &d.Frame
	// ECEF = origin + E e + N n + U u; rotation columns E, N, U.
	rot := Mat3{{f.E.X, f.N.X, f.U.X}, {f.E.Y, f.N.Y, f.U.Y}, {f.E.Z, f.N.Z, f.U.Z}}
	var p Vec3
	o := Vec3{f.OriginECEF.X, f.OriginECEF.Y, f.OriginECEF.Z}
	var j Mat3
	for i := range 3 {
		p[i] = o[i] + rot[i][0]*loc[0] + rot[i][1]*loc[1] + rot[i][2]*loc[2]
		for k := range 3 {
			j[i][k] = rot[i][0]*jl[0][k] + rot[i][1]*jl[1][k] + rot[i][2]*jl[2][k]
		}
	}
	return p, j
}

// enuRowsToECEF fills h with the rows ∂r, ∂az, ∂el of a range-azimuth-
// elevation measurement given in ENU (dr, daz, del) turned to ECEF
// position columns through the sensor frame f, and zero velocity
// columns: h[i][j] = Σₖ row_i[k]·axis_k[j], the sums in k order.
func enuRowsToECEF(h *Mat36, f *geo.ENU, dr, daz, del *[3]float64) {
	ax := [3][3]float64{{f.E.X, f.E.Y, f.E.Z}, {f.N.X, f.N.Y, f.N.Z}, {f.U.X, f.U.Y, f.U.Z}}
	// Written out, the loop's operations in its order.
	h[0][0] = dr[0]*ax[0][0] + dr[1]*ax[1][0] + dr[2]*ax[2][0]
	h[1][0] = daz[0]*ax[0][0] + daz[1]*ax[1][0] + daz[2]*ax[2][0]
	h[2][0] = del[0]*ax[0][0] + del[1]*ax[1][0] + del[2]*ax[2][0]
	h[0][1] = dr[0]*ax[0][1] + dr[1]*ax[1][1] + dr[2]*ax[2][1]
	h[1][1] = daz[0]*ax[0][1] + daz[1]*ax[1][1] + daz[2]*ax[2][1]
	h[2][1] = del[0]*ax[0][1] + del[1]*ax[1][1] + del[2]*ax[2][1]
	h[0][2] = dr[0]*ax[0][2] + dr[1]*ax[1][2] + dr[2]*ax[2][2]
	h[1][2] = daz[0]*ax[0][2] + daz[1]*ax[1][2] + daz[2]*ax[2][2]
	h[2][2] = del[0]*ax[0][2] + del[1]*ax[1][2] + del[2]*ax[2][2]
	h[0][3], h[0][4], h[0][5] = 0, 0, 0
	h[1][3], h[1][4], h[1][5] = 0, 0, 0
	h[2][3], h[2][4], h[2][5] = 0, 0, 0
}
