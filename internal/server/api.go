package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// ScenarioInfo is one embedded scenario in GET /api/scenarios.
type ScenarioInfo struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Question string `json:"question"`
	Summary  string `json:"summary"`
	Default  bool   `json:"default"`
	Seed     int64  `json:"seed"`
	Trials   int    `json:"trials"`
	// MonteCarlo says whether trials and seed apply.
	MonteCarlo bool `json:"monte_carlo"`
	// YAML is the file as written (GET /api/scenarios/{name} only).
	YAML string `json:"yaml,omitempty"`
}

func scenarioInfo(s *scenario.Scenario) ScenarioInfo {
	kind := study.EngineKind
	if s.Analysis != nil {
		kind = s.Analysis.Kind
	}
	return ScenarioInfo{Name: s.Library, Kind: kind, Question: s.Question, Summary: s.Summary, Default: s.Library == scenario.Default,
		Seed: s.Run.Seed, Trials: s.Run.Trials, MonteCarlo: study.KindUses(s).MonteCarlo}
}

func (s *Server) listScenarios(w http.ResponseWriter, r *http.Request) {
	out := []ScenarioInfo{}
	for _, sc := range scenario.Library() {
		out = append(out, scenarioInfo(sc))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getScenario(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	for _, sc := range scenario.Library() {
		if strings.EqualFold(sc.Library, name) {
			data, _, _ := scenario.LibraryText(sc.Library)
			info := scenarioInfo(sc)
			info.YAML = string(data)
			writeJSON(w, http.StatusOK, info)
			return
		}
	}
	writeError(w, http.StatusNotFound, "no embedded scenario %q; see GET /api/scenarios", name)
}

// CatalogEntry is one catalog entry in GET /api/catalog.
type CatalogEntry struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Country string   `json:"country"`
	Summary string   `json:"summary"`
	Aliases []string `json:"aliases"`
	Tags    []string `json:"tags"`
	// LatDeg and LonDeg are the central position of a placed entry.
	LatDeg *float64 `json:"lat_deg,omitempty"`
	LonDeg *float64 `json:"lon_deg,omitempty"`
	// RangeKm is the central range of a missile or interceptor.
	RangeKm *float64 `json:"range_km,omitempty"`
	// Claims are the published claims of a disputed range.
	Claims []ClaimJSON `json:"claims,omitempty"`
}

// ClaimJSON is one claimed range.
type ClaimJSON struct {
	Label   string  `json:"label"`
	RangeKm float64 `json:"range_km"`
	Note    string  `json:"note,omitempty"`
}

var catalogJSON = sync.OnceValues(func() ([]byte, error) {
	out := []CatalogEntry{}
	for _, e := range catalog.All() {
		c := CatalogEntry{Name: e.Name, Kind: string(e.Kind), Country: e.Country, Summary: e.Summary,
			Aliases: append([]string{}, e.Aliases...), Tags: append([]string{}, e.Tags...)}
		if e.Placed() {
			lat, lon := e.Lat.Central, e.Lon.Central
			c.LatDeg, c.LonDeg = &lat, &lon
		}
		if v, ok := e.Param("range_km"); ok {
			x := v.Central
			c.RangeKm = &x
		}
		for _, cl := range e.Claims {
			c.Claims = append(c.Claims, ClaimJSON{Label: cl.Label, RangeKm: cl.RangeKm.Central, Note: cl.Note})
		}
		out = append(out, c)
	}
	return json.Marshal(out)
})

func (s *Server) listCatalog(w http.ResponseWriter, r *http.Request) {
	data, err := catalogJSON()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(data)
}

// bordersJSON is the Natural Earth 1:50m countries of package report as
// RFC 7946 GeoJSON: one MultiPolygon a country (properties name, id),
// then one Point a country (property label: true) where its name is
// written, the centre of its largest polygon's outer ring.
var bordersJSON = sync.OnceValues(func() ([]byte, error) {
	b, err := report.LoadBorders()
	if err != nil {
		return nil, err
	}
	r3 := func(x float64) float64 { return math.Round(x*1e3) / 1e3 }
	type feature struct {
		Type       string         `json:"type"`
		Properties map[string]any `json:"properties"`
		Geometry   map[string]any `json:"geometry"`
	}
	var fs []feature
	var labels []feature
	for _, c := range b.Countries {
		var mp [][][][2]float64
		best, bestN := [2]float64{}, 0
		for _, poly := range c.Polygons {
			var rings [][][2]float64
			for _, ring := range poly {
				pts := make([][2]float64, 0, len(ring))
				for i, p := range ring {
					lon := p.Lon
					// Rings that step across ±180° (Russia's Chukotka,
					// Fiji) are made continuous, past 180° if need be,
					// which MapLibre draws across the antimeridian;
					// Antarctica's ring, which closes along the pole, is
					// left as it is.
					if i > 0 && c.Name != "Antarctica" {
						prev := pts[i-1][0]
						for lon-prev > 180 {
							lon -= 360
						}
						for lon-prev < -180 {
							lon += 360
						}
					}
					pts = append(pts, [2]float64{r3(lon), r3(p.Lat)})
				}
				rings = append(rings, pts)
			}
			if len(poly) > 0 && len(poly[0]) > bestN {
				var sx, sy float64
				for _, p := range poly[0] {
					sx, sy = sx+p.Lon, sy+p.Lat
				}
				n := float64(len(poly[0]))
				best, bestN = [2]float64{r3(sx / n), r3(sy / n)}, len(poly[0])
			}
			mp = append(mp, rings)
		}
		fs = append(fs, feature{Type: "Feature", Properties: map[string]any{"name": c.Name, "id": c.ID},
			Geometry: map[string]any{"type": "MultiPolygon", "coordinates": mp}})
		if bestN > 0 {
			labels = append(labels, feature{Type: "Feature", Properties: map[string]any{"name": c.Name, "label": true},
				Geometry: map[string]any{"type": "Point", "coordinates": best}})
		}
	}
	return json.Marshal(map[string]any{"type": "FeatureCollection", "source": b.Header, "features": append(fs, labels...)})
})

func (s *Server) borders(w http.ResponseWriter, r *http.Request) {
	data, err := bordersJSON()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	writeMaybeGzip(w, r, "borders", "application/geo+json", data)
}

// ScenarioInput names a scenario: an embedded one by name, or a file's
// text (YAML, with the name it was uploaded under).
type ScenarioInput struct {
	Scenario string `json:"scenario,omitempty"`
	YAML     string `json:"yaml,omitempty"`
	Filename string `json:"filename,omitempty"`
}

// errInput is bad input that is not a scenario's problem (400).
type errInput struct{ msg string }

func (e *errInput) Error() string { return e.msg }

func inputf(format string, a ...any) error { return &errInput{fmt.Sprintf(format, a...)} }

// errTooLarge is a scenario file over scenario.MaxFileSize (413).
var errTooLarge = fmt.Errorf("the scenario file is larger than the limit of %d bytes", scenario.MaxFileSize)

// load decodes the scenario in, never reading the server's files: a name
// is looked up in the embedded library only.
func (in ScenarioInput) load() (*scenario.Scenario, study.Study, error) {
	switch {
	case in.YAML != "" && in.Scenario != "":
		return nil, nil, inputf("give scenario (an embedded name) or yaml (a file's text), not both")
	case in.YAML != "":
		if len(in.YAML) > scenario.MaxFileSize {
			return nil, nil, errTooLarge
		}
		name := path.Base(strings.ReplaceAll(in.Filename, `\`, "/"))
		if name == "." || name == "/" || name == "" {
			name = "upload.yaml"
		}
		if len(name) > 100 {
			name = name[:100]
		}
		s, err := scenario.Check(name, []byte(in.YAML), scenario.DefaultCatalog())
		if err != nil {
			return nil, nil, err
		}
		st, err := study.Decode(s)
		if err != nil {
			return nil, nil, err
		}
		return s, st, nil
	case in.Scenario != "":
		if _, _, ok := scenario.LibraryText(in.Scenario); !ok {
			var names []string
			for _, sc := range scenario.Library() {
				names = append(names, sc.Library)
			}
			return nil, nil, inputf("no embedded scenario %q; allowed: %s (or upload a file as yaml)", in.Scenario, strings.Join(names, ", "))
		}
		return study.Load(in.Scenario)
	}
	return nil, nil, inputf("give scenario (an embedded name) or yaml (a file's text)")
}

// writeInputError answers the error of loading or running input: 400
// with the problems, 413, or 500 for anything else.
func (s *Server) writeInputError(w http.ResponseWriter, r *http.Request, err error) {
	var se *scenario.Errors
	var ie *errInput
	var sie *study.InputError
	switch {
	case errors.As(err, &se):
		writeScenarioError(w, se)
	case errors.Is(err, errTooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, "%v", err)
	case errors.As(err, &ie), errors.As(err, &sie):
		writeError(w, http.StatusBadRequest, "%v", err)
	default:
		s.internal(w, r, err)
	}
}

// ValidateResult is the answer of POST /api/validate for a valid file.
type ValidateResult struct {
	OK       bool   `json:"ok"`
	Scenario string `json:"scenario"`
	Kind     string `json:"kind"`
	SHA256   string `json:"scenario_sha256"`
	Summary  string `json:"summary"`
}

func (s *Server) validate(w http.ResponseWriter, r *http.Request) {
	var in ScenarioInput
	if !decodeBody(w, r, &in) {
		return
	}
	sc, st, err := in.load()
	if err == nil {
		err = study.Check(sc, st)
	}
	if err != nil {
		s.writeInputError(w, r, err)
		return
	}
	kind := study.EngineKind
	what := fmt.Sprintf("%d sites, %d threats, %d assets", len(sc.Sites), len(sc.Threats), len(sc.Assets))
	if sc.Analysis != nil {
		kind, what = sc.Analysis.Kind, sc.Analysis.Kind+" analysis"
	}
	writeJSON(w, http.StatusOK, ValidateResult{OK: true, Scenario: sc.Name, Kind: kind, SHA256: sc.SHA256, Summary: what})
}

// FlyRequest is the body of POST /api/fly, as rampart fly's flags.
type FlyRequest struct {
	From            string  `json:"from"` // LAT,LON or a catalog place
	To              string  `json:"to"`
	Missile         string  `json:"missile,omitempty"`
	BurnoutSpeedKms float64 `json:"burnout_speed_kms,omitempty"`
	Profile         string  `json:"profile,omitempty"`
	ApogeeKm        float64 `json:"apogee_km,omitempty"`
	Pick            string  `json:"pick,omitempty"`
	// BattleSpace asks which Aegis Ashore sites could engage the flight
	// (a battlespace analysis: seconds of CPU, so only on request).
	BattleSpace bool `json:"battle_space,omitempty"`
}

// TrackPoint is one sample of a flown trajectory.
type TrackPoint struct {
	T      float64 `json:"t_s"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
	AltKm  float64 `json:"alt_km"`
}

// FlyResponse is the answer of POST /api/fly: rampart fly --json's
// document and the trajectory sampled for the map and the altitude plot.
type FlyResponse struct {
	Flight json.RawMessage `json:"flight"`
	Track  []TrackPoint    `json:"track"`
	// Engage says, for each Aegis Ashore site and SM-3 interceptor,
	// whether it could engage the flight (battle space), when asked
	// (battle_space), between catalog places or LAT,LON points alike;
	// Explain says what cueing the answer assumes, or why there is none.
	Engage  []Engagement `json:"engage"`
	Explain string       `json:"engage_note,omitempty"`
}

// flyTrackPoints is how many samples a fly trajectory has at most.
const flyTrackPoints = 240

func parsePlace(field, v string) (geo.LLA, string, error) {
	p, err := geo.ParseLatLon(v)
	if err == nil {
		return p, "", nil
	}
	e, lerr := catalog.Lookup(v)
	if lerr != nil || e.Kind != catalog.KindSite {
		return geo.LLA{}, "", inputf("%s %q is neither LAT,LON in degrees (%v) nor a catalog place", field, v, err)
	}
	return geo.LLADeg(e.Lat.Central, e.Lon.Central, 0), e.Name, nil
}

func (s *Server) fly(w http.ResponseWriter, r *http.Request) {
	var in FlyRequest
	if !decodeBody(w, r, &in) {
		return
	}
	resp, err := flyOne(in)
	var se *scenario.Errors
	if errors.As(err, &se) {
		writeRequestProblems(w, se, "cannot fly it")
		return
	}
	if err != nil {
		s.writeInputError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func flyOne(in FlyRequest) (*FlyResponse, error) {
	if in.From == "" || in.To == "" {
		return nil, inputf("from and to are required (LAT,LON in degrees, or a catalog place name)")
	}
	if in.Missile != "" && in.BurnoutSpeedKms != 0 {
		return nil, inputf("give missile or burnout_speed_kms, not both")
	}
	if in.BurnoutSpeedKms < 0 || in.BurnoutSpeedKms >= scenario.MaxBurnoutSpeedKms {
		return nil, inputf("burnout_speed_kms %g is out of range; allowed: greater than 0, less than %d km/s; omit it to solve for the speed", in.BurnoutSpeedKms, scenario.MaxBurnoutSpeedKms)
	}
	if in.ApogeeKm < 0 || in.ApogeeKm > scenario.MaxApogeeKm {
		return nil, inputf("apogee_km %g is out of range; allowed: greater than 0, at most %d km", in.ApogeeKm, scenario.MaxApogeeKm)
	}
	if in.Profile == "" {
		in.Profile = string(scenario.MinEnergy)
	}
	prof := scenario.Profile(in.Profile)
	if !slices.Contains(scenario.Profiles, prof) {
		return nil, inputf("profile %q is not allowed; allowed: %s", in.Profile, strings.Join(strictStrings(scenario.Profiles), ", "))
	}
	if prof == scenario.MinEnergy && in.ApogeeKm != 0 {
		return nil, inputf("apogee_km applies only to profile lofted, depressed or quasi-ballistic; min-energy fixes the trajectory")
	}
	pick := catalog.PickCentral
	if in.Pick != "" {
		if err := pick.UnmarshalText([]byte(in.Pick)); err != nil {
			return nil, inputf("pick %q is not allowed; allowed: low, central, high", in.Pick)
		}
	}
	if in.Missile != "" {
		e, err := catalog.Lookup(in.Missile)
		if err != nil {
			return nil, inputf("missile: %v", err)
		}
		if e.Kind != catalog.KindBallisticMissile && e.Kind != catalog.KindCruiseMissile {
			return nil, inputf("missile %q is not a missile (catalog kind: %s); allowed: a catalog ballistic or cruise missile", e.Name, e.Kind)
		}
		// As rampart fly: a profile other than the default means nothing
		// to a cruise missile, and is refused rather than ignored.
		if e.Kind == catalog.KindCruiseMissile && prof != scenario.MinEnergy {
			return nil, inputf("profile %s applies only to ballistic missiles; %s is a cruise missile, flown along the great circle at its catalog speed and altitude", prof, e.Name)
		}
		in.Missile = e.Name
	}
	launch, launchName, err := parsePlace("from", in.From)
	if err != nil {
		return nil, err
	}
	aim, aimName, err := parsePlace("to", in.To)
	if err != nil {
		return nil, err
	}
	if d, _, _ := geo.WGS84.Inverse(launch.Lat, launch.Lon, aim.Lat, aim.Lon); d < flight.MinAimDistanceM {
		return nil, inputf("the aim point is %.0f m from the launch point; give one at least %.0f km away", d, flight.MinAimDistanceM/1e3)
	}
	opts := sim.DefaultOptions()
	opts.ThreatPick, opts.DefensePick = pick, pick
	th := scenario.Threat{Name: "fly", Missile: in.Missile, BurnoutSpeedKms: in.BurnoutSpeedKms,
		From:    scenario.Point{LatDeg: launch.LatDeg(), LonDeg: launch.LonDeg()},
		To:      scenario.Point{LatDeg: aim.LatDeg(), LonDeg: aim.LonDeg()},
		Profile: prof, ApogeeKm: in.ApogeeKm, Count: 1}
	f, err := study.FlyOne(th, opts)
	if err != nil {
		return nil, err
	}
	f.LaunchName, f.AimName = launchName, aimName
	doc, err := jsonout.Marshal(study.FlyDocument(f, study.DescribePhysics("wgs84", opts), opts), "")
	if err != nil {
		return nil, err
	}
	resp := &FlyResponse{Flight: doc, Track: []TrackPoint{}, Engage: []Engagement{}}
	if mv := f.Mover(); mv != nil && f.FlightTime > 0 {
		dt := f.FlightTime / (flyTrackPoints - 1)
		for i := range flyTrackPoints {
			t := f.LaunchTime + math.Min(float64(i)*dt, f.FlightTime)
			g := geo.WGS84.ToGeodetic(mv.At(t).Pos)
			resp.Track = append(resp.Track, TrackPoint{T: jsonout.RoundDecimals(t-f.LaunchTime, 2), LatDeg: jsonout.RoundDecimals(g.LatDeg(), 5),
				LonDeg: jsonout.RoundDecimals(g.LonDeg(), 5), AltKm: jsonout.RoundDecimals(math.Max(g.Alt, 0)/1e3, 3)})
		}
	}
	resp.Engage, resp.Explain = engagements(in, f, launch, aim, launchName, aimName, pick)
	return resp, nil
}

func strictStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// ExploreRequest is the body of POST /api/explore: a site, and a
// missile to draw the reach of from it and/or a radar to draw the
// coverage of at it.
type ExploreRequest struct {
	Site    string `json:"site"`
	Missile string `json:"missile,omitempty"`
	Radar   string `json:"radar,omitempty"`
	// Interceptor draws the rings of an interceptor's catalog engagement
	// ranges (max_range_km against ballistic missiles, max_range_air_km
	// against aircraft) around the site, one a value of each band and
	// claim.
	Interceptor string    `json:"interceptor,omitempty"`
	AltitudesKm []float64 `json:"altitudes_km,omitempty"`
	// BoresightDeg points a sector radar (azimuth, degrees clockwise from
	// north) at a site without a catalog boresight.
	BoresightDeg *float64 `json:"boresight_deg,omitempty"`
	Pick         string   `json:"pick,omitempty"`
}

// ExploreResponse holds the documents of the reach and radar analyses
// (as rampart run --json writes them) and their scenes merged.
type ExploreResponse struct {
	Reach json.RawMessage `json:"reach,omitempty"`
	Radar json.RawMessage `json:"radar,omitempty"`
	Scene *scene.Scene    `json:"scene"`
	// YAML is the scenario each analysis ran, for rampart run.
	YAML map[string]string `json:"yaml"`
}

// maxAltitudes is how many coverage altitudes an explore may ask for.
const maxAltitudes = 6

func (s *Server) explore(w http.ResponseWriter, r *http.Request) {
	var in ExploreRequest
	if !decodeBody(w, r, &in) {
		return
	}
	resp, err := exploreSite(r, in)
	var se *scenario.Errors
	if errors.As(err, &se) {
		writeRequestProblems(w, se, "cannot draw it")
		return
	}
	if err != nil {
		s.writeInputError(w, r, err)
		return
	}
	// The merged scene's rings are rounded as results.json rounds them
	// (coordinates to 1e-6 degree).
	writeRounded(w, http.StatusOK, resp)
}

// quoteYAML writes v as a YAML scalar: a JSON string, which YAML reads
// as written, so that no name can add fields.
func quoteYAML(v string) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func exploreSite(r *http.Request, in ExploreRequest) (*ExploreResponse, error) {
	if in.Site == "" {
		return nil, inputf("site is required: a catalog place")
	}
	if in.Missile == "" && in.Radar == "" && in.Interceptor == "" {
		return nil, inputf("give a missile (range rings and places in reach), a radar (coverage) or an interceptor (engagement ranges)")
	}
	if len(in.AltitudesKm) > maxAltitudes {
		return nil, inputf("altitudes_km has %d altitudes; allowed: at most %d", len(in.AltitudesKm), maxAltitudes)
	}
	if len(in.AltitudesKm) == 0 {
		in.AltitudesKm = []float64{100, 1000}
	}
	o := study.Options{Context: r.Context(), Trials: 1, Workers: 1, Sim: sim.DefaultOptions()}
	o.Physics = study.DescribePhysics("wgs84", o.Sim)
	if in.Pick != "" {
		var p catalog.Pick
		if err := p.UnmarshalText([]byte(in.Pick)); err != nil {
			return nil, inputf("pick %q is not allowed; allowed: low, central, high", in.Pick)
		}
		o.Sim.ThreatPick, o.Sim.DefensePick = p, p
		o.PicksGiven.Both = p != catalog.PickCentral
	}
	resp := &ExploreResponse{Scene: &scene.Scene{Version: scene.Version, Name: "explore", Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{}, Tracks: []scene.Track{}, Areas: []scene.Area{}, Intercepts: []scene.Intercept{}}, YAML: map[string]string{}}
	runOne := func(kind, yaml string) (json.RawMessage, error) {
		file := "explore-" + kind + ".yaml"
		sc, err := scenario.Check(file, []byte(yaml), scenario.DefaultCatalog())
		if err != nil {
			return nil, err
		}
		st, err := study.Decode(sc)
		if err != nil {
			return nil, err
		}
		o.Seed = sc.Run.Seed
		res, err := study.Run(sc, st, o)
		if err != nil {
			return nil, err
		}
		defer res.Close()
		resp.YAML[kind] = yaml
		m := resp.Scene
		m.Sites = append(m.Sites, res.Scene.Sites...)
		m.Tracks = append(m.Tracks, res.Scene.Tracks...)
		m.Areas = append(m.Areas, res.Scene.Areas...)
		return res.Document, nil
	}
	var err error
	if in.Missile != "" {
		y := fmt.Sprintf("name: explore-reach\nquestion: %s\nrun: {seed: 1}\nanalysis:\n  kind: reach\n  missiles: [%s]\n  sites:\n    - {place: %s}\n",
			quoteYAML("What does "+in.Missile+" reach from "+in.Site+", and how fast?"), quoteYAML(in.Missile), quoteYAML(in.Site))
		if resp.Reach, err = runOne("reach", y); err != nil {
			return nil, err
		}
	}
	if in.Radar != "" {
		var fp strings.Builder
		for _, a := range in.AltitudesKm {
			if !(a > 0 && a <= 5000) {
				return nil, inputf("altitudes_km %g is out of range; allowed: greater than 0, at most 5000 km", a)
			}
			fmt.Fprintf(&fp, "    - {altitude_km: %g, rcs_m2: 0.1}\n", a)
		}
		bore := ""
		if b := in.BoresightDeg; b != nil {
			if !(*b >= 0 && *b < 360) {
				return nil, inputf("boresight_deg %g is out of range; allowed: 0 to 360 (exclusive), clockwise from north", *b)
			}
			bore = fmt.Sprintf(", boresight_deg: %g", *b)
		}
		y := fmt.Sprintf("name: explore-radar\nquestion: %s\nrun: {seed: 1}\nanalysis:\n  kind: radar\n  radars:\n    - {owner: %s, radar: %s, at: {place: %s}%s}\n  footprints:\n%s",
			quoteYAML("What does "+in.Radar+" at "+in.Site+" see?"), quoteYAML("owner"), quoteYAML(in.Radar), quoteYAML(in.Site), bore, fp.String())
		if resp.Radar, err = runOne("radar", y); err != nil {
			return nil, err
		}
	}
	if in.Interceptor != "" {
		areas, err := interceptorRings(in.Site, in.Interceptor)
		if err != nil {
			return nil, err
		}
		resp.Scene.Areas = append(resp.Scene.Areas, areas...)
	}
	return resp, nil
}

// interceptorRingPoints is how many points a ring of an interceptor has.
const interceptorRingPoints = 180

// interceptorRings returns the geodesic rings of the interceptor's
// catalog engagement ranges around the catalog place site: the low,
// central and high values of max_range_km (against ballistic missiles)
// and max_range_air_km (against aircraft), equal values drawn once with
// their labels joined, then each claim.
func interceptorRings(site, interceptor string) ([]scene.Area, error) {
	at, err := catalog.Lookup(site)
	if err != nil || !at.Placed() {
		return nil, inputf("site %q is not a placed catalog entry (see GET /api/catalog)", site)
	}
	e, err := catalog.Lookup(interceptor)
	if err != nil {
		return nil, inputf("interceptor: %v", err)
	}
	if e.Kind != catalog.KindInterceptor {
		return nil, inputf("interceptor %q is not an interceptor (catalog kind: %s); allowed: a catalog interceptor", e.Name, e.Kind)
	}
	center := geo.LLADeg(at.Lat.Central, at.Lon.Central, 0)
	type ring struct {
		km     float64
		labels []string
		what   string
		claim  string
	}
	var rings []ring
	add := func(km float64, label, what, claim string) {
		if !(km > 0) {
			return
		}
		for i := range rings {
			if rings[i].km == km && rings[i].what == what && rings[i].claim == "" && claim == "" {
				rings[i].labels = append(rings[i].labels, label)
				return
			}
		}
		rings = append(rings, ring{km: km, labels: []string{label}, what: what, claim: claim})
	}
	for _, k := range []struct{ key, what string }{{"max_range_km", "against ballistic missiles"}, {"max_range_air_km", "against aircraft"}} {
		if v, ok := e.Param(k.key); ok {
			add(v.Low, "low", k.what, "")
			add(v.Central, "central", k.what, "")
			add(v.High, "high", k.what, "")
		}
	}
	for _, c := range e.Claims {
		add(c.RangeKm.Central, c.Label, "claimed", c.Label)
	}
	if len(rings) == 0 {
		return nil, inputf("the catalog gives %s no engagement range (max_range_km)", e.Name)
	}
	var out []scene.Area
	for _, r := range rings {
		pts, err := analysis.GeodesicCircle(center, r.km*1e3, interceptorRingPoints)
		if err != nil {
			return nil, inputf("%s: %v", e.Name, err)
		}
		out = append(out, scene.Area{Name: fmt.Sprintf("%s %g km (%s, %s) at %s", e.Name, r.km, strings.Join(r.labels, ", "), r.what, at.Name),
			Kind: scene.AreaRangeRing, Ring: pts, System: e.Name, Claim: r.claim})
	}
	return out, nil
}
