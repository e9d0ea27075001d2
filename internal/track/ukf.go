package track

import "math"

// UKF is the unscented Kalman filter with the scaled unscented transform
// (Julier & Uhlmann 1997, 2004; Wan & van der Merwe 2000): 2n+1 sigma points
//
//	χ₀ = x,  χᵢ = x ± (√((n+λ) P))ᵢ,  λ = α²(n+κ) − n,
//	W₀ᵐ = λ/(n+λ),  W₀ᶜ = W₀ᵐ + 1 − α² + β,  Wᵢ = 1/(2(n+λ)).
//
// The zero value uses α = 1, β = 2, κ = 0: λ = 0, so every covariance weight
// is positive and the predicted covariance stays positive semi-definite.
type UKF struct {
	Motion             MotionModel
	Alpha, Beta, Kappa float64 // zero Alpha selects the defaults above
}

const nSigma = 13

type sigmaWeights struct {
	scale    float64 // √(n+λ)
	wm0, wc0 float64
	wi       float64
}

func (f *UKF) weights() sigmaWeights {
	alpha, beta, kappa := f.Alpha, f.Beta, f.Kappa
	if alpha == 0 {
		alpha, beta, kappa = 1, 2, 0
	}
	const n = 6.0
	lam := alpha*alpha*(n+kappa) - n
	w := sigmaWeights{scale: math.Sqrt(n + lam), wm0: lam / (n + lam), wi: 1 / (2 * (n + lam))}
	w.wc0 = w.wm0 + 1 - alpha*alpha + beta
	return w
}

func sigmaPoints(e *Estimate, w *sigmaWeights, pts *[nSigma]Vec6) error {
	l, ok := chol6(&e.P)
	if !ok {
		return ErrNotPositiveDefinite
	}
	pts[0] = e.X
	for j := range 6 {
		for i := range 6 {
			d := w.scale * l[i][j]
			pts[1+j][i] = e.X[i] + d
			pts[7+j][i] = e.X[i] - d
		}
	}
	return nil
}

// statePropagator is implemented by models that can skip the Jacobian.
type statePropagator interface {
	PropagateState(x Vec6, dt float64) Vec6
}

// PropagateState returns the state dt after x, without the Jacobian.
func (m *Ballistic) PropagateState(x Vec6, dt float64) Vec6 {
	s := m.StateStepper()
	return s.PropagateState(x, dt)
}

// StateStepper is a Ballistic model's PropagateState with the model's
// constants formed once, for a caller that propagates state after state
// (a prediction's samples, a track followed tick by tick): its results are
// the model's PropagateState's, bit for bit.
type StateStepper struct {
	c       ballisticConst
	maxStep float64
}

// StateStepper returns m's PropagateState with its constants formed once.
func (m *Ballistic) StateStepper() StateStepper {
	maxStep := m.MaxStep
	if maxStep <= 0 {
		maxStep = 2
	}
	return StateStepper{c: newBallisticConst(m.constants()), maxStep: maxStep}
}

// PropagateState returns the state dt after x, without the Jacobian.
func (s *StateStepper) PropagateState(x Vec6, dt float64) Vec6 {
	n := max(int(math.Ceil(math.Abs(dt)/s.maxStep)), 1)
	h := dt / float64(n)
	for range n {
		x = rk4(&s.c, x, h)
	}
	return x
}

// Predict implements Predictor. A P that is not positive definite is
// returned unchanged in shape, with only the mean propagated.
func (f *UKF) Predict(e Estimate, t float64) Estimate {
	dt := t - e.T
	if dt == 0 {
		return e
	}
	w := f.weights()
	var pts [nSigma]Vec6
	if err := sigmaPoints(&e, &w, &pts); err != nil {
		x, fm := f.Motion.Propagate(e.X, dt)
		q := f.Motion.Noise(e.X, dt)
		return predictLinearised(x, &e.P, &fm, &q, t)
	}
	sp, fast := f.Motion.(statePropagator)
	for i := range pts {
		if fast {
			pts[i] = sp.PropagateState(pts[i], dt)
		} else {
			pts[i], _ = f.Motion.Propagate(pts[i], dt)
		}
	}
	out := Estimate{T: t, P: f.Motion.Noise(e.X, dt)}
	for i := range pts {
		wm := w.wi
		if i == 0 {
			wm = w.wm0
		}
		for k := range 6 {
			out.X[k] += wm * pts[i][k]
		}
	}
	for i := range pts {
		wc := w.wi
		if i == 0 {
			wc = w.wc0
		}
		var d Vec6
		for k := range 6 {
			d[k] = pts[i][k] - out.X[k]
		}
		for a := range 6 {
			for b := a; b < 6; b++ {
				out.P[a][b] += wc * d[a] * d[b]
			}
		}
	}
	for a := range 6 {
		for b := a + 1; b < 6; b++ {
			out.P[b][a] = out.P[a][b]
		}
	}
	return out
}

// unscented returns the innovation of d against e and the cross-covariance
// Pxz. Azimuths are averaged as wrapped differences from the central point.
func (f *UKF) unscented(e *Estimate, d *Detection) (Innovation, Mat63, error) {
	w := f.weights()
	var pts [nSigma]Vec6
	if err := sigmaPoints(e, &w, &pts); err != nil {
		return Innovation{}, Mat63{}, err
	}
	var zs [nSigma]Vec3
	for i := range pts {
		zs[i] = d.Measure(&pts[i])
	}
	z0 := zs[0]
	zhat := z0
	for i := 1; i < nSigma; i++ {
		r := d.Residual(zs[i], z0)
		for k := range 3 {
			zhat[k] += w.wi * r[k]
		}
	}
	var s Mat3
	var pxz Mat63
	for i := range pts {
		wc := w.wi
		if i == 0 {
			wc = w.wc0
		}
		dz := d.Residual(zs[i], zhat)
		for a := range 3 {
			for b := range 3 {
				s[a][b] += wc * dz[a] * dz[b]
			}
		}
		for a := range 6 {
			dx := wc * (pts[i][a] - e.X[a])
			for b := range 3 {
				pxz[a][b] += dx * dz[b]
			}
		}
	}
	for a := range 3 {
		for b := range 3 {
			s[a][b] += d.R[a][b]
		}
	}
	in, err := innovation(d.Residual(d.Z, zhat), s)
	return in, pxz, err
}

// Innovate implements Updater.
func (f *UKF) Innovate(e *Estimate, d *Detection) (Innovation, error) {
	in, _, err := f.unscented(e, d)
	return in, err
}

// Update implements Updater: K = Pxz S⁻¹, x⁺ = x + K y, P⁺ = P − K S Kᵀ.
func (f *UKF) Update(e *Estimate, d *Detection) (Estimate, Innovation, error) {
	in, pxz, err := f.unscented(e, d)
	if err != nil {
		return *e, in, err
	}
	var k Mat63
	for i := range 6 {
		for j := range 3 {
			k[i][j] = pxz[i][0]*in.SInv[0][j] + pxz[i][1]*in.SInv[1][j] + pxz[i][2]*in.SInv[2][j]
		}
	}
	out := Estimate{T: e.T, X: e.X, P: e.P}
	for i := range 6 {
		out.X[i] += k[i][0]*in.Y[0] + k[i][1]*in.Y[1] + k[i][2]*in.Y[2]
	}
	// K S Kᵀ = K Pxzᵀ.
	for i := range 6 {
		for j := i; j < 6; j++ {
			v := k[i][0]*pxz[j][0] + k[i][1]*pxz[j][1] + k[i][2]*pxz[j][2]
			out.P[i][j] -= v
			out.P[j][i] = out.P[i][j]
		}
	}
	return out, in, nil
}
