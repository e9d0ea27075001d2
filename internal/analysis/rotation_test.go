package analysis

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// rotDayTol is the tolerance on lengths in days: they come from whole
// nanosecond durations, so a few ulps of the division by 24 h.
const rotDayTol = 1e-12

// Positions of the catalog sites (sites.yaml, coords-wiki).
var (
	vilnius  = RotationAsset{Name: "Vilnius", LatDeg: 54.69, LonDeg: 25.28}
	kaunas   = RotationAsset{Name: "Kaunas", LatDeg: 54.9, LonDeg: 23.89}
	klaipeda = RotationAsset{Name: "Klaipėda", LatDeg: 55.7, LonDeg: 21.14}
)

func date(s string) time.Time {
	t, err := time.Parse(RotationDateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestRotationSingleUnit: one unit at Vilnius from 1 January to 30 June 2024
// (a leap year, 366 days), 10 days in transit and 5 to get ready, so ready
// from 16 January 00:00 to 1 July 00:00: 16 + 29 + 31 + 30 + 31 + 30 = 167
// days. Kaunas (~92 km) and Klaipėda (~270 km) lie outside its 40 km.
func TestRotationSingleUnit(t *testing.T) {
	p := RotationPlan{
		Year: 2024,
		Deployments: []RotationDeployment{{Unit: "A", Owner: "X", LatDeg: vilnius.LatDeg, LonDeg: vilnius.LonDeg,
			Start: "2024-01-01", End: "2024-06-30", TransitDays: 10, ReadinessDays: 5, RadiusKm: 40}},
		Assets: []RotationAsset{vilnius, kaunas, klaipeda},
	}
	got, err := RotationCoverage(p)
	if err != nil {
		t.Fatal(err)
	}
	v := got.Assets[0]
	if math.Abs(v.CoveredDays-167) > rotDayTol || math.Abs(v.CoveredFrac-167.0/366) > rotDayTol {
		t.Errorf("RotationCoverage: Vilnius covered %g days (%g), want 167 (%g)", v.CoveredDays, v.CoveredFrac, 167.0/366)
	}
	wantGaps := []RotationGap{
		{Start: date("2024-01-01"), End: date("2024-01-16"), LengthDays: 15, Kind: RotationGapBeforeFirst, BeforeUnits: []string{}, AfterUnits: []string{"A"}},
		{Start: date("2024-07-01"), End: date("2025-01-01"), LengthDays: 184, Kind: RotationGapAfterLast, BeforeUnits: []string{"A"}, AfterUnits: []string{}},
	}
	if !reflect.DeepEqual(v.Gaps, wantGaps) {
		t.Errorf("RotationCoverage: Vilnius gaps = %+v, want %+v", v.Gaps, wantGaps)
	}
	if len(v.Slots) != 366 || v.Slots[14] || !v.Slots[15] || !v.Slots[181] || v.Slots[182] {
		t.Errorf("RotationCoverage: Vilnius slots 14, 15, 181, 182 of %d = %v %v %v %v, want false true true false",
			len(v.Slots), v.Slots[14], v.Slots[15], v.Slots[181], v.Slots[182])
	}
	for _, a := range got.Assets[1:] {
		if a.CoveredDays != 0 || len(a.Gaps) != 1 || a.Gaps[0].Kind != RotationGapNever || len(a.InRangeUnits) != 0 {
			t.Errorf("RotationCoverage: %s = %g days, gaps %+v, want never covered", a.Asset, a.CoveredDays, a.Gaps)
		}
	}
	u := got.Units[0]
	// Deployed 1 January – 30 June: 182 days, ready 167 of them.
	if !u.Ready.Equal(date("2024-01-16")) || !u.Arrive.Equal(date("2024-01-11")) || !u.End.Equal(date("2024-07-01")) ||
		math.Abs(u.DeployedDays-182) > rotDayTol || math.Abs(u.ReadyDays-167) > rotDayTol ||
		math.Abs(u.AvailabilityFrac-167.0/182) > rotDayTol || !slices.Equal(u.AssetsInRange, []string{"Vilnius"}) {
		t.Errorf("RotationCoverage: unit A = %+v, want arrive 11 Jan, ready 16 Jan, end 1 Jul, 182 deployed, 167 ready days, Vilnius in range", u)
	}
}

// TestRotationHandover: A (there since December) leaves at the end of
// 30 April; B starts 25 April, 3 days in transit and 4 to get ready, so it
// is ready on 2 May: a one-day handover gap. C is ready on 24 August while B
// stays to 31 August: no gap. C leaves at the end of 15 October and A is
// back and ready on 1 November: a 16-day handover. A leaves at the end of
// 30 November and is back on 10 December: a 9-day interruption.
func TestRotationHandover(t *testing.T) {
	dep := func(unit, start, end string, transit, ready float64) RotationDeployment {
		return RotationDeployment{Unit: unit, Owner: "O", LatDeg: vilnius.LatDeg, LonDeg: vilnius.LonDeg,
			Start: start, End: end, TransitDays: transit, ReadinessDays: ready, RadiusKm: 50}
	}
	p := RotationPlan{
		Year: 2025,
		Deployments: []RotationDeployment{
			dep("A", "2024-12-01", "2025-04-30", 0, 0),
			dep("B", "2025-04-25", "2025-08-31", 3, 4),
			dep("C", "2025-08-20", "2025-10-15", 2, 2),
			dep("A", "2025-10-30", "2025-11-30", 1, 1),
			dep("A", "2025-12-10", "2026-03-31", 0, 0),
		},
		Assets: []RotationAsset{vilnius},
	}
	got, err := RotationCoverage(p)
	if err != nil {
		t.Fatal(err)
	}
	v := got.Assets[0]
	want := []RotationGap{
		{Start: date("2025-05-01"), End: date("2025-05-02"), LengthDays: 1, Kind: RotationGapHandover, BeforeUnits: []string{"A"}, AfterUnits: []string{"B"}},
		{Start: date("2025-10-16"), End: date("2025-11-01"), LengthDays: 16, Kind: RotationGapHandover, BeforeUnits: []string{"C"}, AfterUnits: []string{"A"}},
		{Start: date("2025-12-01"), End: date("2025-12-10"), LengthDays: 9, Kind: RotationGapInterruption, BeforeUnits: []string{"A"}, AfterUnits: []string{"A"}},
	}
	if !reflect.DeepEqual(v.Gaps, want) {
		t.Errorf("RotationCoverage gaps = %+v, want %+v", v.Gaps, want)
	}
	// 365 days less 1 + 16 + 9 days of gaps.
	if math.Abs(v.CoveredDays-339) > rotDayTol {
		t.Errorf("RotationCoverage covered = %g days, want 339", v.CoveredDays)
	}
	// The first block runs from the year start (A was there since December)
	// through B and C's overlap.
	if c := v.Covered[1]; !c.Start.Equal(date("2025-05-02")) || !c.End.Equal(date("2025-10-16")) || !slices.Equal(c.Units, []string{"B", "C"}) {
		t.Errorf("RotationCoverage covered[1] = %+v, want 2 May – 16 Oct by B, C", c)
	}
}

// TestRotationHourly: a readiness of half a day makes the unit ready at
// 12:00 UTC; the day slot is then not covered, and hours 12–23 are.
func TestRotationHourly(t *testing.T) {
	p := RotationPlan{
		Year: 2023, Resolution: RotationHourly,
		Deployments: []RotationDeployment{{Unit: "A", LatDeg: 54.69, LonDeg: 25.28,
			Start: "2023-03-01", End: "2023-03-02", ReadinessDays: 0.5, RadiusKm: 30}},
		Assets: []RotationAsset{vilnius},
	}
	got, err := RotationCoverage(p)
	if err != nil {
		t.Fatal(err)
	}
	v := got.Assets[0]
	h0 := (31 + 28) * 24 // first hour of 1 March
	if len(v.Slots) != 8760 || v.Slots[h0+11] || !v.Slots[h0+12] || !v.Slots[h0+47] || v.Slots[h0+48] {
		t.Errorf("RotationCoverage hourly slots around 1 March = %v, want false at 11, true 12–47, false at 48", v.Slots[h0+10:h0+50])
	}
	if math.Abs(v.CoveredDays-1.5) > rotDayTol {
		t.Errorf("RotationCoverage covered = %g days, want 1.5", v.CoveredDays)
	}
	p.Resolution = RotationDaily
	got, _ = RotationCoverage(p)
	if s := got.Assets[0].Slots; s[59] || !s[60] {
		t.Errorf("RotationCoverage daily slots 59, 60 = %v %v, want false true", s[59], s[60])
	}
}

// TestRotationCatalogRadius takes the radius from the catalog (PAC-3 MSE
// max_range_km at each pick) and checks the geodesic test on assets placed
// just inside and just outside it with geo.WGS84.Direct.
func TestRotationCatalogRadius(t *testing.T) {
	e, err := catalog.Lookup("PAC-3 MSE")
	if err != nil {
		t.Fatal(err)
	}
	for _, pick := range []string{"low", "central", "high"} {
		var pk catalog.Pick
		if err := pk.UnmarshalText([]byte(pick)); err != nil {
			t.Fatal(err)
		}
		r := e.At(RotationRangeBallistic, pk) * 1e3
		deg := math.Pi / 180
		at := func(name string, s, azDeg float64) RotationAsset {
			lat, lon, _ := geo.WGS84.Direct(54.69*deg, 25.28*deg, azDeg*deg, s)
			return RotationAsset{Name: name, LatDeg: lat / deg, LonDeg: lon / deg}
		}
		p := RotationPlan{
			Year: 2024, Pick: pick,
			Deployments: []RotationDeployment{{Unit: "A", LatDeg: 54.69, LonDeg: 25.28,
				Start: "2024-01-01", End: "2024-12-31", System: "PAC-3 MSE"}},
			Assets: []RotationAsset{at("in", r-10, 37), at("out", r+10, 217)},
		}
		got, err := RotationCoverage(p)
		if err != nil {
			t.Fatal(err)
		}
		if got.Units[0].RadiusKm != r/1e3 || got.Assets[0].CoveredFrac != 1 || got.Assets[1].CoveredFrac != 0 {
			t.Errorf("RotationCoverage(pick %s) radius %g km, in %g, out %g; want %g km, 1, 0",
				pick, got.Units[0].RadiusKm, got.Assets[0].CoveredFrac, got.Assets[1].CoveredFrac, r/1e3)
		}
	}
}

func TestRotationValidate(t *testing.T) {
	p := RotationPlan{
		Year: 1800, Resolution: "week", RangeParam: "range_km", Pick: "medium",
		Deployments: []RotationDeployment{
			{Unit: "", LatDeg: 95, LonDeg: 0, Start: "2024-13-01", End: "2024-01-01", RadiusKm: 10},
			{Unit: "B", Start: "2024-02-01", End: "2024-01-01", TransitDays: -1, RadiusKm: 10, System: "PAC-3 MSE"},
			{Unit: "C", Start: "2024-01-01", End: "2024-02-01"},
		},
		Assets: []RotationAsset{{Name: "X", LonDeg: 200}, {Name: "X"}},
	}
	err := p.Validate()
	if err == nil {
		t.Fatalf("%+v.Validate() = nil, want errors", p)
	}
	for _, want := range []string{
		"year: 1800 is out of range",
		`resolution: "week" is not allowed; allowed: day, hour`,
		`range_param: "range_km" is not allowed; allowed: max_range_km, max_range_air_km`,
		`pick: "medium" is not allowed; allowed: low, central, high`,
		"deployments[0].unit: empty",
		"deployments[0].lat_deg: 95 is out of range",
		`deployments[0].start: "2024-13-01" is not a date; want YYYY-MM-DD`,
		"deployments[1].end: 2024-01-01 is before start 2024-02-01",
		"deployments[1].transit_days: -1 is out of range",
		"deployments[1]: radius_km and system both given",
		"deployments[2]: neither radius_km nor system given",
		"assets[0].lon_deg: 200 is out of range",
		`assets[1].name: "X" repeats assets[0].name`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %q, want it to contain %q", err, want)
		}
	}
	bad := RotationPlan{Year: 2024, Assets: []RotationAsset{vilnius},
		Deployments: []RotationDeployment{{Unit: "A", Start: "2024-01-01", End: "2024-01-02", System: "Patriot PAC-9"}}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "deployments[0].system:") {
		t.Errorf("Validate() with an unknown system = %v, want a deployments[0].system error", err)
	}
	noRange := RotationPlan{Year: 2024, Assets: []RotationAsset{vilnius},
		Deployments: []RotationDeployment{{Unit: "A", Start: "2024-01-01", End: "2024-01-02", System: "F-16"}}}
	if err := noRange.Validate(); err == nil || !strings.Contains(err.Error(), `"F-16" has no max_range_km`) {
		t.Errorf("Validate() with a system without range = %v, want a max_range_km error", err)
	}
}

// TestRotationJSON checks the snake_case field names with units, and that
// the result is deterministic.
func TestRotationJSON(t *testing.T) {
	in := `{"year": 2024, "resolution": "day", "deployments": [{"unit": "A", "owner": "NL",
	  "lat_deg": 54.69, "lon_deg": 25.28, "start": "2024-03-01", "end": "2024-05-31",
	  "transit_days": 7, "readiness_days": 3, "radius_km": 35}],
	  "assets": [{"name": "Vilnius", "lat_deg": 54.69, "lon_deg": 25.28}]}`
	var p RotationPlan
	dec := json.NewDecoder(strings.NewReader(in))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		t.Fatal(err)
	}
	a, err := RotationCoverage(p)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := RotationCoverage(p)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("RotationCoverage gave different results on the same plan")
	}
	for _, key := range []string{`"covered_frac"`, `"length_days"`, `"before_units"`, `"availability_frac"`, `"ready_days"`, `"slots"`} {
		if !strings.Contains(string(ja), key) {
			t.Errorf("RotationCoverage JSON lacks %s", key)
		}
	}
	// Ready 11 March – 1 June: 21 + 30 + 31 = 82 days.
	if got := a.Assets[0].CoveredDays; math.Abs(got-82) > rotDayTol {
		t.Errorf("RotationCoverage(JSON plan) covered = %g days, want 82", got)
	}
}

func BenchmarkRotationCoverage(b *testing.B) {
	var deps []RotationDeployment
	for i, m := range []string{"01", "04", "07", "10"} {
		end := []string{"2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"}[i]
		deps = append(deps, RotationDeployment{Unit: "U" + m, Owner: "O", LatDeg: 54.8, LonDeg: 24.5,
			Start: "2024-" + m + "-01", End: end, TransitDays: 5, ReadinessDays: 2, System: "PAC-3 MSE"})
	}
	p := RotationPlan{Year: 2024, Resolution: RotationHourly, RangeParam: RotationRangeAir,
		Deployments: deps, Assets: []RotationAsset{vilnius, kaunas, klaipeda}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RotationCoverage(p); err != nil {
			b.Fatal(err)
		}
	}
}
