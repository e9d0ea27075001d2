package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mathext"
)

// Tolerances, dB unless stated.
const (
	// exactTol: our series and bisection are exact to ~1e-9 dB; published
	// exact values carry 4+ decimals.
	exactTol = 1e-3
	// sdrSolverTol: sdr.non_coherent_gain solves for the gain with a root
	// finder whose result differs from ours by ~1e-4 dB.
	sdrSolverTol = 1e-3
	// pdVectorTol (absolute probability): sdr's Pd tables print 8 digits.
	pdVectorTol = 1e-8
	// albersheimTol: Albersheim states 0.2 dB for a linear detector; ours
	// is square-law, which differs by up to ~0.2 dB more at small n
	// (DiFranco & Rubin ch. 10). Measured worst over the grid: 0.33 dB.
	albersheimTol = 0.35
	// shnidmanTol: Shnidman states about 0.5 dB; at the edges of its range
	// (Pfa 1e-9, Pd ≥ 0.95, case 1) it is off by up to 0.88 dB from the
	// exact case-1 closed form, so the bound here is 1 dB.
	shnidmanTol = 1.0
	// shnidmanPointTol: at Pd 0.9, Pfa 1e-6, n = 10, Shnidman's fit is
	// within 0.15 dB of the exact values (measured).
	shnidmanPointTol = 0.2
)

func reqDB(t *testing.T, pd, pfa float64, n int, sw Swerling) float64 {
	t.Helper()
	s, err := RequiredSNR(pd, pfa, n, sw)
	if err != nil {
		t.Fatalf("RequiredSNR(%g, %g, %d, %v): %v", pd, pfa, n, sw, err)
	}
	return DB(s)
}

// TestRequiredSNRPublished checks single-pulse values at Pd 0.9, Pfa 1e-6.
func TestRequiredSNRPublished(t *testing.T) {
	for _, c := range []struct {
		sw   Swerling
		want float64
		tol  float64
		src  string
	}{
		// sdr.min_snr(0.9, 1e-6, detector="square-law") = 13.183490056794499
		// (M. Hostetter, sdr documentation, mhostetter.github.io/sdr); the
		// textbook "about 13.2 dB" (Skolnik 3rd ed. fig. 2.7; Richards
		// §6.2).
		{Swerling0, 13.183490056794499, exactTol, "sdr.min_snr"},
		// Case 1, one pulse: Pd = exp(−T/(1+SNR)), T = ln(1/Pfa) (Meyer &
		// Mayer; Mahafza §2): SNR = ln(1e-6)/ln(0.9) − 1 = 21.1436 dB,
		// "about 21.1 dB".
		{Swerling1, 10 * math.Log10(math.Log(1e-6)/math.Log(0.9)-1), exactTol, "closed form"},
		{Swerling1, 21.1, 0.05, "textbook 21.1 dB"},
		{Swerling0, 13.2, 0.05, "textbook 13.2 dB"},
	} {
		if got := reqDB(t, 0.9, 1e-6, 1, c.sw); math.Abs(got-c.want) > c.tol {
			t.Errorf("RequiredSNR(0.9, 1e-6, 1, %v) = %.4f dB, want %.4f ± %g (%s)", c.sw, got, c.want, c.tol, c.src)
		}
	}
}

// TestPdMarcumVector checks single-pulse steady-target Pd against sdr's
// test vector (tests/detection/test_p_d.py, test_complex_square_law,
// verified there by simulation): Pfa 1e-3, SNR −10..10 dB.
func TestPdMarcumVector(t *testing.T) {
	want := []float64{0.00177786, 0.0020086, 0.00231693, 0.00273403, 0.00330629, 0.00410404,
		0.00523576, 0.00687179, 0.00928377, 0.01291049, 0.01846703, 0.02712174, 0.0407706,
		0.06242657, 0.09667487, 0.14995286, 0.23001292, 0.34340965, 0.48995306, 0.65552537,
		0.81029237}
	for i, w := range want {
		snr := float64(i - 10)
		got, err := Pd(FromDB(snr), 1e-3, 1, Swerling0)
		if err != nil || math.Abs(got-w) > pdVectorTol {
			t.Errorf("Pd(%g dB, 1e-3, 1, 0) = %.8f, %v; want %.8f", snr, got, err, w)
		}
	}
}

// TestNonCoherentGain checks 10-pulse integration against sdr's
// non_coherent_gain(10, 10 dB, Pfa 1e-6) test values
// (tests/detection/test_non_coherent_gain.py).
func TestNonCoherentGain(t *testing.T) {
	// "output": a single pulse at 10 dB gives Pd₁; 10 pulses reach Pd₁
	// at 10 − 7.367080094838606 dB each.
	p1, _ := Pd(10, 1e-6, 1, Swerling0)
	if g := 10 - reqDB(t, p1, 1e-6, 10, Swerling0); math.Abs(g-7.367080094838606) > sdrSolverTol {
		t.Errorf("output-referred gain = %.6f dB, want 7.367080", g)
	}
	// "input": 10 pulses at 10 dB give Pd₁₀; one pulse needs
	// 10 + 8.666092814306324 dB.
	p10, _ := Pd(10, 1e-6, 10, Swerling0)
	if g := reqDB(t, p10, 1e-6, 1, Swerling0) - 10; math.Abs(g-8.666092814306324) > sdrSolverTol {
		t.Errorf("input-referred gain = %.6f dB, want 8.666093", g)
	}
}

// TestClosedForms checks the series against the classical closed forms
// (Meyer & Mayer; DiFranco & Rubin; Mahafza §2.x).
func TestClosedForms(t *testing.T) {
	const tol = 1e-12 // both are exact; round-off only
	for _, pfa := range []float64{1e-3, 1e-6, 1e-9} {
		for _, snrDB := range []float64{-5, 0, 5, 10, 15, 20, 30} {
			chi := FromDB(snrDB)
			for _, n := range []int{1, 2, 7, 30} {
				T := mathext.GammaIncRegCompInv(float64(n), pfa)
				nf := float64(n)
				// Case 2: the sum is Gamma(n, 1+SNR).
				check(t, pfa, n, Swerling2, chi, mathext.GammaIncRegComp(nf, T/(1+chi)), tol)
				// Case 1 (DiFranco & Rubin): 1 − P(n−1,T) + (1+1/(nχ))^{n−1}
				// P(n−1, T/(1+1/(nχ))) e^{−T/(1+nχ)}.
				want := math.Exp(-T / (1 + chi))
				if n > 1 {
					f := 1 + 1/(nf*chi)
					want = 1 - mathext.GammaIncReg(nf-1, T) + math.Pow(f, nf-1)*mathext.GammaIncReg(nf-1, T/f)*math.Exp(-T/(1+nf*chi))
				}
				check(t, pfa, n, Swerling1, chi, want, 1e-10)
				// Case 3, n ≤ 2 (Mahafza, eq. for K₀).
				if n <= 2 {
					x := T / (1 + nf*chi/2)
					want := math.Exp(-x) * math.Pow(1+2/(nf*chi), nf-2) * (1 + x - 2*(nf-2)/(nf*chi))
					check(t, pfa, n, Swerling3, chi, want, tol)
				}
			}
		}
	}
}

func check(t *testing.T, pfa float64, n int, sw Swerling, chi, want, tol float64) {
	t.Helper()
	got, err := Pd(chi, pfa, n, sw)
	if err != nil || math.Abs(got-want) > tol {
		t.Errorf("Pd(%g, %g, %d, %v) = %.15g, %v; want %.15g", chi, pfa, n, sw, got, err, want)
	}
}

// TestAlbersheim compares the steady-target values with Albersheim's
// equation inside its stated range (Pd from 0.3: at Pd 0.1, Pfa 1e-3 the
// equation itself is off by 4 dB from the exact Marcum value, which the
// sdr vector above confirms).
func TestAlbersheim(t *testing.T) {
	for _, pfa := range []float64{1e-3, 1e-4, 1e-6, 1e-7} {
		for _, pd := range []float64{0.3, 0.5, 0.7, 0.9} {
			for _, n := range []int{1, 2, 5, 10, 30, 100, 1000, 8000} {
				got, want := reqDB(t, pd, pfa, n, Swerling0), albersheim(pd, pfa, n)
				if math.Abs(got-want) > albersheimTol {
					t.Errorf("RequiredSNR(%g, %g, %d, 0) = %.3f dB, Albersheim %.3f", pd, pfa, n, got, want)
				}
			}
		}
	}
}

// TestShnidman compares all five cases with Shnidman's equation over
// 0.5 ≤ Pd ≤ 0.99, 1e-9 ≤ Pfa ≤ 1e-3, 1 ≤ n ≤ 100, and at the n = 10
// reference point tighter.
func TestShnidman(t *testing.T) {
	for sw := Swerling0; sw <= Swerling4; sw++ {
		for _, pfa := range []float64{1e-3, 1e-6, 1e-9} {
			for _, pd := range []float64{0.5, 0.8, 0.9, 0.95, 0.99} {
				for _, n := range []int{1, 2, 5, 10, 30, 100} {
					got, want := reqDB(t, pd, pfa, n, sw), shnidman(pd, pfa, n, sw)
					if math.Abs(got-want) > shnidmanTol {
						t.Errorf("RequiredSNR(%g, %g, %d, %v) = %.3f dB, Shnidman %.3f", pd, pfa, n, sw, got, want)
					}
				}
			}
		}
		got, want := reqDB(t, 0.9, 1e-6, 10, sw), shnidman(0.9, 1e-6, 10, sw)
		if math.Abs(got-want) > shnidmanPointTol {
			t.Errorf("RequiredSNR(0.9, 1e-6, 10, %v) = %.3f dB, Shnidman %.3f", sw, got, want)
		}
	}
}

// TestPdMonteCarlo simulates the square-law detector (complex Gaussian
// noise of unit power, target power drawn per the Swerling case) and
// checks the detection rate against Pd within 4.5 binomial sigmas.
func TestPdMonteCarlo(t *testing.T) {
	const (
		seed   = 20240611
		trials = 40000
		sigmas = 4.5 // false-failure rate ~1e-5 per check
	)
	rng := rand.New(rand.NewPCG(seed, 1))
	pfa := 1e-3
	for sw := Swerling0; sw <= Swerling4; sw++ {
		for _, n := range []int{1, 4} { // case 4 coherent: n ≥ 4 keeps its case-1 approximation within the check
			for _, coherent := range []bool{false, true} {
				chi := FromDB(3)
				d, err := NewDetector(pfa, n, sw, coherent)
				if err != nil {
					t.Fatal(err)
				}
				want := d.Pd(chi)
				hits := 0
				for range trials {
					if simulate(rng, d, chi) > d.Threshold() {
						hits++
					}
				}
				got := float64(hits) / trials
				sd := math.Sqrt(want * (1 - want) / trials)
				if math.Abs(got-want) > sigmas*sd+1e-4 {
					t.Errorf("seed %d: %v n=%d coherent=%v: simulated Pd %.4f, Pd %.4f ± %.4f", seed, sw, n, coherent, got, want, sd)
				}
			}
		}
	}
}

// simulate returns one square-law statistic, normalised to unit noise
// power per sample.
func simulate(rng *rand.Rand, d Detector, chi float64) float64 {
	draw := func() float64 { // target power of one pulse or scan, mean chi
		switch d.Case {
		case Swerling1, Swerling2:
			return chi * rng.ExpFloat64()
		case Swerling3, Swerling4:
			return chi * (rng.ExpFloat64() + rng.ExpFloat64()) / 2
		}
		return chi
	}
	scan := draw()
	cn := func() complex128 { return complex(rng.NormFloat64(), rng.NormFloat64()) * complex(math.Sqrt(0.5), 0) }
	if d.Coherent {
		var sum complex128
		for range d.Pulses {
			p := scan
			if d.Case == Swerling2 || d.Case == Swerling4 {
				p = draw()
			}
			// Random target phase per pulse for pulse-to-pulse cases; the
			// coherent sum adds amplitudes.
			ph := 0.0
			if d.Case == Swerling2 || d.Case == Swerling4 {
				ph = 2 * math.Pi * rng.Float64()
			}
			sum += complex(math.Sqrt(p)*math.Cos(ph), math.Sqrt(p)*math.Sin(ph)) + cn()
		}
		sum /= complex(math.Sqrt(float64(d.Pulses)), 0) // unit noise power
		return real(sum)*real(sum) + imag(sum)*imag(sum)
	}
	y := 0.0
	for range d.Pulses {
		p := scan
		if d.Case == Swerling2 || d.Case == Swerling4 {
			p = draw()
		}
		z := complex(math.Sqrt(p), 0) + cn()
		y += real(z)*real(z) + imag(z)*imag(z)
	}
	return y
}

func TestPdProperties(t *testing.T) {
	const seed = 7
	rng := rand.New(rand.NewPCG(seed, 2))
	for i := range 3000 {
		pfa := math.Pow(10, -1-11*rng.Float64())
		n := 1 + rng.IntN(300)
		if i%50 == 0 {
			n = 1 + rng.IntN(20000)
		}
		sw := Swerling(rng.IntN(5))
		d, err := NewDetector(pfa, n, sw, rng.IntN(2) == 0)
		if err != nil {
			t.Fatal(err)
		}
		prev := d.Pd(0)
		if math.Abs(prev-pfa) > 1e-12 {
			t.Fatalf("seed %d: Pd(0) = %g, want Pfa %g", seed, prev, pfa)
		}
		for db := -40.0; db <= 80; db += 7 {
			p := d.Pd(FromDB(db))
			if math.IsNaN(p) || p < pfa || p > 1 || p < prev-1e-12 {
				t.Fatalf("seed %d: %v n=%d pfa=%g: Pd(%g dB) = %g after %g", seed, sw, n, pfa, db, p, prev)
			}
			prev = p
		}
	}
	d, _ := NewDetector(1e-6, 10, Swerling1, false)
	for _, x := range []float64{math.NaN(), math.Inf(-1), -1, math.Inf(1), 1e300, 5e-324} {
		if p := d.Pd(x); math.IsNaN(p) || p < 0 || p > 1 {
			t.Errorf("Pd(%g) = %g", x, p)
		}
	}
	var zero Detector
	if p := zero.Pd(10); math.IsNaN(p) {
		t.Errorf("zero Detector Pd = NaN")
	}
	if _, err := zero.RequiredSNR(0.9); err == nil {
		t.Errorf("zero Detector RequiredSNR: no error")
	}
}

func TestRequiredSNRRoundTrip(t *testing.T) {
	for sw := Swerling0; sw <= Swerling4; sw++ {
		for _, n := range []int{1, 3, 50} {
			for _, pd := range []float64{0.01, 0.5, 0.9, 0.999} {
				s, err := RequiredSNR(pd, 1e-6, n, sw)
				if err != nil {
					t.Fatal(err)
				}
				if got, _ := Pd(s, 1e-6, n, sw); math.Abs(got-pd) > 1e-7 {
					t.Errorf("Pd(RequiredSNR(%g, 1e-6, %d, %v)) = %g", pd, n, sw, got)
				}
			}
		}
	}
}

func TestDetectorRejectsBadInput(t *testing.T) {
	for _, c := range []struct {
		pfa float64
		n   int
		sw  Swerling
	}{
		{0, 1, 0}, {1, 1, 0}, {math.NaN(), 1, 0}, {-1e-6, 1, 0},
		{1e-6, 0, 0}, {1e-6, -3, 0}, {1e-6, MaxPulses + 1, 0}, {1e-6, 1, 5}, {1e-6, 1, -1},
	} {
		if _, err := NewDetector(c.pfa, c.n, c.sw, false); err == nil {
			t.Errorf("NewDetector(%g, %d, %d) = nil error", c.pfa, c.n, c.sw)
		}
	}
	for _, pd := range []float64{0, 1e-7, 1, 1.5, math.NaN()} {
		if _, err := RequiredSNR(pd, 1e-6, 1, Swerling1); err == nil {
			t.Errorf("RequiredSNR(%g) = nil error", pd)
		}
	}
}
