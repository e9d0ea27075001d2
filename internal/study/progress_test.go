package study

import (
	"slices"
	"testing"

	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// phaseLog records progress reports and checks each phase: reported from
// 0, never going back, ending at its total, one phase at a time.
type phaseLog struct {
	t      *testing.T
	labels []string
	last   map[string][2]int // done, total
}

func newPhaseLog(t *testing.T) *phaseLog { return &phaseLog{t: t, last: map[string][2]int{}} }

func (l *phaseLog) report(label string, done, total int) {
	prev, seen := l.last[label]
	switch {
	case !seen && done != 0:
		l.t.Errorf("phase %q starts at %d/%d, want 0", label, done, total)
	case seen && (done < prev[0] || total != prev[1]):
		l.t.Errorf("phase %q goes from %d/%d to %d/%d", label, prev[0], prev[1], done, total)
	case seen && label != l.labels[len(l.labels)-1]:
		l.t.Errorf("phase %q reported again after %q", label, l.labels[len(l.labels)-1])
	}
	if !seen {
		if n := len(l.labels); n > 0 {
			p := l.labels[n-1]
			if d := l.last[p]; d[0] != d[1] {
				l.t.Errorf("phase %q ends at %d/%d when %q starts", p, d[0], d[1], label)
			}
		}
		l.labels = append(l.labels, label)
	}
	l.last[label] = [2]int{done, total}
}

// TestEngineReportsPhases (issue 13): an engine run reports the aiming of
// its missiles, then its trials, each labelled, from 0 to its total and
// never back. Before, the trials were reported unlabelled ("trials") and
// the aiming not at all.
func TestEngineReportsPhases(t *testing.T) {
	s, err := scenario.Check("t.yaml", []byte(`name: cheap
question: q
run: {seed: 1, trials: 1, duration_s: 1200, architecture: integrated}
owners: [{name: A}]
threats:
  - {name: s, missile: Shahab-3, from: {place: Tabriz}, to: {place: Kürecik}, profile: min-energy, count: 2, interval_s: 10}
assets:
  - {name: Kürecik, owner: A, place: Kürecik, value: 1, radius_km: 10}
`), scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	log := newPhaseLog(t)
	if _, err := (&Engine{}).Run(s, Options{Sim: sim.DefaultOptions(), Seed: 1, Trials: 150, Workers: 2, Progress: log.report}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"aiming threats", "Monte Carlo trials"}; !slices.Equal(log.labels, want) {
		t.Errorf("phases %q, want %q", log.labels, want)
	}
	if got := log.last["Monte Carlo trials"]; got != [2]int{150, 150} {
		t.Errorf("Monte Carlo trials end at %d/%d, want 150/150 (two chunks of TrialsInOrder)", got[0], got[1])
	}
	if got := log.last["aiming threats"]; got != [2]int{2, 2} {
		t.Errorf("aiming threats end at %d/%d, want 2/2 (missiles)", got[0], got[1])
	}
}

// TestBattlespaceReportsPhases (issue 13): a battle-space sweep reports
// its four phases, each from 0 to its total. Before, it reported nothing.
func TestBattlespaceReportsPhases(t *testing.T) {
	req := analysis.SweepRequest{
		Families:     []analysis.Family{{Missile: "Sejjil-2", LaunchSite: "Tabriz", Aim: "Bucharest"}},
		Sites:        []analysis.DefenseSite{{At: analysis.Location{Place: "Deveselu"}, Radar: "AN/SPY-1D(V)"}},
		Interceptors: []string{"SM-3 IB"},
		Cueings:      []analysis.Cueing{{Kind: analysis.CueLaunch}, {Kind: analysis.CueOwnRadar}},
		Sweep:        analysis.BurnoutSweep{Off: true},
	}
	log := newPhaseLog(t)
	if _, err := analysis.BattleSpaceSweepOn(req, sim.DefaultOptions().Physics(), 2, log.report); err != nil {
		t.Fatal(err)
	}
	want := []string{analysis.PhaseAiming, analysis.PhaseChains, analysis.PhaseEngagements, analysis.PhaseSpeedBand}
	if !slices.Equal(log.labels, want) {
		t.Errorf("phases %q, want %q", log.labels, want)
	}
	if got := log.last[analysis.PhaseEngagements]; got != [2]int{2, 2} {
		t.Errorf("engagements end at %d/%d, want 2/2 (1 interceptor × 1 site × 2 cueings × 1 trajectory)", got[0], got[1])
	}
	if got := log.last[analysis.PhaseSpeedBand]; got[0] != got[1] || got[1] == 0 {
		t.Errorf("speed band ends at %d/%d", got[0], got[1])
	}
}
