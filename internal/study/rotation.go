package study

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/strict"
)

// Rotation is the input of the rotation analysis: a deployment schedule
// and the defended assets (analysis.RotationPlan), and the places threats
// come from, which the map shows. With top-level threats (a raid) it also
// runs the raid through the engine in every phase of the year (each
// interval with one set of ready batteries, analysis.RotationPhases),
// against the batteries ready then; the assets are then the scenario's
// top-level assets, whose values the engine weighs.
type Rotation struct {
	analysis.RotationPlan
	// Deployments are the plan's, each with the equipment a raid meets.
	// Declared after the plan, whose deployments field it replaces.
	Deployments   []RotationBattery `json:"deployments"`
	ThreatOrigins []string          `json:"threat_origins,omitempty"` // catalog places

	scenario *scenario.Scenario
}

// RotationBattery is one deployment and, for a raid, its battery: a
// launcher of Rounds interceptors of the deployment's System and one
// Radar facing AzimuthDeg (nil: the mean launch point of the raid).
type RotationBattery struct {
	analysis.RotationDeployment
	Rounds     int      `json:"rounds,omitempty"`
	Radar      string   `json:"radar,omitempty"`       // catalog radar, e.g. AN/MPQ-65
	AzimuthDeg *float64 `json:"azimuth_deg,omitempty"` // boresight, degrees clockwise from true north
}

// plan is the coverage plan: the deployments without their batteries,
// and the analysis section's assets, else the scenario's top-level ones.
func (r *Rotation) plan() analysis.RotationPlan {
	p := r.RotationPlan
	p.Deployments = nil
	for _, d := range r.Deployments {
		p.Deployments = append(p.Deployments, d.RotationDeployment)
	}
	if len(p.Assets) == 0 && r.scenario != nil {
		for _, a := range r.scenario.Assets {
			if pos, err := resolve(a.Point); err == nil {
				p.Assets = append(p.Assets, analysis.RotationAsset{Name: a.Name, LatDeg: pos.LatDeg(), LonDeg: pos.LonDeg()})
			}
		}
	}
	return p
}

// Validate checks the plan, the origins and, with a raid, each battery.
func (r *Rotation) Validate() error {
	var errs []error
	if err := r.plan().Validate(); err != nil {
		errs = append(errs, err)
	}
	for i, p := range r.ThreatOrigins {
		if _, _, err := (analysis.Location{Place: p}).Resolve(); err != nil {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("threat_origins[%d]", i), "%v", err))
		}
	}
	errs = append(errs, r.validateBatteries()...)
	return errors.Join(errs...)
}

// RotationResults is the JSON of a rotation analysis. Slots are left out
// of the JSON (they repeat the intervals day by day).
type RotationResults struct {
	Year       int                                 `json:"year"`
	Resolution string                              `json:"resolution"`
	Assets     []rotationAssetJSON                 `json:"assets"`
	Units      []analysis.RotationUnitAvailability `json:"units"`
	// Phases and Raids are set when the scenario has a raid: every phase
	// of the year and the engine's run of each distinct ready set.
	Phases []RotationPhaseJSON `json:"phases,omitempty"`
	Raids  []RaidJSON          `json:"raids,omitempty"`
}

type rotationAssetJSON struct {
	Asset          string                      `json:"asset"`
	InRangeUnits   []string                    `json:"in_range_units"`
	CoveredDays    float64                     `json:"covered_days"`
	CoveredFrac    float64                     `json:"covered_frac"`
	UncoveredDays  float64                     `json:"uncovered_days"`
	LongestGapDays float64                     `json:"longest_gap_days"`
	Covered        []analysis.RotationInterval `json:"covered"`
	Gaps           []analysis.RotationGap      `json:"gaps"`
}

// Run computes the coverage.
func (r *Rotation) Run(s *scenario.Scenario, o Options) (*Result, error) {
	base := r.plan() // as given: the raid reads the section's own pick only
	plan := base
	if plan.Pick == "" {
		plan.Pick = o.Sim.DefensePick.String() // the interceptors' ranges
	}
	res, err := analysis.RotationCoverage(plan)
	if err != nil {
		return nil, err
	}
	yearDays := res.YearEnd.Sub(res.YearStart).Hours() / 24
	out := RotationResults{Year: res.Year, Resolution: res.Resolution, Units: res.Units}
	for _, a := range res.Assets {
		j := rotationAssetJSON{Asset: a.Asset, InRangeUnits: a.InRangeUnits, CoveredDays: a.CoveredDays, CoveredFrac: a.CoveredFrac,
			UncoveredDays: yearDays - a.CoveredDays, Covered: a.Covered, Gaps: a.Gaps}
		for _, g := range a.Gaps {
			j.LongestGapDays = math.Max(j.LongestGapDays, g.LengthDays)
		}
		out.Assets = append(out.Assets, j)
	}
	var runs []*raidRun
	if hasRaid(s) {
		if out.Phases, runs, err = r.rotationRaids(s, base, o); err != nil {
			return nil, err
		}
		for _, run := range runs {
			out.Raids = append(out.Raids, run.json())
		}
	}
	rs := &Result{Kind: "rotation", Results: out}
	rs.Headline = rotationHeadline(s, out)
	rs.Scene = rotationScene(s, r, plan, res)
	rs.Sections = rotationSections(res, out, rs.Scene)
	for _, d := range plan.Deployments {
		rs.Systems = addSystem(rs.Systems, d.System)
	}
	rs.Events = [][]string{{"asset", "event", "start", "end", "length_days", "kind", "units", "p_survive", "ci95_low", "ci95_high"}}
	if len(runs) > 0 {
		rs.Headline = raidHeadline(s, out, rs.Headline)
		rs.Sections = append([]report.Section{raidSection(s, out)}, rs.Sections...)
		rs.Systems = addSystem(rs.Systems, EngineSystems(runs[0].world)...)
		sc := EngineScene(s, runs[0].world, runs[0].sum)
		rs.Scene.Tracks = append(rs.Scene.Tracks, sc.Tracks...)
		for _, st := range sc.Sites {
			if st.Kind == scene.SiteLaunch {
				addSite(rs.Scene, st)
			}
		}
		for i, ph := range out.Phases {
			for _, a := range out.Raids[ph.Run].Assets {
				rs.Events = append(rs.Events, []string{a.Name, "phase " + strconv.Itoa(i+1), ph.Start.Format(time.RFC3339), ph.End.Format(time.RFC3339), fmtF(ph.LengthDays, 3),
					string(a.Status), strings.Join(ph.Units, ";"), fmtF(a.PSurvive, 4), fmtF(a.CI95[0], 4), fmtF(a.CI95[1], 4)})
			}
		}
	}
	for _, a := range out.Assets {
		for _, c := range a.Covered {
			rs.Events = append(rs.Events, []string{a.Asset, "covered", c.Start.Format(time.RFC3339), c.End.Format(time.RFC3339), fmtF(c.LengthDays, 3), "", strings.Join(c.Units, ";"), "", "", ""})
		}
		for _, g := range a.Gaps {
			rs.Events = append(rs.Events, []string{a.Asset, "gap", g.Start.Format(time.RFC3339), g.End.Format(time.RFC3339), fmtF(g.LengthDays, 3), g.Kind,
				strings.Join(append(append([]string{}, g.BeforeUnits...), g.AfterUnits...), ";"), "", "", ""})
		}
	}
	return rs, nil
}

// rotationHeadline: the value is the days the first asset is uncovered.
func rotationHeadline(s *scenario.Scenario, out RotationResults) Headline {
	h := Headline{Question: s.Question, Unit: fmt.Sprintf("days of %d without coverage", out.Year)}
	var full, part, never []string
	for _, a := range out.Assets {
		switch {
		case a.CoveredFrac >= 1:
			full = append(full, a.Asset)
		case a.CoveredDays == 0:
			never = append(never, a.Asset)
		default:
			part = append(part, fmt.Sprintf("%s %s (%s, longest %.0f days)", a.Asset, pct(a.CoveredFrac), plural(len(a.Gaps), "gap", "gaps"), a.LongestGapDays))
		}
	}
	var b []string
	if len(full) > 0 {
		b = append(b, "covered all year: "+strings.Join(full, ", "))
	}
	if len(part) > 0 {
		b = append(b, "covered part of the year: "+strings.Join(part, "; "))
	}
	if len(never) > 0 {
		b = append(b, "never covered: "+strings.Join(never, ", "))
	}
	h.Answer = fmt.Sprintf("Under this %d rotation, %s.", out.Year, strings.Join(b, "; "))
	if len(out.Assets) > 0 {
		h.Value = out.Assets[0].UncoveredDays
		h.Answer += fmt.Sprintf(" %s is without cover for %.1f days.", out.Assets[0].Asset, out.Assets[0].UncoveredDays)
	}
	return h
}

func rotationScene(s *scenario.Scenario, r *Rotation, plan analysis.RotationPlan, res analysis.RotationResult) *scene.Scene {
	sc := newScene(s)
	for i, d := range plan.Deployments {
		u := res.Units[i]
		addSite(sc, scene.Site{Name: d.Unit, Kind: scene.SiteDefense, Owner: d.Owner, LatDeg: d.LatDeg, LonDeg: d.LonDeg,
			Note: fmt.Sprintf("%s, %s to %s", d.System, d.Start, d.End)})
		pts, err := analysis.GeodesicCircle(geo.LLADeg(d.LatDeg, d.LonDeg, 0), u.RadiusKm*1e3, 120)
		if err == nil {
			for k := range pts {
				pts[k] = [2]float64{pts[k][0], pts[k][1]}
			}
			sc.Areas = append(sc.Areas, scene.Area{Name: fmt.Sprintf("%s (%.0f km)", d.Unit, u.RadiusKm), Kind: scene.AreaRadar, Owner: d.Owner, Ring: pts,
				Note: "defended circle of the battery's catalog range"})
		}
	}
	for _, a := range plan.Assets {
		addSite(sc, scene.Site{Name: a.Name, Kind: scene.SiteAsset, LatDeg: a.LatDeg, LonDeg: a.LonDeg})
	}
	for _, p := range r.ThreatOrigins {
		if l, _, err := (analysis.Location{Place: p}).Resolve(); err == nil {
			addSite(sc, scene.Site{Name: l.Place, Kind: scene.SiteLaunch, LatDeg: l.LatDeg, LonDeg: l.LonDeg})
		}
	}
	return sc
}

func rotationSections(res analysis.RotationResult, out RotationResults, sc *scene.Scene) []report.Section {
	day := func(t time.Time) float64 { return t.Sub(res.YearStart).Hours() / 24 }
	yearDays := day(res.YearEnd)
	var ticks []report.Tick
	for m := time.January; m <= time.December; m++ {
		t := time.Date(res.Year, m, 1, 0, 0, 0, 0, time.UTC)
		ticks = append(ticks, report.Tick{At: day(t), Label: t.Format("Jan")})
	}
	cover := report.Timeline{Caption: fmt.Sprintf("Coverage of each asset over %d; shaded: gaps", res.Year), MarkGaps: true, Ticks: ticks,
		Axis: report.Axis{Label: "day of year", Min: 0, Max: yearDays}}
	owner := map[string]string{}
	for _, u := range res.Units {
		owner[u.Unit] = u.Owner
	}
	for _, a := range res.Assets {
		row := report.TimelineRow{Label: a.Asset}
		for _, c := range a.Covered {
			// One unit takes its owner's colour, as on the map; units
			// together take a colour of their own.
			sp := report.Span{Start: day(c.Start), End: day(c.End), Group: strings.Join(c.Units, " + ")}
			if len(c.Units) == 1 {
				sp.Key = owner[c.Units[0]]
			}
			row.Spans = append(row.Spans, sp)
		}
		cover.Rows = append(cover.Rows, row)
	}
	units := report.Timeline{Caption: "Each battery: deployed (transit and set-up) and ready", Ticks: ticks,
		Axis: report.Axis{Label: "day of year", Min: 0, Max: yearDays}}
	clamp := func(x float64) float64 { return math.Min(math.Max(x, 0), yearDays) }
	for _, u := range res.Units {
		row := report.TimelineRow{Label: u.Unit}
		if s, e := clamp(day(u.Start)), clamp(day(u.Ready)); e > s {
			row.Spans = append(row.Spans, report.Span{Start: s, End: e, Group: "transit and set-up"})
		}
		if s, e := clamp(day(u.Ready)), clamp(day(u.End)); e > s {
			row.Spans = append(row.Spans, report.Span{Start: s, End: e, Group: "ready: " + u.Owner, Key: u.Owner})
		}
		units.Rows = append(units.Rows, row)
	}
	gaps := report.Table{Caption: "Gaps in coverage", Columns: []report.Column{{Heading: "asset"}, {Heading: "from"}, {Heading: "to"},
		{Heading: "length", Unit: "days", Numeric: true}, {Heading: "kind"}, {Heading: "between"}}}
	for _, a := range out.Assets {
		for _, g := range a.Gaps {
			gaps.Rows = append(gaps.Rows, []string{a.Asset, g.Start.Format("2006-01-02 15:04"), g.End.Format("2006-01-02 15:04"), fmtF(g.LengthDays, 1), g.Kind,
				strings.Join(g.BeforeUnits, ", ") + " → " + strings.Join(g.AfterUnits, ", ")})
		}
	}
	assets := report.Table{Caption: "Coverage of each asset", Columns: []report.Column{{Heading: "asset"}, {Heading: "covered", Unit: "days", Numeric: true},
		{Heading: "share", Numeric: true}, {Heading: "gaps", Numeric: true}, {Heading: "longest gap", Unit: "days", Numeric: true}, {Heading: "batteries in range"}}}
	for _, a := range out.Assets {
		assets.Rows = append(assets.Rows, []string{a.Asset, fmtF(a.CoveredDays, 1), pct(a.CoveredFrac), fmt.Sprint(len(a.Gaps)), fmtF(a.LongestGapDays, 1), strings.Join(a.InRangeUnits, ", ")})
	}
	return []report.Section{
		{Heading: "Coverage over the year", Blocks: []report.Block{cover, assets, gaps, units}},
		report.SceneSection("Batteries, defended circles and assets", sc),
	}
}
