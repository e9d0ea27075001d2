package scenario

import (
	"slices"
	"strings"
	"testing"
)

// problemCases break validDoc in one way each. want lists every line of the
// resulting error, exactly: file, line, column, field path, message.
var problemCases = []struct {
	name     string
	old, new string // edit of validDoc
	want     []string
}{
	{"unknown top-level field", "name: test", "nam: test", []string{
		`t.yaml:1:1: nam: unknown field; did you mean "name"? allowed: name, question, summary, assumptions, run, owners, sites, space_sensors, links, threats, assets, analysis`,
		`t.yaml:1:1: name: missing; want a short identifier such as "europe"`,
	}},
	{"space sensor of an unknown owner", "threats:\n", "space_sensors:\n  - {name: sbirs, owner: USA, delay_s: -3}\nthreats:\n", []string{
		`t.yaml:15:26: space_sensors[0].owner: "USA" is not a declared owner; did you mean "US"? allowed: US`,
		`t.yaml:15:40: space_sensors[0].delay_s: -3 is out of range; allowed: 0 to 3600`,
	}},
	{"link of one owner", "threats:\n", "links:\n  - {owners: [US], latency_s: 2}\nthreats:\n", []string{
		`t.yaml:15:14: links[0].owners: a link joins at least two owners; allowed: US`,
	}},
	{"unknown link field", "threats:\n", "links:\n  - {owners: [US, US], latency: 2}\nthreats:\n", []string{
		`t.yaml:15:19: links[0].owners[1]: "US" is listed twice`,
		`t.yaml:15:24: links[0].latency: unknown field; did you mean "latency_s"? allowed: owners, latency_s, period_s`,
	}},
	{"link period out of range", "threats:\n", "links:\n  - {owners: [US, US], latency_s: 2, period_s: 0.5}\nthreats:\n", []string{
		`t.yaml:15:19: links[0].owners[1]: "US" is listed twice`,
		`t.yaml:15:48: links[0].period_s: 0.5 is out of range; allowed: 1 to 600 (0 or absent: 12)`,
	}},
	{"bad doctrine", "  - name: US\n", "  - name: US\n    doctrine: {salvo: 0, shoot_look_shoot: yes, kill_assessment_s: -1, reserve: 3}\n", []string{
		`t.yaml:5:23: owners[0].doctrine.salvo: 0 is out of range; allowed: 1 to 16 interceptors per threat per look`,
		`t.yaml:5:44: owners[0].doctrine.shoot_look_shoot: want true or false, got string "yes"`,
		`t.yaml:5:68: owners[0].doctrine.kill_assessment_s: -1 is out of range; allowed: 0 to 600`,
	}},
	{"unknown doctrine field", "  - name: US\n", "  - name: US\n    doctrine: {salvos: 2}\n", []string{
		`t.yaml:5:16: owners[0].doctrine.salvos: unknown field; did you mean "salvo"? allowed: salvo, salvo_cruise, salvo_aircraft, shoot_look_shoot, kill_assessment_s, reserve, reserve_min_value`,
	}},
	{"sector of two points", "  - name: US\n", "  - name: US\n    sector: [{lat_deg: 40, lon_deg: 20}, {lat_deg: 50, lon_deg: 30}]\n", []string{
		`t.yaml:5:13: owners[0].sector: 2 point(s); a sector is a polygon of at least 3 points`,
	}},
	{"asset radius out of range", "value: 10, owner: US}", "value: 10, owner: US, radius_km: 0}", []string{
		`t.yaml:21:74: assets[0].radius_km: 0 is out of range; allowed: greater than 0, at most 1000`,
	}},
	{"value not allowed", "profile: min-energy", "profile: minimum", []string{
		`t.yaml:19:14: threats[0].profile: "minimum" is not allowed; allowed: min-energy, lofted, depressed, quasi-ballistic`,
	}},
	{"unknown field with suggestion", "profile: min-energy", "profle: min-energy", []string{
		`t.yaml:19:5: threats[0].profle: unknown field; did you mean "profile"? allowed: name, missile, aircraft, burnout_speed_kms, burnout_alt_km, from, to, route, altitude_m, profile, apogee_km, burnout_angle_deg, launch_time_s, count, interval_s`,
	}},
	{"unknown field without suggestion", "profile: min-energy", "speed: 3", []string{
		`t.yaml:19:5: threats[0].speed: unknown field; allowed: name, missile, aircraft, burnout_speed_kms, burnout_alt_km, from, to, route, altitude_m, profile, apogee_km, burnout_angle_deg, launch_time_s, count, interval_s`,
	}},
	{"unit left off a field name", "profile: min-energy", "profile: min-energy\n    launch_time: 5", []string{
		`t.yaml:20:5: threats[0].launch_time: unknown field; did you mean "launch_time_s"? allowed: name, missile, aircraft, burnout_speed_kms, burnout_alt_km, from, to, route, altitude_m, profile, apogee_km, burnout_angle_deg, launch_time_s, count, interval_s`,
	}},
	{"string for integer", "trials: 1", "trials: one", []string{
		`t.yaml:2:24: run.trials: want an integer, got string "one"`,
	}},
	{"float for integer", "rounds: 24", "rounds: 24.5", []string{
		`t.yaml:13:60: sites[0].platforms[0].parts[1].rounds: want an integer, got number 24.5`,
	}},
	{"integer too large", "seed: 1", "seed: 123456789012345678901234567890", []string{
		`t.yaml:2:13: run.seed: integer 123456789012345678901234567890 is too large`,
	}},
	{"number for string", "name: t1", "name: 2024", []string{
		`t.yaml:15:11: threats[0].name: want a string, got integer 2024; write "2024" to mean the string`,
	}},
	{"infinite number", "value: 10", "value: .inf", []string{
		`t.yaml:21:48: assets[0].value: want a finite number, got .inf`,
	}},
	{"null value", "name: test", "name:", []string{
		`t.yaml:1:6: name: missing value; want a string`,
	}},
	{"list for mapping", "run: {seed: 1, trials: 1, duration_s: 600}", "run: [1, 2]", []string{
		`t.yaml:2:6: run: want a mapping of fields, got a list`,
	}},
	{"mapping for list", "owners:\n  - name: US", "owners: {name: US}", []string{
		`t.yaml:3:10: owners: want a list, got a mapping`,
	}},
	{"point as a string", "from: {place: Tabriz}", "from: Tabriz", []string{
		`t.yaml:17:11: threats[0].from: want a mapping; write {place: "Tabriz"} for a catalog site, or {lat_deg: LAT, lon_deg: LON}`,
	}},
	{"seed out of range", "seed: 1", "seed: -1", []string{
		`t.yaml:2:13: run.seed: -1 is out of range; allowed: 0 to 9007199254740991`,
	}},
	{"trials out of range", "trials: 1", "trials: 0", []string{
		`t.yaml:2:24: run.trials: 0 is out of range; allowed: 1 to 1000000`,
	}},
	{"duration out of range", "duration_s: 600", "duration_s: 0", []string{
		`t.yaml:2:39: run.duration_s: 0 is out of range; allowed: greater than 0, at most 31622400 (366 days)`,
	}},
	{"architecture not allowed", "duration_s: 600}", "duration_s: 600, architecture: sectorial}", []string{
		`t.yaml:2:58: run.architecture: "sectorial" is not allowed; did you mean "sectoral"? allowed: integrated, sectoral, separate-linked`,
	}},
	{"architecture needs owners", "duration_s: 600}", "duration_s: 600, architecture: separate-linked}", []string{
		`t.yaml:2:58: run.architecture: separate-linked needs at least two owners; owners declares 1`,
	}},
	{"fidelity not allowed", "duration_s: 600}", "duration_s: 600, fidelity: quick}", []string{
		`t.yaml:2:54: run.fidelity: "quick" is not allowed; allowed: full, fast`,
	}},
	{"fidelity in an analysis", "duration_s: 600}", "duration_s: 600, fidelity: fast}\nanalysis: {kind: salvo, warheads: 1, interceptors_per_warhead: 1, pk: 0.5}", []string{
		`t.yaml:2:54: run.fidelity: only an engine run (no analysis section) has a fidelity, and this scenario runs the salvo analysis; remove run.fidelity`,
	}},
	{"latitude out of range", "place: Deveselu", "lat_deg: 95\n    lon_deg: 24", []string{
		`t.yaml:8:14: sites[0].lat_deg: 95 is out of range; allowed: -90 to 90`,
	}},
	{"longitude out of range", "place: Deveselu", "lat_deg: 44\n    lon_deg: 200", []string{
		`t.yaml:9:14: sites[0].lon_deg: 200 is out of range; allowed: -180 to 180`,
	}},
	{"latitude without longitude", "place: Deveselu", "lat_deg: 44", []string{
		`t.yaml:6:5: sites[0].lon_deg: missing; lat_deg needs lon_deg`,
	}},
	{"place and coordinates", "place: Deveselu", "place: Deveselu\n    lat_deg: 44", []string{
		`t.yaml:9:14: sites[0].lat_deg: give either place or lat_deg and lon_deg, not both`,
	}},
	{"no place", "    place: Deveselu\n", "", []string{
		`t.yaml:6:5: sites[0].place: missing; give place (a catalog site) or lat_deg and lon_deg`,
	}},
	{"place and altitude", "place: Deveselu", "place: Deveselu\n    alt_m: 200", []string{
		`t.yaml:9:12: sites[0].alt_m: give either place (which takes the catalog site's height) or lat_deg, lon_deg and alt_m, not both`,
	}},
	{"altitude out of range", "place: Deveselu", "lat_deg: 44\n    lon_deg: 24\n    alt_m: 20000", []string{
		`t.yaml:10:12: sites[0].alt_m: 20000 is out of range; allowed: -500 to 10000`,
	}},
	{"antenna height out of range", "place: Deveselu", "place: Deveselu\n    antenna_height_m: 30000", []string{
		`t.yaml:9:23: sites[0].antenna_height_m: 30000 is out of range; allowed: 0 to 20000 (m above the site)`,
	}},
	{"owner not declared", "owner: US\n    place", "owner: USA\n    place", []string{
		`t.yaml:7:12: sites[0].owner: "USA" is not a declared owner; did you mean "US"? allowed: US`,
	}},
	{"owner missing", "    owner: US\n", "", []string{
		`t.yaml:6:5: sites[0].owner: missing; allowed: US`,
	}},
	{"duplicate owner", "  - name: US\n", "  - name: US\n  - name: US\n", []string{
		`t.yaml:5:11: owners[1].name: duplicate name "US"; owners[0].name (line 4) has it too`,
	}},
	{"empty name", "name: t1", "name: \"\"", []string{
		`t.yaml:15:11: threats[0].name: missing; every element needs a name`,
	}},
	{"bad scenario name", "name: test", "name: My Test", []string{
		`t.yaml:1:7: name: "My Test" is not allowed; want lowercase letters, digits and '-', at most 64 characters`,
	}},
	{"part kind not allowed", "kind: radar", "kind: sensor", []string{
		`t.yaml:12:20: sites[0].platforms[0].parts[0].kind: "sensor" is not allowed; allowed: radar, launcher`,
	}},
	{"part kind missing", "kind: radar, ", "", []string{
		`t.yaml:12:14: sites[0].platforms[0].parts[0].kind: missing; allowed: radar, launcher`,
	}},
	{"field of another part kind", "type: AN/SPY-1D}", "type: AN/SPY-1D, rounds: 4}", []string{
		`t.yaml:12:44: sites[0].platforms[0].parts[0].rounds: unknown field for a radar part; allowed: kind, type, azimuth_deg`,
	}},
	{"rounds missing", ", rounds: 24}", "}", []string{
		`t.yaml:13:14: sites[0].platforms[0].parts[1].rounds: missing; want the number of interceptors loaded, 1 to 10000`,
	}},
	{"rounds out of range", "rounds: 24", "rounds: 0", []string{
		`t.yaml:13:60: sites[0].platforms[0].parts[1].rounds: 0 is out of range; allowed: 1 to 10000`,
	}},
	{"azimuth out of range", "type: AN/SPY-1D}", "type: AN/SPY-1D, azimuth_deg: 360}", []string{
		`t.yaml:12:57: sites[0].platforms[0].parts[0].azimuth_deg: 360 is out of range; allowed: 0 to less than 360`,
	}},
	{"platform without parts", "        parts:\n          - {kind: radar, type: AN/SPY-1D}\n          - {kind: launcher, interceptor: SM-3 IB, rounds: 24}\n", "", []string{
		`t.yaml:10:9: sites[0].platforms[0].parts: missing; a platform needs at least one part (kind: radar, launcher)`,
	}},
	{"missile and burnout speed", "missile: Shahab-3", "missile: Shahab-3\n    burnout_speed_kms: 4", []string{
		`t.yaml:17:24: threats[0].burnout_speed_kms: give either missile or burnout_speed_kms, not both`,
	}},
	{"no missile", "    missile: Shahab-3\n", "", []string{
		`t.yaml:15:5: threats[0].missile: missing; give missile (a catalog ballistic or cruise missile), aircraft (a catalog aircraft) or burnout_speed_kms`,
	}},
	{"burnout speed out of range", "missile: Shahab-3", "burnout_speed_kms: 12", []string{
		`t.yaml:16:24: threats[0].burnout_speed_kms: 12 is out of range; allowed: greater than 0, less than 11`,
	}},
	{"lofted needs shape", "profile: min-energy", "profile: lofted", []string{
		`t.yaml:19:14: threats[0].profile: lofted needs apogee_km or burnout_angle_deg to shape the trajectory`,
	}},
	{"lofted with both shapes", "profile: min-energy", "profile: lofted\n    apogee_km: 900\n    burnout_angle_deg: 60", []string{
		`t.yaml:21:24: threats[0].burnout_angle_deg: give either apogee_km or burnout_angle_deg, not both`,
	}},
	{"min-energy with apogee", "profile: min-energy", "profile: min-energy\n    apogee_km: 300", []string{
		`t.yaml:20:16: threats[0].apogee_km: applies only to lofted and depressed profiles; min-energy fixes the trajectory`,
	}},
	{"apogee out of range", "profile: min-energy", "profile: depressed\n    apogee_km: -5", []string{
		`t.yaml:20:16: threats[0].apogee_km: -5 is out of range; allowed: greater than 0, at most 5000`,
	}},
	{"burnout angle out of range", "profile: min-energy", "profile: lofted\n    burnout_angle_deg: 90", []string{
		`t.yaml:20:24: threats[0].burnout_angle_deg: 90 is out of range; allowed: greater than 0, less than 90`,
	}},
	{"from missing", "    from: {place: Tabriz}\n", "", []string{
		`t.yaml:15:5: threats[0].from: missing; want {place: NAME} with a catalog site, or {lat_deg: LAT, lon_deg: LON}`,
	}},
	{"from equals to", "from: {place: Tabriz}", "from: {place: Bucharest}", []string{
		`t.yaml:18:10: threats[0].to: same point as from; a threat must fly somewhere`,
	}},
	{"to within 1 km of a catalog from", "to: {place: Bucharest}", "to: {lat_deg: 38.081, lon_deg: 46.29}", []string{
		`t.yaml:18:10: threats[0].to: 0.111 km from the launch point (from); allowed: at least 1 km, as the flight model aims no shorter shot`,
	}},
	{"lon 180 is lon -180", "from: {place: Tabriz}\n    to: {place: Bucharest}", "from: {lat_deg: 0, lon_deg: 180}\n    to: {lat_deg: 0, lon_deg: -180}", []string{
		`t.yaml:18:10: threats[0].to: 0 km from the launch point (from); allowed: at least 1 km, as the flight model aims no shorter shot`,
	}},
	{"count out of range", "profile: min-energy", "profile: min-energy\n    count: 0", []string{
		`t.yaml:20:12: threats[0].count: 0 is out of range; allowed: 1 to 1000`,
	}},
	{"launch after the run", "profile: min-energy", "profile: min-energy\n    launch_time_s: 700", []string{
		`t.yaml:20:20: threats[0].launch_time_s: 700 is out of range; allowed: 0 to run.duration_s (600)`,
	}},
	{"raid outlasts the run", "profile: min-energy", "profile: min-energy\n    count: 3\n    interval_s: 400", []string{
		`t.yaml:21:17: threats[0].interval_s: the raid's last launch, at 800 s, is after the end of the run (run.duration_s = 600)`,
	}},
	{"negative interval", "profile: min-energy", "profile: min-energy\n    interval_s: -1", []string{
		`t.yaml:20:17: threats[0].interval_s: -1 is out of range; allowed: 0 to 31622400`,
	}},
	{"asset value zero", "value: 10", "value: 0", []string{
		`t.yaml:21:48: assets[0].value: 0 is out of range; allowed: greater than 0, at most 1e+12`,
	}},
	{"asset value too large", "value: 10", "value: 1.5e308", []string{
		// Two such values summed to +Inf after validation passed (issue 11).
		`t.yaml:21:48: assets[0].value: 1.5e+308 is out of range; allowed: greater than 0, at most 1e+12`,
	}},
	{"asset value missing", "value: 10, ", "", []string{
		`t.yaml:21:6: assets[0].value: missing; want the asset's relative worth, a number greater than 0`,
	}},
	{"duplicate field", "profile: min-energy", "profile: min-energy\n    profile: lofted", []string{
		`t.yaml:20:5: threats[0].profile: field appears more than once; first at line 19`,
	}},
	{"non-string field name", "name: test", "name: test\n1: x\nrun: {seed: -2}", []string{
		`t.yaml:2:1: field name must be a string, got integer 1`,
		`t.yaml:3:13: run.seed: -2 is out of range; allowed: 0 to 9007199254740991`,
		`t.yaml:4:1: run: field appears more than once; first at line 3`,
	}},
	{"empty assumption", "name: test", "name: test\nassumptions: [\"\"]", []string{
		`t.yaml:2:15: assumptions[0]: empty assumption`,
	}},
	{"unsupported tag", "name: test", "name: !custom test", []string{
		`t.yaml:1:7: name: YAML tag "!custom" is not supported`,
	}},
	{"undefined alias", "name: test", "name: *nothing", []string{
		`t.yaml:1:7: name: alias *nothing does not refer to an earlier anchor`,
	}},
	{"syntax error", "run: {seed: 1, trials: 1, duration_s: 600}", "run: {seed: 1, trials: 1, duration_s: 600", []string{
		`t.yaml:3:1: YAML syntax: ',' or '}' must be specified`,
	}},
	{"two documents", "name: test", "name: test\n---\nname: other", []string{
		`t.yaml:3:1: file holds 2 YAML documents; want one scenario per file`,
	}},
	{"not a mapping", validDoc, "- a\n- b\n", []string{
		`t.yaml:1:1: want a mapping of fields, got a list`,
	}},
	{"empty file", validDoc, "\n# nothing\n", []string{
		`t.yaml: file holds no YAML document; want a mapping with fields name, question, summary, assumptions, run, owners, sites, space_sensors, links, threats, assets, analysis`,
	}},
	{"unknown radar", "type: AN/SPY-1D", "type: AN/SPY-1", []string{
		`t.yaml:12:33: sites[0].platforms[0].parts[0].type: "AN/SPY-1" is not a catalog radar; did you mean "AN/SPY-1D"? allowed: AN/SPY-1D, AN/TPY-2`,
	}},
	{"wrong catalog kind", "interceptor: SM-3 IB", "interceptor: Sejjil", []string{
		`t.yaml:13:43: sites[0].platforms[0].parts[1].interceptor: "Sejjil" is a ballistic missile, not an interceptor; allowed: SM-3 IB, SM-3 IIA`,
	}},
	{"unknown place", "place: Deveselu", "place: Devesulu", []string{
		`t.yaml:8:12: sites[0].place: "Devesulu" is not a catalog site; did you mean "Deveselu"? allowed: Ankara, Bucharest, Deveselu, Kürecik, Redzikowo, Tabriz`,
	}},
	{"unknown missile", "missile: Shahab-3", "missile: Shahab3", []string{
		`t.yaml:16:14: threats[0].missile: "Shahab3" is not a catalog ballistic or cruise missile; did you mean "Shahab-3"? allowed: Sejjil, Shahab-3, Tomahawk`,
	}},
	{"cruise missile with profile", "missile: Shahab-3", "missile: Tomahawk", []string{
		`t.yaml:19:14: threats[0].profile: applies only to ballistic missiles; "Tomahawk" is a cruise missile`,
	}},
	{"aircraft without altitude", "    missile: Shahab-3\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    profile: min-energy\n", "    aircraft: Su-27\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n", []string{
		`t.yaml:15:5: threats[0].altitude_m: missing; an aircraft needs the altitude it flies (the catalog gives none); allowed: 1 to 30000 m above the ellipsoid`,
	}},
	{"missile and aircraft", "    missile: Shahab-3\n", "    missile: Shahab-3\n    aircraft: Su-27\n", []string{
		`t.yaml:17:15: threats[0].aircraft: give either missile or aircraft, not both`,
	}},
	{"unknown aircraft", "    missile: Shahab-3\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    profile: min-energy\n", "    aircraft: Su-72\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    altitude_m: 5000\n", []string{
		`t.yaml:16:15: threats[0].aircraft: "Su-72" is not a catalog aircraft; did you mean "Su-27"? allowed: Su-27`,
	}},
	{"route of a ballistic missile", "    profile: min-energy\n", "    profile: min-energy\n    route: [{place: Ankara}]\n    altitude_m: 500\n", []string{
		`t.yaml:20:12: threats[0].route: applies only to cruise missiles and aircraft; a ballistic missile flies its trajectory straight from its from point to its to point`,
		`t.yaml:21:17: threats[0].altitude_m: applies only to cruise missiles and aircraft; a ballistic missile flies its trajectory straight from its from point to its to point`,
	}},
	{"air altitude out of range", "    missile: Shahab-3\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    profile: min-energy\n", "    missile: Tomahawk\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    altitude_m: 40000\n", []string{
		`t.yaml:19:17: threats[0].altitude_m: 40000 is out of range; allowed: 1 to 30000 m above the ellipsoid`,
	}},
	{"route point out of range", "    missile: Shahab-3\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    profile: min-energy\n", "    missile: Tomahawk\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    route: [{place: Ankara}, {lat_deg: 95, lon_deg: 10}]\n", []string{
		`t.yaml:19:40: threats[0].route[1].lat_deg: 95 is out of range; allowed: -90 to 90`,
	}},
	{"route point with an altitude", "missile: Shahab-3\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    profile: min-energy\n", "missile: Tomahawk\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    route: [{lat_deg: 41, lon_deg: 35, alt_m: 100}]\n", []string{
		`t.yaml:19:47: threats[0].route[0].alt_m: a route point takes no alt_m; the route is flown at the threat's altitude_m`,
	}},
	{"class salvo out of range", "  - name: US\n", "  - name: US\n    doctrine: {salvo_cruise: 17, salvo_aircraft: -1}\n", []string{
		`t.yaml:5:30: owners[0].doctrine.salvo_cruise: 17 is out of range; allowed: 1 to 16 interceptors per threat per look, or 0 to take salvo`,
		`t.yaml:5:50: owners[0].doctrine.salvo_aircraft: -1 is out of range; allowed: 1 to 16 interceptors per threat per look, or 0 to take salvo`,
	}},
}

func TestProblems(t *testing.T) {
	for _, c := range problemCases {
		t.Run(c.name, func(t *testing.T) {
			data := c.new
			if c.old != validDoc {
				data = edit(t, c.old, c.new)
			}
			_, err := Check("t.yaml", []byte(data), testCatalog)
			got := problemLines(t, err)
			if !slices.Equal(got, c.want) {
				t.Errorf("Check(%s) problems:\n%s\nwant:\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestAntennaHeightNeedsRadar: a site's antenna_height_m applies to its
// radars; on a site without one it would have no effect, so it is refused.
func TestAntennaHeightNeedsRadar(t *testing.T) {
	data := edit(t, "          - {kind: radar, type: AN/SPY-1D}\n", "")
	data = strings.Replace(data, "place: Deveselu", "place: Deveselu\n    antenna_height_m: 10", 1)
	_, err := Check("t.yaml", []byte(data), testCatalog)
	got := problemLines(t, err)
	want := []string{"t.yaml:9:23: sites[0].antenna_height_m: the site has no radar part for the antenna height to apply to; add a part of kind radar or drop the field"}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
