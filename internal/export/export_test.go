package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rampart-sim/rampart/internal/scene"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden files")

// testScene reads testdata/scene.json, the small hand-made scene behind the
// golden files: sites with characters to escape, a track over the
// antimeridian, a clockwise area, an area across the antimeridian, a ring
// around the North Pole, a kill and a miss.
func testScene(t testing.TB) *scene.Scene {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "scene.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := scene.Read(f, "testdata/scene.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// export runs Write and fails the test on an error.
func export(t testing.TB, s *scene.Scene, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, format); err != nil {
		t.Fatalf("Write(%s) = %v, want nil", format, err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./internal/export -update after checking it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	s := testScene(t)
	for _, format := range Formats {
		got := export(t, s, format)
		golden(t, "scene"+Ext(format)+".golden", got)
		if again := export(t, s, format); !bytes.Equal(again, got) {
			t.Errorf("Write(%s) differs between two calls", format)
		}
	}
}

func TestWriteRejects(t *testing.T) {
	bad := testScene(t)
	bad.Tracks[0].Points[1].T = -1
	for _, format := range Formats {
		if err := Write(&bytes.Buffer{}, bad, format); err == nil {
			t.Errorf("Write(%s, invalid scene) = nil, want an error", format)
		}
		if err := Write(&bytes.Buffer{}, nil, format); err == nil {
			t.Errorf("Write(%s, nil) = nil, want an error", format)
		}
	}
	if err := Write(&bytes.Buffer{}, testScene(t), "shp"); err == nil {
		t.Errorf("Write(shp) = nil, want an error")
	}
}
