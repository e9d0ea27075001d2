package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunsEndToEnd: rampart run --db stores runs whose output is as
// without --db; rampart runs list, show and compare read them back, in
// text and JSON; results.json comes back byte for byte.
func TestRunsEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "runs.db")
	code, plain, errs := rampart(t, "run", "--trials", "3", "--json")
	if code != exitOK {
		t.Fatalf("run --json = %d, %s", code, errs)
	}
	code, stored, errs := rampart(t, "run", "--trials", "3", "--json", "--db", db)
	if code != exitOK || !strings.Contains(errs, "stored as run 1") || !strings.Contains(errs, "(rampart runs show 1 --db "+db+")") {
		t.Fatalf("run --json --db = %d, stderr %q; want exit 0 and 'stored as run 1' with the command that shows it", code, errs)
	}
	if stored != plain {
		t.Error("run --json --db printed another document than run --json")
	}
	if code, _, errs = rampart(t, "run", "--trials", "3", "--seed", "9", "--db", db); code != exitOK {
		t.Fatalf("second run = %d, %s", code, errs)
	}
	if code, _, errs = rampart(t, "run", "kaliningrad", "--db", db); code != exitOK {
		t.Fatalf("kaliningrad run = %d, %s", code, errs)
	}

	code, out, errs := rampart(t, "runs", "list", "--db", db)
	if code != exitOK {
		t.Fatalf("runs list = %d, %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "3 ") || !strings.Contains(lines[1], "kaliningrad") || !strings.HasPrefix(lines[3], "1 ") {
		t.Errorf("runs list = %q, want a header and runs 3, 2, 1", out)
	}
	code, out, _ = rampart(t, "runs", "list", "--db", db, "--limit", "1", "--json")
	var list struct {
		Runs []struct {
			ID     int64  `json:"id"`
			Status string `json:"status"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &list); code != exitOK || err != nil || len(list.Runs) != 1 || list.Runs[0].ID != 3 || list.Runs[0].Status != "done" {
		t.Errorf("runs list --limit 1 --json = %d, %q (%v)", code, out, err)
	}

	code, out, _ = rampart(t, "runs", "show", "1", "--db", db)
	for _, want := range []string{"status            done", "scenario          europe (engine)", "assets[Bucharest].p_survive", "report.html", "export.czml"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("runs show 1 = %d, lacks %q:\n%s", code, want, out)
		}
	}
	if code, out, _ = rampart(t, "runs", "show", "1", "--db", db, "--file", "results.json"); code != exitOK || out != plain {
		t.Errorf("runs show 1 --file results.json = %d, not the run's document", code)
	}

	code, out, _ = rampart(t, "runs", "compare", "1", "2", "--db", db)
	if code != exitOK || !strings.Contains(out, "newcombe-wilson") || !strings.Contains(out, "differ in seed") {
		t.Errorf("runs compare 1 2 = %d:\n%s", code, out)
	}
	code, out, _ = rampart(t, "runs", "compare", "1", "2", "--db", db, "--json")
	var cmp struct {
		Differences []struct {
			Name   string      `json:"name"`
			CI95   *[2]float64 `json:"difference_ci95"`
			Method string      `json:"method"`
		} `json:"differences"`
	}
	if err := json.Unmarshal([]byte(out), &cmp); code != exitOK || err != nil || len(cmp.Differences) == 0 {
		t.Fatalf("runs compare --json = %d, %v", code, err)
	}
	for _, d := range cmp.Differences {
		if strings.HasSuffix(d.Name, ".p_survive") && (d.Method != "newcombe-wilson" || d.CI95 == nil) {
			t.Errorf("difference %s: method %q, interval %v; want newcombe-wilson with an interval", d.Name, d.Method, d.CI95)
		}
	}
}

// TestRunsBadInputExit2: a bad --db, an unknown or malformed id, a
// missing store file: exit 2 with one line, and nothing created.
func TestRunsBadInputExit2(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "runs.db")
	if code, _, errs := rampart(t, "run", "kaliningrad", "--db", db); code != exitOK {
		t.Fatalf("run --db = %d, %s", code, errs)
	}
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte(strings.Repeat("not a database\n", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.db")
	for _, args := range [][]string{
		{"runs", "show", "7", "--db", db},
		{"runs", "show", "x1", "--db", db},
		{"runs", "show", "0", "--db", db},
		{"runs", "compare", "1", "2", "--db", db},
		{"runs", "compare", "1"},
		{"runs", "show", "1", "--db", db, "--file", "nope.txt"},
		{"runs", "show", "1", "--db", missing},
		{"runs", "list", "--db", "mysql://localhost/x"},
		{"runs", "list", "--db", "postgres://u:secret@h:port/x"},
		{"runs", "list", "--db", text},
		{"runs", "list", "--db", db, "--limit", "0"},
		{"runs", "list", "--db", db, "--status", "lost"},
		{"runs", "frob"},
		{"run", "kaliningrad", "--db", "mysql://x"},
		{"run", "kaliningrad", "--db", text},
	} {
		code, _, errs := rampart(t, args...)
		if code != exitBadInput || errs == "" || strings.Contains(errs, "goroutine") {
			t.Errorf("rampart %q = %d, %q; want exit 2 and a message", args, code, errs)
		}
		if strings.Contains(errs, "secret") {
			t.Errorf("rampart %q shows the password: %q", args, errs)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("runs show created %s", missing)
	}
	code, out, _ := rampart(t, "runs", "list", "--db", missing)
	if code != exitOK || !strings.Contains(out, "no runs") {
		t.Errorf("runs list on a missing store = %d, %q; want exit 0, no runs", code, out)
	}
}
