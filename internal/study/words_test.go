package study

import (
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
)

// runText runs scenario text and returns its result.
func runText(t *testing.T, text string) *Result {
	t.Helper()
	s, err := scenario.Parse("words.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	st, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(s, st, Options{Seed: 1, Trials: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// noKill fails if the result's scene, report tables or text call
// anything a kill: the study models none.
func noKill(t *testing.T, res *Result, want string) {
	t.Helper()
	n := 0
	for _, x := range res.Scene.Intercepts {
		if x.Outcome == scene.OutcomeKill || x.Outcome == scene.OutcomeMiss {
			t.Errorf("scene intercept %s × %s outcome = %q, want no kill or miss", x.Interceptor, x.Threat, x.Outcome)
		}
		if x.Outcome == want {
			n++
		}
	}
	if n == 0 {
		t.Errorf("no scene intercept has outcome %q", want)
	}
	tab := report.InterceptTable(res.Scene)
	for _, row := range tab.Rows {
		if out := row[len(row)-1]; strings.Contains(out, "kill") && !strings.Contains(out, "no kill") {
			t.Errorf("intercept table row %q says kill", row)
		}
	}
	for _, sec := range res.Sections {
		for _, line := range sec.Text {
			// "the kill vehicle" names the interceptor's stage, not an outcome.
			line = strings.ReplaceAll(line, "kill vehicle", "KV")
			if strings.Contains(line, " kill ") || strings.Contains(line, " kills") {
				t.Errorf("section %q says kill: %q", sec.Heading, line)
			}
		}
	}
	if h := res.Headline.Answer; strings.Contains(strings.ToLower(h), "kill") && !strings.Contains(h, "Kill probability") {
		t.Errorf("headline %q says kill", h)
	}
}

// TestBattlespaceSaysEngageable: a battle-space intercept is engageable,
// not a kill (the old scene marked every one "kill": true and the report's
// intercept table said "kill").
func TestBattlespaceSaysEngageable(t *testing.T) {
	res := runText(t, `name: words-bs
question: Can SM-3 IIA engage a Yars from Kozelsk to Washington?
analysis:
  kind: battlespace
  families:
    - {missile: RS-24 Yars, launch_site: Kozelsk, aim: Washington DC, profiles: [min-energy]}
  sites:
    - {at: {place: Redzikowo}, radar: AN/SPY-1D(V)}
  interceptors: [SM-3 IIA]
  cueings:
    - {kind: launch}
  sweep: {off: true}
`)
	noKill(t, res, scene.OutcomeEngageable)
}

// TestAirPolicingSaysInterception: an air-policing intercept is a
// peacetime interception (identification) of an unarmed aircraft; the
// headline says so and the scene has no kills (the old one marked the
// quickest base's "kill": true).
func TestAirPolicingSaysInterception(t *testing.T) {
	s, err := scenario.Load("air-policing")
	if err != nil {
		t.Fatal(err)
	}
	st, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(s, st, Options{Seed: 1, Trials: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	noKill(t, res, scene.OutcomeFirstInterception)
	if h := res.Headline.Answer; !strings.Contains(h, "interception") || !strings.Contains(h, "identify") {
		t.Errorf("headline = %q, want it to call them interceptions to identify", h)
	}
}
