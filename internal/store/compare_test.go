package store

import (
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// newcombeTol: Newcombe's table gives four decimals.
const newcombeTol = 5e-5

func wilsonStat(k, n int) Statistic {
	lo, hi := sim.Wilson(k, n, sim.Z95)
	return Statistic{Name: "p", Kind: study.Proportion, Value: float64(k) / float64(n), CI95: &[2]float64{lo, hi}, Trials: n}
}

// TestNewcombeWilson checks the difference interval against the worked
// examples of Newcombe (Statistics in Medicine 17, 873–890, 1998),
// Table II, method 10 (hybrid score interval from Wilson intervals).
func TestNewcombeWilson(t *testing.T) {
	for _, c := range []struct {
		k1, n1, k2, n2 int
		lo, hi         float64
	}{
		{56, 70, 48, 80, 0.0524, 0.3339}, // Newcombe's example (a)
		{9, 10, 3, 10, 0.1705, 0.8090},   // example (b)
	} {
		// Newcombe's difference is p1 − p2; Diff gives b − a.
		d := Diff(wilsonStat(c.k2, c.n2), wilsonStat(c.k1, c.n1))
		if d.Method != NewcombeWilson || d.CI95 == nil {
			t.Fatalf("Diff(%d/%d, %d/%d) method %q, interval %v", c.k2, c.n2, c.k1, c.n1, d.Method, d.CI95)
		}
		if math.Abs(d.CI95[0]-c.lo) > newcombeTol || math.Abs(d.CI95[1]-c.hi) > newcombeTol {
			t.Errorf("Diff(%d/%d, %d/%d) interval = [%.4f, %.4f], want [%.4f, %.4f]", c.k2, c.n2, c.k1, c.n1, d.CI95[0], d.CI95[1], c.lo, c.hi)
		}
	}
}

// TestDiffNormal: symmetric intervals of means give d ± √(h₁² + h₂²).
func TestDiffNormal(t *testing.T) {
	a := Statistic{Name: "m", Kind: study.Mean, Value: 10, CI95: &[2]float64{7, 13}}
	b := Statistic{Name: "m", Kind: study.Mean, Value: 14, CI95: &[2]float64{10, 18}}
	d := Diff(a, b)
	if d.Method != Normal || d.Difference != 4 || d.CI95 == nil || math.Abs(d.CI95[0]-(-1)) > 1e-12 || math.Abs(d.CI95[1]-9) > 1e-12 {
		t.Errorf("Diff(10±3, 14±4) = %+v, want 4 in [-1, 9] (normal)", d)
	}
	a.CI95 = nil
	if d := Diff(a, b); d.Method != NoInterval || d.CI95 != nil {
		t.Errorf("Diff without interval = %+v, want method none", d)
	}
	e := Diff(Statistic{Kind: study.Exact, Value: 2}, Statistic{Kind: study.Exact, Value: 5})
	if e.Method != ExactDifference || e.Difference != 3 || e.CI95 != nil {
		t.Errorf("Diff(exact 2, exact 5) = %+v, want exact 3", e)
	}
}

// TestCompareMatchesByName: statistics are paired by name, the rest noted.
func TestCompareMatchesByName(t *testing.T) {
	a := Run{ID: 1, Spec: Spec{Scenario: "x", ScenarioSHA256: "s", Seed: 1}, Status: Done,
		Statistics: []Statistic{wilsonStat(5, 10), {Name: "only-a", Kind: study.Exact}}}
	b := Run{ID: 2, Spec: Spec{Scenario: "x", ScenarioSHA256: "s", Seed: 2}, Status: Done,
		Statistics: []Statistic{{Name: "only-b", Kind: study.Exact}, wilsonStat(8, 10)}}
	c := Compare(a, b)
	if len(c.Differences) != 1 || c.Differences[0].Name != "p" || math.Abs(c.Differences[0].Difference-0.3) > 1e-12 {
		t.Fatalf("Compare differences = %+v, want one, p: 0.3", c.Differences)
	}
	if len(c.Notes) != 2 || !strings.Contains(c.Notes[0], "differ in seed") || !strings.Contains(c.Notes[1], "only in run A") {
		t.Errorf("Compare notes = %q, want the seed and the unmatched statistics", c.Notes)
	}
}

// TestCompareRefusesUnlikeUnits: the headline of a reach study (minutes)
// is not compared with the engine's (warheads), though both are named
// "headline".
func TestCompareRefusesUnlikeUnits(t *testing.T) {
	a := Run{ID: 1, Spec: Spec{Scenario: "kaliningrad", ScenarioSHA256: "k"}, Status: Done,
		Statistics: []Statistic{{Name: "headline", Kind: study.Exact, Value: 4.2, Unit: "min"}}}
	b := Run{ID: 2, Spec: Spec{Scenario: "europe", ScenarioSHA256: "e"}, Status: Done,
		Statistics: []Statistic{{Name: "headline", Kind: study.Mean, Value: 7.6, Unit: "warheads leaking per raid (mean)"}}}
	c := Compare(a, b)
	if len(c.Differences) != 0 {
		t.Errorf("Compare of minutes and warheads = %+v, want no difference", c.Differences)
	}
	if !strings.Contains(strings.Join(c.Notes, "; "), "1 statistic with one name but different units") {
		t.Errorf("Compare notes = %q, want the statistic left out for its units", c.Notes)
	}
}
