package sim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/radar"
)

// A look in sight forms its range and elevation as √(x² + y² (+ z²))
// where Observe takes hypot's scaled forms (radar.LookInSight): they
// differ by an ulp or two.
const (
	lookRangeTol    = 1e-14 // relative
	lookAngleTolRad = 1e-14 // an ulp or two of an angle of up to 2π
)

// TestLooksAsObserveEurope checks a trial's looks against the definition
// of a look: on the default scenario, every radar's look at every flight
// every half second, through the look windows and the radar's shortcuts
// (sector first, tabulated Pd, no line of sight in sight), detects when a
// uniform draw falls below Observe's Pd of a visible target, measures the
// same range, azimuth and elevation (to rounding, see lookRangeTol) and
// draws the same random numbers.
func TestLooksAsObserveEurope(t *testing.T) {
	w := europeTestWorld(t)
	step := 0.5
	if testing.Short() {
		step = 2.5
	}
	a, b := rand.New(rand.NewPCG(13, 7)), rand.New(rand.NewPCG(13, 7))
	looks, seen := 0, 0
	for r, u := range w.Radars {
		for i := range w.Flights {
			f := &w.Flights[i]
			mv := f.Mover()
			if mv == nil {
				continue
			}
			for tl := f.LaunchTime + 0.25; tl < f.LaunchTime+f.FlightTime; tl += step {
				rcs := []float64{0.01, 0.1, 1}[looks%3]
				looks++
				got, gok := w.LookAt(r, i, tl, rcs, a)
				pos, _ := mv.PosAt(tl)
				want := false
				var d radar.Detection // the measurement by Observe
				if o := u.Radar.Observe(pos, rcs); o.Visibility == radar.Visible {
					if want = b.Float64() < o.Pd; want {
						sr, sa, se := u.Radar.Sigmas(o.SNR * float64(u.Radar.Detector.Pulses))
						d.Range = o.Range + sr*b.NormFloat64()
						d.Az = math.Mod(o.Az+sa*b.NormFloat64()+2*math.Pi, 2*math.Pi)
						d.El = o.El + se*b.NormFloat64()
					}
				}
				if gok != want {
					t.Fatalf("radar %s, %s at %.2f s: detected %v, by Observe %v", u.ID, f.Name, tl, gok, want)
				}
				if gok {
					seen++
					if math.Abs(got.Range-d.Range) > lookRangeTol*d.Range || math.Abs(got.Az-d.Az) > lookAngleTolRad || math.Abs(got.El-d.El) > lookAngleTolRad {
						t.Fatalf("radar %s, %s at %.2f s: measured %v %v %v, by Observe %v %v %v", u.ID, f.Name, tl, got.Range, got.Az, got.El, d.Range, d.Az, d.El)
					}
				}
				if a.Uint64() != b.Uint64() {
					t.Fatalf("radar %s, %s at %.2f s: a different number of random draws", u.ID, f.Name, tl)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no detection: the test checks nothing")
	}
	t.Logf("%d looks, %d detections", looks, seen)
}
