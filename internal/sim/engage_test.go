package sim_test

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// twoDefenders is a raid on Bucharest defended by a US Aegis Ashore site
// (upper tier, with the Kürecik radar and SBIRS) and a Romanian Patriot
// battery (lower tier), linked with a 2 s latency.
const twoDefenders = `name: two-defenders
run: {seed: 1, trials: 8, duration_s: 3600, architecture: ARCH}
owners:
  - name: US
    doctrine: DOCTRINE
  - name: Romania
sites:
  - name: Deveselu
    owner: US
    place: Deveselu
    platforms:
      - name: aegis
        parts:
          - {kind: radar, type: AN/SPY-1D(V)}
          - {kind: launcher, interceptor: SM-3 IB, rounds: 24}
  - name: Kürecik
    owner: US
    place: Kürecik
    platforms:
      - name: tpy2
        parts: [{kind: radar, type: AN/TPY-2, azimuth_deg: 100}]
  - name: Bucharest
    owner: Romania
    place: Bucharest
    platforms:
      - name: patriot
        parts:
          - {kind: radar, type: AN/MPQ-65, azimuth_deg: 110}
          - {kind: launcher, interceptor: PAC-3 MSE, rounds: 16}
space_sensors:
  - {name: sbirs, owner: US}
links:
  - {owners: [US, Romania], latency_s: 2}
threats:
  - {name: sejjil, missile: Sejjil, from: {place: Tabriz}, to: {place: Bucharest}, count: 3, interval_s: 30}
assets:
  - {name: Bucharest, place: Bucharest, value: 10, owner: Romania}
`

func twoDefendersWorld(t testing.TB, arch, doctrine string) *sim.World {
	t.Helper()
	src := strings.Replace(twoDefenders, "ARCH", arch, 1)
	src = strings.Replace(src, "DOCTRINE", doctrine, 1)
	s, err := scenario.Check("two-defenders.yaml", []byte(src), scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestMonteCarloIndependentOfWorkers: the same seed and trials give the
// same summary whether one worker or three ran them.
func TestMonteCarloIndependentOfWorkers(t *testing.T) {
	w := twoDefendersWorld(t, "separate-linked", "{salvo: 2}")
	var outs [2][]*sim.Outcome
	keep := func(k int) func(int, *sim.Outcome) {
		return func(i int, o *sim.Outcome) {
			if i != len(outs[k]) {
				t.Errorf("observe saw trial %d after %d trials: not in trial order", i, len(outs[k]))
			}
			outs[k] = append(outs[k], o)
		}
	}
	one, err := w.MonteCarlo(context.Background(), 5, 6, 1, nil, keep(0))
	if err != nil {
		t.Fatal(err)
	}
	three, err := w.MonteCarlo(context.Background(), 5, 6, 3, nil, keep(1))
	if err != nil {
		t.Fatal(err)
	}
	if len(outs[0]) != 6 || len(outs[1]) != 6 {
		t.Fatalf("observe saw %d and %d trials, want 6", len(outs[0]), len(outs[1]))
	}
	for i := range outs[0] {
		a, b := outs[0][i], outs[1][i]
		if !reflect.DeepEqual(a.Shots, b.Shots) || !reflect.DeepEqual(a.Leaked, b.Leaked) {
			t.Errorf("trial %d: shots or leakers differ between 1 and 3 workers", i)
		}
	}
	if one.First != outs[0][0] {
		t.Error("Summary.First is not trial 0's outcome")
	}
	one.First, three.First = nil, nil
	if !reflect.DeepEqual(nanFreeSummary(one), nanFreeSummary(three)) {
		t.Errorf("summaries differ between 1 and 3 workers:\n%+v\n%+v", one, three)
	}
}

func nanFreeSummary(s *sim.Summary) sim.Summary {
	c := *s
	c.Threats = append([]sim.ThreatStat(nil), s.Threats...)
	for i := range c.Threats {
		for _, p := range []*float64{&c.Threats[i].FirstDetection, &c.Threats[i].SpaceWarning, &c.Threats[i].FirmTrack, &c.Threats[i].FireControl} {
			if math.IsNaN(*p) {
				*p = -1
			}
		}
	}
	return c
}

// TestEngagementBookkeeping checks what every trial must satisfy: shots
// come from the firing command's own launchers and never exceed their
// rounds; every destroyed missile has exactly one killing shot, at or
// before its impact; a leaker has none; an asset is lost only to a leaker.
func TestEngagementBookkeeping(t *testing.T) {
	for _, arch := range []string{"integrated", "sectoral", "separate-linked"} {
		w := twoDefendersWorld(t, arch, "{salvo: 2}")
		for i := range 4 {
			o, err := w.Engage(sim.TrialRand(9, i))
			if err != nil {
				t.Fatal(err)
			}
			fired := map[string]int{}
			kills := make([]int, len(w.Flights))
			for _, s := range o.Shots {
				fired[s.Launcher]++
				if !commandOwns(w, s.Command, s.Launcher) {
					t.Errorf("%s trial %d: command %s fired from %s, not its launcher", arch, i, s.Command, s.Launcher)
				}
				if s.Kill {
					kills[s.Flight]++
					f := w.Flights[s.Flight]
					if s.Intercept > f.LaunchTime+f.FlightTime {
						t.Errorf("%s trial %d: kill of %s at %.0f s, after its impact", arch, i, f.Name, s.Intercept)
					}
				}
			}
			for _, l := range w.Launchers {
				if fired[l.ID] > l.Rounds {
					t.Errorf("%s trial %d: %s fired %d of %d rounds", arch, i, l.ID, fired[l.ID], l.Rounds)
				}
			}
			leaked := false
			for k, f := range w.Flights {
				if o.Leaked[k] && kills[k] != 0 || !o.Leaked[k] && kills[k] != 1 {
					t.Errorf("%s trial %d: %s leaked %v with %d killing shots", arch, i, f.Name, o.Leaked[k], kills[k])
				}
				leaked = leaked || o.Leaked[k]
			}
			if o.AssetLost[0] && !leaked {
				t.Errorf("%s trial %d: Bucharest lost without a leaker", arch, i)
			}
		}
	}
}

func commandOwns(w *sim.World, cmd, launcher string) bool {
	for _, c := range w.Commands {
		if c.Name != cmd {
			continue
		}
		for _, l := range c.Launchers {
			if w.Launchers[l].ID == launcher {
				return true
			}
		}
	}
	return false
}

// TestArchitecturesDiffer: on the same raid, only separate commands fire
// at the same missile (double engagements), and only the sectoral
// architecture bars a command that could engage (the US is barred from
// threats to Bucharest, which lies nearer Romania's battery).
func TestArchitecturesDiffer(t *testing.T) {
	const trials = 8
	sum := map[string]*sim.Summary{}
	for _, arch := range []string{"integrated", "sectoral", "separate-linked"} {
		// One-shot salvos, so that the US leaves survivors for Romania to
		// fire at: with two-shot salvos and shoot-look-shoot, the US's
		// TPY-2 track (1,000 km against a 0.01 m² RV since the catalog's
		// radar ranges agree with the model, issue 12) kills every
		// survivor before it reaches the Patriot.
		w := twoDefendersWorld(t, arch, "{salvo: 1}")
		s, err := w.MonteCarlo(context.Background(), 3, trials, 2, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		sum[arch] = s
	}
	if d := sum["integrated"].DoubleEngagementsMean; d != 0 {
		t.Errorf("integrated: %.2f double engagements per trial, want 0 (one command)", d)
	}
	if d := sum["sectoral"].DoubleEngagementsMean; d != 0 {
		t.Errorf("sectoral: %.2f double engagements per trial, want 0 (one responsible owner)", d)
	}
	if d := sum["separate-linked"].DoubleEngagementsMean; d <= 0 {
		t.Errorf("separate-linked: %.2f double engagements per trial, want some (both owners fire)", d)
	}
	for _, arch := range []string{"integrated", "separate-linked"} {
		if v := sum[arch].SectorLeakersMean; v != 0 {
			t.Errorf("%s: %.2f sector-boundary leakers, want 0 (no sectors)", arch, v)
		}
	}
	if sum["sectoral"].InterceptorsMean <= 0 {
		t.Error("sectoral: Romania fired nothing")
	}
}

// TestNoSharingLosesTheLink: without sharing, Romania's picture gets no
// US tracks and no SBIRS cue, so its first firm track comes later or never.
func TestNoSharingLosesTheLink(t *testing.T) {
	w := twoDefendersWorld(t, "separate-linked", "{salvo: 2}")
	alone := w.Options
	alone.NoSharing = true
	w2, err := sim.Build(w.Spec, alone)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := w.Engage(sim.TrialRand(2, 0))
	b, _ := w2.Engage(sim.TrialRand(2, 0))
	sa, okA := a.Sensing[0].FirmByOwner["Romania"]
	sb, okB := b.Sensing[0].FirmByOwner["Romania"]
	if !okA {
		t.Fatal("with the link Romania never held a firm track")
	}
	if okB && sb <= sa {
		t.Errorf("Romania's first firm track at %.0f s alone, %.0f s linked; want later alone", sb, sa)
	}
}

// TestSalvoLeakMatchesClosedForm: one missile, one command, one salvo of
// two SM-3 IB (no shoot-look-shoot) from a site that always reaches
// fire control with a miss inside the kill vehicle's reach: the leak
// probability is (1 − Pk)² with Pk the catalog's central 0.6
// (Wilkening 2000, eq. 1), and the Monte Carlo estimate must lie in its
// 99.9 % binomial interval.
func TestSalvoLeakMatchesClosedForm(t *testing.T) {
	if testing.Short() {
		t.Skip("statistical run: 400 trials")
	}
	src := strings.Replace(twoDefenders, "count: 3, interval_s: 30", "count: 1", 1)
	src = strings.Replace(src, "ARCH", "integrated", 1)
	src = strings.Replace(src, "DOCTRINE", "{salvo: 2, shoot_look_shoot: false}", 1)
	src = strings.Replace(src, "\n          - {kind: launcher, interceptor: PAC-3 MSE, rounds: 16}", "", 1)
	s, err := scenario.Check("one.yaml", []byte(src), scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	w, err := study.BuildWorld(s, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	const n = 400
	sum, err := w.MonteCarlo(context.Background(), 1, n, 2, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.InterceptorsMean != 2 {
		t.Fatalf("%.2f interceptors per trial, want exactly one salvo of 2", sum.InterceptorsMean)
	}
	const pk = 0.6
	want := (1 - pk) * (1 - pk)
	lo, hi := sim.Wilson(int(math.Round(want*n)), n, 3.29) // 99.9 %
	if got := sum.Threats[0].PLeak; got < lo || got > hi {
		t.Errorf("p_leak = %.3f, want %.3f (99.9%% interval %.3f–%.3f)", got, want, lo, hi)
	}
}
