package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/rampart-sim/rampart/internal/launchdetect"
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
	// be predicted from a track: a bound that assumes a perfect track at
	// burnout, with no sensor delay.
	CueBurnout CueKind = "burnout"
	// CueOwnRadar: a sensor chain of the site's own radar (optionally cued
	// by space-based warning): it commits when its track predicts the
	// intercept point within the kill vehicle's divert (battlespace_chain.go).
	CueOwnRadar CueKind = "own-radar"
	// CueForwardRadar: a sensor chain of another radar (e.g. the AN/TPY-2
	// at Kürecik) whose track reaches the site after LinkLatencyS.
	CueForwardRadar CueKind = "forward-radar"
	// CueChain: a sensor chain of several radars (Radars, each with its
	// latency, and the site's own radar if OwnRadar), fused into one
	// track, optionally cued by space-based warning.
	CueChain CueKind = "chain"
	// CueSpace: a space-based infrared sensor reports the launch
	// (launchdetect: the plume seen above MinAltKm, reported DelayS later),
	// and the interceptor may fly then. A launch report carries no
	// fire-control track, so this is a bound, not a sensor chain; in a
	// chain (SpaceWarning) it cues the radars' search.
	CueSpace CueKind = "space"
)

// CueKinds lists the cue kinds.
var CueKinds = []CueKind{CueLaunch, CueBurnout, CueOwnRadar, CueForwardRadar, CueChain, CueSpace}

// Cueing is one way of cueing the interceptor sites. For the bounds
// (launch, burnout, space) the earliest interceptor launch (the decision
// time) is the cue + CommitS. For a sensor chain (own-radar,
// forward-radar, chain; see battlespace_chain.go) it is the time the
// chain's track, at the site after its latency, first predicts the
// intercept point within the kill vehicle's divert, + CommitS.
type Cueing struct {
	Name         string     `json:"name,omitempty"` // label; "": from the kind and sensors
	Kind         CueKind    `json:"kind"`
	Forward      *RadarSite `json:"forward,omitempty"`        // forward-radar: the radar
	LinkLatencyS float64    `json:"link_latency_s,omitempty"` // forward-radar: track to the site
	// Radars are the radars of a chain, each with its latency to the
	// site; OwnRadar adds the site's own radar.
	Radars   []ChainRadar `json:"radars,omitempty"`
	OwnRadar bool         `json:"own_radar,omitempty"`
	// SpaceWarning: a space-based launch report (DelayS, MinAltKm) cues
	// the chain's radars, which then need no search (own-radar,
	// forward-radar, chain only).
	SpaceWarning bool    `json:"space_warning,omitempty"`
	DelayS       float64 `json:"delay_s,omitempty"`    // space: plume to report; 0: launchdetect.DefaultDelay
	MinAltKm     float64 `json:"min_alt_km,omitempty"` // space: plume visible above; 0: launchdetect.DefaultMinAlt
	// CommitS is the time from the cue to the earliest interceptor launch:
	// track formation, classification and the fire decision. 0 (the
	// default) favours the defence.
	CommitS float64 `json:"commit_s,omitempty"`
}

// Label returns the cueing's name, or one built from its kind and
// sensors.
func (c Cueing) Label() string {
	if c.Name != "" {
		return c.Name
	}
	d := c.DelayS
	if d == 0 {
		d = launchdetect.DefaultDelay
	}
	var chain []string
	if c.SpaceWarning {
		chain = append(chain, fmt.Sprintf("space warning (%.0f s)", d))
	}
	switch c.Kind {
	case CueLaunch:
		return "launch (kinematic bound)"
	case CueBurnout:
		return "burnout (perfect-track bound)"
	case CueSpace:
		return fmt.Sprintf("space report, %.0f s (warning bound, no track)", d)
	case CueOwnRadar:
		chain = append(chain, "site's own radar")
	case CueForwardRadar:
		if c.Forward != nil {
			chain = append(chain, c.Forward.Label())
		}
	case CueChain:
		if c.OwnRadar {
			chain = append(chain, "site's own radar")
		}
		for _, r := range c.Radars {
			chain = append(chain, r.Label())
		}
	}
	if len(chain) == 0 {
		return string(c.Kind)
	}
	out := chain[0]
	for _, v := range chain[1:] {
		out += " + " + v
	}
	return out
}

// spaceWarning returns the space-based warning time of the cueing's
// sensor for trajectory tj (s from the epoch; NaN if the plume is never
// seen).
func (c Cueing) spaceWarning(tj *Trajectory) float64 {
	s := launchdetect.Sensor{Name: "space", Delay: c.DelayS, MinAlt: c.MinAltKm * 1e3}.WithDefaults()
	w, ok := s.Observe(tj.flight, rand.New(rand.NewPCG(bsSpaceSeed, 0)))
	if !ok {
		return math.NaN()
	}
	return w.Time
}

// bsCue returns the cue time (s from the epoch, NaN if none) of a bound
// cueing (launch, burnout, space) for one trajectory, and why there is
// none.
func bsCue(c Cueing, tj *Trajectory) (float64, string) {
	tr := tj.flight
	switch c.Kind {
	case CueLaunch:
		return tr.LaunchTime, ""
	case CueBurnout:
		return tr.BurnoutTime, ""
	case CueSpace:
		if w := c.spaceWarning(tj); !math.IsNaN(w) {
			return w, ""
		}
		return math.NaN(), "no cue: the boost ends below the space sensor's visibility altitude"
	}
	return math.NaN(), "no cue: not a bound cueing"
}
