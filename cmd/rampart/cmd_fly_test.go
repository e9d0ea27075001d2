package main

import (
	"strings"
	"testing"
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

// --burnout-alt-km was silently ignored; the model starts at the surface,
// so any other altitude is refused.
func TestFlyBurnoutAltRefused(t *testing.T) {
	code, _, errs := rampart(t, "fly", "--from", "0,0", "--to", "0,10", "--burnout-alt-km", "50")
	if code != exitBadInput || !strings.Contains(errs, "--burnout-alt-km 50") || !strings.Contains(errs, "allowed: 0 km") {
		t.Errorf("fly --burnout-alt-km 50 = %d, %q; want exit %d naming the flag, value and allowed value", code, errs, exitBadInput)
	}
	if code, _, errs := rampart(t, "fly", "--from", "0,0", "--to", "0,10", "--burnout-alt-km", "0"); code != exitOK {
		t.Errorf("fly --burnout-alt-km 0 = %d, %q; want exit 0", code, errs)
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
