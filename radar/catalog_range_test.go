package radar

import (
	"math"
	"slices"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// rangeClaimTol is the relative error allowed between a radar's modelled
// detection range and its catalog range_km: the calibrated dwell times
// are rounded to two or three significant figures (≤ 0.5 % in range, as
// R ∝ E^¼) and the claimed ranges to 10 km (≤ 1.5 % for the 170 km
// MPQ-65 figures).
const rangeClaimTol = 0.02

// TestCatalogRangeClaims: every catalog radar, built by FromCatalog at the
// central pick, detects its reference target (range_rcs_m2) with Pd 0.9 in
// one look (Pfa 1e-6, Swerling 1) at its central range_km, within
// rangeClaimTol (in surface clutter for a radar tagged look-down, whose
// claim is against low fliers), and its calibrated dwell fits in its
// search frame. On the
// old catalog AN/SPY-1D(V) reached 296 km against its 470 km claim (1 m²;
// 167 km against 0.1 m²) and AN/TPY-2 500 km against 1,000 km.
func TestCatalogRangeClaims(t *testing.T) {
	site := geo.LLADeg(50, 20, 0)
	n := 0
	for _, e := range catalog.ByKind(catalog.KindRadar) {
		n++
		claim, ok1 := e.Param("range_km")
		rcs, ok2 := e.Param("range_rcs_m2")
		if !ok1 || !ok2 {
			t.Errorf("%s: needs range_km and the reference target of that claim, range_rcs_m2", e.Name)
			continue
		}
		r, err := FromCatalog(e, catalog.PickCentral, site, 0)
		if err != nil {
			t.Errorf("FromCatalog(%s): %v", e.Name, err)
			continue
		}
		req, err := r.Detector.RequiredSNR(0.9)
		if err != nil {
			t.Fatal(err)
		}
		// A look-down radar's claim is against low fliers, seen in
		// surface clutter: the model reaches it with the clutter loss.
		sigma := rcs.Central
		if slices.Contains(e.Tags, "look-down") {
			sigma /= math.Max(r.ClutterLoss, 1)
		}
		got := r.Equation.MaxRange(sigma, req) / 1e3
		t.Logf("%-13s %5.0f km vs %g m² (catalog range_km %.0f km), dwell %g s", e.Name, got, rcs.Central, claim.Central, e.Central("dwell_time_s"))
		if math.Abs(got-claim.Central) > rangeClaimTol*claim.Central {
			t.Errorf("%s: modelled detection range vs %g m² = %.0f km, want the catalog's %.0f km within %g", e.Name, rcs.Central, got, claim.Central, rangeClaimTol)
		}
		if d, f := e.Central("dwell_time_s"), e.Central("search_frame_s"); d > f {
			t.Errorf("%s: dwell %g s longer than the search frame %g s", e.Name, d, f)
		}
	}
	if n < 8 {
		t.Errorf("checked %d catalog radars, want at least 8", n)
	}
}
