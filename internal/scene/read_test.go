package scene

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestWriteReadRoundTrip(t *testing.T) {
	s := validScene()
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatalf("Write(validScene) = %v, want nil", err)
	}
	first := buf.String()
	got, err := Read(strings.NewReader(first), "scene.json")
	if err != nil {
		t.Fatalf("Read(Write(validScene)) = %v, want nil", err)
	}
	if !reflect.DeepEqual(got, s) {
		t.Errorf("Read(Write(s)) = %+v, want %+v", got, s)
	}
	buf.Reset()
	if err := Write(&buf, got); err != nil || buf.String() != first {
		t.Errorf("Write(Read(Write(s))) = %v, differs from the first write:\n%s\n---\n%s", err, buf.String(), first)
	}
}

// TestWriteFormat fixes the layout: one-space indentation, declared field
// order, numbers rounded by jsonout's rule (coordinates to 1e-6 degree, so
// -1e-7 is 0 with no sign; others to 6 significant digits), no HTML escaping,
// empty lists as [].
func TestWriteFormat(t *testing.T) {
	s := &Scene{Version: Version, Name: "a<b", Epoch: DefaultEpoch, RampartVersion: "v1.2.3 go1.26.0", ScenarioSHA256: "ab12", Seed: 7,
		Sites: []Site{{Name: "x", Kind: SitePlace, LatDeg: 0.1, LonDeg: -1e-7, AltM: 12345678.9}}}
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	want := `{
 "version": 2,
 "name": "a<b",
 "question": "",
 "epoch": "2026-01-01T00:00:00Z",
 "rampart_version": "v1.2.3 go1.26.0",
 "scenario_sha256": "ab12",
 "seed": 7,
 "sites": [
  {
   "name": "x",
   "kind": "place",
   "lat_deg": 0.1,
   "lon_deg": 0,
   "alt_m": 12345700
  }
 ],
 "tracks": [],
 "areas": [],
 "intercepts": []
}
`
	if got := buf.String(); got != want {
		t.Errorf("Write = \n%s, want\n%s", got, want)
	}
}

func TestWriteRefusesInvalid(t *testing.T) {
	s := validScene()
	s.Sites[0].LatDeg = 91
	err := Write(&bytes.Buffer{}, s)
	if err == nil || !strings.Contains(err.Error(), "sites[0].lat_deg") {
		t.Errorf("Write(lat 91) = %v, want an error naming sites[0].lat_deg", err)
	}
}

func TestReadErrors(t *testing.T) {
	const head = `{"version": 2, "epoch": "2026-01-01T00:00:00Z", `
	for _, c := range []struct{ in, want string }{
		{``, "f.json:1:1: unexpected end of file"},
		{`[]`, "f.json:1:1: want an object, got a list"},
		{`{"version": 2,}`, "f.json:1:15: invalid character '}' looking for beginning of object key string"},
		{`{"version": "1", "epoch": ""}`, `f.json:1:13: version: want an integer, got a string`},
		{`{"version": 1.5}`, `f.json:1:13: version: want an integer, got number 1.5`},
		{`{"version": 2}`, `f.json:1:1: epoch: missing`},
		{`{"version": 2, "version": 2}`, `f.json:1:16: version: repeated field`},
		{head + `"colour": "red"}`, `f.json:1:49: colour: unknown field`},
		{head + `"sites": {}}`, `f.json:1:58: sites: want a list, got an object`},
		{head + `"sites": [{"name": "a", "kind": "place", "lat_deg": 1, "lon_deg": 2}]}`, `f.json:1:59: sites[0].alt_m: missing`},
		{head + "\n\"tracks\": [{\"name\": \"a\", \"kind\": \"cruise\", \"points\": [\n{\"t_s\": 0, \"lat_deg\": 1, \"lon_deg\": 2, \"alt_m\": \"high\"}]}]}", `f.json:3:49: tracks[0].points[0].alt_m: want a number, got a string`},
		{head + `"areas": [{"name": "a", "kind": "sector", "alt_m": 0, "ring": [[1, 2, 3]]}]}`, `f.json:1:112: areas[0].ring[0]: want a [lat_deg, lon_deg] pair, got 3 numbers`},
		{head + `"intercepts": [{"threat": "t", "interceptor": "i", "site": "s", "t_s": 1e999, "lat_deg": 0, "lon_deg": 0, "alt_m": 0, "outcome": "kill"}]}`, `intercepts[0].t_s: number 1e999 is out of range`},
		{head + `"intercepts": [{"threat": "t", "interceptor": "i", "site": "s", "t_s": 1, "lat_deg": 0, "lon_deg": 0, "alt_m": 0, "outcome": 1}]}`, `intercepts[0].outcome: want a string, got number 1`},
		{head + `"sites": []} {}`, `f.json:1:62: trailing data after the JSON value`},
		{`{"version": 1, "epoch": "2026-01-01T00:00:00Z"}`, `f.json: version: 1 is not supported; want 2`},
	} {
		_, err := Read(strings.NewReader(c.in), "f.json")
		var se *Error
		if !errors.As(err, &se) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Read(%q) = %v, want an *Error containing %q", c.in, err, c.want)
		}
	}
}

func TestReadNullAndAbsentListsAreEmpty(t *testing.T) {
	s, err := Read(strings.NewReader(`{"version": 2, "epoch": "2026-01-01T00:00:00Z", "sites": null}`), "f")
	if err != nil {
		t.Fatal(err)
	}
	if s.Sites == nil || s.Tracks == nil || s.Areas == nil || s.Intercepts == nil {
		t.Errorf("Read(null and absent lists) = %+v, want empty non-nil lists", s)
	}
}

// FuzzRead checks that Read never panics, returns either a valid scene or
// an *Error, and that what it reads writes and reads back to the same scene.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, validScene()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`{"version": 2, "epoch": "2026-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"version": 2, "epoch": "2026-01-01T00:00:00Z", "areas": [{"name": "a", "kind": "sector", "alt_m": 0, "ring": [[0, 179], [1, -179], [2, 179], [0, 179]]}]}`))
	f.Add([]byte(`{"version": 2, "epoch": "x", "sites": [{"name": 1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Read(bytes.NewReader(data), "f")
		if err != nil {
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("Read error %v is not an *Error", err)
			}
			return
		}
		if err := s.Validate("f"); err != nil {
			t.Fatalf("Read returned an invalid scene: %v", err)
		}
		var out bytes.Buffer
		if err := Write(&out, s); err != nil {
			t.Fatalf("Write(Read(data)) = %v", err)
		}
		back, err := Read(&out, "g")
		if err != nil || !reflect.DeepEqual(back, s) {
			t.Fatalf("round trip: %v, %+v != %+v", err, back, s)
		}
	})
}

// TestReadReportsEveryProblem checks that the strict reader reports all
// the file's problems at once, each with its position, not only the first.
func TestReadReportsEveryProblem(t *testing.T) {
	in := `{"version": 2, "epoch": "2026-01-01T00:00:00Z", "colour": 1,` + "\n" +
		`"sites": [{"name": "a", "kind": "place", "lat_deg": "x", "lon_deg": 2, "alt_m": 0, "alt_m": 1}]}`
	_, err := Read(strings.NewReader(in), "f.json")
	for _, want := range []string{
		"f.json:1:49: colour: unknown field",
		"f.json:2:53: sites[0].lat_deg: want a number, got a string",
		"f.json:2:84: sites[0].alt_m: repeated field",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Read = %v, want it to contain %q", err, want)
		}
	}
}

func TestReadNestingLimit(t *testing.T) {
	in := `{"version": 2, "epoch": "2026-01-01T00:00:00Z", "areas": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`
	_, err := Read(strings.NewReader(in), "f.json")
	if err == nil || !strings.Contains(err.Error(), "nest too deeply") {
		t.Errorf("Read(40 nested lists) = %v, want a nesting error", err)
	}
}

// BenchmarkRead measures reading a scene of 200 tracks × 500 samples
// (about 9 MB), the size of a long run's scene.
func BenchmarkRead(b *testing.B) {
	s := validScene()
	tr := s.Tracks[0]
	tr.Points = nil
	for i := range 500 {
		tr.Points = append(tr.Points, Sample{T: float64(i), LatDeg: 50 + float64(i)*1e-3, LonDeg: 20, AltM: 1000})
	}
	s.Tracks = nil
	for i := range 200 {
		t := tr
		t.Name = fmt.Sprintf("t%d", i)
		s.Tracks = append(s.Tracks, t)
	}
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), "f"); err != nil {
			b.Fatal(err)
		}
	}
}
