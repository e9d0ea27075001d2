package study

import (
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// TestBattlespaceHeadlineUsesSensorChains: the question-2 headline value
// and its answer come from the best realisable sensor chain, which it
// names, never from a bound (the launch instant, a space-based launch
// report without a track), which it states as a bound. On the old code the
// space-report cue (17 % for SM-3 IIA) was the headline.
func TestBattlespaceHeadlineUsesSensorChains(t *testing.T) {
	fwd := analysis.RadarSite{Radar: "AN/TPY-2", At: analysis.Location{Place: "Kürecik"}}
	cues := []analysis.Cueing{{Kind: analysis.CueLaunch}, {Kind: analysis.CueSpace}, {Kind: analysis.CueOwnRadar, SpaceWarning: true},
		{Kind: analysis.CueForwardRadar, Forward: &fwd, LinkLatencyS: 5}}
	req := analysis.SweepRequest{Interceptors: []string{"SM-3 IIA"}, Cueings: cues}
	entry := func(c analysis.Cueing, n int) analysis.SweepEntry {
		return analysis.SweepEntry{Interceptor: "SM-3 IIA", Site: "Redzikowo", LaunchSite: "*", Aim: "*", Cueing: c.Label(), FireControlCue: c.FireControl(),
			Trajectories: 24, Engageable: n, EngageableFraction: float64(n) / 24, FlyoutBurnoutSpeedKms: 4.15}
	}
	s := &scenario.Scenario{Question: "Q2"}
	sum := []analysis.SweepEntry{entry(cues[0], 10), entry(cues[1], 4), entry(cues[2], 0), entry(cues[3], 0)}
	h := battlespaceHeadline(s, req, sum, nil, nil)
	t.Log(h.Answer)
	if h.Value != 0 {
		t.Errorf("headline value = %v with every sensor chain at 0, want 0 (not the space bound's 17 %%)", h.Value)
	}
	for _, want := range []string{"SM-3 IIA none", cues[2].Label(), cues[3].Label(), "launch instant: SM-3 IIA 42 %", "space report without a track: SM-3 IIA 17 %"} {
		if !strings.Contains(h.Answer, want) {
			t.Errorf("headline %q does not contain %q", h.Answer, want)
		}
	}
	sum[3] = entry(cues[3], 6)
	h = battlespaceHeadline(s, req, sum, nil, nil)
	if h.Value != 0.25 || !strings.Contains(h.Answer, "SM-3 IIA 25 % (from Redzikowo, chain "+cues[3].Label()+")") {
		t.Errorf("headline value %v, answer %q; want 0.25 from the Kürecik chain, named", h.Value, h.Answer)
	}
}

// TestBattlespaceBandSentence: the speed band is reported for the chains
// and the space-report bound, flown speed first.
func TestBattlespaceBandSentence(t *testing.T) {
	cues := []analysis.Cueing{{Kind: analysis.CueSpace}, {Kind: analysis.CueOwnRadar}}
	req := analysis.SweepRequest{Interceptors: []string{"SM-3 IIA"}, Cueings: cues}
	pts := func(f ...float64) []analysis.SpeedBandPoint {
		var out []analysis.SpeedBandPoint
		for i, v := range f {
			out = append(out, analysis.SpeedBandPoint{Point: []string{analysis.BandFlown, analysis.BandLow, analysis.BandCentral, analysis.BandHigh}[i],
				BurnoutSpeedKms: []float64{4.15, 4, 4.5, 5}[i], EngageableFraction: v})
		}
		return out
	}
	band := []analysis.SpeedBandRow{
		{Interceptor: "SM-3 IIA", Site: "Redzikowo", Cueing: cues[0].Label(), Points: pts(4.0/24, 4.0/24, 10.0/24, 18.0/24)},
		{Interceptor: "SM-3 IIA", Site: "Redzikowo", Cueing: cues[1].Label(), FireControlCue: true, Points: pts(0, 0, 0, 0)},
	}
	got := battlespaceBandSentence(req, band)
	for _, want := range []string{"every sensor chain stays at 0 %", "SM-3 IIA 17 % (flown, 4.15 km/s), 17/42/75 % at 4.00/4.50/5.00 km/s"} {
		if !strings.Contains(got, want) {
			t.Errorf("battlespaceBandSentence = %q, want it to contain %q", got, want)
		}
	}
}
