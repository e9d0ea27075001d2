package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// TestHiddenIsABound checks that Hidden never hides a visible target: for
// random targets of every catalog radar, all around it, near the horizon,
// the range limit and the sector's edges (where the bound is tight), every point Observe finds Visible
// within margin of a point Hidden hides is a failure. It also checks that
// the bound hides most of the targets far below the horizon.
func TestHiddenIsABound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 3000
	if testing.Short() {
		n = 600
	}
	for _, name := range catalogRadars {
		r := mustRadar(t, name, catalog.PickCentral, kurecik, math.Pi/2)
		hidden := 0
		for range n {
			// Ground distance out to twice the radar's range, heights up to
			// 1,500 km, margins up to 10 km.
			s := rng.Float64() * 2 * r.MaxRange
			h := math.Pow(rng.Float64(), 2) * 1500e3
			margin := rng.Float64() * 10e3
			p := at(kurecik, 360*rng.Float64(), s, h)
			if !r.Hidden(p, margin) {
				continue
			}
			hidden++
			for range 20 {
				d := r3.Scale(margin*rng.Float64(), r3.Unit(r3.Vec{X: rng.NormFloat64(), Y: rng.NormFloat64(), Z: rng.NormFloat64()}))
				q := r3.Add(p, d)
				if o := r.Observe(q, 1); o.Visibility == Visible {
					t.Fatalf("%s: Hidden(%v, %.0f m) but a point %.0f m away is visible (%+v)", name, geo.WGS84.ToGeodetic(p), margin, r3.Norm(d), o)
				}
			}
		}
		// Far below the horizon: a target 10 km high, 1,500 km beyond the
		// radar's range.
		if !r.Hidden(at(kurecik, 90, 1500e3+r.MaxRange, 10e3), 5e3) {
			t.Errorf("%s: Hidden does not hide a target far beyond the horizon", name)
		}
		// Behind a sector radar: 500 km away and 200 km high, opposite
		// the boresight.
		if r.HalfWidthAz < math.Pi && !r.Hidden(at(kurecik, 270, 500e3, 200e3), 5e3) {
			t.Errorf("%s: Hidden does not hide a target behind the radar", name)
		}
		if hidden == 0 {
			t.Errorf("%s: no target hidden: the test checks nothing", name)
		}
	}
}
