package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"
)

// TestRecoverInterruptsSweeps: a running sweep whose store is closed
// (its process gone) is failed as interrupted once its lease runs out,
// as a run is (TestRecoverKeepsLiveRuns), and not while it is renewed.
func TestRecoverInterruptsSweeps(t *testing.T) {
	testRecoverAfterLease(t, "sweep", func(t *testing.T, s Store) int64 {
		ctx := context.Background()
		w, err := s.CreateSweep(ctx, SweepSpec{Scenario: "europe", Trials: 1, Fidelity: "fast", Points: 1})
		if err != nil {
			t.Fatal(err)
		}
		_ = s.StartSweep(ctx, w.ID)
		return w.ID
	}, func(s Store, id int64) (Status, string) {
		g, _ := s.GetSweep(context.Background(), id)
		return g.Status, g.Error
	})
}

// testSweeps is the sweep behaviour both implementations must have: a
// sweep's life, its points and files read back byte for byte, the list,
// and the errors of an unknown id or file.
func testSweeps(t *testing.T, s Store) {
	ctx := context.Background()
	spec := SweepSpec{Scenario: "europe", ScenarioSHA256: "ab", RampartVersion: "test", Seed: 7, Trials: 20, Fidelity: "fast",
		Axes: json.RawMessage(`[{"path":"owners[US].doctrine.salvo","values":["1","2"]}]`), Points: 2,
		Reproduce: "rampart sweep europe --vary owners[US].doctrine.salvo=1,2"}
	w, err := s.CreateSweep(ctx, spec)
	if err != nil {
		t.Fatal(err)
	}
	if w.ID < 1 || w.Status != Queued {
		t.Fatalf("CreateSweep = id %d, status %s; want id ≥ 1, queued", w.ID, w.Status)
	}
	if _, err := s.ReadSweepFile(ctx, w.ID, "report.html"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ReadSweepFile(queued) = %v, want ErrNotFound", err)
	}
	out := SweepOutcome{
		Points: []SweepPoint{
			{Point: 0, Settings: json.RawMessage(`[{"path":"p","value":"1","value_num":1}]`), Statistics: json.RawMessage(`{"leakers_mean":1.5}`)},
			{Point: 1, Settings: json.RawMessage(`[{"path":"p","value":"2","value_num":2}]`), Statistics: json.RawMessage(`{}`), Refused: "burnout speed contradicts the stage masses"},
		},
		Files: []File{
			{Name: "report.html", MediaType: "text/html", Data: []byte("<html></html>")},
			{Name: "results.json", MediaType: "application/json", Data: []byte(`{"rows":[]}`)},
			{Name: "summary.parquet", MediaType: "application/vnd.apache.parquet", Data: []byte{'P', 'A', 'R', '1', 0}},
		},
	}
	if err := s.FinishSweep(ctx, w.ID, out); !errors.Is(err, ErrState) {
		t.Errorf("FinishSweep(queued) = %v, want ErrState", err)
	}
	if err := s.StartSweep(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishSweep(ctx, w.ID, out); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetSweep(ctx, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != Done || got.FinishedAt == nil || got.StartedAt == nil || got.Seed != 7 || got.Points != 2 || got.Fidelity != "fast" {
		t.Errorf("GetSweep = %+v", got)
	}
	if !bytes.Equal(got.Axes, spec.Axes) {
		t.Errorf("axes = %s, want %s", got.Axes, spec.Axes)
	}
	if len(got.Rows) != 2 || got.Rows[1].Refused == "" || !bytes.Equal(got.Rows[0].Statistics, out.Points[0].Statistics) ||
		!bytes.Equal(got.Rows[1].Settings, out.Points[1].Settings) {
		t.Errorf("rows = %+v", got.Rows)
	}
	if len(got.Files) != 3 || got.Files[2].Name != "summary.parquet" || got.Files[2].Size != 5 {
		t.Errorf("files = %+v", got.Files)
	}
	for _, f := range out.Files {
		r, err := s.ReadSweepFile(ctx, w.ID, f.Name)
		if err != nil || !bytes.Equal(r.Data, f.Data) || r.MediaType != f.MediaType {
			t.Errorf("ReadSweepFile(%s) = %q %q, %v", f.Name, r.Data, r.MediaType, err)
		}
	}
	if _, err := s.ReadSweepFile(ctx, w.ID, "events.csv"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ReadSweepFile(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.GetSweep(ctx, 999); !errors.Is(err, ErrNotFound) || err.Error() != "no sweep 999" {
		t.Errorf("GetSweep(999) = %v, want ErrNotFound 'no sweep 999'", err)
	}
	w2, err := s.CreateSweep(ctx, spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FailSweep(ctx, w2.ID, "boom"); err != nil {
		t.Fatal(err)
	}
	w3, err := s.CreateSweep(ctx, spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CancelSweep(ctx, w3.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.CancelSweep(ctx, w3.ID); !errors.Is(err, ErrState) {
		t.Errorf("CancelSweep(cancelled) = %v, want ErrState", err)
	}
	if err := s.StartSweep(ctx, w3.ID); !errors.Is(err, ErrState) {
		t.Errorf("StartSweep(cancelled) = %v, want ErrState", err)
	}
	list, err := s.ListSweeps(ctx, ListOptions{Status: Failed})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != w2.ID || list[0].Status != Failed || list[0].Error != "boom" || list[0].Rows != nil {
		t.Errorf("ListSweeps = %+v", list)
	}
	if list, _ := s.ListSweeps(ctx, ListOptions{Status: Done}); len(list) != 1 || list[0].ID != w.ID {
		t.Errorf("ListSweeps(done) = %+v", list)
	}
}
