package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

// Every example command line in any --help (a command's Example and Long
// text) and in README.md runs and exits 0 (issue 12: fly --help's Sejjil
// example and run --help's "run architecture --warning-value" exited 2).

// example is one example command line and where it was written.
type example struct {
	source string // "rampart fly --help", "README.md:43"
	line   string
}

// helpExamples returns the lines of every command's Example, and the
// indented lines of its Long text, that begin with "rampart ", in command
// order.
func helpExamples() []example {
	var out []example
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for i, text := range []string{c.Example, c.Long} {
			for _, l := range strings.Split(text, "\n") {
				if i == 1 && !strings.HasPrefix(l, " ") {
					continue // prose
				}
				if l = strings.TrimSpace(l); strings.HasPrefix(l, "rampart ") || l == "rampart" {
					out = append(out, example{c.CommandPath() + " --help", l})
				}
			}
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(newRootCmd(nil, nil))
	return out
}

// synopsis matches a usage synopsis rather than an example: an optional
// part in brackets, alternatives, "...", or a placeholder (FILE, NAME,
// LAT,LON).
var synopsis = regexp.MustCompile(`[\[\]|]|\.\.\.|\b(FILE|NAME|SCENARIO|DIR|LAT,LON|N|S|V|F)\b`)

// readmeExamples returns the command lines of README.md's code blocks that
// begin with "rampart" or "bin/rampart", continuation lines joined and
// comments removed, leaving out usage synopses (synopsis).
func readmeExamples(t *testing.T) (runnable []example, synopses int) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	inBlock, n := false, 0
	var pending string
	for sc.Scan() {
		n++
		l := sc.Text()
		if strings.HasPrefix(l, "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock {
			continue
		}
		if pending != "" {
			l = pending + " " + strings.TrimSpace(l)
			pending = ""
		}
		if i := strings.Index(l, " #"); i >= 0 {
			l = l[:i]
		}
		l = strings.TrimSpace(l)
		if strings.HasSuffix(l, `\`) {
			pending = strings.TrimSuffix(l, `\`)
			continue
		}
		if !strings.HasPrefix(l, "rampart") && !strings.HasPrefix(l, "bin/rampart") {
			continue
		}
		if synopsis.MatchString(strings.TrimPrefix(l, "bin/")) {
			synopses++
			continue
		}
		runnable = append(runnable, example{"README.md:" + strconv.Itoa(n), l})
	}
	return runnable, synopses
}

// slowExamples are left out under -short, each with the reason; `make
// test-long` runs them. An example that reads what a left-out one writes
// is left out with it.
var slowExamples = map[string]string{
	"run redzikowo-icbm": "the battle-space analysis of 24 trajectories × 6 cues takes about 25 s of CPU (measured); TestLibraryGolden runs it",
}

// shortTrials is appended to a `run` example under -short: the example's
// scenario, flags and outputs are all exercised, in 2 Monte Carlo trials
// instead of the scenario's (a 1,000-trial europe run takes minutes).
var shortTrials = []string{"--trials", "2"}

// words splits a command line as a shell would for these examples: on
// blanks, with double quotes grouping.
func words(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, has := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote, has = !inQuote, true
		case r == ' ' && !inQuote:
			if has {
				out = append(out, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if has {
		out = append(out, cur.String())
	}
	return out
}

// runExample runs one example line in the current directory: parts joined
// by && in turn, each a rampart command line (its "> FILE" redirect
// honoured), "cmp A B", or a viewer (xdg-open), which is not run.
func runExample(t *testing.T, ex example) {
	t.Helper()
	for _, part := range strings.Split(ex.line, "&&") {
		w := words(strings.TrimSpace(part))
		switch w[0] {
		case "xdg-open":
			continue
		case "cmp":
			a, errA := os.ReadFile(w[1])
			b, errB := os.ReadFile(w[2])
			if errA != nil || errB != nil || !bytes.Equal(a, b) {
				t.Errorf("%s: %q: %s and %s differ (%v, %v)", ex.source, ex.line, w[1], w[2], errA, errB)
			}
			continue
		case "rampart", "bin/rampart":
			if len(w) > 1 && w[1] == "serve" {
				serveExample(t, ex, w[1:])
				continue
			}
		default:
			t.Fatalf("%s: %q: cannot run %q", ex.source, ex.line, w[0])
		}
		args := w[1:]
		var redirect string
		if i := indexOf(args, ">"); i >= 0 {
			redirect, args = args[i+1], args[:i]
		}
		if testing.Short() && len(args) > 0 && args[0] == "run" && monteCarlo(t, args) {
			args = append(args, shortTrials...)
		}
		code, out, errs := rampart(t, args...)
		if code != exitOK {
			t.Errorf("%s: %q = exit %d, want 0: %s", ex.source, ex.line, code, errs)
			return
		}
		if redirect != "" {
			if err := os.WriteFile(redirect, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// monteCarlo reports whether the run command line args runs a study with
// Monte Carlo trials (the others refuse --trials).
func monteCarlo(t *testing.T, args []string) bool {
	t.Helper()
	name := scenario.Default
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") {
		name = args[1]
	}
	s, _, err := study.Load(name)
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return study.KindUses(s).MonteCarlo
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

func TestEveryExampleRuns(t *testing.T) {
	readme, synopses := readmeExamples(t)
	if len(readme) < 4 || synopses == 0 {
		t.Fatalf("README.md: %d examples and %d synopses found; the parser missed the code blocks", len(readme), synopses)
	}
	all := append(helpExamples(), readme...)
	if len(all) < 20 {
		t.Fatalf("only %d examples found", len(all))
	}

	// The examples name files of the source tree (examples/) and the
	// benchmark folder beside it (../shared/bench): they run in a scratch
	// directory laid out the same way, so that what they write stays there.
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	scratch := t.TempDir()
	proj := filepath.Join(scratch, "project")
	if err := os.Mkdir(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(repo, "examples"), filepath.Join(proj, "examples")); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(repo, "..", "shared")
	haveShared := false
	if _, err := os.Stat(filepath.Join(shared, "bench")); err == nil {
		haveShared = true
		if err := os.Symlink(shared, filepath.Join(scratch, "shared")); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(proj)

	var leftOut []string // outputs of left-out examples
	for _, ex := range all {
		reason := ""
		for k, why := range slowExamples {
			if strings.Contains(ex.line, k) {
				reason = why
			}
		}
		if strings.Contains(ex.line, "nats://") {
			t.Logf("%s: %q left out: it needs that NATS server and its workers; TestNATSFourWorkersOneKilled runs them on an embedded server", ex.source, ex.line)
			continue
		}
		if strings.Contains(ex.line, "postgres://") {
			t.Logf("%s: %q left out: it needs that PostgreSQL server; internal/store's tests run the store against one (scripts/postgres-test.sh)", ex.source, ex.line)
			continue
		}
		if strings.Contains(ex.line, "../shared/") && !haveShared {
			t.Logf("%s: %q left out: no benchmark folder at %s (the published instances are not copied into the project)", ex.source, ex.line, shared)
			continue
		}
		for _, o := range leftOut {
			if strings.Contains(ex.line, o) {
				reason = "reads " + o + ", written by a left-out example"
			}
		}
		if testing.Short() && reason != "" {
			if w := words(ex.line); indexOf(w, "--out") >= 0 {
				leftOut = append(leftOut, w[indexOf(w, "--out")+1])
			}
			t.Logf("%s: %q left out under -short: %s", ex.source, ex.line, reason)
			continue
		}
		runExample(t, ex)
	}
}
