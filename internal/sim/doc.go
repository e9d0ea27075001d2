// Package sim builds a world from a scenario and runs it.
//
// For now a run flies every threat of the scenario: each ballistic missile is
// aimed with flight.Solve from its catalog stages, each cruise missile flies a
// great-circle route at its catalog speed and altitude, and a generic threat
// starts at burnout with the given speed. Raids are expanded into one missile
// per launch, named "NAME#k".
//
// Catalog values are taken at one point of their low–central–high band
// (Options.Pick, central by default). Problems that come from the scenario
// (an aim point beyond a missile's range) are reported as *scenario.Errors
// against the threat's position in the file, so the command line exits 2.
package sim
