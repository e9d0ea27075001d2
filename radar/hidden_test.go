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

// TestHiddenElevationIsABound checks Hidden's elevation bound where it is
// tight: for every catalog radar, random targets whose geometric
// elevation lies within 4° of the lowest or the highest beam, at slant
// ranges up to the instrumented range; every point within margin of a
// hidden one must be invisible to Observe. It also checks that the bound
// hides some of them (it is what hides a target under the lowest beam but
// above the horizon, or overhead beyond the highest).
func TestHiddenElevationIsABound(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	n := 3000
	if testing.Short() {
		n = 600
	}
	for _, name := range catalogRadars {
		r := mustRadar(t, name, catalog.PickCentral, kurecik, math.Pi/2)
		f := r.Frame()
		hidden := 0
		for k := range n {
			lim := r.MinEl
			if k%2 == 1 {
				lim = r.MaxEl
			}
			el := lim + (rng.Float64()-0.5)*8*math.Pi/180
			if el > math.Pi/2 || el < -math.Pi/2 {
				continue
			}
			rho := (0.02 + 0.98*rng.Float64()) * r.MaxRange
			az := 2 * math.Pi * rng.Float64()
			se, ce := math.Sincos(el)
			sa, ca := math.Sincos(az)
			p := f.ToECEF(r3.Vec{X: rho * ce * sa, Y: rho * ce * ca, Z: rho * se})
			margin := rng.Float64() * 5e3
			if !r.Hidden(p, margin) {
				continue
			}
			hidden++
			for range 20 {
				d := r3.Scale(margin*rng.Float64(), r3.Unit(r3.Vec{X: rng.NormFloat64(), Y: rng.NormFloat64(), Z: rng.NormFloat64()}))
				if o := r.Observe(r3.Add(p, d), 1); o.Visibility == Visible {
					t.Fatalf("%s: Hidden(%v, %.0f m) at elevation %.2f° but a point %.0f m away is visible (%+v)", name, geo.WGS84.ToGeodetic(p), margin, el*180/math.Pi, r3.Norm(d), o)
				}
			}
		}
		if hidden == 0 {
			t.Errorf("%s: no target near the elevation limits hidden: the bound checks nothing", name)
		}
	}
}
