package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/export"
	"github.com/rampart-sim/rampart/internal/scene"
)

// exportScene is a small valid scene with one of everything.
func exportScene() *scene.Scene {
	return &scene.Scene{
		Version: scene.Version, Name: "export-test", Question: "Is <this> exported?", Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{{Name: "Deveselu", Kind: scene.SiteDefense, LatDeg: 44.0775, LonDeg: 24.4186, AltM: 110}},
		Tracks: []scene.Track{{Name: "Shahab-3 #1", Kind: scene.TrackBallistic, Points: []scene.Sample{
			{T: 0, LatDeg: 38.08, LonDeg: 46.29, AltM: 1350}, {T: 640, LatDeg: 44.43, LonDeg: 26.1, AltM: 70},
		}}},
		Areas: []scene.Area{{Name: "coverage", Kind: scene.AreaRadar, AltM: 1e4,
			Ring: [][2]float64{{40, 20}, {40, 28}, {48, 28}, {48, 20}, {40, 20}}}},
		Intercepts: []scene.Intercept{{Threat: "Shahab-3 #1", Interceptor: "SM-3 IB", Site: "Deveselu",
			T: 500, LatDeg: 43.7, LonDeg: 29.3, AltM: 180e3, Outcome: scene.OutcomeKill}},
	}
}

// sceneDir writes body as DIR/scene.json in a new directory and returns DIR.
func sceneDir(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, scene.FileName), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func validSceneDir(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := scene.Write(&buf, exportScene()); err != nil {
		t.Fatal(err)
	}
	return sceneDir(t, buf.String())
}

func TestExportEachFormat(t *testing.T) {
	dir := validSceneDir(t)
	for _, format := range export.Formats {
		code, out, errs := rampart(t, "export", dir, "--format", format)
		if code != exitOK || errs != "" {
			t.Fatalf("rampart export --format %s = %d, stderr %q; want 0 and nothing", format, code, errs)
		}
		var want bytes.Buffer
		if err := export.Write(&want, exportScene(), format); err != nil {
			t.Fatal(err)
		}
		if out != want.String() {
			t.Errorf("rampart export --format %s stdout differs from export.Write:\n%s", format, out)
		}
		switch format {
		case export.KML:
			dec := xml.NewDecoder(strings.NewReader(out))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("rampart export --format kml is not XML: %v", err)
				}
			}
		default:
			if !json.Valid([]byte(out)) {
				t.Errorf("rampart export --format %s is not JSON:\n%s", format, out)
			}
		}

		file := filepath.Join(t.TempDir(), "scene"+export.Ext(format))
		code, out2, errs := rampart(t, "export", dir, "--format", format, "--out", file)
		got, err := os.ReadFile(file)
		if code != exitOK || out2 != "" || errs != "" || err != nil || string(got) != out {
			t.Errorf("rampart export --format %s --out FILE = %d, stdout %q, stderr %q, file %v; want 0, nothing, the export in FILE", format, code, out2, errs, err)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".*")); len(left) > 0 {
			t.Errorf("rampart export --out left temporary files %v", left)
		}
	}
}

func TestExportBadInputExit2(t *testing.T) {
	good := validSceneDir(t)
	notDir := filepath.Join(good, scene.FileName)
	empty := t.TempDir()
	syntax := sceneDir(t, "{\n \"version\": 1,\n \"epoch\": \"2026-01-01T00:00:00Z\",\n \"sites\": [}\n")
	var buf bytes.Buffer
	scene.Write(&buf, exportScene())
	badLat := sceneDir(t, strings.Replace(buf.String(), `"lat_deg": 44.0775`, `"lat_deg": 94.0775`, 1))
	badTime := sceneDir(t, strings.Replace(buf.String(), `"t_s": 640`, `"t_s": 0`, 1))
	for _, c := range []struct {
		name string
		args []string
		want []string // in stderr
	}{
		{"no DIR", []string{"export", "--format", "czml"}, []string{"accepts 1 arg"}},
		{"missing DIR", []string{"export", filepath.Join(empty, "nope"), "--format", "czml"}, []string{"nope", "no such file or directory"}},
		{"DIR is a file", []string{"export", notDir, "--format", "czml"}, []string{notDir, "is not a directory"}},
		{"no scene.json", []string{"export", empty, "--format", "czml"}, []string{empty, "has no scene.json", "rampart run --out"}},
		{"no --format", []string{"export", good}, []string{"--format is required", "allowed: czml, kml, geojson"}},
		{"bad --format", []string{"export", good, "--format", "shp"}, []string{`--format "shp" is not allowed`, "allowed: czml, kml, geojson"}},
		{"malformed JSON", []string{"export", syntax, "--format", "kml"}, []string{filepath.Join(syntax, "scene.json") + ":4:12: sites: invalid character '}'"}},
		{"latitude out of range", []string{"export", badLat, "--format", "geojson"}, []string{filepath.Join(badLat, "scene.json") + ": sites[0].lat_deg: 94.0775 is outside [-90, 90]"}},
		{"time not increasing", []string{"export", badTime, "--format", "czml"}, []string{filepath.Join(badTime, "scene.json") + ": tracks[0].points[1].t_s: not increasing"}},
		{"--out in a missing directory", []string{"export", good, "--format", "czml", "--out", filepath.Join(empty, "no", "x.czml")}, []string{"--out", "no such file or directory"}},
		{"unknown flag", []string{"export", good, "--format", "czml", "--colour", "red"}, []string{"unknown flag: --colour"}},
	} {
		code, out, errs := rampart(t, c.args...)
		if code != exitBadInput || out != "" {
			t.Errorf("rampart export (%s) = exit %d, stdout %q; want %d and nothing", c.name, code, out, exitBadInput)
		}
		if strings.Contains(errs, "goroutine") || strings.Count(errs, "\n") != 1 {
			t.Errorf("rampart export (%s) stderr = %q, want one line", c.name, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("rampart export (%s) stderr = %q, want it to name %q", c.name, errs, w)
			}
		}
	}
}
