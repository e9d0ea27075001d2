package study

import (
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// TestReachHeadlineWithoutFocus: a reach analysis that names no focus
// place (as POST /api/explore runs it) answers in words, not ".".
func TestReachHeadlineWithoutFocus(t *testing.T) {
	h := reachHeadline(&scenario.Scenario{Question: "What does 9M729 reach from Kaliningrad?"}, ReachResults{})
	if !strings.Contains(h.Answer, "No focus places") || h.Value != 0 {
		t.Errorf("headline without focus places = %+v", h)
	}
}

// TestBattlespaceHeadlineSaysICBMOnlyForICBMs: the battle space of one
// Sejjil-2 (an MRBM, as POST /api/fly finds it) is "Of 1 trajectory",
// not "Of 1 ICBM trajectories".
func TestBattlespaceHeadlineSaysICBMOnlyForICBMs(t *testing.T) {
	y := `name: fly-battlespace
question: "Which sites could engage it?"
run: {seed: 1}
analysis:
  kind: battlespace
  families:
    - {missile: "Sejjil-2", launch_site: "Tabriz", aim: "Bucharest", profiles: ["min-energy"]}
  sites:
    - {at: {place: "Deveselu"}, radar: "AN/SPY-1D(V)"}
  interceptors: ["SM-3 IB"]
  cueings:
    - {kind: own-radar, space_warning: true}
`
	sc, err := scenario.Check("fly.yaml", []byte(y), scenario.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	st, err := Decode(sc)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(sc, st, Options{Seed: 1, Trials: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	if a := res.Headline.Answer; !strings.HasPrefix(a, "Of 1 trajectory, ") {
		t.Errorf("battle space of one Sejjil-2: %q, want \"Of 1 trajectory, …\"", a)
	}
}
