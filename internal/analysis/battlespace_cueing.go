package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/rampart-sim/rampart/internal/launchdetect"
	"github.com/rampart-sim/rampart/radar"
)

// DefenseSite is an interceptor site and its own radar.
type DefenseSite struct {
	At Location `json:"at"`
	// Radar is the site's own radar (catalog), used by own-radar cueing,
	// e.g. "AN/SPY-1D(V)" for an Aegis Ashore site.
	Radar             string   `json:"radar,omitempty"`
	RadarBoresightDeg *float64 `json:"radar_boresight_deg,omitempty"`
}

// CueKind says what starts the engagement clock.
type CueKind string

// Cue kinds.
const (
	// CueLaunch: the interceptor may launch as soon as the threat does
	// (perfect and instant cueing): the kinematic bound of the open reach
	// analyses, which no real sensor chain attains.
	CueLaunch CueKind = "launch"
	// CueBurnout: the interceptor may launch when the threat's boost ends,
	// the earliest time its ballistic path, and so an intercept point, can
	// be predicted from a track.
	CueBurnout CueKind = "burnout"
	// CueOwnRadar: the site's own radar first detects the threat (as in
	// RadarSightings).
	CueOwnRadar CueKind = "own-radar"
	// CueForwardRadar: another radar (e.g. the AN/TPY-2 at Kürecik) first
	// detects the threat, and its track reaches the site after
	// LinkLatencyS.
	CueForwardRadar CueKind = "forward-radar"
	// CueSpace: a space-based infrared sensor reports the launch
	// (launchdetect: the plume seen above MinAltKm, reported DelayS later).
	// A launch report carries no fire-control track, so this cue is
	// optimistic unless a radar also holds the threat in time.
	CueSpace CueKind = "space"
)

// CueKinds lists the cue kinds.
var CueKinds = []CueKind{CueLaunch, CueBurnout, CueOwnRadar, CueForwardRadar, CueSpace}

// Cueing is one way of cueing the interceptor sites. The earliest
// interceptor launch (the decision time) is
//
//	decision = cue + LinkLatencyS (forward radar) + CommitS.
type Cueing struct {
	Name         string     `json:"name,omitempty"` // label; "": from the kind and sensor
	Kind         CueKind    `json:"kind"`
	Forward      *RadarSite `json:"forward,omitempty"`        // forward-radar: the radar
	LinkLatencyS float64    `json:"link_latency_s,omitempty"` // forward-radar: track to the site
	DelayS       float64    `json:"delay_s,omitempty"`        // space: plume to report; 0: launchdetect.DefaultDelay
	MinAltKm     float64    `json:"min_alt_km,omitempty"`     // space: plume visible above; 0: launchdetect.DefaultMinAlt
	// CommitS is the time from the cue to the earliest interceptor launch:
	// track formation, classification and the fire decision. 0 (the
	// default) favours the defence.
	CommitS float64 `json:"commit_s,omitempty"`
}

// Label returns the cueing's name, or one built from its kind.
func (c Cueing) Label() string {
	if c.Name != "" {
		return c.Name
	}
	switch c.Kind {
	case CueForwardRadar:
		if c.Forward != nil {
			return fmt.Sprintf("forward %s", c.Forward.Label())
		}
	case CueSpace:
		d := c.DelayS
		if d == 0 {
			d = launchdetect.DefaultDelay
		}
		return fmt.Sprintf("space (%.0f s delay)", d)
	}
	return string(c.Kind)
}

// bsCue returns the cue time (s from the epoch, NaN if none) of a
// cueing for one trajectory, and why there is none.
func bsCue(c Cueing, own, fwd *radar.Radar, tj *Trajectory, pd, dt float64) (float64, string) {
	tr := tj.flight
	switch c.Kind {
	case CueLaunch:
		return tr.LaunchTime, ""
	case CueBurnout:
		return tr.BurnoutTime, ""
	case CueOwnRadar, CueForwardRadar:
		r, lat := own, 0.0
		if c.Kind == CueForwardRadar {
			r, lat = fwd, c.LinkLatencyS
		}
		sc := covSample(r, tj, pd, dt, true)
		if !sc.seen {
			return math.NaN(), fmt.Sprintf("no cue: %s never sees the threat (closest look: %s)", r.Name, sc.closestLimit)
		}
		return sc.first + lat, ""
	case CueSpace:
		s := launchdetect.Sensor{Name: "space", Delay: c.DelayS, MinAlt: c.MinAltKm * 1e3}.WithDefaults()
		w, ok := s.Observe(tr, rand.New(rand.NewPCG(bsSpaceSeed, 0)))
		if !ok {
			return math.NaN(), "no cue: the boost ends below the space sensor's visibility altitude"
		}
		return w.Time, ""
	}
	return math.NaN(), "no cue: unknown cueing"
}
