package analysis

import (
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
)

// TestSpeedBandCentralIsFlown: the speed band's value at the catalog pick
// of the request is the interceptor the analysis flies, so at the central
// pick the band's "catalog central" point equals the summary's engageable
// fraction for the same interceptor, site and cueing (issue 12: the band
// flew an idealised constant-thrust copy and gave SM-3 IIA 42 % under the
// space report where the summary gave 33 %). The idealised sweep model is
// reported beside it, never in its place. The request is chosen so the two
// models differ: SM-3 IIA from Redzikowo under the space report against
// the western fields to Chicago, Offutt and Washington engages 4 of 24 as
// flown and 6 of 24 in the idealised model at the same 4.5 km/s, which is
// what the band used to report.
func TestSpeedBandCentralIsFlown(t *testing.T) {
	req := bsRequest(bsWestern, []string{"Chicago", "Offutt AFB", "Washington DC"}, []string{"min-energy", "depressed"})
	req.Sites = req.Sites[:1]
	req.Interceptors = []string{"SM-3 IIA"}
	req.Cueings = []Cueing{{Kind: CueSpace}}
	res, err := BattleSpaceSweep(req, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.SpeedBand) != len(res.Summary) {
		t.Fatalf("%d speed-band rows, want one per summary row (%d)", len(res.SpeedBand), len(res.Summary))
	}
	for i, r := range res.SpeedBand {
		s := res.Summary[i]
		if r.Interceptor != s.Interceptor || r.Site != s.Site || r.Cueing != s.Cueing {
			t.Fatalf("speed-band row %d is %s, %s, %s; summary row is %s, %s, %s", i, r.Interceptor, r.Site, r.Cueing, s.Interceptor, s.Site, s.Cueing)
		}
		e, _ := catalog.Lookup(s.Interceptor)
		v, _ := e.Param("burnout_speed_kms")
		var central *SpeedBandPoint
		for k := range r.Points {
			if r.Points[k].Point == BandCentral {
				central = &r.Points[k]
			}
		}
		if central == nil {
			t.Fatalf("%s, %s: no %q point in %+v", s.Interceptor, s.Cueing, BandCentral, r.Points)
		}
		for _, p := range r.Points {
			sw := -1.0
			if p.SweepModelFraction != nil {
				sw = *p.SweepModelFraction
			}
			t.Logf("%s at %s, %s: %s %.2f km/s %d of %d, sweep model %.3f", s.Interceptor, s.Site, s.Cueing, p.Point, p.BurnoutSpeedKms, p.Engageable, p.Trajectories, sw)
		}
		if central.BurnoutSpeedKms != v.Central {
			t.Errorf("%s, %s: central point at %.2f km/s, want the catalog central %.2f km/s", s.Interceptor, s.Cueing, central.BurnoutSpeedKms, v.Central)
		}
		if central.Engageable != s.Engageable || central.Trajectories != s.Trajectories || central.EngageableFraction != s.EngageableFraction {
			t.Errorf("%s, %s: catalog central %d of %d (%.3f), summary %d of %d (%.3f); want equal (same interceptor, same cueing)",
				s.Interceptor, s.Cueing, central.Engageable, central.Trajectories, central.EngageableFraction, s.Engageable, s.Trajectories, s.EngageableFraction)
		}
		if central.SweepModelFraction == nil {
			t.Fatalf("%s, %s: no sweep-model fraction at the central point with the sweep on", s.Interceptor, s.Cueing)
		}
		if *central.SweepModelFraction == central.EngageableFraction {
			t.Errorf("%s, %s: the sweep model and the flown interceptor agree here (%.3f), so this request no longer tells them apart; choose one where they differ", s.Interceptor, s.Cueing, central.EngageableFraction)
		}
	}
}
