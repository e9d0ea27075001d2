package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/atmos"
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// qraTimeTolMin is the tolerance on intercept times, min: the bisection
// stops within qraTimeTolS, and geodesic distances are exact to ~15 nm.
const qraTimeTolMin = 2 * qraTimeTolS / 60

// qraDistTolKm is the tolerance on distances flown, km: the fighter covers
// at most ~0.6 m in the bisection tolerance of 1 ms.
const qraDistTolKm = 1e-3

const qraDeg = math.Pi / 180

// meridianKm is the length of the meridian arc between two latitudes at
// one longitude, km (a meridian is a geodesic).
func meridianKm(lat1, lat2 float64) float64 {
	s, _, _ := geo.WGS84.Inverse(lat1*qraDeg, 24*qraDeg, lat2*qraDeg, 24*qraDeg)
	return s / 1e3
}

// TestQRAStationary: a stationary target is reached at scramble + d/v;
// the nearer of two bases is the quickest.
func TestQRAStationary(t *testing.T) {
	r := QRARequest{
		Bases: []QRABase{
			{Name: "far", LatDeg: 59.26, LonDeg: 24.21, ScrambleMin: 5},
			{Name: "near", LatDeg: 55.89, LonDeg: 23.4, ScrambleMin: 10},
		},
		Fighter: QRAFighter{DashSpeedKms: 0.3},
		Track:   QRATrack{Waypoints: []QRATrackPoint{{LatDeg: 56.5, LonDeg: 20.0, AltM: 9000}}},
	}
	got, err := QRAIntercepts(r)
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range r.Bases {
		s, _, _ := geo.WGS84.Inverse(b.LatDeg*qraDeg, b.LonDeg*qraDeg, 56.5*qraDeg, 20*qraDeg)
		want := b.ScrambleMin + s/300/60
		o := got.Results[i]
		if !o.Intercepted || math.Abs(o.TimeMin-want) > qraTimeTolMin || math.Abs(o.DistanceKm-s/1e3) > qraDistTolKm ||
			o.InterceptAltM != 9000 || math.Abs(o.InterceptLatDeg-56.5) > 1e-9 || math.Abs(o.InterceptLonDeg-20) > 1e-9 {
			t.Errorf("QRAIntercepts(%s) = %+v, want %.6f min over %.6f km", b.Name, o, want, s/1e3)
		}
	}
	if got.Quickest != "near" || got.QuickestIndex != 1 {
		t.Errorf("QRAIntercepts quickest = %q (%d), want near (1)", got.Quickest, got.QuickestIndex)
	}
}

// TestQRAMeridian: base at 54°N 24°E, target on the same meridian flying
// directly away (north from 55°N) or toward it (south from 56°N) at u; the
// fighter at v after τ. Away: T = (τ + d0/v)/(1 − u/v); toward:
// T = (τ + d0/v)/(1 + u/v); distance flown d0 ± u·T.
func TestQRAMeridian(t *testing.T) {
	const tau, u, v = 600.0, 200.0, 500.0 // s, m/s, m/s
	for _, c := range []struct {
		name            string
		lat0, course    float64
		sign            float64
		alertMin, trail float64
	}{
		{"away", 55, 0, +1, 0, 0},
		{"toward", 56, 180, -1, 0, 0},
		// The alert comes 5 min into the track: the target is 60 km further.
		{"away after 5 min", 55, 0, +1, 5, 60},
	} {
		d0 := meridianKm(54, c.lat0)*1e3 + c.sign*c.trail*1e3
		want := (tau + d0/v) / (1 - c.sign*u/v)
		r := QRARequest{
			Bases:    []QRABase{{Name: "base", LatDeg: 54, LonDeg: 24, ScrambleMin: tau / 60}},
			Fighter:  QRAFighter{DashSpeedKms: v / 1e3},
			Track:    QRATrack{Line: &QRALine{LatDeg: c.lat0, LonDeg: 24, AltM: 8000, CourseDeg: c.course, SpeedKms: u / 1e3, DurationMin: 120}},
			AlertMin: c.alertMin,
		}
		got, err := QRAIntercepts(r)
		if err != nil {
			t.Fatal(err)
		}
		o := got.Results[0]
		if !o.Intercepted || math.Abs(o.TimeMin-want/60) > qraTimeTolMin ||
			math.Abs(o.DistanceKm-(d0+c.sign*u*want)/1e3) > qraDistTolKm || math.Abs(o.InterceptLonDeg-24) > 1e-9 {
			t.Errorf("QRAIntercepts(%s) = %.6f min, %.6f km at %.6f°E; want %.6f min, %.6f km at 24°E",
				c.name, o.TimeMin, o.DistanceKm, o.InterceptLonDeg, want/60, (d0+c.sign*u*want)/1e3)
		}
	}
}

// TestQRAEscape: a target faster than the fighter flying away is never
// caught; one whose track ends before the fighter is airborne neither.
func TestQRAEscape(t *testing.T) {
	r := QRARequest{
		Bases:   []QRABase{{Name: "base", LatDeg: 54, LonDeg: 24, ScrambleMin: 10}},
		Fighter: QRAFighter{DashSpeedKms: 0.4},
		Track:   QRATrack{Line: &QRALine{LatDeg: 55, LonDeg: 24, CourseDeg: 0, SpeedKms: 0.5, DurationMin: 60}},
	}
	got, err := QRAIntercepts(r)
	if err != nil {
		t.Fatal(err)
	}
	if o := got.Results[0]; o.Intercepted || o.Reason == "" || got.Quickest != "" || got.QuickestIndex != -1 {
		t.Errorf("QRAIntercepts(escaping target) = %+v, quickest %q; want no intercept with a reason", o, got.Quickest)
	}
	r.Track.Line.DurationMin = 5
	got, _ = QRAIntercepts(r)
	if o := got.Results[0]; o.Intercepted || !strings.Contains(o.Reason, "before the fighter is airborne") {
		t.Errorf("QRAIntercepts(short track) = %+v, want no intercept before airborne", o)
	}
}

// TestQRAFirstRoot: a target faster than the fighter crosses its reach and
// leaves it again; the answer must be the first time the fighter can be
// there, as found by a brute-force scan of g in steps of 0.05 s.
func TestQRAFirstRoot(t *testing.T) {
	const bruteStepS = 0.05
	r := QRARequest{
		Bases:   []QRABase{{Name: "base", LatDeg: 55.89, LonDeg: 23.4, ScrambleMin: 5}},
		Fighter: QRAFighter{DashSpeedKms: 0.25},
		Track: QRATrack{Waypoints: []QRATrackPoint{
			{LatDeg: 55.0, LonDeg: 20.0, AltM: 9000, SpeedKms: 0.5},
			{LatDeg: 55.6, LonDeg: 23.0, AltM: 9000, SpeedKms: 0.5},
			{LatDeg: 57.5, LonDeg: 24.5, AltM: 6000},
		}},
	}
	got, err := QRAIntercepts(r)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := r.resolve()
	base := r.Bases[0]
	g := func(tt float64) float64 {
		la, lo, _ := res.track.at(tt)
		s, _, _ := geo.WGS84.Inverse(base.LatDeg*qraDeg, base.LonDeg*qraDeg, la, lo)
		return tt - 300 - s/250
	}
	want := math.NaN()
	for tt := 300.0; tt <= res.track.end; tt += bruteStepS {
		if g(tt) >= 0 {
			want = tt
			break
		}
	}
	o := got.Results[0]
	if math.IsNaN(want) || !o.Intercepted || math.Abs(o.TimeMin*60-want) > bruteStepS {
		t.Errorf("QRAIntercepts(crossing target) = %+v (%.3f s), want the first root %.3f s", o, o.TimeMin*60, want)
	}
	// Altitude is interpolated on the second leg: between 9000 and 6000 m.
	if o.InterceptAltM > 9000 || o.InterceptAltM < 6000 {
		t.Errorf("QRAIntercepts(crossing target) alt = %g m, want 6000–9000", o.InterceptAltM)
	}
}

// TestQRACatalogFighter: the F-16's catalog max_speed_mach (central 2.0)
// at 11 km geometric height (USSA-76 speed of sound 295.15 m/s there) and
// its catalog scramble_time_min (central 10 min); the cruise dash takes
// cruise_speed_kms, here at the high pick.
func TestQRACatalogFighter(t *testing.T) {
	f16, err := catalog.Lookup("F-16")
	if err != nil {
		t.Fatal(err)
	}
	r := QRARequest{
		Bases:   []QRABase{{Name: "Šiauliai", LatDeg: 55.89, LonDeg: 23.4}},
		Fighter: QRAFighter{Aircraft: "F-16"},
		Track:   QRATrack{Waypoints: []QRATrackPoint{{LatDeg: 55.3, LonDeg: 20.5}}},
	}
	for _, c := range []struct {
		dash, pick   string
		speed, scram float64
	}{
		{"", "", f16.At("max_speed_mach", catalog.PickCentral) * atmos.At(11000).SoundSpeed / 1e3, f16.At("scramble_time_min", catalog.PickCentral)},
		{QRADashCruise, "high", f16.At("cruise_speed_kms", catalog.PickHigh), f16.At("scramble_time_min", catalog.PickHigh)},
	} {
		r.Fighter.Dash, r.Fighter.Pick = c.dash, c.pick
		got, err := QRAIntercepts(r)
		if err != nil {
			t.Fatal(err)
		}
		if o := got.Results[0]; math.Abs(o.DashSpeedKms-c.speed) > 1e-12 || o.ScrambleMin != c.scram {
			t.Errorf("QRAIntercepts(F-16, dash %q, pick %q) = %g km/s, scramble %g min; want %g km/s, %g min",
				c.dash, c.pick, o.DashSpeedKms, o.ScrambleMin, c.speed, c.scram)
		}
	}
}

func TestQRAValidate(t *testing.T) {
	r := QRARequest{
		Bases:    []QRABase{{Name: "a", LatDeg: 91}, {Name: "a", ScrambleMin: -3}},
		Fighter:  QRAFighter{Aircraft: "PAC-3 MSE", Dash: "afterburner", Pick: "best"},
		Track:    QRATrack{Waypoints: []QRATrackPoint{{LatDeg: 55, LonDeg: 20, SpeedKms: 0}, {LatDeg: 56, LonDeg: 21}}, Line: &QRALine{}},
		AlertMin: -1,
	}
	err := r.Validate()
	if err == nil {
		t.Fatalf("%+v.Validate() = nil, want errors", r)
	}
	for _, want := range []string{
		`fighter.pick: "best" is not allowed; allowed: low, central, high`,
		`fighter.dash: "afterburner" is not allowed; allowed: max, cruise`,
		`fighter.aircraft: "PAC-3 MSE" is a catalog interceptor, not an aircraft; allowed: `,
		"bases[0].lat_deg: 91 is out of range",
		`bases[1].name: "a" repeats bases[0].name`,
		"bases[1].scramble_min: -3 is out of range",
		"track: waypoints and line both given",
		"alert_min: -1 is out of range",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %q, want it to contain %q", err, want)
		}
	}
	r = QRARequest{
		Bases: []QRABase{{Name: "a"}},
		Track: QRATrack{Waypoints: []QRATrackPoint{{LatDeg: 55, LonDeg: 20}, {LatDeg: 56, LonDeg: 21}}},
	}
	err = r.Validate()
	for _, want := range []string{
		"fighter: neither aircraft nor dash_speed_kms given",
		"bases[0].scramble_min: not given and no fighter.aircraft",
		"track.waypoints[0].speed_kms: 0 is out of range",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to contain %q", err, want)
		}
	}
}

func BenchmarkQRAIntercepts(b *testing.B) {
	r := QRARequest{
		Bases: []QRABase{
			{Name: "Šiauliai", LatDeg: 55.89, LonDeg: 23.4},
			{Name: "Ämari", LatDeg: 59.26, LonDeg: 24.21},
			{Name: "Malbork", LatDeg: 54.03, LonDeg: 19.13},
		},
		Fighter: QRAFighter{Aircraft: "Eurofighter Typhoon"},
		Track: QRATrack{Waypoints: []QRATrackPoint{
			{LatDeg: 54.9, LonDeg: 19.9, AltM: 8000, SpeedKms: 0.17},
			{LatDeg: 56.5, LonDeg: 19.5, AltM: 8000, SpeedKms: 0.17},
			{LatDeg: 59.5, LonDeg: 22.0, AltM: 8000},
		}},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := QRAIntercepts(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQRASolve times the intercept solution alone, without the
// catalog look-ups of validation.
func BenchmarkQRASolve(b *testing.B) {
	r := QRARequest{
		Bases:   []QRABase{{Name: "Šiauliai", LatDeg: 55.89, LonDeg: 23.4, ScrambleMin: 5}},
		Fighter: QRAFighter{DashSpeedKms: 0.25},
		Track: QRATrack{Waypoints: []QRATrackPoint{
			{LatDeg: 55.0, LonDeg: 20.0, AltM: 9000, SpeedKms: 0.5},
			{LatDeg: 55.6, LonDeg: 23.0, AltM: 9000, SpeedKms: 0.5},
			{LatDeg: 57.5, LonDeg: 24.5, AltM: 6000},
		}},
	}
	res, err := r.resolve()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if o := qraIntercept(&res.track, "Šiauliai", 55.89*qraDeg, 23.4*qraDeg, res.scramble[0], res.speed, 0); !o.Intercepted {
			b.Fatal("no intercept")
		}
	}
}
