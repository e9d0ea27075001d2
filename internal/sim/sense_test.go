package sim_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

func build(t *testing.T, src string) *sim.World {
	t.Helper()
	s, err := scenario.Check("t.yaml", []byte(src), scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestSenseDefaultScenario(t *testing.T) {
	s, err := scenario.Load(scenario.Default)
	if err != nil {
		t.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.Sense(sim.TrialRand(s.Run.Seed, 0))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range w.Flights {
		g := got[i]
		impact := f.LaunchTime + f.FlightTime
		// Every Iranian missile in the default scenario flies through the
		// Kürecik AN/TPY-2's coverage and is reported by SBIRS.
		if !(g.FirstDetection > f.LaunchTime && g.FirstDetection < impact) {
			t.Errorf("%s: first detection at %.1f s, want during flight (%.1f–%.1f s)", f.Name, g.FirstDetection, f.LaunchTime, impact)
		}
		if !(g.SpaceWarning > f.LaunchTime && g.SpaceWarning < f.Ballistic.BurnoutTime+60) {
			t.Errorf("%s: space warning at %.1f s, want within a minute of burnout", f.Name, g.SpaceWarning)
		}
		// Detection, firm track and fire control come in that order.
		if !(g.FirmTrack >= g.FirstDetection && g.FireControl >= g.FirmTrack && g.FireControl < impact) {
			t.Errorf("%s: detection %.1f, firm %.1f, fire control %.1f, impact %.1f: out of order", f.Name, g.FirstDetection, g.FirmTrack, g.FireControl, impact)
		}
		if g.FireControlOwner != "US" {
			t.Errorf("%s: fire-control owner %q, want US", f.Name, g.FireControlOwner)
		}
	}
	again, _ := w.Sense(sim.TrialRand(s.Run.Seed, 0))
	if !reflect.DeepEqual(nanFree(got), nanFree(again)) {
		t.Error("Sense with the same stream gave different results")
	}
}

// nanFree replaces NaN times so results can be compared with DeepEqual.
func nanFree(ss []sim.Sensing) []sim.Sensing {
	out := make([]sim.Sensing, len(ss))
	for i, s := range ss {
		for _, p := range []*float64{&s.FirstDetection, &s.SpaceWarning, &s.FirmTrack, &s.FireControl} {
			if math.IsNaN(*p) {
				*p = -1
			}
		}
		out[i] = s
	}
	return out
}

const twoOwners = `name: t
run: {seed: 3, trials: 1, duration_s: 3600, architecture: separate-linked}
owners: [{name: Turkey}, {name: Greece}]
sites:
  - name: Kürecik
    owner: Turkey
    place: Kürecik
    platforms:
      - name: tpy2
        parts: [{kind: radar, type: AN/TPY-2, azimuth_deg: 100}]
  - name: Athens
    owner: Greece
    place: Athens
    platforms:
      - name: patriot
        parts: [{kind: radar, type: AN/MPQ-65, azimuth_deg: 270}]
LINKS
threats:
  - name: sejjil
    missile: Sejjil
    from: {place: Tabriz}
    to: {place: Athens}
`

// TestSeparateOwnersWithoutLink: the Athens Patriot faces west, away from
// a missile coming from the east, so only Turkey's radar sees it.
func TestSeparateOwnersWithoutLink(t *testing.T) {
	w := build(t, strings.Replace(twoOwners, "LINKS\n", "", 1))
	got, err := w.Sense(sim.TrialRand(3, 0))
	if err != nil {
		t.Fatal(err)
	}
	if got[0].FirstDetectionSensor != "tpy2" || got[0].FireControlOwner != "Turkey" {
		t.Errorf("unlinked: detected by %q, fire control by %q; want tpy2 and Turkey", got[0].FirstDetectionSensor, got[0].FireControlOwner)
	}
}

// TestLinkSharesTracks: over a link, Greece receives Turkey's firm tracks
// and holds a track on a missile its own radar never sees.
func TestLinkSharesTracks(t *testing.T) {
	w := build(t, strings.Replace(twoOwners, "LINKS\n", "links:\n  - {owners: [Turkey, Greece], latency_s: 2}\n", 1))
	if len(w.Owners) != 2 {
		t.Fatalf("owners %v", w.Owners)
	}
	got, err := w.Sense(sim.TrialRand(3, 0))
	if err != nil {
		t.Fatal(err)
	}
	if math.IsNaN(got[0].FirmTrack) {
		t.Fatal("no firm track")
	}
	tk, gr := got[0].FirmByOwner["Turkey"], got[0].FirmByOwner["Greece"]
	if !(gr >= tk+2) {
		t.Errorf("firm track: Turkey at %.1f s, Greece at %.1f s; want Greece at least the 2 s link latency later", tk, gr)
	}
	unlinked, _ := build(t, strings.Replace(twoOwners, "LINKS\n", "", 1)).Sense(sim.TrialRand(3, 0))
	if _, ok := unlinked[0].FirmByOwner["Greece"]; ok {
		t.Errorf("without a link Greece holds a firm track from %.1f s", unlinked[0].FirmByOwner["Greece"])
	}
}
