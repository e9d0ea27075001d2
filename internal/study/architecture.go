package study

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/strict"
)

// Architecture is the input of the architecture comparison: the scenario's
// raid and defenses run under each architecture on the same random
// streams, and, with WarningValue, each again with no sharing between
// owners.
type Architecture struct {
	// Architectures to compare, in order; empty means sectoral, then
	// separate-linked.
	Architectures []string `json:"architectures,omitempty"`
	WarningValue  bool     `json:"warning_value,omitempty"`

	scenario *scenario.Scenario
}

// Validate checks the architectures against the scenario's owners.
func (a *Architecture) Validate() error {
	var errs []error
	for i, name := range a.Architectures {
		arch := scenario.Architecture(name)
		if !slices.Contains(scenario.Architectures, arch) {
			var allowed []string
			for _, x := range scenario.Architectures {
				allowed = append(allowed, string(x))
			}
			errs = append(errs, strict.Fieldf(fmt.Sprintf("architectures[%d]", i), "%q is not allowed; allowed: %s", name, strings.Join(allowed, ", ")))
			continue
		}
		if arch != scenario.Integrated && a.scenario != nil && len(a.scenario.Owners) < 2 {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("architectures[%d]", i), "%s needs at least two owners; the scenario declares %d", name, len(a.scenario.Owners)))
		}
	}
	if a.scenario != nil && len(a.scenario.Threats) == 0 {
		errs = append(errs, errors.New("the architecture comparison needs the scenario's threats, sites and assets; threats is empty"))
	}
	return errors.Join(errs...)
}

func (a *Architecture) list() []scenario.Architecture {
	if len(a.Architectures) == 0 {
		return []scenario.Architecture{scenario.Sectoral, scenario.SeparateLinked}
	}
	var out []scenario.Architecture
	for _, x := range a.Architectures {
		out = append(out, scenario.Architecture(x))
	}
	return out
}

// ArchitectureRun is the outcome of the raid under one architecture.
type ArchitectureRun struct {
	Architecture          string  `json:"architecture"`
	SurvivingValueMean    float64 `json:"surviving_value_mean"`
	TotalValue            float64 `json:"total_value"`
	InterceptorsMean      float64 `json:"interceptors_mean"`
	LeakersMean           float64 `json:"leakers_mean"`
	DoubleEngagementsMean float64 `json:"double_engagements_mean"`
	SectorLeakersMean     float64 `json:"sector_leakers_mean"`
	// TracksPerMissile is the most firm tracks a picture held at once per
	// missile, averaged over pictures and trials (1: one track per
	// missile, no duplicates).
	TracksPerMissile float64 `json:"tracks_per_missile"`
	// UnattributedMean is the interceptors per raid fired at tracks that
	// followed no missile (intercept point over 100 km from every one).
	UnattributedMean float64     `json:"interceptors_at_no_missile_mean"`
	Assets           []AssetJSON `json:"assets"`
	// VersusFirst is the paired difference in surviving value from the
	// first architecture, on the same streams (absent for the first).
	VersusFirst *SharingJSON `json:"versus_first,omitempty"`
	// EarlyWarning is the value of sharing: this architecture against the
	// same owners with no links and no shared pictures.
	EarlyWarning *SharingJSON `json:"early_warning,omitempty"`
}

// AssetJSON is an asset's survival.
type AssetJSON struct {
	Name     string     `json:"name"`
	Owner    string     `json:"owner,omitempty"`
	Value    float64    `json:"value"`
	PSurvive float64    `json:"p_survive"`
	CI95     [2]float64 `json:"p_survive_ci95"`
	// Status, in an engine run, says what the raid did to the asset (an
	// AssetStatus: defended, attacked_not_engaged, not_attacked,
	// out_of_reach); Attackers and InReach count the missiles aimed at it
	// and those of them that can reach it.
	Status    AssetStatus `json:"status,omitempty"`
	Attackers *int        `json:"attackers,omitempty"`
	InReach   *int        `json:"attackers_in_reach,omitempty"`
}

// SharingJSON is a paired difference of surviving value.
type SharingJSON struct {
	Mean       float64    `json:"mean"`
	Other      float64    `json:"other_mean"`
	Difference float64    `json:"difference"`
	CI95       [2]float64 `json:"difference_ci95"`
}

func sharingJSON(v sim.SharingValue) *SharingJSON {
	return &SharingJSON{Mean: v.WithMean, Other: v.WithoutMean, Difference: v.DiffMean,
		CI95: [2]float64{v.DiffCI95[0], v.DiffCI95[1]}}
}

// ArchitectureResults is the JSON of an architecture comparison.
type ArchitectureResults struct {
	Trials        int               `json:"trials"`
	Architectures []ArchitectureRun `json:"architectures"`
}

// Run runs the raid under each architecture.
func (a *Architecture) Run(s *scenario.Scenario, o Options) (*Result, error) {
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	mc := func(label string, sc *scenario.Scenario, opts sim.Options) (*sim.World, *sim.Summary, error) {
		// Each architecture's phases carry its name: one bar a phase.
		var aiming func(string, int, int)
		if o.Progress != nil {
			aiming = func(phase string, done, total int) { o.Progress(phase+", "+label, done, total) }
		}
		w, err := buildWorld(sc, opts, aiming)
		if err != nil {
			return nil, nil, err
		}
		var progress func(int)
		if o.Progress != nil {
			label = "Monte Carlo trials, " + label
			o.Progress(label, 0, o.Trials)
			progress = func(done int) { o.Progress(label, done, o.Trials) }
		}
		sum, err := w.MonteCarlo(ctx, o.Seed, o.Trials, o.Workers, progress, nil)
		return w, sum, err
	}
	out := ArchitectureResults{Trials: o.Trials}
	res := &Result{Kind: "architecture"}
	var first *sim.Summary
	for _, arch := range a.list() {
		sc := *s
		sc.Run.Architecture = arch
		w, sum, err := mc(string(arch), &sc, o.Sim)
		if err != nil {
			return nil, err
		}
		run := ArchitectureRun{Architecture: string(arch), SurvivingValueMean: sum.SurvivingValueMean, TotalValue: sum.TotalValue,
			InterceptorsMean: sum.InterceptorsMean, LeakersMean: sum.LeakersMean,
			DoubleEngagementsMean: sum.DoubleEngagementsMean, SectorLeakersMean: sum.SectorLeakersMean,
			TracksPerMissile: sum.TracksPerMissileMean, UnattributedMean: sum.UnattributedMean, Assets: AssetsJSON(sum)}
		if first == nil {
			first = sum
			res.Scene = EngineScene(&sc, w, sum)
			res.Systems = EngineSystems(w)
		} else {
			run.VersusFirst = sharingJSON(sim.CompareSharing(sum, first))
		}
		if a.WarningValue && arch != scenario.Integrated {
			alone := o.Sim
			alone.NoSharing = true
			_, sum2, err := mc(string(arch)+", no sharing", &sc, alone)
			if err != nil {
				return nil, err
			}
			run.EarlyWarning = sharingJSON(sim.CompareSharing(sum, sum2))
		}
		out.Architectures = append(out.Architectures, run)
	}
	res.Results = out
	res.Headline = architectureHeadline(s, out)
	res.Sections = architectureSections(out, res)
	res.Events = [][]string{{"architecture", "asset", "owner", "value", "p_survive", "ci95_low", "ci95_high"}}
	for _, r := range out.Architectures {
		for _, x := range r.Assets {
			res.Events = append(res.Events, []string{r.Architecture, x.Name, x.Owner, fmtF(x.Value, 2), fmtF(x.PSurvive, 4), fmtF(x.CI95[0], 4), fmtF(x.CI95[1], 4)})
		}
	}
	return res, nil
}

// AssetsJSON lists each asset's survival, rounded.
func AssetsJSON(sum *sim.Summary) []AssetJSON {
	out := []AssetJSON{}
	for _, x := range sum.Assets {
		out = append(out, AssetJSON{Name: x.Name, Owner: x.Owner, Value: x.Value, PSurvive: x.PSurvive,
			CI95: [2]float64{x.CI95[0], x.CI95[1]}})
	}
	return out
}

func architectureHeadline(s *scenario.Scenario, out ArchitectureResults) Headline {
	h := Headline{Question: s.Question}
	var parts []string
	for _, r := range out.Architectures {
		p := fmt.Sprintf("%s keeps %.1f of %g units of asset value (%.1f leakers, %.1f interceptors, %.1f double engagements per raid)",
			r.Architecture, r.SurvivingValueMean, r.TotalValue, r.LeakersMean, r.InterceptorsMean, r.DoubleEngagementsMean)
		if w := r.EarlyWarning; w != nil {
			p += fmt.Sprintf("; shared warning (its surviving value minus that of the same trials with no sharing between owners) is worth %+.1f (95 %% CI %+.1f to %+.1f, %s)", w.Difference, w.CI95[0], w.CI95[1], significance(w.CI95))
		}
		if len(parts) > 0 {
			p = upperFirst(p) // a new sentence
		}
		parts = append(parts, p)
	}
	h.Answer = fmt.Sprintf("Over %s trials on the same random streams: %s.", commaInt(out.Trials), strings.Join(parts, ". "))
	if len(out.Architectures) >= 2 {
		a, b := out.Architectures[0], out.Architectures[1]
		d := b.VersusFirst
		h.Value, h.Unit = d.Difference, fmt.Sprintf("surviving asset value, %s minus %s", b.Architecture, a.Architecture)
		h.Answer += fmt.Sprintf(" %s minus %s: %+.1f (95 %% CI %+.1f to %+.1f, %s at this number of trials).", upperFirst(string(b.Architecture)), a.Architecture, d.Difference, d.CI95[0], d.CI95[1], significance(d.CI95))
	} else if len(out.Architectures) == 1 {
		h.Value, h.Unit = out.Architectures[0].SurvivingValueMean, "surviving asset value"
	}
	return h
}

// upperFirst returns s with its first letter in upper case, to start a
// sentence with a name such as "separate-linked".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// significance says whether a difference with the 95 % interval ci is
// significant: whether the interval excludes zero.
func significance(ci [2]float64) string {
	if ci[0] > 0 || ci[1] < 0 {
		return "significant"
	}
	return "not significant"
}

func architectureSections(out ArchitectureResults, res *Result) []report.Section {
	t := report.Table{Caption: "The same raid under each architecture (means per trial)", Columns: []report.Column{{Heading: "architecture"},
		{Heading: "surviving value", Numeric: true}, {Heading: "leakers", Numeric: true}, {Heading: "interceptors", Numeric: true},
		{Heading: "double engagements", Numeric: true}, {Heading: "sector leakers", Numeric: true}, {Heading: "tracks per missile", Numeric: true}, {Heading: "interceptors at no missile", Numeric: true}, {Heading: "vs first (95 % CI)", Numeric: true}, {Heading: "shared warning (95 % CI)", Numeric: true}}}
	bars := report.BarChart{Caption: "Probability that each asset survives, by architecture", X: report.Axis{Label: "P(survive)", Min: 0, Max: 1}}
	for _, r := range out.Architectures {
		vs, ew := "–", "–"
		if r.VersusFirst != nil {
			vs = fmt.Sprintf("%+.2f (%+.2f to %+.2f)", r.VersusFirst.Difference, r.VersusFirst.CI95[0], r.VersusFirst.CI95[1])
		}
		if r.EarlyWarning != nil {
			ew = fmt.Sprintf("%+.2f (%+.2f to %+.2f)", r.EarlyWarning.Difference, r.EarlyWarning.CI95[0], r.EarlyWarning.CI95[1])
		}
		t.Rows = append(t.Rows, []string{r.Architecture, fmt.Sprintf("%.2f of %g", r.SurvivingValueMean, r.TotalValue), fmtF(r.LeakersMean, 2),
			fmtF(r.InterceptorsMean, 2), fmtF(r.DoubleEngagementsMean, 2), fmtF(r.SectorLeakersMean, 2), fmtF(r.TracksPerMissile, 1), fmtF(r.UnattributedMean, 2), vs, ew})
		ser := report.BarSeries{Name: r.Architecture}
		for _, x := range r.Assets {
			if len(bars.Series) == 0 {
				bars.Categories = append(bars.Categories, x.Name)
			}
			ser.Values = append(ser.Values, x.PSurvive)
		}
		bars.Series = append(bars.Series, ser)
	}
	t.Notes = []string{"Double engagements: missiles fired at by two or more commands (interceptors spent on a shared target). Sector leakers: leakers another command could have engaged but its sector barred. Tracks per missile: the most firm tracks one picture held at once, per missile of the raid (1 is one track per missile). Interceptors at no missile: fired at tracks that followed no missile (planned intercept over 100 km from every one), a cost of a picture's false or duplicate tracks. Shared warning: surviving value with the links and shared pictures minus without, paired on the same streams. The pairing is partial: each radar look and each kill draws from the trial's stream, so once sharing changes what a radar looks at (a cue, a track from the link), the two runs of a trial draw different numbers, and a difference whose interval includes 0 is within that noise."}
	return []report.Section{
		{Heading: "Architectures compared", Blocks: []report.Block{t, bars}},
		report.SceneSection(fmt.Sprintf("Geometry of the raid (%s, intercepts of trial 0)", out.Architectures[0].Architecture), res.Scene),
	}
}
