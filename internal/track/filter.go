package track

import (
	"errors"
	"math"
)

// ErrNotPositiveDefinite reports a covariance (P or the innovation
// covariance S) that has lost positive definiteness.
var ErrNotPositiveDefinite = errors.New("track: covariance not positive definite")

// ErrUnsupportedMeasurement reports a detection whose model the filter
// cannot use (the linear KF takes only PositionECEF).
var ErrUnsupportedMeasurement = errors.New("track: measurement model not supported by filter")

// Innovation is the measurement residual of a detection against a
// predicted estimate.
type Innovation struct {
	Y       Vec3    // z − ẑ, azimuth wrapped
	S       Mat3    // innovation covariance
	SInv    Mat3    // S⁻¹
	D2      float64 // squared Mahalanobis distance yᵀ S⁻¹ y (the NIS)
	LogDetS float64 // ln det S
}

// Predictor predicts an estimate forward (or back) to time t.
type Predictor interface {
	Predict(e Estimate, t float64) Estimate
}

// Updater updates an estimate, already predicted to the detection's time,
// with a detection.
type Updater interface {
	// Innovate returns the innovation of d against e without updating.
	Innovate(e *Estimate, d *Detection) (Innovation, error)
	// Update returns the posterior estimate and the innovation.
	Update(e *Estimate, d *Detection) (Estimate, Innovation, error)
}

// Filter predicts and updates: KF, EKF or UKF.
type Filter interface {
	Predictor
	Updater
}

func predictLinearised(x Vec6, p *Mat6, f *Mat6, q *Mat6, t float64) Estimate {
	pp := mulABAt(f, p)
	pp = add6(&pp, q)
	return Estimate{T: t, X: x, P: pp}
}

func innovation(y Vec3, s Mat3) (Innovation, error) {
	si, det, ok := inv3(&s)
	if !ok || !(det > 0) || !(s[0][0] > 0) || !(s[1][1] > 0) || !(s[2][2] > 0) {
		return Innovation{}, ErrNotPositiveDefinite
	}
	var d2 float64
	for i := range 3 {
		for j := range 3 {
			d2 += y[i] * si[i][j] * y[j]
		}
	}
	if !(d2 >= 0) {
		return Innovation{}, ErrNotPositiveDefinite
	}
	return Innovation{Y: y, S: s, SInv: si, D2: d2, LogDetS: math.Log(det)}, nil
}

// linearInnovation returns H, P Hᵀ and the innovation of d against e.
func linearInnovation(e *Estimate, d *Detection) (Mat36, Mat63, Innovation, error) {
	var h Mat36
	var y Vec3
	dc := dirCosOf(d)
	d.residualJacobianTo(&e.X, &dc, &h, &y)
	var pht Mat63
	for i := range 6 {
		for j := range 3 {
			var s float64
			for k := range 6 {
				s += e.P[i][k] * h[j][k]
			}
			pht[i][j] = s
		}
	}
	var s Mat3
	for i := range 3 {
		for j := range 3 {
			var v float64
			for k := range 6 {
				v += h[i][k] * pht[k][j]
			}
			s[i][j] = v + d.R[i][j]
		}
	}
	s[0][1] = 0.5 * (s[0][1] + s[1][0])
	s[1][0] = s[0][1]
	s[0][2] = 0.5 * (s[0][2] + s[2][0])
	s[2][0] = s[0][2]
	s[1][2] = 0.5 * (s[1][2] + s[2][1])
	s[2][1] = s[1][2]
	in, err := innovation(y, s)
	return h, pht, in, err
}

// joseph returns the Joseph-form posterior (Bar-Shalom et al. 2001, §5.2)
//
//	x⁺ = x + K y,  P⁺ = (I − K H) P (I − K H)ᵀ + K R Kᵀ,  K = P Hᵀ S⁻¹,
//
// which stays symmetric and positive semi-definite under rounding.
func joseph(e *Estimate, h *Mat36, pht *Mat63, in *Innovation, r *Mat3) Estimate {
	var k Mat63
	for i := range 6 {
		for j := range 3 {
			k[i][j] = pht[i][0]*in.SInv[0][j] + pht[i][1]*in.SInv[1][j] + pht[i][2]*in.SInv[2][j]
		}
	}
	out := Estimate{T: e.T, X: e.X}
	for i := range 6 {
		out.X[i] += k[i][0]*in.Y[0] + k[i][1]*in.Y[1] + k[i][2]*in.Y[2]
	}
	a := ident6()
	if h[0][3] == 0 && h[0][4] == 0 && h[0][5] == 0 && h[1][3] == 0 && h[1][4] == 0 && h[1][5] == 0 &&
		h[2][3] == 0 && h[2][4] == 0 && h[2][5] == 0 {
		// mulABAtPositionGain reads only the position columns of
		// I − K H; the others are those of I.
		for i := range 6 {
			for j := range 3 {
				a[i][j] -= k[i][0]*h[0][j] + k[i][1]*h[1][j] + k[i][2]*h[2][j]
			}
		}
		out.P = mulABAtPositionGain(&a, &e.P)
	} else {
		for i := range 6 {
			for j := range 6 {
				a[i][j] -= k[i][0]*h[0][j] + k[i][1]*h[1][j] + k[i][2]*h[2][j]
			}
		}
		out.P = mulABAt(&a, &e.P)
	}
	var kr Mat63
	for i := range 6 {
		for j := range 3 {
			kr[i][j] = k[i][0]*r[0][j] + k[i][1]*r[1][j] + k[i][2]*r[2][j]
		}
	}
	for i := range 6 {
		for j := i; j < 6; j++ {
			v := kr[i][0]*k[j][0] + kr[i][1]*k[j][1] + kr[i][2]*k[j][2]
			out.P[i][j] += v
			if i != j {
				out.P[j][i] += v
			}
		}
	}
	return out
}

// standardUpdate returns the posterior in the standard form
//
//	x⁺ = x + K y,  P⁺ = P − K S Kᵀ = P − K (P Hᵀ)ᵀ,  K = P Hᵀ S⁻¹,
//
// P⁺ formed on and above the diagonal and mirrored, so symmetric. ok is
// false when a diagonal entry of P⁺ is not positive (rounding in the
// difference, the failure the Joseph form guards against).
//
// y is the innovation and si S⁻¹; out must not be e.
func standardUpdate(e *Estimate, pht *Mat63, y *Vec3, si *Mat3, out *Estimate) (ok bool) {
	// Written out (the loops' operations in their order): Go does not
	// unroll loops.
	var k Mat63
	k[0][0] = pht[0][0]*si[0][0] + pht[0][1]*si[1][0] + pht[0][2]*si[2][0]
	k[0][1] = pht[0][0]*si[0][1] + pht[0][1]*si[1][1] + pht[0][2]*si[2][1]
	k[0][2] = pht[0][0]*si[0][2] + pht[0][1]*si[1][2] + pht[0][2]*si[2][2]
	k[1][0] = pht[1][0]*si[0][0] + pht[1][1]*si[1][0] + pht[1][2]*si[2][0]
	k[1][1] = pht[1][0]*si[0][1] + pht[1][1]*si[1][1] + pht[1][2]*si[2][1]
	k[1][2] = pht[1][0]*si[0][2] + pht[1][1]*si[1][2] + pht[1][2]*si[2][2]
	k[2][0] = pht[2][0]*si[0][0] + pht[2][1]*si[1][0] + pht[2][2]*si[2][0]
	k[2][1] = pht[2][0]*si[0][1] + pht[2][1]*si[1][1] + pht[2][2]*si[2][1]
	k[2][2] = pht[2][0]*si[0][2] + pht[2][1]*si[1][2] + pht[2][2]*si[2][2]
	k[3][0] = pht[3][0]*si[0][0] + pht[3][1]*si[1][0] + pht[3][2]*si[2][0]
	k[3][1] = pht[3][0]*si[0][1] + pht[3][1]*si[1][1] + pht[3][2]*si[2][1]
	k[3][2] = pht[3][0]*si[0][2] + pht[3][1]*si[1][2] + pht[3][2]*si[2][2]
	k[4][0] = pht[4][0]*si[0][0] + pht[4][1]*si[1][0] + pht[4][2]*si[2][0]
	k[4][1] = pht[4][0]*si[0][1] + pht[4][1]*si[1][1] + pht[4][2]*si[2][1]
	k[4][2] = pht[4][0]*si[0][2] + pht[4][1]*si[1][2] + pht[4][2]*si[2][2]
	k[5][0] = pht[5][0]*si[0][0] + pht[5][1]*si[1][0] + pht[5][2]*si[2][0]
	k[5][1] = pht[5][0]*si[0][1] + pht[5][1]*si[1][1] + pht[5][2]*si[2][1]
	k[5][2] = pht[5][0]*si[0][2] + pht[5][1]*si[1][2] + pht[5][2]*si[2][2]
	out.T = e.T
	out.X[0] = e.X[0] + (k[0][0]*y[0] + k[0][1]*y[1] + k[0][2]*y[2])
	out.X[1] = e.X[1] + (k[1][0]*y[0] + k[1][1]*y[1] + k[1][2]*y[2])
	out.X[2] = e.X[2] + (k[2][0]*y[0] + k[2][1]*y[1] + k[2][2]*y[2])
	out.X[3] = e.X[3] + (k[3][0]*y[0] + k[3][1]*y[1] + k[3][2]*y[2])
	out.X[4] = e.X[4] + (k[4][0]*y[0] + k[4][1]*y[1] + k[4][2]*y[2])
	out.X[5] = e.X[5] + (k[5][0]*y[0] + k[5][1]*y[1] + k[5][2]*y[2])
	var v float64
	v = e.P[0][0] - (k[0][0]*pht[0][0] + k[0][1]*pht[0][1] + k[0][2]*pht[0][2])
	out.P[0][0] = v
	v = e.P[0][1] - (k[0][0]*pht[1][0] + k[0][1]*pht[1][1] + k[0][2]*pht[1][2])
	out.P[0][1], out.P[1][0] = v, v
	v = e.P[0][2] - (k[0][0]*pht[2][0] + k[0][1]*pht[2][1] + k[0][2]*pht[2][2])
	out.P[0][2], out.P[2][0] = v, v
	v = e.P[0][3] - (k[0][0]*pht[3][0] + k[0][1]*pht[3][1] + k[0][2]*pht[3][2])
	out.P[0][3], out.P[3][0] = v, v
	v = e.P[0][4] - (k[0][0]*pht[4][0] + k[0][1]*pht[4][1] + k[0][2]*pht[4][2])
	out.P[0][4], out.P[4][0] = v, v
	v = e.P[0][5] - (k[0][0]*pht[5][0] + k[0][1]*pht[5][1] + k[0][2]*pht[5][2])
	out.P[0][5], out.P[5][0] = v, v
	if !(out.P[0][0] > 0) {
		return false
	}
	v = e.P[1][1] - (k[1][0]*pht[1][0] + k[1][1]*pht[1][1] + k[1][2]*pht[1][2])
	out.P[1][1] = v
	v = e.P[1][2] - (k[1][0]*pht[2][0] + k[1][1]*pht[2][1] + k[1][2]*pht[2][2])
	out.P[1][2], out.P[2][1] = v, v
	v = e.P[1][3] - (k[1][0]*pht[3][0] + k[1][1]*pht[3][1] + k[1][2]*pht[3][2])
	out.P[1][3], out.P[3][1] = v, v
	v = e.P[1][4] - (k[1][0]*pht[4][0] + k[1][1]*pht[4][1] + k[1][2]*pht[4][2])
	out.P[1][4], out.P[4][1] = v, v
	v = e.P[1][5] - (k[1][0]*pht[5][0] + k[1][1]*pht[5][1] + k[1][2]*pht[5][2])
	out.P[1][5], out.P[5][1] = v, v
	if !(out.P[1][1] > 0) {
		return false
	}
	v = e.P[2][2] - (k[2][0]*pht[2][0] + k[2][1]*pht[2][1] + k[2][2]*pht[2][2])
	out.P[2][2] = v
	v = e.P[2][3] - (k[2][0]*pht[3][0] + k[2][1]*pht[3][1] + k[2][2]*pht[3][2])
	out.P[2][3], out.P[3][2] = v, v
	v = e.P[2][4] - (k[2][0]*pht[4][0] + k[2][1]*pht[4][1] + k[2][2]*pht[4][2])
	out.P[2][4], out.P[4][2] = v, v
	v = e.P[2][5] - (k[2][0]*pht[5][0] + k[2][1]*pht[5][1] + k[2][2]*pht[5][2])
	out.P[2][5], out.P[5][2] = v, v
	if !(out.P[2][2] > 0) {
		return false
	}
	v = e.P[3][3] - (k[3][0]*pht[3][0] + k[3][1]*pht[3][1] + k[3][2]*pht[3][2])
	out.P[3][3] = v
	v = e.P[3][4] - (k[3][0]*pht[4][0] + k[3][1]*pht[4][1] + k[3][2]*pht[4][2])
	out.P[3][4], out.P[4][3] = v, v
	v = e.P[3][5] - (k[3][0]*pht[5][0] + k[3][1]*pht[5][1] + k[3][2]*pht[5][2])
	out.P[3][5], out.P[5][3] = v, v
	if !(out.P[3][3] > 0) {
		return false
	}
	v = e.P[4][4] - (k[4][0]*pht[4][0] + k[4][1]*pht[4][1] + k[4][2]*pht[4][2])
	out.P[4][4] = v
	v = e.P[4][5] - (k[4][0]*pht[5][0] + k[4][1]*pht[5][1] + k[4][2]*pht[5][2])
	out.P[4][5], out.P[5][4] = v, v
	if !(out.P[4][4] > 0) {
		return false
	}
	v = e.P[5][5] - (k[5][0]*pht[5][0] + k[5][1]*pht[5][1] + k[5][2]*pht[5][2])
	out.P[5][5] = v
	return out.P[5][5] > 0 // false for NaN too
}

// update writes the posterior of the EKF's form (see EKF.StandardForm)
// to out, which must not be e.
func (f *EKF) update(e *Estimate, h *Mat36, pht *Mat63, in *Innovation, r *Mat3, out *Estimate) {
	if f.StandardForm && standardUpdate(e, pht, &in.Y, &in.SInv, out) {
		return
	}
	*out = joseph(e, h, pht, in, r)
}

// KF is the linear Kalman filter: constant-velocity motion and PositionECEF
// measurements.
type KF struct {
	Motion ConstantVelocity
}

// Predict implements Predictor.
func (f *KF) Predict(e Estimate, t float64) Estimate {
	dt := t - e.T
	fm := f.Motion.Transition(dt)
	q := f.Motion.Noise(e.X, dt)
	return predictLinearised(mulVec6(&fm, &e.X), &e.P, &fm, &q, t)
}

// Innovate implements Updater.
func (f *KF) Innovate(e *Estimate, d *Detection) (Innovation, error) {
	if d.Kind != PositionECEF {
		return Innovation{}, ErrUnsupportedMeasurement
	}
	_, _, in, err := linearInnovation(e, d)
	return in, err
}

// Update implements Updater.
func (f *KF) Update(e *Estimate, d *Detection) (Estimate, Innovation, error) {
	if d.Kind != PositionECEF {
		return *e, Innovation{}, ErrUnsupportedMeasurement
	}
	h, pht, in, err := linearInnovation(e, d)
	if err != nil {
		return *e, in, err
	}
	return joseph(e, &h, &pht, &in, &d.R), in, nil
}

// EKF is the extended Kalman filter: any MotionModel and measurement kind,
// linearised at the predicted state.
type EKF struct {
	Motion MotionModel
	// StandardForm updates the covariance in the standard form
	// P⁺ = P − K S Kᵀ (standardUpdate), about a third of the Joseph
	// form's arithmetic, and in the Joseph form only when that leaves a
	// diagonal entry that is not positive. False: the Joseph form.
	StandardForm bool
}

// Predict implements Predictor: x⁻ = f(x), P⁻ = F P Fᵀ + Q.
func (f *EKF) Predict(e Estimate, t float64) Estimate {
	dt := t - e.T
	if dt == 0 {
		return e
	}
	if b, ok := f.Motion.(*Ballistic); ok && b.shortStep(dt) {
		out := Estimate{T: t, X: b.shortStepState(&e.X, dt)}
		cvPredictCovariance(&e.P, dt, b.Q, &out.P, false)
		return out
	}
	x, fm := f.Motion.Propagate(e.X, dt)
	q := f.Motion.Noise(e.X, dt)
	return predictLinearised(x, &e.P, &fm, &q, t)
}

// Innovate implements Updater.
func (f *EKF) Innovate(e *Estimate, d *Detection) (Innovation, error) {
	_, _, in, err := linearInnovation(e, d)
	return in, err
}

// Update implements Updater, in Joseph form unless StandardForm.
func (f *EKF) Update(e *Estimate, d *Detection) (Estimate, Innovation, error) {
	h, pht, in, err := linearInnovation(e, d)
	if err != nil {
		return *e, in, err
	}
	var out Estimate
	f.update(e, &h, &pht, &in, &d.R, &out)
	return out, in, nil
}
