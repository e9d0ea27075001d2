package flight

import (
	"errors"
	"math"
)

// Vector is a fixed-size state vector. Arrays, not slices, keep integration
// free of heap allocations.
type Vector interface {
	~[1]float64 | ~[2]float64 | ~[3]float64 | ~[4]float64 | ~[6]float64 | ~[7]float64
}

// System is the right-hand side of an ordinary differential equation
// y′ = f(t, y).
type System[S Vector] func(t float64, y S) S

// RK4 advances y by one classical fourth-order Runge–Kutta step of size h.
func RK4[S Vector](f System[S], t float64, y S, h float64) S {
	k1 := f(t, y)
	k2 := f(t+h/2, axpy(h/2, k1, y))
	k3 := f(t+h/2, axpy(h/2, k2, y))
	k4 := f(t+h, axpy(h, k3, y))
	var out S
	for i := range len(out) {
		out[i] = y[i] + h/6*(k1[i]+2*k2[i]+2*k3[i]+k4[i])
	}
	return out
}

// IntegrateRK4 integrates from t0 to t1 with n fixed RK4 steps.
func IntegrateRK4[S Vector](f System[S], t0 float64, y S, t1 float64, n int) S {
	h := (t1 - t0) / float64(n)
	for i := range n {
		y = RK4(f, t0+float64(i)*h, y, h)
	}
	return y
}

// axpy returns a·x + y.
func axpy[S Vector](a float64, x, y S) S {
	var z S
	for i := range len(z) {
		z[i] = a*x[i] + y[i]
	}
	return z
}

// Dormand–Prince 5(4) coefficients (Dormand & Prince 1980; Hairer, Nørsett &
// Wanner, Solving ODEs I, 2nd ed., table II.5.2) and the dense-output
// coefficients of Hairer's DOPRI5 code (continuous extension of order 4).
const (
	dpC2, dpC3, dpC4, dpC5 = 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9

	dpA21 = 1.0 / 5
	dpA31 = 3.0 / 40
	dpA32 = 9.0 / 40
	dpA41 = 44.0 / 45
	dpA42 = -56.0 / 15
	dpA43 = 32.0 / 9
	dpA51 = 19372.0 / 6561
	dpA52 = -25360.0 / 2187
	dpA53 = 64448.0 / 6561
	dpA54 = -212.0 / 729
	dpA61 = 9017.0 / 3168
	dpA62 = -355.0 / 33
	dpA63 = 46732.0 / 5247
	dpA64 = 49.0 / 176
	dpA65 = -5103.0 / 18656
	dpA71 = 35.0 / 384
	dpA73 = 500.0 / 1113
	dpA74 = 125.0 / 192
	dpA75 = -2187.0 / 6784
	dpA76 = 11.0 / 84

	dpE1 = 71.0 / 57600
	dpE3 = -71.0 / 16695
	dpE4 = 71.0 / 1920
	dpE5 = -17253.0 / 339200
	dpE6 = 22.0 / 525
	dpE7 = -1.0 / 40

	dpD1 = -12715105075.0 / 11282082432
	dpD3 = 87487479700.0 / 32700410799
	dpD4 = -10690763975.0 / 1880347072
	dpD5 = 701980252875.0 / 199316789632
	dpD6 = -1453857185.0 / 822651844
	dpD7 = 69997945.0 / 29380423
)

// Step-size control constants (Hairer's DOPRI5 defaults).
const (
	dpSafety = 0.9
	dpFacMin = 0.2  // largest shrink per step is 1/5
	dpFacMax = 10.0 // largest growth per step
	dpBeta   = 0.04 // PI (Lund) stabilisation exponent
)

// ErrStepSize reports that the step size fell below the smallest allowed.
var ErrStepSize = errors.New("flight: integrator step size underflow")

// ErrNonFinite reports that the state, its derivative or the step size
// became NaN or infinite (for example from an initial speed that overflows).
var ErrNonFinite = errors.New("flight: integrator state or step is not finite")

// ErrTooManySteps reports that Step was called more than MaxSteps times,
// or that one step was rejected more than maxRejects times in a row.
var ErrTooManySteps = errors.New("flight: integrator step limit reached")

// DefaultMaxSteps is the accepted-step limit when DOPRI5.MaxSteps is 0. A
// ballistic flight takes a few hundred to a few thousand steps.
const DefaultMaxSteps = 1_000_000

// maxRejects bounds the rejected trial steps of one Step; each rejection
// shrinks the step by at least a factor of 5, so a finite problem needs
// far fewer before the step size underflows.
const maxRejects = 1000

// Dense is the continuous extension of one DOPRI5 step on [T, T+H].
type Dense[S Vector] struct {
	T, H float64
	C    [5]S
}

// At evaluates the fourth-order dense output at t in [T, T+H].
func (d *Dense[S]) At(t float64) S {
	th := (t - d.T) / d.H
	th1 := 1 - th
	var y S
	for i := range len(y) {
		y[i] = d.C[0][i] + th*(d.C[1][i]+th1*(d.C[2][i]+th*(d.C[3][i]+th1*d.C[4][i])))
	}
	return y
}

// DOPRI5 is an adaptive Dormand–Prince 5(4) integrator with dense output.
// Set F, the tolerances and the step limits, call Reset, then Step.
// The error norm is the root mean square of err_i / (AbsTol + RelTol·|y_i|).
type DOPRI5[S Vector] struct {
	F              System[S]
	RelTol, AbsTol float64
	MaxStep        float64 // 0: unlimited
	MinStep        float64 // 0: 1e-12·|t|
	MaxSteps       int     // accepted steps allowed since Reset; 0: DefaultMaxSteps

	T, H  float64 // current time and next trial step
	Y     S       // current state
	Last  Dense[S]
	Steps int // accepted steps since Reset
	Evals int // function evaluations since Reset

	k1      S // f(T, Y), first-same-as-last
	errOld  float64
	rejects int
}

// Reset starts a new integration at (t, y) with trial step h (0: choose one).
func (d *DOPRI5[S]) Reset(t float64, y S, h float64) {
	d.T, d.Y = t, y
	d.errOld = 1e-4
	d.Steps, d.Evals, d.rejects = 0, 0, 0
	d.k1 = d.F(t, y)
	d.Evals++
	if h <= 0 {
		h = d.initialStep()
	}
	d.H = h
}

// initialStep is Hairer's starting-step heuristic (HNW I, II.4).
func (d *DOPRI5[S]) initialStep() float64 {
	var dnf, dny float64
	for i := range len(d.Y) {
		sk := d.AbsTol + d.RelTol*math.Abs(d.Y[i])
		dnf += (d.k1[i] / sk) * (d.k1[i] / sk)
		dny += (d.Y[i] / sk) * (d.Y[i] / sk)
	}
	h := 1e-6
	if dnf > 1e-10 && dny > 1e-10 {
		h = 0.01 * math.Sqrt(dny/dnf)
	}
	if d.MaxStep > 0 {
		h = math.Min(h, d.MaxStep)
	}
	y1 := axpy(h, d.k1, d.Y)
	f1 := d.F(d.T+h, y1)
	d.Evals++
	var der2 float64
	for i := range len(d.Y) {
		sk := d.AbsTol + d.RelTol*math.Abs(d.Y[i])
		q := (f1[i] - d.k1[i]) / sk
		der2 += q * q
	}
	der2 = math.Sqrt(der2) / h
	der12 := math.Max(der2, math.Sqrt(dnf))
	h1 := math.Max(1e-6, h*1e-3)
	if der12 > 1e-15 {
		h1 = math.Pow(0.01/der12, 1.0/5)
	}
	h = math.Min(100*h, h1)
	if d.MaxStep > 0 {
		h = math.Min(h, d.MaxStep)
	}
	return h
}

// Step takes one accepted step that does not pass tEnd, updating T, Y, H and
// Last (the dense output of the step). It returns ErrStepSize if the step
// size collapses, ErrNonFinite if the state, its derivative or the step
// becomes NaN or infinite, and ErrTooManySteps past MaxSteps accepted steps
// or maxRejects rejected trials in a row.
func (d *DOPRI5[S]) Step(tEnd float64) error {
	f := d.F
	y := d.Y
	k1 := d.k1
	maxSteps := d.MaxSteps
	if maxSteps <= 0 {
		maxSteps = DefaultMaxSteps
	}
	if d.Steps >= maxSteps {
		return ErrTooManySteps
	}
	if !finite(d.T) || !finite(tEnd) {
		return ErrNonFinite
	}
	for {
		if d.rejects > maxRejects { // rejects counts the trials rejected in a row
			return ErrTooManySteps
		}
		h := d.H
		if !finite(h) {
			return ErrNonFinite
		}
		if d.MaxStep > 0 && h > d.MaxStep {
			h = d.MaxStep
		}
		last := false
		if d.T+h >= tEnd || d.T+1.01*h >= tEnd {
			h = tEnd - d.T
			last = true
		}
		minStep := d.MinStep
		if minStep == 0 {
			minStep = 1e-12 * math.Max(1, math.Abs(d.T))
		}
		if h < minStep && !last {
			return ErrStepSize
		}
		t := d.T
		var tmp S
		for i := range len(y) {
			tmp[i] = y[i] + h*dpA21*k1[i]
		}
		k2 := f(t+dpC2*h, tmp)
		for i := range len(y) {
			tmp[i] = y[i] + h*(dpA31*k1[i]+dpA32*k2[i])
		}
		k3 := f(t+dpC3*h, tmp)
		for i := range len(y) {
			tmp[i] = y[i] + h*(dpA41*k1[i]+dpA42*k2[i]+dpA43*k3[i])
		}
		k4 := f(t+dpC4*h, tmp)
		for i := range len(y) {
			tmp[i] = y[i] + h*(dpA51*k1[i]+dpA52*k2[i]+dpA53*k3[i]+dpA54*k4[i])
		}
		k5 := f(t+dpC5*h, tmp)
		for i := range len(y) {
			tmp[i] = y[i] + h*(dpA61*k1[i]+dpA62*k2[i]+dpA63*k3[i]+dpA64*k4[i]+dpA65*k5[i])
		}
		k6 := f(t+h, tmp)
		var y1 S
		for i := range len(y) {
			y1[i] = y[i] + h*(dpA71*k1[i]+dpA73*k3[i]+dpA74*k4[i]+dpA75*k5[i]+dpA76*k6[i])
		}
		tNew := t + h
		if last {
			tNew = tEnd
		}
		k7 := f(tNew, y1)
		d.Evals += 6

		var errSum float64
		for i := range len(y) {
			e := h * (dpE1*k1[i] + dpE3*k3[i] + dpE4*k4[i] + dpE5*k5[i] + dpE6*k6[i] + dpE7*k7[i])
			sk := d.AbsTol + d.RelTol*math.Max(math.Abs(y[i]), math.Abs(y1[i]))
			errSum += (e / sk) * (e / sk)
		}
		errN := math.Sqrt(errSum / float64(len(y)))
		if !finite(errN) {
			// NaN or Inf: from the state or its derivative, which no step
			// cures (and NaN compares false with everything, so the step
			// control below would loop forever), or from a trial step too
			// long, which a shorter one may cure.
			if !finiteVec(y) || !finiteVec(k1) {
				return ErrNonFinite
			}
			d.rejects++
			d.H = h / 10
			continue
		}

		fac11 := math.Pow(errN, 0.2-0.75*dpBeta)
		fac := fac11 / math.Pow(d.errOld, dpBeta) / dpSafety
		fac = math.Max(1/dpFacMax, math.Min(1/dpFacMin, fac))
		hNew := h / fac

		if errN <= 1 || (last && h <= minStep) {
			d.errOld = math.Max(errN, 1e-4)
			dn := &d.Last
			dn.T, dn.H = t, tNew-t
			for i := range len(y) {
				ydiff := y1[i] - y[i]
				bspl := h*k1[i] - ydiff
				dn.C[0][i] = y[i]
				dn.C[1][i] = ydiff
				dn.C[2][i] = bspl
				dn.C[3][i] = ydiff - h*k7[i] - bspl
				dn.C[4][i] = h * (dpD1*k1[i] + dpD3*k3[i] + dpD4*k4[i] + dpD5*k5[i] + dpD6*k6[i] + dpD7*k7[i])
			}
			if d.rejects > 0 {
				hNew = math.Min(hNew, h)
			}
			d.rejects = 0
			d.T, d.Y, d.k1 = tNew, y1, k7
			if !last || hNew < d.H {
				d.H = hNew
			}
			d.Steps++
			return nil
		}
		d.rejects++
		d.H = h / math.Min(1/dpFacMin, fac11/dpSafety)
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func finiteVec[S Vector](y S) bool {
	for i := range len(y) {
		if !finite(y[i]) {
			return false
		}
	}
	return true
}

// Restart re-initialises the first-same-as-last stage after the caller has
// changed Y or T directly (for example after truncating at an event), or
// after a discontinuity in F.
func (d *DOPRI5[S]) Restart(t float64, y S) {
	d.T, d.Y = t, y
	d.k1 = d.F(t, y)
	d.Evals++
	d.errOld = 1e-4
}

// Event is a scalar event function; an event occurs where it changes sign.
type Event[S Vector] func(t float64, y S) float64

// LocateEvent finds the root of g on the last step's dense output, given g's
// values g0 at the start and g1 at the end of that step (with opposite signs).
// It uses the Illinois variant of regula falsi followed by bisection
// safeguards, to an absolute time tolerance tol.
func LocateEvent[S Vector](d *Dense[S], g Event[S], g0, g1, tol float64) (float64, S) {
	a, b := d.T, d.T+d.H
	ga, gb := g0, g1
	side := 0
	for range 100 {
		if b-a <= tol {
			break
		}
		t := b - gb*(b-a)/(gb-ga)
		if !(t > a && t < b) || math.IsNaN(t) {
			t = (a + b) / 2
		}
		gt := g(t, d.At(t))
		if gt == 0 {
			return t, d.At(t)
		}
		if (gt > 0) == (gb > 0) {
			b, gb = t, gt
			if side == -1 {
				ga /= 2
			}
			side = -1
		} else {
			a, ga = t, gt
			if side == 1 {
				gb /= 2
			}
			side = 1
		}
	}
	// Return the end on the far side of the root, so that the sign has changed.
	return b, d.At(b)
}
