package intercept

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"gonum.org/v1/gonum/spatial/r3"
)

// pipFlyTol bounds |t_i − t_L − direct flyout time| at a PIP: TimeTol of
// the bisection, the envelope's interpolation (envTimeRelTol) and the
// sphere-vs-ellipsoid geometry, which the direct solve shares.
const pipFlyTol = 0.05 // s, plus envTimeRelTol relative

type engagementCase struct {
	name string
	s    shot
	ic   string
}

var engagementCases = []engagementCase{
	{"MRBM vs Deveselu SM-3 IB", mrbm, "SM-3 IB"},
	{"MRBM vs Deveselu SM-3 IIA", mrbm, "SM-3 IIA"},
	{"MRBM vs Deveselu SM-3 IIB", mrbm, "SM-3 IIB"},
	{"ICBM vs GBI at Washington", icbm, "GBI"},
	{"SRBM vs PAC-3 MSE at Vilnius", srbm, "PAC-3 MSE"},
}

func TestWindowAndPIP(t *testing.T) {
	for _, c := range engagementCases {
		t.Run(c.name, func(t *testing.T) {
			path, tr := c.s.path(t)
			ic := interceptor(t, c.ic, catalog.PickCentral)
			site := c.s.siteLLA(t)
			decision := tr.LaunchTime + 60
			bs, ok := Window(site, ic, path.At, tr.LaunchTime, tr.ImpactTime, decision)
			if !ok {
				t.Fatalf("Window(%s) found no battle space", c.name)
			}
			t.Logf("launch %.1f–%.1f s, intercept %.1f–%.1f s, altitude %.0f–%.0f km, gaps %d, closing %.2f/%.2f km/s",
				bs.FirstLaunch, bs.LastLaunch, bs.FirstIntercept, bs.LastIntercept, bs.MinAlt/1e3, bs.MaxAlt/1e3, bs.Gaps,
				bs.First.ClosingSpeed/1e3, bs.Last.ClosingSpeed/1e3)
			if !(bs.FirstLaunch >= decision && bs.FirstLaunch <= bs.LastLaunch && bs.FirstIntercept <= bs.LastIntercept) {
				t.Fatalf("Window = %+v: unordered", bs)
			}
			if !(bs.MinAlt >= ic.MinAlt-1 && bs.MaxAlt <= ic.MaxAlt+1) {
				t.Errorf("intercept altitudes %.0f–%.0f km outside limits %.0f–%.0f km", bs.MinAlt/1e3, bs.MaxAlt/1e3, ic.MinAlt/1e3, ic.MaxAlt/1e3)
			}
			for _, x := range []Intercept{bs.First, bs.Last} {
				if x.ClosingSpeed < ic.MinClosingSpeed || x.GroundRange > ic.MaxRange || x.Launch < decision-TimeTol {
					t.Errorf("boundary intercept %+v violates a limit", x)
				}
			}

			// PIP consistency across the launch window.
			d := newDirect(t, ic)
			env := envelope(t, ic)
			checked := 0
			for k := range 9 {
				// the ends are single instants; step inside by a few TimeTol
				tl := bs.FirstLaunch + 3*TimeTol + float64(k)/8*(bs.LastLaunch-bs.FirstLaunch-6*TimeTol)
				x, ok := PIP(site, ic, path.At, tl, tr.ImpactTime)
				if !ok {
					t.Errorf("PIP(launch %.2f s) = none inside the launch window [%.2f, %.2f]", tl, bs.FirstLaunch, bs.LastLaunch)
					continue
				}
				fly := x.T - tl
				sf := newSiteFrame(site)
				g, h := sf.rangeAlt(x.Pos)
				if !interior(env, g, h-site.Alt) {
					continue // within two cells of the envelope boundary
				}
				checked++
				want, ok := d.time(g, h-site.Alt)
				tmin := env.TimeTo(g, h-site.Alt)
				switch {
				case !ok:
					t.Errorf("PIP(launch %.2f s) at (%.1f km, %.1f km): no direct flyout reaches it", tl, g/1e3, h/1e3)
				case fly < want-pipFlyTol-envTimeRelTol*want:
					t.Errorf("PIP(launch %.2f s): flyout %.3f s shorter than the direct minimum %.3f s", tl, fly, want)
				case math.Abs(fly-tmin) < 0.1 && math.Abs(fly-want) > pipFlyTol+envTimeRelTol*want:
					t.Errorf("PIP(launch %.2f s): t_i − t_L = %.3f s, direct flyout %.3f s", tl, fly, want)
				}
			}
			if checked == 0 {
				t.Error("no PIP inside the envelope to check")
			}
			// Launch-window boundaries bracket feasibility.
			if _, ok := PIP(site, ic, path.At, bs.LastLaunch+3, tr.ImpactTime); ok {
				t.Errorf("PIP(LastLaunch + 3 s) found an intercept")
			}
			if bs.FirstLaunch > decision+TimeTol {
				if _, ok := PIP(site, ic, path.At, bs.FirstLaunch-3, tr.ImpactTime); ok {
					t.Errorf("PIP(FirstLaunch − 3 s) found an intercept")
				}
			}
			// Intercept-time boundaries: the window with a later decision
			// time shrinks; outside [FirstIntercept, LastIntercept] nothing.
			if bs2, ok := Window(site, ic, path.At, tr.LaunchTime, tr.ImpactTime, bs.LastLaunch+1); ok {
				t.Errorf("Window(decision after LastLaunch) = %+v, want none", bs2)
			}
			if bs.FirstIntercept > tr.LaunchTime+3 {
				if _, ok := Window(site, ic, path.At, tr.LaunchTime, bs.FirstIntercept-3*TimeTol, decision); ok {
					t.Error("Window before FirstIntercept is not empty")
				}
			}
			if _, ok := Window(site, ic, path.At, bs.LastIntercept+3*TimeTol, tr.ImpactTime, decision); ok {
				t.Error("Window after LastIntercept is not empty")
			}
		})
	}
}

// TestWindowOutOfRange: a threat far from the site has no battle space.
func TestWindowOutOfRange(t *testing.T) {
	path, tr := mrbm.path(t)
	for _, c := range []struct{ site, ic string }{{"Lisbon", "SM-3 IIA"}, {"Vilnius", "PAC-3 MSE"}, {"Washington DC", "GBI"}} {
		ic := interceptor(t, c.ic, catalog.PickCentral)
		if bs, ok := Window(place(t, c.site), ic, path.At, tr.LaunchTime, tr.ImpactTime, tr.LaunchTime); ok {
			t.Errorf("Window(%s %s vs Tabriz→Bucharest) = %+v, want none", c.site, c.ic, bs)
		}
		if x, ok := PIP(place(t, c.site), ic, path.At, tr.LaunchTime, tr.ImpactTime); ok {
			t.Errorf("PIP(%s %s vs Tabriz→Bucharest) = %+v, want none", c.site, c.ic, x)
		}
	}
}

// TestWindowTruthMatchesPath: the Hermite path and the truth trajectory
// give the same battle space.
func TestWindowTruthMatchesPath(t *testing.T) {
	path, tr := mrbm.path(t)
	ic := interceptor(t, "SM-3 IIA", catalog.PickCentral)
	site := place(t, mrbm.site)
	a, okA := Window(site, ic, path.At, tr.LaunchTime, tr.ImpactTime, tr.LaunchTime+60)
	b, okB := Window(site, ic, truth(tr), tr.LaunchTime, tr.ImpactTime, tr.LaunchTime+60)
	if !okA || !okB {
		t.Fatal("no window")
	}
	const tol = 0.01 // s: path interpolation error (sub-metre) moves boundaries by far less
	for _, p := range [][2]float64{{a.FirstIntercept, b.FirstIntercept}, {a.LastIntercept, b.LastIntercept}, {a.LastLaunch, b.LastLaunch}, {a.FirstLaunch, b.FirstLaunch}} {
		if math.Abs(p[0]-p[1]) > tol {
			t.Errorf("path %v vs truth %v differ by more than %g s", p[0], p[1], tol)
		}
	}
}

func TestPathHermite(t *testing.T) {
	_, tr := mrbm.path(t)
	for _, dt := range []float64{1, 5} {
		p := Sample(truth(tr), tr.LaunchTime, tr.ImpactTime, dt)
		worst := 0.0
		for tt := tr.LaunchTime + 0.37; tt < tr.ReentryTime; tt += 3.1 { // midcourse
			got, _ := p.At(tt)
			want := tr.At(tt).Pos
			worst = math.Max(worst, r3.Norm(r3.Sub(got, want)))
		}
		if worst > 1 {
			t.Errorf("Sample(dt %g s): worst midcourse position error %.3g m, want < 1 m", dt, worst)
		}
	}
}

// interior reports whether (g, h) is two cells or more inside the envelope.
func interior(env *Envelope, g, h float64) bool {
	for _, dg := range []float64{-2, 0, 2} {
		for _, dh := range []float64{-2, 0, 2} {
			if _, ok := env.At(g+dg*env.DR, h+dh*env.DA); !ok {
				return false
			}
		}
	}
	return true
}
