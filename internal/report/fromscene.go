package report

import (
	"fmt"

	"github.com/rampart-sim/rampart/internal/scene"
)

// maxAltitudeSeries is the most tracks an altitude plot shows: beyond a
// dozen lines neither colours nor the legend can be told apart.
const maxAltitudeSeries = 12

// SceneSection returns a section that shows a scene: a map of it, the
// altitude of its tracks against time, and tables of its sites and
// intercepts, each only if the scene has such features.
func SceneSection(heading string, s *scene.Scene) Section {
	sec := Section{Heading: heading}
	if s == nil {
		return sec
	}
	caption := "Sites, tracks and areas of the run."
	if s.Question != "" {
		caption = s.Question
	}
	sec.Blocks = append(sec.Blocks, Map{Scene: s, Caption: caption})
	if len(s.Tracks) > 0 {
		sec.Blocks = append(sec.Blocks, AltitudePlot(s))
	}
	if len(s.Sites) > 0 {
		sec.Blocks = append(sec.Blocks, SiteTable(s))
	}
	if len(s.Intercepts) > 0 {
		t := InterceptTable(s)
		if heading != "" {
			// The section's heading says which run the intercepts are of
			// (e.g. trial 0); the text output shows captions, not headings.
			t.Caption = "Intercepts: " + heading + "."
		}
		sec.Blocks = append(sec.Blocks, t)
	}
	return sec
}

// AltitudePlot returns the altitude of each track against time (the
// first maxAltitudeSeries tracks).
func AltitudePlot(s *scene.Scene) LinePlot {
	p := LinePlot{
		Caption: "Altitude of each track against time after the scenario epoch.",
		X:       Axis{Label: "Time", Unit: "s", Zero: true},
		Y:       Axis{Label: "Altitude", Unit: "km", Zero: true},
	}
	for i, t := range s.Tracks {
		if i == maxAltitudeSeries {
			p.Caption += fmt.Sprintf(" The first %d of %d tracks.", maxAltitudeSeries, len(s.Tracks))
			break
		}
		sr := Series{Name: t.Name, Dashed: t.Kind == scene.TrackInterceptor}
		for _, q := range t.Points {
			sr.X, sr.Y = append(sr.X, q.T), append(sr.Y, q.AltM/1e3)
		}
		p.Series = append(p.Series, sr)
	}
	return p
}

// SiteTable lists the scene's sites.
func SiteTable(s *scene.Scene) Table {
	t := Table{Caption: "Sites.", Columns: []Column{
		{Heading: "Site"}, {Heading: "Kind"}, {Heading: "Owner"},
		{Heading: "Latitude", Numeric: true}, {Heading: "Longitude", Numeric: true}, {Heading: "Note"},
	}}
	for _, x := range s.Sites {
		t.Rows = append(t.Rows, []string{x.Name, x.Kind, x.Owner, fmtLatFixed(x.LatDeg), fmtLonFixed(x.LonDeg), x.Note})
	}
	return t
}

// InterceptTable lists the scene's intercepts.
func InterceptTable(s *scene.Scene) Table {
	t := Table{Caption: "Intercepts.", Columns: []Column{
		{Heading: "Threat"}, {Heading: "Interceptor"}, {Heading: "Site"},
		{Heading: "Time", Unit: "s", Numeric: true}, {Heading: "Altitude", Unit: "km", Numeric: true}, {Heading: "Outcome"},
	}}
	for _, x := range s.Intercepts {
		out := scene.OutcomeLabel(x.Outcome)
		t.Rows = append(t.Rows, []string{x.Threat, x.Interceptor, x.Site, FormatNumber(roundTo(x.T, 1)), FormatNumber(roundTo(x.AltM/1e3, 1)), out})
	}
	return t
}

// fmtLatFixed and fmtLonFixed give positions to 0.01° (about 1 km).
func fmtLatFixed(v float64) string {
	if v < 0 {
		return fixedFloat(-v, 2) + "° S"
	}
	return fixedFloat(v, 2) + "° N"
}

func fmtLonFixed(v float64) string {
	if v < 0 {
		return fixedFloat(-v, 2) + "° W"
	}
	return fixedFloat(v, 2) + "° E"
}
