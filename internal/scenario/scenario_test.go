package scenario

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/provenance"
)

func TestParseValid(t *testing.T) {
	s, err := Check("t.yaml", []byte(validDoc), testCatalog)
	if err != nil {
		t.Fatalf("Check(validDoc) error:\n%v", err)
	}
	want := &Scenario{
		File:   "t.yaml",
		SHA256: provenance.SHA256([]byte(validDoc)),
		Name:   "test",
		Run:    Run{Seed: 1, Trials: 1, DurationS: 600, Architecture: Integrated},
		Owners: []Owner{{Name: "US", Doctrine: DefaultDoctrine()}},
		Sites: []Site{{
			Name: "Deveselu", Owner: "US", Point: Point{Place: "Deveselu"},
			Platforms: []Platform{{Name: "aegis", Parts: []Part{
				{Kind: Radar, Type: "AN/SPY-1D"},
				{Kind: Launcher, Interceptor: "SM-3 IB", Rounds: 24},
			}}},
		}},
		Threats: []Threat{{
			Name: "t1", Missile: "Shahab-3",
			From: Point{Place: "Tabriz"}, To: Point{Place: "Bucharest"},
			Profile: MinEnergy, Count: 1,
		}},
		Assets: []Asset{{Name: "Bucharest", Point: Point{Place: "Bucharest"}, Value: 10, Owner: "US"}},
	}
	s.pos = nil
	if !reflect.DeepEqual(s, want) {
		t.Errorf("Check(validDoc) =\n%+v\nwant\n%+v", s, want)
	}
}

func TestDefaults(t *testing.T) {
	s, err := Parse("d.yaml", []byte("name: minimal\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Run{Seed: DefaultSeed, Trials: DefaultTrials, DurationS: DefaultDurationS, Architecture: Integrated}
	if s.Run != want {
		t.Errorf("Parse(minimal).Run = %+v, want %+v", s.Run, want)
	}
}

func TestExplicitCoordinates(t *testing.T) {
	doc := edit(t, "from: {place: Tabriz}", "from: {lat_deg: 38.08, lon_deg: 46.29, alt_m: 1350}")
	doc = strings.Replace(doc, "type: AN/SPY-1D}", "type: AN/SPY-1D, azimuth_deg: 0}", 1)
	s, err := Check("t.yaml", []byte(doc), testCatalog)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Threats[0].From, (Point{LatDeg: 38.08, LonDeg: 46.29, AltM: 1350}); got != want {
		t.Errorf("From = %+v, want %+v", got, want)
	}
	if az := s.Sites[0].Platforms[0].Parts[0].AzimuthDeg; az == nil || *az != 0 {
		t.Errorf("AzimuthDeg = %v, want pointer to 0", az)
	}
}

// TestAnchorsAndMerge checks the documented way to share settings: an x-
// extension field holding an anchor, merged into threats with "<<".
func TestAnchorsAndMerge(t *testing.T) {
	doc := edit(t, "threats:\n", `x-sejjil: &sejjil
  missile: Sejjil
  from: {place: Tabriz}
  count: 4
  interval_s: 10
threats:
  - <<: *sejjil
    name: raid-ankara
    to: {place: Ankara}
    count: 2
`)
	s, err := Check("t.yaml", []byte(doc), testCatalog)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Threats[0]
	want := Threat{Name: "raid-ankara", Missile: "Sejjil", From: Point{Place: "Tabriz"}, To: Point{Place: "Ankara"},
		Profile: MinEnergy, Count: 2, IntervalS: 10}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged threat = %+v, want %+v", got, want)
	}
	// Positions of merged fields point at the anchor.
	if p := s.Pos("threats[0].missile"); p.Line != 15 {
		t.Errorf("Pos(threats[0].missile) = %+v, want line 15 (in the anchor)", p)
	}
}

func TestPosAndProblemf(t *testing.T) {
	s, err := Parse("t.yaml", []byte(validDoc))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want Pos
	}{
		{"threats[0].profile", Pos{Line: 19, Col: 14}},
		{"threats[0].count", Pos{Line: 15, Col: 5}}, // not in the file: the threat itself
		{"sites[0].platforms[0].parts[1].rounds", Pos{Line: 13, Col: 60}},
		{"nothing.here", Pos{Line: 1, Col: 1}},
		{"", Pos{Line: 1, Col: 1}},
	} {
		if got := s.Pos(c.path); got != c.want {
			t.Errorf("Pos(%q) = %+v, want %+v", c.path, got, c.want)
		}
	}
	p := s.Problemf("threats[0].to", "unreachable: %d km beyond range", 300)
	if got, want := p.String(), "t.yaml:18:10: threats[0].to: unreachable: 300 km beyond range"; got != want {
		t.Errorf("Problemf = %q, want %q", got, want)
	}
}

// TestValidateBuiltInGo checks Validate on a scenario with no file
// positions: problems name the field path only.
func TestValidateBuiltInGo(t *testing.T) {
	s := &Scenario{
		Name: "go-built",
		Run:  Run{Seed: 1, Trials: 1, DurationS: 100, Architecture: Integrated},
		Threats: []Threat{{
			Name: "t", BurnoutSpeedKms: 3,
			From: Point{LatDeg: 10, LonDeg: 10}, To: Point{LatDeg: 0, LonDeg: 200},
			Profile: Lofted, Count: 0,
		}},
		Assets: []Asset{{Name: "a", Point: Point{Place: "Nowhere"}, Value: 1}},
	}
	err := Validate(s, testCatalog)
	want := []string{
		"threats[0].to.lon_deg: 200 is out of range; allowed: -180 to 180",
		"threats[0].profile: lofted needs apogee_km or burnout_angle_deg to shape the trajectory",
		"threats[0].count: 0 is out of range; allowed: 1 to 1000",
		`assets[0].place: "Nowhere" is not a catalog site; allowed: Ankara, Bucharest, Deveselu, Kürecik, Redzikowo, Tabriz`,
	}
	if got := problemLines(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Validate problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err := Validate(s, nil); err == nil || strings.Contains(err.Error(), "catalog") {
		t.Errorf("Validate(s, nil) = %v, want problems without catalog checks", err)
	}
}

// TestLimits feeds hostile input: every case must come back as an *Errors
// quickly, without a panic or a stack overflow.
func TestLimits(t *testing.T) {
	rep := func(s string, n int) string { return strings.TrimSuffix(strings.Repeat(s+", ", n), ", ") }
	cases := []struct {
		name, data, want string
	}{
		{"too large", "name: x\nsummary: " + strings.Repeat("a", MaxFileSize), "file is 1048593 bytes; the limit is 1048576"},
		{"deep flow nesting", "name: x\nx-deep: " + strings.Repeat("[", 200_000), "2:109: collections nest too deeply (more than 100 levels)"},
		{"deep flow nesting behind quotes", "name: x\nx-deep: [a'b, \"]\", " + strings.Repeat("[\"]\", ", 1000), "2:614: collections nest too deeply"},
		{"deep block nesting", "name: x\nx-deep:\n" + strings.Repeat("- ", 10_000) + "a\n", "3:799: collections nest too deeply"},
		{"deep explicit keys", "name: x\nx-deep:\n" + strings.Repeat("? ", 10_000) + "a\n", "3:799: collections nest too deeply"},
		{"alias bomb", "name: x\nowners: [{name: b}]\n" +
			"x-q: &q {kind: radar, type: x}\n" +
			"x-p: &p {name: p, parts: [" + rep("*q", 1000) + "]}\n" +
			"x-s: &s {name: a, owner: b, place: c, platforms: [" + rep("*p", 1000) + "]}\n" +
			"sites: [" + rep("*s", 1000) + "]\n", "document expands to more than 250000 nodes"},
		{"alias cycle", "name: &a [*a]\n", "t.yaml:1:"},
		{"binary", "\x00\xff\xfe\x01", "t.yaml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(c.data))
			var e *Errors
			if !errors.As(err, &e) {
				t.Fatalf("Parse error = %v, want *Errors", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("Parse error = %.300s, want it to contain %q", err, c.want)
			}
		})
	}
}

// TestRaidSizeLimit (issue 11): a raid of more than MaxFlights missiles in
// all threats together is refused at the threat that passes the limit, once.
func TestRaidSizeLimit(t *testing.T) {
	threat := func(name string, n int) Threat {
		return Threat{Name: name, BurnoutSpeedKms: 3, From: Point{LatDeg: 10, LonDeg: 10}, To: Point{LatDeg: 12, LonDeg: 10},
			Profile: MinEnergy, Count: n}
	}
	s := &Scenario{
		Name: "raid", Run: Run{Seed: 1, Trials: 1, DurationS: 100, Architecture: Integrated},
		Threats: []Threat{threat("a", 600), threat("b", 400)},
		Assets:  []Asset{{Name: "x", Point: Point{LatDeg: 12, LonDeg: 10}, Value: 1}},
	}
	if err := Validate(s, nil); err != nil {
		t.Fatalf("a raid of exactly %d missiles: %v", MaxFlights, err)
	}
	s.Threats = append(s.Threats, threat("c", 1), threat("d", 5))
	want := []string{"threats[2].count: brings the raid to 1001 missiles; allowed: at most 1000 in all threats together (docs/limits.md)"}
	if got := problemLines(t, Validate(s, nil)); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Validate problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBurnoutAltitude (issue 12): burnout_alt_km applies to a generic
// missile, 0 to MaxBurnoutAltKm, and is refused with a catalog missile.
func TestBurnoutAltitude(t *testing.T) {
	generic := "burnout_speed_kms: 4\n    from: {place: Tabriz}"
	for _, c := range []struct {
		name, old, new, want string
	}{
		{"generic", "missile: Shahab-3\n    from: {place: Tabriz}", generic + "\n    burnout_alt_km: 300", ""},
		{"negative", "missile: Shahab-3\n    from: {place: Tabriz}", generic + "\n    burnout_alt_km: -1", "threats[0].burnout_alt_km: -1 is out of range; allowed: 0 to 5000"},
		{"too high", "missile: Shahab-3\n    from: {place: Tabriz}", generic + "\n    burnout_alt_km: 6000", "threats[0].burnout_alt_km: 6000 is out of range; allowed: 0 to 5000"},
		{"catalog missile", "from: {place: Tabriz}", "from: {place: Tabriz}\n    burnout_alt_km: 300", "threats[0].burnout_alt_km: applies only to a generic missile (burnout_speed_kms)"},
	} {
		_, err := Check("t.yaml", []byte(edit(t, c.old, c.new)), testCatalog)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: Check = %v, want no problem", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: Check = %v, want %q", c.name, err, c.want)
		}
	}
}

// TestParseCruiseAltitude: Parse, which has no catalog, cannot tell a
// catalog cruise missile from a ballistic one, so it checks a missile's
// altitude_m as a cruise missile's and leaves refusing it on a ballistic
// missile to the catalog check. (It refused it, and Library dropped the
// patriot-rotation scenario, whose 9M729s fly at a set altitude.)
func TestParseCruiseAltitude(t *testing.T) {
	cruise := strings.Replace(validDoc, "missile: Shahab-3\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    profile: min-energy\n",
		"missile: Tomahawk\n    from: {place: Tabriz}\n    to: {place: Bucharest}\n    altitude_m: 300\n", 1)
	if cruise == validDoc {
		t.Fatal("validDoc's threat not found")
	}
	if _, err := Parse("t.yaml", []byte(cruise)); err != nil {
		t.Errorf("Parse of a cruise missile at altitude_m 300:\n%v", err)
	}
	if _, err := Check("t.yaml", []byte(cruise), testCatalog); err != nil {
		t.Errorf("Check of a cruise missile at altitude_m 300:\n%v", err)
	}
	ballistic := strings.Replace(cruise, "missile: Tomahawk", "missile: Shahab-3", 1)
	want := "threats[0].altitude_m: applies only to cruise missiles and aircraft"
	if _, err := Check("t.yaml", []byte(ballistic), testCatalog); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Check of a ballistic missile at altitude_m 300 = %v, want %q", err, want)
	}
	if _, err := Parse("t.yaml", []byte(strings.Replace(cruise, "altitude_m: 300", "altitude_m: 40000", 1))); err == nil {
		t.Error("Parse accepted altitude_m 40000")
	}
}
