package radar

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// Swerling is a target fluctuation model (Swerling 1960).
type Swerling int

// Swerling cases. Cases 1 and 3 decorrelate from scan to scan (dwell to
// dwell), 2 and 4 from pulse to pulse. Cases 1 and 2 have a χ² RCS with 2
// degrees of freedom (many comparable scatterers), 3 and 4 with 4 (one
// dominant scatterer).
const (
	Swerling0 Swerling = iota // steady target (Marcum)
	Swerling1
	Swerling2
	Swerling3
	Swerling4
)

// Valid reports whether s is one of the cases 0 to 4.
func (s Swerling) Valid() bool { return s >= Swerling0 && s <= Swerling4 }

func (s Swerling) String() string {
	if !s.Valid() {
		return fmt.Sprintf("Swerling(%d)", int(s))
	}
	return fmt.Sprintf("Swerling %d", int(s))
}

// MaxPulses bounds the number of integrated pulses: the Pd series costs
// O(n) terms, and no radar dwell integrates more.
const MaxPulses = 1 << 20

// Detector is a square-law detector that integrates N pulses, coherently
// or not, and compares the sum with a threshold set for a false-alarm
// probability Pfa. Build it with NewDetector.
type Detector struct {
	Pfa       float64
	Pulses    int
	Case      Swerling
	Coherent  bool
	threshold float64 // T: Pfa = Q(n, T), in units of the noise power
	n         int     // pulses summed by the square-law detector
	fluct     Swerling
	gain      float64 // coherent integration gain on the single-pulse SNR
}

// NewDetector returns a detector for the false-alarm probability pfa in
// (0, 1), pulses ≥ 1 integrated pulses and the Swerling case sw.
//
// With coherent integration the n pulses add to one sample of n times the
// single-pulse SNR (cases 0, 1 and 3). A target that decorrelates from
// pulse to pulse (cases 2 and 4) gains nothing from coherent integration:
// the sum of n independent random-phase returns grows in power as the
// noise does. It is circular Gaussian, so it is detected as case 1 at the
// single-pulse SNR — exactly for case 2, and for case 4 as an
// approximation that the sum of n ≥ 2 returns approaches.
func NewDetector(pfa float64, pulses int, sw Swerling, coherent bool) (Detector, error) {
	if !(pfa > 0 && pfa < 1) {
		return Detector{}, fmt.Errorf("%w: false-alarm probability %g must lie in (0, 1)", ErrInput, pfa)
	}
	if pulses < 1 || pulses > MaxPulses {
		return Detector{}, fmt.Errorf("%w: pulses %d must lie in [1, %d]", ErrInput, pulses, MaxPulses)
	}
	if !sw.Valid() {
		return Detector{}, fmt.Errorf("%w: Swerling case %d must be 0, 1, 2, 3 or 4", ErrInput, int(sw))
	}
	d := Detector{Pfa: pfa, Pulses: pulses, Case: sw, Coherent: coherent, n: pulses, fluct: sw, gain: 1}
	if coherent && pulses > 1 {
		d.n = 1
		d.gain = float64(pulses)
		if sw == Swerling2 || sw == Swerling4 {
			d.fluct, d.gain = Swerling1, 1
		}
	}
	d.threshold = mathext.GammaIncRegCompInv(float64(d.n), pfa)
	return d, nil
}

// Threshold returns the detection threshold T on the sum of n
// noise-normalised square-law samples: Pfa = Γ(n, T)/Γ(n), the regularised
// upper incomplete gamma function (DiFranco & Rubin; Mahafza §2).
func (d Detector) Threshold() float64 { return d.threshold }

// Pd returns the probability of detection for the single-pulse SNR snr
// (linear). Invalid or non-positive snr gives Pfa; +Inf gives 1.
//
// The method is exact. Given the target's signal energy s summed over the
// dwell, the square-law sum of n pulses is a Poisson(s) mixture of
// Gamma(n+k, 1) variables (the noncentral χ² law). Averaging over the
// Swerling fluctuation turns the Poisson weights into negative binomial
// ones, NB(r, θ) with mean rθ = n·SNR: r = 1 for case 1, n for case 2,
// 2 for case 3, 2n for case 4; case 0 keeps Poisson(n·SNR). So
//
//	1 − Pd = Σₖ wₖ · P(n+k, T)
//
// with P the regularised lower incomplete gamma function. The series is
// summed with the recurrences P(a+1,T) = P(a,T) − Tᵃe⁻ᵀ/Γ(a+1) and the
// weights' ratios, and stops when P(n+k, T) < 1e-18, which bounds the
// truncation error since the weights sum to one. For n = 1 it reduces to
// the closed forms e^{−T/(1+SNR)} (case 1) and Marcum's Q (case 0), and for
// case 2 to Q(n, T/(1+SNR)) (Meyer & Mayer; Richards §6.2).
func (d Detector) Pd(snr float64) float64 {
	if d.n == 0 || math.IsNaN(snr) || snr <= 0 {
		return d.Pfa
	}
	if math.IsInf(snr, 1) {
		return 1
	}
	n := float64(d.n)
	snr *= d.gain
	lambda := n * snr // mean signal energy over the dwell, in noise units
	var r, theta float64
	switch d.fluct {
	case Swerling1:
		r, theta = 1, lambda
	case Swerling2:
		r, theta = n, snr
	case Swerling3:
		r, theta = 2, lambda/2
	case Swerling4:
		r, theta = 2*n, snr/2
	}
	T := d.threshold
	p := mathext.GammaIncReg(n, T)
	if p <= pTail {
		return 1
	}
	t := math.Exp(n*math.Log(T) - T - lgamma(n+1)) // Tⁿe⁻ᵀ/Γ(n+1)
	// Log of the first weight.
	var lw, q float64
	if d.fluct == Swerling0 {
		lw = -lambda
	} else {
		lw = -r * math.Log1p(theta)
		q = theta / (1 + theta)
	}
	w := math.Exp(lw)
	logDomain := lw < logUnderflow
	kmax := int(math.Max(0, T-n)+40*math.Sqrt(T)) + 200
	miss := 0.0
	for k := 0; k <= kmax; k++ {
		miss += w * p
		kf := float64(k)
		// Next P(n+k+1, T).
		p -= t
		t *= T / (n + kf + 1)
		if p <= pTail {
			break
		}
		// Next weight.
		var ratio float64
		if d.fluct == Swerling0 {
			ratio = lambda / (kf + 1)
		} else {
			ratio = (r + kf) / (kf + 1) * q
		}
		if logDomain {
			lw += math.Log(ratio)
			w = math.Exp(lw)
			logDomain = lw < logUnderflow
		} else {
			w *= ratio
		}
	}
	return math.Min(1, math.Max(d.Pfa, 1-miss))
}

const (
	// pTail ends the Pd series: the neglected terms sum to less than
	// P(n+k, T), far below the 1e-15 resolution of 1 − Pd near Pd ≈ 1.
	pTail = 1e-18
	// logUnderflow: below it the weights are carried as logarithms, so
	// that an underflowing first weight does not zero the series.
	logUnderflow = -600.0
)

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// Required SNR search bounds, dB: −60 dB is below any useful per-pulse SNR
// for 2²⁰ pulses, 150 dB above what Pd = 1 − 1e-9 needs for case 1.
const (
	minSNRdB = -60.0
	maxSNRdB = 150.0
)

// RequiredSNR returns the single-pulse SNR (linear) at which the detector
// reaches the detection probability pd, which must lie in (Pfa, 1). Pd
// increases with SNR, so the root is found by bisection in decibels to
// 1e-9 dB.
func (d Detector) RequiredSNR(pd float64) (float64, error) {
	if d.n == 0 {
		return 0, fmt.Errorf("%w: detector not built with NewDetector", ErrInput)
	}
	if !(pd > d.Pfa && pd < 1) {
		return 0, fmt.Errorf("%w: detection probability %g must lie in (Pfa = %g, 1)", ErrInput, pd, d.Pfa)
	}
	lo, hi := minSNRdB, maxSNRdB
	if d.Pd(FromDB(lo)) >= pd {
		return FromDB(lo), nil
	}
	if d.Pd(FromDB(hi)) < pd {
		return 0, fmt.Errorf("%w: detection probability %g needs more than %g dB", ErrInput, pd, maxSNRdB)
	}
	for hi-lo > 1e-9 {
		mid := (lo + hi) / 2
		if d.Pd(FromDB(mid)) < pd {
			lo = mid
		} else {
			hi = mid
		}
	}
	return FromDB((lo + hi) / 2), nil
}

// Pd returns the detection probability for the single-pulse SNR snr
// (linear), false-alarm probability pfa, n pulses integrated
// non-coherently and Swerling case sw. See Detector.Pd.
func Pd(snr, pfa float64, n int, sw Swerling) (float64, error) {
	d, err := NewDetector(pfa, n, sw, false)
	if err != nil {
		return 0, err
	}
	return d.Pd(snr), nil
}

// RequiredSNR returns the single-pulse SNR (linear) needed for detection
// probability pd with false-alarm probability pfa, n pulses integrated
// non-coherently and Swerling case sw. See Detector.RequiredSNR.
func RequiredSNR(pd, pfa float64, n int, sw Swerling) (float64, error) {
	d, err := NewDetector(pfa, n, sw, false)
	if err != nil {
		return 0, err
	}
	return d.RequiredSNR(pd)
}
