package analysis

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
)

// SpeedBandPoint is the engageable share of the trajectories at one
// interceptor burnout speed.
type SpeedBandPoint struct {
	// Point is "flown" (the catalog interceptor at the request's pick) or
	// "catalog low", "catalog central", "catalog high": the interceptor
	// built from the catalog at that pick (intercept.FromCatalog: its
	// burnout speed, burn time, stages, masses and range and altitude
	// limits all at that end of their bands), flown like the row's own,
	// against the same trajectories and sensor tracks. The point at the
	// request's pick is the flown interceptor itself, so its fraction is
	// the flown one.
	Point string `json:"point"`
	// BurnoutSpeedKms is the flown interceptor's flyout burnout speed, or
	// the catalog burnout_speed_kms at the point's pick.
	BurnoutSpeedKms    float64 `json:"burnout_speed_kms"`
	Trajectories       int     `json:"trajectories"`
	Engageable         int     `json:"engageable"`
	EngageableFraction float64 `json:"engageable_fraction"`
	// SweepModelFraction is, at a catalog point, the engageable fraction
	// of the burnout-speed sweep's idealised interceptor at the same speed
	// (WithBurnout of the sweep's base: constant thrust, no drag, range and
	// altitude limits lifted unless KeepLimits), the model behind the
	// required burnout speeds; it differs from EngageableFraction by what
	// the idealisation leaves out. Null for the flown point and when the
	// sweep is off.
	SweepModelFraction *float64 `json:"sweep_model_engageable_fraction,omitempty"`
}

// SpeedBandRow is how the engageable share of one interceptor at one site
// under one cueing moves across the interceptor's catalog burnout-speed
// band.
type SpeedBandRow struct {
	Interceptor    string           `json:"interceptor"`
	Site           string           `json:"site"`
	Cueing         string           `json:"cueing"`
	FireControlCue bool             `json:"fire_control_cue"`
	Points         []SpeedBandPoint `json:"points"`
}

// Speed-band point names.
const (
	BandFlown   = "flown"
	BandLow     = "catalog low"
	BandCentral = "catalog central"
	BandHigh    = "catalog high"
)

// bandPicks are the catalog points of the speed band, in column order.
var bandPicks = []struct {
	name string
	pick catalog.Pick
}{{BandLow, catalog.PickLow}, {BandCentral, catalog.PickCentral}, {BandHigh, catalog.PickHigh}}

// bandPoint is one catalog point of one interceptor's speed band: the
// interceptor built from the catalog at the point's pick (the flown one at
// the request's pick) and the sweep's idealised interceptor at its
// catalog burnout speed (nil: sweep off).
type bandPoint struct {
	name  string
	kms   float64
	ic    *intercept.Interceptor
	sweep *intercept.Interceptor
}

// bandPoints builds the interceptors of the speed band of every row
// interceptor (speedBand), in row and bandPicks order.
func (b *bsRun) bandPoints(req SweepRequest, pick catalog.Pick) ([][]bandPoint, error) {
	pts := make([][]bandPoint, len(b.ics))
	for ii, ic0 := range b.ics {
		e, _ := catalog.Lookup(req.Interceptors[ii])
		v, _ := e.Param("burnout_speed_kms")
		for _, p := range bandPicks {
			kms := v.At(p.pick)
			if !(kms > 0) {
				continue
			}
			ic := ic0
			if p.pick != pick {
				var err error
				if ic, err = intercept.FromCatalog(e, p.pick); err != nil {
					return nil, fmt.Errorf("interceptor %s at the catalog %s pick: %w", e.Name, p.pick, err)
				}
			}
			pt := bandPoint{name: p.name, kms: kms, ic: ic}
			if !req.Sweep.Off {
				pt.sweep = b.interceptorAt(ii, kms*1e3)
			}
			pts[ii] = append(pts[ii], pt)
		}
	}
	return pts, nil
}

// bandInterceptors returns the interceptors of the speed band pts whose
// envelopes the band builds (not the rows' own), each once.
func (b *bsRun) bandInterceptors(pts [][]bandPoint) []*intercept.Interceptor {
	var out []*intercept.Interceptor
	seen := map[*intercept.Interceptor]bool{}
	for ii, ic0 := range b.ics {
		for _, p := range pts[ii] {
			for _, ic := range []*intercept.Interceptor{p.ic, p.sweep} {
				if ic != nil && ic != ic0 && !seen[ic] {
					seen[ic] = true
					out = append(out, ic)
				}
			}
		}
	}
	return out
}

// releaseBand frees the envelopes of the speed band pts (the flown
// interceptors' are the rows' own and stay).
func (b *bsRun) releaseBand(pts [][]bandPoint) {
	for ii, ic0 := range b.ics {
		for _, p := range pts[ii] {
			if p.ic != ic0 {
				p.ic.ReleaseEnvelope()
			}
			if p.sweep != nil {
				p.sweep.ReleaseEnvelope()
			}
		}
	}
}

// speedBand evaluates every interceptor, site and cueing as flown (from
// sum, the sweep's summary in interceptor, site, cueing order) and as
// built from the catalog at the low, central and high pick
// (intercept.FromCatalog; at the request's pick, the flown interceptor).
// Unless the sweep is off, it also evaluates the sweep's idealised
// interceptor at each of those catalog burnout speeds (SweepModelFraction).
func (b *bsRun) speedBand(req SweepRequest, trajs []Trajectory, sites []geo.LLA, labels []string, cues [][][]bsCueState, sum []SweepEntry, pts [][]bandPoint) []SpeedBandRow {
	// One task per interceptor, point, site and cueing, and per model (the
	// interceptor at the point, the sweep's at its speed): each counts the
	// engageable trajectories.
	type task struct {
		ic        *intercept.Interceptor
		si, ci    int
		n, engage int
	}
	var tasks []task
	at := map[[5]int]int{} // (interceptor, point, site, cueing, sweep model) → task
	for ii, ic0 := range b.ics {
		for pi, p := range pts[ii] {
			for si := range sites {
				for ci := range req.Cueings {
					if p.ic != ic0 {
						at[[5]int{ii, pi, si, ci, 0}] = len(tasks)
						tasks = append(tasks, task{ic: p.ic, si: si, ci: ci})
					}
					if p.sweep != nil {
						at[[5]int{ii, pi, si, ci, 1}] = len(tasks)
						tasks = append(tasks, task{ic: p.sweep, si: si, ci: ci})
					}
				}
			}
		}
	}
	b.each(len(tasks), func(i int) {
		t := &tasks[i]
		t.n, t.engage = b.countEngageable(t.ic, sites[t.si], trajs, req.Cueings[t.ci], cues[t.si][t.ci])
	})
	var rows []SpeedBandRow
	n := 0
	for ii, ic0 := range b.ics {
		for si := range sites {
			for ci, c := range req.Cueings {
				s := sum[n]
				n++
				row := SpeedBandRow{Interceptor: ic0.Name, Site: labels[si], Cueing: c.Label(), FireControlCue: c.FireControl(),
					Points: []SpeedBandPoint{{Point: BandFlown, BurnoutSpeedKms: s.FlyoutBurnoutSpeedKms, Trajectories: s.Trajectories,
						Engageable: s.Engageable, EngageableFraction: s.EngageableFraction}}}
				for pi, p := range pts[ii] {
					bp := SpeedBandPoint{Point: p.name, BurnoutSpeedKms: p.kms}
					if p.ic == ic0 {
						// the flown interceptor: the summary's own count
						bp.Trajectories, bp.Engageable = s.Trajectories, s.Engageable
					} else {
						t := tasks[at[[5]int{ii, pi, si, ci, 0}]]
						bp.Trajectories, bp.Engageable = t.n, t.engage
					}
					if bp.Trajectories > 0 {
						bp.EngageableFraction = float64(bp.Engageable) / float64(bp.Trajectories)
					}
					if p.sweep != nil {
						t := tasks[at[[5]int{ii, pi, si, ci, 1}]]
						f := 0.0
						if t.n > 0 {
							f = float64(t.engage) / float64(t.n)
						}
						bp.SweepModelFraction = &f
					}
					row.Points = append(row.Points, bp)
				}
				rows = append(rows, row)
			}
		}
	}
	b.releaseBand(pts)
	return rows
}

// countEngageable returns how many of trajs interceptor ic engages from
// site under cueing c with the cues cs (one a trajectory), and of how many.
func (b *bsRun) countEngageable(ic *intercept.Interceptor, site geo.LLA, trajs []Trajectory, c Cueing, cs []bsCueState) (n, engageable int) {
	for k := range trajs {
		n++
		if b.engageable(ic, site, &trajs[k], c, cs[k]) {
			engageable++
		}
	}
	return n, engageable
}

// engageable is evaluate's Engageable: for a cue time (no sensor chain)
// only whether a window exists is asked, and the scan stops at its first
// feasible intercept (intercept.FirstLaunch's ok is Window's); a sensor
// chain's commit test needs the whole battle space and runs as evaluate's.
func (b *bsRun) engageable(ic *intercept.Interceptor, site geo.LLA, tj *Trajectory, c Cueing, cs bsCueState) bool {
	if cs.chain != nil {
		en, _, _ := b.evaluate(ic, site, tj, c, cs)
		return en.Engageable
	}
	if math.IsNaN(cs.cue) {
		return false
	}
	decision := cs.cue + c.CommitS
	t0, t1 := tj.flight.Span()
	b.windows.Add(1)
	_, ok, _ := intercept.FirstLaunch(site, ic, tj.threat(b.dt), math.Max(t0, decision), t1, decision)
	return ok
}
