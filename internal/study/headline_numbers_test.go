package study

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
)

func TestPeopleRound(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{0.8333, 0.83}, {0.5714, 0.57}, {7.625, 7.6}, {3.749, 3.7}, {89.62, 89.6}, {726.9, 727}, {1521.2, 1521}, {0, 0}, {-0.126, -0.13},
	} {
		if got := PeopleRound(c.in); got != c.want {
			t.Errorf("PeopleRound(%g) = %g, want %g", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   float64
		want string
	}{{6, "6.0"}, {0, "0"}, {0.35, "0.35"}, {7.625, "7.6"}} {
		if got := roundMean(c.in); got != c.want {
			t.Errorf("roundMean(%g) = %q, want %q", c.in, got, c.want)
		}
	}
}

// longDecimals finds numbers with three or more decimals: not for people.
var longDecimals = regexp.MustCompile(`\d\.\d{3,}`)

// TestHeadlineValueRounded: the radars scenario's value, 6 of 7 launches
// seen (4 before the radars flew their catalog ranges), is 0.86 in the
// headline and its JSON (the old main wrote 0.5714 for 4 of 7).
func TestHeadlineValueRounded(t *testing.T) {
	s, st, err := Load("radars")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(s, st, Options{Seed: 1, Trials: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Headline.Value != 0.86 {
		t.Errorf("radars headline value = %g, want 0.86", res.Headline.Value)
	}
	if !bytes.Contains(res.Document, []byte(`"value": 0.86,`)) {
		t.Errorf("radars JSON headline value is not 0.86")
	}
	if m := longDecimals.FindString(res.Headline.Answer); m != "" {
		t.Errorf("radars headline %q has %s", res.Headline.Answer, m)
	}
}

// TestEngineHeadlineRounded: the engine's headline gives probabilities to
// two decimals and means to one or two.
func TestEngineHeadlineRounded(t *testing.T) {
	res, _ := runEngine(t, `  - {name: sejjil, missile: Sejjil, from: {place: Tabriz}, to: {place: Bucharest}, profile: min-energy, count: 3, interval_s: 20}`)
	if m := longDecimals.FindString(res.Headline.Answer); m != "" {
		t.Errorf("headline %q has %s", res.Headline.Answer, m)
	}
}

// TestTextCapsLongTables: the text summary shows at most MaxTextRows rows
// of a table and says where the rest are (the old main printed all 288
// rows of redzikowo-icbm's table by family).
func TestTextCapsLongTables(t *testing.T) {
	tab := report.Table{Caption: "By family", Columns: []report.Column{{Heading: "family"}, {Heading: "engageable"}}}
	for i := range 288 {
		tab.Rows = append(tab.Rows, []string{fmt.Sprintf("family %d", i), "0.5"})
	}
	res := &Result{Kind: "battlespace", Sections: []report.Section{{Heading: "Families", Blocks: []report.Block{tab}}},
		scenario: &scenario.Scenario{Name: "big", Question: "?"}}
	var b bytes.Buffer
	if err := WriteText(&b, res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "family "); n != MaxTextRows {
		t.Errorf("text shows %d rows, want %d", n, MaxTextRows)
	}
	if !strings.Contains(out, "263 more rows (288 in all)") || !strings.Contains(out, "JSON") || !strings.Contains(out, "report") {
		t.Errorf("text does not say how many rows are left out and where they are:\n%s", out)
	}
}
