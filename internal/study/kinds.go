package study

import "github.com/rampart-sim/rampart/internal/scenario"

// EngineKind is the kind of a scenario without an analysis section: the
// whole defense loop as a Monte Carlo (package sim).
const EngineKind = "engine"

// Kind is one kind of study: its name in the scenario file, a line of
// description, a constructor of its empty input and the run options it
// reads.
type Kind struct {
	Name    string
	Summary string
	// New returns the kind's empty input for scenario s, ready to be
	// decoded from s's analysis section.
	New func(s *scenario.Scenario) Study
	// Picks says which catalog picks the kind uses (Options.Sim's
	// ThreatPick and DefensePick), for Run to refuse a pick flag that
	// would have no effect.
	Picks PickUse
	// Uses says which other run options it reads.
	Uses Uses
}

// Uses says which of the run options (Options) a kind of study reads, so
// that rampart run can refuse the flags of the others instead of
// accepting and ignoring them (issue 12). The catalog picks are Kind.Picks.
type Uses struct {
	// MonteCarlo: Options.Trials, Seed and Workers.
	MonteCarlo bool
	// Physics: Options.Sim's Earth model (--earth, --no-rotation, --no-drag).
	Physics bool
}

// KindUses returns what the study of s reads: the engine's, or that of the
// analysis s names.
func KindUses(s *scenario.Scenario) Uses {
	name := EngineKind
	if s.Analysis != nil {
		name = s.Analysis.Kind
	}
	k, _ := studyKind(name, s)
	return k.Uses
}

// PickUse is which catalog picks a kind of study uses.
type PickUse int

const (
	// PicksNone: the kind takes no catalog values (--pick is refused).
	PicksNone PickUse = iota
	// PicksBoth: threats at the threat pick, the defense at the defense pick.
	PicksBoth
	// PicksThreat: only threats are taken from the catalog.
	PicksThreat
	// PicksDefense: only the defense is taken from the catalog.
	PicksDefense
	// PicksOne: one pick for threats and defense alike (the two flags must
	// agree unless the analysis section gives its own pick).
	PicksOne
)

// kinds is the one table of study kinds. The engine is first and is not
// named in a scenario's analysis section: it is what runs without one.
var kinds = []Kind{
	{EngineKind, "the whole defense loop as a Monte Carlo: P(survive) per asset, leakers, interceptors", func(*scenario.Scenario) Study { return &Engine{} }, PicksBoth, Uses{MonteCarlo: true, Physics: true}},
	{"battlespace", "engageable fraction and required burnout speed by interceptor, site and cueing", func(*scenario.Scenario) Study { return &Battlespace{} }, PicksOne, Uses{Physics: true}},
	{"reach", "places in reach, flight times and range rings of missiles", func(*scenario.Scenario) Study { return &Reach{} }, PicksThreat, Uses{Physics: true}},
	{"rotation", "coverage of assets over a year of rotating deployments", func(s *scenario.Scenario) Study { return &Rotation{scenario: s} }, PicksDefense, Uses{}},
	{"salvo", "expected surviving warheads against interceptors, with a Monte Carlo check", func(*scenario.Scenario) Study { return &Salvo{} }, PicksNone, Uses{MonteCarlo: true}},
	{"radar", "radar footprints and the sightings of launches", func(*scenario.Scenario) Study { return &Radar{} }, PicksOne, Uses{Physics: true}},
	{"air-policing", "quick-reaction-alert intercept times against tracks", func(*scenario.Scenario) Study { return &AirPolicing{} }, PicksDefense, Uses{}},
	{"architecture", "the same raid under several command architectures, with and without shared warning", func(s *scenario.Scenario) Study { return &Architecture{scenario: s} }, PicksBoth, Uses{MonteCarlo: true, Physics: true}},
}

// The scenario decoder checks analysis kinds against this table.
func init() {
	for _, k := range kinds[1:] {
		scenario.RegisterAnalysisKind(k.Name)
	}
}

// Kinds returns the study kinds, the engine first.
func Kinds() []Kind { return append([]Kind(nil), kinds...) }

// AnalysisKinds returns the kinds a scenario's analysis section may name:
// every kind but the engine.
func AnalysisKinds() []string {
	var names []string
	for _, k := range kinds[1:] {
		names = append(names, k.Name)
	}
	return names
}

// studyKind is the kind name of the study of s: lookupKind's, widened
// for an analysis with a raid (hasRaid), which also reads what the
// engine's run of the raid reads (raidUses) and takes both picks (the
// raid's threats and batteries).
func studyKind(name string, s *scenario.Scenario) (Kind, bool) {
	k, ok := lookupKind(name)
	if ok && hasRaid(s) {
		k.Uses, k.Picks = raidUses, PicksBoth
	}
	return k, ok
}

// lookupKind returns the kind called name.
func lookupKind(name string) (Kind, bool) {
	for _, k := range kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}
