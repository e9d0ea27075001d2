package study

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/strict"
)

// This file is the rotation analysis's raid: the scenario's threats run
// through the engine once for each distinct set of ready batteries, and
// each phase of the year reports the run of its set.

// validateBatteries checks the battery fields of the deployments: with a
// raid each needs a catalog interceptor (system), rounds, a catalog radar
// and an owner declared in the scenario's owners; without one the fields
// have no effect and are refused. It also refuses what a rotation cannot
// use: top-level sites, and assets given twice.
func (r *Rotation) validateBatteries() []error {
	var errs []error
	bad := func(path, format string, a ...any) { errs = append(errs, strict.Fieldf(path, format, a...)) }
	s := r.scenario
	if s == nil {
		return nil
	}
	raid := hasRaid(s)
	if len(s.Sites) > 0 {
		errs = append(errs, fmt.Errorf("the scenario's top-level sites (%d) stand in no phase: a rotation's batteries are its deployments; remove sites, or give each as a deployment covering the year", len(s.Sites)))
	}
	switch {
	case len(r.Assets) > 0 && len(s.Assets) > 0:
		bad("assets", "the scenario also has top-level assets; give the assets once, in the top-level assets list (with their values), which the coverage and the raid both use")
	case len(r.Assets) > 0 && raid:
		bad("assets", "with a raid (top-level threats) the assets are the top-level assets list, whose values the engine weighs; move them there, each with a value")
	}
	var owners []string
	for _, o := range s.Owners {
		owners = append(owners, o.Name)
	}
	for i, d := range r.Deployments {
		path := fmt.Sprintf("deployments[%d]", i)
		if !raid {
			for _, f := range []struct {
				name string
				set  bool
			}{{"rounds", d.Rounds != 0}, {"radar", d.Radar != ""}, {"azimuth_deg", d.AzimuthDeg != nil}} {
				if f.set {
					bad(path+"."+f.name, "applies only with a raid: the battery meets the scenario's top-level threats, and there are none; add threats or remove %s", f.name)
				}
			}
			continue
		}
		switch {
		case d.System == "":
			bad(path+".system", "missing; a battery that meets the raid needs a catalog interceptor (e.g. PAC-3 MSE); radius_km alone draws a circle but arms no launcher")
		default:
			if e, err := catalog.Lookup(d.System); err == nil && e.Kind != catalog.KindInterceptor {
				bad(path+".system", "%s is %s, not an interceptor", e.Name, e.Kind.A())
			}
		}
		if d.Rounds < 1 || d.Rounds > scenario.MaxRounds {
			bad(path+".rounds", "%d is out of range; allowed: 1 to %d interceptors loaded (the battery's magazine)", d.Rounds, scenario.MaxRounds)
		}
		if d.Radar == "" {
			bad(path+".radar", "missing; a battery that meets the raid needs a catalog radar (e.g. AN/MPQ-65)")
		} else if e, err := catalog.Lookup(d.Radar); err != nil {
			bad(path+".radar", "%v", err)
		} else if e.Kind != catalog.KindRadar {
			bad(path+".radar", "%s is %s, not a radar", e.Name, e.Kind.A())
		}
		if d.AzimuthDeg != nil && !(*d.AzimuthDeg >= 0 && *d.AzimuthDeg < 360) {
			bad(path+".azimuth_deg", "%g is out of range; allowed: 0 to less than 360 degrees", *d.AzimuthDeg)
		}
		if !slices.Contains(owners, d.Owner) {
			allowed := "none declared (add owners)"
			if len(owners) > 0 {
				allowed = strings.Join(owners, ", ")
			}
			bad(path+".owner", "%q is not a declared owner; a battery that meets the raid fires under its owner's doctrine; allowed: %s", d.Owner, allowed)
		}
	}
	return errs
}

// batterySites are the engine sites of the deployments ready: one site
// each, with one platform of one radar and one launcher.
func (r *Rotation) batterySites(ready []int) []scenario.Site {
	sites := []scenario.Site{}
	for _, i := range ready {
		d := r.Deployments[i]
		name := d.Unit
		if slices.ContainsFunc(r.Deployments, func(o RotationBattery) bool { return o.Unit == d.Unit && o != d }) {
			name = fmt.Sprintf("%s (deployment %d)", d.Unit, i+1) // a unit that deploys twice
		}
		sites = append(sites, scenario.Site{Name: name, Owner: d.Owner, Point: scenario.Point{LatDeg: d.LatDeg, LonDeg: d.LonDeg},
			Platforms: []scenario.Platform{{Name: name, Parts: []scenario.Part{
				{Kind: scenario.Radar, Type: d.Radar, AzimuthDeg: d.AzimuthDeg},
				{Kind: scenario.Launcher, Interceptor: d.System, Rounds: d.Rounds},
			}}}})
	}
	return sites
}

// RotationPhaseJSON is one phase of the year and the raid run of its
// ready set (RotationResults.Raids[Run]; phases with the same ready
// batteries share a run).
type RotationPhaseJSON struct {
	analysis.RotationPhase
	Run int `json:"run"`
}

// rotationRaids runs the raid once per distinct ready set of the phases,
// in order of first appearance, run k on stream raidSeed(o.Seed, k).
func (r *Rotation) rotationRaids(s *scenario.Scenario, plan analysis.RotationPlan, o Options) ([]RotationPhaseJSON, []*raidRun, error) {
	phases, err := analysis.RotationPhases(plan)
	if err != nil {
		return nil, nil, err
	}
	if plan.Pick != "" {
		// The analysis section's own pick sets the batteries' catalog
		// values in the raid as it sets their circles.
		if o.Sim.DefensePick, err = catalog.ParsePick(plan.Pick); err != nil {
			return nil, nil, err
		}
	}
	var sets [][]int
	var runs []*raidRun
	out := []RotationPhaseJSON{}
	for _, ph := range phases {
		k := slices.IndexFunc(sets, func(x []int) bool { return slices.Equal(x, ph.Ready) })
		if k < 0 {
			k = len(sets)
			label := "phase " + strconv.Itoa(len(out)+1)
			run, err := runRaid(s, r.batterySites(ph.Ready), o, raidSeed(o.Seed, k), label)
			if err != nil {
				return nil, nil, err
			}
			sets, runs = append(sets, ph.Ready), append(runs, run)
		}
		out = append(out, RotationPhaseJSON{RotationPhase: ph, Run: k})
	}
	return out, runs, nil
}

// phaseDates writes a phase as "1 Sep–5 Sep" (the end exclusive: the
// phase ends as that day begins), with the year when it is not the
// plan's.
func phaseDates(ph analysis.RotationPhase, year int) string {
	f := func(t time.Time) string {
		if t.Year() != year {
			return t.Format("2 Jan 2006")
		}
		if t.Hour() != 0 || t.Minute() != 0 {
			return t.Format("2 Jan 15:04")
		}
		return t.Format("2 Jan")
	}
	return fmt.Sprintf("from %s to %s", f(ph.Start), f(ph.End))
}

// readyWords names a phase's ready batteries.
func readyWords(ph analysis.RotationPhase) string {
	switch len(ph.Units) {
	case 0:
		return "no battery ready"
	case 1:
		return ph.Units[0] + " ready"
	}
	return strings.Join(ph.Units, " and ") + " ready"
}

// raidHeadline answers from the engine: the first asset's P(survive) in
// its best and its worst phase, the worst of every other asset, then the
// coverage. The value is the first asset's P(survive) in its worst phase.
func raidHeadline(s *scenario.Scenario, out RotationResults, coverage Headline) Headline {
	h := Headline{Question: s.Question}
	if len(out.Phases) == 0 || len(out.Raids) == 0 || len(out.Raids[0].Assets) == 0 {
		return coverage
	}
	asset := func(ph RotationPhaseJSON, a int) AssetJSON { return out.Raids[ph.Run].Assets[a] }
	say := func(x AssetJSON) string {
		return fmt.Sprintf("P = %s (95 %% CI %s–%s), %s", roundP(x.PSurvive), roundP(x.CI95[0]), roundP(x.CI95[1]), x.Status.Words())
	}
	best, worst := 0, 0
	for i, ph := range out.Phases {
		if asset(ph, 0).PSurvive > asset(out.Phases[best], 0).PSurvive {
			best = i
		}
		// Ties go to the handover gap, then to the earlier phase.
		if w := asset(out.Phases[worst], 0).PSurvive; asset(ph, 0).PSurvive < w || asset(ph, 0).PSurvive == w && ph.Handover && !out.Phases[worst].Handover {
			worst = i
		}
	}
	name := out.Raids[0].Assets[0].Name
	bp, wp := out.Phases[best], out.Phases[worst]
	trials := out.Raids[0].Trials
	var b strings.Builder
	fmt.Fprintf(&b, "Over %s trials of the raid in each phase of %d, %s survives with %s in phase %d (%s, %s)",
		commaInt(trials), out.Year, name, say(asset(bp, 0)), best+1, phaseDates(bp.RotationPhase, out.Year), readyWords(bp.RotationPhase))
	var alike []string
	for i, ph := range out.Phases {
		if x := asset(ph, 0); i != best && i != worst && x.PSurvive >= asset(bp, 0).CI95[0] && x.PSurvive <= asset(bp, 0).CI95[1] {
			alike = append(alike, strconv.Itoa(i+1))
		}
	}
	switch n := len(alike); {
	case n == 1:
		fmt.Fprintf(&b, " (phase %s lies within that 95 %% interval)", alike[0])
	case n > 1:
		fmt.Fprintf(&b, " (phases %s and %s lie within that 95 %% interval)", strings.Join(alike[:n-1], ", "), alike[n-1])
	}
	if worst != best {
		what := "its worst phase"
		if wp.Handover {
			what = "the handover gap"
		}
		fmt.Fprintf(&b, "; in %s, phase %d (%s, %.1f days, %s), %s", what, worst+1, phaseDates(wp.RotationPhase, out.Year), wp.LengthDays, readyWords(wp.RotationPhase), say(asset(wp, 0)))
	} else {
		b.WriteString(", as in every phase")
	}
	b.WriteString(".")
	var others, never []string
	for a := 1; a < len(out.Raids[0].Assets); a++ {
		lo, hi := 0, 0
		engaged := false
		for i, ph := range out.Phases {
			if asset(ph, a).PSurvive < asset(out.Phases[lo], a).PSurvive {
				lo = i
			}
			if asset(ph, a).PSurvive > asset(out.Phases[hi], a).PSurvive {
				hi = i
			}
			engaged = engaged || asset(ph, a).Status == AssetDefended
		}
		x, y := asset(out.Phases[lo], a), asset(out.Phases[hi], a)
		switch {
		case !engaged && x.Status == AssetNotEngaged && x.PSurvive == y.PSurvive:
			never = append(never, fmt.Sprintf("%s (P = %s)", x.Name, roundP(x.PSurvive)))
		case x.PSurvive == y.PSurvive:
			others = append(others, fmt.Sprintf("%s %s in every phase", x.Name, say(x)))
		default:
			others = append(others, fmt.Sprintf("%s from %s (phase %d) to %s (phase %d)", x.Name, say(x), lo+1, say(y), hi+1))
		}
	}
	if len(never) > 0 {
		others = append(others, "attacked and not engaged in any phase: "+strings.Join(never, ", "))
	}
	if len(others) > 0 {
		fmt.Fprintf(&b, " Other assets: %s.", strings.Join(others, "; "))
	}
	if len(out.Raids) < len(out.Phases) {
		fmt.Fprintf(&b, " %d phases, %d runs (phases with the same ready batteries share one).", len(out.Phases), len(out.Raids))
	}
	b.WriteString(" Coverage by defended circles: ")
	b.WriteString(coverage.Answer)
	h.Answer = b.String()
	h.Value = asset(wp, 0).PSurvive
	h.Unit = fmt.Sprintf("P(%s survives the raid) in its worst phase", name)
	return h
}

// raidSection is the report's section of the raid: each phase, its
// batteries and each asset's P(survive), and a chart of them.
func raidSection(s *scenario.Scenario, out RotationResults) report.Section {
	t := report.Table{Caption: "The raid in each phase of the year (P(survive) with its 95 % Wilson score interval, and the asset's status: defended where a missile in reach was aimed at it and engaged)",
		Columns: []report.Column{{Heading: "phase", Numeric: true}, {Heading: "dates"}, {Heading: "days", Numeric: true}, {Heading: "ready batteries"}, {Heading: "run", Numeric: true}}}
	bars := report.BarChart{Caption: "Probability that each asset survives the raid, by phase", X: report.Axis{Label: "P(survive)", Min: 0, Max: 1}}
	for _, a := range out.Raids[0].Assets {
		t.Columns = append(t.Columns, report.Column{Heading: a.Name, Numeric: true})
		bars.Categories = append(bars.Categories, a.Name)
	}
	for i, ph := range out.Phases {
		ready := strings.Join(ph.Units, ", ")
		if ready == "" {
			ready = "none"
		}
		if ph.Handover {
			ready += " (handover gap)"
		}
		row := []string{strconv.Itoa(i + 1), phaseDates(ph.RotationPhase, out.Year), fmtF(ph.LengthDays, 1), ready, strconv.Itoa(ph.Run + 1)}
		ser := report.BarSeries{Name: fmt.Sprintf("phase %d", i+1)}
		for _, a := range out.Raids[ph.Run].Assets {
			row = append(row, fmt.Sprintf("%.2f (%.2f–%.2f) %s", a.PSurvive, a.CI95[0], a.CI95[1], a.Status.Words()))
			ser.Values = append(ser.Values, a.PSurvive)
		}
		t.Rows = append(t.Rows, row)
		bars.Series = append(bars.Series, ser)
	}
	runs := report.Table{Caption: "Engine runs (one per distinct set of ready batteries; means per raid)", Columns: []report.Column{{Heading: "run", Numeric: true},
		{Heading: "seed", Numeric: true}, {Heading: "defenses"}, {Heading: "interceptors", Numeric: true}, {Heading: "leakers", Numeric: true}}}
	for k, rd := range out.Raids {
		runs.Rows = append(runs.Rows, []string{strconv.Itoa(k + 1), strconv.FormatInt(rd.Seed, 10), strings.Join(rd.Defenses, "; "), fmtF(rd.Totals.InterceptorsMean, 2), fmtF(rd.Totals.LeakersMean, 2)})
	}
	var names []string
	for _, th := range s.Threats {
		names = append(names, fmt.Sprintf("%d × %s (%s)", th.Count, th.Missile, th.Name))
	}
	text := []string{fmt.Sprintf("The raid, the same in every phase: %s. Each phase is an interval in which the same batteries are ready; %d trials a run.", strings.Join(names, ", "), out.Raids[0].Trials)}
	return report.Section{Heading: "The raid in each phase", Text: text, Blocks: []report.Block{t, bars, runs}}
}
