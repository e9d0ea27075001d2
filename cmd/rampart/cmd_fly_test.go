package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// A fly command line with several bad flags gets the same message every
// time (issue 11: the flags were checked in map order).
func TestFlyBadFlagsDeterministic(t *testing.T) {
	args := []string{"fly", "--from", "0,0", "--to", "0,10", "--apogee-km", "-1", "--burnout-alt-km", "-1", "--burnout-angle-deg", "100", "--profile", "bogus"}
	code, _, first := rampart(t, args...)
	if code != exitBadInput || !strings.Contains(first, "--apogee-km -1 is out of range; allowed: greater than 0, at most 5000 km") {
		t.Fatalf("rampart %v = %d, %q; want exit %d naming --apogee-km -1", args, code, first, exitBadInput)
	}
	for i := 0; i < 20; i++ {
		if _, _, errs := rampart(t, args...); errs != first {
			t.Fatalf("run %d: %q; first run: %q", i, errs, first)
		}
	}
}

// --burnout-alt-km was accepted and ignored (issue 12: 0 and 1,282.7 km
// gave the same output); it now starts the burnout-state flight at that
// altitude, is refused out of range, and is refused with --missile.
func TestFlyBurnoutAlt(t *testing.T) {
	base := []string{"fly", "--from", "0,0", "--to", "0,30"}
	_, at0, _ := rampart(t, base...)
	code, high, errs := rampart(t, append(base, "--burnout-alt-km", "1282.7")...)
	if code != exitOK || high == at0 || !strings.Contains(high, "1282.7 km altitude") {
		t.Errorf("fly --burnout-alt-km 1282.7 = %d, %q %q; want a different flight, burnout at 1282.7 km", code, high, errs)
	}
	for _, v := range []string{"-1", "5001", "NaN", "+Inf"} {
		code, _, errs := rampart(t, append(base, "--burnout-alt-km", v)...)
		if code != exitBadInput || !strings.Contains(errs, "--burnout-alt-km "+v+" is out of range; allowed: 0 to 5000 km") {
			t.Errorf("fly --burnout-alt-km %s = %d, %q; want exit %d with the range", v, code, errs, exitBadInput)
		}
	}
	code, _, errs = rampart(t, "fly", "--from", "Tabriz", "--to", "Ankara", "--missile", "Shahab-3", "--burnout-alt-km", "100")
	if code != exitBadInput || !strings.Contains(errs, "--burnout-alt-km applies only to a burnout-state flight") {
		t.Errorf("fly --missile --burnout-alt-km = %d, %q; want exit %d: applies only without --missile", code, errs, exitBadInput)
	}
}

// flyTextbookTol is the agreement of fly's ideal-Earth min-energy flight
// with the Kepler minimum-energy arc: the aim solver's angle bracket
// (1e-4 rad) and 1 m miss (flight.TestBurnoutAltitudeMaximumRangeBMW
// measures 1e-8 in speed and 1.2e-4 in flight time).
const flyTextbookTol = 3e-4

// fly --burnout-alt-km on the textbook Earth flies the minimum-energy
// Kepler arc from that altitude to the ground: flight.MinEnergyArc, which
// reduces to Bate, Mueller & White (1971) §6.2 for equal radii and is
// checked against it in the flight package.
func TestFlyBurnoutAltTextbook(t *testing.T) {
	const altKm, lonDeg = 477.8, 60.0 // 258 nm, as in BMW Example 6.2-1
	code, out, errs := rampart(t, "fly", "--from", "0,0", "--to", "0,60", "--burnout-alt-km", "477.8", "--earth", "sphere", "--no-rotation", "--no-drag", "--json")
	if code != exitOK {
		t.Fatalf("fly = %d, %q", code, errs)
	}
	var doc struct {
		BurnoutSpeedKms float64 `json:"burnout_speed_kms"`
		BurnoutAngleDeg float64 `json:"burnout_angle_deg"`
		FlightTimeS     float64 `json:"flight_time_s"`
		BurnoutAltKm    float64 `json:"burnout_alt_km"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("fly --json: %v\n%s", err, out)
	}
	r1 := geo.SphereRadius + altKm*1e3
	arc := flight.MinEnergyArc(geo.SphereGM, r1, geo.SphereRadius, lonDeg*math.Pi/180)
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"burnout altitude, km", doc.BurnoutAltKm, altKm},
		{"burnout speed, km/s", doc.BurnoutSpeedKms, arc.Speed / 1e3},
		{"burnout angle, °", doc.BurnoutAngleDeg, arc.Angle * 180 / math.Pi},
		{"flight time, s", doc.FlightTimeS, arc.TimeOfFlight()},
	} {
		if math.Abs(c.got-c.want) > flyTextbookTol*math.Abs(c.want) {
			t.Errorf("fly from %g km: %s = %.6g, want %.6g (Kepler minimum-energy arc)", altKm, c.what, c.got, c.want)
		}
	}
}

// A burnout speed at or above escape speed says so, at the surface and at
// the burnout altitude, and the model's messages name fly's flags, not the
// scenario's fields (burnout_speed_kms).
func TestFlyEscapeSpeedAndFlagWords(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--burnout-speed-kms", "11.5"}, "--burnout-speed-kms 11.5: above escape speed (11.2 km/s at the surface)"},
		{[]string{"--burnout-speed-kms", "10.5", "--burnout-alt-km", "1282.7"}, "--burnout-speed-kms 10.5: above escape speed (10.2 km/s at the burnout altitude of 1283 km; 11.2 km/s at the surface)"},
		{[]string{"--burnout-speed-kms", "10.9"}, "--burnout-speed-kms 10.9: with the Earth's rotation the inertial speed toward the east reaches 11.37 km/s, above escape speed"},
		{[]string{"--profile", "lofted", "--burnout-angle-deg", "89"}, "--burnout-angle-deg 89: no ballistic arc reaches the aim point at this angle"},
		{[]string{"--profile", "lofted", "--apogee-km", "10"}, "--apogee-km 10: not reachable on the lofted branch"},
	} {
		code, _, errs := rampart(t, append([]string{"fly", "--from", "0,0", "--to", "0,30"}, c.args...)...)
		if code != exitBadInput || !strings.Contains(errs, c.want) {
			t.Errorf("fly %v = %d, %q; want exit %d with %q", c.args, code, errs, exitBadInput, c.want)
		}
		if strings.Contains(errs, "_k") || strings.Contains(errs, "_deg") || strings.ContainsAny(errs, "{}") {
			t.Errorf("fly %v: %q names a scenario field or dumps a Go value", c.args, errs)
		}
	}
}

// Issue 12 §2 review: --burnout-speed-kms 11.1 was refused as "less than 11
// km/s (below escape speed)" though escape speed is 11.2 km/s; --to at the
// launch point said "flight: aim = 0°N 0°E 0 m"; a quasi-ballistic shot out
// of reach suggested --burnout-angle-deg, which fly refuses with it.
func TestFlyReviewMessages(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
		not  string
	}{
		{[]string{"--from", "0,0", "--to", "0,30", "--burnout-speed-kms", "11.1"}, "below escape speed (11.2 km/s at the surface) but above the 11 km/s that rampart flies", ""},
		{[]string{"--from", "0,0", "--to", "0,0", "--burnout-speed-kms", "3"}, "--to 0,0 is the launch point", "aim ="},
		{[]string{"--from", "Kaliningrad", "--to", "Vilnius", "--missile", "Iskander-M", "--profile", "quasi-ballistic"},
			"beyond the maximum range of the quasi-ballistic profile with a 50 km apogee: aim 307 km, maximum 26", "--burnout-angle-deg"},
	} {
		code, _, errs := rampart(t, append([]string{"fly"}, c.args...)...)
		if code != exitBadInput || !strings.Contains(errs, c.want) || (c.not != "" && strings.Contains(errs, c.not)) {
			t.Errorf("fly %v = %d, %q; want exit %d with %q and without %q", c.args, code, errs, exitBadInput, c.want, c.not)
		}
	}
	// Kaunas (218 km) and Redzikowo (222 km) are inside the quasi-ballistic
	// reach: before, both exited 2 ("misses by 0.0034 km").
	for _, to := range []string{"Kaunas", "Redzikowo"} {
		code, out, errs := rampart(t, "fly", "--from", "Kaliningrad", "--to", to, "--missile", "Iskander-M", "--profile", "quasi-ballistic")
		if code != 0 || !strings.Contains(out, "apogee        50.0 km") {
			t.Errorf("fly quasi-ballistic Kaliningrad → %s = %d, %q %q; want a hit at the 50 km apogee", to, code, out, errs)
		}
	}
}

// An out-of-range --apogee-km is refused, as a scenario's apogee_km is.
func TestFlyApogeeRange(t *testing.T) {
	for _, v := range []string{"0", "6000", "+Inf", "NaN"} {
		code, _, errs := rampart(t, "fly", "--from", "0,0", "--to", "0,10", "--profile", "lofted", "--apogee-km", v)
		if code != exitBadInput || !strings.Contains(errs, "--apogee-km") || !strings.Contains(errs, "allowed: greater than 0, at most 5000 km") {
			t.Errorf("fly --apogee-km %s = %d, %q; want exit %d with the range", v, code, errs, exitBadInput)
		}
	}
}

// A burnout-state flight out of reach is named, not left blank.
func TestFlyOutOfReachNamed(t *testing.T) {
	code, _, errs := rampart(t, "fly", "--from", "0,0", "--to", "0,10", "--burnout-speed-kms", "3")
	if code != exitBadInput || !strings.Contains(errs, "fly: the burnout-state flight cannot reach the aim point") {
		t.Errorf("fly out of reach = %d, %q; want exit %d naming the burnout-state flight", code, errs, exitBadInput)
	}
}

// TestFlyTextNoNegativeZero: a burnout-state flight from the ground prints
// its burnout altitude as 0.0 km, not -0.0 km (issue 12 review).
func TestFlyTextNoNegativeZero(t *testing.T) {
	code, out, errs := rampart(t, "fly", "--from", "Kozelsk", "--to", "Washington")
	if code != exitOK {
		t.Fatalf("rampart fly = %d: %s", code, errs)
	}
	if strings.Contains(out, "-0.0 ") || !strings.Contains(out, "and 0.0 km altitude") {
		t.Errorf("output has a negative zero or lacks the 0.0 km burnout altitude:\n%s", out)
	}
}

// TestFlyAimAtLaunchPoint: an aim point within 1 km of the launch point
// is refused by fly's own message (the distance is found in radians,
// as geo's Inverse takes them, not in degrees, which gave NaN).
func TestFlyAimAtLaunchPoint(t *testing.T) {
	code, _, errs := rampart(t, "fly", "--from", "54.71,20.51", "--to", "54.7105,20.51", "--missile", "Iskander-M")
	if code != exitBadInput || !strings.Contains(errs, "is the launch point") || !strings.Contains(errs, "56 m away") {
		t.Errorf("fly to 56 m away = %d, %q; want exit 2, 'is the launch point (… 56 m away)'", code, errs)
	}
}
