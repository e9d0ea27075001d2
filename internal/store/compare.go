package store

import (
	"math"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/internal/study"
)

// Comparison is two runs side by side: the difference, B minus A, of
// each headline statistic they share, with its 95 % interval.
type Comparison struct {
	A, B        Run
	Differences []Difference
	// Notes say what the reader should know: different scenarios,
	// shared random streams, statistics only one run has.
	Notes []string
}

// Difference is one statistic of two runs and its difference.
type Difference struct {
	Name  string              `json:"name"`
	Label string              `json:"label"`
	Kind  study.StatisticKind `json:"kind"`
	Unit  string              `json:"unit,omitempty"`
	A     float64             `json:"a"`
	ACI95 *[2]float64         `json:"a_ci95"`
	B     float64             `json:"b"`
	BCI95 *[2]float64         `json:"b_ci95"`
	// Difference is B − A.
	Difference float64 `json:"difference"`
	// CI95 is the difference's 95 % interval (Method); nil when either
	// statistic has none.
	CI95   *[2]float64 `json:"difference_ci95"`
	Method Method      `json:"method"`
}

// Method is how a difference's interval was found.
type Method string

// The methods of Difference.
const (
	// NewcombeWilson is Newcombe's hybrid score interval for the
	// difference of two independent proportions, from their Wilson
	// intervals (Newcombe, "Interval estimation for the difference
	// between independent proportions: comparison of eleven methods",
	// Statistics in Medicine 17, 873–890, 1998, method 10):
	//
	//	d = p₂ − p₁
	//	L = d − √((p₂ − l₂)² + (u₁ − p₁)²)
	//	U = d + √((u₂ − p₂)² + (p₁ − l₁)²)
	//
	// where (lᵢ, uᵢ) is the Wilson interval of pᵢ.
	NewcombeWilson Method = "newcombe-wilson"
	// Normal is the same combination of two normal-approximation
	// intervals of means (the MOVER rule of Zou and Donner, Statistics
	// in Medicine 27, 1693–1702, 2008, which for symmetric intervals is
	// d ± √(h₁² + h₂²), h the half-widths: the usual interval of a
	// difference of independent means).
	Normal Method = "normal"
	// ExactDifference: both numbers are exact (no sampling), so is their
	// difference; there is no interval.
	ExactDifference Method = "exact"
	// NoInterval: at least one run's results give no interval for the
	// statistic (a mean reported without one).
	NoInterval Method = "none"
)

// Compare returns the differences, b minus a, of the statistics the two
// runs share, in a's order. The intervals assume independent runs; two
// runs of one scenario with one seed share their random streams, which
// makes them positively correlated and the intervals wider than they
// need be (conservative), and a note says so.
func Compare(a, b Run) Comparison {
	c := Comparison{A: a, B: b, Differences: []Difference{}, Notes: []string{}}
	if a.Status != Done || b.Status != Done {
		c.Notes = append(c.Notes, "only finished (done) runs have statistics; a run that is not done shows none")
	}
	if a.Scenario != b.Scenario || a.ScenarioSHA256 != b.ScenarioSHA256 {
		c.Notes = append(c.Notes, "the runs are of different scenarios (name or SHA-256): statistics are matched by name only")
	}
	if a.ScenarioSHA256 == b.ScenarioSHA256 && a.Seed == b.Seed && a.Kind == b.Kind {
		c.Notes = append(c.Notes, "both runs use the same seed, so the same random streams: the intervals, which assume independent runs, are conservative")
	}
	if d := differing(a.Spec, b.Spec); d != "" {
		c.Notes = append(c.Notes, "the runs differ in "+d)
	}
	byName := map[string]Statistic{}
	for _, s := range b.Statistics {
		byName[s.Name] = s
	}
	var onlyA, onlyB, unlike int
	seen := map[string]bool{}
	for _, sa := range a.Statistics {
		sb, ok := byName[sa.Name]
		if !ok {
			onlyA++
			continue
		}
		seen[sa.Name] = true
		// The headline of a reach study (minutes) and of the engine
		// (warheads) share the name "headline": a difference of the
		// two would mean nothing.
		if sa.Unit != sb.Unit {
			unlike++
			continue
		}
		c.Differences = append(c.Differences, Diff(sa, sb))
	}
	for _, s := range b.Statistics {
		if !seen[s.Name] {
			onlyB++
		}
	}
	if unlike > 0 {
		c.Notes = append(c.Notes, plural(unlike, "statistic")+" with one name but different units in the two runs left out")
	}
	if onlyA > 0 || onlyB > 0 {
		c.Notes = append(c.Notes, plural(onlyA, "statistic")+" only in run A and "+plural(onlyB, "statistic")+" only in run B are left out")
	}
	return c
}

func plural(n int, word string) string {
	s := strconv.Itoa(n) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}

// Diff returns b − a with its interval: Newcombe's for proportions,
// the normal one for means (see Method).
func Diff(a, b Statistic) Difference {
	d := Difference{Name: a.Name, Label: a.Label, Kind: a.Kind, Unit: a.Unit,
		A: a.Value, ACI95: a.CI95, B: b.Value, BCI95: b.CI95, Difference: b.Value - a.Value}
	switch {
	case a.Kind == study.Exact && b.Kind == study.Exact:
		d.Method = ExactDifference
	case a.CI95 == nil || b.CI95 == nil:
		d.Method = NoInterval
	default:
		lo, hi := MOVER(a.Value, a.CI95[0], a.CI95[1], b.Value, b.CI95[0], b.CI95[1])
		d.CI95 = &[2]float64{lo, hi}
		d.Method = Normal
		if a.Kind == study.Proportion && b.Kind == study.Proportion {
			d.Method = NewcombeWilson
			// A difference of proportions lies in [-1, 1].
			d.CI95[0], d.CI95[1] = math.Max(d.CI95[0], -1), math.Min(d.CI95[1], 1)
		}
	}
	return d
}

// MOVER returns the 95 % interval of x₂ − x₁ from the estimates xᵢ and
// their intervals (lᵢ, uᵢ), by recovering each side's variance from its
// interval (Zou and Donner 2008; for Wilson intervals of proportions this
// is Newcombe's method 10):
//
//	L = (x₂ − x₁) − √((x₂ − l₂)² + (u₁ − x₁)²)
//	U = (x₂ − x₁) + √((u₂ − x₂)² + (x₁ − l₁)²)
func MOVER(x1, l1, u1, x2, l2, u2 float64) (lo, hi float64) {
	d := x2 - x1
	return d - math.Hypot(x2-l2, u1-x1), d + math.Hypot(u2-x2, x1-l1)
}

// differing names the settings in which two specs differ.
func differing(a, b Spec) string {
	var d []string
	for _, x := range []struct {
		name string
		same bool
	}{
		{"scenario", a.Scenario == b.Scenario && a.ScenarioSHA256 == b.ScenarioSHA256},
		{"rampart version", a.RampartVersion == b.RampartVersion},
		{"seed", a.Seed == b.Seed},
		{"trials", a.Trials == b.Trials},
		{"fidelity", a.Fidelity == b.Fidelity},
		{"picks", a.PickThreat == b.PickThreat && a.PickDefense == b.PickDefense},
	} {
		if !x.same {
			d = append(d, x.name)
		}
	}
	return strings.Join(d, ", ")
}
