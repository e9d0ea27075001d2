package intercept

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// TestAirEnvelopeFromCatalog checks each air envelope value against its
// catalog source (catalog/data/interceptors.yaml): max_range_air_km,
// min_intercept_alt_air_km (else min_intercept_alt_km),
// max_intercept_alt_km and pk, at every pick. The exo-atmospheric
// interceptors have no air envelope.
func TestAirEnvelopeFromCatalog(t *testing.T) {
	type band [3]float64 // low, central, high
	cases := []struct {
		name                  string
		rangeKm, minKm, maxKm band
		pk, burnoutKms, burnS band
	}{
		// PAC-3 MSE: max_range_air_km 60/80/120 (assumption "against
		// aircraft"), min_intercept_alt_km 0.03/0.05/0.1, max 20/25/40, pk
		// 0.5/0.7/0.9 ("against TBMs/cruise missiles").
		{"PAC-3 MSE", band{60, 80, 120}, band{0.03, 0.05, 0.1}, band{20, 25, 40}, band{0.5, 0.7, 0.9}, band{1.3, 1.5, 1.8}, band{12, 15, 18}},
		// PAC-2 GEM-T: 70/100/160 km ("open sources quote 70-160 km").
		{"PAC-2 GEM-T", band{70, 100, 160}, band{0.05, 0.1, 0.3}, band{15, 20, 24}, band{0.3, 0.5, 0.8}, band{1.5, 1.7, 1.9}, band{10, 12, 14}},
		// 48N6DM: 200/250/250 km (pd-2013-s400, sputnik-2018-china-s400);
		// min_intercept_alt_air_km 0.01/0.01/0.1 (assumption).
		{"48N6DM", band{200, 250, 250}, band{0.01, 0.01, 0.1}, band{25, 30, 56}, band{0.3, 0.5, 0.8}, band{1.8, 2.0, 2.2}, band{10, 12, 14}},
		// 40N6: 380/400/400 km (sofrep-2019-40n6, domainb-2007-s400).
		{"40N6", band{380, 400, 400}, band{0.01, 0.01, 0.1}, band{25, 30, 185}, band{0.3, 0.5, 0.8}, band{1.9, 2.2, 2.6}, band{13, 15, 17}},
	}
	picks := []catalog.Pick{catalog.PickLow, catalog.PickCentral, catalog.PickHigh}
	const tol = 1e-9 // relative: the values are copied, not computed
	near := func(got, want float64) bool { return math.Abs(got-want) <= tol*math.Abs(want) }
	for _, c := range cases {
		for k, p := range picks {
			a := interceptor(t, c.name, p).Air
			if a == nil {
				t.Fatalf("%s: no air envelope", c.name)
			}
			for _, v := range []struct {
				what      string
				got, want float64
			}{
				{"max range", a.MaxRange, c.rangeKm[k] * 1e3},
				{"min alt", a.MinAlt, c.minKm[k] * 1e3},
				{"max alt", a.MaxAlt, c.maxKm[k] * 1e3},
				{"pk", a.PkSSP(), c.pk[k]},
				{"burnout speed", a.BurnoutSpeed, c.burnoutKms[k] * 1e3},
			} {
				if !near(v.got, v.want) {
					t.Errorf("%s %v %s = %g, want %g", c.name, p, v.what, v.got, v.want)
				}
			}
			// Staged entries burn for the sum of their stages, which the
			// catalog gives as burn_time_s per stage.
			if !near(a.BurnTime, c.burnS[k]) {
				t.Errorf("%s %v burn time = %g, want %g", c.name, p, a.BurnTime, c.burnS[k])
			}
		}
	}
	for _, name := range []string{"SM-3 IB", "SM-3 IIA", "GBI"} {
		if a := interceptor(t, name, catalog.PickCentral).Air; a != nil {
			t.Errorf("%s has an air envelope %+v; the catalog gives no max_range_air_km", name, a)
		}
	}
}

// TestAirFlyoutTimeline checks the closed-form engagement timeline of a
// constant-velocity target against values computed by hand, for an
// interceptor with burnout speed v = 1000 m/s after a t_b = 10 s burn
// (s(τ) = 50 τ² in the burn, 1000 (τ − 5) after).
func TestAirFlyoutTimeline(t *testing.T) {
	a := &AirEnvelope{BurnoutSpeed: 1000, BurnTime: 10, MaxFlyout: 200, MaxRange: 200e3, MaxAlt: 30e3}
	const tolS = 1e-9 // s: closed form and a 60-step bisection of a 10 s burn
	for _, c := range []struct {
		name string
		D, V r3.Vec
		want float64
	}{
		// Head-on in the coast: 1000 (τ − 5) = 50000 − 250 τ → τ = 44 s.
		{"head-on coast", r3.Vec{X: 50e3}, r3.Vec{X: -250}, 44},
		// Head-on in the burn: 50 τ² = 3000 − 250 τ → τ² + 5τ − 60 = 0,
		// τ = (−5 + √265)/2 = 5.6394 s.
		{"head-on burn", r3.Vec{X: 3e3}, r3.Vec{X: -250}, (-5 + math.Sqrt(265)) / 2},
		// Crossing in the coast: 40 km away, 300 m/s across:
		// 1e6 (τ − 5)² = 1.6e9 + 9e4 τ² → 9.1e5 τ² − 1e7 τ − 1.575e9 = 0,
		// τ = (1e7 + √(1e14 + 4·9.1e5·1.575e9)) / (2·9.1e5).
		{"crossing coast", r3.Vec{X: 40e3}, r3.Vec{Y: 300}, (1e7 + math.Sqrt(1e14+4*9.1e5*1.575e9)) / (2 * 9.1e5)},
		// Receding at 250 m/s from 20 km: 1000 (τ − 5) = 20000 + 250 τ →
		// τ = 25000/750 = 33.33 s.
		{"tail chase", r3.Vec{X: 20e3}, r3.Vec{X: 250}, 25000.0 / 750},
	} {
		got, ok := a.AirFlyout(c.D, c.V)
		if !ok || math.Abs(got-c.want) > tolS {
			t.Errorf("%s: τ = %.12g (%v), want %.12g", c.name, got, ok, c.want)
		}
	}
	// A target receding faster than the interceptor is never caught.
	if tau, ok := a.AirFlyout(r3.Vec{X: 20e3}, r3.Vec{X: 1500}); ok {
		t.Errorf("receding at 1.5 km/s: caught at %g s", tau)
	}
}

// TestAirPIPTimeline checks AirPIP's launch, intercept time and point for a
// target flying straight at the launcher (the head-on case of
// TestAirFlyoutTimeline, in ECEF above a site), and its shortfalls.
func TestAirPIPTimeline(t *testing.T) {
	a := &AirEnvelope{BurnoutSpeed: 1000, BurnTime: 10, MaxFlyout: 200, MaxRange: 200e3, MinAlt: 0, MaxAlt: 30e3}
	site := geo.LLADeg(54.7, 25.3, 0)
	enu := geo.WGS84.NewENU(site)
	// The target is 50 km east of the site at 1 km up the local vertical at
	// t0 = 100 s, flying west at 250 m/s; launched at 100 s, the
	// interceptor meets it 44 s later, 39 km east (straight lines in ECEF).
	pos := enu.ToECEF(r3.Vec{X: 50e3, Z: 0})
	vel := enu.Unrotate(r3.Vec{X: -250})
	x, sf := a.AirPIP(site, pos, vel, 100, 100)
	const tolS, tolM = 1e-9, 1e-6 // s, m: closed form in double precision
	if sf != AirFeasible || math.Abs(x.T-144) > tolS || math.Abs(x.FlyoutTime-44) > tolS || x.Launch != 100 {
		t.Fatalf("intercept %+v (%v), want launch 100 s, intercept 144 s", x, sf)
	}
	if want := enu.ToECEF(r3.Vec{X: 39e3}); r3.Norm(r3.Sub(x.Pos, want)) > tolM {
		t.Errorf("intercept point %v, want %v (39 km east)", x.Pos, want)
	}
	if math.Abs(x.ClosingSpeed-1250) > 1e-6 {
		t.Errorf("closing speed %g, want 1250 m/s", x.ClosingSpeed)
	}
	// Launched 10 s later, from 47.5 km: 1000 (τ − 5) = 47500 − 250 τ →
	// τ = 42 s.
	if x, _ := a.AirPIP(site, pos, vel, 100, 110); math.Abs(x.FlyoutTime-42) > tolS {
		t.Errorf("launch at 110 s: flyout %g s, want 42 s", x.FlyoutTime)
	}
	short := *a
	short.MaxRange = 30e3
	if _, sf := short.AirPIP(site, pos, vel, 100, 100); sf != AirTooFar {
		t.Errorf("max range 30 km: shortfall %v, want AirTooFar", sf)
	}
	high := *a
	high.MinAlt = 1e3 // the intercept point at 39 km along the chord is ~120 m up
	if _, sf := high.AirPIP(site, pos, vel, 100, 100); sf != AirTooLow {
		t.Errorf("min alt 1 km: shortfall %v, want AirTooLow", sf)
	}
	quick := *a
	quick.MaxFlyout = 30
	if _, sf := quick.AirPIP(site, pos, vel, 100, 100); sf != AirTooLong {
		t.Errorf("max flyout 30 s: shortfall %v, want AirTooLong", sf)
	}
}

// TestAirFlyoutBoundsFlown checks the claim of AirFlyoutDistance that its
// flyout times are lower bounds: wherever the 3-DOF flyout envelope
// (drag, gravity, the gravity-turn steering of flyout.go) reaches a point,
// the air model's straight-line time to it is no longer. At long range the
// bound is loose (40N6 at 250 km: 121 s against 211 s flown), which makes
// the air engagements' timing optimistic for the defense.
func TestAirFlyoutBoundsFlown(t *testing.T) {
	for _, name := range []string{"PAC-3 MSE", "PAC-2 GEM-T", "48N6DM", "40N6"} {
		ic := interceptor(t, name, catalog.PickCentral)
		env, err := ic.Envelope()
		if err != nil {
			t.Fatal(err)
		}
		a := ic.Air
		reached := 0
		for _, g := range []float64{10e3, 20e3, 40e3, 80e3, 150e3, 250e3} {
			for _, h := range []float64{1e3, 6e3, 12e3} {
				flown := env.TimeTo(g, h)
				if math.IsInf(flown, 1) {
					continue
				}
				reached++
				tau, ok := a.AirFlyout(r3.Vec{X: g, Z: h}, r3.Vec{})
				if !ok || tau > flown {
					t.Errorf("%s to %.0f km, %.0f km up: air flyout %.1f s (%v), flown %.1f s; want no longer", name, g/1e3, h/1e3, tau, ok, flown)
				}
			}
		}
		if reached == 0 {
			t.Errorf("%s: the flown envelope reaches none of the points", name)
		}
	}
}

// TestAirHomingReach checks R = ½ Δv · SeekerRange / closing by hand for
// PAC-3 MSE at its central divert_mps 200 and seeker_acquisition_range_km
// 10: at 1250 m/s closing, t_go = 8 s and R = 800 m, within the boost too
// (no cap at the coast time). PAC-2 GEM-T has no divert figure: no limit.
func TestAirHomingReach(t *testing.T) {
	const tolM = 1e-9 // m: arithmetic only
	pac3 := interceptor(t, "PAC-3 MSE", catalog.PickCentral)
	if r := pac3.AirHomingReach(1250); math.Abs(r-800) > tolM {
		t.Errorf("PAC-3 MSE reach at 1250 m/s = %g m, want 800", r)
	}
	if r := pac3.HomingReach(1250, 10); r != 0 {
		t.Errorf("PAC-3 MSE ballistic reach 10 s after launch (in the burn) = %g, want 0: the cap AirHomingReach lifts", r)
	}
	if r := interceptor(t, "PAC-2 GEM-T", catalog.PickCentral).AirHomingReach(1250); !math.IsInf(r, 1) {
		t.Errorf("PAC-2 GEM-T reach = %g, want +Inf (no divert figure)", r)
	}
}
