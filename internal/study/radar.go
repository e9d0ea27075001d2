package study

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/internal/strict"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
)

// Radar is the input of the radar coverage analysis: radars with their
// owners, the target altitudes and cross sections of the footprints, and
// the launches whose sightings are wanted.
type Radar struct {
	Radars     []RadarEntry                `json:"radars"`
	Footprints []analysis.FootprintOptions `json:"footprints"`
	Families   []analysis.Family           `json:"families"`
	Sightings  analysis.SightingOptions    `json:"sightings"`
}

// RadarEntry is a catalog radar at a place, with its owner.
type RadarEntry struct {
	Owner string `json:"owner"`
	analysis.RadarSite
}

// Validate checks every radar, footprint and family.
func (r *Radar) Validate() error {
	var errs []error
	var pick catalog.Pick // "": central
	if err := pick.UnmarshalText([]byte(r.Sightings.Pick)); err != nil {
		errs = append(errs, strict.Fieldf("sightings.pick", "%v", err))
	}
	if len(r.Radars) == 0 {
		errs = append(errs, errors.New("radars: missing; want one or more {owner, radar, at}"))
	}
	for i, rs := range r.Radars {
		if rs.Owner == "" {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("radars[%d].owner", i), "missing"))
		}
		if _, _, err := rs.Build(pick); err != nil {
			errs = append(errs, strict.Prefix(strict.IndexPath("radars", i), err))
		}
	}
	for i, f := range r.Footprints {
		if err := f.Validate(); err != nil {
			errs = append(errs, strict.Prefix(strict.IndexPath("footprints", i), err))
		}
	}
	for i, f := range r.Families {
		if err := f.Validate(); err != nil {
			errs = append(errs, strict.Prefix(strict.IndexPath("families", i), err))
		}
	}
	if p := r.Sightings.Pd; p != 0 && !(p > 0 && p < 1) {
		errs = append(errs, strict.Fieldf("sightings.pd", "%g is out of range; allowed: between 0 and 1", p))
	}
	if s := r.Sightings.StepS; s != 0 && !(s > 0 && s <= 60) {
		errs = append(errs, strict.Fieldf("sightings.step_s", "%g is out of range; allowed: greater than 0, at most 60", s))
	}
	return errors.Join(errs...)
}

// RadarResults is the JSON of a radar analysis.
type RadarResults struct {
	Radars     []RadarSummary      `json:"radars"`
	Footprints []footprintJSON     `json:"footprints"`
	Sightings  []analysis.Sighting `json:"sightings"`
}

// RadarSummary is what one radar sees of all the launches.
type RadarSummary struct {
	Radar       string    `json:"radar"`
	Owner       string    `json:"owner"`
	Launches    int       `json:"launches"`
	Seen        int       `json:"seen"`
	SeenInBoost int       `json:"seen_in_boost"`
	EarliestS   *float64  `json:"earliest_first_seen_s"`         // after launch
	MaxGroundKm []float64 `json:"footprint_max_ground_range_km"` // per footprint
}

// footprintJSON is a footprint without its per-azimuth rays.
type footprintJSON struct {
	analysis.Footprint
	Rays []analysis.FootprintRay `json:"rays,omitempty"`
}

// Run computes footprints and sightings.
func (r *Radar) Run(s *scenario.Scenario, o Options) (*Result, error) {
	opts := r.Sightings
	if opts.Pick == "" {
		opts.Pick = o.Sim.DefensePick.String() // the radars'; the families fly at the threat pick
	}
	var pick catalog.Pick
	if err := pick.UnmarshalText([]byte(opts.Pick)); err != nil {
		return nil, err // Validate has refused a bad pick; this is the run's own
	}
	var sites []analysis.RadarSite
	var out RadarResults
	res := &Result{Kind: "radar", Scene: newScene(s)}
	for _, re := range r.Radars {
		rd, rs, err := re.Build(pick)
		if err != nil {
			return nil, err
		}
		sites = append(sites, rs)
		res.Systems = addSystem(res.Systems, rs.Radar)
		addSite(res.Scene, scene.Site{Name: rs.Label(), Kind: scene.SiteDefense, Owner: re.Owner, LatDeg: rs.At.LatDeg, LonDeg: rs.At.LonDeg, AltM: rs.At.AltM,
			Note: fmt.Sprintf("boresight %.0f°", *rs.BoresightDeg)})
		sum := RadarSummary{Radar: rs.Label(), Owner: re.Owner}
		for _, fo := range r.Footprints {
			fp, err := analysis.RadarFootprint(rd, fo)
			if err != nil {
				return nil, err
			}
			out.Footprints = append(out.Footprints, footprintJSON{Footprint: fp})
			sum.MaxGroundKm = append(sum.MaxGroundKm, fp.MaxGroundRangeKm)
			pts := make([][2]float64, len(fp.Polygon))
			for i, p := range fp.Polygon {
				pts[i] = [2]float64{p[0], p[1]}
			}
			res.Scene.Areas = append(res.Scene.Areas, scene.Area{Name: fmt.Sprintf("%s, %.0f km altitude", rs.Label(), fo.AltitudeKm), Kind: scene.AreaRadar,
				Owner: re.Owner, AltM: fo.AltitudeKm * 1e3, Ring: pts, Note: fmt.Sprintf("RCS %g m², Pd %g", fo.RCSM2, fp.Pd)})
		}
		out.Radars = append(out.Radars, sum)
	}
	trajs, err := analysis.FlyFamilies(r.Families, o.Sim.Physics())
	if err != nil {
		return nil, err
	}
	sg, err := analysis.RadarSightings(sites, trajs, opts)
	if err != nil {
		return nil, err
	}
	out.Sightings = sg
	for i := range out.Radars {
		rs := &out.Radars[i]
		for _, x := range sg {
			if x.Radar+" at "+x.RadarSite != rs.Radar {
				continue
			}
			rs.Launches++
			if x.Seen {
				rs.Seen++
				if x.SeenInBoost {
					rs.SeenInBoost++
				}
				if rs.EarliestS == nil || *x.FirstSeenS < *rs.EarliestS {
					v := *x.FirstSeenS
					rs.EarliestS = &v
				}
			}
		}
	}
	for _, f := range r.Families {
		res.Systems = addSystem(res.Systems, f.Missile)
	}
	for _, tj := range trajs {
		addSite(res.Scene, scene.Site{Name: tj.LaunchSite, Kind: scene.SiteLaunch, LatDeg: tj.LaunchLatDeg, LonDeg: tj.LaunchLonDeg})
		res.Scene.Tracks = append(res.Scene.Tracks, trajectoryTrack(&tj, 20))
	}
	res.Results = out
	res.Headline = radarHeadline(s, out, len(trajs))
	res.Sections = radarSections(out, res.Scene)
	res.Events = [][]string{{"radar", "radar_site", "trajectory", "seen", "first_seen_s", "first_seen_phase", "first_seen_alt_km", "first_seen_range_km", "last_seen_s", "covered_s", "flight_time_s", "limit"}}
	for _, x := range sg {
		res.Events = append(res.Events, []string{x.Radar, x.RadarSite, x.Trajectory, strconv.FormatBool(x.Seen), fmtPtr(x.FirstSeenS, 1), x.FirstSeenPhase,
			fmtPtr(x.FirstSeenAltKm, 1), fmtPtr(x.FirstSeenRangeKm, 1), fmtPtr(x.LastSeenS, 1), fmtF(x.CoveredS, 1), fmtF(x.FlightTimeS, 1), x.Limit})
	}
	return res, nil
}

// trajectoryTrack samples a flown trajectory every step seconds.
func trajectoryTrack(tj *analysis.Trajectory, step float64) scene.Track {
	tr := scene.Track{Name: tj.Name, Kind: scene.TrackBallistic}
	for t := 0.0; ; t = math.Min(t+step, tj.FlightTimeS) {
		if p, ok := tj.Position(t); ok {
			tr.Points = append(tr.Points, scene.Sample{T: t, LatDeg: p.LatDeg(), LonDeg: p.LonDeg(), AltM: math.Max(p.Alt, 0)})
		}
		if t >= tj.FlightTimeS {
			break
		}
	}
	return tr
}

// radarHeadline: the value is the share of launches some radar sees.
func radarHeadline(s *scenario.Scenario, out RadarResults, launches int) Headline {
	h := Headline{Question: s.Question, Unit: "fraction of launches seen by at least one radar"}
	var parts []string
	for _, r := range out.Radars {
		p := fmt.Sprintf("%s (%s) sees %d of %d launches", r.Radar, r.Owner, r.Seen, r.Launches)
		if r.Seen > 0 {
			p += fmt.Sprintf(", %d while boosting, the earliest %.0f s after launch", r.SeenInBoost, *r.EarliestS)
		}
		parts = append(parts, p)
	}
	seen := map[string]bool{}
	for _, x := range out.Sightings {
		if x.Seen {
			seen[x.Trajectory] = true
		}
	}
	if launches > 0 {
		h.Value = float64(len(seen)) / float64(launches)
	}
	h.Answer = strings.Join(parts, "; ") + "."
	return h
}

func radarSections(out RadarResults, sc *scene.Scene) []report.Section {
	sum := report.Table{Caption: "What each radar sees", Columns: []report.Column{{Heading: "radar"}, {Heading: "owner"},
		{Heading: "launches seen", Numeric: true}, {Heading: "in boost", Numeric: true}, {Heading: "earliest", Unit: "s after launch", Numeric: true},
		{Heading: "footprint reach", Unit: "km", Numeric: true}}}
	for _, r := range out.Radars {
		var reach []string
		for _, v := range r.MaxGroundKm {
			reach = append(reach, fmtF(v, 0))
		}
		sum.Rows = append(sum.Rows, []string{r.Radar, r.Owner, fmt.Sprintf("%d of %d", r.Seen, r.Launches), fmt.Sprint(r.SeenInBoost), fmtPtr(r.EarliestS, 0), strings.Join(reach, " / ")})
	}
	sum.Notes = []string{"Footprint reach: the largest ground range at each footprint altitude, in the order of the scenario's footprints."}
	bars := report.BarChart{Caption: "First sighting of each launch by each radar (no bar: never seen)", X: report.Axis{Label: "first seen", Unit: "s after launch"}}
	for _, x := range out.Sightings {
		if !slices.Contains(bars.Categories, x.Trajectory) {
			bars.Categories = append(bars.Categories, x.Trajectory)
		}
	}
	for _, x := range out.Sightings {
		name := x.Radar + " at " + x.RadarSite
		k := series(&bars, name)
		if x.Seen {
			bars.Series[k].Values[slices.Index(bars.Categories, x.Trajectory)] = *x.FirstSeenS
		}
	}
	t := report.Table{Caption: "Sightings", Columns: []report.Column{{Heading: "radar"}, {Heading: "launch"}, {Heading: "first seen", Unit: "s", Numeric: true},
		{Heading: "phase"}, {Heading: "altitude", Unit: "km", Numeric: true}, {Heading: "range", Unit: "km", Numeric: true}, {Heading: "in view", Unit: "s", Numeric: true}, {Heading: "limit"}}}
	for _, x := range out.Sightings {
		t.Rows = append(t.Rows, []string{x.Radar + " at " + x.RadarSite, x.Trajectory, fmtPtr(x.FirstSeenS, 0), x.FirstSeenPhase, fmtPtr(x.FirstSeenAltKm, 0), fmtPtr(x.FirstSeenRangeKm, 0), fmtF(x.CoveredS, 0), x.Limit})
	}
	return []report.Section{
		{Heading: "Coverage", Blocks: []report.Block{sum, bars}},
		report.SceneSection("Radar footprints and launches", sc),
		{Heading: "Every sighting", Blocks: []report.Block{t}},
	}
}
