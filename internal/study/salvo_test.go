package study

import (
	"math"
	"strings"
	"testing"
)

// TestNumbersBarrageAndEngageable runs the library's Q6 scenario and checks
// it against figures worked by hand (issue 12 §5). A barrage of two from
// 1,500 interceptors makes 750 full salvos; when at least 750 of the 939
// ICBM warheads are engaged (probability 0.83 each: mean 779, sd 11.5)
// 750·(1 − 0.4²) = 630 warheads are killed and 1,550 − 630 = 920.0
// survive of the whole attack, the 553 SLBM and 58 bomber warheads
// included. The 48 interceptors of the EPAA sites kill 24·0.84 = 20.16:
// 1,529.84 survive (159.6 of 939 engaged on average, never fewer than 24
// to double precision). The headline names the doctrine computed and the
// warheads not engaged.
func TestNumbersBarrageAndEngageable(t *testing.T) {
	// Fewer than 750 warheads are engaged with probability 0.55 % (2.6 sd
	// below the mean), and then salvos find no target: an independent
	// binomial sum (Python, math.lgamma: 0.84·Σ_{k<750} P(k)·(750 − k))
	// puts that at 0.020100 warheads, so the exact figure is 920.020100.
	// handTol: the six digits of that figure.
	const handTol = 1e-6
	s, st, err := Load("numbers")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(s, st, Options{Seed: 1, Trials: 3, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	out := res.Results.(SalvoResults)
	want := map[string][2]float64{
		"EPAA sites, SM-3 IIA":           {1550 - 24*0.84, handTol},
		"faster (SM-3 IIB class), 1,500": {920.0 + 0.020100, handTol},
	}
	for _, c := range out.Cases {
		wt, ok := want[c.Name]
		if !ok {
			continue
		}
		delete(want, c.Name)
		if w := wt[0]; c.TotalWarheads != 1550 || math.Abs(c.TotalSurviving-w) > wt[1] {
			t.Errorf("case %q: %.6f of %d survive, want %.6f of 1550", c.Name, c.TotalSurviving, c.TotalWarheads, w)
		}
		if c.Engagement.Warheads != 939 || len(c.NotEngaged) != 2 || c.PEngagedSource == "" {
			t.Errorf("case %q: %d engageable, not engaged %+v, source %q; want 939 ICBM warheads, SLBM and bomber warheads apart, a source",
				c.Name, c.Engagement.Warheads, c.NotEngaged, c.PEngagedSource)
		}
	}
	for name := range want {
		t.Errorf("case %q missing from the numbers scenario", name)
	}
	for _, w := range []string{"barrage of 2", "spread, up to 2 each", "553 SLBM warheads and 58 bomber warheads not engaged", "920 of 1,550 survive"} {
		if !strings.Contains(res.Headline.Answer, w) {
			t.Errorf("headline %q lacks %q", res.Headline.Answer, w)
		}
	}
}

// TestSalvoCaseSources: a typed-in p_engaged needs its source, and a
// part of the attack that is not engaged needs a name, a count and why.
func TestSalvoCaseSources(t *testing.T) {
	_, err := decode(t, `name: x
analysis:
  kind: salvo
  interceptors: [0, 10]
  cases:
    - {name: a, doctrine: barrage, warheads: 10, pk: 0.5, shots_per_look: 2, p_engaged: 0.5}
    - {name: b, doctrine: spread, warheads: 10, pk: 0.5, shots_per_look: 2, p_engaged_source: "nowhere", not_engaged: [{name: SLBM, warheads: 0}]}
`)
	if err == nil {
		t.Fatal("decode = nil error, want problems")
	}
	for _, w := range []string{
		"analysis.cases[0].p_engaged_source: missing",
		"analysis.cases[1].p_engaged_source: given without p_engaged",
		"analysis.cases[1].not_engaged[0].warheads: 0 is out of range",
		"analysis.cases[1].not_engaged[0].why: missing",
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("problems lack %q:\n%v", w, err)
		}
	}
}

// TestNumbersPEngagedFromQ2 is the tripwire on the typed-in p_engaged of
// the numbers scenario: each must equal, to its two decimals, the best
// engageable share under a real sensor cue that 'rampart run
// redzikowo-icbm' gives for the interceptor its p_engaged_source names
// (the Q2 headline). When the Q2 analysis changes, this test fails until
// numbers.yaml is updated. It runs the battle-space sweep (about a
// minute), so -short skips it.
func TestNumbersPEngagedFromQ2(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the redzikowo-icbm battle-space sweep")
	}
	q2s, q2st, err := Load("redzikowo-icbm")
	if err != nil {
		t.Fatal(err)
	}
	q2, err := Run(q2s, q2st, Options{Seed: 1, Trials: 1, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	best := map[string]float64{}
	for _, e := range q2.Results.(BattlespaceResults).Summary {
		// The space-report bound: numbers.yaml's p_engaged names it.
		if strings.HasPrefix(e.Cueing, "space report") && e.EngageableFraction >= best[e.Interceptor] {
			best[e.Interceptor] = e.EngageableFraction
		}
	}
	_, st, err := Load("numbers")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range st.(*Salvo).Cases {
		if c.PEngaged == 0 {
			continue
		}
		ic := ""
		for name := range best {
			if strings.Contains(c.PEngagedSource, name) && len(name) > len(ic) {
				ic = name
			}
		}
		if ic == "" {
			t.Errorf("case %q: p_engaged_source %q names no interceptor of redzikowo-icbm", c.Name, c.PEngagedSource)
			continue
		}
		if want := math.Round(100*best[ic]) / 100; c.PEngaged != want {
			t.Errorf("case %q: p_engaged %g, but redzikowo-icbm gives %s %.4f (%g to two decimals)", c.Name, c.PEngaged, ic, best[ic], want)
		}
	}
}
