package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/golden"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

// goldenTolerance is how far a library document's numbers may move before
// the golden test fails. The documents hold 6 significant digits
// (jsonout's rule), so a last-bit change of the arithmetic (FMA with
// GOAMD64=v3, arm64) can flip the last digit: 1e-5 relative, allowed ten
// times over. Solver residuals such as a miss distance of a few
// millimetres (in km) are round-off, not results, and reports show
// nothing below 1e-4 in any unit: that is the absolute floor.
var goldenTolerance = golden.Tolerance{Rel: 1e-4, Abs: 1e-4}

// goldenTrials is the number of Monte Carlo trials of the engine-based
// library scenarios in the golden tests: enough to exercise every path,
// few enough to keep the suite fast. The analyses ignore it unless they
// draw (numbers: its Monte Carlo check).
const goldenTrials = "3"

// trialsFlag is --trials goldenTrials for a study with Monte Carlo trials,
// and nothing for the others, which refuse it (issue 12).
func trialsFlag(s *scenario.Scenario) []string {
	if study.KindUses(s).MonteCarlo {
		return []string{"--trials", goldenTrials}
	}
	return nil
}

// TestLibraryGolden runs every library scenario with --json and compares
// the document with testdata/golden/NAME.json within goldenTolerance,
// listing the paths that differ. Long arrays are kept thinned (golden.Thin).
// Regenerate with: go test ./cmd/rampart -run TestLibraryGolden -update
func TestLibraryGolden(t *testing.T) {
	for _, s := range scenario.Library() {
		t.Run(s.Name, func(t *testing.T) {
			code, out, errs := rampart(t, append([]string{"run", s.Name, "--json", "--workers", "2"}, trialsFlag(s)...)...)
			if code != exitOK {
				t.Fatalf("rampart run %s = %d: %s", s.Name, code, errs)
			}
			var doc struct {
				Scenario string `json:"scenario"`
				Headline struct {
					Question string   `json:"question"`
					Answer   string   `json:"answer"`
					Value    *float64 `json:"value"`
					Unit     string   `json:"unit"`
				} `json:"headline"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("output is not JSON: %v", err)
			}
			h := doc.Headline
			if doc.Scenario != s.Name || h.Question == "" || h.Answer == "" || h.Value == nil || h.Unit == "" {
				t.Errorf("headline incomplete: %+v", h)
			}
			golden.JSON(t, filepath.Join("testdata", "golden", s.Name+".json"), []byte(out), goldenTolerance)
		})
	}
}

// TestLibraryReports writes each analysis scenario's report directory and
// exports it in every format: the report is offline (no external
// resources), holds the headline, maps and plots, and lists the files.
func TestLibraryReports(t *testing.T) {
	for _, s := range scenario.Library() {
		if s.Analysis == nil || s.Analysis.Kind == "architecture" || s.Analysis.Kind == "battlespace" {
			continue // the slow ones are covered by the golden test and TestRunOutWritesReportDir
		}
		t.Run(s.Name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, errs := rampart(t, append([]string{"run", s.Name, "--out", dir}, trialsFlag(s)...)...)
			if code != exitOK {
				t.Fatalf("rampart run %s --out = %d: %s", s.Name, code, errs)
			}
			for _, f := range []string{"report.html", "results.json", "events.csv", "scene.json"} {
				if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
					t.Errorf("%s missing or empty: %v", f, err)
				}
			}
			html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
			page := string(html)
			for _, want := range []string{"<svg", s.Name, "Assumptions"} {
				if !strings.Contains(page, want) {
					t.Errorf("report.html lacks %q", want)
				}
			}
			for _, bad := range []string{"<script src", "<link ", "src=\"http", "href=\"http", "url(http"} {
				if strings.Contains(page, bad) {
					t.Errorf("report.html is not self-contained: it has %q", bad)
				}
			}
			// Every report has a figure, and every report with geography a
			// map; a figure with nothing to show is a sentence instead
			// (numbers' P(no leaker), issue 12 §7).
			if n := strings.Count(page, "<svg"); n < 1 {
				t.Errorf("report.html has no figure")
			}
			if scene, _ := os.ReadFile(filepath.Join(dir, "scene.json")); strings.Contains(string(scene), `"lat_deg"`) && !strings.Contains(page, `aria-label="Map:`) {
				t.Errorf("report.html has geography in scene.json but no map")
			}
			for _, format := range []string{"czml", "kml", "geojson"} {
				code, out, errs := rampart(t, "export", dir, "--format", format)
				if code != exitOK || len(out) == 0 {
					t.Errorf("export %s = %d: %s", format, code, errs)
				}
			}
		})
	}
}
