package study

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// TestKinds runs one library scenario of each kind (architecture and
// battlespace, the slow two, are left to the golden test) and checks
// what the kind promises: its name in the result and the JSON, its
// headline's unit and a value within the bounds its physics or
// arithmetic set, and its report sections by heading.
func TestKinds(t *testing.T) {
	for _, c := range []struct {
		scenario, kind, unit string
		lo, hi               float64 // bounds of the headline value, and why
		sections             []string
	}{
		// The mean leaking is 0 to the raid's size (hi is set below).
		{"europe", EngineKind, "warheads leaking per raid (mean)", 0, -1,
			[]string{"Outcome", "Geometry of the raid (intercepts of trial 0)"}},
		// The raid's mean leakers: 0 to its size (hi is set below); the
		// engine's sections come first, then the reach's.
		{"kaliningrad", "reach", "threats leaking per raid (mean)", 0, -1,
			[]string{"The raid against the defenses", "Geometry of the raid (intercepts of trial 0)", "Flight times", "Range rings (one per range value and claim)", "Ranges and places"}},
		// 1,550 warheads against 48 interceptors: each interceptor kills
		// at most one, so at least 1,502 survive.
		{"numbers", "salvo", "expected surviving warheads", 1550 - 48, 1550,
			[]string{"Salvo arithmetic"}},
		// A probability.
		{"patriot-rotation", "rotation", "P(Vilnius survives the raid) in its worst phase", 0, 1,
			[]string{"The raid in each phase", "Coverage over the year", "Batteries, defended circles and assets"}},
		{"radars", "radar", "fraction of launches seen by at least one radar", 0, 1,
			[]string{"Coverage", "Radar footprints and launches", "Every sighting"}},
		// A fighter at under Mach 2 from bases 100-300 km away: minutes,
		// not hours.
		{"air-policing", "air-policing", "min, slowest of the quickest interceptions", 1, 60,
			[]string{"Quick-reaction interceptions (identification, peacetime)", "Bases, tracks and interception points (filled: the quickest base)"}},
	} {
		t.Run(c.scenario, func(t *testing.T) {
			s, st, err := Load(c.scenario)
			if err != nil {
				t.Fatal(err)
			}
			if c.hi < 0 {
				c.hi = 0
				for _, th := range s.Threats {
					c.hi += float64(th.Count)
				}
			}
			res, err := Run(s, st, Options{Seed: 1, Trials: 3, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			if res.Kind != c.kind {
				t.Errorf("kind %q, want %q", res.Kind, c.kind)
			}
			h := res.Headline
			if h.Unit != c.unit || !(h.Value >= c.lo && h.Value <= c.hi) || h.Answer == "" || h.Question == "" {
				t.Errorf("headline %+v (value %v), want unit %q and a value in [%g, %g]", h, h.Value, c.unit, c.lo, c.hi)
			}
			var got []string
			for _, sec := range res.Sections {
				got = append(got, sec.Heading)
				if len(sec.Text) == 0 && len(sec.Blocks) == 0 {
					t.Errorf("section %q is empty", sec.Heading)
				}
			}
			if !slices.Equal(got, c.sections) {
				t.Errorf("sections %q, want %q", got, c.sections)
			}
			var doc struct {
				Kind     string `json:"kind"`
				Scenario string `json:"scenario"`
			}
			if err := json.Unmarshal(res.Document, &doc); err != nil || doc.Kind != c.kind || doc.Scenario != c.scenario {
				t.Errorf("document kind %q scenario %q (%v), want %q %q", doc.Kind, doc.Scenario, err, c.kind, c.scenario)
			}
		})
	}
}

// TestKindTable: every analysis kind of the table has a library scenario,
// and a kind outside the table is refused with the table's names.
func TestKindTable(t *testing.T) {
	have := map[string]bool{}
	for _, s := range scenario.Library() {
		if s.Analysis != nil {
			have[s.Analysis.Kind] = true
		}
	}
	for _, k := range AnalysisKinds() {
		if !have[k] {
			t.Errorf("kind %q has no library scenario", k)
		}
	}
	// The decoder reads the table: a bad kind is refused with the file's
	// other problems, in the same pass.
	_, err := scenario.Parse("t.yaml", []byte("name: x\nrun: {seed: x}\nanalysis: {kind: salvoo}\n"))
	want := `t.yaml:2:13: run.seed: want an integer, got string "x"
t.yaml:3:18: analysis.kind: "salvoo" is not allowed; did you mean "salvo"? allowed: battlespace, reach, rotation, salvo, radar, air-policing, architecture`
	if err == nil || err.Error() != want {
		t.Errorf("Parse = %v, want %s", err, want)
	}
	// Decode keeps the same check for scenarios built in Go.
	s := &scenario.Scenario{Name: "x", Analysis: &scenario.Analysis{Kind: "salvoo"}}
	if _, err := Decode(s); err == nil || !strings.Contains(err.Error(), `analysis.kind: "salvoo" is not allowed`) {
		t.Errorf("Decode = %v, want the kind refused", err)
	}
}
