package atmos

import "math"

// State is the atmosphere at one altitude.
type State struct {
	T          float64 // kinetic temperature, K
	P          float64 // pressure, Pa
	Rho        float64 // density, kg/m³
	SoundSpeed float64 // speed of sound, m/s
}

// At returns the state at geometric altitude h (m). Below −5 km it returns
// the state at −5 km; above 1000 km see the package doc. A NaN h gives a
// State of NaNs.
func At(h float64) State {
	switch {
	case h < z86:
		return lowerState(max(h, zMin))
	case h <= zTop:
		return State{
			T:          upperTemperature(h),
			P:          math.Exp(pSpline.at(h)),
			Rho:        math.Exp(rhoSpline.at(h)),
			SoundSpeed: soundSpeed,
		}
	case h > zTop:
		return State{
			T:          tTop,
			P:          math.Exp(pSpline.at(h)),
			Rho:        math.Exp(rhoSpline.at(h)),
			SoundSpeed: soundSpeed,
		}
	}
	nan := math.NaN()
	return State{nan, nan, nan, nan}
}

// Density returns the density (kg/m³) at geometric altitude h (m): At(h).Rho
// without the other quantities, for hot paths. It does not allocate, never
// panics, is strictly decreasing from −5 km until it underflows to 0 near
// 160 000 km, constant below −5 km, and NaN only for a NaN h.
func Density(h float64) float64 {
	if h < z86 {
		return lowerDensity(max(h, zMin))
	}
	return math.Exp(rhoSpline.at(h))
}
