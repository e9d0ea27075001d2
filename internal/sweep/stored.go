package sweep

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/rampart-sim/rampart/internal/parquetout"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/store"
)

// Job is one sweep ready to run: what 'rampart sweep' and the server's
// POST /api/sweeps build from their input, and run the same way.
type Job struct {
	Scenario *scenario.Scenario
	Grid     *Grid
	// Points, if not empty, are the only points run (--point).
	Points  []int
	Options Options
	Notes   []string
	// Reproduce is the command line that reruns the sweep.
	Reproduce string
}

// Run runs the job's points and returns the sweep's document and its
// JSON.
func (j *Job) Run() (*Document, []byte, error) {
	rows, err := j.Grid.Run(j.Scenario, j.Points, j.Options)
	if err != nil {
		return nil, nil, err
	}
	doc := NewDocument(j.Scenario, j.Grid, j.Options, rows, append([]string(nil), j.Notes...))
	doc.Reproduce = j.Reproduce
	for _, p := range doc.Unmoved(j.Grid) {
		doc.Notes = append(doc.Notes, fmt.Sprintf("no statistic moved along %s: the engine may not read that value, or its effect is below what the trials resolve", p))
	}
	js, err := doc.JSON()
	if err != nil {
		return nil, nil, err
	}
	return doc, js, nil
}

// Spec is the job's record in a run store before it runs.
func (j *Job) Spec() (store.SweepSpec, error) {
	axes, err := json.Marshal(NewDocument(j.Scenario, j.Grid, j.Options, nil, nil).Axes)
	if err != nil {
		return store.SweepSpec{}, err
	}
	n := j.Grid.Len()
	if len(j.Points) > 0 {
		n = len(j.Points)
	}
	return store.SweepSpec{Scenario: j.Scenario.Name, ScenarioSHA256: j.Scenario.SHA256, RampartVersion: provenance.Version(),
		Seed: j.Options.Seed, Trials: j.Options.Trials, Fidelity: j.Options.Fidelity, Axes: axes, Points: n, Reproduce: j.Reproduce}, nil
}

// Outcome is what a finished sweep adds to its stored record: a point per
// row (its settings and its row as JSON) and the files that --out writes
// (report.html, results.json, summary.parquet).
func (j *Job) Outcome(doc *Document, js []byte) (store.SweepOutcome, error) {
	var out store.SweepOutcome
	for _, r := range doc.Rows {
		settings, err := json.Marshal(r.Settings)
		if err != nil {
			return out, err
		}
		stats, err := json.Marshal(r)
		if err != nil {
			return out, err
		}
		out.Points = append(out.Points, store.SweepPoint{Point: r.Point, Settings: settings, Statistics: stats, Refused: r.Refused})
	}
	var html, pq bytes.Buffer
	if err := report.Write(&html, Report(doc, j.Grid, doc.Reproduce)); err != nil {
		return out, err
	}
	if err := doc.WriteSummaryParquet(&pq); err != nil {
		return out, err
	}
	out.Files = []store.File{
		{Name: ReportFile, MediaType: "text/html; charset=utf-8", Data: html.Bytes()},
		{Name: ResultsFile, MediaType: "application/json", Data: js},
		{Name: parquetout.SummaryFile, MediaType: "application/vnd.apache.parquet", Data: pq.Bytes()},
	}
	return out, nil
}

// Record runs the job kept in st: created queued, started, then finished
// with its points and files, or failed with the error. It returns the
// sweep's id (0 if it could not be created) and, when the sweep ran, its
// document and JSON even if storing them failed.
func (j *Job) Record(ctx context.Context, st store.Sweeps, started func(id int64)) (int64, *Document, []byte, error) {
	spec, err := j.Spec()
	if err != nil {
		return 0, nil, nil, err
	}
	w, err := st.CreateSweep(ctx, spec)
	if err != nil {
		return 0, nil, nil, err
	}
	if err := st.StartSweep(ctx, w.ID); err != nil {
		return w.ID, nil, nil, err
	}
	if started != nil {
		started(w.ID)
	}
	doc, js, err := j.Run()
	if err != nil {
		// A context cancelled by the user (Ctrl-C) still records the
		// end: a fresh context writes it.
		bg := context.WithoutCancel(ctx)
		if errors.Is(err, context.Canceled) {
			return w.ID, nil, nil, errors.Join(err, st.CancelSweep(bg, w.ID))
		}
		return w.ID, nil, nil, errors.Join(err, st.FailSweep(bg, w.ID, err.Error()))
	}
	out, err := j.Outcome(doc, js)
	if err == nil {
		err = st.FinishSweep(ctx, w.ID, out)
	}
	if err != nil {
		_ = st.FailSweep(context.WithoutCancel(ctx), w.ID, "storing the results failed: "+err.Error())
	}
	return w.ID, doc, js, err
}

// ParseDocument reads a sweep's results.json back (the stored file).
func ParseDocument(js []byte) (*Document, error) {
	var d Document
	if err := json.Unmarshal(js, &d); err != nil {
		return nil, fmt.Errorf("sweep results.json: %w", err)
	}
	return &d, nil
}
