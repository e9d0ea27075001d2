package export

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scene"
)

// geoDoc is a GeoJSON document read back for the checks, numbers kept as
// written.
type geoDoc struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		ID       string `json:"id"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
}

func readGeoJSON(t *testing.T, data []byte) geoDoc {
	t.Helper()
	var d geoDoc
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("WriteGeoJSON output is not JSON: %v\n%s", err, data)
	}
	return d
}

// geoExport writes s as GeoJSON and reads it back.
func geoExport(t *testing.T, s *scene.Scene) geoDoc {
	t.Helper()
	return readGeoJSON(t, export(t, s, GeoJSON))
}

// floats decodes coordinates of any depth into nested []any of float64.
func floats(t *testing.T, raw json.RawMessage) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// lines are the coordinates of a LineString or MultiLineString, and rings
// those of a Polygon or MultiPolygon (the exterior rings), as [][][]float64.
func parts(t *testing.T, geomType string, raw json.RawMessage) [][][]float64 {
	t.Helper()
	var out [][][]float64
	switch geomType {
	case "LineString":
		var l [][]float64
		json.Unmarshal(raw, &l)
		out = append(out, l)
	case "MultiLineString", "Polygon":
		json.Unmarshal(raw, &out)
	case "MultiPolygon":
		var mp [][][][]float64
		json.Unmarshal(raw, &mp)
		for _, p := range mp {
			out = append(out, p...)
		}
	default:
		t.Fatalf("geometry type %q is not a line or polygon", geomType)
	}
	return out
}

// ringArea is twice the signed area of a closed ring of [lon, lat] positions.
func ringArea(r [][]float64) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a
}

func TestGeoJSONIsAFeatureCollection(t *testing.T) {
	s := testScene(t)
	d := geoExport(t, s)
	want := len(s.Sites) + len(s.Tracks) + len(s.Areas) + len(s.Intercepts)
	if d.Type != "FeatureCollection" || len(d.Features) != want {
		t.Fatalf("WriteGeoJSON = %s with %d features, want FeatureCollection with %d", d.Type, len(d.Features), want)
	}
	for _, f := range d.Features {
		if f.Type != "Feature" || f.Geometry.Type == "" || f.Properties == nil || f.ID == "" {
			t.Errorf("feature %s = type %q, geometry %q, properties %v; want a Feature with all three", f.ID, f.Type, f.Geometry.Type, f.Properties)
		}
	}
}

// TestGeoJSONNoCRS: RFC 7946 §4 removed the "crs" member; none anywhere.
func TestGeoJSONNoCRS(t *testing.T) {
	var v any
	if err := json.Unmarshal(export(t, testScene(t), GeoJSON), &v); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if k == "crs" {
					t.Errorf("WriteGeoJSON has a crs member at %s, want none (RFC 7946 §4)", path)
				}
				walk(e, path+"."+k)
			}
		case []any:
			for i, e := range x {
				walk(e, path+"["+string(rune('0'+i%10))+"]")
			}
		}
	}
	walk(v, "$")
}

// TestGeoJSONLonLatOrder: positions are [lon, lat, h] (RFC 7946 §3.1.1).
func TestGeoJSONLonLatOrder(t *testing.T) {
	s := &scene.Scene{Version: scene.Version, Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{{Name: "Deveselu", Kind: scene.SiteDefense, LatDeg: 44.0775, LonDeg: 24.4186, AltM: 110}}}
	d := geoExport(t, s)
	got := floats(t, d.Features[0].Geometry.Coordinates).([]any)
	if len(got) != 3 || got[0] != 24.4186 || got[1] != 44.0775 || got[2] != 110.0 {
		t.Errorf("WriteGeoJSON(Deveselu 44.0775N 24.4186E 110 m) coordinates = %v, want [24.4186 44.0775 110]", got)
	}
}

// TestGeoJSONSixDecimals: coordinates carry at most 6 decimals (RFC 7946
// §11.2), rounded to nearest.
func TestGeoJSONSixDecimals(t *testing.T) {
	s := &scene.Scene{Version: scene.Version, Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{{Name: "a", Kind: scene.SitePlace, LatDeg: 44.12345678, LonDeg: -24.98765449, AltM: 110.06}}}
	d := geoExport(t, s)
	if got, want := string(d.Features[0].Geometry.Coordinates), "[-24.987654,44.123457,110.1]"; got != want {
		t.Errorf("WriteGeoJSON(44.12345678, -24.98765449, 110.06) coordinates = %s, want %s", got, want)
	}
	for _, f := range geoExport(t, testScene(t)).Features {
		for _, n := range strings.FieldsFunc(string(f.Geometry.Coordinates), func(r rune) bool { return r == '[' || r == ']' || r == ',' }) {
			if i := strings.IndexByte(n, '.'); i >= 0 && len(n)-i-1 > geoJSONDegreeDecimals || strings.ContainsAny(n, "eE") {
				t.Errorf("feature %s coordinate %s has more than %d decimals", f.ID, n, geoJSONDegreeDecimals)
			}
		}
	}
}

// TestGeoJSONCounterclockwise: exterior rings follow the right-hand rule
// (RFC 7946 §3.1.6) whatever the scene's orientation, are closed and have
// at least four positions.
func TestGeoJSONCounterclockwise(t *testing.T) {
	cw := [][2]float64{{40, 20}, {48, 20}, {48, 30}, {40, 30}, {40, 20}}
	ccw := [][2]float64{{40, 20}, {40, 30}, {48, 30}, {48, 20}, {40, 20}}
	cwAcross := [][2]float64{{50, 178}, {55, 178}, {55, -178}, {50, -178}, {50, 178}}
	for _, c := range []struct {
		name string
		ring [][2]float64
	}{{"clockwise", cw}, {"counterclockwise", ccw}, {"clockwise across the antimeridian", cwAcross}} {
		s := &scene.Scene{Version: scene.Version, Epoch: scene.DefaultEpoch,
			Areas: []scene.Area{{Name: c.name, Kind: scene.AreaSector, Ring: c.ring}}}
		f := geoExport(t, s).Features[0]
		for _, r := range parts(t, f.Geometry.Type, f.Geometry.Coordinates) {
			if a := ringArea(r); a <= 0 {
				t.Errorf("WriteGeoJSON(%s ring) exterior ring %v has signed area %g, want > 0 (counterclockwise)", c.name, r, a)
			}
			if len(r) < 4 || r[0][0] != r[len(r)-1][0] || r[0][1] != r[len(r)-1][1] {
				t.Errorf("WriteGeoJSON(%s ring) ring %v is not closed with ≥ 4 positions", c.name, r)
			}
		}
	}
}

// TestGeoJSONAntimeridian: lines and polygons that cross the antimeridian
// are cut there (RFC 7946 §3.1.9), cut points on the straight edge.
func TestGeoJSONAntimeridian(t *testing.T) {
	track := func(lons ...float64) scene.Track {
		tr := scene.Track{Name: "t", Kind: scene.TrackCruise}
		for i, lon := range lons {
			tr.Points = append(tr.Points, scene.Sample{T: float64(i), LatDeg: float64(i), LonDeg: lon, AltM: 100 * float64(i)})
		}
		return tr
	}
	for _, c := range []struct {
		name  string
		track scene.Track
		want  string // the coordinates as written
	}{
		{"westward", track(179, -179), "[[[179,0,0],[180,0.5,50]],[[-180,0.5,50],[-179,1,100]]]"},
		{"eastward", track(-179.5, 179.5), "[[[-179.5,0,0],[-180,0.5,50]],[[180,0.5,50],[179.5,1,100]]]"},
		{"near, not over", track(179, 179.9, 179), "[[179,0,0],[179.9,1,100],[179,2,200]]"},
		{"twice", track(179, -179, 179), "[[[179,0,0],[180,0.5,50]],[[-180,0.5,50],[-179,1,100],[-180,1.5,150]],[[180,1.5,150],[179,2,200]]]"},
		{"from a vertex on it", track(180, -179), "[[-180,0,0],[-179,1,100]]"},
		{"to a vertex on it", track(179, 180), "[[179,0,0],[180,1,100]]"},
		{"from −180 westward", track(-180, 179), "[[180,0,0],[179,1,100]]"},
	} {
		s := &scene.Scene{Version: scene.Version, Epoch: scene.DefaultEpoch, Tracks: []scene.Track{c.track}}
		f := geoExport(t, s).Features[0]
		if got := string(f.Geometry.Coordinates); got != c.want {
			t.Errorf("WriteGeoJSON(track %s) coordinates = %s, want %s", c.name, got, c.want)
		}
	}

	for _, c := range []struct {
		name      string
		ring      [][2]float64
		geomType  string
		wantParts int
		wantArea  float64 // twice the area, square degrees
	}{
		{"square across", [][2]float64{{50, 178}, {50, -178}, {55, -178}, {55, 178}, {50, 178}}, "MultiPolygon", 2, 2 * 4 * 5},
		{"square beside", [][2]float64{{50, 170}, {50, 175}, {55, 175}, {55, 170}, {50, 170}}, "Polygon", 1, 2 * 5 * 5},
		// A C open to the west whose notch reaches over the antimeridian:
		// the eastern part is one polygon, the western two (its arms).
		{"C across", [][2]float64{{0, 170}, {0, -170}, {30, -170}, {30, 170}, {20, 170}, {20, -175}, {10, -175}, {10, 170}, {0, 170}}, "MultiPolygon", 3, 2 * (20*30 - 15*10)},
		{"around the North Pole", [][2]float64{{60, 10}, {60, 100}, {60, -170}, {60, -80}, {60, 10}}, "Polygon", 1, 2 * 360 * 30},
		{"around the South Pole", [][2]float64{{-60, 10}, {-60, -80}, {-60, -170}, {-60, 100}, {-60, 10}}, "Polygon", 1, 2 * 360 * 30},
	} {
		s := &scene.Scene{Version: scene.Version, Epoch: scene.DefaultEpoch,
			Areas: []scene.Area{{Name: c.name, Kind: scene.AreaSector, Ring: c.ring}}}
		f := geoExport(t, s).Features[0]
		rings := parts(t, f.Geometry.Type, f.Geometry.Coordinates)
		if f.Geometry.Type != c.geomType || len(rings) != c.wantParts {
			t.Errorf("WriteGeoJSON(area %s) = %s of %d parts, want %s of %d", c.name, f.Geometry.Type, len(rings), c.geomType, c.wantParts)
		}
		area := 0.0
		for _, r := range rings {
			area += ringArea(r)
			for i, p := range r {
				if p[0] < -180 || p[0] > 180 {
					t.Errorf("WriteGeoJSON(area %s) longitude %g outside [-180, 180]", c.name, p[0])
				}
				// An edge along a pole (a cap's) runs along it, not over the
				// antimeridian; any other long edge would wrap.
				if i == 0 {
					continue
				}
				alongPole := math.Abs(p[1]) == 90 && p[1] == r[i-1][1]
				if math.Abs(p[0]-r[i-1][0]) > 180 && !alongPole {
					t.Errorf("WriteGeoJSON(area %s) edge %v–%v crosses the antimeridian", c.name, r[i-1], p)
				}
			}
		}
		if math.Abs(area-c.wantArea) > areaTolerance {
			t.Errorf("WriteGeoJSON(area %s) twice the area = %g, want %g", c.name, area, c.wantArea)
		}
	}
}

// areaTolerance is for sums of shoelace areas in square degrees of rings
// whose vertices are exact in binary or rounded to 1e-6°: far below any
// real difference of shape.
const areaTolerance = 1e-6

func TestGeoJSONDeterministicAndOneFeatureALine(t *testing.T) {
	s := testScene(t)
	a, b := export(t, s, GeoJSON), export(t, s, GeoJSON)
	if !bytes.Equal(a, b) {
		t.Errorf("WriteGeoJSON differs between two calls")
	}
	lines := strings.Split(strings.TrimSuffix(string(a), "\n"), "\n")
	if want := 2 + len(readGeoJSON(t, a).Features); len(lines) != want {
		t.Errorf("WriteGeoJSON has %d lines, want %d (a header, one feature a line, a footer)", len(lines), want)
	}
}
