package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func radarJSONDoc(t *testing.T, args ...string) map[string]any {
	t.Helper()
	code, out, errs := rampart(t, append([]string{"radar", "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("rampart radar %q = exit %d, stderr %q", args, code, errs)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("rampart radar %q: %v\n%s", args, err, out)
	}
	return doc
}

func num(t *testing.T, doc map[string]any, key string) float64 {
	t.Helper()
	v, ok := doc[key].(float64)
	if !ok {
		t.Fatalf("JSON lacks %q: %v", key, doc)
	}
	return v
}

// TestRadarMATLABExamples reproduces the worked examples of MATLAB's
// radareqpow (Phased Array System Toolbox documentation): 219.96 kW at
// 1 GHz, 1 µs, 20 dB gain, 290 K, 1 m², no loss gives 6 dB at 50 km; and
// 2,280.9 kW at 10 GHz, 1 µs, 30 dB, 300 K, 3 dB loss, 0.5 m² gives
// 10 dB at 50 km. The printed powers have 5 digits, hence the tolerances.
func TestRadarMATLABExamples(t *testing.T) {
	const (
		snrTol   = 5e-4 // dB
		rangeTol = 0.01 // km: 5e-5 relative power is 1.25e-5 in range
	)
	doc := radarJSONDoc(t, "--freq-ghz", "1", "--peak-power-kw", "219.96", "--pulse-us", "1",
		"--gain-db", "20", "--noise-temp-k", "290", "--loss-db", "0", "--rcs-m2", "1", "--range-km", "50")
	if got := num(t, doc, "snr_db"); math.Abs(got-6) > snrTol {
		t.Errorf("snr_db = %g, want 6 (MATLAB radareqpow example 1)", got)
	}
	doc = radarJSONDoc(t, "--freq-ghz", "10", "--peak-power-kw", "2280.9", "--pulse-us", "1",
		"--tx-gain-db", "30", "--rx-gain-db", "30", "--noise-temp-k", "300", "--loss-db", "3", "--rcs-m2", "0.5",
		"--required-snr-db", "10")
	if got := num(t, doc, "max_range_km"); math.Abs(got-50) > rangeTol {
		t.Errorf("max_range_km = %g, want 50 (MATLAB radareqpow example 2)", got)
	}
}

// TestRadarRequiredSNR: Pd 0.9, Pfa 1e-6, one pulse: 13.18 dB steady
// (sdr.min_snr), 21.14 dB Swerling 1 (closed form).
func TestRadarRequiredSNR(t *testing.T) {
	const tol = 1e-3 // dB; JSON carries 4 decimals
	for sw, want := range map[string]float64{"0": 13.1835, "1": 21.1436} {
		doc := radarJSONDoc(t, "--pd", "0.9", "--pfa", "1e-6", "--swerling", sw)
		if got := num(t, doc, "required_snr_db"); math.Abs(got-want) > tol {
			t.Errorf("swerling %s: required_snr_db = %g, want %g", sw, got, want)
		}
	}
}

// TestRadarHorizon: 4.12·√h km for a 30 m antenna and a sea-level target
// (4/3 Earth) is 22.6 km.
func TestRadarHorizon(t *testing.T) {
	doc := radarJSONDoc(t, "--height-m", "30")
	if got := num(t, doc, "horizon_km"); math.Abs(got-22.57) > 0.05 {
		t.Errorf("horizon_km = %g, want 22.57", got)
	}
}

// TestRadarCatalogAntennaHeight: with --radar, the horizon is from the
// catalog antenna_height_m unless --height-m is given: the E-3's AN/APY-2
// at its 9 km station against a 30 m flier, 4.12 (√9000 + √30) = 413.4 km
// (the rule to 0.2 %); the MPQ-65's 4 m antenna, 4.12 (√4 + √30) = 30.8 km.
func TestRadarCatalogAntennaHeight(t *testing.T) {
	const ruleTol = 5e-3 // the rule's 3-digit coefficient and h/(2re) terms
	for _, c := range []struct {
		args []string
		want float64
	}{
		{[]string{"--radar", "AN/APY-2", "--target-alt-km", "0.03"}, 4.12 * (math.Sqrt(9000) + math.Sqrt(30))},
		{[]string{"--radar", "AN/MPQ-65", "--target-alt-km", "0.03"}, 4.12 * (math.Sqrt(4) + math.Sqrt(30))},
		{[]string{"--radar", "AN/MPQ-65", "--target-alt-km", "0.03", "--height-m", "0"}, 4.12 * math.Sqrt(30)},
	} {
		doc := radarJSONDoc(t, c.args...)
		if got := num(t, doc, "horizon_km"); math.Abs(got-c.want) > ruleTol*c.want {
			t.Errorf("rampart radar %q: horizon_km = %g, want %.1f", c.args, got, c.want)
		}
	}
}

func TestRadarJSONFields(t *testing.T) {
	for _, c := range []struct {
		args       []string
		want, none []string
	}{
		{nil, []string{"required_snr_db", "max_range_km"}, []string{"snr_db", "pd", "horizon_km"}},
		{[]string{"--range-km", "80"}, []string{"snr_db", "pd"}, []string{"required_snr_db", "max_range_km", "horizon_km"}},
		{[]string{"--range-km", "80", "--pd", "0.8"}, []string{"snr_db", "pd", "required_snr_db", "max_range_km"}, []string{"horizon_km"}},
		{[]string{"--required-snr-db", "13"}, []string{"max_range_km"}, []string{"snr_db", "required_snr_db", "horizon_km"}},
		{[]string{"--target-alt-km", "10"}, []string{"horizon_km"}, []string{"snr_db", "max_range_km"}},
		{[]string{"--radar", "AN/TPY-2", "--rcs-m2", "0.01"}, []string{"required_snr_db", "max_range_km"}, nil},
		{[]string{"--pulses", "10", "--coherent", "--swerling", "4", "--range-km", "100"}, []string{"snr_db", "pd"}, nil},
	} {
		doc := radarJSONDoc(t, c.args...)
		if _, ok := doc["inputs"].(map[string]any); !ok {
			t.Errorf("%q: no inputs object", c.args)
		}
		for _, k := range c.want {
			if _, ok := doc[k].(float64); !ok {
				t.Errorf("%q: JSON lacks %s: %v", c.args, k, doc)
			}
		}
		for _, k := range c.none {
			if _, ok := doc[k]; ok {
				t.Errorf("%q: JSON has %s", c.args, k)
			}
		}
	}
	// More pulses need less SNR each.
	one := num(t, radarJSONDoc(t, "--pd", "0.9"), "required_snr_db")
	ten := num(t, radarJSONDoc(t, "--pd", "0.9", "--pulses", "10"), "required_snr_db")
	if !(ten < one) {
		t.Errorf("required SNR with 10 pulses %g ≥ one pulse %g", ten, one)
	}
}

func TestRadarText(t *testing.T) {
	code, out, errs := rampart(t, "radar", "--range-km", "100", "--height-m", "20")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"SNR at 100 km", "Pd there", "radar horizon", "Swerling 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestRadarBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"--peak-power-kw", "-1"},
		{"--peak-power-kw", "0"},
		{"--freq-ghz", "NaN"},
		{"--pulse-us", "-2"},
		{"--rcs-m2", "0"},
		{"--noise-temp-k", "-10"},
		{"--loss-db", "-3"},
		{"--range-km", "-5"},
		{"--pd", "1"},
		{"--pd", "1.2"},
		{"--pd", "0"},
		{"--pd", "1e-7", "--pfa", "1e-6"},
		{"--pfa", "0"},
		{"--pfa", "1"},
		{"--pfa", "-0.1"},
		{"--swerling", "5"},
		{"--swerling", "-1"},
		{"--pulses", "0"},
		{"--pulses", "-4"},
		{"--pulses", "10000000"},
		{"--gain-db", "30", "--tx-gain-db", "30"},
		{"--gain-db", "30", "--rx-gain-db", "30"},
		{"--required-snr-db", "13", "--pd", "0.9"},
		{"--required-snr-db", "Inf"},
		{"--height-m", "-1"},
		{"--radar", "Zzyzx"},
		{"--radar", "RS-24"},
		{"--radar", "TPY-2", "--pick", "median"},
		{"--pd", "0.9999999999999999"},
		{"extra-arg"},
	} {
		code, _, errs := rampart(t, append([]string{"radar"}, args...)...)
		if code != exitBadInput {
			t.Errorf("rampart radar %q = exit %d, want %d (stderr %q)", args, code, exitBadInput, errs)
		}
		if errs == "" || strings.Contains(errs, "goroutine") {
			t.Errorf("rampart radar %q stderr = %q, want one message", args, errs)
		}
	}
}

// Values whose results cannot be finite are refused with exit 2, naming the
// flag, the value and the allowed range, in text and JSON mode (issue 11:
// they ended in "json: unsupported value: +Inf", exit 1, or "+Inf" text).
func TestRadarRefusesNonFiniteResults(t *testing.T) {
	for _, c := range []struct{ flag, want string }{
		{"range-km", "allowed: 0.001 to 50000 km"},
		{"rcs-m2", "allowed: 1e-06 to 1e+06 m²"},
		{"height-m", "allowed: 0 to 100000 m"},
		{"target-alt-km", "allowed: 0 to 5000 km"},
		{"pulse-us", "allowed: 1e-06 to 1e+06 µs"},
		{"freq-ghz", "allowed: 0.001 to 1000 GHz"},
		{"noise-temp-k", "allowed: 1 to 1e+06 K"},
		{"peak-power-kw", "allowed: 1e-06 to 1e+09 kW"},
	} {
		for _, mode := range [][]string{{"--json"}, nil} {
			args := append([]string{"radar", "--range-km", "100", "--" + c.flag, "1e308"}, mode...)
			code, _, errs := rampart(t, args...)
			if code != exitBadInput || !strings.Contains(errs, "--"+c.flag+" 1e+308 is out of range") || !strings.Contains(errs, c.want) {
				t.Errorf("rampart %v = %d, %q; want exit %d naming the flag, value and %q", args, code, errs, exitBadInput, c.want)
			}
		}
	}
	// All flags at their limits at once still give finite results.
	for _, args := range [][]string{
		{"--peak-power-kw", "1e-6", "--pulse-us", "1e-6", "--rcs-m2", "1e-6", "--tx-gain-db", "-300", "--rx-gain-db", "-300", "--freq-ghz", "1000", "--noise-temp-k", "1e6", "--loss-db", "300", "--required-snr-db", "300", "--range-km", "50000"},
		{"--peak-power-kw", "1e9", "--pulse-us", "1e6", "--rcs-m2", "1e6", "--tx-gain-db", "300", "--rx-gain-db", "300", "--freq-ghz", "0.001", "--noise-temp-k", "1", "--loss-db", "0", "--required-snr-db", "-300", "--range-km", "0.001", "--height-m", "100000", "--target-alt-km", "5000"},
	} {
		if code, _, errs := rampart(t, append([]string{"radar", "--json"}, args...)...); code != exitOK {
			t.Errorf("radar %v = %d, %q; want exit 0", args, code, errs)
		}
	}
	for _, flag := range []string{"freq-ghz", "noise-temp-k", "range-km", "peak-power-kw", "pulse-us", "rcs-m2"} {
		if code, _, errs := rampart(t, "radar", "--json", "--range-km", "100", "--"+flag, "1e-300"); code != exitBadInput {
			t.Errorf("radar --%s 1e-300 = %d, %q; want exit %d", flag, code, errs, exitBadInput)
		}
	}
}

// TestRadarCatalogDwellEnergy: a catalog radar's look is printed as its
// dwell energy, not as a peak power it does not have (SPY-1D(V) was shown
// at "peak 36540 kW"; issue 12 review). 913.5 J = 36,540 kW × 25 µs.
func TestRadarCatalogDwellEnergy(t *testing.T) {
	code, out, errs := rampart(t, "radar", "--radar", "AN/SPY-1D(V)")
	if code != exitOK {
		t.Fatalf("rampart radar --radar AN/SPY-1D(V) = %d: %s", code, errs)
	}
	first, _, _ := strings.Cut(out, "\n")
	if !strings.Contains(first, "dwell energy 913.5 J") || strings.Contains(first, "peak 36540") {
		t.Errorf("first line %q; want the dwell energy 913.5 J and no peak power", first)
	}
}
