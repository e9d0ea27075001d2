package study

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/internal/strict"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
)

// AirPolicing is the input of the air-policing analysis: quick-reaction
// alert bases, the fighter, and the tracks of the aircraft to intercept.
type AirPolicing struct {
	Bases   []analysis.QRABase  `json:"bases"`
	Fighter analysis.QRAFighter `json:"fighter"`
	Tracks  []QRATrack          `json:"tracks"`
}

// QRATrack is one named target track and when the alert is given.
type QRATrack struct {
	Name     string  `json:"name"`
	Aircraft string  `json:"aircraft,omitempty"` // catalog aircraft flying the track, for the map
	AlertMin float64 `json:"alert_min,omitempty"`
	analysis.QRATrack
}

// Validate checks every track with the bases and fighter.
func (a *AirPolicing) Validate() error {
	var errs []error
	if len(a.Tracks) == 0 {
		errs = append(errs, errors.New("tracks: missing; want one or more {name, waypoints or line}"))
	}
	for i, t := range a.Tracks {
		if t.Name == "" {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("tracks[%d].name", i), "missing"))
		}
		if t.Aircraft != "" {
			if e, err := catalog.Lookup(t.Aircraft); err != nil || e.Kind != catalog.KindAircraft {
				errs = append(errs, strict.Fieldf(fmt.Sprintf("tracks[%d].aircraft", i), "%q is not a catalog aircraft", t.Aircraft))
			}
		}
		track := strict.IndexPath("tracks", i)
		errs = append(errs, strict.Rename(a.request(t).Validate(), func(path string) (string, bool) {
			switch {
			case path == "track" || strings.HasPrefix(path, "track.") || strings.HasPrefix(path, "track["):
				return track + strings.TrimPrefix(path, "track"), true
			case path == "alert_min":
				return strict.JoinPath(track, path), true
			}
			return path, i == 0 // base and fighter problems are reported once
		}))
	}
	return errors.Join(errs...)
}

func (a *AirPolicing) request(t QRATrack) analysis.QRARequest {
	return analysis.QRARequest{Bases: a.Bases, Fighter: a.Fighter, Track: t.QRATrack, AlertMin: t.AlertMin}
}

// withDefensePick returns a copy of a whose fighter takes pick unless its
// analysis section gives its own: the fighter is the defense's.
func (a *AirPolicing) withDefensePick(pick catalog.Pick) *AirPolicing {
	c := *a
	if c.Fighter.Pick == "" {
		c.Fighter.Pick = pick.String()
	}
	return &c
}

// AirPolicingResults is the JSON of an air-policing analysis.
type AirPolicingResults struct {
	Tracks []QRATrackResult `json:"tracks"`
}

// QRATrackResult is the interceptions of one track from every base: a
// fighter joining the aircraft to identify it, in peacetime; nothing is
// shot.
type QRATrackResult struct {
	Track       string               `json:"track"`
	Quickest    string               `json:"quickest"`
	QuickestMin *float64             `json:"quickest_min"`
	Results     []analysis.QRAResult `json:"results"`
}

// Run computes the interceptions.
func (a *AirPolicing) Run(s *scenario.Scenario, o Options) (*Result, error) {
	a = a.withDefensePick(o.Sim.DefensePick)
	res := &Result{Kind: "air-policing", Scene: newScene(s), DefenseSystems: []string{a.Fighter.Aircraft}}
	var out AirPolicingResults
	for _, t := range a.Tracks {
		resp, err := analysis.QRAIntercepts(a.request(t))
		if err != nil {
			return nil, fmt.Errorf("track %s: %w", t.Name, err)
		}
		tr := QRATrackResult{Track: t.Name, Quickest: resp.Quickest, Results: resp.Results}
		if resp.QuickestIndex >= 0 {
			v := resp.Results[resp.QuickestIndex].TimeMin
			tr.QuickestMin = &v
		}
		out.Tracks = append(out.Tracks, tr)
		res.Scene.Tracks = append(res.Scene.Tracks, qraSceneTrack(t))
		res.Systems = addSystem(res.Systems, t.Aircraft)
		for _, r := range resp.Results {
			if r.Intercepted {
				res.Scene.Intercepts = append(res.Scene.Intercepts, scene.Intercept{Threat: t.Name, Interceptor: a.Fighter.Aircraft, Site: r.Base,
					T: r.TimeMin * 60, LatDeg: r.InterceptLatDeg, LonDeg: r.InterceptLonDeg, AltM: r.InterceptAltM, Outcome: interception(r.Base == resp.Quickest)})
			}
		}
	}
	for _, b := range a.Bases {
		addSite(res.Scene, scene.Site{Name: b.Name, Kind: scene.SiteAirbase, LatDeg: b.LatDeg, LonDeg: b.LonDeg, Note: a.Fighter.Aircraft})
	}
	res.Systems = addSystem(res.Systems, a.Fighter.Aircraft)
	res.Results = out
	res.Headline = qraHeadline(s, out)
	res.Sections = qraSections(out, res.Scene)
	res.Events = [][]string{{"track", "base", "intercepted", "reason", "scramble_min", "climb_min", "climb_ground_km", "transit_speed_kms", "time_to_intercept_min", "track_min", "lat_deg", "lon_deg", "alt_m", "distance_flown_km"}}
	for _, t := range out.Tracks {
		for _, r := range t.Results {
			res.Events = append(res.Events, []string{t.Track, r.Base, strconv.FormatBool(r.Intercepted), r.Reason, fmtF(r.ScrambleMin, 2), fmtF(r.ClimbMin, 2), fmtF(r.ClimbKm, 1), fmtF(r.TransitSpeedKms, 3),
				fmtF(r.TimeMin, 2), fmtF(r.TrackMin, 2), fmtF(r.InterceptLatDeg, 5), fmtF(r.InterceptLonDeg, 5), fmtF(r.InterceptAltM, 0), fmtF(r.DistanceKm, 1)})
		}
	}
	return res, nil
}

// qraSceneTrack draws the target's waypoints or line (time in seconds of
// the track, at the waypoints only).
func qraSceneTrack(t QRATrack) scene.Track {
	tr := scene.Track{Name: t.Name, Kind: scene.TrackAircraft}
	if l := t.Line; l != nil {
		d := l.SpeedKms * l.DurationMin * 60 * 1e3
		for k := 0; k <= 10; k++ {
			f := float64(k) / 10
			lat, lon := directDeg(l.LatDeg, l.LonDeg, l.CourseDeg, f*d)
			tr.Points = append(tr.Points, scene.Sample{T: f * l.DurationMin * 60, LatDeg: lat, LonDeg: lon, AltM: l.AltM})
		}
		return tr
	}
	tsec := 0.0
	for i, w := range t.Waypoints {
		if i > 0 {
			p := t.Waypoints[i-1]
			if p.SpeedKms > 0 {
				tsec += inverseKm(p.LatDeg, p.LonDeg, w.LatDeg, w.LonDeg) / p.SpeedKms
			} else {
				tsec += 1
			}
		}
		tr.Points = append(tr.Points, scene.Sample{T: tsec, LatDeg: w.LatDeg, LonDeg: w.LonDeg, AltM: w.AltM})
	}
	if len(tr.Points) == 1 {
		p := tr.Points[0]
		p.T++
		tr.Points = append(tr.Points, p)
	}
	return tr
}

func qraHeadline(s *scenario.Scenario, out AirPolicingResults) Headline {
	h := Headline{Question: s.Question, Unit: "min, slowest of the quickest interceptions"}
	var parts []string
	worst := math.NaN()
	for _, t := range out.Tracks {
		if t.QuickestMin == nil {
			parts = append(parts, fmt.Sprintf("%s: no base intercepts it", t.Track))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s: %.1f min from %s", t.Track, *t.QuickestMin, t.Quickest))
		if math.IsNaN(worst) || *t.QuickestMin > worst {
			worst = *t.QuickestMin
		}
	}
	h.Answer = "Quickest peacetime interception after the alert (a fighter joins the aircraft to identify it; nothing is shot) — " + strings.Join(parts, "; ") + "."
	if tl := qraTimelineText(out); tl != "" {
		h.Answer += " Timeline: " + tl + "."
	}
	if !math.IsNaN(worst) {
		h.Value = worst
	}
	return h
}

// qraTimelineText describes the fighter's timeline of the first result
// (every base flies the same fighter; a base's own scramble time may
// differ and is in the table).
func qraTimelineText(out AirPolicingResults) string {
	if len(out.Tracks) == 0 || len(out.Tracks[0].Results) == 0 {
		return ""
	}
	r := out.Tracks[0].Results[0]
	s := fmt.Sprintf("airborne %s min after the alert", fmtF(r.ScrambleMin, 0))
	if r.ClimbMin > 0 {
		s += fmt.Sprintf(", a %s min climb", strconv.FormatFloat(r.ClimbMin, 'f', -1, 64))
		if r.ClimbAltM > 0 {
			s += fmt.Sprintf(" to %s km", fmtF(r.ClimbAltM/1e3, 1))
		}
	}
	return s + fmt.Sprintf(", then %s km/s", fmtF(r.TransitSpeedKms, 2))
}

func qraSections(out AirPolicingResults, sc *scene.Scene) []report.Section {
	bars := report.BarChart{Caption: "Time from alert to interception, by track and base (no bar: no interception)", X: report.Axis{Label: "time to interception", Unit: "min"}}
	t := report.Table{Caption: "Interceptions (a fighter joins an unarmed aircraft in peacetime to identify it; nothing is shot): alert to airborne (scramble), climb, then transit at a sustained speed", Columns: []report.Column{{Heading: "track"}, {Heading: "base"},
		{Heading: "scramble", Unit: "min", Numeric: true}, {Heading: "climb", Unit: "min", Numeric: true}, {Heading: "climb ground", Unit: "km", Numeric: true},
		{Heading: "transit", Unit: "km/s", Numeric: true}, {Heading: "to interception", Unit: "min", Numeric: true}, {Heading: "flown", Unit: "km", Numeric: true}, {Heading: "note"}}}
	for _, tr := range out.Tracks {
		bars.Categories = append(bars.Categories, tr.Track)
	}
	for ti, tr := range out.Tracks {
		for _, r := range tr.Results {
			k := series(&bars, r.Base)
			to, note := "–", r.Reason
			if r.Intercepted {
				bars.Series[k].Values[ti] = r.TimeMin
				to = fmtF(r.TimeMin, 1)
				if r.Base == tr.Quickest {
					note = "quickest"
				}
			}
			t.Rows = append(t.Rows, []string{tr.Track, r.Base, fmtF(r.ScrambleMin, 1), fmtF(r.ClimbMin, 1), fmtF(r.ClimbKm, 0), fmtF(r.TransitSpeedKms, 3), to, fmtF(r.DistanceKm, 0), note})
		}
	}
	return []report.Section{
		{Heading: "Quick-reaction interceptions (identification, peacetime)", Blocks: []report.Block{bars, t}},
		report.SceneSection("Bases, tracks and interception points (filled: the quickest base)", sc),
	}
}

// interception is an air-policing interception's scene outcome: the
// quickest base's first.
func interception(quickest bool) string {
	if quickest {
		return scene.OutcomeFirstInterception
	}
	return scene.OutcomeInterception
}
