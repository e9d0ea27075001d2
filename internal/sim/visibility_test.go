package sim_test

import (
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
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		t.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
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
