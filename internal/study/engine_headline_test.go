package study

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// headlineRaid is a small raid on two assets from Tabriz: SCENARIO_THREATS
// is replaced by each test's threats. Deveselu is never aimed at.
const headlineRaid = `name: headline-raid
question: Which assets does the Deveselu site defend?
run: {seed: 1, trials: 4, duration_s: 3600, architecture: integrated}
owners:
  - name: US
sites:
  - name: Deveselu
    owner: US
    place: Deveselu
    platforms:
      - name: aegis-ashore-romania
        parts:
          - {kind: radar, type: AN/SPY-1D(V)}
          - {kind: launcher, interceptor: SM-3 IB, rounds: 24}
  - name: Kürecik
    owner: US
    place: Kürecik
    platforms:
      - name: tpy2-kurecik
        parts:
          - {kind: radar, type: AN/TPY-2, azimuth_deg: 100}
space_sensors:
  - {name: sbirs, owner: US}
threats:
SCENARIO_THREATS
assets:
  - {name: Athens, place: Athens, value: 10, owner: US}
  - {name: Deveselu, place: Deveselu, value: 5, owner: US}
  - {name: Bucharest, place: Bucharest, value: 10, owner: US}
`

// runEngine runs the engine on headlineRaid with threats.
func runEngine(t *testing.T, threats string) (*Result, EngineResults) {
	t.Helper()
	s, err := scenario.Parse("raid.yaml", []byte(strings.Replace(headlineRaid, "SCENARIO_THREATS", threats, 1)))
	if err != nil {
		t.Fatal(err)
	}
	st, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(s, st, Options{Seed: 1, Trials: 4, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var doc EngineResults
	if err := json.Unmarshal(res.Document, &doc); err != nil {
		t.Fatal(err)
	}
	return res, doc
}

// TestHeadlineRaidOutOfReach: a raid whose every missile falls short (a
// Shahab-3, catalog range 1,000 km, aimed at Athens about 1,980 km from
// Tabriz) says so, calls no asset defended, and its JSON marks Athens out
// of reach and Deveselu not attacked. The old headline called both
// "defended" at 1.00.
func TestHeadlineRaidOutOfReach(t *testing.T) {
	res, doc := runEngine(t, `  - {name: short, missile: Shahab-3, from: {place: Tabriz}, to: {place: Athens}, profile: min-energy}`)
	a := res.Headline.Answer
	if strings.Contains(a, "defended") && !strings.Contains(a, "no asset is defended") || !strings.Contains(a, "No missile of the raid can reach") {
		t.Errorf("headline = %q, want it to say no missile can reach and call nothing defended", a)
	}
	want := map[string]AssetStatus{"Athens": AssetOutOfReach, "Deveselu": AssetNotAttacked, "Bucharest": AssetNotAttacked}
	for _, x := range doc.Assets {
		if x.Status != want[x.Name] {
			t.Errorf("asset %s status = %q, want %q", x.Name, x.Status, want[x.Name])
		}
	}
}

// TestHeadlineNamesOnlyAttackedAssets: a Sejjil in reach of Bucharest is
// engaged from Deveselu; the headline calls Bucharest defended with its
// interval, and Athens and Deveselu, aimed at by nothing, not attacked.
func TestHeadlineNamesOnlyAttackedAssets(t *testing.T) {
	res, doc := runEngine(t, `  - {name: sejjil, missile: Sejjil, from: {place: Tabriz}, to: {place: Bucharest}, profile: min-energy}`)
	a := res.Headline.Answer
	if !strings.Contains(a, "not attacked: Athens, Deveselu") {
		t.Errorf("headline = %q, want Deveselu named not attacked", a)
	}
	if strings.Contains(a, "Deveselu 1.00") {
		t.Errorf("headline = %q calls Deveselu defended", a)
	}
	for _, x := range doc.Assets {
		switch x.Name {
		case "Deveselu", "Athens":
			if x.Status != AssetNotAttacked {
				t.Errorf("%s status = %q, want %q", x.Name, x.Status, AssetNotAttacked)
			}
		case "Bucharest":
			if x.Status != AssetDefended {
				t.Errorf("Bucharest status = %q, want %q", x.Status, AssetDefended)
			}
			if !strings.Contains(a, "Bucharest "+roundP(x.PSurvive)+" (95 % CI") {
				t.Errorf("headline = %q, want Bucharest's P(survive) %s with its interval", a, roundP(x.PSurvive))
			}
		}
	}
	if !strings.Contains(string(res.Document), `"status": "not_attacked"`) {
		t.Errorf("JSON lacks a status per asset")
	}
}

// TestHeadlineNoThreats: a scenario without threats says so, not "0 of 0
// out of reach".
func TestHeadlineNoThreats(t *testing.T) {
	res, _ := runEngine(t, ` []`)
	if a := res.Headline.Answer; !strings.HasPrefix(a, "The scenario has no threats") {
		t.Errorf("headline without threats = %q", a)
	}
}
