package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/atmos"
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
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
		Fighter: QRAFighter{TransitSpeedKms: 0.3},
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
			Fighter:  QRAFighter{TransitSpeedKms: v / 1e3},
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
		Fighter: QRAFighter{TransitSpeedKms: 0.4},
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
		Fighter: QRAFighter{TransitSpeedKms: 0.25},
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

// TestQRACatalogFighter: the Typhoon's catalog timeline (scramble, climb,
// transit) at the pick; a "max" transit is max_speed_mach at 11 km
// geometric height (USSA-76 speed of sound 295.15 m/s there), a "cruise"
// one cruise_speed_kms. An aircraft without a catalog climb is refused
// with the field to give.
func TestQRACatalogFighter(t *testing.T) {
	ty, err := catalog.Lookup("Eurofighter Typhoon")
	if err != nil {
		t.Fatal(err)
	}
	r := QRARequest{
		Bases:   []QRABase{{Name: "Šiauliai", LatDeg: 55.89, LonDeg: 23.4}},
		Fighter: QRAFighter{Aircraft: "Eurofighter Typhoon"},
		Track:   QRATrack{Waypoints: []QRATrackPoint{{LatDeg: 55.3, LonDeg: 20.5}}},
	}
	for _, c := range []struct {
		transit, pick string
		pk            catalog.Pick
		speed         float64
	}{
		{"", "", catalog.PickCentral, ty.At("transit_speed_kms", catalog.PickCentral)},
		{QRATransitMax, "", catalog.PickCentral, ty.At("max_speed_mach", catalog.PickCentral) * atmos.At(11000).SoundSpeed / 1e3},
		{QRATransitCruise, "high", catalog.PickHigh, ty.At("cruise_speed_kms", catalog.PickHigh)},
	} {
		r.Fighter.Transit, r.Fighter.Pick = c.transit, c.pick
		got, err := QRAIntercepts(r)
		if err != nil {
			t.Fatal(err)
		}
		o := got.Results[0]
		if math.Abs(o.TransitSpeedKms-c.speed) > 1e-12 || o.ScrambleMin != ty.At("scramble_time_min", c.pk) ||
			o.ClimbMin != ty.At("climb_time_s", c.pk)/60 || math.Abs(o.ClimbKm-ty.At("climb_time_s", c.pk)*ty.At("climb_ground_speed_kms", c.pk)) > 1e-9 ||
			o.ClimbAltM != ty.At("climb_alt_m", c.pk) {
			t.Errorf("QRAIntercepts(Typhoon, transit %q, pick %q) = %+v; want %g km/s and the catalog timeline", c.transit, c.pick, o, c.speed)
		}
	}
	r.Fighter = QRAFighter{Aircraft: "F-16"}
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), `"F-16" has no climb_time_s; give fighter.climb_time_s`) {
		t.Errorf("Validate(F-16 without a catalog climb) = %v, want the field to give", err)
	}
}

func TestQRAValidate(t *testing.T) {
	r := QRARequest{
		Bases:    []QRABase{{Name: "a", LatDeg: 91}, {Name: "a", ScrambleMin: -3}},
		Fighter:  QRAFighter{Aircraft: "PAC-3 MSE", Transit: "afterburner", Pick: "best"},
		Track:    QRATrack{Waypoints: []QRATrackPoint{{LatDeg: 55, LonDeg: 20, SpeedKms: 0}, {LatDeg: 56, LonDeg: 21}}, Line: &QRALine{}},
		AlertMin: -1,
	}
	err := r.Validate()
	if err == nil {
		t.Fatalf("%+v.Validate() = nil, want errors", r)
	}
	for _, want := range []string{
		`fighter.pick: "best" is not allowed; allowed: low, central, high`,
		`fighter.transit: "afterburner" is not allowed; allowed: sustained, cruise, max`,
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
		"fighter: neither aircraft nor transit_speed_kms given",
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
		Fighter: QRAFighter{TransitSpeedKms: 0.25},
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
		if o := qraIntercept(&res.track, "Šiauliai", 55.89*qraDeg, 23.4*qraDeg, res.scramble[0], res.fighter, 0); !o.Intercepted {
			b.Fatal("no intercept")
		}
	}
}

// TestQRATimelineHand checks the quick-reaction timeline against a hand
// calculation: airborne after the scramble τ, a climb of t_c covering
// v_c·t_c of ground, then a transit at v_t. A stationary target at d is
// reached at T = τ + t_c + (d − v_c·t_c)/v_t. The Typhoon's catalog
// central values (Baltic Air Policing: airborne within 15 min, AP
// 2021-07-08; 35,000 ft in 2 min 30 s, RAF display figures; supercruise
// 0.357 km/s from the Spanish Air Force's A Coruña–Murcia figure) and a
// target 150 km north of Šiauliai on its meridian give
// T = 15 + 2.5 + (150 − 37.5)/0.357/60 = 22.752 min. A target flying
// toward the base at u from d0 is met after the climb at
// T = (d0 + v_t(τ + t_c) − v_c·t_c)/(v_t + u), and during the climb at
// T = (d0 + v_c·τ)/(v_c + u).
func TestQRATimelineHand(t *testing.T) {
	// 150 km north of 55.89°N on the 24°E meridian (meridianKm inverts the
	// geodesic); the latitude is found by bisection to 1 mm.
	lat := 55.89
	for lo, hi := 55.89, 58.0; hi-lo > 1e-8; {
		lat = (lo + hi) / 2
		if meridianKm(55.89, lat) < 150 {
			lo = lat
		} else {
			hi = lat
		}
	}
	r := QRARequest{
		Bases:   []QRABase{{Name: "Šiauliai", LatDeg: 55.89, LonDeg: 24}},
		Fighter: QRAFighter{Aircraft: "Eurofighter Typhoon"},
		Track:   QRATrack{Waypoints: []QRATrackPoint{{LatDeg: lat, LonDeg: 24, AltM: 8000}}},
	}
	got, err := QRAIntercepts(r)
	if err != nil {
		t.Fatal(err)
	}
	// handTolMin: the target's latitude is placed to 1 mm of 150 km.
	const handTolMin = 1e-6
	if o := got.Results[0]; !o.Intercepted || math.Abs(o.TimeMin-(17.5+112.5/0.357/60)) > handTolMin ||
		o.ScrambleMin != 15 || o.ClimbMin != 2.5 || o.ClimbKm != 37.5 || o.TransitSpeedKms != 0.357 {
		t.Errorf("QRAIntercepts(Typhoon, 150 km) = %+v; want 22.752 min after 15 min scramble, 2.5 min climb over 37.5 km, 0.357 km/s", o)
	}

	// Moving targets on the meridian, explicit fighter: τ 600 s, t_c 120 s,
	// v_c 200 m/s, v_t 400 m/s; target toward the base at u = 200 m/s.
	const tau, tc, vc, vt, u = 600.0, 120.0, 200.0, 400.0, 200.0
	for _, c := range []struct {
		name string
		lat0 float64
		want func(d0 float64) float64
	}{
		{"after the climb", 58, func(d0 float64) float64 { return (d0 + vt*(tau+tc) - vc*tc) / (vt + u) }},
		{"during the climb", 55.89 + 1.2, func(d0 float64) float64 { return (d0 + vc*tau) / (vc + u) }},
	} {
		d0 := meridianKm(55.89, c.lat0) * 1e3
		want := c.want(d0)
		r := QRARequest{
			Bases:   []QRABase{{Name: "base", LatDeg: 55.89, LonDeg: 24, ScrambleMin: tau / 60}},
			Fighter: QRAFighter{TransitSpeedKms: vt / 1e3, ClimbTimeS: tc, ClimbGroundSpeedKms: vc / 1e3},
			Track:   QRATrack{Line: &QRALine{LatDeg: c.lat0, LonDeg: 24, AltM: 8000, CourseDeg: 180, SpeedKms: u / 1e3, DurationMin: 120}},
		}
		got, err := QRAIntercepts(r)
		if err != nil {
			t.Fatal(err)
		}
		o := got.Results[0]
		inClimb := want-tau < tc
		if !o.Intercepted || math.Abs(o.TimeMin-want/60) > qraTimeTolMin || inClimb != (c.name == "during the climb") {
			t.Errorf("QRAIntercepts(%s) = %.6f min, want %.6f min (in the climb: %v)", c.name, o.TimeMin, want/60, inClimb)
		}
	}
}

// TestTyphoonTransitFromSource re-derives the catalog's central Typhoon
// transit speed from its source: the Spanish Air Force's "under 40
// minutes" at supercruise from A Coruña (43.37°N, 8.40°W) to Murcia
// (37.99°N, 1.13°W), 856 km on the WGS-84 geodesic, is 0.357 km/s; the
// 26 min "at maximum capacity" is 0.549 km/s.
func TestTyphoonTransitFromSource(t *testing.T) {
	// roundTol: the catalog gives the speeds to 1 m/s.
	const roundTol = 0.0005
	ty, err := catalog.Lookup("Eurofighter Typhoon")
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := geo.WGS84.Inverse(43.37*qraDeg, -8.40*qraDeg, 37.99*qraDeg, -1.13*qraDeg)
	for _, c := range []struct {
		pick catalog.Pick
		min  float64
	}{{catalog.PickCentral, 40}, {catalog.PickHigh, 26}} {
		want := s / 1e3 / (c.min * 60)
		if got := ty.At("transit_speed_kms", c.pick); math.Abs(got-want) > roundTol {
			t.Errorf("Typhoon transit_speed_kms at %v = %g, want %.4f (%.1f km in %g min)", c.pick, got, want, s/1e3, c.min)
		}
	}
}

// qraMoverTolM is how far the air-policing track may lie from the engine's
// aircraft mover flown through the same waypoints, m: both are the same
// flight.Path geodesics; a multi-leg Path and one Path per leg differ only
// in the rounding of the distance along the route (far below a millimetre).
const qraMoverTolM = 1e-3

// TestQRATrackIsEngineMover checks that question 9 flies its target with
// the engine's aircraft mover: the resolved track of a multi-leg request
// at constant speed and height is, at every time, where flight.NewFlight
// (what the engine flies aircraft threats with) puts an aircraft through
// the same waypoints.
func TestQRATrackIsEngineMover(t *testing.T) {
	w := []QRATrackPoint{
		{LatDeg: 59.9, LonDeg: 27.5, AltM: 9000, SpeedKms: 0.25},
		{LatDeg: 59.6, LonDeg: 23.0, AltM: 9000, SpeedKms: 0.25},
		{LatDeg: 57.5, LonDeg: 20.0, AltM: 9000, SpeedKms: 0.25},
		{LatDeg: 55.0, LonDeg: 20.3, AltM: 9000},
	}
	req := QRARequest{Bases: []QRABase{{Name: "b", LatDeg: 55.9, LonDeg: 23.4, ScrambleMin: 15}},
		Fighter: QRAFighter{TransitSpeedKms: 0.357}, Track: QRATrack{Waypoints: w}}
	res, err := req.resolve()
	if err != nil {
		t.Fatal(err)
	}
	var wps []geo.LLA
	for _, p := range w {
		wps = append(wps, geo.LLADeg(p.LatDeg, p.LonDeg, p.AltM))
	}
	mv, err := flight.NewFlight(geo.WGS84, flight.Aircraft{Speed: 250, Alt: 9000}, wps, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if d := math.Abs(res.track.end - mv.End()); d > 1e-6 {
		t.Errorf("track ends at %.9g s, the mover at %.9g s", res.track.end, mv.End())
	}
	for ts := 0.0; ts <= res.track.end; ts += 97 {
		lat, lon, alt := res.track.at(ts)
		want := mv.At(ts).LLA
		s, _, _ := geo.WGS84.Inverse(lat, lon, want.Lat, want.Lon)
		if s > qraMoverTolM || alt != want.Alt {
			t.Errorf("t = %g s: track at %.9f, %.9f, %g m; mover at %.9f, %.9f, %g m (%.3g m apart)",
				ts, lat/(math.Pi/180), lon/(math.Pi/180), alt, want.Lat/(math.Pi/180), want.Lon/(math.Pi/180), want.Alt, s)
		}
	}
}
