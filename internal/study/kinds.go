package study

import "github.com/rampart-sim/rampart/internal/scenario"

// EngineKind is the kind of a scenario without an analysis section: the
// whole defense loop as a Monte Carlo (package sim).
const EngineKind = "engine"

// Kind is one kind of study: its name in the scenario file, a line of
// description and a constructor of its empty input.
type Kind struct {
	Name    string
	Summary string
	// New returns the kind's empty input for scenario s, ready to be
	// decoded from s's analysis section.
	New func(s *scenario.Scenario) Study
}

// kinds is the one table of study kinds. The engine is first and is not
// named in a scenario's analysis section: it is what runs without one.
var kinds = []Kind{
	{EngineKind, "the whole defense loop as a Monte Carlo: P(survive) per asset, leakers, interceptors", func(*scenario.Scenario) Study { return &Engine{} }},
	{"battlespace", "engageable fraction and required burnout speed by interceptor, site and cueing", func(*scenario.Scenario) Study { return &Battlespace{} }},
	{"reach", "places in reach, flight times and range rings of missiles", func(*scenario.Scenario) Study { return &Reach{} }},
	{"rotation", "coverage of assets over a year of rotating deployments", func(*scenario.Scenario) Study { return &Rotation{} }},
	{"salvo", "expected surviving warheads against interceptors, with a Monte Carlo check", func(*scenario.Scenario) Study { return &Salvo{} }},
	{"radar", "radar footprints and the sightings of launches", func(*scenario.Scenario) Study { return &Radar{} }},
	{"air-policing", "quick-reaction-alert intercept times against tracks", func(*scenario.Scenario) Study { return &AirPolicing{} }},
	{"architecture", "the same raid under several command architectures, with and without shared warning", func(s *scenario.Scenario) Study { return &Architecture{scenario: s} }},
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

// lookupKind returns the kind called name.
func lookupKind(name string) (Kind, bool) {
	for _, k := range kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}
