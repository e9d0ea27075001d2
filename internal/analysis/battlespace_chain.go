package analysis

import (
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/strict"
	"github.com/rampart-sim/rampart/internal/track"
	"github.com/rampart-sim/rampart/radar"
)

// A sensor chain is the set of modelled sensors whose track commits an
// interceptor: an optional space-based warning (a launch report and launch
// area, never a fire-control track) and one or more radars, each with its
// detection, track formation and link latency to the site. The chain
// commits an interceptor at the first track estimate that predicts the
// intercept point to within the kill vehicle's divert capability:
//
//  1. Detection. A radar first holds the threat when it is inside its
//     coverage with the wanted Pd per dwell (as RadarSightings). A radar
//     that nobody cues must find it in search: it detects one search frame
//     (radar.Radar.SearchFrame) later. A radar cued before the threat
//     enters its coverage (by the chain's space warning, or by another
//     radar of the chain whose report has arrived) detects it at once.
//  2. Track formation. Every radar that holds the threat measures it every
//     TrackInterval (range, azimuth, elevation, with the thermal-noise
//     accuracies of radar.Radar.Sigmas at the dwell's SNR). The track is
//     firm after chainFirmHits detections (the M of track.Initiator).
//  3. Prediction. A ballistic track filter (track.EKF with track.Ballistic)
//     runs on the detections made after the threat's burnout: while it
//     thrusts, no ballistic model predicts its path. The filter is fed the
//     noise-free measurements with their noise covariances: the covariance
//     of the linearised filter depends on the geometry and the accuracies,
//     not on the draws, so the chain is deterministic.
//  4. Commit. At each estimate of a firm track (every chainCheckS at most),
//     available at the site after the link latency, the decision time is
//     d = available + CommitS; intercept.Window gives the battle space
//     from d. The track commits when, at its first or its last intercept
//     x, the predicted miss, of per-axis σ
//     = intercept.MissSigma(estimate, x.T, x.Closing), lies within the
//     kill vehicle's homing reach R = Interceptor.HomingReach with
//     probability at least chainCommitP: 1 − exp(−R²/2σ²) ≥ chainCommitP
//     (the Rayleigh miss of intercept.HomingPk).
const (
	// chainFirmHits is the number of detections that make a track firm:
	// the M of the default 3-of-5 rule of track.Initiator (Blackman &
	// Popoli 1999).
	chainFirmHits = 3
	// chainCheckS is the shortest interval between two commit checks of a
	// chain, s: the radars update every second, and a check (a window and
	// a covariance propagation) every 5 s keeps a sweep quick while
	// delaying a commit by at most 5 s.
	chainCheckS = 5.0
	// chainQ is the acceleration spectral density of the chain's
	// ballistic filter and of its prediction to the intercept, m²/s³:
	// after burnout an exo-atmospheric RV's unmodelled accelerations
	// (drag above 100 km, third bodies) are tiny, as for the engine's
	// planner (package sim, plannerQ).
	chainQ = 0.01
	// chainCommitP is the probability with which the predicted miss must
	// lie within the kill vehicle's homing reach before the chain
	// commits: the homing factor of intercept.HomingPk at commit is then
	// at least 0.9. A modelling assumption: a fire-control track is
	// required to put the threat inside the kill vehicle's divert basket
	// with high confidence (NRC 2012, ch. 2; APS 2004, ch. 5).
	chainCommitP = 0.9
)

// ChainRadar is one radar of a sensor chain and the latency with which its
// track reaches the interceptor site.
type ChainRadar struct {
	RadarSite
	LatencyS float64 `json:"latency_s,omitempty"` // s, detection to the site
}

// Label names the radar: "RADAR at PLACE".
func (c ChainRadar) Label() string { return c.RadarSite.Label() }

// FireControl reports whether the cueing is a sensor chain that forms a
// fire-control track (own-radar, forward-radar, chain). The launch and
// burnout cues are bounds that no sensor chain attains, and a space-based
// launch report alone is warning, not a track.
func (c Cueing) FireControl() bool {
	switch c.Kind {
	case CueOwnRadar, CueForwardRadar, CueChain:
		return true
	}
	return false
}

// Role says in words what a cueing is: a bound or a sensor chain.
func (c Cueing) Role() string {
	switch c.Kind {
	case CueLaunch:
		return "kinematic bound: the interceptor flies with the threat's launch, which no sensor chain attains"
	case CueBurnout:
		return "track bound: a perfect ballistic track at the threat's burnout, with no sensor delay"
	case CueSpace:
		return "warning bound: a space-based launch report is not a fire-control track"
	}
	return "sensor chain: commits on a radar track that predicts the intercept point within the kill vehicle's divert"
}

// chainRadars returns the radars of a fire-control cueing: the site's own
// radar (own), the forward radars built in fwd, with their latencies.
func (c Cueing) chainRadars(own *radar.Radar, fwd []*radar.Radar) ([]*radar.Radar, []float64) {
	var rs []*radar.Radar
	var lat []float64
	switch c.Kind {
	case CueOwnRadar:
		rs, lat = append(rs, own), append(lat, 0)
	case CueForwardRadar:
		rs, lat = append(rs, fwd[0]), append(lat, c.LinkLatencyS)
	case CueChain:
		if c.OwnRadar {
			rs, lat = append(rs, own), append(lat, 0)
		}
		for i, r := range c.Radars {
			rs, lat = append(rs, fwd[i]), append(lat, r.LatencyS)
		}
	}
	return rs, lat
}

// chainEstimate is one ballistic estimate of a chain's track.
type chainEstimate struct {
	avail float64 // s from the epoch: when it reaches the site
	est   track.Estimate
}

// chainTrack is what a sensor chain makes of one trajectory.
type chainTrack struct {
	warn float64 // space warning, s from the epoch; NaN if none
	cue  float64 // first detection reaching the site, s from the epoch; NaN if none
	firm float64 // the track is firm at the site; NaN if never
	ests []chainEstimate
	why  string // why there is no cue or no ballistic track
}

// chainLook is one radar detection of a chain.
type chainLook struct {
	t, avail float64
	det      track.Detection
}

// chainCoverage holds the first look of each radar at each trajectory
// (covSample with stopAtFirst), which the chains of several cueings and
// sites share: the site's own radar in the own-radar and chain cueings,
// a chain's radars at every site. A nil *chainCoverage holds nothing.
type chainCoverage struct {
	pd, dt float64 // of every look held
	mu     sync.Mutex
	looks  map[chainLookKey]*chainFirstLook
}

type chainLookKey struct {
	r  *radar.Radar
	tj *Trajectory
}

type chainFirstLook struct {
	once sync.Once
	sc   covScan
}

// newChainCoverage returns an empty chainCoverage for looks at Pd pd
// sampled every dt.
func newChainCoverage(pd, dt float64) *chainCoverage {
	return &chainCoverage{pd: pd, dt: dt, looks: map[chainLookKey]*chainFirstLook{}}
}

// first returns covSample(r, tj, pd, dt, true), taken once for each radar
// and trajectory (covSample reads r and tj and changes neither).
func (c *chainCoverage) first(r *radar.Radar, tj *Trajectory, pd, dt float64) covScan {
	if c == nil || pd != c.pd || dt != c.dt {
		return covSample(r, tj, pd, dt, true)
	}
	c.mu.Lock()
	l := c.looks[chainLookKey{r, tj}]
	if l == nil {
		l = &chainFirstLook{}
		c.looks[chainLookKey{r, tj}] = l
	}
	c.mu.Unlock()
	l.once.Do(func() { l.sc = covSample(r, tj, pd, dt, true) })
	return l.sc
}

// buildChain runs the sensors of a chain against one trajectory. warn is
// the space warning time (NaN without one).
func buildChain(rs []*radar.Radar, lat []float64, warn float64, tj *Trajectory, pd, dt float64, cov *chainCoverage) chainTrack {
	ct := chainTrack{warn: warn, cue: math.NaN(), firm: math.NaN()}
	tr := tj.flight
	_, t1 := tr.Span()
	vis := make([]float64, len(rs))
	var names []string
	for i, r := range rs {
		sc := cov.first(r, tj, pd, dt)
		vis[i] = math.NaN()
		if sc.seen {
			vis[i] = sc.first
		} else {
			names = append(names, fmt.Sprintf("%s (closest look: %s)", r.Name, sc.closestLimit))
		}
	}
	// Detection: one search frame after the threat enters coverage,
	// unless a report already cues the radar.
	det := make([]float64, len(rs))
	for i, r := range rs {
		det[i] = math.NaN()
		if math.IsNaN(vis[i]) {
			continue
		}
		cued := warn <= vis[i]
		for j := range rs {
			if j != i && !math.IsNaN(vis[j]) && vis[j]+rs[j].SearchFrame+lat[j] <= vis[i] {
				cued = true
			}
		}
		det[i] = vis[i]
		if !cued {
			det[i] += r.SearchFrame
		}
	}
	var looks []chainLook
	for i, r := range rs {
		if math.IsNaN(det[i]) {
			continue
		}
		frame := r.Frame()
		step := r.TrackInterval
		for t := det[i]; t <= t1; t += step {
			st := tr.At(t)
			ob, ok := covSees(r, st.Pos, tj.rcs(st.Phase), pd)
			if !ok {
				continue
			}
			sr, sa, se := r.Sigmas(ob.SNR * float64(r.Detector.Pulses))
			d := track.Detection{Time: t, Sensor: r.Name, Frame: frame, Kind: track.RangeAzEl}
			d.R[0][0], d.R[1][1], d.R[2][2] = sr*sr, sa*sa, se*se
			x := track.Vec6{st.Pos.X, st.Pos.Y, st.Pos.Z, st.Vel.X, st.Vel.Y, st.Vel.Z}
			d.Z = d.Measure(&x)
			if st.Phase == flight.Boost {
				d.Sensor = "" // counts for detection and firmness, not for the ballistic filter
			}
			looks = append(looks, chainLook{t: t, avail: t + lat[i], det: d})
		}
	}
	if len(looks) == 0 {
		if len(names) > 0 {
			ct.why = "no cue: " + joinAnd(names) + " never sees the threat"
		} else {
			ct.why = "no cue: no radar of the chain sees the threat"
		}
		return ct
	}
	sort.SliceStable(looks, func(a, b int) bool { return looks[a].t < looks[b].t })
	ct.cue = math.Inf(1)
	for _, l := range looks {
		ct.cue = math.Min(ct.cue, l.avail)
	}
	filter := &track.EKF{Motion: &track.Ballistic{Q: chainQ}}
	var est track.Estimate
	started, avail := false, math.Inf(-1)
	for k, l := range looks {
		avail = math.Max(avail, l.avail)
		if k+1 == chainFirmHits {
			ct.firm = avail
		}
		if l.det.Sensor == "" {
			continue
		}
		if !started {
			est, started = track.Initiator{}.Start(&l.det), true
			continue
		}
		p := filter.Predict(est, l.t)
		u, _, err := filter.Update(&p, &l.det)
		if err != nil {
			continue
		}
		est = u
		if k+1 >= chainFirmHits {
			ct.ests = append(ct.ests, chainEstimate{avail: avail, est: est})
		}
	}
	if len(ct.ests) == 0 {
		ct.why = "no fire-control track: the chain's radars do not hold the threat after its burnout"
	}
	return ct
}

// joinAnd joins names with commas and a final "and".
func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := s[0]
	for _, v := range s[1 : len(s)-1] {
		out += ", " + v
	}
	return out + " and " + s[len(s)-1]
}

// chainCommit is the outcome of a chain's commit test for one interceptor.
type chainCommit struct {
	ok       bool
	decision float64 // s from the epoch
	bs       intercept.BattleSpace
	sigma    float64 // predicted miss σ per axis at the committed (or best tried) intercept, m
	reach    float64 // homing reach there, m
	why      string
}

// commitRatio is the smallest homing reach, in predicted-miss σ, at which
// P(|miss| ≤ R) = 1 − exp(−R²/2σ²) reaches chainCommitP.
var commitRatio = math.Sqrt(-2 * math.Log(1-chainCommitP))

// commit finds the first estimate of ct that predicts an intercept of ic
// from site (the first or the last of the battle space) within the kill
// vehicle's homing reach: the decision time and the battle space from it. Later decisions only shrink the battle space,
// so the search stops at the first estimate with none.
func (b *bsRun) commit(ic *intercept.Interceptor, site geo.LLA, tj *Trajectory, ct *chainTrack, commitS float64) chainCommit {
	out := chainCommit{sigma: math.NaN(), reach: math.NaN()}
	if len(ct.ests) == 0 {
		out.why = ct.why
		return out
	}
	motion := &track.Ballistic{Q: chainQ}
	best := math.Inf(1)
	last := math.Inf(-1)
	for k, e := range ct.ests {
		if e.avail-last < chainCheckS && k != len(ct.ests)-1 {
			continue
		}
		last = e.avail
		d := e.avail + commitS
		bs, ok := b.window(site, ic, tj, d)
		if !ok {
			break
		}
		for _, x := range []intercept.Intercept{bs.First, bs.Last} {
			sigma := intercept.MissSigma(e.est, motion, x.T, x.Closing)
			reach := ic.HomingReach(x.ClosingSpeed, x.FlyoutTime)
			if reach >= commitRatio*sigma {
				return chainCommit{ok: true, decision: d, bs: bs, sigma: sigma, reach: reach}
			}
			if r := sigma / reach; r < best {
				best, out.sigma, out.reach = r, sigma, reach
			}
		}
	}
	if math.IsNaN(out.sigma) {
		out.why = "no battle space once the chain's track is firm after burnout"
		return out
	}
	out.why = fmt.Sprintf("no commit: the track never predicts the intercept point within the kill vehicle's divert (best: predicted miss σ %.0f m against a homing reach of %.0f m; needs σ ≤ %.0f m)",
		out.sigma, out.reach, out.reach/commitRatio)
	return out
}

// validateChain reports the problems of the chain fields of cueing c (at
// field path p): each field is refused where it would have no effect.
func (c Cueing) validateChain(p string, pick catalog.Pick) []error {
	var errs []error
	if c.Kind == CueChain {
		if len(c.Radars) == 0 && !c.OwnRadar {
			errs = append(errs, strict.Fieldf(p+".radars", "empty; a chain needs at least one radar (radars, or own_radar: true)"))
		}
		for i, r := range c.Radars {
			q := fmt.Sprintf("%s.radars[%d]", p, i)
			if _, _, err := r.RadarSite.Build(pick); err != nil {
				errs = append(errs, strict.Fieldf(q, "%v", err))
			}
			if !(r.LatencyS >= 0 && r.LatencyS <= 3600) {
				errs = append(errs, strict.Fieldf(q+".latency_s", "%g is out of range; allowed: 0 to 3600", r.LatencyS))
			}
		}
	} else {
		if len(c.Radars) > 0 {
			errs = append(errs, strict.Fieldf(p+".radars", "only a chain cueing takes radars; use kind: chain"))
		}
		if c.OwnRadar {
			errs = append(errs, strict.Fieldf(p+".own_radar", "only a chain cueing takes own_radar; use kind: chain or own-radar"))
		}
	}
	if c.SpaceWarning && !c.FireControl() {
		errs = append(errs, strict.Fieldf(p+".space_warning", "only a sensor chain (own-radar, forward-radar, chain) takes space_warning; kind %s is a bound", c.Kind))
	}
	if (c.DelayS != 0 || c.MinAltKm != 0) && c.Kind != CueSpace && !c.SpaceWarning {
		errs = append(errs, strict.Fieldf(p+".delay_s", "delay_s and min_alt_km set the space sensor: only kind space or space_warning: true use them"))
	}
	if c.Forward != nil && c.Kind != CueForwardRadar {
		errs = append(errs, strict.Fieldf(p+".forward", "only a forward-radar cueing takes forward"))
	}
	if c.LinkLatencyS != 0 && c.Kind != CueForwardRadar {
		errs = append(errs, strict.Fieldf(p+".link_latency_s", "only a forward-radar cueing takes link_latency_s; a chain's radars take latency_s"))
	}
	return errs
}
