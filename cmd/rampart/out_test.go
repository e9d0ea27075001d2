package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/scene"
)

// TestMain lets a test run the real main (signal handling included) by
// re-executing the test binary with RAMPART_TEST_MAIN=1.
func TestMain(m *testing.M) {
	if os.Getenv("RAMPART_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestRunOutRefusesTargets: --out onto a file, a symbolic link, a
// directory of other files or below a file is bad input, refused before
// the trials, and leaves what was there alone.
func TestRunOutRefusesTargets(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "report.html")
	os.WriteFile(file, []byte("precious"), 0o644)
	other := filepath.Join(parent, "docs")
	os.Mkdir(other, 0o755)
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("precious"), 0o644)
	link := filepath.Join(parent, "link")
	os.Symlink(other, link)
	for _, target := range []string{file, link, other, filepath.Join(file, "rep")} {
		code, _, errs := rampart(t, "run", "--trials", "1", "--out", target)
		if code != exitBadInput || !strings.Contains(errs, target) || strings.Count(errs, "\n") != 1 {
			t.Errorf("rampart run --out %s = exit %d, stderr %q; want %d and one line naming it", target, code, errs, exitBadInput)
		}
	}
	if b, _ := os.ReadFile(file); string(b) != "precious" {
		t.Errorf("%s was changed", file)
	}
	if b, _ := os.ReadFile(filepath.Join(other, "notes.txt")); string(b) != "precious" {
		t.Errorf("%s was changed", other)
	}
	if es, _ := os.ReadDir(parent); len(es) != 3 {
		t.Errorf("%s holds %d entries, want the 3 originals and no temporary", parent, len(es))
	}
}

// TestRunOutReplacesEarlierReport: a second run onto the same DIR replaces
// the report whole and leaves no temporary beside it.
func TestRunOutReplacesEarlierReport(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "rep")
	for _, seed := range []string{"1", "2"} {
		if code, _, errs := rampart(t, "run", "--trials", "1", "--seed", seed, "--out", dir); code != exitOK {
			t.Fatalf("rampart run --seed %s --out = %d, stderr %q", seed, code, errs)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "results.json")); !bytes.Contains(b, []byte(`"seed": 2`)) {
		t.Errorf("results.json was not replaced by the second run's")
	}
	if es, _ := os.ReadDir(parent); len(es) != 1 {
		t.Errorf("%s holds %d entries, want rep only", parent, len(es))
	}
}

// TestExportOutRefusesOwnInput: --out onto DIR/scene.json, by any path, is
// bad input and leaves the scene alone.
func TestExportOutRefusesOwnInput(t *testing.T) {
	dir := validSceneDir(t)
	input := filepath.Join(dir, scene.FileName)
	before, _ := os.ReadFile(input)
	link := filepath.Join(t.TempDir(), "alias")
	os.Symlink(dir, link)
	for _, out := range []string{input, filepath.Join(dir, ".", scene.FileName), filepath.Join(link, scene.FileName)} {
		code, _, errs := rampart(t, "export", dir, "--format", "geojson", "--out", out)
		if code != exitBadInput || !strings.Contains(errs, "own input") {
			t.Errorf("rampart export --out %s = exit %d, stderr %q; want %d", out, code, errs, exitBadInput)
		}
	}
	if after, _ := os.ReadFile(input); !bytes.Equal(before, after) {
		t.Error("scene.json was changed")
	}
	// A symbolic link as --out is refused, not written through.
	target := filepath.Join(t.TempDir(), "precious")
	os.WriteFile(target, []byte("precious"), 0o644)
	outLink := filepath.Join(t.TempDir(), "x.geojson")
	os.Symlink(target, outLink)
	if code, _, errs := rampart(t, "export", dir, "--format", "geojson", "--out", outLink); code != exitBadInput {
		t.Errorf("rampart export --out LINK = exit %d, stderr %q; want %d", code, errs, exitBadInput)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Error("the link's target was overwritten")
	}
}

// TestRunOutSIGINT: SIGINT during a long run with --out leaves neither the
// report directory nor a temporary one.
func TestRunOutSIGINT(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "rep")
	cmd := exec.Command(os.Args[0], "run", "--trials", "1000000", "--workers", "1", "--out", dir)
	cmd.Env = append(os.Environ(), "RAMPART_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond) // past start-up, into the trials
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != exitInternal {
			t.Errorf("after SIGINT: %v, want exit %d", err, exitInternal)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("rampart run did not stop within 20 s of SIGINT")
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr = %q, want it to say interrupted", stderr.String())
	}
	if es, _ := os.ReadDir(parent); len(es) != 0 {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("after SIGINT %s holds %q, want nothing", parent, names)
	}
}
