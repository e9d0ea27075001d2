package study

import (
	"fmt"
	"math"
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
	Cost         analysis.SweepCost         `json:"cost"`
}

// Run sweeps the battle space.
func (b *Battlespace) Run(s *scenario.Scenario, o Options) (*Result, error) {
	req := analysis.SweepRequest(*b)
	if req.Pick == "" {
		req.Pick = o.Sim.DefensePick.String() // checkPicks: the threat pick is the same
	}
	res, err := analysis.BattleSpaceSweep(req, o.Sim.Physics())
	if err != nil {
		return nil, err
	}
	out := BattlespaceResults{Reach: res.Entries, Summary: res.Summary, Sweep: res.Sweep, Method: res.Assumptions,
		Trajectories: res.Trajectories, Engagements: res.Engagements, Cost: res.Cost}
	r := &Result{Kind: "battlespace", Results: out}
	r.Headline = battlespaceHeadline(s, req, out.Summary, out.Reach)
	r.Scene = battlespaceScene(s, req, res)
	r.Sections = battlespaceSections(req, out, r.Scene)
	for _, f := range req.Families {
		r.Systems = addSystem(r.Systems, f.Missile)
	}
	r.Systems = addSystem(r.Systems, req.Interceptors...)
	for _, st := range req.Sites {
		r.Systems = addSystem(r.Systems, st.Radar)
	}
	r.Events = [][]string{{"interceptor", "site", "trajectory", "cueing", "cue_s", "decision_s", "engageable", "reason",
		"first_launch_s", "last_launch_s", "first_intercept_s", "last_intercept_s", "min_intercept_alt_km", "max_intercept_alt_km", "required_burnout_speed_kms"}}
	for _, e := range res.Engagements {
		r.Events = append(r.Events, []string{e.Interceptor, e.Site, e.Trajectory, e.Cueing, fmtPtr(e.CueS, 1), fmtPtr(e.DecisionS, 1),
			strconv.FormatBool(e.Engageable), e.Reason, fmtPtr(e.FirstLaunchS, 1), fmtPtr(e.LastLaunchS, 1), fmtPtr(e.FirstInterceptS, 1),
			fmtPtr(e.LastInterceptS, 1), fmtPtr(e.MinInterceptAltKm, 1), fmtPtr(e.MaxInterceptAltKm, 1), fmtPtr(e.RequiredBurnoutSpeedKms, 2)})
	}
	return r, nil
}

// battlespaceHeadline: the value is the best engageable fraction under a
// real sensor cue (not the launch-instant bound). The answer gives each
// interceptor's best fraction and, per family, the lowest burnout speed
// that engages all of it with the best real cue and site.
func battlespaceHeadline(s *scenario.Scenario, req analysis.SweepRequest, sum, fams []analysis.SweepEntry) Headline {
	h := Headline{Question: s.Question, Unit: "fraction of trajectories engageable (best interceptor, site and sensor cue)"}
	realCue := func(e analysis.SweepEntry) bool { return e.Cueing != string(analysis.CueLaunch) }
	var parts, flyouts []string
	for _, ic := range req.Interceptors {
		var b *analysis.SweepEntry
		for i, e := range sum {
			if realCue(e) && e.Interceptor == canonical(ic) && (b == nil || e.EngageableFraction > b.EngageableFraction) {
				b = &sum[i]
			}
		}
		if b == nil {
			continue
		}
		flyouts = append(flyouts, fmt.Sprintf("%s %.1f", b.Interceptor, b.FlyoutBurnoutSpeedKms))
		if b.Engageable == 0 {
			parts = append(parts, fmt.Sprintf("%s none", b.Interceptor))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s (from %s, %s cue)", b.Interceptor, pct(b.EngageableFraction), b.Site, b.Cueing))
		h.Value = math.Max(h.Value, b.EngageableFraction)
	}
	n := 0
	if len(sum) > 0 {
		n = sum[0].Trajectories
	}
	h.Answer = fmt.Sprintf("Of %d ICBM trajectories, each interceptor can engage under a real sensor cue: %s.", n, strings.Join(parts, "; "))
	// Per family: the lowest required speed over sites and real cues.
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
		if realCue(e) && e.RequiredBurnoutSpeedKms != nil {
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
	if !math.IsInf(lo.v, 1) {
		h.Answer += fmt.Sprintf(" To engage every trajectory of a family with the best site and real cue takes a burnout speed from %.2f km/s (%s) to %.2f km/s (%s)", lo.v, lo.name, hi.v, hi.name)
		if none > 0 {
			verb := "need"
			if none == 1 {
				verb = "needs"
			}
			h.Answer += fmt.Sprintf("; %d of %d families %s more than the sweep's maximum", none, len(order), verb)
		}
		h.Answer += "."
	}
	if len(flyouts) > 0 {
		h.Answer += " The modelled flyouts burn out at " + strings.Join(flyouts, ", ") + " km/s."
	}
	return h
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
		{Heading: "interceptor"}, {Heading: "site"}, {Heading: "cueing"}, {Heading: "engageable", Numeric: true},
		{Heading: "required burnout speed", Unit: "km/s", Numeric: true}, {Heading: "own flyout burnout speed", Unit: "km/s", Numeric: true}}}
	for _, e := range out.Summary {
		sum.Rows = append(sum.Rows, []string{e.Interceptor, e.Site, e.Cueing, fmt.Sprintf("%d of %d (%s)", e.Engageable, e.Trajectories, pct(e.EngageableFraction)),
			fmtPtr(e.RequiredBurnoutSpeedKms, 2), fmtF(e.FlyoutBurnoutSpeedKms, 2)})
	}
	sum.Notes = []string{"Required burnout speed: the lowest at which every trajectory is engageable with the same decision time; – where no speed up to the sweep's maximum does."}
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
		{Heading: "Engageability", Text: out.Method, Blocks: []report.Block{sum, bars}},
		geom,
		{Heading: "Families", Blocks: []report.Block{fam}},
	}
}
