package study

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/strict"
)

// EngagedFrom names the battle-space result that a salvo case takes its
// p_engaged from: the engageable share of the trajectories of an embedded
// battlespace scenario (question 2's redzikowo-icbm) for one interceptor,
// site and cueing kind. The salvo run computes it by running that
// analysis for that row alone (the required-speed sweep off, which does
// not change the engageable share), so the number is never typed in.
type EngagedFrom struct {
	Scenario    string `json:"scenario"`    // an embedded scenario of kind battlespace
	Interceptor string `json:"interceptor"` // one of its interceptors
	Site        string `json:"site"`        // the place of one of its sites
	Cueing      string `json:"cueing"`      // the kind of one of its cueings (launch, burnout, space, …)
}

// request returns the battle-space request of e's row: the scenario's
// analysis cut down to e's interceptor, site and cueing, with the
// required-speed sweep off. The problems are reported under path.
func (e EngagedFrom) request(path string) (analysis.SweepRequest, error) {
	bad := func(field, format string, a ...any) (analysis.SweepRequest, error) {
		return analysis.SweepRequest{}, strict.Fieldf(path+"."+field, format, a...)
	}
	s, err := scenario.Load(e.Scenario)
	if err != nil || s.Library == "" || s.Analysis == nil || s.Analysis.Kind != "battlespace" {
		return bad("scenario", "%q is not an embedded battlespace scenario; allowed: %s", e.Scenario, strings.Join(battlespaceScenarios(), ", "))
	}
	st, err := Decode(s)
	if err != nil {
		return analysis.SweepRequest{}, err
	}
	req := analysis.SweepRequest(*st.(*Battlespace))
	var (
		ics, sites, cues []string
		out              = req
	)
	out.Interceptors, out.Sites, out.Cueings = nil, nil, nil
	// Interceptors are matched as catalog names are (case, spaces,
	// hyphens and aliases: "SM-3 Block IIA" is "SM-3 IIA").
	want := e.Interceptor
	if c, err := catalog.Lookup(e.Interceptor); err == nil {
		want = c.Name
	}
	for _, ic := range req.Interceptors {
		ics = append(ics, ic)
		name := ic
		if c, err := catalog.Lookup(ic); err == nil {
			name = c.Name
		}
		if strings.EqualFold(name, want) {
			out.Interceptors = append(out.Interceptors, ic)
		}
	}
	for _, site := range req.Sites {
		sites = append(sites, site.At.Place)
		if site.At.Place != "" && strings.EqualFold(site.At.Place, e.Site) {
			out.Sites = append(out.Sites, site)
		}
	}
	for _, c := range req.Cueings {
		cues = append(cues, string(c.Kind))
		if strings.EqualFold(string(c.Kind), e.Cueing) {
			out.Cueings = append(out.Cueings, c)
		}
	}
	switch {
	case len(out.Interceptors) != 1:
		return bad("interceptor", "%q is not an interceptor of %s; allowed: %s", e.Interceptor, e.Scenario, strings.Join(ics, ", "))
	case len(out.Sites) != 1:
		return bad("site", "%q is not a site of %s; allowed: %s", e.Site, e.Scenario, strings.Join(sites, ", "))
	case len(out.Cueings) != 1:
		return bad("cueing", "%q names %d cueings of %s; allowed: a kind that occurs once among %s", e.Cueing, len(out.Cueings), e.Scenario, strings.Join(cues, ", "))
	}
	out.Sweep.Off = true
	return out, nil
}

// battlespaceScenarios lists the embedded scenarios of kind battlespace.
func battlespaceScenarios() []string {
	var out []string
	for _, s := range scenario.Library() {
		if s.Analysis != nil && s.Analysis.Kind == "battlespace" {
			out = append(out, s.Library)
		}
	}
	return out
}

// engagedShare runs e's battle-space row and returns its engageable share,
// a sentence saying where it comes from, and whether the row is a bound
// (a cue that no sensor chain attains) rather than a sensor chain.
func engagedShare(e EngagedFrom, path string, o Options) (float64, string, bool, error) {
	req, err := e.request(path)
	if err != nil {
		return 0, "", false, err
	}
	res, err := analysis.BattleSpaceSweep(req, o.Sim.Physics())
	if err != nil {
		return 0, "", false, err
	}
	if len(res.Summary) != 1 {
		return 0, "", false, errors.New(path + ": the battle-space row gave no single summary")
	}
	row := res.Summary[0]
	kind := "a sensor chain"
	if !row.FireControlCue {
		kind = "a bound that no sensor chain attains"
	}
	src := fmt.Sprintf("rampart run %s (computed by this run): %s from %s, %s, %s; engageable share of the ICBM trajectories %d of %d (%s)",
		e.Scenario, row.Interceptor, row.Site, row.Cueing, kind, row.Engageable, row.Trajectories, pct(row.EngageableFraction))
	return row.EngageableFraction, src, !row.FireControlCue, nil
}
