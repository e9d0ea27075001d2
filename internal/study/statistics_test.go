package study

import (
	"strings"
	"testing"
)

// TestStatisticsEngine: an engine run's statistics are its headline,
// each asset's survival and each missile's leak probability with the
// Wilson interval of the JSON document, and the totals' means.
func TestStatisticsEngine(t *testing.T) {
	res, doc := runEngine(t, `  - {name: sejjil, missile: Sejjil, from: {place: Tabriz}, to: {place: Bucharest}, profile: min-energy, count: 2, interval_s: 20}`)
	stats := Statistics(res)
	if len(stats) == 0 || stats[0].Name != "headline" || stats[0].Value != res.Headline.Value {
		t.Fatalf("Statistics()[0] = %+v, want the headline", stats)
	}
	byName := map[string]Statistic{}
	for _, s := range stats {
		if _, dup := byName[s.Name]; dup {
			t.Errorf("statistic %s twice", s.Name)
		}
		byName[s.Name] = s
	}
	for _, a := range doc.Assets {
		s, ok := byName["assets["+a.Name+"].p_survive"]
		if !ok || s.Kind != Proportion || s.Value != a.PSurvive || s.CI95 == nil || *s.CI95 != a.CI95 || s.Trials != doc.Trials {
			t.Errorf("asset %s statistic = %+v, want p_survive %g %v over %d trials", a.Name, s, a.PSurvive, a.CI95, doc.Trials)
		}
	}
	var leaks int
	for _, s := range stats {
		if strings.HasPrefix(s.Name, "threats[") {
			leaks++
			if s.Kind != Proportion || s.CI95 == nil {
				t.Errorf("%s = %+v, want a proportion with an interval", s.Name, s)
			}
		}
	}
	if leaks != 2 {
		t.Errorf("%d leak statistics, want 2 (one per missile)", leaks)
	}
	if s := byName["totals.leakers_mean"]; s.Kind != Mean || s.Value != doc.Totals.LeakersMean {
		t.Errorf("totals.leakers_mean = %+v, want %g", s, doc.Totals.LeakersMean)
	}
}

// TestStatisticsAnalysis: an exact analysis has its headline; the salvo
// analysis adds its Monte Carlo check with the interval of its JSON.
func TestStatisticsAnalysis(t *testing.T) {
	for _, c := range []struct {
		name, want string
		kind       StatisticKind
	}{{"kaliningrad", "headline", Exact}, {"numbers", ".monte_carlo.leakers_mean", Mean}} {
		s, st, err := Load(c.name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(s, st, Options{Seed: 1, Trials: 20, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, x := range Statistics(res) {
			if strings.HasSuffix(x.Name, c.want) {
				found = true
				if x.Kind != c.kind || (c.kind == Mean) != (x.CI95 != nil) {
					t.Errorf("%s %s = %+v, want kind %s", c.name, x.Name, x, c.kind)
				}
			}
		}
		if !found {
			t.Errorf("%s: no statistic %s in %+v", c.name, c.want, Statistics(res))
		}
	}
}
