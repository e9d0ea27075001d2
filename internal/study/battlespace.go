package study

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
)

// Battlespace is the input of the battlespace analysis: trajectory
// families, interceptor sites, interceptor types, cueings and the burnout
// speed sweep (analysis.SweepRequest).
type Battlespace analysis.SweepRequest

// Validate checks the request.
func (b *Battlespace) Validate() error { return analysis.SweepRequest(*b).Validate() }

// BattlespaceResults is the JSON of a battlespace analysis.
type BattlespaceResults struct {
	// Reach has one row per interceptor, site, family (launch site →
	// aim) and cueing; Summary the same over all families.
	Reach        []analysis.SweepEntry      `json:"reach"`
	Summary      []analysis.SweepEntry      `json:"summary"`
	Sweep        analysis.BurnoutSweep      `json:"sweep"`
	Method       []string                   `json:"method"`
	Trajectories []analysis.Trajectory      `json:"trajectories"`
	Engagements  []analysis.SweepEngagement `json:"engagements"`
	// SpeedBand: the engageable fraction of each interceptor, site and
	// cueing at its flown burnout speed and across its catalog band.
	SpeedBand []analysis.SpeedBandRow `json:"speed_band"`
	Cost      analysis.SweepCost      `json:"cost"`
}

// Run sweeps the battle space.
func (b *Battlespace) Run(s *scenario.Scenario, o Options) (*Result, error) {
	req := analysis.SweepRequest(*b)
	if req.Pick == "" {
		req.Pick = o.Sim.DefensePick.String() // checkPicks: the threat pick is the same
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res, err := analysis.BattleSpaceSweepOn(req, o.Sim.Physics(), workers, o.Progress)
	if err != nil {
		return nil, err
	}
	out := BattlespaceResults{Reach: res.Entries, Summary: res.Summary, Sweep: res.Sweep, Method: res.Assumptions,
		Trajectories: res.Trajectories, Engagements: res.Engagements, SpeedBand: res.SpeedBand, Cost: res.Cost}
	r := &Result{Kind: "battlespace", Results: out}
	r.Headline = battlespaceHeadline(s, req, out.Summary, out.Reach, out.SpeedBand)
	r.Scene = battlespaceScene(s, req, res)
	r.Sections = battlespaceSections(req, out, r.Scene)
	for _, f := range req.Families {
		r.Systems = addSystem(r.Systems, f.Missile)
	}
	r.Systems = addSystem(r.Systems, req.Interceptors...)
	for _, st := range req.Sites {
		r.Systems = addSystem(r.Systems, st.Radar)
	}
	r.Events = [][]string{{"interceptor", "site", "trajectory", "cueing", "fire_control_cue", "cue_s", "decision_s", "engageable", "reason",
		"first_launch_s", "last_launch_s", "first_intercept_s", "last_intercept_s", "min_intercept_alt_km", "max_intercept_alt_km", "required_burnout_speed_kms",
		"warning_s", "firm_track_s", "ballistic_track_s", "predicted_miss_sigma_m", "homing_reach_m"}}
	for _, e := range res.Engagements {
		r.Events = append(r.Events, []string{e.Interceptor, e.Site, e.Trajectory, e.Cueing, strconv.FormatBool(e.FireControlCue), fmtPtr(e.CueS, 1), fmtPtr(e.DecisionS, 1),
			strconv.FormatBool(e.Engageable), e.Reason, fmtPtr(e.FirstLaunchS, 1), fmtPtr(e.LastLaunchS, 1), fmtPtr(e.FirstInterceptS, 1),
			fmtPtr(e.LastInterceptS, 1), fmtPtr(e.MinInterceptAltKm, 1), fmtPtr(e.MaxInterceptAltKm, 1), fmtPtr(e.RequiredBurnoutSpeedKms, 2),
			fmtPtr(e.WarningS, 1), fmtPtr(e.FirmTrackS, 1), fmtPtr(e.BallisticTrackS, 1), fmtPtr(e.PredictedMissSigmaM, 0), fmtPtr(e.HomingReachM, 0)})
	}
	return r, nil
}

// battlespaceHeadline: the value is the best engageable fraction under a
// realisable sensor chain (a fire-control cue), never under a bound. The
// answer names the best chain for each interceptor, then the bounds that
// no sensor chain attains (the launch instant, a space-based launch report
// without a track), how the answer moves across each interceptor's
// catalog burnout-speed band, and, per family, the lowest burnout speed
// that engages all of it.
func battlespaceHeadline(s *scenario.Scenario, req analysis.SweepRequest, sum, fams []analysis.SweepEntry, band []analysis.SpeedBandRow) Headline {
	h := Headline{Question: s.Question, Unit: "fraction of trajectories engageable (best interceptor, site and sensor chain)"}
	best := func(ic string, keep func(analysis.SweepEntry) bool) *analysis.SweepEntry {
		var b *analysis.SweepEntry
		for i, e := range sum {
			if keep(e) && e.Interceptor == canonical(ic) && (b == nil || e.EngageableFraction > b.EngageableFraction) {
				b = &sum[i]
			}
		}
		return b
	}
	chain := func(e analysis.SweepEntry) bool { return e.FireControlCue }
	var parts, flyouts, chains []string
	for _, ic := range req.Interceptors {
		b := best(ic, chain)
		if b == nil {
			continue
		}
		flyouts = append(flyouts, fmt.Sprintf("%s %.2f", b.Interceptor, b.FlyoutBurnoutSpeedKms))
		if b.Engageable == 0 {
			parts = append(parts, fmt.Sprintf("%s none", b.Interceptor))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s (from %s, chain %s)", b.Interceptor, pct(b.EngageableFraction), b.Site, b.Cueing))
		h.Value = math.Max(h.Value, b.EngageableFraction)
	}
	for _, c := range req.Cueings {
		if c.FireControl() && !slices.Contains(chains, c.Label()) {
			chains = append(chains, c.Label())
		}
	}
	n := 0
	if len(sum) > 0 {
		n = sum[0].Trajectories
	}
	// "ICBM" only when every family's missile is one: the same analysis
	// runs for a Sejjil-2 flown with POST /api/fly and battle_space.
	what := "ICBM trajectories"
	for _, f := range req.Families {
		if e, err := catalog.Lookup(f.Missile); err != nil || !e.HasTag("icbm") {
			what = "trajectories"
		}
	}
	if n == 1 {
		what = strings.TrimSuffix(what, "ies") + "y"
	}
	if len(chains) == 0 {
		h.Answer = fmt.Sprintf("Of %d %s: the scenario has no sensor chain, only bounds.", n, what)
	} else {
		h.Answer = fmt.Sprintf("Of %d %s, each interceptor can engage under the best sensor chain of the scenario (%s): %s.",
			n, what, strings.Join(chains, "; "), strings.Join(parts, "; "))
	}
	// The bounds no sensor chain attains.
	var bounds []string
	for _, kind := range []analysis.CueKind{analysis.CueLaunch, analysis.CueSpace} {
		var bp []string
		label := ""
		for _, ic := range req.Interceptors {
			b := best(ic, func(e analysis.SweepEntry) bool {
				return slices.ContainsFunc(req.Cueings, func(c analysis.Cueing) bool { return c.Kind == kind && c.Label() == e.Cueing })
			})
			if b == nil {
				continue
			}
			label = map[analysis.CueKind]string{analysis.CueLaunch: "launch instant", analysis.CueSpace: "space report without a track"}[kind]
			bp = append(bp, fmt.Sprintf("%s %s", b.Interceptor, pct(b.EngageableFraction)))
		}
		if len(bp) > 0 {
			bounds = append(bounds, fmt.Sprintf("%s: %s", label, strings.Join(bp, ", ")))
		}
	}
	if len(bounds) > 0 {
		h.Answer += " Bounds that no sensor chain attains: " + strings.Join(bounds, "; ") + "."
	}
	if b := battlespaceBandSentence(req, band); b != "" {
		h.Answer += " " + b
	}
	// Per family: the lowest required speed over sites and sensor chains,
	// or, where no chain gives one, over the space-report bound.
	if r := battlespaceRequiredSentence(req, fams, chain, "sensor chain"); r != "" {
		h.Answer += " " + r
	} else if r := battlespaceRequiredSentence(req, fams, func(e analysis.SweepEntry) bool {
		return slices.ContainsFunc(req.Cueings, func(c analysis.Cueing) bool { return c.Kind == analysis.CueSpace && c.Label() == e.Cueing })
	}, "space-report bound (no sensor chain engages every trajectory of a family within the sweep)"); r != "" {
		h.Answer += " " + r
	}
	if len(flyouts) > 0 {
		h.Answer += " The modelled flyouts burn out at " + strings.Join(flyouts, ", ") + " km/s."
	}
	return h
}

// battlespaceBandSentence says how each interceptor's best engageable
// fraction, under the best sensor chain and under the space-report bound,
// moves across its catalog burnout-speed band.
func battlespaceBandSentence(req analysis.SweepRequest, band []analysis.SpeedBandRow) string {
	isSpace := func(label string) bool {
		return slices.ContainsFunc(req.Cueings, func(c analysis.Cueing) bool { return c.Kind == analysis.CueSpace && c.Label() == label })
	}
	// series returns, for one interceptor, the best fraction at each
	// point over the rows that keep accepts, and the points' speeds.
	series := func(name string, keep func(analysis.SpeedBandRow) bool) (frac, kms []float64, ok bool) {
		for _, r := range band {
			if r.Interceptor != name || !keep(r) {
				continue
			}
			if frac == nil {
				frac, kms = make([]float64, len(r.Points)), make([]float64, len(r.Points))
			}
			for i, p := range r.Points {
				if i < len(frac) {
					frac[i], kms[i] = math.Max(frac[i], p.EngageableFraction), p.BurnoutSpeedKms
				}
			}
			ok = true
		}
		return frac, kms, ok
	}
	say := func(name string, frac, kms []float64) string {
		if len(frac) < 2 {
			return ""
		}
		var f, v []string
		for i := 1; i < len(frac); i++ {
			f = append(f, strconv.FormatFloat(100*frac[i], 'f', 0, 64))
			v = append(v, fmt.Sprintf("%.2f", kms[i]))
		}
		return fmt.Sprintf("%s %s (flown, %.2f km/s), %s %% at %s km/s", name, pct(frac[0]), kms[0], strings.Join(f, "/"), strings.Join(v, "/"))
	}
	var chain, space []string
	chainZero := true
	for _, ic := range req.Interceptors {
		name := canonical(ic)
		if frac, kms, ok := series(name, func(r analysis.SpeedBandRow) bool { return r.FireControlCue }); ok {
			chain = append(chain, say(name, frac, kms))
			for _, f := range frac {
				chainZero = chainZero && f == 0
			}
		}
		if frac, kms, ok := series(name, func(r analysis.SpeedBandRow) bool { return isSpace(r.Cueing) }); ok {
			space = append(space, say(name, frac, kms))
		}
	}
	var out []string
	switch {
	case len(chain) > 0 && chainZero:
		out = append(out, "Across each interceptor's catalog burnout-speed band (low/central/high) every sensor chain stays at 0 %")
	case len(chain) > 0:
		out = append(out, "Across each interceptor's catalog burnout-speed band (low/central/high), under the best sensor chain: "+strings.Join(chain, "; "))
	}
	if len(space) > 0 {
		out = append(out, "under the space-report bound: "+strings.Join(space, "; "))
	}
	if len(out) == 0 {
		return ""
	}
	o := strings.Join(out, "; ")
	return strings.ToUpper(o[:1]) + o[1:] + "."
}

// battlespaceRequiredSentence gives the range, over families, of the
// lowest burnout speed that engages every trajectory of a family with the
// best site and a cueing that keep accepts; "" when none has one.
func battlespaceRequiredSentence(req analysis.SweepRequest, fams []analysis.SweepEntry, keep func(analysis.SweepEntry) bool, what string) string {
	type famBest struct {
		name string
		v    float64
	}
	var order []string
	best := map[string]float64{}
	for _, e := range fams {
		key := e.LaunchSite + " → " + e.Aim
		if _, ok := best[key]; !ok {
			order = append(order, key)
			best[key] = math.Inf(1)
		}
		if keep(e) && e.RequiredBurnoutSpeedKms != nil {
			best[key] = math.Min(best[key], *e.RequiredBurnoutSpeedKms)
		}
	}
	lo, hi := famBest{v: math.Inf(1)}, famBest{v: math.Inf(-1)}
	none := 0
	for _, k := range order {
		v := best[k]
		if math.IsInf(v, 1) {
			none++
			continue
		}
		if v < lo.v {
			lo = famBest{k, v}
		}
		if v > hi.v {
			hi = famBest{k, v}
		}
	}
	if math.IsInf(lo.v, 1) {
		return ""
	}
	lim := "catalog range and altitude limits lifted"
	if req.Sweep.KeepLimits {
		lim = "catalog range and altitude limits kept"
	}
	out := fmt.Sprintf("To engage every trajectory of a family with the best site under the %s takes, in the burnout-speed sweep's idealised flyout (constant thrust, no drag, %s; it reaches farther than the flown interceptors), a burnout speed from %.2f km/s (%s) to %.2f km/s (%s)", what, lim, lo.v, lo.name, hi.v, hi.name)
	if none > 0 {
		verb := "need"
		if none == 1 {
			verb = "needs"
		}
		out += fmt.Sprintf("; %d of %d families %s more than the sweep's maximum", none, len(order), verb)
	}
	return out + "."
}

// cueKind names the kind of a cue for a table: "sensor chain" or "bound".
func cueKind(fireControl bool) string {
	if fireControl {
		return "sensor chain"
	}
	return "bound"
}

// canonical returns the catalog name of a system, or name.
func canonical(name string) string {
	if e, err := catalog.Lookup(name); err == nil {
		return e.Name
	}
	return name
}

func battlespaceScene(s *scenario.Scenario, req analysis.SweepRequest, res *analysis.SweepResult) *scene.Scene {
	sc := newScene(s)
	for _, st := range req.Sites {
		l, _, err := st.At.Resolve()
		if err == nil {
			addSite(sc, scene.Site{Name: l.Label(), Kind: scene.SiteDefense, LatDeg: l.LatDeg, LonDeg: l.LonDeg, AltM: l.AltM, Note: st.Radar + ", " + strings.Join(req.Interceptors, ", ")})
		}
	}
	for _, tj := range res.Trajectories {
		addSite(sc, scene.Site{Name: tj.LaunchSite, Kind: scene.SiteLaunch, LatDeg: tj.LaunchLatDeg, LonDeg: tj.LaunchLonDeg})
		if l, _, err := (analysis.Location{Place: tj.Aim}).Resolve(); err == nil {
			addSite(sc, scene.Site{Name: tj.Aim, Kind: scene.SiteAim, LatDeg: l.LatDeg, LonDeg: l.LonDeg})
		}
		sc.Tracks = append(sc.Tracks, trajectoryTrack(&tj, 20))
	}
	byName := map[string]*analysis.Trajectory{}
	for i := range res.Trajectories {
		byName[res.Trajectories[i].Name] = &res.Trajectories[i]
	}
	// The earliest possible intercept of each engageable case.
	for _, e := range res.Engagements {
		if !e.Engageable || e.FirstInterceptS == nil {
			continue
		}
		tj := byName[e.Trajectory]
		if tj == nil {
			continue
		}
		if p, ok := tj.Position(*e.FirstInterceptS); ok {
			sc.Intercepts = append(sc.Intercepts, scene.Intercept{Threat: e.Trajectory, Interceptor: e.Interceptor + " (" + e.Cueing + ")", Site: e.Site,
				T: *e.FirstInterceptS, LatDeg: p.LatDeg(), LonDeg: p.LonDeg(), AltM: p.Alt, Outcome: scene.OutcomeEngageable})
		}
	}
	return sc
}

func battlespaceSections(req analysis.SweepRequest, out BattlespaceResults, sc *scene.Scene) []report.Section {
	sum := report.Table{Caption: "Engageable fraction and required burnout speed, over all trajectories", Columns: []report.Column{
		{Heading: "interceptor"}, {Heading: "site"}, {Heading: "cueing"}, {Heading: "cue"}, {Heading: "engageable", Numeric: true},
		{Heading: "required burnout speed", Unit: "km/s", Numeric: true}, {Heading: "own flyout burnout speed", Unit: "km/s", Numeric: true}}}
	for _, e := range out.Summary {
		sum.Rows = append(sum.Rows, []string{e.Interceptor, e.Site, e.Cueing, cueKind(e.FireControlCue), fmt.Sprintf("%d of %d (%s)", e.Engageable, e.Trajectories, pct(e.EngageableFraction)),
			fmtPtr(e.RequiredBurnoutSpeedKms, 2), fmtF(e.FlyoutBurnoutSpeedKms, 2)})
	}
	sum.Notes = []string{"Required burnout speed: the lowest at which every trajectory is engageable with the same decision time; – where no speed up to the sweep's maximum does.",
		"Cue: a sensor chain commits on a radar track that predicts the intercept point within the kill vehicle's divert; a bound (the launch instant, a perfect track at burnout, a space-based launch report without a track) is attained by no sensor chain."}
	speed := report.Table{Caption: "Engageable fraction across each interceptor's catalog burnout-speed band", Columns: []report.Column{
		{Heading: "interceptor"}, {Heading: "site"}, {Heading: "cueing"}, {Heading: "cue"}}}
	if len(out.SpeedBand) > 0 {
		for _, p := range out.SpeedBand[0].Points {
			speed.Columns = append(speed.Columns, report.Column{Heading: p.Point, Numeric: true})
		}
	}
	for _, r := range out.SpeedBand {
		row := []string{r.Interceptor, r.Site, r.Cueing, cueKind(r.FireControlCue)}
		for _, p := range r.Points {
			cell := fmt.Sprintf("%s at %.2f km/s", pct(p.EngageableFraction), p.BurnoutSpeedKms)
			if p.SweepModelFraction != nil {
				cell += fmt.Sprintf(" (sweep model %s)", pct(*p.SweepModelFraction))
			}
			row = append(row, cell)
		}
		if len(row) == len(speed.Columns) {
			speed.Rows = append(speed.Rows, row)
		}
	}
	speed.Notes = []string{"flown: the catalog interceptor's own flyout; catalog low, central, high: the interceptor built from the catalog at that pick (burnout speed, burn time, stages, masses and limits), flown the same way; the column at the scenario's pick is the flown interceptor.",
		"sweep model: the engageable fraction, at the same burnout speed, of the burnout-speed sweep's idealised flyout (constant thrust, no drag, catalog range and altitude limits lifted unless kept), the model of the required burnout speeds; it reaches farther than the flown interceptor at the same speed."}
	bars := report.BarChart{Caption: "Engageable fraction of the trajectories, by interceptor, site and cueing", X: report.Axis{Label: "engageable", Unit: "%"}}
	var cats []string
	for _, e := range out.Summary {
		c := e.Site + ", " + e.Cueing
		if !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
	}
	bars.Categories = cats
	for _, ic := range req.Interceptors {
		ser := report.BarSeries{Name: canonical(ic), Values: make([]float64, len(cats))}
		for _, e := range out.Summary {
			if e.Interceptor == canonical(ic) {
				ser.Values[slices.Index(cats, e.Site+", "+e.Cueing)] = 100 * e.EngageableFraction
			}
		}
		bars.Series = append(bars.Series, ser)
	}
	fam := report.Table{Caption: "By family (launch site → aim)", Columns: []report.Column{
		{Heading: "interceptor"}, {Heading: "site"}, {Heading: "family"}, {Heading: "cueing"}, {Heading: "engageable", Numeric: true},
		{Heading: "required", Unit: "km/s", Numeric: true}}}
	for _, e := range out.Reach {
		fam.Rows = append(fam.Rows, []string{e.Interceptor, e.Site, e.LaunchSite + " → " + e.Aim, e.Cueing, fmt.Sprintf("%d of %d", e.Engageable, e.Trajectories), fmtPtr(e.RequiredBurnoutSpeedKms, 2)})
	}
	geom := report.SceneSection("Trajectories and earliest engageable intercept points (feasible; no kill is modelled)", sc)
	return []report.Section{
		{Heading: "Engageability", Text: out.Method, Blocks: []report.Block{sum, bars, speed}},
		geom,
		{Heading: "Families", Blocks: []report.Block{fam}},
	}
}
