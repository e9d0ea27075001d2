// Package scenario reads, checks and ships rampart scenario files.
//
// A scenario is one YAML document: the question it answers, the assumptions
// behind it, the run settings, the owners, the sites with their platforms
// (radars, launchers), the threats (missiles and raids) and the defended
// assets. docs/scenario-format.md is the user-facing reference of every
// field; a short example:
//
//	name: europe
//	question: "Which European capitals does the EPAA defend against Iran?"
//	assumptions: ["Each Aegis Ashore site holds 24 interceptors."]
//	run: {seed: 1, trials: 100, duration_s: 3600, architecture: integrated}
//	owners:
//	  - name: US
//	sites:
//	  - name: Deveselu
//	    owner: US
//	    place: Deveselu                # a catalog site, or lat_deg/lon_deg/alt_m
//	    # antenna_height_m: 30         # optional: the radars' antennas this high above the site
//	    platforms:
//	      - name: aegis-ashore-romania
//	        parts:
//	          - {kind: radar, type: AN/SPY-1D(V)}
//	          - {kind: launcher, interceptor: SM-3 IB, rounds: 24}
//	threats:
//	  - name: sejjil-bucharest
//	    missile: Sejjil                # or burnout_speed_kms for a generic missile
//	    from: {place: Tabriz}
//	    to: {place: Bucharest}
//	    profile: min-energy            # min-energy, lofted or depressed
//	    count: 2                       # a raid of 2, interval_s apart
//	    interval_s: 30
//	assets:
//	  - {name: Bucharest, place: Bucharest, value: 10}
//
// # Units
//
// A Scenario holds values in the units of the file, and every such field
// names its unit, in the file (lat_deg, apogee_km, duration_s) and in Go
// (LatDeg, ApogeeKm, DurationS): degrees, kilometres, km/s, metres and
// seconds. The engine converts to SI units and radians when it builds a
// world; nothing in this package does arithmetic on units.
//
// # Reading and checking
//
// Parse reads a file strictly: unknown fields (with a "did you mean"
// suggestion and the allowed names), values of the wrong type, duplicate
// fields, and every value rule that needs no catalog. Validate checks the
// values of a Scenario, parsed or built in Go, and with a Catalog it also
// checks that place, radar, interceptor and missile names exist and have the
// right kind. Check does both on a file, and Load does Check on an embedded
// scenario or a file, against the embedded catalog (DefaultCatalog).
//
// Bad input never panics. It returns an *Errors that holds every problem
// found in one pass, in file order, each with the file, line, column, field
// path and the allowed values:
//
//	europe.yaml:14:14: threats[2].profile: "minimum" is not allowed; allowed: min-energy, lofted, depressed, quasi-ballistic
//
// A YAML syntax error stops the pass (there is no tree to check), as do the
// input limits: MaxFileSize bytes, collections nested at most 100 deep, and
// at most 250,000 nodes visited with aliases expanded, which defeats alias
// bombs. The command line maps *Errors to exit code 2.
//
// # Library
//
// The scenarios that answer the shipped questions are embedded
// (library/*.yaml). Library lists them; Load finds one by name, ignoring
// case, before it looks for a file. Default names the scenario "rampart
// run" runs when given none.
package scenario
