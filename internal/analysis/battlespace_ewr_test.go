package analysis

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/radar"
)

// The early-warning chain of question 2: the upgraded early-warning radar
// (AN/FPS-132 UEWR) at RAF Fylingdales watches the routes from western
// Russia to North America over Scandinavia and the Norwegian Sea. Its
// catalog entry reaches its claimed 4,800 km ("up to 3,000 miles", DoD IG
// 2024) against a 1 m² target (radar.TestCatalogRangeClaims).

// ewrDetectTolS is the allowed difference between the model's first
// detection by the Fylingdales UEWR and the prediction of the textbook
// geometry below, s. The model (radar.Observe, covSample) takes the
// WGS-84 geodesic and the osculating sphere in the path's azimuth, the
// check a mean sphere of 6,371 km and haversine distances: about 0.3 % in
// radius, which moves the 3° elevation crossing of a target rising at
// 1-2 km/s, or the range crossing of one closing at 3-5 km/s, by a few
// seconds (measured: 0.2-1.8 s); the model's first sighting is bisected
// to 0.01 s (covTimeTol), the prediction scanned every 0.1 s.
const ewrDetectTolS = 5.0

// ewrFylingdales is the Fylingdales UEWR as a chain radar, with the link
// latency of the scenario (redzikowo-icbm.yaml).
var ewrFylingdales = ChainRadar{RadarSite: RadarSite{Radar: "AN/FPS-132 UEWR (three-face)", At: Location{Place: "Fylingdales"}}, LatencyS: 10}

// ewrPredictDetect returns the first time (s from the epoch) at which the
// textbook effective-Earth geometry puts trajectory tj inside the
// coverage of a radar at site with elevation limits minEl..maxEl (rad),
// catalog detection range rng (m) against reference RCS ref (m²) and
// instrumented range maxR (m): the elevation of the target over the
// 4/3 Earth, tan E = (cos ψ − ra/rt)/sin ψ with ψ = s/(k·R), ra = k·R + ha,
// rt = k·R + ht (Skolnik, Introduction to Radar Systems, 3rd ed., §8.2;
// Doerry, Sandia SAND2013-9394, 2013), and the R⁻⁴ scaling of the
// detection range with the target's RCS, R = rng·(σ/ref)^¼. The slant
// range is the straight line on the true sphere.
func ewrPredictDetect(tj *Trajectory, site geo.LLA, minEl, maxEl, rng, ref, maxR, dt float64) float64 {
	const R = 6371e3
	re := radar.RefractionK * R
	t0, t1 := tj.flight.Span()
	for t := t0; t <= t1; t += dt {
		st := tj.flight.At(t)
		p := geo.WGS84.ToGeodetic(st.Pos)
		dlat, dlon := p.Lat-site.Lat, p.Lon-site.Lon
		a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(site.Lat)*math.Cos(p.Lat)*math.Sin(dlon/2)*math.Sin(dlon/2)
		s := 2 * R * math.Asin(math.Sqrt(a))
		psi := s / re
		ra, rt := re+site.Alt, re+p.Alt
		el := math.Atan2(math.Cos(psi)-ra/rt, math.Sin(psi))
		ta, tt := R+site.Alt, R+p.Alt
		slant := math.Sqrt(ta*ta + tt*tt - 2*ta*tt*math.Cos(s/R))
		det := math.Min(maxR, rng*math.Pow(tj.rcs(st.Phase)/ref, 0.25))
		if el >= minEl && el <= maxEl && slant <= det {
			return t
		}
	}
	return math.NaN()
}

// TestEWRFylingdalesDetectsRS24: the Fylingdales UEWR first detects an
// RS-24 from Kozelsk toward Washington and New York when the textbook
// geometry says it should: above its 3° minimum elevation over the
// 4/3 Earth and inside its catalog range scaled to the target's RCS, to
// within ewrDetectTolS. With the catalog RV (0.01 m²) the range decides
// (4,800 km × 0.01^¼ ≈ 1,520 km); with a 0.1 m² RV (the catalog's high
// end, nearer its UHF size) the horizon does on the min-energy paths.
// Both come after the missile's burnout: from Fylingdales, 2,450 km from
// Kozelsk, the boost stays below the radar horizon, so the UEWR track can
// never commit an interceptor before the ballistic path begins.
func TestEWRFylingdalesDetectsRS24(t *testing.T) {
	fams := []Family{
		{Missile: "RS-24 Yars", LaunchSite: "Kozelsk", Aim: "Washington DC", Profiles: []string{"min-energy", "depressed"}},
		{Missile: "RS-24 Yars", LaunchSite: "Kozelsk", Aim: "New York", Profiles: []string{"min-energy", "depressed"}},
	}
	trajs, err := FlyFamilies(fams, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := ewrFylingdales.Build(catalog.PickCentral)
	if err != nil {
		t.Fatal(err)
	}
	e := mustLookup(t, ewrFylingdales.Radar)
	rng, ref, maxR := e.Central("range_km")*1e3, e.Central("range_rcs_m2"), e.Central("instrumented_range_km")*1e3
	minEl, maxEl := e.Central("min_elevation_deg")*math.Pi/180, e.Central("max_elevation_deg")*math.Pi/180
	site := placeLLA(mustLookup(t, "Fylingdales"))
	horizonLimited := 0
	for _, rv := range []float64{0, 0.1} {
		for i := range trajs {
			tj := trajs[i]
			if rv > 0 {
				tj.rcsRV = rv
			}
			sc := covSample(r, &tj, DefaultCoveragePd, DefaultPathStepS, true)
			if !sc.seen {
				t.Errorf("%s (RV %g m²): Fylingdales never detects it (closest look: %s)", tj.Name, tj.rcsRV, sc.closestLimit)
				continue
			}
			want := ewrPredictDetect(&tj, site, minEl, maxEl, rng, ref, maxR, 0.1)
			ob := sc.firstObs
			launch := tj.flight.LaunchTime
			t.Logf("%s, RV %g m²: detected %.1f s after launch (predicted %.1f s), %.0f km slant, elevation %.2f°, %.0f km up; burnout %.0f s",
				tj.Name, tj.rcsRV, sc.first-launch, want-launch, ob.Range/1e3, ob.ApparentEl*180/math.Pi, geo.WGS84.ToGeodetic(sc.firstState.Pos).Alt/1e3, tj.flight.BurnoutTime-launch)
			if math.IsNaN(want) || math.Abs(sc.first-want) > ewrDetectTolS {
				t.Errorf("%s (RV %g m²): first detection %.1f s after launch, want %.1f s ± %g (4/3-Earth horizon and catalog range)", tj.Name, tj.rcsRV, sc.first-launch, want-launch, ewrDetectTolS)
			}
			if !(sc.first > tj.flight.BurnoutTime) {
				t.Errorf("%s (RV %g m²): detected at %.1f s, before the burnout at %.1f s; the boost is below Fylingdales' horizon", tj.Name, tj.rcsRV, sc.first-launch, tj.flight.BurnoutTime-launch)
			}
			if math.Abs(ob.ApparentEl-minEl) < 0.05*math.Pi/180 {
				horizonLimited++
			}
		}
	}
	if horizonLimited == 0 {
		t.Error("no detection at the 3° elevation limit; want the 0.1 m² RV on the min-energy paths to be horizon-limited")
	}
}

// TestEWRChainCommitNeedsDivert: the Fylingdales UEWR alone, its track the
// fire-control source (launch on remote, 10 s link), commits an
// interceptor from Redzikowo against the RS-24 Kozelsk → Washington only
// where its track predicts the intercept point within the kill vehicle's
// divert: SM-3 IIB flown at 9 km/s (range and altitude limits lifted, as
// in the burnout sweep) commits with R ≥ 2.15 σ; the same interceptor
// with a 1 m/s divert never does though its battle space is the same; the
// IIB at its own flown speed has no battle space once the UEWR track is
// firm.
func TestEWRChainCommitNeedsDivert(t *testing.T) {
	req := bsRequest([]string{"Kozelsk"}, []string{"Washington DC"}, []string{"min-energy"})
	req.Interceptors, req.Sites = []string{"SM-3 IIB"}, req.Sites[:1]
	req.Cueings = []Cueing{{Kind: CueChain, Radars: []ChainRadar{ewrFylingdales}}}
	req.Sweep.Off = true
	if err := req.Validate(); err != nil {
		t.Fatal(err)
	}
	trajs, err := FlyFamilies(req.Families, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := newBSRun(req, catalog.PickCentral)
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := ewrFylingdales.Build(catalog.PickCentral)
	if err != nil {
		t.Fatal(err)
	}
	tj := &trajs[0]
	launch := tj.flight.LaunchTime
	rs, lat := req.Cueings[0].chainRadars(nil, []*radar.Radar{r})
	ct := buildChain(rs, lat, math.NaN(), tj, DefaultCoveragePd, b.dt, nil)
	if len(ct.ests) == 0 {
		t.Fatalf("Fylingdales UEWR vs %s: no ballistic estimate (%s)", tj.Name, ct.why)
	}
	t.Logf("%s: cue %.1f s, firm %.1f s after launch", tj.Name, ct.cue-launch, ct.firm-launch)
	site := placeLLA(mustLookup(t, "Redzikowo"))

	own := b.commit(b.ics[0], site, tj, &ct, 0)
	t.Logf("SM-3 IIB as flown: commit %v: %s", own.ok, own.why)
	if own.ok || !strings.Contains(own.why, "no battle space") {
		t.Errorf("SM-3 IIB as flown under the UEWR chain: commit %v (%s), want no battle space", own.ok, own.why)
	}

	fast := b.interceptorAt(0, 9000)
	ok := b.commit(fast, site, tj, &ct, 0)
	t.Logf("SM-3 IIB at 9 km/s: commit %v at %.1f s, σ %.0f m, reach %.0f m", ok.ok, ok.decision-launch, ok.sigma, ok.reach)
	if !ok.ok {
		t.Fatalf("SM-3 IIB at 9 km/s under the UEWR chain: no commit (%s), want one", ok.why)
	}
	if !(ok.reach >= commitRatio*ok.sigma) || !(ok.decision >= ct.firm) {
		t.Errorf("committed at %.1f s (firm %.1f s) with reach %.0f m against %.2f × σ %.0f m", ok.decision-launch, ct.firm-launch, ok.reach, commitRatio, ok.sigma)
	}

	weak := b.tmpl[0].WithBurnout(9000)
	weak.MaxRange, weak.MaxAlt = math.Inf(1), math.Inf(1)
	weak.Divert = 1 // m/s
	no := b.commit(weak, site, tj, &ct, 0)
	t.Logf("9 km/s, 1 m/s divert: commit %v, σ %.0f m, reach %.0f m: %s", no.ok, no.sigma, no.reach, no.why)
	if no.ok || !strings.Contains(no.why, "no commit") || !(no.reach < commitRatio*no.sigma) {
		t.Errorf("1 m/s divert: commit %v (%s), reach %.0f m, σ %.0f m; want no commit with reach < %.2f σ", no.ok, no.why, no.reach, no.sigma, commitRatio)
	}
	if _, ok := b.window(site, weak, tj, ok.decision); !ok {
		t.Error("1 m/s-divert interceptor: no battle space at the 9 km/s commit time; want one (only the divert should fail)")
	}
}

// ewrChainCueing is the early-warning chain of redzikowo-icbm.yaml: space
// warning, the site's own SPY-1 and the UEWRs at Fylingdales and Pituffik.
func ewrChainCueing() Cueing {
	return Cueing{Kind: CueChain, OwnRadar: true, SpaceWarning: true, Radars: []ChainRadar{
		ewrFylingdales,
		{RadarSite: RadarSite{Radar: "AN/FPS-132 UEWR", At: Location{Place: "Pituffik"}}, LatencyS: 10},
	}}
}

// TestCovSampleSkipIsExact checks that covSample's skip over looks far
// beyond a radar's instrumented range (covFarLooks) leaves its scan as it
// is with every look taken, field for field: the question-2 ICBMs
// against the site, forward and early-warning radars, to the first look
// and over the whole flight.
func TestCovSampleSkipIsExact(t *testing.T) {
	fams := []Family{
		{Missile: "RS-24 Yars", LaunchSite: "Kozelsk", Aim: "Washington DC", Profiles: []string{"min-energy", "depressed"}},
		{Missile: "Topol-M", LaunchSite: "Tatishchevo", Aim: "Chicago", Profiles: []string{"min-energy", "depressed"}},
	}
	trajs, err := FlyFamilies(fams, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	sites := []RadarSite{
		{Radar: "AN/SPY-1D(V)", At: Location{Place: "Redzikowo"}},
		{Radar: "AN/SPY-1D(V)", At: Location{Place: "Deveselu"}},
		{Radar: "AN/TPY-2", At: Location{Place: "Kürecik"}},
		ewrFylingdales.RadarSite,
	}
	skipped := 0
	for _, rs := range sites {
		r, _, err := rs.Build(catalog.PickCentral)
		if err != nil {
			t.Fatal(err)
		}
		for i := range trajs {
			for _, first := range []bool{true, false} {
				covSkipFar = false
				want := covSample(r, &trajs[i], DefaultCoveragePd, DefaultPathStepS, first)
				covSkipFar = true
				got := covSample(r, &trajs[i], DefaultCoveragePd, DefaultPathStepS, first)
				// %+v prints every float in full (shortest round trip), NaN as NaN
				if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
					t.Errorf("%s, %s (first only %v): with the skip %s, every look %s", rs.Radar, trajs[i].Name, first, g, w)
				}
			}
			// whether the scan skips any look at all
			tr := &trajs[i]
			t0, t1 := tr.flight.Span()
			closest := math.Inf(1)
			for k := 0; t0+float64(k)*DefaultPathStepS < t1; k++ {
				st := tr.flight.At(t0 + float64(k)*DefaultPathStepS)
				ob := r.Observe(st.Pos, tr.rcs(st.Phase))
				closest = math.Min(closest, ob.Range)
				if covFarLooks(r, ob, closest, DefaultPathStepS, 1<<20) > 0 {
					skipped++
					break
				}
			}
		}
	}
	t.Logf("%d of %d radar and trajectory scans skip looks", skipped, len(sites)*len(trajs))
	if skipped == 0 {
		t.Error("no scan skipped any look: the test checks nothing")
	}
}
