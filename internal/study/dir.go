package study

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/rampart-sim/rampart/internal/atomicdir"
	"github.com/rampart-sim/rampart/internal/provenance"
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
// first is written, and the directory is written whole or not at all
// (package atomicdir): into a temporary directory beside dir, renamed into
// place when complete. An earlier report at dir is replaced; on a failure
// or when ctx is cancelled it is left as it was. A dir that is a symbolic
// link, a file, or a directory holding anything but report files is
// refused as bad input.
func WriteDir(ctx context.Context, dir string, res *Result) error {
	files, err := Files(res)
	if err != nil {
		return err
	}
	return writeFiles(ctx, dir, files, os.WriteFile)
}

// Files builds the files of a run's report directory, by name
// (ReportFiles): what WriteDir writes, and what a run store keeps.
func Files(res *Result) (map[string][]byte, error) {
	files := map[string][]byte{ResultsFile: res.Document}
	var buf bytes.Buffer
	if err := scene.Write(&buf, res.Scene); err != nil {
		return nil, fmt.Errorf("%s: %w", scene.FileName, err)
	}
	files[scene.FileName] = bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := writeEvents(&buf, res); err != nil {
		return nil, fmt.Errorf("%s: %w", EventsFile, err)
	}
	files[EventsFile] = bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := report.Write(&buf, reportDocument(res)); err != nil {
		return nil, fmt.Errorf("%s: %w", ReportFile, err)
	}
	files[ReportFile] = bytes.Clone(buf.Bytes())
	return files, nil
}

// ReportFiles are the names of the files of a report directory, in the
// order they are written.
func ReportFiles() []string { return slices.Clone(reportFiles) }

// CheckDir refuses, as bad input, a dir that WriteDir would refuse (a
// file, a symbolic link, a directory holding other files), so that a run
// can fail before its trials rather than after.
func CheckDir(dir string) error {
	if err := atomicdir.CheckDir(dir, reportFiles); err != nil {
		return &InputError{fmt.Errorf("--out %w", err)}
	}
	return nil
}

// reportFiles are the files of a report directory, in the order written.
var reportFiles = []string{EventsFile, ReportFile, ResultsFile, scene.FileName}

// writeFiles writes files as the report directory dir through write (a
// parameter so that tests can make it fail midway).
func writeFiles(ctx context.Context, dir string, files map[string][]byte, write func(string, []byte, os.FileMode) error) error {
	err := atomicdir.WriteDir(ctx, dir, reportFiles, func(tmp string) error {
		for _, n := range reportFiles {
			if err := write(filepath.Join(tmp, n), files[n], 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	var te *atomicdir.TargetError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &te):
		return &InputError{fmt.Errorf("--out %w", err)}
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("--out %s: interrupted; nothing was written: %w", dir, err)
	}
	return fmt.Errorf("--out %s: %w; nothing was written", dir, err)
}

// EventsProvenance are the columns that end every row of events.csv: the
// rampart version, the scenario's SHA-256 and the seed, the same in every
// row. Constant columns, not a leading comment line, because every CSV
// reader (spreadsheets, pandas.read_csv and R's read.csv with their
// defaults) reads them as data, where a comment line would be read as the
// header or as a first row of data; they come last so that the other
// columns keep their places.
var EventsProvenance = []string{provenance.RampartVersionField, provenance.ScenarioSHA256Field, provenance.SeedField}

// writeEvents writes res.Events as CSV, each row ended by the
// EventsProvenance columns, formula-like cells made inert.
func writeEvents(w io.Writer, res *Result) error {
	if res.spool != nil {
		return res.spool.copyTo(w)
	}
	if res.Kind == EngineKind {
		return errors.New("the run kept no events (study.Options.Events) or its result was closed")
	}
	cw := csv.NewWriter(w)
	stamp := neutralizeCells([][]string{{provenance.Version(), res.scenario.SHA256, strconv.FormatInt(res.options.Seed, 10)}})[0]
	for i, row := range neutralizeCells(res.Events) {
		extra := stamp
		if i == 0 {
			extra = EventsProvenance
		}
		if err := cw.Write(append(row[:len(row):len(row)], extra...)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// reportDocument is the HTML report of a run.
func reportDocument(res *Result) *report.Document {
	s, o := res.scenario, res.options
	kind := res.Kind
	if kind != EngineKind {
		kind += " analysis"
	}
	d := &report.Document{
		Title: "rampart: " + s.Name, Scenario: s.Name, Question: s.Question, Assumptions: s.Assumptions,
		Headline:   report.Headline{Answer: res.Headline.Answer, Value: report.FormatNumber(res.Headline.Value), Unit: res.Headline.Unit},
		Parameters: Parameters(res.Systems, Picks{Threat: o.Sim.ThreatPick, Defense: o.Sim.DefensePick, DefenseSystems: res.DefenseSystems}),
		Inputs: report.Inputs{ScenarioFile: s.File, ScenarioSHA256: s.SHA256, Seed: o.Seed,
			Version: provenance.Version(), Command: ReproduceCommand(s, o),
			Settings: []report.Setting{{Name: "study", Value: kind},
				{Name: "catalog pick, threats (missiles, aircraft)", Value: o.Sim.ThreatPick.String()},
				{Name: "catalog pick, defense (interceptors, radars, fighters)", Value: o.Sim.DefensePick.String()}}},
	}
	if s.Summary != "" {
		d.Sections = append(d.Sections, report.Section{Heading: "Scenario", Text: []string{s.Summary}})
	}
	d.Sections = append(d.Sections, res.Sections...)
	return d
}
