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
// offline), results.json (the JSON document), events.csv, scene.json
// (the geometry, for rampart export), summary.parquet (the headline
// statistics, package parquetout) and, for an engine run, events.parquet
// (events.csv's rows, converted from its spool row by row). Every file is built before the
// first is written, and the directory is written whole or not at all
// (package atomicdir): into a temporary directory beside dir, renamed into
// place when complete. An earlier report at dir is replaced; on a failure
// or when ctx is cancelled it is left as it was. A dir that is a symbolic
// link, a file, or a directory holding anything but report files is
// refused as bad input.
func WriteDir(ctx context.Context, dir string, res *Result) error {
	files, err := fileBodies(res)
	if err != nil {
		return err
	}
	return writeFiles(ctx, dir, files, createFile)
}

// Files builds the files of a run's report directory in memory, by name
// (ReportFiles): what a run store keeps. WriteDir writes the same files
// without holding events.csv in memory.
func Files(res *Result) (map[string][]byte, error) {
	bodies, err := fileBodies(res)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(bodies))
	for name, body := range bodies {
		var buf bytes.Buffer
		if err := body(&buf); err != nil {
			return nil, err
		}
		files[name] = buf.Bytes()
	}
	return files, nil
}

// fileBodies are the files of a run's report directory, each a writer of
// its contents: results.json, scene.json and report.html built first,
// events.csv copied from the run's spool when it is written (it grows
// with the trials), and events.parquet converted from the spool then.
func fileBodies(res *Result) (map[string]fileBody, error) {
	files := map[string]fileBody{ResultsFile: bytesBody(res.Document)}
	var buf bytes.Buffer
	if err := scene.Write(&buf, res.Scene); err != nil {
		return nil, fmt.Errorf("%s: %w", scene.FileName, err)
	}
	files[scene.FileName] = bytesBody(bytes.Clone(buf.Bytes()))
	buf.Reset()
	if err := report.Write(&buf, reportDocument(res)); err != nil {
		return nil, fmt.Errorf("%s: %w", ReportFile, err)
	}
	files[ReportFile] = bytesBody(bytes.Clone(buf.Bytes()))
	files[EventsFile] = func(w io.Writer) error {
		if err := writeEvents(w, res); err != nil {
			return fmt.Errorf("%s: %w", EventsFile, err)
		}
		return nil
	}
	files[SummaryParquetFile] = func(w io.Writer) error { return writeSummaryParquet(w, res) }
	if res.Kind == EngineKind {
		files[EventsParquetFile] = func(w io.Writer) error {
			if err := writeEventsParquet(w, res); err != nil {
				return fmt.Errorf("%s: %w", EventsParquetFile, err)
			}
			return nil
		}
	}
	return files, nil
}

// fileBody writes the contents of one file of a report directory.
type fileBody func(io.Writer) error

// bytesBody is a fileBody that writes b.
func bytesBody(b []byte) fileBody {
	return func(w io.Writer) error { _, err := w.Write(b); return err }
}

// createFile creates a new file of a report directory for writing.
func createFile(name string) (io.WriteCloser, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return syncedFile{f}, nil
}

// syncedFile is a file that is flushed to disk when closed.
type syncedFile struct{ *os.File }

func (f syncedFile) Close() error {
	err := f.Sync()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	return err
}

// ReportFiles are the names of the files of a report directory, in the
// order they are written (events.parquet only for an engine run).
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
var reportFiles = []string{EventsFile, EventsParquetFile, ReportFile, ResultsFile, scene.FileName, SummaryParquetFile}

// writeFiles writes files as the report directory dir, each file made by
// create (a parameter so that tests can make it fail midway).
func writeFiles(ctx context.Context, dir string, files map[string]fileBody, create func(string) (io.WriteCloser, error)) error {
	err := atomicdir.WriteDir(ctx, dir, reportFiles, func(tmp string) error {
		for _, n := range reportFiles {
			if files[n] == nil {
				continue // not a file of this kind of run
			}
			f, err := create(filepath.Join(tmp, n))
			if err != nil {
				return err
			}
			err = files[n](f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
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
	if res.spoolErr != nil {
		return res.spoolErr
	}
	if res.Kind == EngineKind {
		return errors.New("the run's result was closed (Result.Close) before its files were written")
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
