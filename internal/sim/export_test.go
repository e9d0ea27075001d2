package sim

import (
	"math/rand/v2"

	"github.com/rampart-sim/rampart/radar"
)

// MayLook exposes the look windows to the tests of package sim_test: whether
// radar r may see flight i at t.
func (w *World) MayLook(r, i int, t float64) bool {
	win := w.windows()
	return win == nil || win[r][i].at(t) != viewHidden
}

// InSight exposes the look windows' claim that radar r has flight i in
// sight at t (within its elevation limits and above the horizon).
func (w *World) InSight(r, i int, t float64) bool {
	win := w.windows()
	return win != nil && win[r][i].at(t) == viewInSight
}

// ComputeLookWindows computes the look windows of w afresh, for their
// benchmark.
func (w *World) ComputeLookWindows() { w.lookCells() }

// LookAt makes radar r's look at flight i at t with cross section rcs as a
// trial does: none where the look windows hide the flight, and without the
// line of sight where they have it in sight.
func (w *World) LookAt(r, i int, t, rcs float64, rng *rand.Rand) (radar.Detection, bool) {
	view := viewUnknown
	if win := w.windows(); win != nil {
		view = win[r][i].at(t)
	}
	if view == viewHidden {
		return radar.Detection{}, false
	}
	pos, _ := w.Flights[i].Mover().PosAt(t)
	return look(w.Radars[r], view, t, pos, rcs, rng)
}
