package intercept

import (
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"gonum.org/v1/gonum/spatial/r3"
)

// TestShortfallIsAMargin checks the use of a Shortfall's margins: the MRBM
// from Tabriz at Bucharest against SM-3 sites across Europe and Turkey,
// decided at several times; for every infeasible battle space with a margin,
// the path moved by as much as the margin admits (a constant offset, and
// one growing from zero at the decision) in random directions is
// infeasible too.
func TestShortfallIsAMargin(t *testing.T) {
	path, tr := mrbm.path(t)
	sites := []string{"Redzikowo", "Deveselu", "Kürecik", "Warsaw", "Berlin", "Rome", "Ankara", "Sofia", "Athens", "Vilnius", "Budapest", "Madrid"}
	rng := rand.New(rand.NewPCG(13, 3))
	var outs, lates int
	for _, name := range []string{"SM-3 IB", "SM-3 IIA"} {
		ic := interceptor(t, name, catalog.PickCentral)
		for _, sn := range sites {
			site := place(t, sn)
			for _, after := range []float64{60, 200, 350, 500} {
				decision := tr.LaunchTime + after
				_, ok, sf := WindowShortfall(site, ic, path.At, decision, tr.ImpactTime, decision)
				var d float64
				switch {
				case ok:
					if sf != (Shortfall{}) {
						t.Errorf("%s at %s, decision +%.0f s: feasible, with a shortfall %+v", name, sn, after, sf)
					}
					continue
				case sf.OutM > 0:
					outs++
					d = 0.99 * sf.OutM / OutLipschitz
				case sf.LateS > LateSlackS:
					lates++
					d = 0.99 * (sf.LateS - LateSlackS) / LateSPerM
				default:
					continue
				}
				for k := range 8 {
					u := r3.Unit(r3.Vec{X: rng.NormFloat64(), Y: rng.NormFloat64(), Z: rng.NormFloat64()})
					grow := k%2 == 1
					moved := func(tt float64) (r3.Vec, r3.Vec) {
						p, v := path.At(tt)
						s := d
						if grow {
							s = d * (tt - decision) / (tr.ImpactTime - decision)
						}
						return r3.Add(p, r3.Scale(s, u)), v
					}
					if _, ok := Window(site, ic, moved, decision, tr.ImpactTime, decision); ok {
						t.Errorf("%s at %s, decision +%.0f s, shortfall %+v: the path moved %.1f km (growing %v) is feasible",
							name, sn, after, sf, d/1e3, grow)
					}
				}
			}
		}
	}
	t.Logf("%d windows out of the limits, %d late, each moved 8 ways", outs, lates)
	if outs == 0 || lates == 0 {
		t.Errorf("cases cover %d out-of-limits and %d late windows; want both", outs, lates)
	}
}

// TestFirstLaunchMatchesWindow checks FirstLaunch against Window and
// WindowShortfall, bit for bit, over the engagement cases and the sites and
// decisions of TestShortfallIsAMargin.
func TestFirstLaunchMatchesWindow(t *testing.T) {
	sites := []string{"Redzikowo", "Deveselu", "Kürecik", "Warsaw", "Sofia", "Athens", "Vilnius", "Washington DC"}
	feasible := 0
	for _, c := range engagementCases {
		path, tr := c.s.path(t)
		ic := interceptor(t, c.ic, catalog.PickCentral)
		for _, sn := range append([]string{""}, sites...) {
			site := c.s.siteLLA(t)
			if sn != "" {
				site = place(t, sn)
			}
			for _, after := range []float64{0, 60, 200, 350, 500, 900} {
				decision := tr.LaunchTime + after
				bs, ok, sf := WindowShortfall(site, ic, path.At, decision, tr.ImpactTime, decision)
				first, ok2, sf2 := FirstLaunch(site, ic, path.At, decision, tr.ImpactTime, decision)
				if ok != ok2 || sf != sf2 || (ok && first != bs.FirstLaunch) {
					t.Errorf("%s from %q at +%.0f s: FirstLaunch = %v, %v, %+v; Window gives %v, %v, %+v",
						c.name, sn, after, first, ok2, sf2, bs.FirstLaunch, ok, sf)
				}
				if ok {
					feasible++
					if bs.LastLaunch < decision {
						t.Errorf("%s from %q at +%.0f s: LastLaunch %v before the decision %v", c.name, sn, after, bs.LastLaunch, decision)
					}
				}
			}
		}
	}
	if feasible < 10 {
		t.Errorf("only %d feasible cases", feasible)
	}
}

// TestFirstLaunchPIPMatchesPIP checks FirstLaunchPIP against FirstLaunch
// and PIP bit for bit over the cases of TestFirstLaunchMatchesWindow: the
// battle manager takes its intercept point instead of running PIP (issue
// 13), which must not move any result.
func TestFirstLaunchPIPMatchesPIP(t *testing.T) {
	sites := []string{"Redzikowo", "Deveselu", "Kürecik", "Warsaw", "Sofia", "Athens", "Vilnius", "Washington DC"}
	taken, feasible := 0, 0
	for _, c := range engagementCases {
		path, tr := c.s.path(t)
		ic := interceptor(t, c.ic, catalog.PickCentral)
		for _, sn := range append([]string{""}, sites...) {
			site := c.s.siteLLA(t)
			if sn != "" {
				site = place(t, sn)
			}
			for _, after := range []float64{0, 60, 200, 350, 500, 900} {
				decision := tr.LaunchTime + after
				first, ok, sf := FirstLaunch(site, ic, path.At, decision, tr.ImpactTime, decision)
				first2, ok2, sf2, x, pipOK := FirstLaunchPIP(site, ic, path.At, decision, tr.ImpactTime)
				if ok != ok2 || sf != sf2 || (ok && first != first2) {
					t.Errorf("%s from %q at +%.0f s: FirstLaunchPIP = %v, %v, %+v; FirstLaunch gives %v, %v, %+v",
						c.name, sn, after, first2, ok2, sf2, first, ok, sf)
				}
				if !ok {
					continue
				}
				feasible++
				if !pipOK {
					continue
				}
				taken++
				want, wantOK := PIP(site, ic, path.At, decision, tr.ImpactTime)
				if !wantOK || x != want {
					t.Errorf("%s from %q at +%.0f s: FirstLaunchPIP's intercept %+v; PIP gives %+v, %v",
						c.name, sn, after, x, want, wantOK)
				}
			}
		}
	}
	if taken < 10 {
		t.Errorf("the scan gave PIP's intercept in only %d of %d feasible cases", taken, feasible)
	}
	t.Logf("the scan gave PIP's intercept in %d of %d feasible cases", taken, feasible)
}
