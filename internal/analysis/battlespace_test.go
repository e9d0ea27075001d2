package analysis

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"gonum.org/v1/gonum/spatial/r3"
)

// The open-literature conclusions these tests check, in shape (the exact
// figures of the texts were not available to us; the search tool found the
// secondary reports cited with each check):
//
//   - D. A. Wilkening, "Does Missile Defense in Europe Threaten Russia?",
//     Survival 54(1), 31–52 (2012), doi:10.1080/00396338.2012.657531, and G.
//     N. Lewis and T. A. Postol, "European Missile Defense: The Technological
//     Basis of Russian Concerns", Arms Control Today, October 2007: SM-3 IB
//     and IIA in Poland or Romania cannot catch Russian ICBMs flying from
//     western Russia to the United States; a much faster interceptor (≳ 5
//     km/s, the SM-3 IIB concept) could threaten some.
//   - MDA, as reported by P. Brookes, "The Case for European Missile
//     Defense", Heritage Foundation, 14 March 2008: the interceptor for Poland
//     "is simply not fast enough to catch a Russian land-based ICBM in a
//     tail-chase scenario"; T. Postol (AFP, 2007, defencetalk.com): at the
//     MDA's 6.3 km/s the Polish interceptor could not engage Russian ICBMs,
//     at ~9 km/s it could.
//   - CIGI, "The physics and politics of missile defence in Europe" (2007):
//     only ICBMs launched from western (European) Russia pass near Poland;
//     those from central and eastern Russia fly far to its north.

// bsWestern are the ICBM fields of western Russia in the catalog; bsEast is
// a Siberian one.
var (
	bsWestern = []string{"Kozelsk", "Teykovo", "Tatishchevo", "Vypolzovo"}
	bsEast    = []string{"Novosibirsk"}
)

// bsRequest is the question-2 set-up: RS-24 from Russian fields to US East
// Coast cities, SM-3 IB, IIA and IIB at Redzikowo and Deveselu, each site
// with its SPY-1.
func bsRequest(fields, aims, profiles []string) SweepRequest {
	var fams []Family
	for _, f := range fields {
		for _, a := range aims {
			fams = append(fams, Family{Missile: "RS-24 Yars", LaunchSite: f, Aim: a, Profiles: profiles})
		}
	}
	return SweepRequest{
		Families: fams,
		Sites: []DefenseSite{
			{At: Location{Place: "Redzikowo"}, Radar: "AN/SPY-1D(V)"},
			{At: Location{Place: "Deveselu"}, Radar: "AN/SPY-1D(V)"},
		},
		Interceptors: []string{"SM-3 IB", "SM-3 IIA", "SM-3 IIB"},
		Cueings:      []Cueing{{Kind: CueLaunch}, {Kind: CueBurnout}, {Kind: CueSpace}, {Kind: CueOwnRadar}},
	}
}

// bsSummary indexes summary entries by interceptor, site and cueing kind.
func bsSummary(t *testing.T, res *SweepResult, req SweepRequest) map[string]SweepEntry {
	t.Helper()
	m := map[string]SweepEntry{}
	for _, e := range res.Summary {
		for _, c := range req.Cueings {
			if c.Label() == e.Cueing {
				m[fmt.Sprintf("%s|%s|%s", e.Interceptor, e.Site, c.Kind)] = e
			}
		}
	}
	return m
}

func TestBattleSpaceEngageability(t *testing.T) {
	fields, aims, profiles := bsWestern[:1], []string{"Washington DC"}, []string{"min-energy", "depressed"}
	if !testing.Short() {
		fields = append(append([]string{}, bsWestern...), bsEast...)
		aims = []string{"Washington DC", "New York", "Boston"}
		profiles = ProfileNames
	}
	req := bsRequest(fields, aims, profiles)
	req.Sweep.Off = true
	res, err := BattleSpaceSweep(req, flight.Physics{})
	if err != nil {
		t.Fatalf("BattleSpaceSweep error: %v", err)
	}
	t.Logf("%d trajectories, %d engagements, %d windows, %v", res.Cost.Trajectories, res.Cost.Engagements, res.Cost.Windows, res.Cost.Elapsed)
	sum := bsSummary(t, res, req)
	frac := func(ic, site string, c CueKind) float64 {
		e, ok := sum[fmt.Sprintf("%s|%s|%s", ic, site, c)]
		if !ok {
			t.Fatalf("no summary for %s at %s, %s", ic, site, c)
		}
		return e.EngageableFraction
	}
	for _, site := range []string{"Redzikowo", "Deveselu"} {
		for _, c := range CueKinds {
			if c == CueForwardRadar || c == CueChain {
				continue
			}
			ib, iia, iib := frac("SM-3 IB", site, c), frac("SM-3 IIA", site, c), frac("SM-3 IIB", site, c)
			t.Logf("%-9s %-8s engageable: IB %.2f, IIA %.2f, IIB %.2f", site, c, ib, iia, iib)
			if !(iib >= iia && iia >= ib) {
				t.Errorf("%s, %s cueing: engageable fractions IB %.2f, IIA %.2f, IIB %.2f; want IIB ≥ IIA ≥ IB", site, c, ib, iia, iib)
			}
			// SM-3 IB catches none anywhere.
			if ib != 0 {
				t.Errorf("SM-3 IB at %s, %s cueing: engageable fraction %.2f, want 0", site, c, ib)
			}
			// The SPY-1 never sees an RV (0.01 m²) hundreds of km away.
			if c == CueOwnRadar && iib != 0 {
				t.Errorf("own-radar cueing at %s: IIB fraction %.2f, want 0", site, iib)
			}
			// Deveselu lies far south of every track.
			if site == "Deveselu" && iib != 0 {
				t.Errorf("Deveselu, %s cueing: IIB fraction %.2f, want 0", c, iib)
			}
		}
	}
	// Redzikowo: IIA cannot catch an ICBM once its boost is over; with
	// space-based cueing IIB catches some, and no fewer than IIA (since
	// the flyouts fly their catalog speeds, issue 12 §4, IIA at 4.5 km/s
	// catches these two as well).
	if f := frac("SM-3 IIA", "Redzikowo", CueBurnout); f != 0 {
		t.Errorf("SM-3 IIA at Redzikowo, burnout cueing: fraction %.2f, want 0", f)
	}
	iia, iib := frac("SM-3 IIA", "Redzikowo", CueSpace), frac("SM-3 IIB", "Redzikowo", CueSpace)
	if !(iib > 0 && iib >= iia) {
		t.Errorf("Redzikowo, space cueing: IIA %.2f, IIB %.2f; want IIB > 0 and IIB ≥ IIA", iia, iib)
	}
	// The Siberian field: no SM-3 at Redzikowo engages, whatever the cue
	// short of an instant launch.
	for _, e := range res.Entries {
		if e.LaunchSite == "Novosibirsk" && e.Cueing != (Cueing{Kind: CueLaunch}).Label() && e.Engageable > 0 {
			t.Errorf("%s at %s vs %s→%s (%s): %d engageable, want 0", e.Interceptor, e.Site, e.LaunchSite, e.Aim, e.Cueing, e.Engageable)
		}
	}
	// Every engageable engagement has an ordered battle space after its
	// decision time, inside the interceptor's altitude limits.
	for _, en := range res.Engagements {
		if !en.Engageable {
			if en.Reason == "" {
				t.Errorf("%s at %s vs %s (%s): not engageable and no reason", en.Interceptor, en.Site, en.Trajectory, en.Cueing)
			}
			continue
		}
		if !(*en.FirstLaunchS >= *en.DecisionS && *en.FirstLaunchS <= *en.LastLaunchS+intercept.TimeTol &&
			*en.FirstInterceptS <= *en.LastInterceptS && *en.MinInterceptAltKm >= 80-1e-3) {
			t.Errorf("%s at %s vs %s (%s): battle space %+v out of order", en.Interceptor, en.Site, en.Trajectory, en.Cueing, en)
		}
	}
}

// TestBattleSpaceRequiredSpeed checks the burnout-speed sweep: each
// required speed engages and the lattice speed below it does not, and
// the required speed agrees with the count engaged at the flown speed:
// at or below it every trajectory is engaged, above it not all are.
func TestBattleSpaceRequiredSpeed(t *testing.T) {
	req := bsRequest(bsWestern[:1], []string{"Washington DC"}, []string{"min-energy", "depressed"})
	req.Sites = req.Sites[:1]
	req.Interceptors = []string{"SM-3 IIA"}
	req.Cueings = []Cueing{{Kind: CueSpace}}
	req.Sweep = BurnoutSweep{MinKms: 3, MaxKms: 7, GridKms: 0.5}
	if !testing.Short() {
		req = bsRequest(bsWestern, []string{"Washington DC"}, ProfileNames)
		req.Sites = req.Sites[:1]
		req.Interceptors = []string{"SM-3 IIA", "SM-3 IIB"}
		req.Cueings = []Cueing{{Kind: CueSpace}, {Kind: CueBurnout}}
	}
	res, err := BattleSpaceSweep(req, flight.Physics{})
	if err != nil {
		t.Fatalf("BattleSpaceSweep error: %v", err)
	}
	t.Logf("%d trajectories, %d engagements, %d windows, %d burnout speeds (envelopes), %v",
		res.Cost.Trajectories, res.Cost.Engagements, res.Cost.Windows, res.Cost.BurnoutSpeeds, res.Cost.Elapsed)
	for _, e := range res.Entries {
		t.Logf("%-9s %-9s %-11s → %-13s %-20s %d/%d engageable, required %s (all) %s (any), flyout %.2f km/s",
			e.Interceptor, e.Site, e.LaunchSite, e.Aim, e.Cueing, e.Engageable, e.Trajectories,
			bsKms(e.RequiredBurnoutSpeedKms), bsKms(e.RequiredBurnoutSpeedAnyKms), e.FlyoutBurnoutSpeedKms)
		if r := e.RequiredBurnoutSpeedKms; r != nil {
			// The sweep's lattice is GridKms (0.5) then TolKms: allow one
			// lattice step of slack at the flown speed.
			all := e.Engageable == e.Trajectories
			if *r <= e.FlyoutBurnoutSpeedKms-req.Sweep.GridKms && !all {
				t.Errorf("%s vs %s→%s: required %.2f km/s is below the flyout's %.2f, but only %d of %d are engaged", e.Interceptor, e.LaunchSite, e.Aim, *r, e.FlyoutBurnoutSpeedKms, e.Engageable, e.Trajectories)
			}
			if *r > e.FlyoutBurnoutSpeedKms+req.Sweep.GridKms && all {
				t.Errorf("%s vs %s→%s: required %.2f km/s is above the flyout's %.2f, but every trajectory is engaged", e.Interceptor, e.LaunchSite, e.Aim, *r, e.FlyoutBurnoutSpeedKms)
			}
		}
	}
	// The bracket: v engages, v − Tol does not.
	pick, err := covPick(req.Pick)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newBSRun(req, pick)
	if err != nil {
		t.Fatal(err)
	}
	sw := b.sweep
	trajs := res.Trajectories
	byName := map[string]*Trajectory{}
	for i := range trajs {
		byName[trajs[i].Name] = &trajs[i]
	}
	icIndex := map[string]int{}
	for i, ic := range b.ics {
		icIndex[ic.Name] = i
	}
	checked := 0
	for _, en := range res.Engagements {
		if en.RequiredBurnoutSpeedKms == nil || en.Site != "Redzikowo" {
			continue
		}
		tj := byName[en.Trajectory]
		_, site, _ := Location{Place: en.Site}.Resolve()
		decision := tj.flight.LaunchTime + *en.DecisionS
		i := icIndex[en.Interceptor]
		v := *en.RequiredBurnoutSpeedKms * 1e3
		if _, ok := b.window(site, b.interceptorAt(i, v), tj, decision); !ok {
			t.Errorf("%s vs %s (%s): no battle space at the required %.3f km/s", en.Interceptor, en.Trajectory, en.Cueing, v/1e3)
		}
		if below := v - sw.TolKms*1e3; below >= sw.MinKms*1e3-1e-6 {
			if _, ok := b.window(site, b.interceptorAt(i, below), tj, decision); ok {
				t.Errorf("%s vs %s (%s): battle space at %.3f km/s, below the required %.3f km/s", en.Interceptor, en.Trajectory, en.Cueing, below/1e3, v/1e3)
			}
		}
		if math.Abs(math.Remainder(v/1e3-sw.MinKms, sw.TolKms)) > 1e-9 {
			t.Errorf("required speed %.6f km/s is off the %.3f km/s lattice", v/1e3, sw.TolKms)
		}
		checked++
	}
	if checked == 0 {
		t.Error("no required speed found; want some under space cueing")
	}
}

// TestBattleSpaceForwardCue: mission question 1's design case. The AN/TPY-2
// at Kürecik, facing Iran, cues Deveselu against an Iranian MRBM aimed at
// Bucharest. Uncued, the radar finds the missile one search frame after it
// enters coverage, and its report reaches the site after the link latency;
// cued by space-based warning, it finds it at once. Either chain commits
// only once its ballistic track predicts the intercept point within the
// kill vehicle's divert, after the threat's burnout, well before the site's
// own SPY-1 sees the RV, and SM-3 IB engages.
func TestBattleSpaceForwardCue(t *testing.T) {
	const latency = 5.0 // s
	fwd := RadarSite{Radar: "AN/TPY-2", At: Location{Place: "Kürecik"}}
	req := SweepRequest{
		Families:     []Family{{Missile: "Sejjil-2", LaunchSite: "Tabriz", Aim: "Bucharest"}},
		Sites:        []DefenseSite{{At: Location{Place: "Deveselu"}, Radar: "AN/SPY-1D(V)"}},
		Interceptors: []string{"SM-3 IB"},
		Cueings: []Cueing{{Kind: CueForwardRadar, Forward: &fwd, LinkLatencyS: latency}, {Kind: CueOwnRadar},
			{Kind: CueForwardRadar, Forward: &fwd, LinkLatencyS: latency, SpaceWarning: true}},
		Sweep: BurnoutSweep{Off: true},
	}
	res, err := BattleSpaceSweep(req, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := fwd.Build(catalog.PickCentral)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := RadarSightings([]RadarSite{fwd}, res.Trajectories, SightingOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f, own, cued := res.Engagements[0], res.Engagements[1], res.Engagements[2]
	for _, en := range res.Engagements {
		t.Logf("%s at %s vs %s, %s: cue %s s, decision %s s, engageable %v, launch %s–%s s, intercept %s–%s s, σ %s m, reach %s m",
			en.Interceptor, en.Site, en.Trajectory, en.Cueing, bsKms(en.CueS), bsKms(en.DecisionS), en.Engageable, bsKms(en.FirstLaunchS), bsKms(en.LastLaunchS),
			bsKms(en.FirstInterceptS), bsKms(en.LastInterceptS), bsKms(en.PredictedMissSigmaM), bsKms(en.HomingReachM))
	}
	if f.CueS == nil || !sg[0].Seen || math.Abs(*f.CueS-(*sg[0].FirstSeenS+r.SearchFrame+latency)) > 1e-9 {
		t.Fatalf("forward cue = %s s, want the TPY-2's first sighting %s s + a search frame %v s + %v s", bsKms(f.CueS), bsKms(sg[0].FirstSeenS), r.SearchFrame, latency)
	}
	if cued.CueS == nil || math.Abs(*cued.CueS-(*sg[0].FirstSeenS+latency)) > 1e-9 {
		t.Fatalf("space-cued forward cue = %s s, want the TPY-2's first sighting %s s + %v s", bsKms(cued.CueS), bsKms(sg[0].FirstSeenS), latency)
	}
	burnout := res.Trajectories[0].BurnoutS
	for _, en := range []SweepEngagement{f, cued} {
		if !en.Engageable {
			t.Errorf("SM-3 IB at Deveselu, %s, vs %s: not engageable (%s), want engageable", en.Cueing, en.Trajectory, en.Reason)
			continue
		}
		if en.FirmTrackS == nil || en.BallisticTrackS == nil || !(*en.FirmTrackS >= *en.CueS && *en.BallisticTrackS >= burnout && *en.DecisionS >= *en.BallisticTrackS) {
			t.Errorf("%s: chain timeline cue %s, firm %s, ballistic %s, decision %s s; want cue ≤ firm, burnout %.1f ≤ ballistic ≤ decision",
				en.Cueing, bsKms(en.CueS), bsKms(en.FirmTrackS), bsKms(en.BallisticTrackS), bsKms(en.DecisionS), burnout)
			continue
		}
		if !(*en.DecisionS > burnout) {
			t.Errorf("%s: decision %.1f s, want after the burnout at %.1f s", en.Cueing, *en.DecisionS, burnout)
		}
		if !(*en.HomingReachM >= commitRatio**en.PredictedMissSigmaM) {
			t.Errorf("%s: committed with σ %.0f m and reach %.0f m, want reach ≥ %.2f σ", en.Cueing, *en.PredictedMissSigmaM, *en.HomingReachM, commitRatio)
		}
	}
	if f.Engageable && cued.Engageable && *cued.DecisionS > *f.DecisionS {
		t.Errorf("space-cued decision %.1f s, want no later than the uncued %.1f s", *cued.DecisionS, *f.DecisionS)
	}
	if own.CueS != nil && *own.CueS <= *f.CueS {
		t.Errorf("own SPY-1 cue %.1f s, want later than the forward cue %.1f s", *own.CueS, *f.CueS)
	}
}

// TestBattleSpaceFamilies: dispersal flies the centre and the four edges
// of the launch area's catalog band, each profile from each.
func TestBattleSpaceFamilies(t *testing.T) {
	trajs, err := FlyFamilies([]Family{{Missile: "RS-24 Yars", LaunchSite: "Kozelsk", Aim: "Boston", Profiles: []string{"min-energy", "depressed"}, Dispersal: true}}, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	site, _ := catalog.Lookup("Kozelsk")
	if len(trajs) != 10 {
		t.Fatalf("FlyFamilies(dispersal, 2 profiles) = %d trajectories, want 10", len(trajs))
	}
	want := map[string][2]float64{
		"centre": {site.Lat.Central, site.Lon.Central}, "north": {site.Lat.High, site.Lon.Central},
		"south": {site.Lat.Low, site.Lon.Central}, "east": {site.Lat.Central, site.Lon.High}, "west": {site.Lat.Central, site.Lon.Low},
	}
	names := map[string]bool{}
	for _, tj := range trajs {
		w, ok := want[tj.LaunchPoint]
		if !ok || tj.LaunchLatDeg != w[0] || tj.LaunchLonDeg != w[1] {
			t.Errorf("%s: launch point %s at %v,%v, want %v", tj.Name, tj.LaunchPoint, tj.LaunchLatDeg, tj.LaunchLonDeg, w)
		}
		if names[tj.Name] {
			t.Errorf("duplicate trajectory name %q", tj.Name)
		}
		names[tj.Name] = true
		// Every flight lands on Boston (flight.Solve's miss tolerance).
		if miss, _, _ := geo.WGS84.Inverse(tj.flight.Impact.Lat, tj.flight.Impact.Lon, tj.flight.Aim.Lat, tj.flight.Aim.Lon); miss > 2 {
			t.Errorf("%s: impact %.1f m from the aim, want ≤ 2 m", tj.Name, miss)
		}
	}
}

// TestBattleSpaceWindowThroughBoost: intercept.Window started at the launch
// of a staged missile leaps over the whole flight (its skip assumes the
// threat's speed bounds its motion, but the missile starts at rest);
// bsRun.window scans the boost in pieces and finds the battle space of a GBI
// at Washington against an RS-24 from Kozelsk.
func TestBattleSpaceWindowThroughBoost(t *testing.T) {
	trajs, err := FlyFamilies([]Family{{Missile: "RS-24 Yars", LaunchSite: "Kozelsk", Aim: "Washington DC"}}, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	tj := &trajs[0]
	e, _ := catalog.Lookup("GBI")
	ic, err := intercept.FromCatalog(e, catalog.PickCentral)
	if err != nil {
		t.Fatal(err)
	}
	_, site, _ := Location{Place: "Washington DC"}.Resolve()
	tr := tj.flight
	truth := func(t float64) (r3.Vec, r3.Vec) { s := tr.At(t); return s.Pos, s.Vel }
	path := intercept.Sample(truth, tr.LaunchTime, tr.ImpactTime, DefaultPathStepS)
	_, fromLaunch := intercept.Window(site, ic, path.At, tr.LaunchTime, tr.ImpactTime, tr.LaunchTime)
	after, okAfter := intercept.Window(site, ic, path.At, tr.BurnoutTime, tr.ImpactTime, tr.LaunchTime)
	b := &bsRun{dt: DefaultPathStepS}
	got, ok := b.window(site, ic, tj, tr.LaunchTime)
	t.Logf("Window from launch: %v; from burnout: %v (%.0f–%.0f s); bsRun.window: %v (%.0f–%.0f s)", fromLaunch, okAfter, after.FirstIntercept, after.LastIntercept, ok, got.FirstIntercept, got.LastIntercept)
	if !ok || !okAfter || math.Abs(got.FirstIntercept-after.FirstIntercept) > 2*intercept.TimeTol || math.Abs(got.LastIntercept-after.LastIntercept) > 2*intercept.TimeTol {
		t.Errorf("bsRun.window(GBI at Washington vs %s) = %v, %.3f–%.3f s; want the battle space after burnout, %.3f–%.3f s",
			tj.Name, ok, got.FirstIntercept, got.LastIntercept, after.FirstIntercept, after.LastIntercept)
	}
	if !fromLaunch {
		t.Error("intercept.Window from launch finds no battle space; want the one after burnout")
	}
}

func TestBattleSpaceValidate(t *testing.T) {
	fwd := RadarSite{Radar: "AN/TPY-2", At: Location{Place: "Redzikowo"}} // a sector radar with no boresight
	req := SweepRequest{
		Families:     []Family{{Missile: "Tomahawk", LaunchSite: "Kozelsk", Aim: "Nowhere", Profiles: []string{"boosted"}}},
		Interceptors: []string{"AN/TPY-2"},
		Cueings:      []Cueing{{Kind: "psychic"}, {Kind: CueForwardRadar, Forward: &fwd, CommitS: -1}, {Kind: CueOwnRadar}},
		Sweep:        BurnoutSweep{MinKms: 1, MaxKms: 10, GridKms: 1, TolKms: 0.3},
		Pd:           1.5,
		Pick:         "median",
	}
	err := req.Validate()
	if err == nil {
		t.Fatal("Validate() = nil, want errors")
	}
	for _, want := range []string{
		"pick:", "sites: empty", "families[0]: missile:", "families[0]: aim:", "families[0]: profiles[0]:",
		"interceptors[0]:", "cueings[0].kind:", "cueings[1].forward: boresight_deg", "cueings[1].commit_s:",
		"sweep.grid_kms:", "pd:",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %q, want it to mention %q", err, want)
		}
	}
	req = bsRequest(bsWestern[:1], []string{"Washington DC"}, nil)
	req.Sites[0].Radar = ""
	if err := req.Validate(); err == nil || !strings.Contains(err.Error(), "sites[0].radar: empty") {
		t.Errorf("Validate(own-radar cueing, site without radar) = %v, want sites[0].radar: empty", err)
	}
	if _, err := BattleSpaceSweep(SweepRequest{}, flight.Physics{}); err == nil {
		t.Error("BattleSpaceSweep(empty request) = nil error, want an error")
	}
}

// TestBattleSpaceJSON checks the output contract: entries carry
// interceptor, site, launch_site, aim, engageable_fraction and
// required_burnout_speed_kms (null when not reached), and two runs give
// the same bytes.
func TestBattleSpaceJSON(t *testing.T) {
	req := bsRequest(bsWestern[:1], []string{"Washington DC"}, nil)
	req.Sites = req.Sites[1:] // Deveselu: nothing engages below 10 km/s under space cueing
	req.Interceptors = []string{"SM-3 IIB"}
	req.Cueings = []Cueing{{Kind: CueSpace}}
	req.Sweep = BurnoutSweep{MinKms: 4, MaxKms: 6}
	var out [2][]byte
	for i := range out {
		res, err := BattleSpaceSweep(req, flight.Physics{})
		if err != nil {
			t.Fatal(err)
		}
		if out[i], err = json.Marshal(res); err != nil {
			t.Fatal(err)
		}
	}
	if string(out[0]) != string(out[1]) {
		t.Error("two runs of the same request gave different JSON")
	}
	var back struct {
		Entries []map[string]any `json:"entries"`
	}
	if err := json.Unmarshal(out[0], &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Entries) != 1 {
		t.Fatalf("entries = %d, want 1", len(back.Entries))
	}
	e := back.Entries[0]
	for _, k := range []string{"interceptor", "site", "launch_site", "aim", "engageable_fraction", "required_burnout_speed_kms"} {
		if _, ok := e[k]; !ok {
			t.Errorf("entry JSON lacks %q: %v", k, e)
		}
	}
	if e["interceptor"] != "SM-3 IIB" || e["site"] != "Deveselu" || e["launch_site"] != "Kozelsk" || e["aim"] != "Washington DC" {
		t.Errorf("entry = %v", e)
	}
	if v, ok := e["required_burnout_speed_kms"]; !ok || v != nil {
		t.Errorf("required_burnout_speed_kms = %v, want null (not reached by 6 km/s)", v)
	}
}

// BenchmarkBattleSpaceSweep measures one sweep of the short question-2
// request: 2 trajectories × 3 interceptors × 2 sites × 4 cueings with the
// burnout-speed sweep. A first sweep builds and caches the envelopes, so
// the figure is the cost of flights, cues and windows; the first build of
// each envelope adds ~40 ms (logged).
func BenchmarkBattleSpaceSweep(b *testing.B) {
	req := bsRequest(bsWestern[:1], []string{"Washington DC"}, []string{"min-energy", "depressed"})
	first, err := BattleSpaceSweep(req, flight.Physics{}) // build and cache the envelopes
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("first sweep, envelopes included: %v, %d burnout speeds", first.Cost.Elapsed, first.Cost.BurnoutSpeeds)
	b.ReportAllocs()
	var res *SweepResult
	for b.Loop() {
		var err error
		if res, err = BattleSpaceSweep(req, flight.Physics{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Cost.Engagements), "engagements/op")
	b.ReportMetric(float64(res.Cost.Windows), "windows/op")
	b.ReportMetric(float64(res.Cost.BurnoutSpeeds), "speeds/op")
}

// BenchmarkBattleSpaceWindow measures one battle-space window of SM-3 IIB
// at Redzikowo against an RS-24 from Kozelsk, launch-cued.
func BenchmarkBattleSpaceWindow(b *testing.B) {
	trajs, err := FlyFamilies([]Family{{Missile: "RS-24 Yars", LaunchSite: "Kozelsk", Aim: "Washington DC"}}, flight.Physics{})
	if err != nil {
		b.Fatal(err)
	}
	e, _ := catalog.Lookup("SM-3 IIB")
	ic, err := intercept.FromCatalog(e, catalog.PickCentral)
	if err != nil {
		b.Fatal(err)
	}
	site := geo.LLADeg(54.48, 17.1, 0)
	run := &bsRun{dt: DefaultPathStepS}
	tj := &trajs[0]
	run.window(site, ic, tj, tj.flight.LaunchTime) // build the path and envelope
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := run.window(site, ic, tj, tj.flight.LaunchTime); !ok {
			b.Fatal("no battle space")
		}
	}
}

func bsKms(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%.2f", *p)
}

// TestFamilyAtCoordinates checks a family given by coordinates (launch_at,
// aim_at, a clicked point) flies as the catalog places it stands on, and
// that giving both a place and coordinates, or bad coordinates, is refused.
func TestFamilyAtCoordinates(t *testing.T) {
	bad := Family{Missile: "Sejjil-2", LaunchSite: "Tabriz", LaunchAt: &Location{LatDeg: 38, LonDeg: 46}, AimAt: &Location{LatDeg: 95, LonDeg: 26}}
	err := bad.Validate()
	for _, want := range []string{"launch_at: give either launch_site", "aim_at: position 95,26 is out of range"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to mention %q", err, want)
		}
	}
	tab, _ := catalog.Lookup("Tabriz")
	buc, _ := catalog.Lookup("Bucharest")
	byPlace, err := FlyFamilies([]Family{{Missile: "Sejjil-2", LaunchSite: "Tabriz", Aim: "Bucharest"}}, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	byPoint, err := FlyFamilies([]Family{{Missile: "Sejjil-2", LaunchAt: &Location{LatDeg: tab.Lat.Central, LonDeg: tab.Lon.Central},
		AimAt: &Location{LatDeg: buc.Lat.Central, LonDeg: buc.Lon.Central}}}, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	if len(byPoint) != 1 || math.Abs(byPoint[0].GroundRangeKm-byPlace[0].GroundRangeKm) > 1e-6 || math.Abs(byPoint[0].FlightTimeS-byPlace[0].FlightTimeS) > 1e-6 {
		t.Errorf("by coordinates %+v, by place %+v: want the same flight", byPoint, byPlace)
	}
	if want := fmt.Sprintf("%.4f,%.4f", tab.Lat.Central, tab.Lon.Central); byPoint[0].LaunchSite != want {
		t.Errorf("launch_site = %q, want %q", byPoint[0].LaunchSite, want)
	}
}
