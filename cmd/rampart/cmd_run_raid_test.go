package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// TestRaidFieldsValidateAndRunAgree: a bad battery field of the
// patriot-rotation scenario is refused by validate and by run alike, at
// its file line and field, with exit 2; and --trials, which a rotation
// without a raid refuses, is read by one with a raid.
func TestRaidFieldsValidateAndRunAgree(t *testing.T) {
	data, _, ok := scenario.LibraryText("patriot-rotation")
	if !ok {
		t.Fatal("no patriot-rotation in the library")
	}
	bad := strings.Replace(string(data), "rounds: 24, radar: AN/MPQ-65", "rounds: 0, radar: AN/MPQ-65", 1)
	file := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, cmd := range []string{"validate", "run"} {
		code, _, errs := rampart(t, cmd, file)
		if code != exitBadInput || !strings.Contains(errs, "bad.yaml:") || !strings.Contains(errs, "analysis.deployments[0].rounds: 0 is out of range; allowed: 1 to 10000") {
			t.Errorf("rampart %s bad.yaml = %d, %q; want exit %d naming analysis.deployments[0].rounds at its line", cmd, code, errs, exitBadInput)
		}
		msgs = append(msgs, strings.SplitN(errs, "\n", 2)[0])
	}
	if len(msgs) == 2 && msgs[0] != msgs[1] {
		t.Errorf("validate says %q, run says %q; want the same problem", msgs[0], msgs[1])
	}
	if code, _, errs := rampart(t, "run", "patriot-rotation", "--trials", "2", "--json"); code != exitOK {
		t.Errorf("rampart run patriot-rotation --trials 2 = %d: %s", code, errs)
	}
}
