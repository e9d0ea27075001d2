package study

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/strict"
)

// Reach is the input of the reach analysis: each missile from each site,
// its range rings (one per range value and claim) and the places it
// reaches, with flight times.
type Reach struct {
	Missiles []string            `json:"missiles"` // catalog ballistic or cruise missiles
	Sites    []analysis.Location `json:"sites"`    // launch points
	// Places are the catalog places to consider; empty means every catalog
	// site.
	Places []string `json:"places,omitempty"`
	// Focus are the places the headline and plots name, e.g. Redzikowo,
	// Vilnius, Warsaw and Berlin.
	Focus      []string `json:"focus"`
	RingPoints int      `json:"ring_points,omitempty"` // points per ring; 0: analysis.DefaultRingPoints
}

// Validate checks the names and the counts.
func (r *Reach) Validate() error {
	var errs []error
	if len(r.Missiles) == 0 {
		errs = append(errs, errors.New("missiles: missing; want one or more catalog ballistic or cruise missiles"))
	}
	for i, m := range r.Missiles {
		e, err := catalog.Lookup(m)
		if err == nil && e.Kind != catalog.KindBallisticMissile && e.Kind != catalog.KindCruiseMissile {
			err = fmt.Errorf("%s is %s; allowed: a ballistic or cruise missile", e.Name, e.Kind.A())
		}
		if err != nil {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("missiles[%d]", i), "%v", err))
		}
	}
	if len(r.Sites) == 0 {
		errs = append(errs, errors.New("sites: missing; want one or more launch points ({place: NAME} or {lat_deg, lon_deg})"))
	}
	for i, s := range r.Sites {
		if _, _, err := s.Resolve(); err != nil {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("sites[%d]", i), "%v", err))
		}
	}
	for _, list := range []struct {
		name  string
		names []string
	}{{"places", r.Places}, {"focus", r.Focus}} {
		for i, p := range list.names {
			if _, _, err := (analysis.Location{Place: p}).Resolve(); err != nil {
				errs = append(errs, strict.Fieldf(fmt.Sprintf("%s[%d]", list.name, i), "%v", err))
			}
		}
	}
	if r.RingPoints != 0 && (r.RingPoints < 8 || r.RingPoints > 3600) {
		errs = append(errs, strict.Fieldf("ring_points", "%d is out of range; allowed: 8 to 3600", r.RingPoints))
	}
	return errors.Join(errs...)
}

// ReachResults is the JSON of a reach analysis.
type ReachResults struct {
	Reach []analysis.Reach `json:"reach"`
	Rings []analysis.Ring  `json:"rings"`
	// Focus is, for each missile and site, the focus places.
	Focus []FocusPlace `json:"focus"`
	// Raid is the engine's run of the scenario's threats against its
	// sites, when the scenario has threats.
	Raid *ReachRaidJSON `json:"raid,omitempty"`
}

// ReachRaidJSON is the raid of a reach analysis: each asset's survival,
// the means per raid and each missile's fate.
type ReachRaidJSON struct {
	RaidJSON
	Threats []ThreatJSON `json:"threats"`
}

// FocusPlace is one focus place seen from one missile's launch point.
type FocusPlace struct {
	Missile       string   `json:"missile"`
	Site          string   `json:"site"`
	Place         string   `json:"place"`
	DistanceKm    float64  `json:"distance_km"`
	ReachedBy     []string `json:"reached_by"`
	FlightTimeMin *float64 `json:"flight_time_min"`
	FlownAs       string   `json:"flown_as,omitempty"`
	OtherPick     string   `json:"other_pick,omitempty"`
}

// Run computes the reach of every missile from every site.
func (r *Reach) Run(s *scenario.Scenario, o Options) (*Result, error) {
	var out ReachResults
	places := r.Places
	if len(places) > 0 {
		for _, f := range r.Focus {
			if !slices.Contains(places, f) {
				places = append(places, f)
			}
		}
	}
	res := &Result{Kind: "reach", Scene: newScene(s)}
	for _, m := range r.Missiles {
		res.Systems = addSystem(res.Systems, canonical(m))
		for _, site := range r.Sites {
			rc, err := analysis.MissileReach(m, site, analysis.ReachOptions{Places: places, Physics: o.Sim.Physics()})
			if err != nil {
				return nil, err
			}
			rings, err := analysis.RangeRings(m, site, r.RingPoints)
			if err != nil {
				return nil, err
			}
			out.Reach = append(out.Reach, rc)
			out.Rings = append(out.Rings, rings...)
			for _, f := range r.Focus {
				fe, _ := catalog.Lookup(f)
				for _, p := range rc.Places {
					if p.Place == fe.Name {
						out.Focus = append(out.Focus, FocusPlace{Missile: rc.Missile, Site: rc.Launch.Label(), Place: p.Place,
							DistanceKm: p.DistanceKm, ReachedBy: p.ReachedBy, FlightTimeMin: p.FlightTimeMin, FlownAs: p.FlownAs, OtherPick: p.OtherPick})
					}
				}
			}
		}
	}
	var raid *raidRun
	if hasRaid(s) {
		var err error
		if raid, err = runRaid(s, s.Sites, o, o.Seed, "raid"); err != nil {
			return nil, err
		}
		out.Raid = &ReachRaidJSON{RaidJSON: raid.json(), Threats: threatsJSON(raid.world, raid.sum)}
	}
	res.Results = out
	res.Headline = reachHeadline(s, out)
	reachScene(res.Scene, r, out)
	res.Sections = reachSections(out, res.Scene)
	if raid != nil {
		// The headline is the engine's: the raid's outcome, then the reach.
		eh := EngineHeadline(s, raid.world, raid.sum)
		res.Headline = Headline{Question: s.Question, Value: eh.Value, Unit: eh.Unit,
			Answer: "Against the raid, " + lowerFirst(eh.Answer) + " Reach and flight times, without defenses: " + res.Headline.Answer}
		sc := EngineScene(s, raid.world, raid.sum)
		res.Sections = append(engineSections(s, raid.world, raid.sum, sc, "", raid.engagements), res.Sections...)
		res.Sections[0].Heading = "The raid against the defenses"
		res.Systems = addSystem(res.Systems, EngineSystems(raid.world)...)
	}
	res.Events = [][]string{{"missile", "site", "place", "country", "distance_km", "azimuth_deg", "reached_by", "flight_time_min", "flown_as", "note"}}
	for _, rc := range out.Reach {
		for _, p := range rc.Places {
			res.Events = append(res.Events, []string{rc.Missile, rc.Launch.Label(), p.Place, p.Country, fmtF(p.DistanceKm, 1), fmtF(p.AzimuthDeg, 1),
				strings.Join(p.ReachedBy, ";"), fmtPtr(p.FlightTimeMin, 2), p.FlownAs, p.Note})
		}
	}
	return res, nil
}

// reachHeadline names each focus place's flight time or distance; the
// value is the flight time to the first focus place from the first site
// by the first missile.
func reachHeadline(s *scenario.Scenario, out ReachResults) Headline {
	h := Headline{Question: s.Question, Unit: "min", Value: math.NaN()}
	var groups []string
	for i := 0; i < len(out.Focus); {
		j := i
		var items []string
		for ; j < len(out.Focus) && out.Focus[j].Missile == out.Focus[i].Missile && out.Focus[j].Site == out.Focus[i].Site; j++ {
			f := out.Focus[j]
			if f.FlightTimeMin != nil {
				item := fmt.Sprintf("%s %.1f min (%.0f km", f.Place, *f.FlightTimeMin, f.DistanceKm)
				if !slices.Contains(f.ReachedBy, "central") {
					item += ", only by: " + strings.Join(f.ReachedBy, ", ")
				}
				if f.OtherPick != "" {
					item += "; timed as " + f.FlownAs
				}
				items = append(items, item+")")
				if math.IsNaN(h.Value) {
					h.Value = *f.FlightTimeMin
				}
			} else if len(f.ReachedBy) == 0 {
				items = append(items, fmt.Sprintf("%s out of reach (%.0f km)", f.Place, f.DistanceKm))
			} else if slices.ContainsFunc(f.ReachedBy, func(v string) bool { return v == "low" || v == "central" || v == "high" }) {
				items = append(items, fmt.Sprintf("%s in range, no flight time (%.0f km)", f.Place, f.DistanceKm))
			} else {
				// Reached only by a range value that no catalog pick flies
				// (a party's claim): say which, and that it is not flown.
				items = append(items, fmt.Sprintf("%s only by: %s, which the flight model does not fly, so no flight time (%.0f km)", f.Place, strings.Join(f.ReachedBy, ", "), f.DistanceKm))
			}
		}
		groups = append(groups, fmt.Sprintf("%s from %s: %s", out.Focus[i].Missile, out.Focus[i].Site, strings.Join(items, ", ")))
		i = j
	}
	h.Answer = strings.Join(groups, ". ") + "."
	if len(groups) == 0 {
		// An analysis without focus places (POST /api/explore) has no
		// flight time to name: say so rather than answer ".".
		h.Answer = "No focus places are named; the places in reach are listed with their distances and flight times."
	}
	if math.IsNaN(h.Value) {
		h.Value = 0
		h.Unit = "min (no focus place in reach)"
	}
	return h
}

func reachScene(sc *scene.Scene, r *Reach, out ReachResults) {
	for _, rc := range out.Reach {
		addSite(sc, scene.Site{Name: rc.Launch.Label(), Kind: scene.SiteLaunch, LatDeg: rc.Launch.LatDeg, LonDeg: rc.Launch.LonDeg})
	}
	for _, f := range r.Focus {
		if l, _, err := (analysis.Location{Place: f}).Resolve(); err == nil {
			addSite(sc, scene.Site{Name: l.Place, Kind: scene.SitePlace, LatDeg: l.LatDeg, LonDeg: l.LonDeg})
		}
	}
	// One ring a missile, launch site and radius, labelled with every band
	// value and claim it stands for; a ring that only a disputed claim
	// draws is styled apart.
	type ringKey struct {
		missile, site string
		km            float64
	}
	at := map[ringKey]int{}
	var labels [][]string
	for _, ring := range out.Rings {
		k := ringKey{ring.Missile, ring.Center.Label(), ring.RangeKm}
		if i, ok := at[k]; ok {
			labels[i] = append(labels[i], ring.Label)
			if isBandLabel(ring.Label) {
				sc.Areas[i].Claim = "" // the band draws it: not a claim alone
			}
			continue
		}
		pts := make([][2]float64, len(ring.Points))
		for i, p := range ring.Points {
			pts[i] = [2]float64{p[0], p[1]}
		}
		at[k] = len(sc.Areas)
		labels = append(labels, []string{ring.Label})
		a := scene.Area{Kind: scene.AreaRangeRing, Ring: pts, Note: ring.Source, System: ring.Missile}
		if !isBandLabel(ring.Label) {
			a.Claim = ring.Label
		}
		sc.Areas = append(sc.Areas, a)
	}
	for k, i := range at {
		sc.Areas[i].Name = fmt.Sprintf("%s %.0f km (%s) from %s", k.missile, k.km, strings.Join(labels[i], ", "), k.site)
	}
}

// isBandLabel reports whether a ring's label is a catalog band value
// rather than a party's claim.
func isBandLabel(l string) bool { return l == "low" || l == "central" || l == "high" }

// timeFrom says which flight a reach row's time comes from: the run's pick,
// or the other flight named by otherPick.
func timeFrom(t *float64, otherPick string) string {
	switch {
	case t == nil:
		return ""
	case otherPick != "":
		return otherPick
	}
	return "the run's pick"
}

func reachSections(out ReachResults, sc *scene.Scene) []report.Section {
	focus := report.Table{Caption: "Focus places: distance, which range values reach them, flight time", Columns: []report.Column{
		{Heading: "missile"}, {Heading: "from"}, {Heading: "place"}, {Heading: "distance", Unit: "km", Numeric: true},
		{Heading: "reached by"}, {Heading: "flight time", Unit: "min", Numeric: true}, {Heading: "flight time from"}}}
	for _, f := range out.Focus {
		by := strings.Join(f.ReachedBy, ", ")
		if by == "" {
			by = "none"
		}
		focus.Rows = append(focus.Rows, []string{f.Missile, f.Site, f.Place, fmtF(f.DistanceKm, 0), by, fmtPtr(f.FlightTimeMin, 1), timeFrom(f.FlightTimeMin, f.OtherPick)})
	}
	bars := report.BarChart{Caption: "Flight time to the focus places", X: report.Axis{Label: "flight time", Unit: "min"}}
	var cats []string
	for _, f := range out.Focus {
		if !slices.Contains(cats, f.Place) {
			cats = append(cats, f.Place)
		}
	}
	bars.Categories = cats
	sites := map[string]bool{}
	for _, f := range out.Focus {
		sites[f.Site] = true
	}
	for _, f := range out.Focus {
		name := f.Missile + " from " + f.Site
		k := series(&bars, name)
		if len(sites) == 1 {
			bars.Series[k].Key = f.Missile // the colour of its rings on the map
		}
		if f.FlightTimeMin != nil {
			bars.Series[k].Values[slices.Index(cats, f.Place)] = *f.FlightTimeMin
		}
	}
	ranges := report.Table{Caption: "Range values: the catalog band and each party's claim", Columns: []report.Column{
		{Heading: "missile"}, {Heading: "value"}, {Heading: "range", Unit: "km", Numeric: true}, {Heading: "source"}}}
	seen := map[string]bool{}
	for _, rc := range out.Reach {
		for _, v := range rc.Ranges {
			key := rc.Missile + v.Label
			if seen[key] {
				continue
			}
			seen[key] = true
			ranges.Rows = append(ranges.Rows, []string{rc.Missile, v.Label, fmtF(v.RangeKm, 0), v.Source})
		}
	}
	all := report.Table{Caption: "Every place within the longest range value", Columns: []report.Column{
		{Heading: "missile"}, {Heading: "from"}, {Heading: "place"}, {Heading: "distance", Unit: "km", Numeric: true},
		{Heading: "reached by"}, {Heading: "flight time", Unit: "min", Numeric: true}, {Heading: "flight time from"}}}
	for _, rc := range out.Reach {
		for _, p := range rc.Places {
			if p.Beyond {
				continue
			}
			all.Rows = append(all.Rows, []string{rc.Missile, rc.Launch.Label(), p.Place, fmtF(p.DistanceKm, 0), strings.Join(p.ReachedBy, ", "), fmtPtr(p.FlightTimeMin, 1), timeFrom(p.FlightTimeMin, p.OtherPick)})
		}
	}
	geom := report.SceneSection("Range rings (one per range value and claim)", sc)
	return []report.Section{
		{Heading: "Flight times", Blocks: []report.Block{focus, bars}},
		geom,
		{Heading: "Ranges and places", Blocks: []report.Block{ranges, all}},
	}
}

// lowerFirst returns s with its first letter in lower case, to go on a
// sentence with another's words.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
