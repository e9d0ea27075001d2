package radar

import "math"

// Sigmas returns the standard deviations of the range (m), azimuth and
// elevation (rad) measurements of a dwell with SNR dwellSNR (linear, the
// energy ratio E/N₀ of the whole dwell):
//
//	σ_R = ΔR / √(2·SNR) ⊕ RangeFloor,    ΔR = c/(2B)
//	σ_θ = θ₃dB / (k_m·√(2·SNR)) ⊕ AngleFloor
//
// where ⊕ adds in quadrature. These are the thermal-noise accuracies of a
// matched-filter range measurement and a monopulse angle measurement
// (Skolnik 3rd ed., ch. 6; Richards, ch. 16), with a floor for bias and
// calibration errors. The thermal terms are capped at the resolution cell
// (ΔR and θ₃dB): the formulas hold for high SNR, and a detected target lies
// in the cell. The azimuth error is taken equal to the angle
// error, as for a beam pointed at the target; at high elevation the
// azimuth error grows as 1/cos El in reality, which is not modelled.
func (r *Radar) Sigmas(dwellSNR float64) (sigmaRange, sigmaAz, sigmaEl float64) {
	tr, ta := r.thermalSigmas(dwellSNR)
	sa := hypot(ta, r.AngleFloor)
	return hypot(tr, r.RangeFloor), sa, sa
}

// lookSigmas is Sigmas to rounding, for the looks of a trial
// (Radar.measure): the quadrature sums as √(a² + b²), not hypot's scaled
// form (a division fewer each; the terms are of a metre or a milliradian,
// so the squares neither overflow nor underflow, and a floor of 0 gives
// the term itself, √(a²) = |a|).
func (r *Radar) lookSigmas(dwellSNR float64) (sigmaRange, sigmaAz, sigmaEl float64) {
	tr, ta := r.thermalSigmas(dwellSNR)
	sa := math.Sqrt(ta*ta + r.AngleFloor*r.AngleFloor)
	return math.Sqrt(tr*tr + r.RangeFloor*r.RangeFloor), sa, sa
}

// thermalSigmas returns the thermal terms of Sigmas, capped at the
// resolution cell: range (m) and angle (rad).
func (r *Radar) thermalSigmas(dwellSNR float64) (rangeTerm, angleTerm float64) {
	if !(dwellSNR > 0) {
		dwellSNR = math.SmallestNonzeroFloat64
	}
	k := math.Sqrt(2 * dwellSNR)
	dr := SpeedOfLight / (2 * r.Bandwidth)
	km := r.MonopulseSlope
	if km == 0 {
		km = DefaultMonopulseSlope
	}
	return min(dr/k, dr), min(r.Beamwidth/(km*k), r.Beamwidth) // the builtin min is math.Min, inline
}
