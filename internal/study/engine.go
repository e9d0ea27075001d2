package study

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
)

// Engine is the study of a scenario without an analysis section: the
// whole defense loop, run as a Monte Carlo over the scenario's trials.
// With WarningValue (rampart run --warning-value) the trials run a second
// time with no sharing between owners, on the same random streams.
type Engine struct{}

// Validate has nothing to check: the engine's input is the scenario.
func (*Engine) Validate() error { return nil }

// Run flies the threats, runs the Monte Carlo and builds the result.
func (*Engine) Run(s *scenario.Scenario, o Options) (*Result, error) {
	if o.WarningValue && s.Run.Architecture == scenario.Integrated {
		return nil, badInput("--warning-value compares owners sharing warning with owners alone; it needs run.architecture sectoral or separate-linked, and %s is integrated", s.File)
	}
	world, err := BuildWorld(s, o.Sim)
	if err != nil {
		return nil, err
	}
	events := newEventLog(world)
	sum, err := monteCarlo(world, o, "trials", events.observe)
	if err != nil {
		return nil, err
	}
	var warn *sim.SharingValue
	if o.WarningValue {
		alone := o.Sim
		alone.NoSharing = true
		w2, err := BuildWorld(s, alone)
		if err != nil {
			return nil, err
		}
		sum2, err := monteCarlo(w2, o, "trials without sharing", nil)
		if err != nil {
			return nil, err
		}
		v := sim.CompareSharing(sum, sum2)
		warn = &v
	}
	sc := EngineScene(s, world, sum)
	note := events.note(sum.Trials)
	res := &Result{
		Kind:     EngineKind,
		Headline: EngineHeadline(s, sum),
		Results:  engineResults(s, world, sum, warn, events),
		Scene:    sc,
		Sections: engineSections(s, world, sum, sc, note),
		Systems:  EngineSystems(world),
		Events:   events.rows,
	}
	res.text = func(w io.Writer) error { return writeEngineText(w, s, world, sum, warn, note, o) }
	return res, nil
}

// monteCarlo runs world's trials with o's seed, trials, workers and
// progress, the progress under label; observe is passed on.
func monteCarlo(world *sim.World, o Options, label string, observe func(int, *sim.Outcome)) (*sim.Summary, error) {
	var progress func(int)
	if o.Progress != nil {
		progress = func(done int) { o.Progress(label, done, o.Trials) }
	}
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	return world.MonteCarlo(ctx, o.Seed, o.Trials, o.Workers, progress, observe)
}

// joinNote appends what to a site's note.
func joinNote(note, what string) string {
	if note == "" {
		return what
	}
	return note + "; " + what
}

// trackSampleS is the time step of the flight tracks of an engine scene, s.
const trackSampleS = 10.0

func lla(p geo.LLA) (float64, float64, float64) { return p.LatDeg(), p.LonDeg(), p.Alt }

// EngineScene is the geometry of a run: its sites, every missile's flight and
// the intercepts of trial 0.
func EngineScene(s *scenario.Scenario, world *sim.World, sum *sim.Summary) *scene.Scene {
	sc := &scene.Scene{Version: scene.Version, Name: s.Name, Question: s.Question, Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{}, Tracks: []scene.Track{}, Areas: []scene.Area{}, Intercepts: []scene.Intercept{}}
	seen := map[string]bool{}
	add := func(st scene.Site) {
		if !seen[st.Kind+st.Name] {
			seen[st.Kind+st.Name] = true
			sc.Sites = append(sc.Sites, st)
		}
	}
	// One marker a defense site, named as in the scenario, its note listing
	// the radars and launchers that stand there.
	var defense []scene.Site
	at := map[string]int{}
	part := func(site, owner string, pos geo.LLA, what string) {
		i, ok := at[site]
		if !ok {
			lat, lon, _ := lla(pos)
			i, at[site] = len(defense), len(defense)
			defense = append(defense, scene.Site{Name: site, Kind: scene.SiteDefense, Owner: owner, LatDeg: lat, LonDeg: lon})
		}
		defense[i].Note = joinNote(defense[i].Note, what)
	}
	for _, u := range world.Radars {
		part(u.Site, u.Owner, u.Radar.Site, u.Type)
	}
	for _, l := range world.Launchers {
		part(l.Site, l.Owner, l.Pos, fmt.Sprintf("%d × %s", l.Rounds, l.Interceptor.Name))
	}
	for _, d := range defense {
		add(d)
	}
	for _, a := range world.Assets {
		lat, lon, _ := lla(a.Pos)
		add(scene.Site{Name: a.Name, Kind: scene.SiteAsset, Owner: a.Owner, LatDeg: lat, LonDeg: lon, Note: fmt.Sprintf("value %g", a.Value)})
	}
	for _, f := range world.Flights {
		name := f.LaunchName
		if name == "" {
			name = f.Name + " launch"
		}
		lat, lon, _ := lla(f.Launch)
		add(scene.Site{Name: name, Kind: scene.SiteLaunch, LatDeg: lat, LonDeg: lon})
		mv := f.Mover()
		if mv == nil {
			continue
		}
		kind := scene.TrackBallistic
		if f.Cruise != nil {
			kind = scene.TrackCruise
		}
		tr := scene.Track{Name: f.Name, Kind: kind}
		end := f.LaunchTime + f.FlightTime
		for t := f.LaunchTime; ; t = math.Min(t+trackSampleS, end) {
			p := mv.At(t).Pos
			g := geo.WGS84.ToGeodetic(p)
			tr.Points = append(tr.Points, scene.Sample{T: t, LatDeg: g.LatDeg(), LonDeg: g.LonDeg(), AltM: math.Max(g.Alt, 0)})
			if t >= end {
				break
			}
		}
		if len(tr.Points) >= 2 {
			sc.Tracks = append(sc.Tracks, tr)
		}
	}
	if sum.First != nil {
		for _, sh := range sum.First.Shots {
			if sh.Flight < 0 {
				continue
			}
			lat, lon, alt := lla(sh.Pos)
			sc.Intercepts = append(sc.Intercepts, scene.Intercept{
				Threat: world.Flights[sh.Flight].Name, Interceptor: sh.Interceptor, Site: sh.Launcher, Owner: sh.Command,
				T: sh.Intercept, LatDeg: lat, LonDeg: lon, AltM: alt, Kill: sh.Kill,
			})
		}
	}
	return sc
}

// EngineSystems names the catalog systems of a world: missiles,
// interceptors and radars.
func EngineSystems(world *sim.World) []string {
	var names []string
	for _, f := range world.Flights {
		names = addSystem(names, f.Missile)
	}
	for _, l := range world.Launchers {
		names = addSystem(names, l.Interceptor.Name)
	}
	for _, u := range world.Radars {
		names = addSystem(names, u.Type)
	}
	return names
}

// EngineHeadline answers an engine scenario's question from its Monte
// Carlo: which assets survive more often than not, and the interceptors
// and leakers per raid. The value is the expected leakers per raid.
func EngineHeadline(s *scenario.Scenario, sum *sim.Summary) Headline {
	h := Headline{Question: s.Question, Value: sum.LeakersMean, Unit: "warheads leaking per raid (mean)"}
	var held, lost []string
	for _, a := range sum.Assets {
		item := fmt.Sprintf("%s %.2f", a.Name, a.PSurvive)
		if a.PSurvive >= 0.5 {
			held = append(held, item)
		} else {
			lost = append(lost, item)
		}
	}
	h.Answer = fmt.Sprintf("Over %d trials, ", sum.Trials)
	if len(held) > 0 {
		h.Answer += "defended more often than not (P(survive)): " + strings.Join(held, ", ")
	} else {
		h.Answer += "no asset survives more often than not"
	}
	if len(lost) > 0 {
		h.Answer += "; not defended: " + strings.Join(lost, ", ")
	}
	h.Answer += fmt.Sprintf(". The defense fires %.1f interceptors per raid and %.1f warheads leak.", sum.InterceptorsMean, sum.LeakersMean)
	return h
}
