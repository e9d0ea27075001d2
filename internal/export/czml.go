package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/rampart-sim/rampart/internal/scene"
)

// CZML display settings.
const (
	czmlClockMultiplier = 10 // playback speed: a 30-minute flight plays in 3 minutes
	czmlPointPixels     = 9
	czmlPathWidth       = 2
	// czmlPathResolutionS is the longest step at which Cesium samples a
	// path between samples: fine enough to follow a ballistic arc.
	czmlPathResolutionS = 5
)

// CZML packets and properties, in the field names of the CZML reference.
type (
	czmlPacket struct {
		ID           string        `json:"id"`
		Name         string        `json:"name,omitempty"`
		Version      string        `json:"version,omitempty"`
		Clock        *czmlClock    `json:"clock,omitempty"`
		Description  string        `json:"description,omitempty"`
		Availability string        `json:"availability,omitempty"`
		Position     *czmlPosition `json:"position,omitempty"`
		Point        *czmlPoint    `json:"point,omitempty"`
		Label        *czmlLabel    `json:"label,omitempty"`
		Path         *czmlPath     `json:"path,omitempty"`
		Polygon      *czmlPolygon  `json:"polygon,omitempty"`
		// Properties are custom properties (CZML's "properties"); the
		// document packet's hold the run's provenance.
		Properties *czmlProvenance `json:"properties,omitempty"`
	}
	czmlProvenance struct {
		RampartVersion string `json:"rampart_version"`
		ScenarioSHA256 string `json:"scenario_sha256"`
		Seed           int64  `json:"seed"`
	}
	czmlClock struct {
		Interval    string `json:"interval"`
		CurrentTime string `json:"currentTime"`
		Multiplier  int    `json:"multiplier"`
		Range       string `json:"range"`
		Step        string `json:"step"`
	}
	czmlPosition struct {
		Epoch                  string        `json:"epoch,omitempty"`
		CartographicDegrees    []json.Number `json:"cartographicDegrees"`
		InterpolationAlgorithm string        `json:"interpolationAlgorithm,omitempty"`
		InterpolationDegree    int           `json:"interpolationDegree,omitempty"`
	}
	czmlColor struct {
		RGBA []int `json:"rgba"`
	}
	czmlMaterial struct {
		SolidColor struct {
			Color czmlColor `json:"color"`
		} `json:"solidColor"`
	}
	czmlPoint struct {
		PixelSize    int       `json:"pixelSize"`
		Color        czmlColor `json:"color"`
		OutlineColor czmlColor `json:"outlineColor"`
		OutlineWidth int       `json:"outlineWidth"`
	}
	czmlLabel struct {
		Text             string    `json:"text"`
		Font             string    `json:"font"`
		Style            string    `json:"style"`
		FillColor        czmlColor `json:"fillColor"`
		OutlineColor     czmlColor `json:"outlineColor"`
		OutlineWidth     int       `json:"outlineWidth"`
		HorizontalOrigin string    `json:"horizontalOrigin"`
		PixelOffset      struct {
			Cartesian2 []int `json:"cartesian2"`
		} `json:"pixelOffset"`
	}
	czmlPath struct {
		Material   czmlMaterial `json:"material"`
		Width      int          `json:"width"`
		LeadTime   json.Number  `json:"leadTime"`
		TrailTime  json.Number  `json:"trailTime"`
		Resolution int          `json:"resolution"`
	}
	czmlPolygon struct {
		Positions    czmlPosition `json:"positions"`
		Height       json.Number  `json:"height"`
		Material     czmlMaterial `json:"material"`
		Outline      bool         `json:"outline"`
		OutlineColor czmlColor    `json:"outlineColor"`
	}
)

var (
	czmlBlack = czmlColor{rgba{0, 0, 0, 255}.czml()}
	czmlWhite = czmlColor{rgba{255, 255, 255, 255}.czml()}
)

// WriteCZML writes s as a CZML document: a JSON array of packets, the
// document packet first, one packet a line.
func WriteCZML(w io.Writer, s *scene.Scene) error {
	if err := checked(s); err != nil {
		return err
	}
	c := sceneClock(s)
	packets := []czmlPacket{{
		ID: "document", Name: s.Name, Version: "1.0",
		Clock: &czmlClock{
			Interval:    c.interval(c.start, c.stop),
			CurrentTime: c.instant(c.start),
			Multiplier:  czmlClockMultiplier,
			Range:       "LOOP_STOP",
			Step:        "SYSTEM_CLOCK_MULTIPLIER",
		},
		Description: html.EscapeString(s.Question),
		Properties:  &czmlProvenance{RampartVersion: s.RampartVersion, ScenarioSHA256: s.ScenarioSHA256, Seed: s.Seed},
	}}
	for i, x := range s.Sites {
		packets = append(packets, czmlSite(i, x))
	}
	for i, t := range s.Tracks {
		packets = append(packets, czmlTrack(i, t, c))
	}
	for i, a := range s.Areas {
		packets = append(packets, czmlArea(i, a))
	}
	for i, x := range s.Intercepts {
		packets = append(packets, czmlIntercept(i, x, c))
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("[\n")
	for i, p := range packets {
		line, err := marshal(p)
		if err != nil {
			return fmt.Errorf("export czml: %w", err)
		}
		bw.Write(line)
		if i < len(packets)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export czml: %w", err)
	}
	return nil
}

// marshal is json.Marshal without HTML escaping, on one line.
func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// czmlDescription is an HTML table of name–value rows, escaped, for
// Cesium's info box; empty values are left out.
func czmlDescription(rows ...[2]string) string {
	var b strings.Builder
	b.WriteString("<table>")
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		fmt.Fprintf(&b, "<tr><th>%s</th><td>%s</td></tr>", html.EscapeString(r[0]), html.EscapeString(r[1]))
	}
	b.WriteString("</table>")
	return b.String()
}

func czmlPointOf(c rgba) *czmlPoint {
	return &czmlPoint{PixelSize: czmlPointPixels, Color: czmlColor{c.czml()}, OutlineColor: czmlBlack, OutlineWidth: 1}
}

func czmlSite(i int, x scene.Site) czmlPacket {
	l := &czmlLabel{
		Text: x.Name, Font: "12pt sans-serif", Style: "FILL_AND_OUTLINE",
		FillColor: czmlWhite, OutlineColor: czmlBlack, OutlineWidth: 2,
		HorizontalOrigin: "LEFT",
	}
	l.PixelOffset.Cartesian2 = []int{czmlPointPixels + 3, 0}
	return czmlPacket{
		ID: siteID(i), Name: x.Name,
		Description: czmlDescription([2]string{"kind", x.Kind}, [2]string{"owner", x.Owner}, [2]string{"note", x.Note}),
		Position: &czmlPosition{CartographicDegrees: []json.Number{
			jnum(x.LonDeg, degreeDecimals), jnum(x.LatDeg, degreeDecimals), jnum(x.AltM, heightDecimals),
		}},
		Point: czmlPointOf(siteColours[x.Kind]),
		Label: l,
	}
}

func czmlTrack(i int, t scene.Track, c clock) czmlPacket {
	first, last := t.Points[0].T, t.Points[len(t.Points)-1].T
	pos := &czmlPosition{
		Epoch:                  c.instant(0),
		CartographicDegrees:    make([]json.Number, 0, 4*len(t.Points)),
		InterpolationAlgorithm: "LINEAR",
		InterpolationDegree:    1,
	}
	for _, p := range t.Points {
		pos.CartographicDegrees = append(pos.CartographicDegrees,
			exact(p.T), jnum(p.LonDeg, degreeDecimals), jnum(p.LatDeg, degreeDecimals), jnum(p.AltM, heightDecimals))
	}
	colour := trackColours[t.Kind]
	path := &czmlPath{Width: czmlPathWidth, LeadTime: "0", TrailTime: exact(last - first), Resolution: czmlPathResolutionS}
	path.Material.SolidColor.Color = czmlColor{colour.czml()}
	return czmlPacket{
		ID: trackID(i), Name: t.Name,
		Description:  czmlDescription([2]string{"kind", t.Kind}, [2]string{"owner", t.Owner}, [2]string{"from", c.instant(first)}, [2]string{"to", c.instant(last)}),
		Availability: c.interval(first, last),
		Position:     pos,
		Point:        czmlPointOf(colour),
		Path:         path,
	}
}

func czmlArea(i int, a scene.Area) czmlPacket {
	colour := areaColours[a.Kind]
	ring := a.Ring[:len(a.Ring)-1] // CZML polygons close themselves
	poly := &czmlPolygon{
		Positions:    czmlPosition{CartographicDegrees: make([]json.Number, 0, 3*len(ring))},
		Height:       jnum(a.AltM, heightDecimals),
		Outline:      true,
		OutlineColor: czmlColor{colour.czml()},
	}
	for _, p := range ring {
		poly.Positions.CartographicDegrees = append(poly.Positions.CartographicDegrees,
			jnum(p[1], degreeDecimals), jnum(p[0], degreeDecimals), jnum(a.AltM, heightDecimals))
	}
	poly.Material.SolidColor.Color = czmlColor{colour.withAlpha(areaFillAlpha).czml()}
	return czmlPacket{
		ID: areaID(i), Name: a.Name,
		Description: czmlDescription([2]string{"kind", a.Kind}, [2]string{"owner", a.Owner}, [2]string{"height", num(a.AltM, heightDecimals) + " m"}, [2]string{"note", a.Note}),
		Polygon:     poly,
	}
}

func czmlIntercept(i int, x scene.Intercept, c clock) czmlPacket {
	name := fmt.Sprintf("%s × %s (%s)", x.Interceptor, x.Threat, scene.OutcomeLabel(x.Outcome))
	return czmlPacket{
		ID: interceptID(i), Name: name,
		Description: czmlDescription([2]string{"threat", x.Threat}, [2]string{"interceptor", x.Interceptor},
			[2]string{"site", x.Site}, [2]string{"owner", x.Owner}, [2]string{"time", c.instant(x.T)}, [2]string{"outcome", scene.OutcomeLabel(x.Outcome)}),
		Availability: c.interval(x.T, c.stop),
		Position: &czmlPosition{CartographicDegrees: []json.Number{
			jnum(x.LonDeg, degreeDecimals), jnum(x.LatDeg, degreeDecimals), jnum(x.AltM, heightDecimals),
		}},
		Point: czmlPointOf(interceptColour(x)),
	}
}
