package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

// limitRun is one input at a documented limit (docs/limits.md), run as a
// user would, in a child process under a Go memory limit.
type limitRun struct {
	name string
	args func(t *testing.T) []string
	// goMemLimit is the GOMEMLIMIT of the child; rssCapMiB the peak
	// resident set it may reach (docs/limits.md states it).
	goMemLimit string
	rssCapMiB  int64
	want       int    // exit code
	stdout     string // must appear in the output, if not empty
}

// TestLimitsAtMaximum (issue 11) runs each input limit at its maximum in a
// child process with GOMEMLIMIT set and checks its peak RSS. Minutes long:
// make test-long runs it.
func TestLimitsAtMaximum(t *testing.T) {
	if testing.Short() {
		t.Skip("runs each limit at its maximum: minutes; make test-long")
	}
	for _, c := range []limitRun{
		{
			name: "raid of MaxFlights missiles launched together, one trial",
			args: func(t *testing.T) []string {
				return []string{"run", writeTemp(t, "raid.yaml", raidAtMax(t)), "--trials", "1", "--workers", "1", "--json"}
			},
			goMemLimit: "400MiB", rssCapMiB: 600, want: exitOK, stdout: `"trials": 1`,
		},
		{
			name: "wta with MaxUnits units",
			args: func(t *testing.T) []string {
				return []string{"wta", writeTemp(t, "units.yaml", fmt.Sprintf("values: [1]\nunits: [%d]\np: [[0.5]]\n", 1_000_000)), "--json"}
			},
			goMemLimit: "200MiB", rssCapMiB: 300, want: exitOK, stdout: `"bound_note"`,
		},
		{
			name: "scenario file at MaxFileSize with nearly MaxNodes nodes",
			args: func(t *testing.T) []string {
				var b strings.Builder
				b.WriteString("name: big\nx-notes:\n")
				for b.Len() < scenario.MaxFileSize-16 {
					b.WriteString("- a\n")
				}
				return []string{"validate", writeTemp(t, "big.yaml", b.String())}
			},
			goMemLimit: "300MiB", rssCapMiB: 500, want: exitBadInput,
		},
		{
			name: "events.csv of more trials than MaxEventRows holds",
			args: func(t *testing.T) []string {
				return []string{"run", writeTemp(t, "cheap.yaml", cheapScenario), "--trials", fmt.Sprint(2 * study.MaxEventRows), "--out", filepath.Join(t.TempDir(), "rep")}
			},
			goMemLimit: "200MiB", rssCapMiB: 250, want: exitOK, stdout: "events.csv holds the events of the first",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], c.args(t)...)
			cmd.Env = append(os.Environ(), "RAMPART_TEST_MAIN=1", "GOMEMLIMIT="+c.goMemLimit)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			rssMiB := ru.Maxrss / 1024 // Linux reports KiB
			cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			t.Logf("exit %d, peak RSS %d MiB, CPU %v, wall %v", code, rssMiB, cpu.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
			if code != c.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.want, tail(stderr.String()))
			}
			if rssMiB > c.rssCapMiB {
				t.Errorf("peak RSS %d MiB, more than the stated %d MiB", rssMiB, c.rssCapMiB)
			}
			if c.stdout != "" && !strings.Contains(stdout.String(), c.stdout) {
				t.Errorf("output lacks %q:\n%s", c.stdout, tail(stdout.String()))
			}
		})
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// raidAtMax is the default scenario with its first threat grown so that
// the raid holds MaxFlights missiles, launched 0.01 s apart.
func raidAtMax(t *testing.T) string {
	src, err := os.ReadFile("../../internal/scenario/library/europe.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Check("europe.yaml", src, scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	others := 0
	for _, th := range s.Threats[1:] {
		others += th.Count
	}
	first := fmt.Sprintf("    count: %d\n    interval_s: 0.01\n", scenario.MaxFlights-others)
	out := strings.Replace(string(src), "    count: 2\n    interval_s: 20\n", first, 1)
	if out == string(src) {
		t.Fatal("europe.yaml's first threat no longer has count 2, interval 20 s")
	}
	return out
}

// cheapScenario is one missile, no defense: about 0.15 ms a trial, so
// that many trials are quick.
const cheapScenario = `name: cheap
question: what does one unengaged missile cost per trial?
run: {seed: 1, trials: 1, duration_s: 1200, architecture: integrated}
owners: [{name: A}]
threats:
  - {name: s, missile: Shahab-3, from: {place: Tabriz}, to: {place: Kürecik}, profile: min-energy, count: 1}
assets:
  - {name: Kürecik, owner: A, place: Kürecik, value: 1, radius_km: 10}
`
