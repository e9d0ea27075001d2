package study

import (
	"errors"
	"fmt"
	"math"
	"slices"
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

// SalvoCase is one named engagement. Warheads are those the defense could
// engage at all (say the ICBM warheads on trajectories near the sites);
// p_engaged applies to them alone. Warheads of the attack that the defense
// cannot engage (SLBM, bomber) are listed in NotEngaged: they all survive
// and are added to the total.
type SalvoCase struct {
	Name string `json:"name"`
	analysis.SalvoEngagement
	// WarheadsName names the warheads the defense could engage, e.g.
	// "ICBM warheads"; "" means "warheads".
	WarheadsName string `json:"warheads_name,omitempty"`
	// PEngagedSource says where p_engaged comes from (an analysis and its
	// result); required when p_engaged is given.
	PEngagedSource string `json:"p_engaged_source,omitempty"`
	// PEngagedFrom, instead of p_engaged and its source, takes p_engaged
	// from a battle-space result that the run computes.
	PEngagedFrom *EngagedFrom      `json:"p_engaged_from,omitempty"`
	NotEngaged   []SalvoNotEngaged `json:"not_engaged,omitempty"`
}

// SalvoNotEngaged is a part of the attack that the defense cannot engage.
type SalvoNotEngaged struct {
	Name     string `json:"name"`     // e.g. "SLBM warheads"
	Warheads int    `json:"warheads"` // ≥ 1
	Why      string `json:"why"`      // why the defense cannot engage them
}

// warheadsName returns WarheadsName or "warheads".
func (c SalvoCase) warheadsName() string {
	if strings.TrimSpace(c.WarheadsName) == "" {
		return "warheads"
	}
	return c.WarheadsName
}

// notEngaged returns the warheads of c that are never engaged.
func (c SalvoCase) notEngaged() int {
	n := 0
	for _, u := range c.NotEngaged {
		n += u.Warheads
	}
	return n
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
		if c.PEngaged != 0 && strings.TrimSpace(c.PEngagedSource) == "" {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("cases[%d].p_engaged_source", i), "missing; p_engaged %g needs its source (the analysis and result it comes from)", c.PEngaged))
		}
		if c.PEngaged == 0 && c.PEngagedSource != "" {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("cases[%d].p_engaged_source", i), "given without p_engaged; give p_engaged or drop the source"))
		}
		if c.PEngagedFrom != nil {
			path := fmt.Sprintf("cases[%d].p_engaged_from", i)
			if c.PEngaged != 0 || c.PEngagedSource != "" {
				errs = append(errs, strict.Fieldf(path, "given with p_engaged or p_engaged_source; give the battle-space result to compute it from, or the value and its source, not both"))
			} else if _, err := c.PEngagedFrom.request(path); err != nil {
				errs = append(errs, err)
			}
		}
		for j, u := range c.NotEngaged {
			path := fmt.Sprintf("cases[%d].not_engaged[%d]", i, j)
			if strings.TrimSpace(u.Name) == "" {
				errs = append(errs, strict.Fieldf(path+".name", "missing; say which warheads (e.g. SLBM warheads)"))
			}
			if u.Warheads == 0 {
				errs = append(errs, strict.Fieldf(path+".warheads", "missing; give how many warheads (1 to %d)", analysis.MaxSalvoWarheads))
			} else if u.Warheads < 1 || u.Warheads > analysis.MaxSalvoWarheads {
				errs = append(errs, strict.Fieldf(path+".warheads", "%d is out of range; allowed: 1 to %d", u.Warheads, analysis.MaxSalvoWarheads))
			}
			if strings.TrimSpace(u.Why) == "" {
				errs = append(errs, strict.Fieldf(path+".why", "missing; say why the defense cannot engage them"))
			}
		}
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
	Name         string                   `json:"name"`
	WarheadsName string                   `json:"warheads_name"` // what Engagement.Warheads counts
	Engagement   analysis.SalvoEngagement `json:"engagement"`    // the warheads the defense could engage
	// PEngagedSource is where Engagement.PEngaged comes from;
	// PEngagedBound, that it is a bound that no sensor chain attains (so
	// the survivors are a lower bound).
	PEngagedSource string                `json:"p_engaged_source,omitempty"`
	PEngagedBound  bool                  `json:"p_engaged_bound,omitempty"`
	Outcome        analysis.SalvoOutcome `json:"outcome"` // of the engageable warheads
	// NotEngaged are the rest of the attack; they all survive.
	NotEngaged []SalvoNotEngaged `json:"not_engaged,omitempty"`
	// TotalWarheads and TotalSurviving count the whole attack: the
	// engageable warheads and those not engaged.
	TotalWarheads  int     `json:"total_warheads"`
	TotalSurviving float64 `json:"total_expected_surviving"`
	// InterceptorsNeeded is the least magazine for at most max_leakers
	// expected leakers among the engageable warheads; null when no magazine
	// reaches it (Unreachable says why).
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
	type share struct {
		p     float64
		src   string
		bound bool
	}
	shares := map[EngagedFrom]share{} // computed p_engaged, by battle-space row
	for ci, c := range s.Cases {
		e := c.SalvoEngagement
		bound := false
		if f := c.PEngagedFrom; f != nil {
			got, ok := shares[*f]
			if !ok {
				p, src, bound, err := engagedShare(*f, fmt.Sprintf("cases[%d].p_engaged_from", ci), o)
				if err != nil {
					return nil, err
				}
				got = share{p, src, bound}
				shares[*f] = got
			}
			e.PEngaged, c.PEngagedSource, bound = got.p, got.src, got.bound
			if got.p == 0 {
				// p_engaged 0 reads as 1 in the formulas; a defense
				// that engages nothing fires nothing.
				e.Interceptors = 0
				c.PEngagedSource += "; no warhead can be engaged, so the case fires no interceptors"
			}
		}
		oc, err := e.Outcome()
		if err != nil {
			return nil, err
		}
		curve, err := analysis.SalvoExchangeCurve(e, s.Interceptors)
		if err != nil {
			return nil, err
		}
		ne := c.notEngaged()
		cr := SalvoCaseResult{Name: c.Name, WarheadsName: c.warheadsName(), Engagement: e, PEngagedSource: c.PEngagedSource, PEngagedBound: bound, Outcome: oc, NotEngaged: c.NotEngaged,
			TotalWarheads: e.Warheads + ne, TotalSurviving: oc.ExpectedLeakers + float64(ne), Curve: curve}
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
		p := fmt.Sprintf("%s (%s): %s %s", c.Name, doctrineShort(e), commaInt(e.Warheads), c.WarheadsName)
		if e.PEngaged > 0 && e.PEngaged < 1 {
			p += fmt.Sprintf(", %s of them engageable,", pct(e.PEngaged))
		}
		p += fmt.Sprintf(" against %s interceptors of Pk %g leave %s", commaInt(e.Interceptors), e.Pk, commaInt(int(math.Round(c.Outcome.ExpectedLeakers))))
		if len(c.NotEngaged) > 0 {
			var ne []string
			for _, u := range c.NotEngaged {
				ne = append(ne, fmt.Sprintf("%s %s", commaInt(u.Warheads), u.Name))
			}
			p += fmt.Sprintf("; with %s not engaged, %s of %s survive", strings.Join(ne, " and "),
				commaInt(int(math.Round(c.TotalSurviving))), commaInt(c.TotalWarheads))
		}
		if c.InterceptorsNeeded != nil {
			p += fmt.Sprintf("; %s interceptors would cut the %s to %g", commaInt(*c.InterceptorsNeeded), c.WarheadsName, out.MaxLeakers)
		}
		parts = append(parts, p)
	}
	h.Answer = "Expected survivors — " + strings.Join(parts, ". ") + "."
	var bounds []string
	for _, c := range out.Cases {
		if c.PEngagedBound && !slices.Contains(bounds, pct(c.Engagement.PEngaged)) {
			bounds = append(bounds, pct(c.Engagement.PEngaged))
		}
	}
	if len(bounds) > 0 {
		h.Answer += fmt.Sprintf(" The engageable shares (%s) are bounds that no sensor chain attains, computed by this run from the battle-space rows that p_engaged_from names (p_engaged_source in the JSON), so these survivors are lower bounds.", strings.Join(bounds, ", "))
	}
	if len(out.Cases) > 0 {
		h.Value = out.Cases[0].TotalSurviving
	}
	return h
}

// doctrineShort names the doctrine computed, for the headline.
func doctrineShort(e analysis.SalvoEngagement) string { return doctrineName(e, false) }

// doctrineLabel names the doctrine computed, with its shots and looks.
func doctrineLabel(e analysis.SalvoEngagement) string { return doctrineName(e, true) }

// doctrineName names the doctrine of e with its shots and looks, in the
// headline's short form or the table's long one.
func doctrineName(e analysis.SalvoEngagement, long bool) string {
	switch e.Doctrine {
	case analysis.SalvoBarrage:
		if long {
			return fmt.Sprintf("barrage, %d per warhead while interceptors last", e.ShotsPerLook)
		}
		return fmt.Sprintf("barrage of %d", e.ShotsPerLook)
	case analysis.SalvoSpread:
		if long {
			return fmt.Sprintf("spread, one at each warhead then more, up to %d", e.ShotsPerLook)
		}
		return fmt.Sprintf("spread, up to %d each", e.ShotsPerLook)
	case analysis.SalvoShootLookShoot:
		return fmt.Sprintf("shoot-look-shoot, %d per look, %d looks", e.ShotsPerLook, max(e.Looks, 1))
	}
	return string(e.Doctrine)
}

func salvoSections(s *Salvo, out SalvoResults) []report.Section {
	plot := report.LinePlot{Caption: "Exchange curves: expected surviving engageable warheads against interceptors in the magazine",
		X: report.Axis{Label: "interceptors", Zero: true}, Y: report.Axis{Label: "expected surviving warheads", Zero: true}}
	pz := report.LinePlot{Caption: "Probability that no engageable warhead survives",
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
	t := report.Table{Caption: "Each case at its magazine: exact result and a seeded Monte Carlo check (engageable warheads)", Columns: []report.Column{
		{Heading: "case"}, {Heading: "warheads engaged at P(engaged)"}, {Heading: "count", Numeric: true}, {Heading: "interceptors", Numeric: true}, {Heading: "Pk", Numeric: true},
		{Heading: "doctrine"}, {Heading: "expected leakers", Numeric: true}, {Heading: "method"}, {Heading: "Monte Carlo (95 % CI)", Numeric: true},
		{Heading: fmt.Sprintf("interceptors for ≤ %g leakers", out.MaxLeakers), Numeric: true},
		{Heading: "not engaged", Numeric: true}, {Heading: "surviving of all", Numeric: true}}}
	var notes []string
	for _, c := range out.Cases {
		e := c.Engagement
		need := "unreachable"
		if c.InterceptorsNeeded != nil {
			need = fmt.Sprint(*c.InterceptorsNeeded)
		}
		doc := doctrineLabel(e)
		if e.PEngaged > 0 && e.PEngaged < 1 {
			doc += fmt.Sprintf(", P(engaged) %.2f", e.PEngaged)
			notes = append(notes, fmt.Sprintf("%s: P(engaged) %.4g from %s.", c.Name, e.PEngaged, c.PEngagedSource))
		}
		for _, u := range c.NotEngaged {
			notes = append(notes, fmt.Sprintf("%s: %s %s not engaged: %s.", c.Name, commaInt(u.Warheads), u.Name, u.Why))
		}
		t.Rows = append(t.Rows, []string{c.Name, c.WarheadsName, fmt.Sprint(e.Warheads), fmt.Sprint(e.Interceptors), fmt.Sprint(e.Pk), doc,
			fmtF(c.Outcome.ExpectedLeakers, 2), c.Outcome.Method,
			fmt.Sprintf("%.2f (%.2f–%.2f)", c.MonteCarlo.LeakersMean, c.MonteCarlo.LeakersCI95[0], c.MonteCarlo.LeakersCI95[1]), need,
			fmt.Sprint(c.TotalWarheads - e.Warheads), fmt.Sprintf("%s of %s", fmtF(c.TotalSurviving, 1), commaInt(c.TotalWarheads))})
	}
	t.Notes = append([]string{"Closed forms: a warhead given k independent shots leaks with probability (1 − Pk)^k. Barrage fires s at each engaged warhead in turn while interceptors last, so a short magazine leaves warheads unengaged; spread fires one at each engaged warhead, then seconds, up to s; shoot-look-shoot with an ample magazine leaks (1 − Pk)^(s·L), and with a short one is the exact Markov chain over looks (the look where the stock runs short is spread).",
		"Exchange curves and 'interceptors for' count the engageable warheads only; warheads not engaged survive at any magazine."}, notes...)
	return []report.Section{{Heading: "Salvo arithmetic", Blocks: []report.Block{t, plot, pz}}}
}
