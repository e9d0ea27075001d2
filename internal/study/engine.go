package study

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/provenance"
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
	world, o, err := engineWorld(s, o)
	if err != nil {
		return nil, err
	}
	// Every engine run keeps its events.csv, streamed to a spool; without
	// a writable temporary directory it runs anyway, and only writing the
	// events fails, with the reason.
	spool, spoolErr := newEventSpool([]string{provenance.Version(), s.SHA256, strconv.FormatInt(o.Seed, 10)})
	res, err := engineTrials(s, o, world, spool)
	if err != nil && spool != nil {
		spool.Close()
	}
	if res != nil {
		res.spoolErr = spoolErr
	}
	return res, err
}

// engineWorld checks o against s and builds the world of an engine run,
// returning o with its fidelity set.
func engineWorld(s *scenario.Scenario, o Options) (*sim.World, Options, error) {
	return engineWorldWith(s, o, nil)
}

// engineWorldWith is engineWorld looking the catalog up through ov (a
// sweep point's or a sensitivity run's overrides; nil: the catalog).
func engineWorldWith(s *scenario.Scenario, o Options, ov catalog.Overrides) (*sim.World, Options, error) {
	if o.WarningValue && s.Run.Architecture == scenario.Integrated {
		return nil, o, badInput("--warning-value compares owners sharing warning with owners alone; it needs run.architecture sectoral or separate-linked, and %s is integrated", s.File)
	}
	f, err := EngineFidelity(s, o)
	if err != nil {
		return nil, o, err
	}
	o.Sim.Fidelity = f
	world, err := buildWorldWith(s, o.Sim, ov, o.Progress)
	if err != nil {
		return nil, o, err
	}
	if f == sim.FastFidelity {
		if err := fastProblem(s, world, o.Fidelity != ""); err != nil {
			return nil, o, err
		}
	}
	return world, o, nil
}

// aloneWorld is the world of an engine run's second pass (WarningValue):
// no sharing between owners.
func aloneWorld(s *scenario.Scenario, o Options) (*sim.World, error) {
	alone := o.Sim
	alone.NoSharing = true
	return buildWorld(s, alone, o.Progress)
}

// enginePass runs pass (0: the run, 1: without sharing) of an engine run's
// Monte Carlo, or replays it from o.Outcomes (rampart merge).
func enginePass(world *sim.World, o Options, pass int, label string, observe func(int, *sim.Outcome)) (*sim.Summary, error) {
	if o.Outcomes == nil {
		return monteCarlo(world, o, label, observe)
	}
	progress := o.trialProgress("merging shards: "+label, o.Trials)
	return world.Replay(o.context(), o.Seed, o.Trials, progress, func(i int) (*sim.Outcome, error) { return o.Outcomes(pass, i) }, observe)
}

// engineTrials runs the Monte Carlo of world, its events streamed to spool
// (nil: counted only), and builds the result.
func engineTrials(s *scenario.Scenario, o Options, world *sim.World, spool *eventSpool) (*Result, error) {
	events := newEventLog(world, spool)
	tally := newEngagementTally(world)
	sum, err := enginePass(world, o, 0, "Monte Carlo trials", func(t int, out *sim.Outcome) {
		events.observe(t, out)
		tally.observe(t, out)
	})
	if err != nil {
		return nil, err
	}
	var warn *sim.SharingValue
	if o.WarningValue {
		w2, err := aloneWorld(s, o)
		if err != nil {
			return nil, err
		}
		sum2, err := enginePass(w2, o, 1, "Monte Carlo trials without sharing", nil)
		if err != nil {
			return nil, err
		}
		v := sim.CompareSharing(sum, sum2)
		warn = &v
	}
	sc := EngineScene(s, world, sum)
	note := events.note(sum.Trials)
	engagements := tally.rows() // listed for raids with air breathers
	res := &Result{
		Kind:     EngineKind,
		Headline: EngineHeadline(s, world, sum),
		Results:  engineResults(s, world, sum, warn, events, engagements),
		Scene:    sc,
		Sections: engineSections(s, world, sum, sc, note, engagements),
		Systems:  EngineSystems(world),
		spool:    spool,
	}
	res.text = func(w io.Writer) error { return writeEngineText(w, s, world, sum, warn, note, engagements, o) }
	return res, nil
}

// fastProblem reports why world cannot run at the fast fidelity, or nil:
// placed at run.fidelity when the scenario asked for it, else named as the
// --fidelity flag's problem.
func fastProblem(s *scenario.Scenario, world *sim.World, fromFlag bool) error {
	err := world.CheckFast()
	if err == nil {
		return nil
	}
	if fromFlag {
		return badInput("--fidelity fast: %s: %v", s.File, err)
	}
	return &scenario.Errors{Problems: []scenario.Problem{s.Problemf("run.fidelity", "%v", err)}}
}

// EngineFidelity returns the fidelity of an engine run of s: the one given
// on the command line (Options.Fidelity), else the scenario's
// run.fidelity, else full.
func EngineFidelity(s *scenario.Scenario, o Options) (sim.Fidelity, error) {
	name := o.Fidelity
	if name == "" {
		name = string(s.Run.Fidelity)
	}
	if name == "" {
		return sim.FullFidelity, nil
	}
	f, err := sim.ParseFidelity(name)
	if err != nil {
		return 0, badInput("--fidelity: %v", err)
	}
	return f, nil
}

// monteCarlo runs world's trials with o's seed, trials, workers and
// progress, the progress under label; observe is passed on.
func monteCarlo(world *sim.World, o Options, label string, observe func(int, *sim.Outcome)) (*sim.Summary, error) {
	return world.MonteCarlo(o.context(), o.Seed, o.Trials, o.Workers, o.trialProgress(label, o.Trials), observe)
}

// trialProgress reports 0 of total trials under label to o.Progress and
// returns the reporter of the trials done, or nil without o.Progress.
func (o Options) trialProgress(label string, total int) func(done int) {
	if o.Progress == nil {
		return nil
	}
	o.Progress(label, 0, total)
	return func(done int) { o.Progress(label, done, total) }
}

// context is o.Context, or the background context when it is nil.
func (o Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
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
				T: sh.Intercept, LatDeg: lat, LonDeg: lon, AltM: alt, Outcome: killOrMiss(sh.Kill),
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
// Carlo. It calls "defended" only an asset that a missile in reach was
// aimed at and that the defense engaged, giving its P(survive) with the
// 95 % interval; it names apart the assets attacked but not engaged, those
// not attacked and those out of reach (every missile aimed at them falls
// short). A raid with no missile in reach says so. The value is the
// expected leakers per raid.
func EngineHeadline(s *scenario.Scenario, world *sim.World, sum *sim.Summary) Headline {
	leakers := leakerUnit(world)
	h := Headline{Question: s.Question, Value: sum.LeakersMean, Unit: leakers + " leaking per raid (mean)"}
	fates := AssetFates(world, sum)
	inReach := 0
	for _, f := range world.Flights {
		if f.OutOfReach == "" && f.Mover() != nil {
			inReach++
		}
	}
	if len(world.Flights) == 0 {
		h.Answer = "The scenario has no threats: nothing is attacked and the defense has nothing to engage."
		return h
	}
	if inReach == 0 {
		h.Answer = fmt.Sprintf("No missile of the raid can reach its aim point (%d of %d out of reach: too far, or too near to fly): nothing is attacked and the defense has nothing to engage.",
			len(world.Flights), len(world.Flights))
		return h
	}
	var held, lost, unengaged, unattacked, short []string
	for _, a := range fates {
		switch a.Status {
		case AssetDefended:
			item := fmt.Sprintf("%s %s (95 %% CI %s–%s)", a.Name, roundP(a.PSurvive), roundP(a.CI95[0]), roundP(a.CI95[1]))
			if a.PSurvive >= 0.5 {
				held = append(held, item)
			} else {
				lost = append(lost, item)
			}
		case AssetNotEngaged:
			unengaged = append(unengaged, fmt.Sprintf("%s (P(survive) %s)", a.Name, roundP(a.PSurvive)))
		case AssetNotAttacked:
			unattacked = append(unattacked, a.Name)
		case AssetOutOfReach:
			short = append(short, a.Name)
		}
	}
	var parts []string
	if len(held) > 0 {
		parts = append(parts, "defended and surviving more often than not (P(survive)): "+strings.Join(held, ", "))
	}
	if len(lost) > 0 {
		parts = append(parts, "defended but lost more often than not (P(survive)): "+strings.Join(lost, ", "))
	}
	if len(held)+len(lost) == 0 {
		parts = append(parts, "no asset is defended: the defense engages no missile aimed at one")
	}
	if len(unengaged) > 0 {
		parts = append(parts, "attacked and not engaged: "+strings.Join(unengaged, ", "))
	}
	if len(short) > 0 {
		parts = append(parts, "out of reach (every missile aimed at it falls short): "+strings.Join(short, ", "))
	}
	if len(unattacked) > 0 {
		parts = append(parts, "not attacked: "+strings.Join(unattacked, ", "))
	}
	h.Answer = fmt.Sprintf("Over %s trials, %s. The defense fires %s interceptors per raid and %s %s leak (means).",
		commaInt(sum.Trials), strings.Join(parts, "; "), roundMean(sum.InterceptorsMean), roundMean(sum.LeakersMean), leakers)
	return h
}

// killOrMiss is an engine intercept's scene outcome.
func killOrMiss(kill bool) string {
	if kill {
		return scene.OutcomeKill
	}
	return scene.OutcomeMiss
}
