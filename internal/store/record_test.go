package store

import (
	"context"
	"errors"
	"testing"

	"github.com/rampart-sim/rampart/internal/study"
)

// TestRecord: Record stores a study's run as done with its whole
// outcome, a failing run as failed with its error, and a run whose
// context was cancelled as cancelled.
func TestRecord(t *testing.T) {
	ctx := context.Background()
	s := openSQLite(t, Options{})
	sc, st, err := study.Load("tomahawk")
	if err != nil {
		t.Fatal(err)
	}
	o := study.Options{Seed: 1, Workers: 1}
	spec := SpecOf(sc, st, o)
	if spec.Kind != "reach" || spec.Trials != 0 || spec.Fidelity != "" || spec.ScenarioSHA256 != sc.SHA256 {
		t.Errorf("SpecOf(tomahawk) = %+v, want kind reach, no trials, no fidelity", spec)
	}
	id, res, err := Record(ctx, s, spec, func() (*study.Result, error) { return study.Run(sc, st, o) })
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Done || r.Headline != res.Headline.Answer || len(r.Statistics) != len(study.Statistics(res)) {
		t.Errorf("recorded run = %s, headline %q, %d statistics", r.Status, r.Headline, len(r.Statistics))
	}
	names := map[string]bool{}
	for _, f := range r.Files {
		names[f.Name] = true
	}
	for _, n := range []string{"report.html", "events.csv", "scene.json", "export.czml", "export.kml", "export.geojson"} {
		if !names[n] {
			t.Errorf("recorded run lacks %s (has %v)", n, r.Files)
		}
	}
	if f, err := s.ReadFile(ctx, id, ResultsFile); err != nil || string(f.Data) != string(res.Document) {
		t.Errorf("recorded results.json differs from the run's document (%v)", err)
	}

	boom := errors.New("boom")
	id, _, err = Record(ctx, s, spec, func() (*study.Result, error) { return nil, boom })
	if !errors.Is(err, boom) {
		t.Errorf("Record(failing) = %v, want boom", err)
	}
	if r, _ := s.Get(ctx, id); r.Status != Failed || r.Error != "boom" {
		t.Errorf("failed run = %s %q, want failed boom", r.Status, r.Error)
	}

	cctx, cancel := context.WithCancel(ctx)
	id, _, err = Record(cctx, s, spec, func() (*study.Result, error) { cancel(); return nil, cctx.Err() })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Record(cancelled) = %v, want context.Canceled", err)
	}
	if r, _ := s.Get(ctx, id); r.Status != Cancelled {
		t.Errorf("cancelled run = %s, want cancelled", r.Status)
	}
}
