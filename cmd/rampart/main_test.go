package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rampart runs the command line in-process and returns its exit code and output.
func rampart(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestNoArgsPrintsHelp(t *testing.T) {
	code, out, _ := rampart(t)
	if code != exitOK || !strings.Contains(out, "Available Commands") {
		t.Errorf("rampart = %d, %q; want help and exit 0", code, out)
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range newRootCmd(nil, nil).Commands() {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		code, out, errs := rampart(t, c.Name(), "--help")
		if code != exitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("rampart %s --help = %d, %q %q", c.Name(), code, out, errs)
		}
	}
}

func TestBadInvocationsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"run", "--no-such-flag"},
		{"run", "no-such-scenario"},
		{"run", "--earth", "flat"},
		{"run", "--pick", "median"},
		{"run", "--trials", "0"},
		{"run", "--seed", "-1"},
		{"run", "--workers", "-2"},
		{"run", "--warning-value", "--trials", "1"},
		{"validate"},
		{"catalog", "Zzyzx"},
		{"catalog", "--kind", "tank"},
		{"fly"},
		{"fly", "--from", "54,35"},
		{"fly", "--from", "54,35", "--to", "north pole"},
		{"fly", "--from", "95,35", "--to", "0,0"},
		{"fly", "--from", "54,35", "--to", "0,0", "--profile", "minimum"},
		{"fly", "--from", "54,35", "--to", "0,0", "--missile", "RS-24", "--burnout-speed-kms", "7"},
		{"fly", "--from", "54,35", "--to", "0,0", "--burnout-speed-kms", "-1"},
		{"fly", "--from", "54,35", "--to", "0,0", "--missile", "Scud-Z"},
		{"fly", "--from", "Tabriz", "--to", "Washington", "--missile", "Shahab-3"},
	} {
		code, _, errs := rampart(t, args...)
		if code != exitBadInput {
			t.Errorf("rampart %q = exit %d, want %d (stderr %q)", args, code, exitBadInput, errs)
		}
		if strings.Contains(errs, "goroutine") || errs == "" {
			t.Errorf("rampart %q stderr = %q, want a one-line message", args, errs)
		}
	}
}

func TestRunDefaultScenarioTable(t *testing.T) {
	code, out, errs := rampart(t, "run", "--trials", "4")
	if code != exitOK {
		t.Fatalf("rampart run = %d, stderr %q", code, errs)
	}
	for _, want := range []string{"scenario europe", "RANGE km", "FLIGHT", "APOGEE km", "BURNOUT km/s", "MISS km", "Sejjil", "Bucharest",
		"P(SURVIVE)", "95% CI", "P(LEAK)", "INTERCEPTORS", "interceptors fired", "leakers"} {
		if !strings.Contains(out, want) {
			t.Errorf("rampart run output lacks %q:\n%s", want, out)
		}
	}
}

func TestRunJSONIsOneDocumentAndDeterministic(t *testing.T) {
	code1, out1, errs := rampart(t, "run", "--json", "--trials", "6", "--workers", "1")
	if code1 != exitOK {
		t.Fatalf("rampart run --json = %d, stderr %q", code1, errs)
	}
	_, out2, _ := rampart(t, "run", "--json", "--trials", "6", "--workers", "2")
	if out1 != out2 {
		t.Errorf("rampart run --json differs between one worker and two")
	}
	dec := json.NewDecoder(strings.NewReader(out1))
	var doc struct {
		Scenario string
		Seed     int64
		Trials   int
		Assets   []map[string]any
		Threats  []map[string]any
		Totals   map[string]any
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("rampart run --json: %v", err)
	}
	if dec.More() {
		t.Errorf("rampart run --json printed more than one document")
	}
	if doc.Scenario != "europe" || len(doc.Threats) == 0 || doc.Trials != 6 || doc.Seed != 1 {
		t.Fatalf("rampart run --json = scenario %q, seed %d, %d trials, %d threats", doc.Scenario, doc.Seed, doc.Trials, len(doc.Threats))
	}
	// The engagement contract.
	for _, k := range []string{"interceptors_mean", "leakers_mean", "double_engagements_mean"} {
		if _, ok := doc.Totals[k].(float64); !ok {
			t.Errorf("totals.%s = %v, want a number", k, doc.Totals[k])
		}
	}
	if len(doc.Assets) == 0 {
		t.Error("no assets")
	}
	for _, a := range doc.Assets {
		p, _ := a["p_survive"].(float64)
		ci, _ := a["p_survive_ci95"].([]any)
		if len(ci) != 2 || !(ci[0].(float64) <= p && p <= ci[1].(float64)) {
			t.Errorf("asset %v: p_survive %v outside its interval %v", a["name"], a["p_survive"], a["p_survive_ci95"])
		}
	}
	for _, th := range doc.Threats {
		for _, k := range []string{"p_leak", "interceptors_mean"} {
			if _, ok := th[k].(float64); !ok {
				t.Errorf("threat %v %s = %v, want a number", th["name"], k, th[k])
			}
		}
		for _, k := range []string{"name", "launch", "aim", "range_km", "flight_time_s", "apogee_km", "burnout_speed_kms", "miss_km"} {
			if _, ok := th[k]; !ok {
				t.Errorf("threat %v lacks %q", th["name"], k)
			}
		}
		if miss := th["miss_km"].(float64); miss > 1 {
			t.Errorf("threat %v miss_km = %g, want < 1", th["name"], miss)
		}
		// The sensing contract: these fields exist and, in the default
		// scenario, every missile is detected and reaches fire control.
		for _, k := range []string{"first_detection_s", "first_detection_sensor", "firm_track_s", "fire_control_s", "fire_control_owner"} {
			if v, ok := th[k]; !ok || v == nil {
				t.Errorf("threat %v %s = %v, want a value", th["name"], k, v)
			}
		}
	}
}

func TestRunAndValidateBrokenFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "broken.yaml")
	src := `name: broken
question: "?"
run: {seed: 1, trials: 1, duration_s: 600}
owners: [{name: US}]
threats:
  - name: t1
    missile: Sejil-9
    from: {lat_deg: 95, lon_deg: 10}
    to: {place: Bucharest}
    profile: minimum
    count: 1
assets:
  - {name: Bucharest, place: Bucharest, value: 10, colour: red}
`
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"run", "validate"} {
		code, out, errs := rampart(t, cmd, file)
		if code != exitBadInput {
			t.Errorf("rampart %s broken.yaml = %d, want 2", cmd, code)
		}
		if out != "" {
			t.Errorf("rampart %s broken.yaml stdout = %q, want nothing", cmd, out)
		}
		for _, want := range []string{
			file + ":7:14: threats[0].missile",
			file + ":8:21: threats[0].from.lat_deg",
			file + ":10:14: threats[0].profile",
			"allowed: min-energy, lofted, depressed",
			file + ":13:52: assets[0].colour: unknown field",
		} {
			if !strings.Contains(errs, want) {
				t.Errorf("rampart %s broken.yaml stderr lacks %q:\n%s", cmd, want, errs)
			}
		}
	}
}

func TestValidateLibrary(t *testing.T) {
	code, out, _ := rampart(t, "scenarios")
	if code != exitOK || !strings.Contains(out, "europe *") {
		t.Fatalf("rampart scenarios = %d, %q", code, out)
	}
	code, out, errs := rampart(t, "validate", "europe")
	if code != exitOK || !strings.Contains(out, "ok") {
		t.Errorf("rampart validate europe = %d, %q %q", code, out, errs)
	}
}

func TestCatalog(t *testing.T) {
	code, out, _ := rampart(t, "catalog")
	if code != exitOK || !strings.Contains(out, "Redzikowo") || !strings.Contains(out, "SM-3 IIA") {
		t.Errorf("rampart catalog = %d, listing lacks entries", code)
	}
	code, out, _ = rampart(t, "catalog", "9m729")
	if code != exitOK || !strings.Contains(out, "Russian claim") || !strings.Contains(out, "range_km") {
		t.Errorf("rampart catalog 9m729 = %d:\n%s", code, out)
	}
}

// Published figures for an ICBM from central Russia to Washington: "about 30
// minutes" (e.g. Union of Concerned Scientists, "How long would it take a
// Russian missile to reach the US?"; Wilkening, Survival 54(1), 2012, which
// quotes ~30 min for Russian ICBM flight times to the US). The band allows for
// the spread of published figures (26 to 33 min).
const (
	icbmFlightTimeMinS = 26 * 60
	icbmFlightTimeMaxS = 33 * 60
)

func TestFlyKozelskWashington(t *testing.T) {
	for _, args := range [][]string{
		{"fly", "--from", "54.03,35.80", "--to", "38.90,-77.04", "--json"},
		{"fly", "--from", "54.03,35.80", "--to", "38.90,-77.04", "--missile", "RS-24", "--json"},
	} {
		code, out, errs := rampart(t, args...)
		if code != exitOK {
			t.Fatalf("rampart %q = %d, %s", args, code, errs)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"range_km", "flight_time_s", "apogee_km", "burnout_speed_kms", "burnout_angle_deg", "impact_lat_deg", "impact_lon_deg", "miss_km"} {
			if _, ok := doc[k]; !ok {
				t.Errorf("rampart %q JSON lacks %q", args, k)
			}
		}
		tof := doc["flight_time_s"].(float64)
		if tof < icbmFlightTimeMinS || tof > icbmFlightTimeMaxS {
			t.Errorf("rampart %q flight_time_s = %.0f, want %d..%d", args, tof, icbmFlightTimeMinS, icbmFlightTimeMaxS)
		}
		if r := doc["range_km"].(float64); r < 7800 || r > 7950 {
			t.Errorf("rampart %q range_km = %.0f, want ~7,880", args, r)
		}
		if m := doc["miss_km"].(float64); m > 1 {
			t.Errorf("rampart %q miss_km = %g, want < 1", args, m)
		}
	}
}

// TestRunOutWritesReportDir: --out writes the report directory, and its
// scene exports.
func TestRunOutWritesReportDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rep")
	code, _, errs := rampart(t, "run", "--trials", "3", "--out", dir)
	if code != exitOK {
		t.Fatalf("rampart run --out = %d, stderr %q", code, errs)
	}
	for _, f := range []string{"report.html", "results.json", "events.csv", "scene.json", "events.parquet", "summary.parquet"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v (%d bytes)", f, err, len(data))
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	for _, want := range []string{"surviving value", "Asset survival", "<svg", "Parameters"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	events, _ := os.ReadFile(filepath.Join(dir, "events.csv"))
	if !strings.HasPrefix(string(events), "trial,event,threat,time_s") {
		t.Errorf("events.csv header = %q", strings.SplitN(string(events), "\n", 2)[0])
	}
	if code, out, errs := rampart(t, "export", dir, "--format", "kml"); code != exitOK || !strings.Contains(out, "<kml") {
		t.Errorf("rampart export %s --format kml = %d, stderr %q", dir, code, errs)
	}
}

// Issue 11: --burnout-speed-kms 1e306 overflowed to +Inf m/s and never
// returned; 0 silently meant "solve for the speed".
func TestFlyBurnoutSpeedRange(t *testing.T) {
	for _, v := range []string{"1e306", "0", "-1", "11", "NaN", "+Inf"} {
		code, _, errs := rampart(t, "fly", "--from", "0,0", "--to", "0,10", "--burnout-speed-kms", v)
		if code != exitBadInput || !strings.Contains(errs, "--burnout-speed-kms") || !strings.Contains(errs, "less than 11") {
			t.Errorf("--burnout-speed-kms %s: exit %d, stderr %q", v, code, errs)
		}
	}
	if code, _, errs := rampart(t, "fly", "--from", "0,0", "--to", "0,10"); code != exitOK {
		t.Errorf("without --burnout-speed-kms: exit %d, stderr %q", code, errs)
	}
}

// Asset values whose sum overflows are refused by validate and run alike,
// with exit 2 (issue 11: run ended in "json: unsupported value: +Inf").
func TestAssetValueOverflowRefused(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "internal", "scenario", "library", "architecture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(strings.ReplaceAll(string(src), "value: 10,", "value: 1.5e308,"), "value: 5,", "value: 1.5e308,")
	file := filepath.Join(t.TempDir(), "huge.yaml")
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", file}, {"run", "--json", file}, {"run", file}} {
		code, out, errs := rampart(t, args...)
		if code != exitBadInput || out != "" || !strings.Contains(errs, "assets[0].value: 1.5e+308 is out of range; allowed: greater than 0, at most 1e+12") {
			t.Errorf("rampart %v = %d, stdout %.200q, stderr %.300q; want exit 2 naming assets[0].value, 1.5e+308 and the range", args, code, out, errs)
		}
	}
}

// TestValidateAgreesWithRun: a threat whose profile cannot reach its aim
// point (a quasi-ballistic Shahab-3 from Tabriz at Bucharest, 1,827 km
// against the profile's 529 km) is refused by validate as by run, with the
// same message; validate used to pass it (issue 12 review).
func TestValidateAgreesWithRun(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "scenarios", "my-raid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(strings.Replace(string(src), "profile: min-energy", "profile: quasi-ballistic", 1), "missile: Sejjil", "missile: Shahab-3", 1)
	file := writeTemp(t, "quasi.yaml", body)
	const want = "no quasi-ballistic trajectory of Shahab-3 hits the aim point"
	var msgs []string
	for _, cmd := range []string{"validate", "run"} {
		code, out, errs := rampart(t, cmd, file)
		if code != exitBadInput || out != "" || !strings.Contains(errs, want) || !strings.Contains(errs, file+":") {
			t.Errorf("rampart %s quasi.yaml = %d, stdout %q, stderr %q; want exit 2, nothing on stdout, and %q at a file position", cmd, code, out, errs, want)
		}
		msgs = append(msgs, errs)
	}
	if len(msgs) == 2 && msgs[0] != msgs[1] {
		t.Errorf("validate and run disagree:\nvalidate: %s\nrun:      %s", msgs[0], msgs[1])
	}
	code, out, _ := rampart(t, "validate", filepath.Join("..", "..", "examples", "scenarios", "my-raid.yaml"))
	if code != exitOK || !strings.Contains(out, "1 threat,") {
		t.Errorf("rampart validate my-raid.yaml = %d, %q; want ok with \"1 threat,\"", code, out)
	}
}

// TestValidateRefusesFastCruise: run.fidelity fast with a cruise missile
// is refused by validate as by run, at run.fidelity's line and column (a
// new user's review found validate passing it).
func TestValidateRefusesFastCruise(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "scenarios", "my-raid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(src), "  architecture: integrated\n", "  architecture: integrated\n  fidelity: fast\n", 1)
	body = strings.Replace(body, "assets:\n", "  - {name: kh101, missile: Kh-101, from: {place: Kaliningrad}, to: {place: Bucharest}, launch_time_s: 0}\nassets:\n", 1)
	file := writeTemp(t, "fastcruise.yaml", body)
	for _, cmd := range []string{"validate", "run"} {
		code, _, errs := rampart(t, cmd, file)
		if code != exitBadInput || !strings.Contains(errs, file+":25:13: run.fidelity: the fast fidelity models ballistic threats only") {
			t.Errorf("rampart %s = %d, stderr %q; want exit 2 at run.fidelity (25:13)", cmd, code, errs)
		}
	}
}
