package intercept

import (
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
)

// TestLocateRangeMatchesLocateEvent: the range-crossing search written out
// for envelopes gives flight.LocateEvent's time and state to the last bit,
// for every range column crossed by flyouts of a staged interceptor and of
// a sweep's burnout-model interceptor.
func TestLocateRangeMatchesLocateEvent(t *testing.T) {
	base := interceptor(t, "SM-3 IIA", catalog.PickCentral)
	n := 0
	for _, ic := range []*Interceptor{base, base.WithBurnout(4500)} {
		f := newFlyer(ic)
		if err := f.calibrate(); err != nil {
			t.Fatal(err)
		}
		for _, kick := range []float64{0.05, 0.3, 0.8, 1.3} {
			res, _, err := f.fly(kick, ic.MaxFlyout, nil)
			if err != nil {
				t.Fatal(err)
			}
			dr := res.maxRange / (gridRanges - 1)
			for s := range f.steps {
				d := &f.steps[s]
				g0, g1 := rangeOf(d.At(d.T)), rangeOf(d.At(d.T+d.H))
				for i := int(g0/dr) + 1; float64(i)*dr <= g1; i++ {
					g := float64(i) * dr
					ev := func(_ float64, y pstate) float64 { return rangeOf(y) - g }
					wt, wy := flight.LocateEvent(d, ev, g0-g, g1-g, eventTol)
					gt, gy := locateRange(d, g, g0, g1)
					if gt != wt || gy != wy {
						t.Fatalf("%s kick %v column %d: locateRange (%v, %v), LocateEvent (%v, %v)", ic.Name, kick, i, gt, gy, wt, wy)
					}
					n++
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d crossings compared", n)
	}
}
