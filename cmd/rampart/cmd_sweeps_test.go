package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSweepsEndToEnd: rampart sweep --db prints what it prints without
// --db and keeps the sweep; rampart sweeps list and show read it back,
// its files byte for byte as --out writes them; an unknown id exits 2.
func TestSweepsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "runs.db"), filepath.Join(dir, "out")
	args := []string{"sweep", "europe", "--vary", "owners[US].doctrine.salvo=1,2", "--trials", "4", "--json"}
	code, plain, errs := rampart(t, args...)
	if code != exitOK {
		t.Fatalf("sweep = %d, %s", code, errs)
	}
	code, stored, errs := rampart(t, append(args, "--db", db, "--out", out)...)
	if code != exitOK || !strings.Contains(errs, "stored as sweep 1") {
		t.Fatalf("sweep --db = %d, stderr %q; want 'stored as sweep 1'", code, errs)
	}
	if stored != plain {
		t.Error("sweep --json --db printed another document than sweep --json")
	}
	code, list, errs := rampart(t, "sweeps", "list", "--db", db)
	if code != exitOK || !strings.Contains(list, "owners[US].doctrine.salvo") || !strings.Contains(list, "done") {
		t.Errorf("sweeps list = %d, %q %s", code, list, errs)
	}
	code, show, _ := rampart(t, "sweeps", "show", "1", "--db", db)
	if code != exitOK || !strings.Contains(show, "LEAKERS") || !strings.Contains(show, "2 point(s) × 4 trials") {
		t.Errorf("sweeps show = %d, %q", code, show)
	}
	code, js, _ := rampart(t, "sweeps", "show", "1", "--db", db, "--json")
	var w struct {
		Points int `json:"points"`
		Rows   []struct {
			Point      int             `json:"point"`
			Statistics json.RawMessage `json:"statistics"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(js), &w); code != exitOK || err != nil || w.Points != 2 || len(w.Rows) != 2 || w.Rows[1].Point != 1 {
		t.Errorf("sweeps show --json = %d, %v, %q", code, err, js)
	}
	for _, name := range []string{"report.html", "results.json", "summary.parquet"} {
		code, got, _ := rampart(t, "sweeps", "show", "1", "--db", db, "--file", name)
		want, err := os.ReadFile(filepath.Join(out, name))
		if code != exitOK || err != nil || got != string(want) {
			t.Errorf("sweeps show --file %s = %d, %d bytes; --out wrote %d bytes (%v)", name, code, len(got), len(want), err)
		}
	}
	if code, _, errs := rampart(t, "sweeps", "show", "7", "--db", db); code != exitBadInput || !strings.Contains(errs, "no sweep 7") {
		t.Errorf("sweeps show 7 = %d, %q; want exit 2, 'no sweep 7'", code, errs)
	}
}
