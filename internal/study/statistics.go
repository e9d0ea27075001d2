package study

import (
	"fmt"
	"strconv"

	"github.com/rampart-sim/rampart/internal/jsonout"
)

// StatisticKind says what a Statistic is, and so how two of them are
// compared (package store, Compare).
type StatisticKind string

const (
	// Proportion is a fraction of trials (a survival or leak
	// probability) with its Wilson score interval.
	Proportion StatisticKind = "proportion"
	// Mean is a mean over trials, with a normal-approximation interval
	// when the results give one.
	Mean StatisticKind = "mean"
	// Exact is a number computed without sampling (an analysis's
	// result): it has no interval.
	Exact StatisticKind = "exact"
)

// Statistic is one headline number of a run, as its JSON document gives
// it: the value and, when the document has one, its 95 % interval, both
// rounded as the document rounds them.
type Statistic struct {
	// Name is the number's place in the JSON document, unique in a run
	// and the same for the same number of two runs of one scenario:
	// "assets[Bucharest].p_survive", "totals.leakers_mean", "headline".
	Name string `json:"name"`
	// Label says it in words: "Bucharest survives".
	Label string        `json:"label"`
	Kind  StatisticKind `json:"kind"`
	Value float64       `json:"value"`
	// CI95 is the 95 % interval, or nil when the document gives none.
	CI95 *[2]float64 `json:"ci95"`
	// Unit is the value's unit ("" for a probability or a count).
	Unit string `json:"unit,omitempty"`
	// Trials is the number of Monte Carlo trials behind Value (0 for
	// Exact).
	Trials int `json:"trials,omitempty"`
}

// Statistics returns the headline statistics of a run: first the
// headline's value, then, by kind, the numbers of its JSON document that
// carry a 95 % interval and the main means:
//
//	engine        assets[NAME].p_survive, threats[NAME].p_leak (Wilson),
//	              totals.interceptors_mean, leakers_mean,
//	              surviving_value_mean (normal), and
//	              early_warning.difference (normal) with --warning-value
//	architecture  architectures[A].assets[NAME].p_survive,
//	              architectures[A].surviving_value_mean,
//	              architectures[A].versus_first.difference,
//	              architectures[A].early_warning.difference
//	salvo         cases[NAME].monte_carlo.leakers_mean (normal),
//	              cases[NAME].total_expected_surviving (exact)
//
// The other analyses are exact: their headline is their statistic.
// Names are made unique by a "#2", "#3" suffix when the document repeats
// a name.
func Statistics(res *Result) []Statistic {
	var b statBuilder
	h := Statistic{Name: "headline", Label: "the headline's value", Kind: Exact, Value: res.Headline.Value, Unit: res.Headline.Unit}
	switch r := res.Results.(type) {
	case EngineResults:
		b.engineHeadline(h, &r)
	case *EngineResults:
		b.engineHeadline(h, r)
	case ArchitectureResults:
		h.Kind, h.Trials = Mean, r.Trials
		b.add(h)
		b.architecture(&r)
	case *ArchitectureResults:
		h.Kind, h.Trials = Mean, r.Trials
		b.add(h)
		b.architecture(r)
	case SalvoResults:
		b.add(h)
		b.salvo(&r)
	case *SalvoResults:
		b.add(h)
		b.salvo(r)
	default:
		b.add(h)
	}
	return b.out
}

type statBuilder struct {
	out  []Statistic
	seen map[string]int
}

// add appends s, its numbers rounded as the JSON document rounds them
// (jsonout.RoundSignificant), so that the statistics are the document's.
func (b *statBuilder) add(s Statistic) {
	s.Value = jsonout.RoundSignificant(s.Value, jsonout.SignificantDigits)
	if s.CI95 != nil {
		s.CI95 = &[2]float64{jsonout.RoundSignificant(s.CI95[0], jsonout.SignificantDigits), jsonout.RoundSignificant(s.CI95[1], jsonout.SignificantDigits)}
	}
	if b.seen == nil {
		b.seen = map[string]int{}
	}
	b.seen[s.Name]++
	if n := b.seen[s.Name]; n > 1 {
		s.Name += "#" + strconv.Itoa(n)
	}
	b.out = append(b.out, s)
}

func ci(c [2]float64) *[2]float64 { return &c }

// engineHeadline adds the engine's headline, warheads leaking per raid
// (EngineHeadline: the leakers mean, rounded for people), with the
// interval of that mean, then the run's statistics.
func (b *statBuilder) engineHeadline(h Statistic, r *EngineResults) {
	h.Kind, h.Trials = Mean, r.Trials
	h.CI95 = ci(r.Totals.LeakersCI95)
	b.add(h)
	b.engine(r)
}

func (b *statBuilder) engine(r *EngineResults) {
	for _, a := range r.Assets {
		b.add(Statistic{Name: fmt.Sprintf("assets[%s].p_survive", a.Name), Label: a.Name + " survives",
			Kind: Proportion, Value: a.PSurvive, CI95: ci(a.CI95), Trials: r.Trials})
	}
	for _, t := range r.Threats {
		if t.PLeak == nil {
			continue
		}
		s := Statistic{Name: fmt.Sprintf("threats[%s].p_leak", t.Name), Label: t.Name + " leaks",
			Kind: Proportion, Value: *t.PLeak, Trials: r.Trials}
		if t.PLeakCI95 != nil {
			s.CI95 = ci(*t.PLeakCI95)
		}
		b.add(s)
	}
	for _, m := range []struct {
		name, label string
		v           float64
		ci          [2]float64
	}{
		{"interceptors_mean", "interceptors fired per raid", r.Totals.InterceptorsMean, r.Totals.InterceptorsCI95},
		{"leakers_mean", "leakers per raid", r.Totals.LeakersMean, r.Totals.LeakersCI95},
		{"surviving_value_mean", "surviving asset value per raid", r.Totals.SurvivingValueMean, r.Totals.SurvivingValueMeanCI95},
	} {
		b.add(Statistic{Name: "totals." + m.name, Label: m.label, Kind: Mean, Value: m.v, CI95: ci(m.ci), Trials: r.Trials})
	}
	if w := r.EarlyWarning; w != nil {
		b.add(Statistic{Name: "early_warning.difference", Label: "value of shared early warning (surviving value, shared minus alone)",
			Kind: Mean, Value: w.Difference, CI95: ci(w.DifferenceCI95), Trials: r.Trials})
	}
}

func (b *statBuilder) architecture(r *ArchitectureResults) {
	for _, a := range r.Architectures {
		p := fmt.Sprintf("architectures[%s].", a.Architecture)
		b.add(Statistic{Name: p + "surviving_value_mean", Label: a.Architecture + ": surviving asset value per raid",
			Kind: Mean, Value: a.SurvivingValueMean, Trials: r.Trials})
		for _, x := range a.Assets {
			b.add(Statistic{Name: fmt.Sprintf("%sassets[%s].p_survive", p, x.Name), Label: a.Architecture + ": " + x.Name + " survives",
				Kind: Proportion, Value: x.PSurvive, CI95: ci(x.CI95), Trials: r.Trials})
		}
		if v := a.VersusFirst; v != nil {
			b.add(Statistic{Name: p + "versus_first.difference", Label: a.Architecture + " minus the first architecture (surviving value)",
				Kind: Mean, Value: v.Difference, CI95: ci(v.CI95), Trials: r.Trials})
		}
		if v := a.EarlyWarning; v != nil {
			b.add(Statistic{Name: p + "early_warning.difference", Label: a.Architecture + ": value of shared early warning (surviving value)",
				Kind: Mean, Value: v.Difference, CI95: ci(v.CI95), Trials: r.Trials})
		}
	}
}

func (b *statBuilder) salvo(r *SalvoResults) {
	for _, c := range r.Cases {
		p := fmt.Sprintf("cases[%s].", c.Name)
		b.add(Statistic{Name: p + "total_expected_surviving", Label: c.Name + ": expected surviving warheads", Kind: Exact, Value: c.TotalSurviving})
		m := c.MonteCarlo
		if m.Trials > 0 {
			b.add(Statistic{Name: p + "monte_carlo.leakers_mean", Label: c.Name + ": leakers (Monte Carlo check)",
				Kind: Mean, Value: m.LeakersMean, CI95: ci(m.LeakersCI95), Trials: m.Trials})
		}
	}
}
