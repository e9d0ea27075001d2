package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// TestClearIsABound checks that Clear never clears a target out of sight:
// for random targets of every catalog radar, with elevation limits that
// bind (0.5° to 60°), every point within margin of a point Clear clears
// that the line of sight or the elevation limits reject is a failure. It
// also checks that the bound clears most targets well in sight.
func TestClearIsABound(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 5))
	n := 4000
	if testing.Short() {
		n = 800
	}
	for _, name := range catalogRadars {
		r := mustRadar(t, name, catalog.PickCentral, kurecik, math.Pi/2)
		r.MinEl, r.MaxEl = 0.5*math.Pi/180, 60*math.Pi/180
		cleared, inSight := 0, 0
		for range n {
			// Ground distance out to 4,000 km, heights up to 1,500 km
			// (many near the horizon or near the limits), margins up to
			// 10 km.
			s := rng.Float64() * 4000e3
			h := math.Pow(rng.Float64(), 2) * 1500e3
			margin := rng.Float64() * 10e3
			p := at(kurecik, 360*rng.Float64(), s, h)
			if _, el, _ := r.enu.AzElRange(p); r.inSight(p, el) {
				inSight++
			}
			if !r.Clear(p, margin) {
				continue
			}
			cleared++
			for k := range 20 {
				// Half the points on the margin's sphere, where the bound
				// is tightest, half within it.
				rad := margin
				if k%2 == 1 {
					rad *= math.Cbrt(rng.Float64())
				}
				d := r3.Scale(rad, r3.Unit(r3.Vec{X: rng.NormFloat64(), Y: rng.NormFloat64(), Z: rng.NormFloat64()}))
				q := r3.Add(p, d)
				_, el, _ := r.enu.AzElRange(q)
				if !r.inSight(q, el) {
					t.Fatalf("%s: Clear(%v, %.0f m) but a point %.0f m away is out of sight (%+v)", name, geo.WGS84.ToGeodetic(p), margin, r3.Norm(d), r.Observe(q, 1))
				}
			}
		}
		// Well in sight: 500 km away and 200 km high (about 17°).
		if !r.Clear(at(kurecik, 90, 500e3, 200e3), 5e3) {
			t.Errorf("%s: Clear does not clear a target well in sight", name)
		}
		if cleared == 0 {
			t.Errorf("%s: no target cleared: the test checks nothing", name)
		}
		t.Logf("%s: %d of %d targets in sight, %d of them cleared with their margin, each with 20 points checked", name, inSight, n, cleared)
	}
}

// TestClearRefuses checks the cases Clear leaves to the exact check: a
// target below the antenna, one over the site, one beyond the horizon,
// one just above the lowest elevation and one beyond a quarter of the
// Earth.
func TestClearRefuses(t *testing.T) {
	r := mustRadar(t, "AN/TPY-2", catalog.PickCentral, kurecik, math.Pi/2)
	for _, c := range []struct {
		what string
		p    r3.Vec
	}{
		{"below the antenna", at(kurecik, 90, 50e3, 1500)},
		{"over the site", at(kurecik, 90, 500, 300e3)},
		{"beyond the horizon", at(kurecik, 90, 2000e3, 50e3)},
		{"at the lowest elevation", at(kurecik, 90, 300e3, 6.2e3)},
		{"beyond a quarter of the Earth", at(kurecik, 90, 11000e3, 5000e3)},
	} {
		if r.Clear(c.p, 2e3) {
			t.Errorf("%s: Clear", c.what)
		}
	}
}
