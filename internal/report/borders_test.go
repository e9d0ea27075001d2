package report

import (
	"strings"
	"testing"
)

// TestBorders checks the embedded Natural Earth data: the country count
// of the 1:50m Admin 0 set, and capitals inside their countries.
func TestBorders(t *testing.T) {
	b, err := LoadBorders()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(b.Countries), 241; got != want {
		t.Errorf("LoadBorders() = %d countries, want %d (Natural Earth 4.1.0 1:50m)", got, want)
	}
	for _, w := range []string{"naturalearth=4.1.0", "world-atlas@2.0.2", "licence=public-domain"} {
		if !strings.Contains(b.Header, w) {
			t.Errorf("LoadBorders().Header = %q, want it to name %q", b.Header, w)
		}
	}
	for _, tc := range []struct {
		country string
		p       LatLon
		want    bool
	}{
		{"Poland", warsaw, true},
		{"Poland", berlin, false},
		{"Lithuania", vilnius, true},
		{"Russia", kaliningrad, true}, // the exclave
		{"Russia", kozelsk, true},
		{"Russia", LatLon{66.0, -170.0}, true},  // Chukotka, east of 180°
		{"Romania", LatLon{44.08, 24.41}, true}, // Deveselu
		{"United States of America", washington, true},
		{"Germany", berlin, true},
		{"South Africa", LatLon{-29.5, 28.2}, false}, // inside Lesotho, a hole
		{"Lesotho", LatLon{-29.5, 28.2}, true},
	} {
		c, ok := b.Country(tc.country)
		if !ok {
			t.Errorf("Borders.Country(%q) not found", tc.country)
			continue
		}
		if got := c.Contains(tc.p); got != tc.want {
			t.Errorf("%s.Contains(%v) = %v, want %v", tc.country, tc.p, got, tc.want)
		}
	}
	var coast, shared int
	for _, l := range b.Lines {
		if l.Coast {
			coast++
		} else {
			shared++
		}
	}
	if coast == 0 || shared == 0 {
		t.Errorf("LoadBorders() lines: %d coasts, %d shared borders, want both", coast, shared)
	}
}
