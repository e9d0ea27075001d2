package track

import (
	"fmt"
	"math"
)

// Manoeuvre switches a track to a filter with more process noise while
// its detections show a manoeuvre the tracker's own (quiescent) model does
// not hold (boost thrust, staging, burnout), and back once the quiescent
// model fits again: noise-level switching on the fading-memory average of
// the normalised innovation squared (Bar-Shalom et al. 2001, §11.2.2),
//
//	ε̄(k) = α ε̄(k−1) + ε(k),  ε(k) = yᵀ S⁻¹ y.
//
// For a consistent filter with an n-dimensional measurement (n = 3), ε̄ in
// steady state has mean n/(1−α) and variance 2n/(1−α²); matched by
// moments, (1+α)ε̄ is χ² with ν = n(1+α)/(1−α) degrees of freedom.
//
// Onset: a firm track switches to Filter when ε̄ of the quiescent filter,
// with α = Alpha, exceeds the Prob quantile of that distribution.
//
// End: while switched, the quiescent filter runs alongside on the same
// detections, from the estimate at the onset, and the track switches back
// when its ε̄, with α = EndAlpha, is below the median after at least one
// window, 1/(1−α) updates, since the quiescent filter started. One-step
// innovations from the manoeuvre filter's estimate would not do: a thrust
// of 60 m/s² moves a missile only 7.5 m from the quiescent prediction in
// 0.5 s, against a detection error of hundreds of metres, and what loses
// the track is the velocity error that builds up over many updates. If the
// quiescent filter's ε̄ exceeds the Prob quantile (it has lost the target
// while the manoeuvre lasts) it restarts from the manoeuvre filter's
// estimate.
//
// Without switching, a filter whose process noise suits midcourse
// (q = 100 m²/s³) lags a boosting missile until its detections fall
// outside the gate; the track is deleted and a new one started from the
// next detection, many times per missile.
type Manoeuvre struct {
	// Filter is the manoeuvre filter; nil means no switching.
	Filter Filter
	// Alpha is the onset test's fading-memory factor; 0 means 0.5 (a
	// window of 1/(1−α) = 2 updates, one scan of a radar revisiting
	// every 0.5 s: a longer one switches only after the track has left
	// the gate).
	Alpha float64
	// EndAlpha is the end test's factor; 0 means 0.9 (10 updates, 5 s at
	// 0.5 s: long enough for a quiescent filter's velocity error under
	// thrust to show).
	EndAlpha float64
	// Prob is the quantile of the onset threshold; 0 means 0.95: a
	// quiescent track switches about one update in twenty, for a brief
	// spell of larger covariance.
	Prob float64
}

// BoostQ is the acceleration spectral density of DefaultManoeuvre's filter,
// m²/s³: Bar-Shalom et al. (2001, §6.2.2) choose q so that the velocity
// change over one sampling interval T, √(qT), is of the order of the
// largest acceleration times T, q ≈ a²T; with a = 100 m/s² (about 10 g, the
// upper end of a ballistic missile's thrust acceleration near burnout) and
// T = 1 s (the engine's tracker scan), q = 10⁴ m²/s³.
const BoostQ = 1e4

// DefaultManoeuvre returns the switching the engine uses: an EKF with the
// ballistic model and q = BoostQ.
func DefaultManoeuvre() Manoeuvre {
	return Manoeuvre{Filter: &EKF{Motion: &Ballistic{Q: BoostQ}}}
}

// manoeuvreTest holds a Manoeuvre's factors and thresholds on ε̄.
type manoeuvreTest struct {
	filter                    Filter
	alpha, onsetUp, onsetMean float64
	endAlpha, endUp, endDown  float64
	endMean                   float64
	endWindow                 int // updates before the end test: ⌈1/(1−EndAlpha)⌉
}

// measDim is the dimension of a detection.
const measDim = 3

func (m Manoeuvre) test() (manoeuvreTest, error) {
	a, ae, p := m.Alpha, m.EndAlpha, m.Prob
	if a == 0 {
		a = 0.5
	}
	if ae == 0 {
		ae = 0.9
	}
	if p == 0 {
		p = 0.95
	}
	for _, v := range []float64{a, ae, p} {
		if !(v > 0 && v < 1) {
			return manoeuvreTest{}, fmt.Errorf("track: manoeuvre fading factors %v, %v and probability %v: allowed values are in (0, 1)", m.Alpha, m.EndAlpha, m.Prob)
		}
	}
	// quantile returns the q quantile of ε̄ for fading factor f.
	quantile := func(f, q float64) float64 {
		nu := int(measDim*(1+f)/(1-f) + 0.5)
		return GateThreshold(q, nu) / (1 + f)
	}
	return manoeuvreTest{
		filter: m.Filter,
		alpha:  a, onsetUp: quantile(a, p), onsetMean: measDim / (1 - a),
		endAlpha: ae, endUp: quantile(ae, p), endDown: quantile(ae, 0.5), endMean: measDim / (1 - ae),
		endWindow: int(math.Ceil(1/(1-ae) - 1e-9)),
	}, nil
}
