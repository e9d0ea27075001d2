package radar

import (
	"math"
	"testing"
)

// matlabTol: the MATLAB examples print the power to 5 significant digits
// (relative 5e-5, i.e. 2e-4 dB).
const matlabTol = 5e-4 // dB

// TestEquationMATLAB reproduces the examples of MATLAB's radareqpow
// (Phased Array System Toolbox documentation, "Compute Required Transmit
// Power" and "... at Specified System Temperature"): the power they
// print must give back the SNR they asked for. MATLAB's defaults are
// Ts = 290 K, G = 20 dB, σ = 1 m², L = 0 dB, c = 299792458 m/s.
func TestEquationMATLAB(t *testing.T) {
	for _, c := range []struct {
		pt, f, r, tau, gainDB, ts, lossDB, rcs, snrDB float64
	}{
		{2.1996e5, 1e9, 50e3, 1e-6, 20, 290, 0, 1, 6},
		{2.2809e6, 10e9, 50e3, 1e-6, 30, 300, 3, 0.5, 10},
	} {
		e := Equation{PeakPower: c.pt, PulseWidth: c.tau, Frequency: c.f,
			TxGain: FromDB(c.gainDB), RxGain: FromDB(c.gainDB), NoiseTemp: c.ts, Loss: FromDB(c.lossDB)}
		if got := DB(e.SNR(c.rcs, c.r)); math.Abs(got-c.snrDB) > matlabTol {
			t.Errorf("SNR(%+v) = %.5f dB, want %g", c, got, c.snrDB)
		}
		if got := e.MaxRange(c.rcs, FromDB(c.snrDB)); math.Abs(got-c.r)/c.r > matlabTol/40*math.Ln10 {
			t.Errorf("MaxRange = %.1f m, want %g", got, c.r)
		}
	}
}

func TestEquationScaling(t *testing.T) {
	e := Equation{PeakPower: 1e6, PulseWidth: 1e-6, Frequency: 3e9, TxGain: 1e4, RxGain: 1e4, NoiseTemp: 500, Loss: 4}
	// R⁴ law: doubling range costs 12.04 dB.
	if d := DB(e.SNR(1, 1e5)) - DB(e.SNR(1, 2e5)); math.Abs(d-40*math.Log10(2)) > 1e-9 {
		t.Errorf("SNR(R)/SNR(2R) = %g dB", d)
	}
	if err := e.Validate(); err != nil {
		t.Error(err)
	}
	bad := e
	bad.Loss = 0
	if bad.Validate() == nil {
		t.Error("Validate accepted zero loss")
	}
}
