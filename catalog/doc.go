// Package catalog holds rampart's embedded public data on the systems in
// the mission: sites, ballistic and cruise missiles, interceptors, radars
// and aircraft.
//
// # Data rules
//
// Every number is a [Value]: a Low, Central and High value with a Unit, a
// Source citation and the Date of that source (YYYY or YYYY-MM). Where
// sources disagree, Low and High record the spread and Note says who says
// what. Point values have Low == Central == High. Disputed headline
// figures are also recorded as [Claim]s (e.g. the 9M729's range: 480 km by
// Russian claim, ~2,500 km by US/Western estimate) so that an analysis can
// be run per claim; Lookup("9M729 (Russian claim)") or
// [Entry.WithClaim] returns the entry with that claim's range.
//
// Where no public figure exists (stage thrusts of Russian and Iranian
// missiles, RV ballistic coefficients, radar powers, RCS), the value is
// DERIVED or ASSUMED and says so: its Source starts with "assumption:",
// followed by the derivation (e.g. stage masses chosen so that the stack's
// ideal Δv, less typical gravity and drag losses, gives the minimum-energy
// burnout speed for the published range), its Date is the catalog
// [Edition] and its Note is "assumption" unless a more specific note is
// given. Such bands are deliberately wide. [Value.IsAssumption] tells them
// apart. A published figure whose attribution could not be re-checked
// against the cited text for this edition carries "attribution unverified"
// in its Note; treat it as a lead, not a quotation.
//
// # Conventions
//
// Unlike the model packages, which work in SI units and radians, the
// catalog keeps every value in the unit its sources print (km, km/s, kg,
// kN, GHz, dB, deg, ...), named by Value.Unit and by the parameter's
// suffix (see Parameter names below); the consumers convert, e.g.
// flight.MissileFromCatalog and radar.FromCatalog. Site positions
// ([Entry.Lat], [Entry.Lon]) are WGS-84 geodetic latitude and longitude in
// degrees, with Low and High spanning the site's dispersal band. [Pick]
// selects the low, central or high end of every band.
//
// # References
//
// The catalog's references are per value: [Value.Source] is the citation
// (resolved from the keys of data/sources.yaml, which also hold a URL where
// one exists) and [Value.Date] its date; `rampart catalog NAME` prints them.
//
// # Files and layout
//
// The data live in data/*.yaml, embedded with go:embed:
//
//	sources.yaml       shared citations (key -> cite, date, url)
//	sites.yaml         sites with WGS-84 positions
//	ballistic.yaml     ballistic missiles with derived stage data
//	cruise.yaml        cruise missiles with range claims
//	interceptors.yaml  interceptors
//	radars.yaml        radars
//	aircraft.yaml      aircraft for air-policing timelines
//
// A value is written {v: X | [low, central, high], u: UNIT, src: KEY |
// [KEYS], assume: "derivation", date: "YYYY", note: "..."}. With several
// source keys the citations are joined and the Date is the most recent
// one. Stages may give src/assume/note once for their four values.
//
// # Parameter names
//
// Parameters are snake_case with a unit suffix that the loader enforces:
// _km km, _m m, _kms km/s, _mps m/s, _kg kg, _kn kN, _s s, _min min,
// _m2 m2, _kgm2 kg/m2, _db dB, _ghz GHz, _kw kW, _deg deg, _k K, _us µs
// ("us"), _mach Mach number, _count count, _g g, and pk/_frac
// dimensionless ("1"). Each kind has required parameters (see
// requiredParams): e.g. ballistic missiles need range_km, payload_kg,
// ballistic_coefficient_kgm2, rcs_rv_m2, rcs_booster_m2 and stages;
// interceptors need burnout_speed_kms, burn_time_s, max_range_km,
// min_intercept_alt_km, max_intercept_alt_km, pk, min_closing_speed_kms
// and kill_vehicle_kg; radars need frequency_ghz, range_km, fov_az_deg.
//
// Stages list the bottom stage first. ThrustKN is burn-averaged
// (near-vacuum) thrust, so the implied Isp is F·t/(m_p·g0); DryKg is the
// inert mass dropped at staging. The mass above the last stage is
// upper_stack_kg, payload_kg or kill_vehicle_kg, in that order
// ([Entry.UpperMassKg]).
//
// # Loading and validation
//
// The data are parsed lazily, once, by [Load] (sync.OnceValues). Load
// validates every value (source present, date format, Low <= Central <=
// High, known unit, unit matching the name suffix), the required
// parameters per kind, positions for every site and the uniqueness of
// names and aliases, and returns all problems at once. The package tests
// call Load, so invalid data fail `go test` rather than a user's run; the
// convenience functions [All], [ByKind] and [Names] panic only if that
// test would fail.
//
// Lookups ([Lookup]) ignore case, spaces, hyphens, underscores, dots,
// slashes and common Latin diacritics, so "kurecik", "Kürecik" and
// "KURECIK" all find the Kürecik radar site. Unknown names return an error
// listing close matches.
//
// [Entry.Format] renders one entry for `rampart catalog NAME`;
// [FormatList] renders the one-line-per-entry listing for `rampart
// catalog`.
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package catalog
