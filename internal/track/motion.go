package track

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
)

// Estimate is a Gaussian state estimate at time T: mean X and covariance P.
type Estimate struct {
	T float64 // s from the scenario epoch
	X Vec6    // ECEF [x y z vx vy vz], m and m/s
	P Mat6    // covariance of X
}

// Position returns the position part of X.
func (e *Estimate) Position() Vec3 { return Vec3{e.X[0], e.X[1], e.X[2]} }

// Velocity returns the velocity part of X.
func (e *Estimate) Velocity() Vec3 { return Vec3{e.X[3], e.X[4], e.X[5]} }

// MotionModel is a transition model for the ECEF state.
type MotionModel interface {
	// Propagate returns the state dt seconds after x, and the Jacobian
	// F = ∂x(t+dt)/∂x(t) of that map.
	Propagate(x Vec6, dt float64) (Vec6, Mat6)
	// Noise returns the discrete process noise covariance Q over dt at x.
	Noise(x Vec6, dt float64) Mat6
}

// whiteAccelNoise returns the discretised continuous white-noise
// acceleration covariance with spectral density q, m²/s³, per axis
// (Bar-Shalom et al. 2001, §6.2.2):
//
//	Q = q [ dt³/3 I  dt²/2 I ; dt²/2 I  dt I ].
func whiteAccelNoise(q, dt float64) Mat6 {
	dt = math.Abs(dt)
	var m Mat6
	a, b, c := q*dt*dt*dt/3, q*dt*dt/2, q*dt
	for i := range 3 {
		m[i][i] = a
		m[i][i+3] = b
		m[i+3][i] = b
		m[i+3][i+3] = c
	}
	return m
}

// ConstantVelocity is the nearly-constant-velocity model: x(t+dt) = F x(t)
// + w, F = [I dt·I; 0 I], w ~ N(0, Q) with Q the discretised white-noise
// acceleration of spectral density Q, m²/s³. It ignores gravity and Earth
// rotation, so it suits short gaps and air-breathing targets.
type ConstantVelocity struct {
	Q float64 // acceleration spectral density, m²/s³
}

// Transition returns F(dt).
func (m ConstantVelocity) Transition(dt float64) Mat6 {
	f := ident6()
	for i := range 3 {
		f[i][i+3] = dt
	}
	return f
}

// Propagate implements MotionModel.
func (m ConstantVelocity) Propagate(x Vec6, dt float64) (Vec6, Mat6) {
	for i := range 3 {
		x[i] += dt * x[i+3]
	}
	return x, m.Transition(dt)
}

// Noise implements MotionModel.
func (m ConstantVelocity) Noise(_ Vec6, dt float64) Mat6 { return whiteAccelNoise(m.Q, dt) }

// Ballistic is unpowered flight above the atmosphere in the rotating ECEF
// frame: central plus J2 gravity, Coriolis and centrifugal terms,
//
//	r̈ = g(r) − 2ω×ṙ − ω×(ω×r),  ω = (0, 0, Omega),
//
// propagated by RK4 substeps of at most MaxStep (an EKF's predictions of
// at most ShortStep take one constant-acceleration step). Process noise
// is white acceleration of spectral density Q, m²/s³. The zero value of
// each physical constant selects WGS-84; set the field NoJ2 to drop J2.
type Ballistic struct {
	Q       float64 // acceleration spectral density, m²/s³
	MaxStep float64 // longest RK4 substep, s; 0 means 2 s
	NoJ2    bool    // central gravity only
	GM      float64 // m³/s²; 0 means geo.WGS84GM
	J2      float64 // 0 means geo.WGS84J2 (unless NoJ2)
	Radius  float64 // equatorial radius for J2, m; 0 means geo.WGS84A
	Omega   float64 // Earth rotation, rad/s; 0 means geo.WGS84Omega; use NoRotation
	// NoRotation treats ECEF as inertial (Omega = 0).
	NoRotation bool
	// ShortStep is the longest prediction, s, that an EKF takes in one
	// constant-acceleration step: the state
	//
	//	r⁺ = r + v Δ + a Δ²/2,  v⁺ = v + a Δ,  a = r̈(r, v) at the start,
	//
	// and the covariance by the constant-velocity transition [I Δ·I; 0 I]
	// instead of Π (I + A h + A² h²/2). 0 means never. The state step
	// errs by the jerk, |ȧ| ≤ 3μ/r³·|v| + 2ω|a| ≈ 0.02 m/s³: at most
	// |ȧ|Δ³/6 and |ȧ|Δ²/2, centimetres and cm/s at 2 s. The covariance
	// leaves out the gravity gradient and the Coriolis and centrifugal
	// terms, entries of relative size 3μ/r³·Δ ≈ 2·10⁻⁶ and 2ωΔ ≈
	// 1.5·10⁻⁴ per second. TestShortStepNearFull bounds both against the
	// RK4 and the full transition.
	ShortStep float64
}

// shortStep reports whether a prediction over dt takes one
// constant-acceleration step (see ShortStep).
func (m *Ballistic) shortStep(dt float64) bool { return math.Abs(dt) <= m.ShortStep }

// shortStepState is the state of the constant-acceleration step over dt
// (see ShortStep).
func (m *Ballistic) shortStepState(x *Vec6, dt float64) Vec6 {
	var out Vec6
	m.shortStepStateTo(x, dt, &out)
	return out
}

// shortStepStateTo writes shortStepState(x, dt) to out, which must not be x.
func (m *Ballistic) shortStepStateTo(x *Vec6, dt float64, out *Vec6) {
	c := newBallisticConst(m.constants())
	ax, ay, az := c.accelOf(x[0], x[1], x[2], x[3], x[4])
	h2 := dt * dt / 2
	out[0], out[1], out[2] = x[0]+x[3]*dt+ax*h2, x[1]+x[4]*dt+ay*h2, x[2]+x[5]*dt+az*h2
	out[3], out[4], out[5] = x[3]+ax*dt, x[4]+ay*dt, x[5]+az*dt
}

func (m *Ballistic) constants() (gm, j2, re, w float64) {
	gm, j2, re, w = m.GM, m.J2, m.Radius, m.Omega
	if gm == 0 {
		gm = geo.WGS84GM
	}
	if j2 == 0 {
		j2 = geo.WGS84J2
	}
	if m.NoJ2 {
		j2 = 0
	}
	if re == 0 {
		re = geo.WGS84A
	}
	if w == 0 {
		w = geo.WGS84Omega
	}
	if m.NoRotation {
		w = 0
	}
	return gm, j2, re, w
}

type ballisticConst struct {
	gm, j2, re, w float64
	// Products of the constants that accel and jacobian use, formed
	// once, with the operations, and so the rounding, they had inline.
	jq  float64 // 1.5·J2·Re², as ((1.5·J2)·Re)·Re
	pj  float64 // GM·1.5·J2·Re², as (((GM·1.5)·J2)·Re)·Re
	gm3 float64 // 3·GM
	ww  float64 // ω²
	w2  float64 // 2ω
}

func newBallisticConst(gm, j2, re, w float64) ballisticConst {
	return ballisticConst{gm: gm, j2: j2, re: re, w: w,
		jq: 1.5 * j2 * re * re, pj: gm * 1.5 * j2 * re * re, gm3: 3 * gm, ww: w * w, w2: 2 * w}
}

// accel returns r̈ in ECEF for state x.
func (c *ballisticConst) accel(x *Vec6) Vec3 {
	ax, ay, az := c.accelOf(x[0], x[1], x[2], x[3], x[4])
	return Vec3{ax, ay, az}
}

// accelOf is accel of position (px, py, pz) and horizontal velocity (vx,
// vy), in scalars, which the calling convention keeps in registers.
func (c *ballisticConst) accelOf(px, py, pz, vx, vy float64) (ax, ay, az float64) {
	// One division: 1/r², and 1/r as its square root (equal to the three
	// quotients to rounding).
	r2 := px*px + py*py + pz*pz
	ir2 := 1 / r2
	k := -c.gm * (ir2 * math.Sqrt(ir2))
	q := c.jq * ir2
	s := 5 * pz * pz * ir2
	fxy, fz := 1+q*(1-s), 1+q*(3-s)
	return k*px*fxy + c.ww*px + c.w2*vy, k*py*fxy + c.ww*py - c.w2*vx, k * pz * fz
}

// jacobian returns A = ∂ẋ/∂x = [0 I; G C]: G the gravity gradient plus the
// centrifugal term, C the Coriolis term.
func (c *ballisticConst) jacobian(x *Vec6) Mat6 {
	var a Mat6
	a[0][3], a[1][4], a[2][5] = 1, 1, 1
	p := [3]float64{x[0], x[1], x[2]}
	r2 := p[0]*p[0] + p[1]*p[1] + p[2]*p[2]
	r := math.Sqrt(r2)
	r3 := r2 * r
	r5 := r3 * r2
	r7 := r5 * r2
	r9 := r7 * r2
	z := p[2]
	pj := c.pj
	ci := [3]float64{1, 1, 3}
	for i := range 3 {
		for j := range 3 {
			g := c.gm3 * p[i] * p[j] / r5
			j2 := 5*ci[i]*p[i]*p[j]/r7 - 35*p[i]*p[j]*z*z/r9
			if j == 2 {
				j2 += 10 * p[i] * z / r7
			}
			if i == j {
				g -= c.gm / r3
				j2 -= ci[i]/r5 - 5*z*z/r7
			}
			a[3+i][j] = g + pj*j2
		}
	}
	a[3][0] += c.ww
	a[4][1] += c.ww
	a[3][4] = c.w2
	a[4][3] = -c.w2
	return a
}

func (c *ballisticConst) deriv(x *Vec6) Vec6 {
	a := c.accel(x)
	return Vec6{x[3], x[4], x[5], a[0], a[1], a[2]}
}

// Propagate implements MotionModel: RK4 for the state; for the covariance
// F = Π (I + A h + A² h²/2) over the substeps, A evaluated at the start of
// each substep.
func (m *Ballistic) Propagate(x Vec6, dt float64) (Vec6, Mat6) {
	gm, j2, re, w := m.constants()
	c := newBallisticConst(gm, j2, re, w)
	maxStep := m.MaxStep
	if maxStep <= 0 {
		maxStep = 2
	}
	n := int(math.Ceil(math.Abs(dt) / maxStep))
	if n < 1 {
		n = 1
	}
	h := dt / float64(n)
	var f Mat6
	for s := range n {
		a := c.jacobian(&x)
		step := stepTransition(&a, h)
		if s == 0 {
			// step·I: the product would return step itself, which holds
			// no −0 (each entry is 0 or 1 plus a sum, and +0 + −0 = +0).
			f = step
		} else {
			f = mul6(&step, &f)
		}
		x = rk4(&c, x, h)
	}
	return x, f
}

// stepTransition returns I + A h + A² h²/2 for A = [0 I; G C].
func stepTransition(a *Mat6, h float64) Mat6 {
	// A² = [G C; ·]: rows 0–2 of A hold a single 1 (at column i+3), so
	// row i of A² is row i+3 of A, which the product would return summed
	// from +0 (hence s := 0 first); rows 3–5 by the product, as mul6.
	var a2 Mat6
	for i := range 3 {
		for j := range 6 {
			s := 0.0
			s += a[i+3][j]
			a2[i][j] = s
		}
	}
	for i := 3; i < 6; i++ {
		ai := &a[i]
		for j := range 6 {
			s := 0.0
			s += ai[0] * a[0][j]
			s += ai[1] * a[1][j]
			s += ai[2] * a[2][j]
			s += ai[3] * a[3][j]
			s += ai[4] * a[4][j]
			s += ai[5] * a[5][j]
			a2[i][j] = s
		}
	}
	f := ident6()
	for i := range 6 {
		for j := range 6 {
			f[i][j] += a[i][j]*h + a2[i][j]*h*h/2
		}
	}
	return f
}

func rk4(c *ballisticConst, x Vec6, h float64) Vec6 {
	// The stages of ẋ = (v, a): the velocity half of each kᵢ is the
	// velocity of the state it was evaluated at, so only accelerations are
	// formed. The arithmetic, and so the rounding, is the textbook loop's:
	// y = x + h/2·kᵢ (h·k3 for the last), x += h/6·(k1 + 2k2 + 2k3 + k4).
	h2 := h / 2
	px, py, pz, vx, vy, vz := x[0], x[1], x[2], x[3], x[4], x[5]
	a1x, a1y, a1z := c.accelOf(px, py, pz, vx, vy)
	v2x, v2y, v2z := vx+h2*a1x, vy+h2*a1y, vz+h2*a1z
	a2x, a2y, a2z := c.accelOf(px+h2*vx, py+h2*vy, pz+h2*vz, v2x, v2y)
	v3x, v3y, v3z := vx+h2*a2x, vy+h2*a2y, vz+h2*a2z
	a3x, a3y, a3z := c.accelOf(px+h2*v2x, py+h2*v2y, pz+h2*v2z, v3x, v3y)
	v4x, v4y, v4z := vx+h*a3x, vy+h*a3y, vz+h*a3z
	a4x, a4y, a4z := c.accelOf(px+h*v3x, py+h*v3y, pz+h*v3z, v4x, v4y)
	h6 := h / 6
	return Vec6{
		px + h6*(vx+2*v2x+2*v3x+v4x),
		py + h6*(vy+2*v2y+2*v3y+v4y),
		pz + h6*(vz+2*v2z+2*v3z+v4z),
		vx + h6*(a1x+2*a2x+2*a3x+a4x),
		vy + h6*(a1y+2*a2y+2*a3y+a4y),
		vz + h6*(a1z+2*a2z+2*a3z+a4z),
	}
}

// Noise implements MotionModel.
func (m *Ballistic) Noise(_ Vec6, dt float64) Mat6 { return whiteAccelNoise(m.Q, dt) }

// Accel returns the modelled ECEF acceleration of state x, m/s².
func (m *Ballistic) Accel(x Vec6) Vec3 {
	gm, j2, re, w := m.constants()
	c := newBallisticConst(gm, j2, re, w)
	return c.accel(&x)
}

// cvPredictCovariance writes F P Fᵀ + Q into out for the constant-velocity
// transition F = [I dt·I; 0 I] and the white-acceleration Q of spectral
// density q (whiteAccelNoise): the position block only if posOnly, and
// symmetric.
func cvPredictCovariance(p *Mat6, dt, q float64, out *Mat6, posOnly bool) {
	adt := math.Abs(dt)
	qa := q * adt * adt * adt / 3
	dt2 := dt * dt
	// Written out, the loops' operations in their order.
	var s float64
	s = p[0][0] + dt*(p[0][3]+p[0][3]) + dt2*p[3][3]
	out[0][0] = s + qa
	s = p[0][1] + dt*(p[0][4]+p[1][3]) + dt2*p[3][4]
	out[0][1], out[1][0] = s, s
	s = p[0][2] + dt*(p[0][5]+p[2][3]) + dt2*p[3][5]
	out[0][2], out[2][0] = s, s
	s = p[1][1] + dt*(p[1][4]+p[1][4]) + dt2*p[4][4]
	out[1][1] = s + qa
	s = p[1][2] + dt*(p[1][5]+p[2][4]) + dt2*p[4][5]
	out[1][2], out[2][1] = s, s
	s = p[2][2] + dt*(p[2][5]+p[2][5]) + dt2*p[5][5]
	out[2][2] = s + qa
	if posOnly {
		return
	}
	cvPredictCovarianceRest(p, dt, q, out)
}

// cvPredictCovarianceRest writes what cvPredictCovariance writes outside
// the position block.
func cvPredictCovarianceRest(p *Mat6, dt, q float64, out *Mat6) {
	adt := math.Abs(dt)
	qb, qc := q*adt*adt/2, q*adt
	// Written out, the loops' operations in their order.
	var v float64
	v = p[0][3] + dt*p[3][3]
	v += qb
	out[0][3], out[3][0] = v, v
	v = p[0][4] + dt*p[3][4]
	out[0][4], out[4][0] = v, v
	v = p[0][5] + dt*p[3][5]
	out[0][5], out[5][0] = v, v
	out[3][3] = p[3][3] + qc
	out[3][4], out[4][3] = p[3][4], p[3][4]
	out[3][5], out[5][3] = p[3][5], p[3][5]
	v = p[1][3] + dt*p[4][3]
	out[1][3], out[3][1] = v, v
	v = p[1][4] + dt*p[4][4]
	v += qb
	out[1][4], out[4][1] = v, v
	v = p[1][5] + dt*p[4][5]
	out[1][5], out[5][1] = v, v
	out[4][4] = p[4][4] + qc
	out[4][5], out[5][4] = p[4][5], p[4][5]
	v = p[2][3] + dt*p[5][3]
	out[2][3], out[3][2] = v, v
	v = p[2][4] + dt*p[5][4]
	out[2][4], out[4][2] = v, v
	v = p[2][5] + dt*p[5][5]
	v += qb
	out[2][5], out[5][2] = v, v
	out[5][5] = p[5][5] + qc
}
