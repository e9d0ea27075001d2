package sim

import (
	"math/rand/v2"

	"github.com/rampart-sim/rampart/radar"

	"github.com/rampart-sim/rampart/internal/track"
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
	var d radar.Detection
	ok := look(&w.Radars[r], view, t, pos, rcs, rng, &d)
	return d, ok
}

// ScanRecord is one tracker scan of a trial: the picture, the scan time and
// a copy of its detections.
type ScanRecord struct {
	Picture string
	T       float64
	Dets    []track.Detection
}

// EngageRecordingScans runs one engagement trial and returns its tracker
// scans, for the tracker benchmark to replay.
func (w *World) EngageRecordingScans(rng *rand.Rand) ([]ScanRecord, error) {
	var rec []ScanRecord
	tr := w.newTrial(rng, true)
	tr.scanned = func(o string, T float64, dets []track.Detection) {
		rec = append(rec, ScanRecord{Picture: o, T: T, Dets: append([]track.Detection(nil), dets...)})
	}
	if err := tr.run(); err != nil {
		return nil, err
	}
	return rec, nil
}

// NewTracker returns a tracker configured as the engine's.
func NewTracker(picture string) (*track.Tracker, error) { return newTracker(picture) }

// SplitCells returns the start times of the look-window cells of radar r
// on flight i that are decided per sub-cell, and the cells' width.
func (w *World) SplitCells(r, i int) (starts []float64, width float64) {
	c := w.windows()[r][i]
	for k, v := range c.view {
		if v == viewSplit {
			starts = append(starts, c.t0+float64(k)*windowCellS)
		}
	}
	return starts, windowCellS
}

// HiddenUntil exposes lookCells.hiddenUntil for radar r and flight i.
func (w *World) HiddenUntil(r, i int, t float64) float64 {
	return w.windows()[r][i].hiddenUntil(t)
}
