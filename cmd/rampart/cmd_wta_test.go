package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const wtaSmallYAML = `values: [10, 20, 5]
units: [2, 1]
p:
  - [0.5, 0.3, 0.1]
  - [0.2, 0.6, 0.4]
weapons: [SAM-A, SAM-B]
targets: [t1, t2, t3]
`

func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWTASmallYAML(t *testing.T) {
	path := writeTemp(t, "small.yaml", wtaSmallYAML)
	code, out, errs := rampart(t, "wta", path, "--solver", "exact", "--json")
	if code != exitOK {
		t.Fatalf("rampart wta = %d, stderr %q", code, errs)
	}
	var doc struct {
		Objective  *float64 `json:"objective"`
		LowerBound *float64 `json:"lower_bound"`
		Solver     string   `json:"solver"`
		Seconds    *float64 `json:"seconds"`
		Optimal    bool     `json:"optimal"`
		Assignment []struct {
			WeaponType int `json:"weapon_type"`
			Target     int `json:"target"`
			Units      int `json:"units"`
		} `json:"assignment"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("rampart wta --json: %v\n%s", err, out)
	}
	// Optimum (wta.TestExactMatchesBruteForce checks Exact against
	// enumeration): both SAM-A units at t1 and SAM-B at t2,
	// 10·0.5² + 20·0.4 + 5 = 15.5.
	const want = 15.5
	if doc.Objective == nil || math.Abs(*doc.Objective-want) > 1e-9 {
		t.Errorf("objective = %v, want %v", doc.Objective, want)
	}
	if doc.LowerBound == nil || *doc.LowerBound > want+1e-9 || !doc.Optimal || doc.Solver != "exact" || doc.Seconds == nil {
		t.Errorf("lower_bound %v, optimal %v, solver %q, seconds %v; want a bound ≤ %v, optimal, exact", doc.LowerBound, doc.Optimal, doc.Solver, doc.Seconds, want)
	}
	units := 0
	for _, s := range doc.Assignment {
		units += s.Units
	}
	if units != 3 {
		t.Errorf("assignment %+v fires %d units, want 3", doc.Assignment, units)
	}
	// The heuristic proves no optimality, and the text output has a table.
	code, out, _ = rampart(t, "wta", path, "--solver", "heuristic")
	if code != exitOK || !strings.Contains(out, "objective    15.5 expected") || !strings.Contains(out, "SAM-A") {
		t.Errorf("rampart wta --solver heuristic = %d:\n%s", code, out)
	}
}

func TestWTABadInputExit2(t *testing.T) {
	bad := writeTemp(t, "bad.yaml", "values: [1]\nunits: [1]\np: [[1.5]]\n")
	unknown := writeTemp(t, "x.dat", "1 1 1\n1\n0 0 0.5\n")
	badTxt := writeTemp(t, "bad.txt", "1 1 1\n1\n0 0 x\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"wta", bad}, "bad.yaml:3:6:"},
		{[]string{"wta", badTxt}, "bad.txt:3:5:"},
		{[]string{"wta", unknown}, "--format"},
		{[]string{"wta", unknown, "--format", "csv"}, "--format"},
		{[]string{"wta", bad, "--solver", "magic"}, "--solver"},
		{[]string{"wta", bad, "--time-limit", "-1"}, "--time-limit"},
		{[]string{"wta", "no-such-file.yaml"}, "no-such-file"},
		{[]string{"wta"}, "arg"},
	} {
		code, _, errs := rampart(t, c.args...)
		if code != exitBadInput || !strings.Contains(errs, c.want) {
			t.Errorf("rampart %q = exit %d, stderr %q; want exit %d mentioning %q", c.args, code, errs, exitBadInput, c.want)
		}
	}
}

func TestWTABenchInstance(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "bench", "wta", "wta_100x200x1.txt")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("benchmark instances absent: %v", err)
	}
	code, out, errs := rampart(t, "wta", path, "--json")
	if code != exitOK {
		t.Fatalf("rampart wta = %d, stderr %q", code, errs)
	}
	var doc struct {
		Objective  float64  `json:"objective"`
		LowerBound *float64 `json:"lower_bound"`
		Solver     string   `json:"solver"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// Best known 2862.302609 (Andersen, Pavlikov & Toffolo 2022, proven
	// optimal); 1e-7 covers the logged value's solver tolerance.
	const best = 2862.302609
	if doc.Solver != "heuristic" || math.Abs(doc.Objective/best-1) > 1e-7 || doc.LowerBound == nil {
		t.Errorf("rampart wta %s = %+v; want the heuristic at %v with a bound", path, doc, best)
	}
}

// Issue 11: 100000 units of one type at one target died out of memory in
// the slot bound. Now the bound is skipped, with the reason in the output,
// and the time limit holds.
func TestWTAHugeUnitsBoundSkipped(t *testing.T) {
	path := writeTemp(t, "huge.yaml", "values: [1]\nunits: [100000]\np: [[0.5]]\n")
	start := time.Now()
	code, out, errs := rampart(t, "wta", path, "--time-limit", "1", "--json")
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("rampart wta --time-limit 1 took %v", took)
	}
	if code != exitOK {
		t.Fatalf("rampart wta = %d, stderr %q", code, errs)
	}
	var doc struct {
		LowerBound *float64 `json:"lower_bound"`
		BoundNote  string   `json:"bound_note"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.BoundNote, "slot bound not computed") || doc.LowerBound == nil {
		t.Errorf("bound_note %q, lower_bound %v", doc.BoundNote, doc.LowerBound)
	}
	path = writeTemp(t, "toomany.yaml", "values: [1]\nunits: [2000000]\np: [[0.5]]\n")
	if code, _, errs := rampart(t, "wta", path); code != exitBadInput || !strings.Contains(errs, "units[0]") || !strings.Contains(errs, "1000000") {
		t.Errorf("2000000 units: exit %d, stderr %q", code, errs)
	}
}

// Target values whose sums overflow are refused with exit 2, naming the
// value and the range (issue 11: "json: unsupported value: +Inf", exit 1).
func TestWTAHugeValuesRefused(t *testing.T) {
	y := writeTemp(t, "huge.yaml", "values: [1.7e308, 1.7e308]\nunits: [1]\np: [[0.5, 0.5]]\n")
	txt := writeTemp(t, "huge.txt", "1 2 1\n1.7e308\n1.7e308\n0 0 0.5\n0 1 0.5\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"wta", y, "--json"}, "huge.yaml:1:10: values[0]: 1.7e+308 is not in [0, 1e+12]"},
		{[]string{"wta", y}, "values[1]: 1.7e+308 is not in [0, 1e+12]"},
		{[]string{"wta", txt, "--json"}, `huge.txt:2:1: value of target 0 "1.7e308": want a number in [0, 1e+12]`},
		{[]string{"wta", txt}, `value of target 0 "1.7e308": want a number in [0, 1e+12]`},
	} {
		code, out, errs := rampart(t, c.args...)
		if code != exitBadInput || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("rampart %q = exit %d, stdout %.200q, stderr %q; want exit %d mentioning %q", c.args, code, out, errs, exitBadInput, c.want)
		}
	}
}
