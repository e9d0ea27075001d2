package radar

import (
	"errors"
	"fmt"
	"math"
)

// Physical constants (SI, exact since the 2019 redefinition).
const (
	SpeedOfLight = 299792458.0    // c, m/s
	Boltzmann    = 1.380649e-23   // k, J/K
	fourPiCubed  = 1984.401707539 // (4π)³
)

// Equation holds the parameters of the monostatic radar range equation in
// its pulse-energy form (Skolnik 3rd ed., ch. 2; Richards, ch. 2):
//
//	SNR = Pt·τ·Gt·Gr·λ²·σ / ((4π)³·k·Ts·L·R⁴)
//
// Pt·τ is the energy of one pulse; with a matched filter (B·τ = 1, or a
// compressed pulse of the same energy) this is the single-pulse SNR.
// Integration over several pulses is the Detector's business.
type Equation struct {
	PeakPower  float64 // Pt, W
	PulseWidth float64 // τ, s
	Frequency  float64 // carrier, Hz (λ = c/f)
	TxGain     float64 // Gt, linear
	RxGain     float64 // Gr, linear
	NoiseTemp  float64 // system noise temperature Ts, K
	Loss       float64 // total system loss L, linear (≥ 1 for a loss)
}

// Wavelength returns λ = c/f, m.
func (e Equation) Wavelength() float64 { return SpeedOfLight / e.Frequency }

// PulseEnergy returns Pt·τ, J.
func (e Equation) PulseEnergy() float64 { return e.PeakPower * e.PulseWidth }

// constant returns Pt·τ·Gt·Gr·λ² / ((4π)³·k·Ts·L), so that SNR = c·σ/R⁴.
func (e Equation) constant() float64 {
	l := e.Wavelength()
	return e.PeakPower * e.PulseWidth * e.TxGain * e.RxGain * l * l /
		(fourPiCubed * Boltzmann * e.NoiseTemp * e.Loss)
}

// SNR returns the single-pulse signal-to-noise ratio (linear) of a target
// of radar cross section rcs (m²) at range r (m).
func (e Equation) SNR(rcs, r float64) float64 {
	r2 := r * r
	return e.constant() * rcs / (r2 * r2)
}

// MaxRange returns the range (m) at which a target of cross section rcs
// (m²) gives the single-pulse SNR snr (linear): R = (c·σ/SNR)^{1/4}.
func (e Equation) MaxRange(rcs, snr float64) float64 {
	return math.Sqrt(math.Sqrt(e.constant() * rcs / snr))
}

// Validate reports the first parameter that is not a positive finite
// number.
func (e Equation) Validate() error {
	for _, p := range []struct {
		name string
		v    float64
	}{
		{"peak power", e.PeakPower}, {"pulse width", e.PulseWidth},
		{"frequency", e.Frequency}, {"transmit gain", e.TxGain},
		{"receive gain", e.RxGain}, {"noise temperature", e.NoiseTemp},
		{"loss", e.Loss},
	} {
		if !positive(p.v) {
			return fmt.Errorf("%w: %s %g must be a positive finite number", ErrInput, p.name, p.v)
		}
	}
	return nil
}

// ErrInput marks an invalid argument.
var ErrInput = errors.New("radar: invalid input")

// DB converts a power ratio to decibels.
func DB(x float64) float64 { return 10 * math.Log10(x) }

// FromDB converts decibels to a power ratio.
func FromDB(db float64) float64 { return math.Pow(10, db/10) }

func positive(x float64) bool { return x > 0 && !math.IsInf(x, 1) }
