package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// writeReportDir writes a run's report directory: report.html,
// results.json (the --json document), events.csv (every shot and leak of
// every trial) and scene.json (the geometry, for rampart export).
func writeReportDir(dir string, s *scenario.Scenario, world *sim.World, sum *sim.Summary, doc runJSON) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return badInput("--out %s: %v", dir, err)
	}
	sc := study.EngineScene(s, world, sum)
	var buf bytes.Buffer
	if err := scene.Write(&buf, sc); err != nil {
		return fmt.Errorf("scene.json: %w", err)
	}
	files := map[string][]byte{scene.FileName: slices.Clone(buf.Bytes())}
	buf.Reset()
	if err := writeJSON(&buf, doc); err != nil {
		return err
	}
	files["results.json"] = slices.Clone(buf.Bytes())
	buf.Reset()
	if err := writeEvents(&buf, world, sum); err != nil {
		return err
	}
	files["events.csv"] = slices.Clone(buf.Bytes())
	buf.Reset()
	if err := report.Write(&buf, runDocumentHTML(s, world, sum, sc)); err != nil {
		return fmt.Errorf("report.html: %w", err)
	}
	files["report.html"] = slices.Clone(buf.Bytes())
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
	}
	return nil
}

// writeEvents writes one row per shot and per leaker of every trial.
func writeEvents(buf *bytes.Buffer, world *sim.World, sum *sim.Summary) error {
	w := csv.NewWriter(buf)
	f := func(x float64, n int) string { return strconv.FormatFloat(x, 'f', n, 64) }
	_ = w.Write([]string{"trial", "event", "threat", "time_s", "command", "launcher", "interceptor", "launch_s", "pk_planned", "miss_m", "reach_m", "kill", "lat_deg", "lon_deg", "alt_km"})
	for t, o := range sum.Outcomes {
		for _, sh := range o.Shots {
			threat := ""
			if sh.Flight >= 0 {
				threat = world.Flights[sh.Flight].Name
			}
			_ = w.Write([]string{strconv.Itoa(t), "intercept", threat, f(sh.Intercept, 2), sh.Command, sh.Launcher, sh.Interceptor, f(sh.Launch, 2),
				f(sh.PkPlanned, 4), f(sh.MissM, 1), f(sh.ReachM, 1), strconv.FormatBool(sh.Kill), f(sh.Pos.LatDeg(), 5), f(sh.Pos.LonDeg(), 5), f(sh.Pos.Alt/1e3, 3)})
		}
		for i, l := range o.Leaked {
			if !l {
				continue
			}
			fl := world.Flights[i]
			_ = w.Write([]string{strconv.Itoa(t), "leak", fl.Name, f(fl.LaunchTime+fl.FlightTime, 2), "", "", "", "", "", "", "", "", f(fl.Impact.LatDeg(), 5), f(fl.Impact.LonDeg(), 5), "0"})
		}
	}
	w.Flush()
	return w.Error()
}

// runDocumentHTML is the HTML report of an engagement run.
func runDocumentHTML(s *scenario.Scenario, world *sim.World, sum *sim.Summary, sc *scene.Scene) *report.Document {
	h := study.EngineHeadline(s, sum)
	d := &report.Document{
		Title: "rampart: " + s.Name, Scenario: s.Name, Question: s.Question, Assumptions: s.Assumptions,
		Headline: report.Headline{Answer: h.Answer, Value: report.FormatNumber(h.Value), Unit: h.Unit},
		Inputs:   report.Inputs{ScenarioFile: s.File, Seed: sum.Seed, Command: fmt.Sprintf("rampart run %s --trials %d --seed %d", s.File, sum.Trials, sum.Seed)},
	}
	assets := report.Table{Caption: "Asset survival (95 % Wilson score intervals)", Columns: []report.Column{
		{Heading: "asset"}, {Heading: "owner"}, {Heading: "value", Numeric: true}, {Heading: "P(survive)", Numeric: true}, {Heading: "95 % CI", Numeric: true}}}
	for _, a := range sum.Assets {
		assets.Rows = append(assets.Rows, []string{a.Name, a.Owner, report.FormatNumber(a.Value), fmt.Sprintf("%.3f", a.PSurvive), fmt.Sprintf("%.3f–%.3f", a.CI95[0], a.CI95[1])})
	}
	threats := report.Table{Caption: "Missiles: leak probability, interceptors fired, mean sensing times after launch", Columns: []report.Column{
		{Heading: "missile"}, {Heading: "P(leak)", Numeric: true}, {Heading: "interceptors", Numeric: true},
		{Heading: "detected", Unit: "s", Numeric: true}, {Heading: "fire control", Unit: "s", Numeric: true}, {Heading: "flight", Unit: "s", Numeric: true}}}
	sec := func(v float64) string {
		if math.IsNaN(v) {
			return "never"
		}
		return fmt.Sprintf("%.1f", v)
	}
	for i, f := range world.Flights {
		if f.OutOfReach != "" {
			threats.Rows = append(threats.Rows, []string{f.Name, "out of reach", "", "", "", ""})
			continue
		}
		ts := sum.Threats[i]
		threats.Rows = append(threats.Rows, []string{f.Name, fmt.Sprintf("%.3f", ts.PLeak), fmt.Sprintf("%.2f", ts.InterceptorsMean), sec(ts.FirstDetection), sec(ts.FireControl), fmt.Sprintf("%.1f", f.FlightTime)})
	}
	totals := fmt.Sprintf("Per trial: %.2f interceptors fired, %.2f leakers, %.2f double engagements, %.2f sector-boundary leakers.",
		sum.InterceptorsMean, sum.LeakersMean, sum.DoubleEngagementsMean, sum.SectorLeakersMean)
	if s.Summary != "" {
		d.Sections = append(d.Sections, report.Section{Heading: "Scenario", Text: []string{s.Summary}})
	}
	totals += fmt.Sprintf(" Mean surviving value %.1f of %g (%s architecture).", sum.SurvivingValueMean, sum.TotalValue, s.Run.Architecture)
	d.Sections = append(d.Sections,
		report.Section{Heading: "Outcome", Text: []string{totals}, Blocks: []report.Block{assets, threats}},
		report.SceneSection("Geometry of the raid (intercepts of trial 0)", sc),
	)
	d.Parameters = study.Parameters(study.EngineSystems(world), world.Options.Pick)
	return d
}
