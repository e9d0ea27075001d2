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
	if !(dwellSNR > 0) {
		dwellSNR = math.SmallestNonzeroFloat64
	}
	k := math.Sqrt(2 * dwellSNR)
	dr := SpeedOfLight / (2 * r.Bandwidth)
	sigmaRange = hypot(min(dr/k, dr), r.RangeFloor) // the builtin min is math.Min, inline
	km := r.MonopulseSlope
	if km == 0 {
		km = DefaultMonopulseSlope
	}
	sa := hypot(min(r.Beamwidth/(km*k), r.Beamwidth), r.AngleFloor)
	return sigmaRange, sa, sa
}
