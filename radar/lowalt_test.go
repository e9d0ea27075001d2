package radar

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Tolerances of the low-altitude tests.
const (
	// skolnikRuleTol: the rule R ≈ 4.12 (√ha + √ht) km has its
	// coefficient rounded to 3 digits (0.1 %) and takes a mean Earth of
	// 6,370 km; LineOfSight's sphere is the ellipsoid's osculating one in
	// the path's azimuth, within 0.5 % of it at 55°N, which moves the
	// range by half that.
	skolnikRuleTol = 5e-3
	// edgeBisectM is the width at which the bisection of an edge stops, m.
	edgeBisectM = 1.0
	// clutterSNRTol: the SNR in clutter is the clear-sky SNR over the
	// loss, one division apart.
	clutterSNRTol = 1e-12
)

// lowSite is the ground point of the low-altitude tests: the Baltic coast.
var lowSite = geo.LLADeg(55, 21, 0)

// lowRadar builds the catalog radar name at lowSite (central pick) with
// its boresight to the east.
func lowRadar(t *testing.T, name string) *Radar {
	t.Helper()
	e, err := catalog.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := FromCatalog(e, catalog.PickCentral, lowSite, math.Pi/2)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// eastAt returns the ECEF position at ground distance s (m) east of
// lowSite at height h (m).
func eastAt(s, h float64) r3.Vec {
	lat, lon, _ := geo.WGS84.Direct(lowSite.Lat, lowSite.Lon, math.Pi/2, s)
	return geo.WGS84.ToECEF(geo.LLA{Lat: lat, Lon: lon, Alt: h})
}

// edge bisects the ground distance (m) in [lo, hi] at which ok turns
// from true to false.
func edge(lo, hi float64, ok func(s float64) bool) float64 {
	for i := 0; i < 200 && hi-lo > edgeBisectM; i++ {
		m := (lo + hi) / 2
		if ok(m) {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// TestLowFlierHorizonSkolnik: a radar whose antenna is 20 m up sees a 5 m
// sea-skimmer out to R ≈ 4.12 (√20 + √5) = 27.6 km, the 4/3-Earth rule
// (Skolnik, Introduction to Radar Systems, 3rd ed., ch. 8: d = √(2·k·a·h),
// k·a = 8,500 km, as 4.12 √h km for h in m), within skolnikRuleTol. The
// radar's look (Observe) turns from visible to below the horizon there:
// the engine's sensing uses the antenna height.
func TestLowFlierHorizonSkolnik(t *testing.T) {
	r := lowRadar(t, "AN/MPQ-65")
	r.Site.Alt, r.MinEl = 20, -math.Pi/180 // the horizon alone: the target lies below the antenna
	if err := r.Init(); err != nil {
		t.Fatal(err)
	}
	const ht = 5.0
	got := edge(1e3, 60e3, func(s float64) bool { return r.Observe(eastAt(s, ht), 1).Visibility != BelowHorizon })
	want := 4.12e3 * (math.Sqrt(20) + math.Sqrt(ht))
	t.Logf("20 m antenna vs 5 m target: horizon at %.2f km ground range (rule %.2f km)", got/1e3, want/1e3)
	if math.Abs(got-want) > skolnikRuleTol*want {
		t.Errorf("horizon at %.2f km, want %.2f km within %g", got/1e3, want/1e3, skolnikRuleTol)
	}
}

// TestAntennaHeightFromCatalog: FromCatalog stands the antenna the
// entry's antenna_height_m above the site, at each pick, and an entry
// without one at the site.
func TestAntennaHeightFromCatalog(t *testing.T) {
	for _, c := range []struct {
		name string
		want [3]float64 // low, central, high picks
	}{
		{"AN/MPQ-65", [3]float64{3, 4, 5}},
		{"92N6E", [3]float64{5, 7, 39}},
		{"AN/APY-2", [3]float64{8840, 9000, 9140}},
		{"Shmel-M", [3]float64{8000, 9000, 10000}},
		{"AN/TPY-2", [3]float64{0, 0, 0}},
	} {
		e, err := catalog.Lookup(c.name)
		if err != nil {
			t.Fatal(err)
		}
		for i, pk := range []catalog.Pick{catalog.PickLow, catalog.PickCentral, catalog.PickHigh} {
			site := geo.LLADeg(55, 21, 12)
			r, err := FromCatalog(e, pk, site, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Site.Alt - site.Alt; got != c.want[i] || AntennaHeight(e, pk) != c.want[i] {
				t.Errorf("%s at pick %v: antenna %g m above the site, want %g", c.name, pk, got, c.want[i])
			}
		}
	}
}

// TestAWACSLowFlier checks the E-3's AN/APY-2 at its station 9 km up
// against the published figure: it detects low-flying aircraft at over
// 400 km (armyrecognition via topky.sk, 2025; Ares Difesa, 2025: about
// 400 km, aircraft and helicopters also at low altitude; catalog
// sources armyrecognition-2025-e3, aresdifesa-2025-e3). A 100 m flier of
// the entry's reference cross section (5 m², an assumption) is detected
// with Pd ≥ 0.9 both inside the surface horizon (391 km), seen against
// the surface in clutter, and at 400 km, beyond it and above the radar
// horizon. The horizon against a 30 m flier is the 4/3-Earth rule's
// 4.12 (√9000 + √30) = 413 km; a ground Patriot radar (4 m mast) sees the
// same 30 m flier only to 4.12 (√4 + √30) = 30.8 km.
func TestAWACSLowFlier(t *testing.T) {
	const publishedKm = 400.0
	e3 := lowRadar(t, "AN/APY-2")
	if e3.Site.Alt != 9000 {
		t.Fatalf("E-3 antenna at %g m, want its 9,000 m station", e3.Site.Alt)
	}
	for _, c := range []struct {
		slantKm float64
		clutter bool
	}{{385, true}, {publishedKm, false}} {
		s := edge(300e3, 450e3, func(s float64) bool {
			_, _, rn := e3.enu.AzElRange(eastAt(s, 100))
			return rn <= c.slantKm*1e3
		})
		p := eastAt(s, 100)
		o := e3.Observe(p, 5)
		if o.Visibility != Visible || e3.InClutter(p) != c.clutter || o.Pd < 0.9 {
			t.Errorf("E-3 vs 5 m², 100 m flier at %.0f km slant: %v, in clutter %v, Pd %.3f; want visible, in clutter %v, Pd ≥ 0.9",
				o.Range/1e3, o.Visibility, e3.InClutter(p), o.Pd, c.clutter)
		}
	}
	for _, c := range []struct {
		r    *Radar
		ha   float64
		what string
	}{{e3, 9000, "E-3 at 9 km"}, {lowRadar(t, "AN/MPQ-65"), 4, "MPQ-65 on a 4 m mast"}} {
		r := *c.r
		r.MinEl = -math.Pi / 2 // the horizon alone
		if err := r.Init(); err != nil {
			t.Fatal(err)
		}
		got := edge(1e3, math.Min(600e3, r.MaxRange), func(s float64) bool { return r.Observe(eastAt(s, 30), 1).Visibility == Visible })
		want := 4.12e3 * (math.Sqrt(c.ha) + math.Sqrt(30))
		t.Logf("%s vs 30 m flier: horizon %.1f km (rule %.1f km)", c.what, got/1e3, want/1e3)
		if math.Abs(got-want) > skolnikRuleTol*want {
			t.Errorf("%s vs 30 m flier: horizon %.1f km, want %.1f km within %g", c.what, got/1e3, want/1e3, skolnikRuleTol)
		}
	}
}

// TestLowFlierMinElevation: the lowest beam of a raised antenna is
// steered to the horizon's dip (FromCatalogHeight), so at the central
// pick (MPQ-65: min_elevation_deg 0, 4 m antenna) a 30 m flier stays
// within the beams out to its 4/3-Earth horizon, 4.12 (√4 + √30) =
// 30.8 km; at the pessimistic pick (1° above the dip, a 3 m antenna) it
// is lost where its apparent elevation, to first order
// (ht − ha)/s − s/(2·re), falls below 1° − dip: at
// s = re·(√((θ − d)² + 2(ht − ha)/re) − (θ − d)) = 1.6 km.
func TestLowFlierMinElevation(t *testing.T) {
	// minElTol: the first-order elevation drops terms of order s/re and
	// (ht/s)³, and the sphere is the ellipsoid's osculating one (0.5 %).
	const minElTol = 5e-3
	r := lowRadar(t, "AN/MPQ-65")
	if d := HorizonDip(4); r.MinEl != -d || r.Site.Alt != 4 {
		t.Fatalf("MPQ-65: min elevation %g rad, antenna %g m; want −dip %g and 4", r.MinEl, r.Site.Alt, -d)
	}
	got := edge(1e3, 100e3, func(s float64) bool { return r.Observe(eastAt(s, 30), 1).Visibility == Visible })
	want := 4.12e3 * (math.Sqrt(4) + math.Sqrt(30))
	if math.Abs(got-want) > skolnikRuleTol*want {
		t.Errorf("central pick: 30 m flier visible to %.2f km, want its horizon %.2f km", got/1e3, want/1e3)
	}
	e, err := catalog.Lookup("AN/MPQ-65")
	if err != nil {
		t.Fatal(err)
	}
	lo, err := FromCatalog(e, catalog.PickLow, lowSite, math.Pi/2)
	if err != nil {
		t.Fatal(err)
	}
	got = edge(100, 60e3, func(s float64) bool { return lo.Observe(eastAt(s, 30), 1).Visibility != BelowMinEl })
	re := RefractionK * EarthRadius
	th := lo.MinEl // 1° − dip(3 m)
	want = re * (math.Sqrt(th*th+2*(30-lo.Site.Alt)/re) - th)
	t.Logf("pessimistic pick: 30 m flier below the lowest beam from %.3f km (first order %.3f km)", got/1e3, want/1e3)
	if math.Abs(got-want) > minElTol*want {
		t.Errorf("pessimistic pick: below min elevation from %.3f km, want %.3f km within %g", got/1e3, want/1e3, minElTol)
	}
}

// TestClutterGeometry checks the clutter model's two conditions and the
// loss: the surface horizon of a 4 m antenna is 4.12·√4 = 8.24 km (the
// rule, within skolnikRuleTol); a 30 m flier is in clutter at 5 km, not at
// 15 km (the surface there is beyond the horizon) nor at 5 km and 1 km
// up (more than half a beamwidth above the surface); from the E-3 a
// 100 m flier at 300 km is in clutter, an airliner at 9 km is not; and
// Observe's SNR in clutter is the clear SNR over ClutterLoss.
func TestClutterGeometry(t *testing.T) {
	mpq := lowRadar(t, "AN/MPQ-65")
	if got, want := mpq.SurfaceHorizon(), 4.12e3*2; math.Abs(got-want) > skolnikRuleTol*want {
		t.Errorf("surface horizon of a 4 m antenna %.2f km, want %.2f", got/1e3, want/1e3)
	}
	e3 := lowRadar(t, "AN/APY-2")
	for _, c := range []struct {
		r    *Radar
		s, h float64
		want bool
	}{
		{mpq, 5e3, 30, true}, {mpq, 15e3, 30, false}, {mpq, 5e3, 1000, false},
		{e3, 300e3, 100, true}, {e3, 300e3, 9000, false},
	} {
		if got := c.r.InClutter(eastAt(c.s, c.h)); got != c.want {
			t.Errorf("%s: target %g km out, %g m up: in clutter %v, want %v", c.r.Name, c.s/1e3, c.h, got, c.want)
		}
	}
	p := eastAt(5e3, 30)
	clear := *mpq
	clear.ClutterLoss = 0
	if err := clear.Init(); err != nil {
		t.Fatal(err)
	}
	in, out := mpq.Observe(p, 1), clear.Observe(p, 1)
	if in.Visibility != Visible || math.Abs(in.SNR*mpq.ClutterLoss/out.SNR-1) > clutterSNRTol {
		t.Errorf("SNR in clutter %g, clear %g, loss %g: want clear/loss", in.SNR, out.SNR, mpq.ClutterLoss)
	}
	if want := FromDB(5); math.Abs(mpq.ClutterLoss/want-1) > clutterSNRTol {
		t.Errorf("MPQ-65 clutter loss %g, want the catalog's 5 dB (%g)", mpq.ClutterLoss, want)
	}
}

// TestLookClutterSNR: Look and LookInSight see the clutter loss as
// Observe does: a detection's single-pulse SNR is Observe's.
func TestLookClutterSNR(t *testing.T) {
	r := lowRadar(t, "AN/MPQ-65")
	p := eastAt(5e3, 30)
	want := r.Observe(p, 0.01).SNR
	rng := rand.New(rand.NewPCG(1, 2))
	for name, look := range map[string]func() (Detection, bool){
		"Look":        func() (Detection, bool) { return r.Look(0, p, 0.01, rng) },
		"LookInSight": func() (Detection, bool) { return r.LookInSight(0, p, 0.01, rng) },
	} {
		found := false
		for range 1000 {
			if d, ok := look(); ok {
				found = true
				if math.Abs(d.SNR/want-1) > clutterSNRTol {
					t.Errorf("%s: SNR %g, Observe's %g", name, d.SNR, want)
				}
				break
			}
		}
		if !found {
			t.Errorf("%s: no detection in 1000 looks at Pd %g", name, r.Observe(p, 0.01).Pd)
		}
	}
}

// TestClutterLossValidated: Init refuses a clutter loss below 1 (a gain).
func TestClutterLossValidated(t *testing.T) {
	r := lowRadar(t, "AN/MPQ-65")
	r.ClutterLoss = 0.5
	if err := r.Init(); err == nil {
		t.Error("clutter loss 0.5 accepted")
	}
}

// TestA50AirTargets checks the A-50U's Shmel-M at a 9 km station against
// its maker's claim of air targets at up to 650 km (Vega via The National
// Interest, 2021; catalog ni-2021-a50u): a 10 m² aircraft (the catalog's
// assumed reference target) 10 km up, 640 km away in slant range, is above
// the horizon (4.12 (√9000 + √10000) = 803 km), out of clutter, and
// detected with Pd ≥ 0.9.
func TestA50AirTargets(t *testing.T) {
	r := lowRadar(t, "Shmel-M")
	s := edge(500e3, 700e3, func(s float64) bool {
		_, _, rn := r.enu.AzElRange(eastAt(s, 10e3))
		return rn <= 640e3
	})
	p := eastAt(s, 10e3)
	if o := r.Observe(p, 10); o.Visibility != Visible || r.InClutter(p) || o.Pd < 0.9 {
		t.Errorf("Shmel-M vs 10 m² at 10 km, %.0f km slant: %v, in clutter %v, Pd %.3f; want visible, clear, Pd ≥ 0.9",
			o.Range/1e3, o.Visibility, r.InClutter(p), o.Pd)
	}
}
