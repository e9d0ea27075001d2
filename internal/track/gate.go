package track

import "math"

// gatePrediction is a track's EKF prediction to a dwell time as the χ²
// gate needs it: the predicted state in full, the transition F and noise Q,
// and only the position block of the predicted covariance, since the gate
// reads nothing else (every measurement Jacobian H has zero velocity
// columns). complete fills in the rest, giving bit for bit what
// EKF.Predict returns, for the one track a detection is assigned to. Most
// gated pairs fail the gate or lose the assignment, so most predictions
// are never completed.
type gatePrediction struct {
	est  Estimate // P holds the position block only until full
	f, q Mat6
	full bool
	// cv: a constant-acceleration step (Ballistic.ShortStep), whose
	// covariance is the constant-velocity one over dt with spectral
	// density cvQ; f and q are unset.
	cv      bool
	dt, cvQ float64
	// in is the innovation of the dwell's detection inJ (−1: none)
	// against est, as gating computed it, for the update to reuse.
	in  gateInnovation
	inJ int
}

// gateInnovation is what gating computes of a detection's innovation:
// all of EKF.Innovate's result but ln det S, which it leaves as det S.
type gateInnovation struct {
	h     Mat36
	y     Vec3
	s, si Mat3
	det   float64
	d2    float64
	// pht is the position rows of P Hᵀ, which the update reads again.
	pht [3][3]float64
}

// innovation returns the Innovation that linearInnovation would return
// for the same prediction and detection.
func (g *gateInnovation) innovation() Innovation {
	return Innovation{Y: g.y, S: g.s, SInv: g.si, D2: g.d2, LogDetS: math.Log(g.det)}
}

// predictForGate predicts e to t into g, as EKF.Predict but with the
// position block of P only.
func (f *EKF) predictForGate(e *Estimate, t float64, g *gatePrediction) {
	dt := t - e.T
	if dt == 0 {
		g.est, g.full, g.inJ = *e, true, -1
		return
	}
	g.est.T, g.full, g.inJ = t, false, -1
	if b, ok := f.Motion.(*Ballistic); ok && b.shortStep(dt) {
		g.cv, g.dt, g.cvQ = true, dt, b.Q
		b.shortStepStateTo(&e.X, dt, &g.est.X)
		cvPredictCovariance(&e.P, dt, b.Q, &g.est.P, true)
		return
	}
	g.cv = false
	g.est.X, g.f = f.Motion.Propagate(e.X, dt)
	g.q = f.Motion.Noise(e.X, dt)
	g.est.P = Mat6{}
	positionBlockABAt(&g.f, &e.P, &g.est.P)
	for i := range 3 {
		for j := range 3 {
			g.est.P[i][j] += g.q[i][j]
		}
	}
}

// complete fills in the rest of the predicted covariance of g, predicted
// from e, as predictLinearised.
func (g *gatePrediction) complete(e *Estimate) {
	if g.full {
		return
	}
	if g.cv {
		// The position block is predictForGate's.
		cvPredictCovarianceRest(&e.P, g.dt, g.cvQ, &g.est.P)
		g.full = true
		return
	}
	g.est = predictLinearised(g.est.X, &e.P, &g.f, &g.q, g.est.T)
	g.full = true
}

// positionBlockABAt writes the position block (rows and columns 0–2) of
// A B Aᵀ to c, with the operations, and so the rounding, of mulABAt.
func positionBlockABAt(a, b *Mat6, c *Mat6) {
	var ab [3][6]float64
	for i := range 3 {
		ai := &a[i]
		for j := range 6 {
			s := 0.0
			s += ai[0] * b[0][j]
			s += ai[1] * b[1][j]
			s += ai[2] * b[2][j]
			s += ai[3] * b[3][j]
			s += ai[4] * b[4][j]
			s += ai[5] * b[5][j]
			ab[i][j] = s
		}
	}
	for i := range 3 {
		abi := &ab[i]
		for j := i; j < 3; j++ {
			aj := &a[j]
			s := 0.0
			s += abi[0] * aj[0]
			s += abi[1] * aj[1]
			s += abi[2] * aj[2]
			s += abi[3] * aj[3]
			s += abi[4] * aj[4]
			s += abi[5] * aj[5]
			c[i][j], c[j][i] = s, s
		}
	}
}

// gateDistance returns the NIS of detection d against the prediction e,
// the D2 of EKF.Innovate, from the position block of e.P alone; err as
// EKF.Innovate's. Dropping the velocity columns is exact for a finite P:
// they enter only as products with the zero columns of H, and adding ±0 to
// a sum leaves it unchanged.
//
// g is written in place, and holds nothing usable after an error.
//
// dc is d's dirCos (dirCosOf), which the caller forms once per detection.
func gateDistance(e *Estimate, d *Detection, dc *dirCos, g *gateInnovation) (float64, error) {
	h := &g.h
	y := &g.y
	d.residualJacobianTo(&e.X, dc, h, y)
	// Written out, the loops' operations in their order (Go does not
	// unroll loops).
	pht := &g.pht // position rows of P Hᵀ
	p0, p1, p2 := &e.P[0], &e.P[1], &e.P[2]
	h0, h1, h2 := &h[0], &h[1], &h[2]
	pht[0][0] = sumFrom0(p0[0]*h0[0], p0[1]*h0[1], p0[2]*h0[2])
	pht[0][1] = sumFrom0(p0[0]*h1[0], p0[1]*h1[1], p0[2]*h1[2])
	pht[0][2] = sumFrom0(p0[0]*h2[0], p0[1]*h2[1], p0[2]*h2[2])
	pht[1][0] = sumFrom0(p1[0]*h0[0], p1[1]*h0[1], p1[2]*h0[2])
	pht[1][1] = sumFrom0(p1[0]*h1[0], p1[1]*h1[1], p1[2]*h1[2])
	pht[1][2] = sumFrom0(p1[0]*h2[0], p1[1]*h2[1], p1[2]*h2[2])
	pht[2][0] = sumFrom0(p2[0]*h0[0], p2[1]*h0[1], p2[2]*h0[2])
	pht[2][1] = sumFrom0(p2[0]*h1[0], p2[1]*h1[1], p2[2]*h1[2])
	pht[2][2] = sumFrom0(p2[0]*h2[0], p2[1]*h2[1], p2[2]*h2[2])
	s := &g.s
	s[0][0] = (h0[0]*pht[0][0] + h0[1]*pht[1][0] + h0[2]*pht[2][0]) + d.R[0][0]
	s[0][1] = (h0[0]*pht[0][1] + h0[1]*pht[1][1] + h0[2]*pht[2][1]) + d.R[0][1]
	s[0][2] = (h0[0]*pht[0][2] + h0[1]*pht[1][2] + h0[2]*pht[2][2]) + d.R[0][2]
	s[1][0] = (h1[0]*pht[0][0] + h1[1]*pht[1][0] + h1[2]*pht[2][0]) + d.R[1][0]
	s[1][1] = (h1[0]*pht[0][1] + h1[1]*pht[1][1] + h1[2]*pht[2][1]) + d.R[1][1]
	s[1][2] = (h1[0]*pht[0][2] + h1[1]*pht[1][2] + h1[2]*pht[2][2]) + d.R[1][2]
	s[2][0] = (h2[0]*pht[0][0] + h2[1]*pht[1][0] + h2[2]*pht[2][0]) + d.R[2][0]
	s[2][1] = (h2[0]*pht[0][1] + h2[1]*pht[1][1] + h2[2]*pht[2][1]) + d.R[2][1]
	s[2][2] = (h2[0]*pht[0][2] + h2[1]*pht[1][2] + h2[2]*pht[2][2]) + d.R[2][2]
	s[0][1] = 0.5 * (s[0][1] + s[1][0])
	s[1][0] = s[0][1]
	s[0][2] = 0.5 * (s[0][2] + s[2][0])
	s[2][0] = s[0][2]
	s[1][2] = 0.5 * (s[1][2] + s[2][1])
	s[2][1] = s[1][2]
	var ok bool
	g.det, ok = inv3Sym(s, &g.si)
	if !ok || !(g.det > 0) || !(s[0][0] > 0) || !(s[1][1] > 0) || !(s[2][2] > 0) {
		return 0, ErrNotPositiveDefinite
	}
	si := &g.si
	var d2 float64
	d2 += y[0] * si[0][0] * y[0]
	d2 += y[0] * si[0][1] * y[1]
	d2 += y[0] * si[0][2] * y[2]
	d2 += y[1] * si[1][0] * y[0]
	d2 += y[1] * si[1][1] * y[1]
	d2 += y[1] * si[1][2] * y[2]
	d2 += y[2] * si[2][0] * y[0]
	d2 += y[2] * si[2][1] * y[1]
	d2 += y[2] * si[2][2] * y[2]
	if !(d2 >= 0) {
		return 0, ErrNotPositiveDefinite
	}
	g.d2 = d2
	return d2, nil
}

// updateFromGate is f.Update of the completed prediction e with the
// innovation gating computed against it: the same posterior, bit for bit,
// without evaluating the measurement model again. The S of gating equals
// linearInnovation's (both sum the same products; the velocity columns of
// H add ±0), and so do y, S⁻¹ and the NIS.
// The innovation is g's (g.innovation()); the update reads its y and S⁻¹
// only, so ln det S is not formed. The posterior is written to out, which
// must not be e.
func (f *EKF) updateFromGate(e *Estimate, d *Detection, g *gateInnovation, out *Estimate) {
	h := &g.h
	var pht Mat63
	// Rows 0–2 as gating formed them, from the same position block of P
	// (complete leaves it as it was): the same sums.
	pht[0], pht[1], pht[2] = g.pht[0], g.pht[1], g.pht[2]
	// linearInnovation's sums over k < 6, less the zero velocity columns
	// of H; written out.
	h0, h1, h2 := &h[0], &h[1], &h[2]
	p3 := &e.P[3]
	pht[3][0] = sumFrom0(p3[0]*h0[0], p3[1]*h0[1], p3[2]*h0[2])
	pht[3][1] = sumFrom0(p3[0]*h1[0], p3[1]*h1[1], p3[2]*h1[2])
	pht[3][2] = sumFrom0(p3[0]*h2[0], p3[1]*h2[1], p3[2]*h2[2])
	p4 := &e.P[4]
	pht[4][0] = sumFrom0(p4[0]*h0[0], p4[1]*h0[1], p4[2]*h0[2])
	pht[4][1] = sumFrom0(p4[0]*h1[0], p4[1]*h1[1], p4[2]*h1[2])
	pht[4][2] = sumFrom0(p4[0]*h2[0], p4[1]*h2[1], p4[2]*h2[2])
	p5 := &e.P[5]
	pht[5][0] = sumFrom0(p5[0]*h0[0], p5[1]*h0[1], p5[2]*h0[2])
	pht[5][1] = sumFrom0(p5[0]*h1[0], p5[1]*h1[1], p5[2]*h1[2])
	pht[5][2] = sumFrom0(p5[0]*h2[0], p5[1]*h2[1], p5[2]*h2[2])
	if f.StandardForm && standardUpdate(e, &pht, &g.y, &g.si, out) {
		return
	}
	in := Innovation{Y: g.y, S: g.s, SInv: g.si, D2: g.d2}
	*out = joseph(e, h, &pht, &in, &d.R)
}

// sumFrom0 returns ((0 + a) + b) + c: the rounding of a sum accumulated
// from 0 in a loop (0 + a differs from a only for a = −0).
func sumFrom0(a, b, c float64) float64 {
	s := 0.0
	s += a
	s += b
	s += c
	return s
}
