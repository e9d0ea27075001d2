package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRunProgressOnTerminal (issue 13) runs rampart with stderr on a
// pseudo-terminal (util-linux script) and stdout to a file: each phase
// draws one labelled bar that reaches 100 % once, and stdout holds the
// JSON document alone. Before issue 13 the bar carried no label and the
// world build showed none.
func TestRunProgressOnTerminal(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script(1) to give rampart a terminal")
	}
	dir := t.TempDir()
	scen := writeTemp(t, "cheap.yaml", cheapScenario)
	out := filepath.Join(dir, "out.json")
	line := "exec '" + os.Args[0] + "' run '" + scen + "' --trials 20 --workers 1 --json > '" + out + "'"
	cmd := exec.Command(script, "-qec", line, "/dev/null")
	cmd.Env = append(os.Environ(), "RAMPART_TEST_MAIN=1")
	tty, err := cmd.Output()
	if err != nil {
		t.Fatalf("script -c %q: %v; terminal output %q", line, err, tty)
	}
	term := string(tty)
	for _, label := range []string{"aiming threats", "Monte Carlo trials"} {
		full := regexp.MustCompile(regexp.QuoteMeta(label) + ` \[#+\] (\d+)/(\d+) \(100 %\), done in `)
		if n := len(full.FindAllString(term, -1)); n != 1 {
			t.Errorf("terminal shows the %q bar at 100 %% %d times, want once:\n%q", label, n, term)
		}
	}
	if !strings.Contains(term, "Monte Carlo trials [########################] 20/20 (100 %)") {
		t.Errorf("terminal output %q lacks the full trials bar", term)
	}
	if !strings.Contains(term, "\r") {
		t.Errorf("terminal output %q: the bar is not redrawn in place", term)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(doc, &v); err != nil || strings.Contains(string(doc), "trials [") {
		t.Errorf("stdout is not the JSON document alone (%v):\n%.300s", err, doc)
	}
}
