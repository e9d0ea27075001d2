package sim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
	"github.com/rampart-sim/rampart/radar"
)

// TestLookWindowsHoldEveryVisibleLook checks the bound the engine's look
// windows rest on: wherever a radar of the default scenario sees a flight
// (radar.Observe says Visible) at any of many random times, the window lets
// the look through, so skipping the looks outside the windows cannot change
// a result. It also checks that the windows skip most looks, which is their
// purpose (82 % of the looks of a europe trial were below the horizon).
func TestLookWindowsHoldEveryVisibleLook(t *testing.T) {
	w := europeTestWorld(t)
	// minSkipped is the least share of looks at random times the windows
	// must skip on this scenario; they skip about 80 %.
	const minSkipped = 0.5
	samples := 4000
	if testing.Short() {
		samples = 1000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	looks, skipped, visible := 0, 0, 0
	for r, u := range w.Radars {
		for i := range w.Flights {
			f := &w.Flights[i]
			mv := f.Mover()
			if mv == nil {
				continue
			}
			for range samples {
				tl := f.LaunchTime + rng.Float64()*f.FlightTime
				looks++
				pos, _ := mv.PosAt(tl)
				seen := u.Radar.Observe(pos, 1).Visibility == radar.Visible
				may := w.MayLook(r, i, tl)
				if seen {
					visible++
				}
				if !may {
					skipped++
				}
				if seen && !may {
					t.Fatalf("radar %s sees %s at %.3f s, but its look window skips the look", u.ID, f.Name, tl)
				}
			}
		}
	}
	if visible == 0 {
		t.Fatal("no visible look sampled: the test checks nothing")
	}
	if share := float64(skipped) / float64(looks); share < minSkipped {
		t.Errorf("the windows skip %.0f %% of %d looks; want at least %.0f %%", 100*share, looks, 100*minSkipped)
	}
	t.Logf("%d looks, %d visible, %d skipped", looks, visible, skipped)
}

func europeTestWorld(t *testing.T) *sim.World {
	t.Helper()
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		t.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestLookWindowsInSight checks the other claim of the look windows:
// wherever they say a radar of the default scenario has a flight in sight
// at one of many random times, radar.Observe finds it within the elevation
// limits and above the horizon (only the range and the sector, which
// radar.LookInSight checks, may hide it), so that skipping the line of
// sight there cannot change a result. It also checks that most visible
// looks are in sight, which is the windows' purpose.
func TestLookWindowsInSight(t *testing.T) {
	w := europeTestWorld(t)
	// minInSight is the least share of the visible looks at random times
	// the windows must find in sight on this scenario; they find about
	// 97 %.
	const minInSight = 0.9
	samples := 4000
	if testing.Short() {
		samples = 1000
	}
	rng := rand.New(rand.NewPCG(1, 3))
	visible, inSight := 0, 0
	for r, u := range w.Radars {
		for i := range w.Flights {
			f := &w.Flights[i]
			mv := f.Mover()
			if mv == nil {
				continue
			}
			for range samples {
				tl := f.LaunchTime + rng.Float64()*f.FlightTime
				pos, _ := mv.PosAt(tl)
				v := u.Radar.Observe(pos, 1).Visibility
				in := w.InSight(r, i, tl)
				if v == radar.Visible {
					visible++
					if in {
						inSight++
					}
				}
				if in && v != radar.Visible && v != radar.OutOfRange && v != radar.OutOfAzimuth {
					t.Fatalf("the windows have %s in sight of radar %s at %.3f s, but it is %v", f.Name, u.ID, tl, v)
				}
			}
		}
	}
	if visible == 0 {
		t.Fatal("no visible look sampled: the test checks nothing")
	}
	if share := float64(inSight) / float64(visible); share < minInSight {
		t.Errorf("the windows have %.0f %% of %d visible looks in sight; want at least %.0f %%", 100*share, visible, 100*minInSight)
	}
	t.Logf("%d visible looks, %d of them in sight by the windows", visible, inSight)
}

// TestLookWindowsSubCells checks both claims of the look windows (hidden:
// not visible; in sight: within the elevation limits and above the
// horizon) densely inside the cells they split into sub-cells, the cells
// next to the horizon or the range limit where the claims are closest to
// failing, and that the sub-cells decide most looks there.
func TestLookWindowsSubCells(t *testing.T) {
	w := europeTestWorld(t)
	// perCell is the number of random times checked in each split cell.
	perCell := 400
	if testing.Short() {
		perCell = 100
	}
	rng := rand.New(rand.NewPCG(1, 4))
	cells, looks, decided := 0, 0, 0
	for r, u := range w.Radars {
		for i := range w.Flights {
			f := &w.Flights[i]
			mv := f.Mover()
			if mv == nil {
				continue
			}
			starts, width := w.SplitCells(r, i)
			cells += len(starts)
			for _, t0 := range starts {
				for range perCell {
					tl := t0 + rng.Float64()*width
					pos, _ := mv.PosAt(tl)
					v := u.Radar.Observe(pos, 1).Visibility
					may, in := w.MayLook(r, i, tl), w.InSight(r, i, tl)
					looks++
					if !may || in {
						decided++
					}
					if !may && v == radar.Visible {
						t.Fatalf("a sub-cell hides %s from radar %s at %.3f s, but it is visible", f.Name, u.ID, tl)
					}
					if in && v != radar.Visible && v != radar.OutOfRange && v != radar.OutOfAzimuth {
						t.Fatalf("a sub-cell has %s in sight of radar %s at %.3f s, but it is %v", f.Name, u.ID, tl, v)
					}
				}
			}
		}
	}
	if cells == 0 {
		t.Fatal("no split cell: the test checks nothing")
	}
	if decided*2 < looks {
		t.Errorf("the sub-cells decide %d of %d looks in %d split cells; want most", decided, looks, cells)
	}
	t.Logf("%d split cells: the sub-cells decide %d of %d looks", cells, decided, looks)
}

// TestHiddenUntilStaysHidden checks the run the trial loop steps over
// without asking the windows: for random times in hidden cells, the
// windows hide the flight at 50 random times before hiddenUntil, at the
// time itself and just before hiddenUntil; and the runs are used (some
// extend past the next cell).
func TestHiddenUntilStaysHidden(t *testing.T) {
	w := europeTestWorld(t)
	rng := rand.New(rand.NewPCG(7, 8))
	runs, long := 0, 0
	for r := range w.Radars {
		for i := range w.Flights {
			f := &w.Flights[i]
			if f.Mover() == nil {
				continue
			}
			for range 500 {
				tl := f.LaunchTime + rng.Float64()*f.FlightTime
				until := w.HiddenUntil(r, i, tl)
				if until <= tl {
					continue
				}
				runs++
				if until-tl > 2 {
					long++
				}
				for k := range 52 {
					s := tl + rng.Float64()*(until-tl)
					switch k {
					case 50:
						s = tl
					case 51:
						s = math.Nextafter(until, math.Inf(-1))
					}
					if w.MayLook(r, i, s) {
						t.Fatalf("radar %d, %s: hidden until %.6f s from %.3f s, but the windows let a look at %.6f s through", r, f.Name, until, tl, s)
					}
				}
			}
		}
	}
	if runs == 0 || long == 0 {
		t.Fatalf("%d hidden runs sampled, %d longer than a cell: the test checks nothing", runs, long)
	}
	t.Logf("%d hidden runs sampled, %d longer than a cell", runs, long)
}
