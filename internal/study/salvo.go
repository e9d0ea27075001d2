package study

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/rampart-sim/rampart/internal/strict"

	"github.com/rampart-sim/rampart/internal/analysis"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// Salvo is the input of the salvo analysis: named engagements (a raid, a
// magazine, Pk and doctrine each) and the magazine sizes of the exchange
// curves.
type Salvo struct {
	Cases        []SalvoCase `json:"cases"`
	Interceptors []int       `json:"interceptors"` // magazine sizes of the exchange curves
	// MaxLeakers is the expected-leaker level for "interceptors needed";
	// 0 means 1 warhead.
	MaxLeakers float64 `json:"max_leakers,omitempty"`
}

// SalvoCase is one named engagement.
type SalvoCase struct {
	Name string `json:"name"`
	analysis.SalvoEngagement
}

// salvoMaxCurve bounds the magazine sizes of one curve.
const salvoMaxCurve = 200

// Validate checks every case and the curve.
func (s *Salvo) Validate() error {
	var errs []error
	if len(s.Cases) == 0 {
		errs = append(errs, errors.New("cases: missing; want one or more engagements"))
	}
	for i, c := range s.Cases {
		if c.Name == "" {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("cases[%d].name", i), "missing; every case needs a name"))
		}
		errs = append(errs, strict.Prefix(strict.IndexPath("cases", i), c.Validate()))
	}
	if len(s.Interceptors) < 2 || len(s.Interceptors) > salvoMaxCurve {
		errs = append(errs, strict.Fieldf("interceptors", "%d magazine sizes; allowed: 2 to %d", len(s.Interceptors), salvoMaxCurve))
	}
	for i, n := range s.Interceptors {
		if n < 0 || n > 10*analysis.MaxSalvoWarheads {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("interceptors[%d]", i), "%d is out of range; allowed: 0 to %d", n, 10*analysis.MaxSalvoWarheads))
		}
	}
	if !(s.MaxLeakers >= 0) {
		errs = append(errs, strict.Fieldf("max_leakers", "%g is out of range; allowed: 0 or more", s.MaxLeakers))
	}
	return errors.Join(errs...)
}

// SalvoCaseResult is one case's outcome at its magazine, the magazine it
// would need, its exchange curve, and the Monte Carlo check.
type SalvoCaseResult struct {
	Name       string                   `json:"name"`
	Engagement analysis.SalvoEngagement `json:"engagement"`
	Outcome    analysis.SalvoOutcome    `json:"outcome"`
	// InterceptorsNeeded is the least magazine for at most max_leakers
	// expected leakers; null when no magazine reaches it (Unreachable says
	// why).
	InterceptorsNeeded *int                    `json:"interceptors_needed"`
	Unreachable        string                  `json:"unreachable,omitempty"`
	Curve              []analysis.SalvoOutcome `json:"curve"`
	MonteCarlo         SalvoCheck              `json:"monte_carlo"`
}

// SalvoCheck is a seeded Monte Carlo of the case at its magazine
// (analysis.PlaySalvo, which shares no code with the formulas).
type SalvoCheck struct {
	Trials          int        `json:"trials"`
	LeakersMean     float64    `json:"leakers_mean"`
	LeakersCI95     [2]float64 `json:"leakers_ci95"`
	SpentMean       float64    `json:"interceptors_spent_mean"`
	FormulaInside99 bool       `json:"formula_inside_99_9"` // the exact value lies in the 99.9 % interval of the mean
}

// SalvoResults is the JSON of a salvo analysis.
type SalvoResults struct {
	MaxLeakers float64           `json:"max_leakers"`
	Cases      []SalvoCaseResult `json:"cases"`
}

// Normal quantiles for the Monte Carlo intervals.
const (
	z95  = 1.959963984540054
	z999 = 3.2905267314919255
)

// Run evaluates every case.
func (s *Salvo) Run(sc *scenario.Scenario, o Options) (*Result, error) {
	maxL := s.MaxLeakers
	if maxL == 0 {
		maxL = 1
	}
	trials := max(o.Trials, 1)
	out := SalvoResults{MaxLeakers: maxL}
	for ci, c := range s.Cases {
		e := c.SalvoEngagement
		oc, err := e.Outcome()
		if err != nil {
			return nil, err
		}
		curve, err := analysis.SalvoExchangeCurve(e, s.Interceptors)
		if err != nil {
			return nil, err
		}
		cr := SalvoCaseResult{Name: c.Name, Engagement: e, Outcome: oc, Curve: curve}
		if n, err := analysis.InterceptorsForLeakers(e, maxL); err == nil {
			cr.InterceptorsNeeded = &n
		} else {
			cr.Unreachable = err.Error()
		}
		var sum, sum2, spent float64
		for t := range trials {
			r := sim.TrialRand(o.Seed, ci*trials+t)
			l, sp := analysis.PlaySalvo(e, r)
			sum += float64(l)
			sum2 += float64(l) * float64(l)
			spent += float64(sp)
		}
		nf := float64(trials)
		mean := sum / nf
		sd := math.Sqrt(math.Max(sum2/nf-mean*mean, 0) * nf / math.Max(nf-1, 1))
		se := sd / math.Sqrt(nf)
		cr.MonteCarlo = SalvoCheck{Trials: trials, LeakersMean: mean, SpentMean: spent / nf,
			LeakersCI95:     [2]float64{mean - z95*se, mean + z95*se},
			FormulaInside99: math.Abs(oc.ExpectedLeakers-mean) <= z999*se+1e-9}
		out.Cases = append(out.Cases, cr)
	}
	r := &Result{Kind: "salvo", Results: out, Scene: newScene(sc)}
	r.Headline = salvoHeadline(sc, out)
	r.Sections = salvoSections(s, out)
	r.Events = [][]string{{"case", "interceptors", "expected_leakers", "p_zero_leakers", "expected_interceptors_spent", "method"}}
	for _, c := range out.Cases {
		for _, p := range c.Curve {
			r.Events = append(r.Events, []string{c.Name, fmt.Sprint(p.Interceptors), fmtF(p.ExpectedLeakers, 4), fmtF(p.PZeroLeakers, 6), fmtF(p.ExpectedSpent, 2), p.Method})
		}
	}
	return r, nil
}

func salvoHeadline(sc *scenario.Scenario, out SalvoResults) Headline {
	h := Headline{Question: sc.Question, Unit: "expected surviving warheads"}
	var parts []string
	for _, c := range out.Cases {
		e := c.Engagement
		p := fmt.Sprintf("%s: %d warheads against %d interceptors (Pk %g, %s, %d per look) leave %.1f", c.Name, e.Warheads, e.Interceptors, e.Pk, e.Doctrine, e.ShotsPerLook, c.Outcome.ExpectedLeakers)
		if c.InterceptorsNeeded != nil {
			p += fmt.Sprintf("; %d interceptors would cut that to %g", *c.InterceptorsNeeded, out.MaxLeakers)
		} else {
			p += fmt.Sprintf("; no magazine cuts that to %g", out.MaxLeakers)
		}
		parts = append(parts, p)
	}
	h.Answer = strings.Join(parts, ". ") + "."
	if len(out.Cases) > 0 {
		h.Value = out.Cases[0].Outcome.ExpectedLeakers
	}
	return h
}

func salvoSections(s *Salvo, out SalvoResults) []report.Section {
	plot := report.LinePlot{Caption: "Exchange curves: expected surviving warheads against interceptors in the magazine",
		X: report.Axis{Label: "interceptors", Zero: true}, Y: report.Axis{Label: "expected surviving warheads", Zero: true}}
	pz := report.LinePlot{Caption: "Probability that no warhead survives",
		X: report.Axis{Label: "interceptors", Zero: true}, Y: report.Axis{Label: "P(no leaker)", Min: 0, Max: 1}}
	for _, c := range out.Cases {
		a := report.Series{Name: c.Name, Markers: true}
		b := report.Series{Name: c.Name, Markers: true}
		for _, p := range c.Curve {
			a.X, a.Y = append(a.X, float64(p.Interceptors)), append(a.Y, p.ExpectedLeakers)
			b.X, b.Y = append(b.X, float64(p.Interceptors)), append(b.Y, p.PZeroLeakers)
		}
		plot.Series = append(plot.Series, a)
		pz.Series = append(pz.Series, b)
	}
	t := report.Table{Caption: "Each case at its magazine: exact result and a seeded Monte Carlo check", Columns: []report.Column{
		{Heading: "case"}, {Heading: "warheads", Numeric: true}, {Heading: "interceptors", Numeric: true}, {Heading: "Pk", Numeric: true},
		{Heading: "doctrine"}, {Heading: "expected leakers", Numeric: true}, {Heading: "method"}, {Heading: "Monte Carlo (95 % CI)", Numeric: true},
		{Heading: fmt.Sprintf("interceptors for ≤ %g leakers", out.MaxLeakers), Numeric: true}}}
	for _, c := range out.Cases {
		e := c.Engagement
		need := "unreachable"
		if c.InterceptorsNeeded != nil {
			need = fmt.Sprint(*c.InterceptorsNeeded)
		}
		doc := fmt.Sprintf("%s, %d/look", e.Doctrine, e.ShotsPerLook)
		if e.Doctrine == analysis.SalvoShootLookShoot {
			doc += fmt.Sprintf(", %d looks", max(e.Looks, 1))
		}
		if e.PEngaged > 0 && e.PEngaged < 1 {
			doc += fmt.Sprintf(", P(engaged) %g", e.PEngaged)
		}
		t.Rows = append(t.Rows, []string{c.Name, fmt.Sprint(e.Warheads), fmt.Sprint(e.Interceptors), fmt.Sprint(e.Pk), doc,
			fmtF(c.Outcome.ExpectedLeakers, 2), c.Outcome.Method,
			fmt.Sprintf("%.2f (%.2f–%.2f)", c.MonteCarlo.LeakersMean, c.MonteCarlo.LeakersCI95[0], c.MonteCarlo.LeakersCI95[1]), need})
	}
	t.Notes = []string{"Closed forms: barrage P(leak) = (1 − Pk)^s per engaged warhead; shoot-look-shoot with an ample magazine (1 − Pk)^(s·L); short magazines are spread evenly, and shoot-look-shoot with a short magazine is the exact Markov chain over looks."}
	return []report.Section{{Heading: "Salvo arithmetic", Blocks: []report.Block{t, plot, pz}}}
}
