package sim

import (
	"math"
	"slices"
	"sync"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/launchdetect"
	"github.com/rampart-sim/rampart/internal/track"
	"github.com/rampart-sim/rampart/radar"
)

// JointPicture names the one air picture of the integrated and sectoral
// architectures when more than one owner feeds it.
const JointPicture = "joint"

// SensorUnit is one radar of the scenario as built for a run.
type SensorUnit struct {
	ID    string // platform name, or platform/type when it has several radars
	Site  string // the scenario site it stands at
	Owner string
	Radar *radar.Radar
	Type  string // catalog name
}

// LauncherUnit is one launcher part of a scenario platform.
type LauncherUnit struct {
	ID          string // platform/interceptor
	Site        string
	Owner       string
	Pos         geo.LLA
	Interceptor *intercept.Interceptor
	Rounds      int
}

// Command is one decision maker: it sees one picture, fires its launchers
// under its doctrine and, under the sectoral architecture, only at threats
// whose predicted impact lies in its sector.
type Command struct {
	Name      string // owner name, or JointPicture for the integrated command
	Picture   string
	Launchers []int // indices into World.Launchers
	Doctrine  c2.Doctrine
	// Sectoral limits fire to threats predicted to land in the sector:
	// Sector when the owner gives one, else the nearest-site rule.
	Sectoral bool
	Sector   c2.Sector
	siteSet  int // index of the command's sites in World.sectorSites
}

// World is a Spec built for running: its flights, sensors, launchers and
// commands.
type World struct {
	Spec    *Spec
	Options Options
	Flights []Flight
	Radars  []SensorUnit
	Space   []launchdetect.Sensor
	Owners  []string // owners that hold sensors, sorted

	Launchers []LauncherUnit
	Assets    c2.Assets
	Pictures  []string // air pictures, one tracker each, sorted
	Commands  []Command

	looks       *lookWindows // when each radar may see each flight; computed on the first trial from Radars and Flights, which do not change after Build
	fast        *fastTables  // the fast fidelity's tables, built on its first trial
	sights      *spaceSights // when each space sensor first sees each flight, computed on the first trial
	truth       *tickTruth   // the flights' true positions at every tick, computed on the first full-fidelity trial
	hasAir      bool         // some flight is an air breather (air.go)
	joint       string       // name of the joint picture
	sectorSites [][]geo.LLA  // interceptor sites of each command, for the nearest-site sector rule
}

// spaceSights holds World.spaceSights once computed.
type spaceSights struct {
	once  sync.Once
	times [][]float64 // [space sensor][flight], s; NaN where not seen
}

// picture returns the picture that the sensors of owner feed.
func (w *World) picture(owner string) string {
	if w.Options.NoSharing || w.Spec.Architecture == SeparateLinked {
		return owner
	}
	return w.joint
}

// covers reports whether a threat predicted to land at impact is command
// c's responsibility.
func (w *World) covers(c *Command, impact geo.LLA) bool {
	if !c.Sectoral {
		return true
	}
	if len(c.Sector) >= 3 {
		return c.Sector.Contains(impact)
	}
	return c2.NearestSite(impact, w.sectorSites) == c.siteSet
}

// ownerLink is one direction of a link.
type ownerLink struct {
	from, to string
	link     *track.Link
}

// links returns a directed track link for every ordered pair of pictures
// joined by a link, in a fixed order.
func (w *World) links() []ownerLink {
	var out []ownerLink
	for _, a := range w.Pictures {
		for _, b := range w.Pictures {
			if a == b {
				continue
			}
			if lat, period, ok := w.link(a, b); ok {
				out = append(out, ownerLink{from: a, to: b, link: &track.Link{To: b, Latency: lat, Period: period}})
			}
		}
	}
	return out
}

// latency returns the latency of the link from picture a to
// picture b (0 within one picture), and whether they are linked. Without
// sharing (Options.NoSharing) no two pictures are linked.
func (w *World) latency(a, b string) (float64, bool) {
	lat, _, ok := w.link(a, b)
	return lat, ok
}

// link returns the latency and the track reporting period of the link
// from picture a to picture b, and whether they are linked: of several
// links joining them, the one with the least latency (then the shortest
// period).
func (w *World) link(a, b string) (latency, period float64, ok bool) {
	if a == b {
		return 0, 0, true
	}
	if w.Options.NoSharing {
		return 0, 0, false
	}
	latency, period = math.Inf(1), math.Inf(1)
	for _, l := range w.Spec.Links {
		if !slices.Contains(l.Owners, a) || !slices.Contains(l.Owners, b) {
			continue
		}
		if l.Latency < latency || (l.Latency == latency && l.Period < period) {
			latency, period, ok = l.Latency, l.Period, true
		}
	}
	return latency, period, ok
}
