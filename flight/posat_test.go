package flight

import (
	"math"
	"sort"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// TestPosAtMatchesAt checks that PosAt, the engine's cheap truth lookup,
// returns the position and phase of At bit for bit, before launch, through
// every phase and after impact, for a ballistic flight and a cruise path:
// the engine's results must not change when it reads one for the other.
func TestPosAtMatchesAt(t *testing.T) {
	e := WGS84Earth()
	tr, err := Solve(e, Shot{Launch: geo.LLADeg(38.08, 46.29, 0), Aim: geo.LLADeg(38.35, 37.79, 0), Missile: catalogMissile(t, "Shahab-3"), LaunchTime: 100})
	if err != nil {
		t.Fatal(err)
	}
	c := CruiseMissile{Name: "test-cruise", Speed: 240, Alt: 50, Range: 2500e3}
	cr, err := NewCruise(e.Ellipsoid, c, []geo.LLA{geo.LLADeg(55, 20, 0), geo.LLADeg(52.2, 21, 0)}, 250)
	if err != nil {
		t.Fatal(err)
	}
	rt := Racetrack{Anchor: geo.LLADeg(54, 22, 0), Heading: 0.5, LegLength: 60e3, TurnRate: 0.03}
	ac, err := NewFlight(e.Ellipsoid, Aircraft{Name: "test-aircraft", Speed: 220, Alt: 8000}, []geo.LLA{geo.LLADeg(53, 19, 0), geo.LLADeg(53.5, 21, 0)}, &rt, 40)
	if err != nil {
		t.Fatal(err)
	}
	movers := map[string]interface {
		At(float64) State
		PosAt(float64) (r3.Vec, Phase)
	}{"ballistic": tr, "cruise": cr, "aircraft with racetrack": ac}
	seen := map[Phase]bool{}
	for name, m := range movers {
		for k := -10; k <= 4000; k++ {
			ti := float64(k) * 0.73
			want := m.At(ti)
			pos, ph := m.PosAt(ti)
			seen[want.Phase] = true
			if pos != want.Pos || ph != want.Phase {
				t.Fatalf("%s at %g s: PosAt = %v %v; At gives %v %v", name, ti, pos, ph, want.Pos, want.Phase)
			}
		}
	}
	for _, ph := range []Phase{Boost, Midcourse, Reentry, Cruise, Landed} {
		if !seen[ph] {
			t.Errorf("no %v state checked", ph)
		}
	}
}

// TestDenseIndexIsSortSearch checks the written-out search of the dense
// output against sort.Search at every step's start, just before and after
// it, between steps and outside the record, and densePosAt against the
// first three components of Dense.At, bit for bit.
func TestDenseIndexIsSortSearch(t *testing.T) {
	e := WGS84Earth()
	tr, err := Solve(e, Shot{Launch: geo.LLADeg(38.08, 46.29, 0), Aim: geo.LLADeg(38.35, 37.79, 0), Missile: catalogMissile(t, "Shahab-3"), LaunchTime: 100})
	if err != nil {
		t.Fatal(err)
	}
	want := func(x float64) int {
		return max(sort.Search(len(tr.dense), func(i int) bool { return tr.dense[i].T > x })-1, 0)
	}
	var times []float64
	for _, d := range tr.dense {
		times = append(times, d.T, math.Nextafter(d.T, math.Inf(-1)), math.Nextafter(d.T, math.Inf(1)), d.T+d.H/3)
	}
	times = append(times, tr.dense[0].T-10, tr.dense[len(tr.dense)-1].T+1e3)
	for _, x := range times {
		if got, w := tr.denseIndex(x), want(x); got != w {
			t.Fatalf("denseIndex(%v) = %d, sort.Search gives %d", x, got, w)
		}
		y := tr.dense[want(x)].At(x)
		if p := tr.densePosAt(x); p != (r3.Vec{X: y[0], Y: y[1], Z: y[2]}) {
			t.Fatalf("densePosAt(%v) = %v, Dense.At gives %v", x, p, y[:3])
		}
	}
}
