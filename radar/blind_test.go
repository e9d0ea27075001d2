package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/spatial/r3"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// redzikowo is roughly the Aegis Ashore site in Poland.
var redzikowo = geo.LLADeg(54.48, 17.1, 30)

// toward returns the ECEF position at slant range rn from r's antenna, at
// azimuth azDeg and elevation elDeg in its local frame.
func toward(r *Radar, azDeg, elDeg, rn float64) r3.Vec {
	f := r.Frame()
	az, el := azDeg*math.Pi/180, elDeg*math.Pi/180
	d := r3.Add(r3.Add(r3.Scale(math.Cos(el)*math.Sin(az), f.E), r3.Scale(math.Cos(el)*math.Cos(az), f.N)), r3.Scale(math.Sin(el), f.U))
	return r3.Add(f.OriginECEF, r3.Scale(rn, d))
}

// TestBlindRange: a monostatic pulsed radar's minimum range is cτ/2
// (Richards, Fundamentals of Radar Signal Processing, 2nd ed., §3.1):
// 150 m per µs of pulse (149.9 m). τ is the shorter of the radar's pulse
// and NearPulseWidth (1 µs): radars interleave a short pulse for near
// targets, so the AN/SPY-1D(V)'s 25 µs pulse and the AN/TPY-2's 1 ms one
// leave a 149.9 m blind range, not 3.75 km or 150 km. A target inside it is not detected by any look, whatever
// its echo; one at twice that range with a large echo is; and no measured
// range is shorter than cτ/2, even for a target just beyond it whose
// range error draw is larger than its distance to the blind range. (A
// missile landing on the radar's site stopped a run: a look at 0.3 m
// detected it and measured a negative range.)
func TestBlindRange(t *testing.T) {
	const cTau1us = 149.896229 // c·1 µs/2, m, by hand: 299 792 458 m/s × 0.5 µs
	const tolM = 1e-6          // rounding of the product
	r := mustRadar(t, "AN/SPY-1D(V)", catalog.PickCentral, redzikowo, 0)
	for _, name := range []string{"AN/SPY-1D(V)", "AN/TPY-2"} {
		u := mustRadar(t, name, catalog.PickCentral, redzikowo, 0)
		tau := min(u.Equation.PulseWidth, NearPulseWidth)
		if got, want := u.BlindRange(), cTau1us*tau*1e6; math.Abs(got-want) > tolM {
			t.Errorf("%s: BlindRange = %.6f m for τ = %g µs, want cτ/2 = %.6f m", name, got, tau*1e6, want)
		}
	}
	blind := r.BlindRange()
	rng := rand.New(rand.NewPCG(1, 2))
	const bigRCS = 1e4 // m²: an echo no detector misses
	for _, rn := range []float64{0.3, 100, blind - 1} {
		p := toward(r, 30, 20, rn)
		if o := r.Observe(p, bigRCS); o.Visibility != OutOfRange || o.Pd != 0 {
			t.Errorf("%.1f m: Observe %v Pd %g, want out of range (inside the blind range %.0f m)", rn, o.Visibility, o.Pd, blind)
		}
		for range 100 {
			if d, ok := r.Look(0, p, bigRCS, rng); ok {
				t.Fatalf("%.1f m: Look detected at %.1f m inside the blind range %.0f m", rn, d.Range, blind)
			}
			if d, ok := r.LookInSight(0, p, bigRCS, rng); ok {
				t.Fatalf("%.1f m: LookInSight detected at %.1f m inside the blind range %.0f m", rn, d.Range, blind)
			}
		}
	}
	if o := r.Observe(toward(r, 30, 20, 2*blind), 1); o.Visibility != Visible || o.Pd < 0.999 {
		t.Errorf("twice the blind range, 1 m²: %v Pd %g, want visible and detected", o.Visibility, o.Pd)
	}
	// Just beyond the blind range, by half a range sigma: about a third
	// of the error draws would fall inside it.
	p0 := toward(r, 30, 20, 2*blind)
	o := r.Observe(p0, 1)
	sr, _, _ := r.Sigmas(o.SNR * float64(r.Detector.Pulses))
	p := toward(r, 30, 20, blind+sr/2)
	clamped := 0
	for range 2000 {
		for _, look := range []func(float64, r3.Vec, float64, *rand.Rand) (Detection, bool){r.Look, r.LookInSight} {
			d, ok := look(0, p, 1, rng)
			if !ok {
				continue
			}
			if !(d.Range >= blind) {
				t.Fatalf("measured range %.3f m, inside the blind range %.3f m (σ %.3f m)", d.Range, blind, sr)
			}
			if d.Range == blind {
				clamped++
			}
		}
	}
	if clamped == 0 {
		t.Errorf("no measured range at the blind range: the test does not reach the bound (σ %.3f m)", sr)
	}
	t.Logf("blind range %.1f m, σR %.3f m, %d of 4000 measured ranges at the bound", blind, sr, clamped)
}
