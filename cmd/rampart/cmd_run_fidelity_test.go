package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// TestRunFidelity: --fidelity fast runs the fast model and says so in the
// JSON (fidelity), the text and the reproduce command; the default stays
// full; a value outside full, fast and the flag on an analysis are refused
// with the allowed values (exit 2); the fast results do not depend on the
// number of workers; a scenario's run.fidelity selects it too.
func TestRunFidelity(t *testing.T) {
	fidelity := func(args ...string) (string, string) {
		t.Helper()
		code, out, errs := rampart(t, append([]string{"run", "--json", "--trials", "4"}, args...)...)
		if code != exitOK {
			t.Fatalf("rampart run %v = %d, %s", args, code, errs)
		}
		var doc struct {
			Fidelity  string `json:"fidelity"`
			Reproduce string `json:"reproduce"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Fidelity, out
	}
	if f, _ := fidelity(); f != "full" {
		t.Errorf("default fidelity %q, want full", f)
	}
	f1, out1 := fidelity("--fidelity", "fast", "--workers", "1")
	_, out2 := fidelity("--fidelity", "fast", "--workers", "2")
	if f1 != "fast" || !strings.Contains(out1, "--fidelity fast") {
		t.Errorf("--fidelity fast: fidelity %q, reproduce without --fidelity fast", f1)
	}
	if out1 != out2 {
		t.Error("--fidelity fast: JSON differs between 1 and 2 workers")
	}
	if code, out, _ := rampart(t, "run", "--trials", "4", "--fidelity", "fast"); code != exitOK || !strings.Contains(out, "fast fidelity") {
		t.Errorf("text of --fidelity fast = %d, does not say \"fast fidelity\"", code)
	}
	for _, args := range [][]string{{"run", "--fidelity", "medium"}, {"run", "numbers", "--fidelity", "fast"}, {"run", "architecture", "--fidelity", "full"}} {
		code, _, errs := rampart(t, args...)
		if code != exitBadInput || !strings.Contains(errs, "--fidelity") || !strings.Contains(errs, "full, fast") {
			t.Errorf("rampart %v = %d, %q; want exit %d naming --fidelity and full, fast", args, code, errs, exitBadInput)
		}
	}
	// run.fidelity in the scenario file.
	src, err := os.ReadFile(filepath.Join("..", "..", "internal", "scenario", "library", scenario.Default+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fast.yaml")
	body := strings.Replace(string(src), "  architecture: integrated", "  architecture: integrated\n  fidelity: fast", 1)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, _ := fidelity(path); f != "fast" {
		t.Errorf("run.fidelity: fast gave fidelity %q", f)
	}
	if f, _ := fidelity(path, "--fidelity", "full"); f != "full" {
		t.Errorf("--fidelity full over run.fidelity: fast gave %q", f)
	}
}
