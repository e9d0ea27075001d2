package radar

import "math"

// Published closed-form approximations used as independent references.

// albersheim returns Albersheim's estimate of the single-pulse SNR (dB)
// needed for pd and pfa with n pulses integrated non-coherently by a
// linear detector, steady target (W. J. Albersheim, "A closed-form
// approximation to Robertson's detection characteristics", Proc. IEEE
// 69(7), 1981; Richards §6.2; MATLAB albersheim). Stated accuracy 0.2 dB
// for 1e-7 ≤ Pfa ≤ 1e-3, 0.1 ≤ Pd ≤ 0.9, 1 ≤ n ≤ 8096.
func albersheim(pd, pfa float64, n int) float64 {
	a := math.Log(0.62 / pfa)
	b := math.Log(pd / (1 - pd))
	nf := float64(n)
	return -5*math.Log10(nf) + (6.2+4.54/math.Sqrt(nf+0.44))*math.Log10(a+0.12*a*b+1.7*b)
}

// shnidman returns Shnidman's estimate of the single-pulse SNR (dB) for
// pd, pfa, n pulses (non-coherent, square law) and Swerling case sw (D. A.
// Shnidman, "Determination of required SNR values", IEEE Trans. AES 38(3),
// 2002; Richards §6.3). Stated accuracy about 0.5 dB for 0.1 ≤ Pd ≤ 0.99,
// 1e-9 ≤ Pfa ≤ 1e-3, 1 ≤ n ≤ 100.
func shnidman(pd, pfa float64, n int, sw Swerling) float64 {
	nf := float64(n)
	var k float64
	switch sw {
	case Swerling0:
		k = math.Inf(1)
	case Swerling1:
		k = 1
	case Swerling2:
		k = nf
	case Swerling3:
		k = 2
	case Swerling4:
		k = 2 * nf
	}
	alpha := 0.0
	if n >= 40 {
		alpha = 0.25
	}
	sgn := 0.0
	if pd > 0.5 {
		sgn = 1
	} else if pd < 0.5 {
		sgn = -1
	}
	eta := math.Sqrt(-0.8*math.Log(4*pfa*(1-pfa))) + sgn*math.Sqrt(-0.8*math.Log(4*pd*(1-pd)))
	xinf := eta * (eta + 2*math.Sqrt(nf/2+alpha-0.25))
	c1 := (((17.7006*pd-18.4496)*pd+14.5339)*pd - 3.525) / k
	c2 := (math.Exp(27.31*pd-25.14) + (pd-0.8)*(0.7*math.Log(1e-5/pfa)+(2*nf-20)/80)) / k
	cdb := c1
	if pd > 0.872 {
		cdb = c1 + c2
	}
	if math.IsInf(k, 1) {
		cdb = 0
	}
	return 10*math.Log10(xinf/nf) + cdb
}
