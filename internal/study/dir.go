package study

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scene"
)

// Report directory files.
const (
	ReportFile  = "report.html"
	ResultsFile = "results.json"
	EventsFile  = "events.csv"
)

// WriteDir writes a run's report directory: report.html (self-contained,
// offline), results.json (the JSON document), events.csv and scene.json
// (the geometry, for rampart export). Every file is built before the
// first is written.
func WriteDir(dir string, res *Result) error {
	files := map[string][]byte{ResultsFile: res.Document}
	var buf bytes.Buffer
	if err := scene.Write(&buf, res.Scene); err != nil {
		return fmt.Errorf("%s: %w", scene.FileName, err)
	}
	files[scene.FileName] = bytes.Clone(buf.Bytes())
	buf.Reset()
	cw := csv.NewWriter(&buf)
	if err := cw.WriteAll(res.Events); err != nil {
		return fmt.Errorf("%s: %w", EventsFile, err)
	}
	files[EventsFile] = bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := report.Write(&buf, reportDocument(res)); err != nil {
		return fmt.Errorf("%s: %w", ReportFile, err)
	}
	files[ReportFile] = bytes.Clone(buf.Bytes())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &InputError{fmt.Errorf("--out %s: %w", dir, err)}
	}
	for _, n := range []string{EventsFile, ReportFile, ResultsFile, scene.FileName} {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
	}
	return nil
}

// reportDocument is the HTML report of a run.
func reportDocument(res *Result) *report.Document {
	s, o := res.scenario, res.options
	command := fmt.Sprintf("rampart run %s --seed %d --trials %d", s.File, o.Seed, o.Trials)
	if o.WarningValue {
		command += " --warning-value"
	}
	kind := res.Kind
	if kind != EngineKind {
		kind += " analysis"
	}
	d := &report.Document{
		Title: "rampart: " + s.Name, Scenario: s.Name, Question: s.Question, Assumptions: s.Assumptions,
		Headline:   report.Headline{Answer: res.Headline.Answer, Value: report.FormatNumber(res.Headline.Value), Unit: res.Headline.Unit},
		Parameters: Parameters(res.Systems, o.Sim.Pick),
		Inputs: report.Inputs{ScenarioFile: s.File, Seed: o.Seed, Command: command,
			Settings: []report.Setting{{Name: "study", Value: kind}, {Name: "catalog pick", Value: o.Sim.Pick.String()}}},
	}
	if s.Summary != "" {
		d.Sections = append(d.Sections, report.Section{Heading: "Scenario", Text: []string{s.Summary}})
	}
	d.Sections = append(d.Sections, res.Sections...)
	return d
}
