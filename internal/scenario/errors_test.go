package scenario

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden files")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update after checking it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestErrorOutputGolden fixes the exact error format the CLI prints for a
// file with many mistakes.
func TestErrorOutputGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/broken.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Check("testdata/broken.yaml", data, testCatalog)
	if err == nil {
		t.Fatal("Check(testdata/broken.yaml) = nil error, want problems")
	}
	golden(t, "broken.golden", err.Error()+"\n")
}

// TestAllProblemsReported checks that one pass reports every mistake in
// testdata/broken.yaml: one problem per line listed here.
func TestAllProblemsReported(t *testing.T) {
	data, err := os.ReadFile("testdata/broken.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Check("testdata/broken.yaml", data, testCatalog)
	var e *Errors
	if !errors.As(err, &e) {
		t.Fatalf("Check error = %v, want *Errors", err)
	}
	// Each mistake in the file, by line and field path.
	want := []string{
		"3 name", "5 run.seed", "5 run.trials", "5 run.architecture",
		"8 owners[1].name", "11 sites[0].owner", "13 sites[0].lat_deg",
		"17 sites[0].platforms[0].parts[0].type", "17 sites[0].platforms[0].parts[0].rounds",
		"18 sites[0].platforms[0].parts[1].rounds", "19 sites[0].platforms[0].parts[2].kind",
		"22 threats[0].missile", "23 threats[0].from", "24 threats[0].to.lat_deg",
		"25 threats[0].profle", "26 threats[0].count", "27 threats[1].name",
		"31 threats[1].profile", "32 threats[1].launch_time_s",
		"34 assets[0].value", "35 assets[1].lon_deg", "36 extra",
	}
	var got []string
	for _, p := range e.Problems {
		got = append(got, fmt.Sprintf("%d %s", p.Line, p.Path))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems (line path):\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range e.Problems {
		if p.File != "testdata/broken.yaml" || p.Line == 0 || p.Col == 0 || p.Msg == "" {
			t.Errorf("problem %+v lacks a file, position or message", p)
		}
	}
}

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.yaml", Line: 3, Col: 7, Path: "run.seed", Msg: "bad"}, "a.yaml:3:7: run.seed: bad"},
		{Problem{File: "a.yaml", Line: 3, Path: "run.seed", Msg: "bad"}, "a.yaml:3: run.seed: bad"},
		{Problem{File: "a.yaml", Msg: "file is empty"}, "a.yaml: file is empty"},
		{Problem{Path: "threats[0].count", Msg: "0 is out of range"}, "threats[0].count: 0 is out of range"},
		{Problem{Msg: "bad"}, "bad"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
	}
}

// TestTooManyProblems checks that a file with thousands of mistakes yields
// MaxProblems problems and a count of the rest.
func TestTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: many\nassumptions:\n")
	const n = 250
	for range n {
		b.WriteString("  - 1\n")
	}
	_, err := Parse("many.yaml", []byte(b.String()))
	var e *Errors
	if !errors.As(err, &e) {
		t.Fatalf("Parse error = %v, want *Errors", err)
	}
	if len(e.Problems) != MaxProblems || e.Omitted != n-MaxProblems {
		t.Errorf("got %d problems and %d omitted, want %d and %d", len(e.Problems), e.Omitted, MaxProblems, n-MaxProblems)
	}
	if last := e.Error()[strings.LastIndex(e.Error(), "\n")+1:]; last != "... and 150 more problems" {
		t.Errorf("last line = %q, want %q", last, "... and 150 more problems")
	}
}

func TestSuggest(t *testing.T) {
	allowed := []string{"name", "missile", "burnout_speed_kms", "profile", "launch_time_s", "count", "interval_s"}
	for _, c := range []struct{ in, want string }{
		{"profle", "profile"},
		{"Profile", "profile"},
		{"launch_time", "launch_time_s"},
		{"mssile", "missile"},
		{"cnt", "count"},
		{"xyzzy", ""},
		{strings.Repeat("a", 1000), ""},
	} {
		if got := suggest(c.in, allowed); got != c.want {
			t.Errorf("suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
