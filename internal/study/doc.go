// Package study runs the analysis section of a scenario (scenario.Analysis)
// and turns its results into a headline, a JSON document, a report and a
// scene for export.
//
// Each analysis kind has an input type here, decoded from the scenario file
// by scenario.DecodeAnalysis (fields follow the json tags, every problem is
// reported at its file position), and a run function that calls package
// analysis, or the engine (package sim) for the architecture comparison:
//
//	battlespace   analysis.BattleSpaceSweep: engageable fraction and
//	              required burnout speed by interceptor, site and cueing
//	reach         analysis.MissileReach and RangeRings: places in reach,
//	              flight times, a ring per range value and claim; with
//	              top-level threats, also their raid through the engine
//	rotation      analysis.RotationCoverage: coverage over a year, gaps;
//	              with top-level threats, analysis.RotationPhases and a
//	              raid through the engine per distinct set of ready units
//	salvo         analysis.SalvoExchangeCurves: expected surviving warheads
//	              against interceptors, with a seeded Monte Carlo check
//	radar         analysis.RadarFootprint and RadarSightings
//	air-policing  analysis.QRAIntercepts for several tracks
//	architecture  sim.MonteCarlo of the same raid under several
//	              architectures, with and without shared warning
//
// A raid in an analysis (raid.go) is the scenario's own threats, owners
// and assets, adapted to sim.Spec by the one adapter (spec.go) as an
// engine scenario's are; only the sites differ. Its headline says
// "defended" only of an asset that a missile in reach attacked and the
// defense engaged (AssetFates).
//
// Conventions: units are those of the field names (km, s, min, deg); a
// Headline's Value is rounded for display only in the report, never in the
// JSON. Results are deterministic: the same scenario, seed and options give
// byte-identical JSON.
package study
