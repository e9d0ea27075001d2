package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/spatial/r3"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// pdDetectors are the detectors the table is checked on: the catalog's
// (20 pulses integrated coherently, Swerling 1, Pfa 1e-6) and non-coherent
// ones of every Swerling case.
func pdDetectors(t testing.TB) []Detector {
	t.Helper()
	var out []Detector
	for _, c := range []struct {
		n   int
		sw  Swerling
		coh bool
	}{
		{20, Swerling1, true}, {1, Swerling0, false}, {1, Swerling1, false}, {10, Swerling0, false},
		{10, Swerling1, false}, {10, Swerling2, false}, {10, Swerling3, false}, {10, Swerling4, false},
	} {
		d, err := NewDetector(DefaultPfa, c.n, c.sw, c.coh)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// TestPdTableDecidesAsPd checks that the tabulated draw decides every
// draw as the comparison with Detector.Pd does, for random SNRs and
// draws, and for draws at Pd itself and one ulp either side.
func TestPdTableDecidesAsPd(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	n := 20000
	if testing.Short() {
		n = 1500
	}
	for _, d := range pdDetectors(t) {
		tab := newPdTable(d)
		width := 0.0 // sum of the brackets' widths: the chance a uniform draw needs Pd computed
		for range n {
			snr := FromDB(-30 + 70*rng.Float64())
			pd := d.Pd(snr)
			for _, u := range []float64{rng.Float64(), pd, math.Nextafter(pd, 0), math.Nextafter(pd, 1)} {
				if got, want := tab.detected(snr, u), u < pd; got != want {
					t.Fatalf("%v, %d pulses: SNR %g, u %v: detected %v, want %v (Pd %v)", d.Case, d.Pulses, snr, u, got, want, pd)
				}
			}
			k := int(math.Float64bits(snr)>>pdShift - tab.lo)
			width += tab.at(k+1) - tab.at(k) + 2*pdSlack
		}
		for _, snr := range []float64{0, -1, math.NaN(), math.Inf(1), 1e-300, 1e300} {
			for _, u := range []float64{0, 0.5, math.Nextafter(1, 0)} {
				if got, want := tab.detected(snr, u), u < d.Pd(snr); got != want {
					t.Errorf("%v, %d pulses: SNR %g, u %v: detected %v, want %v", d.Case, d.Pulses, snr, u, got, want)
				}
			}
		}
		t.Logf("%v, %d pulses: Pd computed for %.2f %% of draws at SNRs uniform in dB", d.Case, d.Pulses, 100*width/float64(n))
	}
}

// pdMonotoneTol is how far Detector.Pd, as computed, may fall on an
// increase of SNR: pdSlack must exceed it. The exact Pd increases with SNR
// (a Poisson or negative-binomial mixture whose weights shift to higher
// orders), so any fall is rounding.
const pdMonotoneTol = 1e-12

// TestPdMonotone checks the premise of the table: Detector.Pd does not
// fall by more than pdMonotoneTol between neighbouring SNRs, on a grid of
// 0.001 dB from −30 to +80 dB.
func TestPdMonotone(t *testing.T) {
	if pdMonotoneTol >= pdSlack {
		t.Fatalf("pdSlack %g must exceed the rounding bound %g", pdSlack, pdMonotoneTol)
	}
	step := 0.001
	if testing.Short() {
		step = 0.02
	}
	for _, d := range pdDetectors(t) {
		prev := d.Pd(FromDB(-30))
		for db := -30 + step; db <= 80; db += step {
			p := d.Pd(FromDB(db))
			if p < prev-pdMonotoneTol {
				t.Fatalf("%v, %d pulses: Pd falls from %v to %v at %.3f dB", d.Case, d.Pulses, prev, p, db)
			}
			prev = math.Max(prev, p)
		}
	}
}

// lookByObserve is Look as Observe defines it: the reference for Look's
// shortcuts (the sector before the line of sight, the tabulated Pd).
func lookByObserve(r *Radar, t float64, target r3.Vec, rcs float64, rng *rand.Rand) (Detection, bool) {
	o := r.Observe(target, rcs)
	if o.Visibility != Visible || rng == nil {
		return Detection{}, false
	}
	if rng.Float64() >= o.Pd {
		return Detection{}, false
	}
	dwell := o.SNR * float64(r.Detector.Pulses)
	sr, sa, se := r.lookSigmas(dwell) // Sigmas to rounding (TestLookSigmasMatchSigmas)
	d := Detection{
		Time: t, SNR: o.SNR, DwellSNR: dwell,
		SigmaRange: sr, SigmaAz: sa, SigmaEl: se,
		Range: o.Range + sr*rng.NormFloat64(),
		Az:    math.Mod(o.Az+sa*rng.NormFloat64()+2*math.Pi, 2*math.Pi),
		El:    o.El + se*rng.NormFloat64(),
	}
	d.Cov[0][0], d.Cov[1][1], d.Cov[2][2] = sr*sr, sa*sa, se*se
	return d, true
}

// TestLookAsObserve checks that Look detects, measures and draws exactly
// as Observe's visibility and Pd say, for every catalog radar and targets
// all around it (in and out of range, sector, elevation limits and sight),
// including ones with no cross section.
func TestLookAsObserve(t *testing.T) {
	pos := rand.New(rand.NewPCG(13, 2))
	for _, name := range catalogRadars {
		r := mustRadar(t, name, catalog.PickCentral, kurecik, math.Pi/2)
		r.MinEl, r.MaxEl = 0.5*math.Pi/180, 60*math.Pi/180
		a, b := rand.New(rand.NewPCG(13, 3)), rand.New(rand.NewPCG(13, 3))
		seen := 0
		for i := range 5000 {
			v := at(kurecik, 360*pos.Float64(), 3000e3*pos.Float64()*pos.Float64(), 1500e3*pos.Float64()*pos.Float64())
			if i%7 == 0 {
				v = at(geo.LLADeg(38.35, 37.79, 0), 0, 0, 2000+100*pos.Float64())
			}
			rcs := []float64{0.05, 1, 0, math.Inf(1), 1e-4}[i%5]
			got, gok := r.Look(float64(i), v, rcs, a)
			want, wok := lookByObserve(r, float64(i), v, rcs, b)
			if gok != wok || got != want {
				t.Fatalf("%s look %d: Look %v %+v, by Observe %v %+v", name, i, gok, got, wok, want)
			}
			if gok {
				seen++
			}
			if a.Uint64() != b.Uint64() {
				t.Fatalf("%s look %d: Look drew a different number of random numbers", name, i)
			}
		}
		if seen == 0 {
			t.Errorf("%s: no detections among the looks: the check checked nothing", name)
		}
	}
}

// TestLookAfterDetectorChange checks that a Detector changed after Init
// (against Init's contract, but possible) is not decided by the stale
// table: the draw follows the new detector's Pd.
func TestLookAfterDetectorChange(t *testing.T) {
	r := mustRadar(t, "AN/TPY-2", catalog.PickCentral, kurecik, math.Pi/2)
	d, err := NewDetector(0.5, 1, Swerling0, false)
	if err != nil {
		t.Fatal(err)
	}
	r.Detector = d
	snr := FromDB(-20) // Pd just above Pfa 0.5 for the new detector, far below it for the old
	u := 0.45
	if got, want := r.detected(snr, u), u < d.Pd(snr); got != want {
		t.Errorf("detected %v after the detector changed, want %v (Pd %v)", got, want, d.Pd(snr))
	}
}

// lookSigmasTol is the relative difference allowed between lookSigmas and
// Sigmas: √(a² + b²) against hypot's max·√(1 + (min/max)²), a few
// roundings.
const lookSigmasTol = 1e-15

// TestLookSigmasMatchSigmas checks the looks' σs against Sigmas over
// dwell SNRs from below 1 to 10⁸, for every catalog radar.
func TestLookSigmasMatchSigmas(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 4))
	for _, name := range catalogRadars {
		r := mustRadar(t, name, catalog.PickCentral, kurecik, math.Pi/2)
		for range 10000 {
			dwell := math.Pow(10, 8*rng.Float64()-0.5)
			wr, wa, we := r.Sigmas(dwell)
			gr, ga, ge := r.lookSigmas(dwell)
			if math.Abs(gr-wr) > lookSigmasTol*wr || math.Abs(ga-wa) > lookSigmasTol*wa || math.Abs(ge-we) > lookSigmasTol*we {
				t.Fatalf("%s at dwell SNR %v: lookSigmas %v %v %v, Sigmas %v %v %v", name, dwell, gr, ga, ge, wr, wa, we)
			}
		}
	}
}
