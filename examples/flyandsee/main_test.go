package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/radar"
)

func TestRunWritesBothMissiles(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"Radar: AN/SPY-1D(V) at Redzikowo",
		"Iskander-M (ballistic, minimum energy)",
		"first detected at",
		"9M729 (cruise",
		"never detected",
		"below the 4/3-Earth horizon",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// The facts the report states, checked against physics computed here
// independently of the flight and radar code.
func TestPhysics(t *testing.T) {
	sc, err := simulate()
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Watches) != 2 {
		t.Fatalf("%d flights, want 2", len(sc.Watches))
	}
	r := sc.Radar
	re := r.RefractionK * radar.EarthRadius
	chord, _, _ := geo.WGS84.Inverse(sc.Launch.Lat, sc.Launch.Lon, sc.Aim.Lat, sc.Aim.Lon)
	// The radar is ~222 km from Kaliningrad (the catalog's coordinates).
	if d := sc.LaunchToRadarM / 1e3; d < 215 || d > 230 {
		t.Errorf("Kaliningrad is %.1f km from Redzikowo, want 215–230", d)
	}

	t.Run("Iskander-M", func(t *testing.T) {
		w := sc.Watches[0]
		if !w.Ballistic || w.Missile != "Iskander-M" {
			t.Fatalf("first flight is %s (ballistic %v)", w.Missile, w.Ballistic)
		}
		if math.Abs(w.GroundRange-chord) > 1e3 {
			t.Errorf("ground range %.1f km, geodesic launch–aim %.1f km", w.GroundRange/1e3, chord/1e3)
		}
		// A minimum-energy shot of ~280 km: Kepler's free flight takes about
		// 2·v·sinγ/g ≈ 4 min, plus the boost.
		if w.FlightTime < 200 || w.FlightTime > 350 {
			t.Errorf("flight time %.0f s, want 200–350", w.FlightTime)
		}
		// Flat-Earth minimum energy: the apogee is a quarter of the range.
		if q := w.Apogee / (w.GroundRange / 4); q < 0.9 || q > 1.3 {
			t.Errorf("apogee %.1f km is %.2f × range/4", w.Apogee/1e3, q)
		}
		if !w.Detected {
			t.Fatal("the radar never detects the Iskander-M")
		}
		if w.First.Phase != flight.Boost || w.First.T <= 0 || w.First.T > 30 {
			t.Errorf("first detection at t = %.0f s (%v), want during boost, after launch", w.First.T, w.First.Phase)
		}
		if w.Before.detected() || w.Before.T != w.First.T-step {
			t.Errorf("the look before the first detection (t = %.0f s) is %+v", w.Before.T, w.Before)
		}
		// The first detection is limited by the 0.5° minimum elevation: on
		// the 4/3 Earth the target must be d·tan(El) + d²/(2·k·R) above the
		// antenna's tangent plane. Both looks bracket that height to within
		// one second of climb.
		hNeed := func(l look) float64 {
			return r.Site.Alt + l.Ground*math.Tan(r.MinEl) + l.Ground*l.Ground/(2*re)
		}
		if w.Before.Vis != radar.BelowMinEl {
			t.Errorf("before the first detection: %v, want %v", w.Before.Vis, radar.BelowMinEl)
		}
		if h := hNeed(w.First); w.First.Alt < h-100 || w.Before.Alt > h+100 {
			t.Errorf("min-elevation height %.2f km not between %.2f km (t = %.0f) and %.2f km (t = %.0f)",
				h/1e3, w.Before.Alt/1e3, w.Before.T, w.First.Alt/1e3, w.First.T)
		}
		// The line of sight opens before the elevation limit is passed, at
		// the height where the horizon range reaches the radar.
		if !w.InSight || w.FirstLOS.T <= 0 || w.FirstLOS.T > w.First.T {
			t.Errorf("line of sight first clear at t = %.0f s (in sight %v), first detection at %.0f s", w.FirstLOS.T, w.InSight, w.First.T)
		}
		if h := radar.HorizonRange(r.Site.Alt, w.FirstLOS.Alt, re); h < 0.99*w.FirstLOS.Ground {
			t.Errorf("in sight at %.1f km ground distance with a horizon range of %.1f km", w.FirstLOS.Ground/1e3, h/1e3)
		}
		// After burnout the RV is lost either where the radar equation says
		// Pd falls to 0.5, R = (constant·σ/SNR₀.₅)^¼, or, with the SPY-1's
		// catalog range (470 km against 1 m², issue 12), where it descends
		// below the 0.5° minimum elevation first: the same height rule as
		// the first detection.
		snr, err := r.Detector.RequiredSNR(detectPd)
		if err != nil {
			t.Fatal(err)
		}
		rcs, err := radar.RCSBand(mustLookup(t, "Iskander-M"), false)
		if err != nil {
			t.Fatal(err)
		}
		rmax := r.Equation.MaxRange(rcs.Central, snr)
		switch {
		case w.After.T == 0:
			t.Fatal("the RV is never lost")
		case w.After.Vis == radar.BelowMinEl:
			if h := hNeed(w.After); w.After.Alt > h+100 || w.After.Range > rmax {
				t.Errorf("lost below the minimum elevation at %.2f km altitude, %.1f km range; the elevation rule needs %.2f km, the radar equation reaches %.1f km",
					w.After.Alt/1e3, w.After.Range/1e3, h/1e3, rmax/1e3)
			}
		case w.After.Vis == radar.Visible && w.After.Pd < detectPd:
			if math.Abs(w.After.Range/rmax-1) > 0.01 {
				t.Errorf("lost at %.1f km slant range; the radar equation gives %.1f km", w.After.Range/1e3, rmax/1e3)
			}
		default:
			t.Fatalf("the RV is lost for neither SNR nor elevation: %+v", w.After)
		}
		if w.Last.Range > rmax || w.Last.T >= w.After.T {
			t.Errorf("last detection at %.1f km (t = %.0f s), beyond %.1f km or after the loss", w.Last.Range/1e3, w.Last.T, rmax/1e3)
		}
		if w.Detections <= 0 || w.Detections > w.Looks {
			t.Errorf("%d detections in %d looks", w.Detections, w.Looks)
		}
	})

	t.Run("9M729", func(t *testing.T) {
		w := sc.Watches[1]
		if w.Ballistic || w.Missile != "9M729" {
			t.Fatalf("second flight is %s (ballistic %v)", w.Missile, w.Ballistic)
		}
		if w.Speed < 220 || w.Speed > 280 {
			t.Errorf("cruise speed %.0f m/s, want the catalog's 220–280", w.Speed)
		}
		if math.Abs(w.FlightTime*w.Speed/chord-1) > 0.01 {
			t.Errorf("flight time %.0f s at %.0f m/s for %.1f km", w.FlightTime, w.Speed, chord/1e3)
		}
		if w.Detected || w.Detections != 0 || w.InSight {
			t.Errorf("the 9M729 is detected (%d of %d looks) or in sight (%v)", w.Detections, w.Looks, w.InSight)
		}
		// Never seen because of the horizon: 4.12 (√ha + √ht) km, heights in m.
		approx := 4.12 * (math.Sqrt(r.Site.Alt) + math.Sqrt(w.Closest.Alt)) * 1e3
		if math.Abs(w.Horizon/approx-1) > 0.01 {
			t.Errorf("horizon %.1f km, rule of thumb %.1f km", w.Horizon/1e3, approx/1e3)
		}
		if w.Closest.Ground < 2*w.Horizon || w.Closest.LOS {
			t.Errorf("closest approach %.1f km with a horizon of %.1f km (line of sight %v)", w.Closest.Ground/1e3, w.Horizon/1e3, w.Closest.LOS)
		}
	})
}

func mustLookup(t *testing.T, name string) catalog.Entry {
	t.Helper()
	e, err := catalog.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
