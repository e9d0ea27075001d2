package study

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
)

// Headline is the answer to a scenario's question: a sentence and a number,
// rounded for people (PeopleRound; Run rounds Value).
type Headline struct {
	Question string  `json:"question"`
	Answer   string  `json:"answer"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
}

// Options are the settings of a run that do not come from the analysis
// section: physics, seed and trials (for the studies that draw), workers
// and a progress callback.
type Options struct {
	Context context.Context
	Sim     sim.Options
	// Physics describes Sim in the JSON document.
	Physics Physics
	Seed    int64
	Trials  int
	Workers int
	// WarningValue asks the engine to run its trials a second time with no
	// sharing between owners (rampart run --warning-value). The analyses
	// refuse it: the architecture analysis has its own warning_value field.
	WarningValue bool
	// PicksGiven says which pick flags set Sim's ThreatPick and
	// DefensePick, for Run to refuse one that the study does not use.
	PicksGiven PicksGiven
	// Fidelity is the engine's fidelity given on the command line
	// ("full" or "fast"; rampart run --fidelity), or "" for the
	// scenario's run.fidelity. Only the engine reads it.
	Fidelity string
	Progress func(label string, done, total int)
	// Outcomes, when not nil, gives the engine's trial outcomes instead of
	// running them: trial t of pass 0 (the run) and of pass 1 (without
	// sharing, WarningValue), asked in that order. rampart merge replays
	// shards so (RunShard, package shard); analyses refuse it.
	Outcomes func(pass, trial int) (*sim.Outcome, error)
}

// Close releases what the result holds open: the spooled events.csv of
// an engine run. The result's files cannot be written after it.
func (r *Result) Close() error {
	if r == nil || r.spool == nil {
		return nil
	}
	err := r.spool.Close()
	r.spool = nil
	return err
}

// PicksGiven names the pick flags given: Both (--pick), Threat
// (--pick-threat), Defense (--pick-defense).
type PicksGiven struct{ Both, Threat, Defense bool }

// Result is what a study produces.
type Result struct {
	Kind     string
	Headline Headline
	// Results is the kind's own results, written into the JSON document
	// after the common fields; a struct whose fields have json tags.
	Results any
	// Document is the JSON document of the run (rampart run --json and
	// results.json): the common fields, then Results, rounded by package
	// jsonout's rule. Run fills it.
	Document []byte
	// Scene is the geometry for the report's maps and for rampart export;
	// never nil (empty for an analysis without geography).
	Scene *scene.Scene
	// Sections are the report's sections after the headline.
	Sections []report.Section
	// Systems are the catalog entries whose parameters the report lists.
	Systems []string
	// DefenseSystems are those of Systems that are the defense's though
	// their kind is a threat's (the fighter of an air-policing analysis),
	// for Picks.For.
	DefenseSystems []string
	// Events are the rows of events.csv, header first, of an analysis; an
	// engine run streams its events to spool instead, as its trials
	// finish (spoolErr: why it could not), until Close.
	Events   [][]string
	spool    *eventSpool
	spoolErr error

	// text writes the kind's own text summary; nil for the common one.
	text func(io.Writer) error
	// scenario and options are those of the run, for the writers.
	scenario *scenario.Scenario
	options  Options
}

// Study is a decoded study, ready to run.
type Study interface {
	scenario.Validator
	Run(s *scenario.Scenario, o Options) (*Result, error)
}

// Decode returns the study of s: the engine if s has no analysis
// section, else the analysis it names. Bad input gives a
// *scenario.Errors with file positions.
func Decode(s *scenario.Scenario) (Study, error) {
	if s.Analysis == nil {
		return &Engine{}, nil
	}
	k, ok := lookupKind(s.Analysis.Kind)
	if !ok || k.Name == EngineKind {
		return nil, s.KindProblem(AnalysisKinds())
	}
	st := k.New(s)
	if err := s.DecodeAnalysis(st); err != nil {
		return nil, err
	}
	return st, nil
}

// Load is scenario.Load followed by Decode.
func Load(nameOrPath string) (*scenario.Scenario, Study, error) {
	s, err := scenario.Load(nameOrPath)
	if err != nil {
		return nil, nil, err
	}
	st, err := Decode(s)
	if err != nil {
		return nil, nil, err
	}
	return s, st, nil
}

// Check finds the problems that only flying shows, as Run would with the
// default physics: for the engine, it builds the world, aiming every
// missile, so a threat whose profile cannot reach its aim point is refused
// here as it is by Run, and so is a run.fidelity fast that the threats or
// links rule out. A rotation or reach analysis with a raid (top-level
// threats) has its threats flown likewise; other analyses fly inside
// their runs and are checked by Decode alone.
func Check(s *scenario.Scenario, st Study) error {
	if hasRaid(s) {
		// An analysis's raid flies as an engine run's threats would:
		// aimed here, so validate refuses what run would.
		_, err := FlyThreats(s, sim.DefaultOptions())
		return err
	}
	if _, engine := st.(*Engine); !engine {
		return nil
	}
	w, err := BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		return err
	}
	if f, err := EngineFidelity(s, Options{}); err == nil && f == sim.FastFidelity {
		return fastProblem(s, w, false)
	}
	return nil
}

// checkRun refuses the options that st does not take and fills in the
// default physics.
func checkRun(s *scenario.Scenario, st Study, o Options) (Options, error) {
	_, engine := st.(*Engine)
	if o.WarningValue && !engine {
		return o, badInput("--warning-value applies to engine runs; %s runs the %s analysis (for the architecture analysis set warning_value: true in its analysis section)", s.File, s.Analysis.Kind)
	}
	if o.Fidelity != "" && !engine {
		return o, badInput("--fidelity has no effect here: %s runs the %s analysis, which has one fidelity; --fidelity (allowed: %s) applies to engine runs", s.File, s.Analysis.Kind, strings.Join(sim.FidelityNames(), ", "))
	}
	if o.Outcomes != nil && !engine {
		return o, badInput("shards apply to engine runs; %s runs the %s analysis", s.File, s.Analysis.Kind)
	}
	if o.Sim.Earth.GM == 0 {
		// The zero Options hold no Earth: a caller that left them out
		// gets the full model, as rampart run does without flags.
		o.Sim = sim.DefaultOptions()
		o.Physics = DescribePhysics("wgs84", o.Sim)
	}
	if err := checkPicks(s, st, o); err != nil {
		return o, err
	}
	return o, nil
}

// Run runs the study st of scenario s and builds its JSON document.
func Run(s *scenario.Scenario, st Study, o Options) (*Result, error) {
	o, err := checkRun(s, st, o)
	if err != nil {
		return nil, err
	}
	res, err := st.Run(s, o)
	if err != nil {
		return nil, err
	}
	res.scenario, res.options = s, o
	res.Scene.RampartVersion, res.Scene.ScenarioSHA256, res.Scene.Seed = provenance.Version(), s.SHA256, o.Seed
	res.Headline.Value = PeopleRound(res.Headline.Value)
	doc := Document{Scenario: s.Name, File: s.File, Question: s.Question, Kind: res.Kind,
		RampartVersion: provenance.Version(), ScenarioSHA256: s.SHA256, Seed: o.Seed, Reproduce: ReproduceCommand(s, o),
		Headline: res.Headline, Assumptions: s.Assumptions, Physics: o.Physics}
	if res.Document, err = MarshalDocument(doc, res.Results); err != nil {
		return nil, err
	}
	return res, nil
}

// Document is the common part of a run's JSON document; the kind's
// results follow its fields. RampartVersion, ScenarioSHA256 and Seed are
// the run's provenance (package provenance); Reproduce is the command
// that reruns it (ReproduceCommand).
type Document struct {
	Scenario       string   `json:"scenario"`
	File           string   `json:"file"`
	Question       string   `json:"question"`
	Kind           string   `json:"kind"`
	RampartVersion string   `json:"rampart_version"`
	ScenarioSHA256 string   `json:"scenario_sha256"`
	Seed           int64    `json:"seed"`
	Reproduce      string   `json:"reproduce"`
	Headline       Headline `json:"headline"`
	Assumptions    []string `json:"assumptions"`
	Physics        Physics  `json:"physics"`
}

// MarshalDocument writes the document and the results as one JSON object,
// indented, numbers rounded by package jsonout's rule: the document's
// fields first, then the results' fields.
func MarshalDocument(d Document, results any) ([]byte, error) {
	if d.Assumptions == nil {
		d.Assumptions = []string{}
	}
	head, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(results)
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' {
		return nil, fmt.Errorf("study results must be a JSON object")
	}
	var flat []byte
	flat = append(flat, head[:len(head)-1]...)
	if len(body) > 2 {
		flat = append(flat, ',')
		flat = append(flat, body[1:]...)
	} else {
		flat = append(flat, '}')
	}
	return jsonout.Marshal(json.RawMessage(flat), "  ")
}

// Parameters lists every catalog value of the named systems, each at its
// side's pick (Picks.For).
func Parameters(systems []string, picks Picks) []report.Parameter {
	var out []report.Parameter
	var seen []string
	for _, n := range systems {
		e, err := catalog.Lookup(n)
		if err != nil || slices.Contains(seen, e.Name) {
			continue
		}
		seen = append(seen, e.Name)
		for _, k := range e.ParamKeys() {
			v, _ := e.Param(k)
			out = append(out, report.ParameterFrom(e.Name, k, v, e.At(k, picks.For(e))))
		}
	}
	return out
}

// addSystem appends name to list unless it is there.
func addSystem(list []string, names ...string) []string {
	for _, n := range names {
		if n != "" && !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	return list
}

// newScene returns an empty scene for s.
func newScene(s *scenario.Scenario) *scene.Scene {
	return &scene.Scene{Version: scene.Version, Name: s.Name, Question: s.Question, Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{}, Tracks: []scene.Track{}, Areas: []scene.Area{}, Intercepts: []scene.Intercept{}}
}

// addSite adds st to sc unless a site of that kind and name is there.
func addSite(sc *scene.Scene, st scene.Site) {
	for _, o := range sc.Sites {
		if o.Kind == st.Kind && o.Name == st.Name {
			return
		}
	}
	sc.Sites = append(sc.Sites, st)
}
