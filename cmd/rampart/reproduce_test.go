package main

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// reportCommand finds the reproduce command in report.html's Inputs.
var reportCommand = regexp.MustCompile(`<dt>Command</dt><dd><code>([^<]*)</code></dd>`)

// TestReproduceCommandRunsAsPrinted: the command that a report, its
// results.json and the text summary print runs as printed (it failed on
// the old main: `rampart run library/europe.yaml …` exits 2) and gives the
// same numbers: the same text summary, and with --json the same document,
// byte for byte, as the run's results.json, at another worker count. The
// runs cover a library scenario by name, the default scenario, and a file
// by a relative path with a space, with non-default seed, trials, picks,
// physics flags and --warning-value.
func TestReproduceCommandRunsAsPrinted(t *testing.T) {
	library := filepath.Join("..", "..", "internal", "scenario", "library")
	kaliningrad, err := os.ReadFile(filepath.Join(library, "kaliningrad.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	europe, err := os.ReadFile(filepath.Join(library, "europe.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// --warning-value needs owners that share: europe, separate-linked.
	linked := strings.Replace(string(europe), "architecture: integrated", "architecture: separate-linked", 1)
	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, "my raid.yaml"), kaliningrad, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(work, "raids"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "raids", "linked.yaml"), []byte(linked), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	for _, c := range []struct {
		name string
		args []string
		want string // the command printed
	}{
		{"library engine", []string{"run", "Europe", "--seed", "5", "--trials", "2", "--pick", "low", "--no-drag"},
			"rampart run europe --seed 5 --trials 2 --no-drag --pick low"},
		{"file with --warning-value", []string{"run", "raids/linked.yaml", "--seed", "3", "--trials", "1", "--warning-value", "--no-drag"},
			"rampart run raids/linked.yaml --seed 3 --trials 1 --no-drag --warning-value"},
		{"default scenario", []string{"run", "--trials", "1", "--no-rotation", "--no-drag"},
			"rampart run " + scenario.Default + " --seed 1 --trials 1 --no-rotation --no-drag"},
		{"library analysis", []string{"run", "numbers", "--seed", "9", "--trials", "40"},
			"rampart run numbers --seed 9 --trials 40"},
		{"file by relative path", []string{"run", "my raid.yaml", "--trials", "2", "--pick", "low", "--earth", "sphere", "--no-rotation", "--no-drag"},
			"rampart run 'my raid.yaml' --seed 1 --trials 2 --earth sphere --no-rotation --no-drag --pick low"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(work, strings.ReplaceAll(c.name, " ", "-"))
			code, text, errs := rampart(t, append(c.args, "--out", out, "--workers", "2")...)
			if code != exitOK {
				t.Fatalf("rampart %s = %d: %s", strings.Join(c.args, " "), code, errs)
			}
			results, err := os.ReadFile(filepath.Join(out, "results.json"))
			if err != nil {
				t.Fatal(err)
			}
			page, err := os.ReadFile(filepath.Join(out, "report.html"))
			if err != nil {
				t.Fatal(err)
			}
			m := reportCommand.FindSubmatch(page)
			if m == nil {
				t.Fatal("report.html prints no command")
			}
			printed := html.UnescapeString(string(m[1]))
			var doc struct {
				Reproduce string `json:"reproduce"`
			}
			if err := json.Unmarshal(results, &doc); err != nil {
				t.Fatal(err)
			}
			if printed != c.want || doc.Reproduce != printed || !strings.Contains(text, "\nreproduce: "+printed+"\n") {
				t.Fatalf("command printed:\n  report.html  %s\n  results.json %s\n  want         %s\n  text:\n%s", printed, doc.Reproduce, c.want, text)
			}
			words := shellWords(t, printed)
			if len(words) < 2 || words[0] != "rampart" {
				t.Fatalf("%q does not start with rampart", printed)
			}
			code, again, errs := rampart(t, words[1:]...)
			if code != exitOK {
				t.Fatalf("%s = %d: %s", printed, code, errs)
			}
			if again != text {
				t.Errorf("%s prints another summary:\n%s\nwant\n%s", printed, again, text)
			}
			code, asJSON, errs := rampart(t, append(words[1:], "--json")...)
			if code != exitOK {
				t.Fatalf("%s --json = %d: %s", printed, code, errs)
			}
			if asJSON != string(results) {
				t.Errorf("%s --json differs from the run's results.json", printed)
			}
		})
	}
}

// shellWords splits a command line as a POSIX shell splits the words that
// ReproduceCommand writes: blanks separate words, single quotes quote.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	for _, r := range line {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			w.WriteRune(r)
		case r == '\'':
			quoted, inWord = true, true
		case r == ' ':
			if inWord {
				words = append(words, w.String())
				w.Reset()
			}
			inWord = false
		case strings.ContainsRune("\"\\$`*?[]()<>|&;~#!{}", r):
			t.Fatalf("%q holds %q unquoted", line, r)
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("%q has an unclosed quote", line)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}
