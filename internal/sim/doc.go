// Package sim builds a world from a scenario and runs it.
//
// For now a run flies every threat of the scenario: each ballistic missile is
// aimed with flight.Solve from its catalog stages, each cruise missile flies a
// great-circle route at its catalog speed and altitude, and a generic threat
// starts at burnout with the given speed. Raids are expanded into one missile
// per launch, named "NAME#k".
//
// Sensing (World.Sense) then runs in ticks of Tick seconds from the first
// launch to the last impact. Each radar looks at each flight on its own
// schedule: every search frame until it detects the flight or its owner is
// cued (by a space-based launch warning, directly or over a link), then at
// its track-update interval, up to its track capacity. An owner's tracker
// takes all its radars' detections of a tick as one scan; linked owners
// exchange firm tracks with the link's latency and fuse them by covariance
// intersection. Tracks are matched to the truth by a χ² gate on the
// position error, to report when each flight was first detected, first
// held in a firm track and first held at fire-control quality, and by whom.
//
// Catalog values are taken at one point of their low–central–high band
// (Options.Pick, central by default). Problems that come from the scenario
// (an aim point beyond a missile's range) are reported as *scenario.Errors
// against the threat's position in the file, so the command line exits 2.
package sim
