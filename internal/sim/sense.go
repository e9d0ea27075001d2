package sim

import (
	"math/rand/v2"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/track"
	"github.com/rampart-sim/rampart/radar"
)

// defaultRVRCS is the RCS band used for a generic (burnout-state) threat,
// which has no catalog entry: an assumption of a small conical reentry
// vehicle seen nose-on to broadside, m².
const defaultRVRCSLow, defaultRVRCSCentral, defaultRVRCSHigh = 0.01, 0.05, 0.3

// Sensing is what an owner's sensors made of one flight.
type Sensing struct {
	FirstDetection       float64 // s from the epoch; NaN if never detected
	FirstDetectionSensor string
	SpaceWarning         float64 // s from the epoch when a launch warning reached any owner; NaN if none
	SpaceWarningSensor   string
	FirmTrack            float64 // first time any owner held a firm track on it; NaN if never
	FirmTrackOwner       string
	FireControl          float64 // first time any owner's track met fire-control quality; NaN if never
	FireControlOwner     string
	// FirmByOwner and FireControlByOwner give, for each owner that ever held
	// one, the first time it held a firm (fire-control) track on the flight.
	FirmByOwner        map[string]float64
	FireControlByOwner map[string]float64
}

// Sense runs the scenario's sensors and trackers over the flights of w,
// with no engagement, drawing every random number from rng, and returns what
// was seen of each flight.
func (w *World) Sense(rng *rand.Rand) ([]Sensing, error) {
	tr := w.newTrial(rng, false)
	if err := tr.run(); err != nil {
		return nil, err
	}
	return tr.out, nil
}

// rcsBand returns the RCS band of flight i in a phase.
func (w *World) rcsBand(i int, boosting bool) catalog.Value {
	f := &w.Flights[i]
	if f.Missile != "" {
		// The Spec's entry, not the shared catalog's: a sweep or
		// sensitivity run may have overridden its RCS.
		e, err := catalog.Entry{}, error(nil)
		if w.Spec != nil && f.Threat >= 0 && f.Threat < len(w.Spec.Threats) && w.Spec.Threats[f.Threat].Missile.Name == f.Missile {
			e = w.Spec.Threats[f.Threat].Missile
		} else {
			e, err = catalog.Lookup(f.Missile)
		}
		if err == nil {
			if v, err := radar.RCSBand(e, boosting); err == nil {
				return v
			}
		}
	}
	return catalog.Value{Low: defaultRVRCSLow, Central: defaultRVRCSCentral, High: defaultRVRCSHigh}
}

// appendTrack appends radar u's detection d to dst as the tracker's
// detection, written in place (the detection is some 200 bytes: a value
// returned and then appended is copied twice).
func appendTrack(dst []track.Detection, u *SensorUnit, d *radar.Detection) []track.Detection {
	dst = append(dst, track.Detection{})
	t := &dst[len(dst)-1]
	t.Time, t.Sensor, t.Frame, t.Kind = d.Time, u.ID, u.Radar.Frame(), track.RangeAzEl
	t.Z, t.R = track.Vec3{d.Range, d.Az, d.El}, d.Cov
	return dst
}
