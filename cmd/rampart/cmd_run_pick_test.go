package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runDoc is the part of rampart run --json that the pick tests read.
type runDoc struct {
	Physics struct {
		ThreatPick  string `json:"catalog_pick_threat"`
		DefensePick string `json:"catalog_pick_defense"`
	}
	Threats []struct {
		Name     string  `json:"name"`
		ApogeeKm float64 `json:"apogee_km"`
	}
	Sensors []struct {
		ID         string  `json:"id"`
		MaxRangeKm float64 `json:"instrumented_range_km"`
	}
}

func runJSON(t *testing.T, args ...string) (runDoc, string) {
	t.Helper()
	code, out, errs := rampart(t, append([]string{"run", "europe", "--json", "--trials", "1"}, args...)...)
	if code != exitOK {
		t.Fatalf("rampart run %q = %d, stderr %q", args, code, errs)
	}
	var d runDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return d, out
}

// TestRunPicksThreatAndDefenseApart: --pick-threat high --pick-defense low
// flies the threats as --pick high does and builds the radars as --pick
// low does, and the JSON names both picks. On the old main the flags did
// not exist (exit 2) and --pick lowered both.
func TestRunPicksThreatAndDefenseApart(t *testing.T) {
	split, _ := runJSON(t, "--pick-threat", "high", "--pick-defense", "low")
	high, _ := runJSON(t, "--pick", "high")
	low, _ := runJSON(t, "--pick", "low")
	if split.Physics.ThreatPick != "high" || split.Physics.DefensePick != "low" {
		t.Errorf("physics picks = %q, %q; want high, low", split.Physics.ThreatPick, split.Physics.DefensePick)
	}
	if high.Physics.ThreatPick != "high" || high.Physics.DefensePick != "high" {
		t.Errorf("--pick high: physics picks = %q, %q; want high, high", high.Physics.ThreatPick, high.Physics.DefensePick)
	}
	threatsDiffer := false
	for i, th := range split.Threats {
		if th.ApogeeKm != high.Threats[i].ApogeeKm {
			t.Errorf("threat %s apogee = %g km, want the --pick high %g km", th.Name, th.ApogeeKm, high.Threats[i].ApogeeKm)
		}
		if th.ApogeeKm != low.Threats[i].ApogeeKm {
			threatsDiffer = true
		}
	}
	if !threatsDiffer {
		t.Errorf("threats fly alike at the low and high picks: the test cannot tell the picks apart")
	}
	sensorsDiffer := false
	for i, s := range split.Sensors {
		if s.MaxRangeKm != low.Sensors[i].MaxRangeKm {
			t.Errorf("sensor %s range = %g km, want the --pick low %g km", s.ID, s.MaxRangeKm, low.Sensors[i].MaxRangeKm)
		}
		if s.MaxRangeKm != high.Sensors[i].MaxRangeKm {
			sensorsDiffer = true
		}
	}
	if !sensorsDiffer {
		t.Errorf("sensors alike at the low and high picks: the test cannot tell the picks apart")
	}
}

// TestRunPickFlagsRefused: --pick with a side's flag, a bad side pick, and
// a pick that the study would not use are refused with exit 2, naming the
// flags.
func TestRunPickFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "europe", "--pick", "low", "--pick-threat", "high"}, "--pick sets"},
		{[]string{"run", "europe", "--pick-defense", "median"}, `--pick-defense "median" is not allowed; allowed: low, central, high`},
		{[]string{"run", "numbers", "--pick", "high"}, "takes no catalog values"},
		{[]string{"run", noRaidFile(t, "reach"), "--pick-defense", "low"}, "--pick-defense has no effect"},
		{[]string{"run", noRaidFile(t, "rotation"), "--pick-threat", "low"}, "--pick-threat has no effect"},
		{[]string{"run", "redzikowo-icbm", "--pick-threat", "high", "--pick-defense", "low"}, "takes one catalog pick"},
		{[]string{"run", pickedFile(t), "--pick", "high"}, "sets its own catalog pick (pick: low"},
	} {
		code, _, errs := rampart(t, tc.args...)
		if code != exitBadInput || !strings.Contains(errs, tc.want) {
			t.Errorf("rampart %q = exit %d, %q; want exit %d and %q", tc.args, code, errs, exitBadInput, tc.want)
		}
	}
}

// noRaidFile writes a reach or rotation analysis without a raid (no
// top-level threats), which takes only the threat or the defense pick.
func noRaidFile(t *testing.T, kind string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), kind+".yaml")
	text := map[string]string{
		"reach": "name: reach\nanalysis:\n  kind: reach\n  missiles: [Iskander-M]\n  sites: [{place: Kaliningrad}]\n  focus: [Vilnius]\n",
		"rotation": `name: rotation
analysis:
  kind: rotation
  year: 2026
  deployments:
    - {unit: A, owner: X, lat_deg: 54.66, lon_deg: 25.42, start: "2026-01-01", end: "2026-06-30", transit_days: 0, readiness_days: 0, system: PAC-3 MSE}
  assets:
    - {name: Vilnius, lat_deg: 54.69, lon_deg: 25.28}
`}[kind]
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pickedFile writes a rotation analysis whose section gives its own pick.
func pickedFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "picked.yaml")
	text := `name: picked
question: Does the pick flag reach a rotation with its own pick?
analysis:
  kind: rotation
  year: 2026
  pick: low
  deployments:
    - {unit: A, owner: X, lat_deg: 54.66, lon_deg: 25.42, start: "2026-01-01", end: "2026-12-31", system: PAC-3 MSE}
  assets:
    - {name: Vilnius, lat_deg: 54.69, lon_deg: 25.28}
`
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEmptyPickRefused: --pick=, --pick-threat= and --pick-defense= (an
// empty value) are refused with the allowed values and exit 2. On the old
// main catalog.ParsePick read "" as central and run exited 0.
func TestEmptyPickRefused(t *testing.T) {
	for _, args := range [][]string{
		{"run", "europe", "--trials", "1", "--pick-threat="},
		{"run", "europe", "--trials", "1", "--pick-defense="},
		{"run", "europe", "--trials", "1", "--pick="},
		{"radar", "--radar", "AN/SPY-1D(V)", "--pick="},
	} {
		code, _, errs := rampart(t, args...)
		if code != exitBadInput || !strings.Contains(errs, "allowed: low, central, high") {
			t.Errorf("rampart %q = %d, stderr %q; want exit 2 naming low, central, high", args, code, errs)
		}
	}
}
