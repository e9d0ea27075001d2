package report

import (
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scene"
)

// TestPlacerCrowdedPoint: labels crowding one marker all find room, with
// leader lines where displaced, and no two boxes intersect (issue 12 §7:
// "Battery A (Germany)" printed over "Battery C (Spain)").
func TestPlacerCrowdedPoint(t *testing.T) {
	pl := newPlacer(rect{0, 0, 600, 400})
	pl.reserve(rect{295, 195, 305, 205}) // the marker
	for i := range 12 {
		text := strings.Repeat("x", 8+i)
		if !pl.place(around(300, 200, text, 11, 7), text, siteLabel, "", true) {
			t.Fatalf("label %d not placed", i)
		}
	}
	boxes := pl.boxes[1:]
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				t.Errorf("labels %d and %d overlap: %v %v", i, j, a, b)
			}
		}
	}
	leaders := 0
	for _, l := range pl.labels {
		if len(l.leader) == 2 {
			leaders++
		}
	}
	if leaders == 0 {
		t.Error("12 labels round one marker needed no leader line")
	}
}

// TestMapMergesCoincidentLabels: sites of one kind on one spot share one
// label, and rings on one circle share one label naming each.
func TestMapMergesCoincidentLabels(t *testing.T) {
	ring := func(lat, lon float64) [][2]float64 {
		return [][2]float64{{lat + 1, lon}, {lat, lon + 1.5}, {lat - 1, lon}, {lat, lon - 1.5}, {lat + 1, lon}}
	}
	sc := &scene.Scene{
		Sites: []scene.Site{
			{Name: "Battery A", Kind: scene.SiteDefense, Owner: "Germany", LatDeg: 54.7, LonDeg: 25.3},
			{Name: "Battery C", Kind: scene.SiteDefense, Owner: "Spain", LatDeg: 54.7, LonDeg: 25.3},
			{Name: "Vilnius", Kind: scene.SiteAsset, LatDeg: 54.69, LonDeg: 25.28},
		},
		Areas: []scene.Area{
			{Name: "Battery A (40 km)", Kind: scene.AreaRadar, Owner: "Germany", Ring: ring(54.7, 25.3)},
			{Name: "Battery C (40 km)", Kind: scene.AreaRadar, Owner: "Spain", Ring: ring(54.7, 25.3)},
		},
	}
	m := Map{Scene: sc, Caption: "test"}
	f, err := m.render("m")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">Battery A, Battery C<", ">Battery A (40 km); Battery C (40 km)<", ">Vilnius<"} {
		if !strings.Contains(f.svg, want) {
			t.Errorf("map lacks the label %q", want)
		}
	}
}

// TestFlatPlotIsASentence: a plot whose every line is flat at the scale of
// the figure (numbers' "P(no leaker)", about 1e-10 against a 0–1 axis) is
// replaced by a sentence; identical lines are drawn once, named together.
func TestFlatPlotIsASentence(t *testing.T) {
	flat := LinePlot{Caption: "P(no leaker)", Y: Axis{Min: 0, Max: 1},
		Series: []Series{{Name: "a", X: []float64{0, 1, 2}, Y: []float64{0, 1e-10, 2e-10}}, {Name: "b", X: []float64{0, 1}, Y: []float64{0, 0}}}}
	var r renderer
	h, err := flat.renderBlock(&r)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(h), "<svg") || !strings.Contains(string(h), "for every series") {
		t.Errorf("flat plot rendered as %q", h)
	}
	twins := LinePlot{Caption: "c", Series: []Series{{Name: "a", X: []float64{0, 1}, Y: []float64{0, 5}}, {Name: "b", X: []float64{0, 1}, Y: []float64{0, 5}}}}
	h, err = twins.renderBlock(&r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(h), ">a = b<") {
		t.Error("identical series are not named together")
	}
}
