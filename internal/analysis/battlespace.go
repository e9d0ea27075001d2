package analysis

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
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
	// searched, if not nil, is told how many more burnout-speed searches
	// have finished (from any goroutine).
	searched func(n int)
	fast     map[bsSpeedKey]*intercept.Interceptor
	// keep are the sweep speeds whose envelopes the search keeps for the
	// speed band, which releases them.
	keep map[bsSpeedKey]bool
	cost SweepCost

	mu      sync.Mutex   // guards fast
	windows atomic.Int64 // intercept.Window calls (SweepCost.Windows)
	// slots holds one token per worker: each task of the sweep runs
	// holding one (each).
	slots chan struct{}
}

// each calls fn(0), …, fn(n−1), each call holding one of the sweep's
// worker slots, and returns when all have returned. The calls write only
// their own results, so what they compute does not depend on the number
// of workers.
func (b *bsRun) each(n int, fn func(i int)) { b.start(n, fn)() }

// start is each without the wait: it starts the calls and returns a
// function that waits for them all. The waiting holds no slot.
func (b *bsRun) start(n int, fn func(i int)) (wait func()) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			b.slots <- struct{}{}
			defer func() { <-b.slots }()
			fn(i)
		})
	}
	return wg.Wait
}

// interceptorAt returns the sweep interceptor of row interceptor i flown
// at burnout speed v, m/s.
func (b *bsRun) interceptorAt(i int, v float64) *intercept.Interceptor {
	b.mu.Lock()
	defer b.mu.Unlock()
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
	b.windows.Add(1)
	return intercept.Window(site, ic, tj.threat(b.dt), math.Max(t0, decision), t1, decision)
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
	// The speed band flies the sweep interceptor at each catalog speed
	// (speedBand): the search keeps those envelopes for it.
	b.keep = map[bsSpeedKey]bool{}
	for i, n := range req.Interceptors {
		e, _ := catalog.Lookup(n)
		v, _ := e.Param("burnout_speed_kms")
		for _, p := range bandPicks {
			if kms := v.At(p.pick); kms > 0 && !req.Sweep.Off {
				b.keep[bsSpeedKey{b.tmplOf[i], kms * 1e3}] = true
			}
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
	return BattleSpaceSweepOn(req, o, runtime.GOMAXPROCS(0), nil)
}

// Progress receives how far a long computation has come: done of the
// total steps of the phase label. It may be called from several
// goroutines, never at once.
type Progress func(label string, done, total int)

// Labels of the phases of a battle-space sweep, for Progress.
const (
	PhaseAiming      = "aiming threats"
	PhaseChains      = "sensor chains"
	PhaseEngagements = "engagements"
	PhaseSpeedBand   = "required burnout speeds and catalog speed band"
)

// BattleSpaceSweepOn is BattleSpaceSweep on the given number of workers
// (at least 1), reporting its phases to progress if not nil: the families
// flown (PhaseAiming), the sensor chains built (PhaseChains, one a site
// and cueing), the engagements evaluated (PhaseEngagements, one an
// interceptor, site and cueing), then the burnout-speed searches with the
// catalog speed band beside them (PhaseSpeedBand: searches finished, one
// an engagement the sweep asks about; done when the band is too). The result does not depend on workers or progress.
func BattleSpaceSweepOn(req SweepRequest, o flight.Physics, workers int, progress Progress) (*SweepResult, error) {
	start := time.Now()
	var mu sync.Mutex
	report := func(label string, done, total int) {
		if progress != nil {
			mu.Lock()
			progress(label, done, total)
			mu.Unlock()
		}
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	pick, err := covPick(req.Pick)
	if err != nil {
		return nil, err
	}
	o.Pick = pick
	// The envelopes of the rows and of the speed band (~50 ms each for a
	// staged interceptor with drag) are built from the start, beside the
	// families and the sensor chains, so that no worker waits for one while
	// another builds it: the rows' before the engagements, the band's
	// before its counts. The interceptors' errors come after the families'.
	b, bErr := newBSRun(req, pick)
	var (
		bandPts              [][]bandPoint
		bandErr              error
		envs                 []*intercept.Envelope
		errs                 []error
		rowsReady, bandReady = func() {}, func() {}
	)
	if bErr == nil {
		b.slots = make(chan struct{}, max(1, workers))
		bandPts, bandErr = b.bandPoints(req, pick)
		envs, errs = make([]*intercept.Envelope, len(b.ics)), make([]error, len(b.ics))
		rowsReady = b.start(len(b.ics), func(ii int) { envs[ii], errs[ii] = b.ics[ii].Envelope() })
		var bandICs []*intercept.Interceptor
		if bandErr == nil {
			bandICs = b.bandInterceptors(bandPts)
		}
		bandReady = b.start(len(bandICs), func(i int) { bandICs[i].Envelope() })
	}
	// abandon waits for those builds and frees the band's envelopes, on a
	// return with an error before the band.
	abandon := func() {
		rowsReady()
		bandReady()
		if bErr == nil && bandErr == nil {
			b.releaseBand(bandPts)
		}
	}
	trajs, err := flyFamilies(req.Families, o, workers, func(done, total int) { report(PhaseAiming, done, total) })
	if err != nil {
		abandon()
		return nil, err
	}
	if bErr != nil {
		return nil, bErr
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
	sites := make([]bsSite, len(req.Sites))
	for i, s := range req.Sites {
		at, pos, _ := s.At.Resolve()
		sites[i] = bsSite{label: at.Label(), pos: pos}
		if s.Radar != "" {
			r, _, err := (RadarSite{Radar: s.Radar, At: s.At, BoresightDeg: s.RadarBoresightDeg}).Build(pick)
			if err != nil {
				abandon()
				return nil, strict.Fieldf(fmt.Sprintf("sites[%d].radar", i), "%v", err)
			}
			sites[i].rad = r
		}
	}
	// The cue of each site, cueing and trajectory: a time for the bounds
	// (the same at every site), a sensor chain's track for the chains
	// (the same at every site unless the chain has the site's own radar).
	cues := make([][][]bsCueState, len(sites))
	fwd := make([][]*radar.Radar, len(req.Cueings))
	for j, c := range req.Cueings {
		switch c.Kind {
		case CueForwardRadar:
			r, _, _ := c.Forward.Build(pick)
			fwd[j] = []*radar.Radar{r}
		case CueChain:
			for _, cr := range c.Radars {
				r, _, _ := cr.RadarSite.Build(pick)
				fwd[j] = append(fwd[j], r)
			}
		}
	}
	nChains := len(sites) * len(req.Cueings)
	cov := newChainCoverage(pd, b.dt)
	report(PhaseChains, 0, nChains)
	// Site by site (the later sites copy the first's cues of the chains
	// without their own radar), each cueing and trajectory a task on the
	// workers.
	for i := range sites {
		report(PhaseChains, i*len(req.Cueings), nChains)
		cues[i] = make([][]bsCueState, len(req.Cueings))
		for j := range req.Cueings {
			cues[i][j] = make([]bsCueState, len(trajs))
		}
		b.each(len(req.Cueings)*len(trajs), func(n int) {
			j, k := n/len(trajs), n%len(trajs)
			c := req.Cueings[j]
			own := c.Kind == CueOwnRadar || (c.Kind == CueChain && c.OwnRadar)
			if i > 0 && !own {
				cues[i][j][k] = cues[0][j][k]
				return
			}
			tj := &trajs[k]
			if !c.FireControl() {
				t, why := bsCue(c, tj)
				cues[i][j][k] = bsCueState{cue: t, why: why}
				return
			}
			warn := math.NaN()
			if c.SpaceWarning {
				warn = c.spaceWarning(tj)
			}
			rs, lat := c.chainRadars(sites[i].rad, fwd[j])
			ct := buildChain(rs, lat, warn, tj, pd, b.dt, cov)
			cues[i][j][k] = bsCueState{cue: ct.cue, why: ct.why, chain: &ct}
		})
	}
	report(PhaseChains, nChains, nChains)
	for k := range trajs {
		trajs[k].threat(b.dt) // build the paths before the workers share them
	}
	// Every engagement first, in row order; then the burnout-speed search
	// of all of them at once (requiredAll) beside the speed band; then the
	// entries.
	rowsReady()
	for ii, err := range errs {
		if err != nil {
			abandon()
			return nil, fmt.Errorf("interceptor %s: %w", b.ics[ii].Name, err)
		}
	}
	// One block of engagements per interceptor, site and cueing.
	nb := len(b.ics) * len(sites) * len(req.Cueings)
	blockEng := make([][]SweepEngagement, nb)
	blockQ := make([][]*bsQuery, nb)
	blockAt := make([][]int, nb) // index in the block of each query
	report(PhaseEngagements, 0, nb)
	var blocksDone int
	b.each(nb, func(bi int) {
		defer func() {
			mu.Lock()
			blocksDone++
			n := blocksDone
			mu.Unlock()
			report(PhaseEngagements, n, nb)
		}()
		ii, si, ci := bi/(len(sites)*len(req.Cueings)), bi/len(req.Cueings)%len(sites), bi%len(req.Cueings)
		s, c := sites[si], req.Cueings[ci]
		for fi := range req.Families {
			for k := range trajs {
				if tj := &trajs[k]; tj.family == fi {
					en, decision, ok := b.evaluate(b.ics[ii], s.pos, tj, c, cues[si][ci][k])
					en.Site = s.label
					if ok && !req.Sweep.Off {
						blockQ[bi] = append(blockQ[bi], &bsQuery{base: ii, site: s.pos, tj: tj, decision: decision})
						blockAt[bi] = append(blockAt[bi], len(blockEng[bi]))
					}
					blockEng[bi] = append(blockEng[bi], en)
				}
			}
		}
	})
	var queries []*bsQuery
	var queryAt []int // index in res.Engagements of each query
	for bi := range nb {
		for n, q := range blockQ[bi] {
			queries = append(queries, q)
			queryAt = append(queryAt, len(res.Engagements)+blockAt[bi][n])
		}
		res.Engagements = append(res.Engagements, blockEng[bi]...)
	}
	for n, q := range queries {
		q.en = &res.Engagements[queryAt[n]]
	}
	// The speed band needs the engageable counts, not the required
	// speeds: it runs beside the search, from a first count.
	pos, labels := make([]geo.LLA, len(sites)), make([]string, len(sites))
	for i, s := range sites {
		pos[i], labels[i] = s.pos, s.label
	}
	var band []SpeedBandRow
	bandDone := make(chan struct{})
	// The phase counts the burnout-speed searches; the speed band runs
	// beside them and ends the phase with them.
	nq := max(len(queries), 1)
	var searchedN int
	b.searched = func(n int) {
		mu.Lock()
		searchedN += n
		d := min(searchedN, nq-1) // done only with the band
		mu.Unlock()
		report(PhaseSpeedBand, d, nq)
	}
	report(PhaseSpeedBand, 0, nq)
	go func() {
		defer close(bandDone)
		_, counts := b.entries(req, pick, trajs, sites, envs, res.Engagements)
		bandReady()
		if bandErr == nil {
			band = b.speedBand(req, trajs, pos, labels, cues, counts, bandPts)
		}
	}()
	b.requiredAll(queries)
	<-bandDone
	if bandErr != nil {
		return nil, bandErr
	}
	report(PhaseSpeedBand, nq, nq)
	res.Entries, res.Summary = b.entries(req, pick, trajs, sites, envs, res.Engagements)
	res.SpeedBand = band
	b.cost.Trajectories = len(trajs)
	b.cost.Engagements = len(res.Engagements)
	b.cost.BurnoutSpeeds = len(b.fast)
	b.cost.Windows = int(b.windows.Load())
	b.cost.Elapsed = time.Since(start)
	res.Cost = b.cost
	return res, nil
}

// bsSite is one defended site of a sweep.
type bsSite struct {
	label string
	pos   geo.LLA
	rad   *radar.Radar // nil: none
}

// entries returns the per-family entries and the summary over all
// families (launch_site and aim "*") of every interceptor, site and
// cueing, in that order, from the engagements ens (in the same order).
func (b *bsRun) entries(req SweepRequest, pick catalog.Pick, trajs []Trajectory, sites []bsSite, envs []*intercept.Envelope, ens []SweepEngagement) (entries, summary []SweepEntry) {
	n := 0
	for ii, ic := range b.ics {
		e, _ := catalog.Lookup(req.Interceptors[ii])
		flyout, cat := envs[ii].BurnoutSpeed/1e3, e.At("burnout_speed_kms", pick)
		for _, s := range sites {
			for _, c := range req.Cueings {
				all := SweepEntry{Interceptor: ic.Name, Site: s.label, LaunchSite: "*", Aim: "*", Cueing: c.Label(),
					FireControlCue: c.FireControl(), CueRole: c.Role(), FlyoutBurnoutSpeedKms: flyout, CatalogBurnoutSpeedKms: cat}
				var allReq []*float64
				for fi, f := range req.Families {
					ent := SweepEntry{Interceptor: ic.Name, Site: s.label, Cueing: c.Label(),
						FireControlCue: c.FireControl(), CueRole: c.Role(), FlyoutBurnoutSpeedKms: flyout, CatalogBurnoutSpeedKms: cat}
					var famReq []*float64
					for k := range trajs {
						tj := &trajs[k]
						if tj.family != fi {
							continue
						}
						ent.LaunchSite, ent.Aim = tj.LaunchSite, tj.Aim
						en := &ens[n]
						n++
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
					entries = append(entries, ent)
					all.Trajectories += ent.Trajectories
					all.Engageable += ent.Engageable
					allReq = append(allReq, famReq...)
				}
				bsFinish(&all, allReq, req.Sweep.Off)
				summary = append(summary, all)
			}
		}
	}
	return entries, summary
}

// bsCueState is the cue of one cueing for one trajectory at one site: a
// cue time (the bounds) or a sensor chain's track.
type bsCueState struct {
	cue   float64 // s from the epoch; NaN: never cued
	why   string
	chain *chainTrack // sensor chains only
}

// evaluate evaluates interceptor ic at site against tj under cueing c. It
// returns the engagement and the decision time for the burnout-speed
// sweep (false: none). For a sensor chain that does not commit, the sweep's
// decision is the chain's first firm ballistic estimate at the site.
func (b *bsRun) evaluate(ic *intercept.Interceptor, site geo.LLA, tj *Trajectory, c Cueing, cs bsCueState) (SweepEngagement, float64, bool) {
	t0 := tj.flight.LaunchTime
	en := SweepEngagement{Interceptor: ic.Name, Trajectory: tj.Name, LaunchSite: tj.LaunchSite,
		Aim: tj.Aim, Profile: tj.Profile, Cueing: c.Label(), FireControlCue: c.FireControl()}
	if ch := cs.chain; ch != nil {
		rel := func(t float64) *float64 {
			if math.IsNaN(t) {
				return nil
			}
			return bsPtr(t - t0)
		}
		en.WarningS, en.FirmTrackS = rel(ch.warn), rel(ch.firm)
		if len(ch.ests) > 0 {
			en.BallisticTrackS = rel(ch.ests[0].avail)
		}
	}
	if math.IsNaN(cs.cue) {
		en.Reason = cs.why
		return en, 0, false
	}
	en.CueS = bsPtr(cs.cue - t0)
	var bs intercept.BattleSpace
	var ok bool
	var decision float64
	if cs.chain == nil {
		decision = cs.cue + c.CommitS
		bs, ok = b.window(site, ic, tj, decision)
		if !ok {
			en.Reason = "no battle space"
		}
	} else {
		cm := b.commit(ic, site, tj, cs.chain, c.CommitS)
		if !math.IsNaN(cm.sigma) {
			en.PredictedMissSigmaM, en.HomingReachM = bsPtr(cm.sigma), bsPtr(finiteOr(cm.reach, -1))
		}
		if !cm.ok {
			en.Reason = cm.why
			if len(cs.chain.ests) == 0 {
				return en, 0, false
			}
			d := cs.chain.ests[0].avail + c.CommitS
			return en, d, true
		}
		decision, bs, ok = cm.decision, cm.bs, true
	}
	en.DecisionS = bsPtr(decision - t0)
	if ok {
		en.Engageable = true
		en.FirstLaunchS, en.LastLaunchS = bsPtr(bs.FirstLaunch-t0), bsPtr(bs.LastLaunch-t0)
		en.FirstInterceptS, en.LastInterceptS = bsPtr(bs.FirstIntercept-t0), bsPtr(bs.LastIntercept-t0)
		en.MinInterceptAltKm, en.MaxInterceptAltKm = bsPtr(bs.MinAlt/1e3), bsPtr(bs.MaxAlt/1e3)
		en.FirstInterceptRangeKm = bsPtr(bs.First.GroundRange / 1e3)
		en.ClosingSpeedKms = bsPtr(bs.First.ClosingSpeed / 1e3)
	}
	return en, decision, true
}

// finiteOr returns v, or alt where v is infinite or NaN.
func finiteOr(v, alt float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return alt
	}
	return v
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
		"Bounds: 'launch' lets the interceptor fly with the threat (a kinematic bound that no sensor chain attains); 'burnout' assumes a perfect ballistic track at burnout; a space-based launch report (launchdetect) carries no fire-control track, so the space cue is a warning bound. Decision time = cue + commit time.",
		fmt.Sprintf("Sensor chains (own radar, forward radar, chain): a radar holds the threat when it is in coverage with the wanted Pd per dwell at the missile's catalog RCS (booster in boost, RV after); it detects at once when cued (space warning, or another radar of the chain), else one search frame later; it measures every track interval with the thermal-noise accuracy of its dwell; the track is firm after %d detections; a ballistic EKF runs on the detections after burnout. The chain commits at the first firm estimate (checked every %.0f s at most, at the site after the link latency) whose predicted miss at the first or last intercept of the battle space lies within the kill vehicle's homing reach (divert Δv over the seeker's homing time) with probability %.2f, i.e. σ ≤ R/%.2f. Decision time = that estimate's arrival + commit time.", chainFirmHits, chainCheckS, chainCommitP, commitRatio),
		"Required burnout speed under a sensor chain: the decision time of the row interceptor's commit (or, where it never commits, of the chain's first firm ballistic estimate), without repeating the divert test at each speed: a lower bound on the speed a chain would need.",
		"Interceptor flyouts are flown on a non-rotating sphere (package intercept); Earth rotation changes the reach by up to about ±7 %.",
		"Speed band: at the catalog low, central and high points the interceptor is built from the catalog at that pick (burnout speed, burn time, stages, masses, range and altitude limits all at that end of their bands) and flown exactly as the row's own, against the same trajectories and sensor tracks; at the scenario's pick it is the flown interceptor, so that column equals the flown fraction.",
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
		a = append(a, "The required burnout speeds come from that idealised flyout, a different model from the flown interceptor: it has no drag and no staging and, unless the limits are kept, no catalog range or altitude limit, so at the same burnout speed it reaches farther and usually engages more trajectories. The speed band gives, at each catalog speed, the idealised model's fraction ('sweep model') next to the flown interceptor's; where they differ, a required speed below an interceptor's own burnout speed does not mean that interceptor engages the trajectory.")
	}
	return a
}

// bsPtr returns a pointer to a copy of v.
func bsPtr(v float64) *float64 { return &v }
