package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMixedRaidValidateAndRun: the mixed-raid example (ballistic and cruise
// missiles and aircraft against one Patriot battery) passes validate and
// runs; the run's JSON says which interceptor engaged each cruise missile
// and aircraft and where. Validate and run refuse alike an aircraft with
// no altitude and the fast fidelity with an aircraft.
func TestMixedRaidValidateAndRun(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "scenarios", "mixed-raid.yaml")
	engagements := validateAndRun(t, path, 3)
	kinds := map[string]bool{}
	for _, e := range engagements {
		if e.ShotsMean > 0 && e.Interceptor != "" && e.LatDeg > 54 && e.LatDeg < 56 && e.AltKm > 0 {
			kinds[e.Kind] = true
		}
	}
	for _, k := range []string{"ballistic-missile", "cruise-missile", "aircraft"} {
		if !kinds[k] {
			t.Errorf("no engagement of a %s with an interceptor and an intercept point near Vilnius in %+v", k, engagements)
		}
	}

	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, old, new, want string
	}{
		{"noalt.yaml", "    altitude_m: 6000\n", "", "threats[2].altitude_m: missing; an aircraft needs the altitude it flies"},
		{"fastair.yaml", "  architecture: integrated\n", "  architecture: integrated\n  fidelity: fast\n", "run.fidelity: the fast fidelity models ballistic threats only, and glcm#1 is a cruise missile"},
	} {
		file := writeTemp(t, c.name, strings.Replace(string(src), c.old, c.new, 1))
		var msgs []string
		for _, cmd := range []string{"validate", "run"} {
			code, _, errs := rampart(t, cmd, file)
			if code != exitBadInput || !strings.Contains(errs, c.want) {
				t.Errorf("rampart %s %s = %d, stderr %q; want exit 2 and %q", cmd, c.name, code, errs, c.want)
			}
			msgs = append(msgs, errs)
		}
		if msgs[0] != msgs[1] {
			t.Errorf("%s: validate and run disagree:\nvalidate: %s\nrun:      %s", c.name, msgs[0], msgs[1])
		}
	}
}

// engagementJSON is a row of a run's JSON "engagements", the fields these
// tests read.
type engagementJSON struct {
	Threat, Kind, Interceptor string
	ShotsMean                 float64 `json:"shots_mean"`
	LatDeg                    float64 `json:"intercept_lat_deg"`
	AltKm                     float64 `json:"intercept_alt_km"`
}

// validateAndRun checks that the scenario file passes validate with the
// given number of threats and runs 4 trials with --json, and returns the
// run's engagements.
func validateAndRun(t *testing.T, file string, threats int) []engagementJSON {
	t.Helper()
	name := filepath.Base(file)
	want := fmt.Sprintf("%d threats", threats)
	if code, out, errs := rampart(t, "validate", file); code != exitOK || !strings.Contains(out, want) {
		t.Fatalf("rampart validate %s = %d, %q, %q; want ok with %s", name, code, out, errs, want)
	}
	code, out, errs := rampart(t, "run", "--json", "--trials", "4", file)
	if code != exitOK {
		t.Fatalf("rampart run %s = %d, %q", name, code, errs)
	}
	var doc struct {
		Engagements []engagementJSON `json:"engagements"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Engagements
}
