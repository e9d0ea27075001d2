package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestEdgeViews renders maps of awkward extents: the Bering Strait
// (across 180°), both poles, a view inside one country and the whole
// world.
func TestEdgeViews(t *testing.T) {
	for _, tc := range []struct {
		name string
		pts  []LatLon
	}{
		{"bering", []LatLon{{55, 165}, {68, -160}}},
		{"north pole", []LatLon{{60, 0}, {60, 90}, {60, 180}, {60, -90}}},
		{"south pole", []LatLon{{-60, 0}, {-60, 90}, {-60, 180}, {-60, -90}}},
		{"inside Russia", []LatLon{{60, 90}}},
		{"world", []LatLon{{60, -120}, {60, 60}, {-40, 100}, {-40, -60}}},
		{"empty", nil},
	} {
		m := Map{Caption: tc.name, Options: MapOptions{Width: 400, Include: tc.pts}}
		f, err := m.render("m")
		if err != nil {
			t.Errorf("Map(%s).render error %v", tc.name, err)
			continue
		}
		if !strings.Contains(f.svg, `fill="`+colLand+`"`) {
			t.Errorf("Map(%s) draws no land", tc.name)
		}
		var b bytes.Buffer
		d := &Document{Title: tc.name, Sections: []Section{{Heading: "map", Blocks: []Block{m}}}}
		if err := Write(&b, d); err != nil {
			t.Errorf("Write(map of %s) error %v", tc.name, err)
		}
	}
}
