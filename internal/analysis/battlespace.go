package analysis

import (
	"fmt"
	"math"
	"time"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/strict"
	"github.com/rampart-sim/rampart/radar"
)

// bsSpeedKey identifies one interceptor of the burnout sweep.
type bsSpeedKey struct {
	base  int     // index into bsRun.tmpl
	speed float64 // m/s
}

// bsRun holds the state of one sweep.
type bsRun struct {
	req   SweepRequest
	sweep BurnoutSweep
	dt    float64
	ics   []*intercept.Interceptor
	// tmpl are the interceptors whose WithBurnout copies the sweep flies;
	// tmplOf[i] is the one for row interceptor i.
	tmpl   []*intercept.Interceptor
	tmplOf []int
	fast   map[bsSpeedKey]*intercept.Interceptor
	cost   SweepCost
}

// interceptorAt returns the sweep interceptor of row interceptor i flown
// at burnout speed v, m/s.
func (b *bsRun) interceptorAt(i int, v float64) *intercept.Interceptor {
	k := bsSpeedKey{b.tmplOf[i], v}
	if ic, ok := b.fast[k]; ok {
		return ic
	}
	ic := b.tmpl[k.base].WithBurnout(v)
	if !b.sweep.KeepLimits {
		ic.MaxRange, ic.MaxAlt = math.Inf(1), math.Inf(1)
	}
	b.fast[k] = ic
	return ic
}

// window returns the battle space of trajectory tj against ic at site
// with the given decision time (s from the epoch).
func (b *bsRun) window(site geo.LLA, ic *intercept.Interceptor, tj *Trajectory, decision float64) (intercept.BattleSpace, bool) {
	t0, t1 := tj.flight.Span()
	b.cost.Windows++
	return intercept.Window(site, ic, tj.threat(b.dt), math.Max(t0, decision), t1, decision)
}

// required returns the lowest sweep speed (m/s) at which base interceptor
// i engages tj from site with the decision time, or false. The speeds are
// the lattice Min + j·Tol: the grid (every Grid/Tol lattice points) first,
// then bisection on lattice indices inside the first grid bracket that
// engages, so that every trajectory draws on the same few speeds (each an
// envelope build) and the final bracket is exactly Tol wide.
func (b *bsRun) required(i int, site geo.LLA, tj *Trajectory, decision float64) (float64, bool) {
	engages := func(j int) bool {
		_, ok := b.window(site, b.interceptorAt(i, b.sweep.speed(j)), tj, decision)
		return ok
	}
	step := b.sweep.gridSteps()
	n := b.sweep.latticeMax()
	prev := -1
	for j := 0; j <= n; j += step {
		if !engages(j) {
			prev = j
			continue
		}
		if prev < 0 {
			return b.sweep.speed(j), true
		}
		lo, hi := prev, j
		for hi-lo > 1 {
			m := (lo + hi) / 2
			if engages(m) {
				hi = m
			} else {
				lo = m
			}
		}
		return b.sweep.speed(hi), true
	}
	return 0, false
}

// newBSRun builds the interceptors of a validated request at pick.
func newBSRun(req SweepRequest, pick catalog.Pick) (*bsRun, error) {
	b := &bsRun{req: req, sweep: req.Sweep.withDefaults(), dt: req.StepS, fast: map[bsSpeedKey]*intercept.Interceptor{}}
	if b.dt == 0 {
		b.dt = DefaultPathStepS
	}
	for _, n := range req.Interceptors {
		e, _ := catalog.Lookup(n)
		ic, err := intercept.FromCatalog(e, pick)
		if err != nil {
			return nil, fmt.Errorf("interceptor %s: %w", n, err)
		}
		b.ics = append(b.ics, ic)
		b.tmpl = append(b.tmpl, ic)
		b.tmplOf = append(b.tmplOf, len(b.tmplOf))
	}
	if req.Sweep.Base != "" {
		e, _ := catalog.Lookup(req.Sweep.Base)
		ic, err := intercept.FromCatalog(e, pick)
		if err != nil {
			return nil, strict.Fieldf("sweep.base", "%v", err)
		}
		b.tmpl = []*intercept.Interceptor{ic}
		for i := range b.tmplOf {
			b.tmplOf[i] = 0
		}
	}
	return b, nil
}

// BattleSpaceSweep flies every trajectory of the request's families and,
// for every interceptor type at every site under every cueing, finds the
// battle space (intercept.Window) with the decision time of the cueing,
// the engageable fraction of each family and the lowest interceptor
// burnout speed that engages each trajectory (BurnoutSweep). o sets the
// physics of the flights (zero: flight.DefaultPhysics); the request's Pick
// sets every catalog value (missiles, radars, interceptors).
//
// An engagement is possible when intercept.Window finds a feasible
// intercept: the threat inside the interceptor's altitude and range limits
// and flyout envelope, a closing speed at least the minimum, and an
// interceptor launch at or after the decision time (arriving no later than
// the threat, as in the open-literature reach analyses of Wilkening 2012
// and Lewis & Postol 2007). Kill probability, discrimination and
// interceptor inventory are not modelled here.
func BattleSpaceSweep(req SweepRequest, o flight.Physics) (*SweepResult, error) {
	start := time.Now()
	if err := req.Validate(); err != nil {
		return nil, err
	}
	pick, err := covPick(req.Pick)
	if err != nil {
		return nil, err
	}
	o.Pick = pick
	trajs, err := FlyFamilies(req.Families, o)
	if err != nil {
		return nil, err
	}
	b, err := newBSRun(req, pick)
	if err != nil {
		return nil, err
	}
	pd := req.Pd
	if pd == 0 {
		pd = DefaultCoveragePd
	}
	res := &SweepResult{Pick: pick.String(), Sweep: b.sweep, Trajectories: trajs}
	if req.Sweep.Off {
		res.Sweep = BurnoutSweep{Off: true}
	}
	res.Assumptions = bsAssumptions(b.sweep, req.Sweep.Off)
	type siteInfo struct {
		label string
		pos   geo.LLA
		rad   *radar.Radar
	}
	sites := make([]siteInfo, len(req.Sites))
	for i, s := range req.Sites {
		at, pos, _ := s.At.Resolve()
		sites[i] = siteInfo{label: at.Label(), pos: pos}
		if s.Radar != "" {
			r, _, err := (RadarSite{Radar: s.Radar, At: s.At, BoresightDeg: s.RadarBoresightDeg}).Build(pick)
			if err != nil {
				return nil, strict.Fieldf(fmt.Sprintf("sites[%d].radar", i), "%v", err)
			}
			sites[i].rad = r
		}
	}
	// Cue times, s from the epoch (NaN: never cued), per site, cueing and
	// trajectory; the site matters only for own-radar cueing.
	cue := make([][][]float64, len(sites))
	why := make([][][]string, len(sites))
	fwd := make([]*radar.Radar, len(req.Cueings))
	for j, c := range req.Cueings {
		if c.Kind == CueForwardRadar {
			fwd[j], _, _ = c.Forward.Build(pick)
		}
	}
	for i := range sites {
		cue[i] = make([][]float64, len(req.Cueings))
		why[i] = make([][]string, len(req.Cueings))
		for j, c := range req.Cueings {
			cue[i][j] = make([]float64, len(trajs))
			why[i][j] = make([]string, len(trajs))
			for k := range trajs {
				if i > 0 && c.Kind != CueOwnRadar {
					cue[i][j][k], why[i][j][k] = cue[0][j][k], why[0][j][k]
					continue
				}
				cue[i][j][k], why[i][j][k] = bsCue(c, sites[i].rad, fwd[j], &trajs[k], pd, b.dt)
			}
		}
	}
	for ii, ic := range b.ics {
		env, err := ic.Envelope()
		if err != nil {
			return nil, fmt.Errorf("interceptor %s: %w", ic.Name, err)
		}
		e, _ := catalog.Lookup(req.Interceptors[ii])
		flyout, cat := env.BurnoutSpeed/1e3, e.At("burnout_speed_kms", pick)
		for si, s := range sites {
			for ci, c := range req.Cueings {
				all := SweepEntry{Interceptor: ic.Name, Site: s.label, LaunchSite: "*", Aim: "*", Cueing: c.Label(),
					FlyoutBurnoutSpeedKms: flyout, CatalogBurnoutSpeedKms: cat}
				var allReq []*float64
				for fi, f := range req.Families {
					ent := SweepEntry{Interceptor: ic.Name, Site: s.label, Cueing: c.Label(),
						FlyoutBurnoutSpeedKms: flyout, CatalogBurnoutSpeedKms: cat}
					var famReq []*float64
					for k := range trajs {
						tj := &trajs[k]
						if tj.family != fi {
							continue
						}
						ent.LaunchSite, ent.Aim = tj.LaunchSite, tj.Aim
						en := b.engage(ii, s.pos, s.label, tj, c.Label(), cue[si][ci][k], why[si][ci][k], c.CommitS)
						res.Engagements = append(res.Engagements, en)
						ent.Trajectories++
						if en.Engageable {
							ent.Engageable++
						}
						famReq = append(famReq, en.RequiredBurnoutSpeedKms)
					}
					if ent.LaunchSite == "" {
						ent.LaunchSite, ent.Aim = f.LaunchSite, f.Aim
					}
					bsFinish(&ent, famReq, req.Sweep.Off)
					res.Entries = append(res.Entries, ent)
					all.Trajectories += ent.Trajectories
					all.Engageable += ent.Engageable
					allReq = append(allReq, famReq...)
				}
				bsFinish(&all, allReq, req.Sweep.Off)
				res.Summary = append(res.Summary, all)
			}
		}
	}
	b.cost.Trajectories = len(trajs)
	b.cost.Engagements = len(res.Engagements)
	b.cost.BurnoutSpeeds = len(b.fast)
	b.cost.Elapsed = time.Since(start)
	res.Cost = b.cost
	return res, nil
}

// engage evaluates one engagement.
func (b *bsRun) engage(i int, site geo.LLA, siteLabel string, tj *Trajectory, cueing string, cue float64, why string, commit float64) SweepEngagement {
	ic := b.ics[i]
	t0 := tj.flight.LaunchTime
	en := SweepEngagement{Interceptor: ic.Name, Site: siteLabel, Trajectory: tj.Name, LaunchSite: tj.LaunchSite,
		Aim: tj.Aim, Profile: tj.Profile, Cueing: cueing}
	if math.IsNaN(cue) {
		en.Reason = why
		return en
	}
	decision := cue + commit
	en.CueS, en.DecisionS = bsPtr(cue-t0), bsPtr(decision-t0)
	if bs, ok := b.window(site, ic, tj, decision); ok {
		en.Engageable = true
		en.FirstLaunchS, en.LastLaunchS = bsPtr(bs.FirstLaunch-t0), bsPtr(bs.LastLaunch-t0)
		en.FirstInterceptS, en.LastInterceptS = bsPtr(bs.FirstIntercept-t0), bsPtr(bs.LastIntercept-t0)
		en.MinInterceptAltKm, en.MaxInterceptAltKm = bsPtr(bs.MinAlt/1e3), bsPtr(bs.MaxAlt/1e3)
		en.FirstInterceptRangeKm = bsPtr(bs.First.GroundRange / 1e3)
		en.ClosingSpeedKms = bsPtr(bs.First.ClosingSpeed / 1e3)
	} else {
		en.Reason = "no battle space"
	}
	if !b.req.Sweep.Off {
		if v, ok := b.required(i, site, tj, decision); ok {
			en.RequiredBurnoutSpeedKms = bsPtr(v / 1e3)
		}
	}
	return en
}

// bsFinish fills the fraction and required speeds of an entry from its
// trajectories' required speeds.
func bsFinish(e *SweepEntry, req []*float64, off bool) {
	if e.Trajectories > 0 {
		e.EngageableFraction = float64(e.Engageable) / float64(e.Trajectories)
	}
	if off || len(req) == 0 {
		return
	}
	worst, best := math.Inf(-1), math.Inf(1)
	for _, v := range req {
		if v == nil {
			worst = math.Inf(1)
			continue
		}
		worst, best = math.Max(worst, *v), math.Min(best, *v)
	}
	if !math.IsInf(worst, 0) {
		e.RequiredBurnoutSpeedKms = bsPtr(worst)
	}
	if !math.IsInf(best, 0) {
		e.RequiredBurnoutSpeedAnyKms = bsPtr(best)
	}
}

// bsAssumptions states the assumptions of a sweep.
func bsAssumptions(s BurnoutSweep, off bool) []string {
	a := []string{
		"Engageable means intercept.Window finds a feasible intercept: threat inside the interceptor's altitude and range limits and flyout envelope, closing speed at least the minimum, interceptor launched at or after the decision time and arriving no later than the threat. Kill probability, discrimination, decoys and inventory are not modelled.",
		"Decision time = cue + link latency (forward radar) + commit time. A radar cues when it first detects the threat with the wanted Pd per dwell at the missile's catalog RCS (booster in boost, RV after); a space sensor when its launch report arrives (launchdetect).",
		"Space-based cueing carries no fire-control track: it is an optimistic bound unless a radar also holds the threat in time.",
		"Interceptor flyouts are flown on a non-rotating sphere (package intercept); Earth rotation changes the reach by up to about ±7 %.",
	}
	if !off {
		lim := "with its catalog maximum range and intercept altitude lifted (its own flyout envelope limits it)"
		if s.KeepLimits {
			lim = "with the base interceptor's catalog maximum range and intercept altitude"
		}
		base := "each row's interceptor"
		if s.Base != "" {
			base = s.Base + " (for every row)"
		}
		a = append(a, fmt.Sprintf("Required burnout speed: %s flown by WithBurnout (constant thrust over its burn time, no drag) %s, on a grid of %.2f to %.2f km/s every %.2f km/s, refined by bisection on a %.3f km/s lattice; engageability is assumed monotone in speed inside the bracket that first engages.", base, lim, s.MinKms, s.MaxKms, s.GridKms, s.TolKms))
	}
	return a
}

// bsPtr returns a pointer to a copy of v.
func bsPtr(v float64) *float64 { return &v }
