package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/provenance"
)

// TestVersionFlagAndCommand: rampart --version and rampart version print
// the version read from the build information.
func TestVersionFlagAndCommand(t *testing.T) {
	want := "rampart " + provenance.Version() + "\n"
	code, out, errs := rampart(t, "--version")
	if code != exitOK || out != want {
		t.Errorf("rampart --version = %d, %q (%s); want %q", code, out, errs, want)
	}
	code, out, errs = rampart(t, "version")
	b := provenance.ReadBuild()
	if code != exitOK || !strings.HasPrefix(out, want) || !strings.Contains(out, b.Module) || !strings.Contains(out, b.GoVersion) || !strings.Contains(out, "modified") {
		t.Errorf("rampart version = %d, %q (%s); want %q then the module, revision, modified flag and Go version", code, out, errs, want)
	}
}

// stamp is the provenance every output carries.
type stamp struct {
	Version string  `json:"rampart_version"`
	SHA     *string `json:"scenario_sha256"`
	Seed    *int64  `json:"seed"`
}

// TestOutputsCarryProvenance: results.json, scene.json, events.csv,
// report.html and every export of a run carry the rampart version, the
// SHA-256 of the scenario file as read and the seed; fly and radar (no
// file, no random numbers) carry the version and null for the other two;
// wta carries its problem file's SHA-256 and its seed.
func TestOutputsCarryProvenance(t *testing.T) {
	version := provenance.Version()
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "scenario", "library", "numbers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sha := provenance.SHA256(data)
	const seed = 11
	dir := t.TempDir()
	if code, _, errs := rampart(t, "run", "numbers", "--seed", "11", "--trials", "5", "--out", dir); code != exitOK {
		t.Fatalf("run numbers --out = %d: %s", code, errs)
	}
	for _, f := range []string{"results.json", "scene.json"} {
		var got stamp
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if got.Version != version || got.SHA == nil || *got.SHA != sha || got.Seed == nil || *got.Seed != seed {
			t.Errorf("%s: rampart_version %q, scenario_sha256 %v, seed %v; want %q, %s, %d", f, got.Version, got.SHA, got.Seed, version, sha, seed)
		}
	}

	events, err := os.ReadFile(filepath.Join(dir, "events.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(events)).ReadAll()
	if err != nil {
		t.Fatalf("events.csv is not CSV: %v", err)
	}
	if len(rows) < 2 || !slices.Equal(rows[0][len(rows[0])-3:], []string{"rampart_version", "scenario_sha256", "seed"}) {
		t.Fatalf("events.csv header = %v, want it to end with rampart_version, scenario_sha256, seed", rows[0])
	}
	for i, r := range rows[1:] {
		if !slices.Equal(r[len(r)-3:], []string{version, sha, "11"}) {
			t.Errorf("events.csv row %d ends %v, want %s, %s, 11", i+1, r[len(r)-3:], version, sha)
		}
	}

	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<dt>rampart version</dt><dd><code>" + version, "<dt>Scenario SHA-256</dt><dd><code>" + sha, "<dt>Seed</dt><dd><code>11"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("report.html lacks %q", want)
		}
	}

	for _, format := range []string{"czml", "kml", "geojson"} {
		code, out, errs := rampart(t, "export", dir, "--format", format)
		if code != exitOK {
			t.Fatalf("export %s = %d: %s", format, code, errs)
		}
		for _, want := range []string{version, sha} {
			if !strings.Contains(out, want) {
				t.Errorf("export %s lacks %q", format, want)
			}
		}
	}

	for _, args := range [][]string{
		{"fly", "--from", "0,0", "--to", "0,5", "--burnout-speed-kms", "3", "--json"},
		{"radar", "--radar", "AN/TPY-2", "--range-km", "1000", "--json"},
	} {
		code, out, errs := rampart(t, args...)
		if code != exitOK {
			t.Fatalf("%v = %d: %s", args, code, errs)
		}
		var got stamp
		raw := map[string]json.RawMessage{}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal([]byte(out), &raw)
		if got.Version != version || string(raw["scenario_sha256"]) != "null" || string(raw["seed"]) != "null" {
			t.Errorf("%s --json: rampart_version %q, scenario_sha256 %s, seed %s; want %q, null, null", args[0], got.Version, raw["scenario_sha256"], raw["seed"], version)
		}
	}

	problem := writeTemp(t, "small.yaml", wtaSmallYAML)
	code, out, errs := rampart(t, "wta", problem, "--seed", "4", "--json")
	if code != exitOK {
		t.Fatalf("wta = %d: %s", code, errs)
	}
	var w struct {
		Version string `json:"rampart_version"`
		SHA     string `json:"input_sha256"`
		Seed    uint64 `json:"seed"`
	}
	if err := json.Unmarshal([]byte(out), &w); err != nil {
		t.Fatal(err)
	}
	if w.Version != version || w.SHA != provenance.SHA256([]byte(wtaSmallYAML)) || w.Seed != 4 {
		t.Errorf("wta --json: %+v, want %q, the file's SHA-256, seed 4", w, version)
	}
}
