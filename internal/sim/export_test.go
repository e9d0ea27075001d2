package sim

import (
	"math/rand/v2"

	"github.com/rampart-sim/rampart/internal/track"
)

// MayLook exposes the look windows to the tests of package sim_test: whether
// radar r may see flight i at t.
func (w *World) MayLook(r, i int, t float64) bool {
	win := w.windows()
	return win == nil || win[r][i].mayLook(t)
}

// ComputeLookWindows computes the look windows of w afresh, for their
// benchmark.
func (w *World) ComputeLookWindows() { w.lookCells() }

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
