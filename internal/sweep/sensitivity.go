package sweep

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// Param is one catalog value a sensitivity run moves.
type Param struct {
	Entry, Key string
	Band       catalog.Value
}

// Name is "ENTRY.key".
func (p Param) Name() string { return p.Entry + "." + p.Key }

// Params lists the values of the systems that have a band (Low < High),
// in the systems' order, then ValueKeys order; point values have nothing
// to move and are counted in fixed.
func Params(systems []string) (banded []Param, fixed int) {
	for _, n := range systems {
		e, err := catalog.Lookup(n)
		if err != nil {
			continue
		}
		for _, k := range e.ValueKeys() {
			v, _ := e.Value(k)
			if v.Low < v.High {
				banded = append(banded, Param{Entry: e.Name, Key: k, Band: v})
			} else {
				fixed++
			}
		}
	}
	return banded, fixed
}

// Matching returns the params whose Name contains one of words
// (case-insensitive).
func Matching(params []Param, words []string) []Param {
	var out []Param
	for _, p := range params {
		n := strings.ToLower(p.Name())
		for _, w := range words {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" && strings.Contains(n, w) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// SensitivityRow is one parameter's two runs: at its low and at its high
// value, every other value central.
type SensitivityRow struct {
	Entry   string  `json:"entry"`
	Key     string  `json:"key"`
	Unit    string  `json:"unit"`
	Low     float64 `json:"low"`
	Central float64 `json:"central"`
	High    float64 `json:"high"`
	Source  string  `json:"source"`
	Date    string  `json:"date"`
	Note    string  `json:"note,omitempty"`
	// LeakersAtLow and LeakersAtHigh are the headline statistic, leakers
	// per raid (mean), at the parameter's low and high value; Swing is
	// the spread of the three runs (low, central, high).
	LeakersAtLow  float64 `json:"leakers_at_low"`
	LeakersAtHigh float64 `json:"leakers_at_high"`
	Swing         float64 `json:"swing"`
	AtLow         Row     `json:"at_low"`
	AtHigh        Row     `json:"at_high"`
}

// Sensitivity is the result of a sensitivity run.
type Sensitivity struct {
	Scenario       string           `json:"scenario"`
	File           string           `json:"file"`
	ScenarioSHA256 string           `json:"scenario_sha256"`
	RampartVersion string           `json:"rampart_version"`
	Seed           int64            `json:"seed"`
	Trials         int              `json:"trials"`
	Fidelity       string           `json:"fidelity"`
	Statistic      string           `json:"statistic"`
	Notes          []string         `json:"notes"`
	FixedValues    int              `json:"fixed_values"`
	Central        Row              `json:"central"`
	Rows           []SensitivityRow `json:"rows"` // largest swing first
}

// RunSensitivity runs s at the catalog's central values, then each of
// params at its low and at its high value, one at a time. Every run uses
// the same seed (common random numbers), so a swing is the parameter's
// effect and not a change of random streams.
func RunSensitivity(s *scenario.Scenario, params []Param, o Options) (*Sensitivity, error) {
	run := func(ov catalog.Overrides) (Row, error) { return runRow(s, ov, o.Seed, o) }
	total := 1 + 2*len(params)
	done := 0
	tick := func() {
		done++
		if o.Progress != nil {
			o.Progress(done, total)
		}
	}
	central, err := run(nil)
	if err != nil {
		return nil, err
	}
	tick()
	out := &Sensitivity{Scenario: s.Name, File: s.File, ScenarioSHA256: s.SHA256, Seed: o.Seed, Trials: o.Trials,
		Fidelity: central.Fidelity, Statistic: central.LeakerUnit + " leaking per raid (mean)", Central: central, Notes: []string{}}
	for _, p := range params {
		if o.Context != nil {
			if err := o.Context.Err(); err != nil {
				return nil, err
			}
		}
		r := SensitivityRow{Entry: p.Entry, Key: p.Key, Unit: p.Band.Unit, Low: p.Band.Low, Central: p.Band.Central, High: p.Band.High,
			Source: p.Band.Source, Date: p.Band.Date, Note: p.Band.Note}
		for i, x := range []float64{p.Band.Low, p.Band.High} {
			ov := catalog.Overrides{}
			ov.Set(p.Entry, p.Key, x)
			row, err := run(ov)
			if err != nil {
				return nil, fmt.Errorf("%s at %g: %w", p.Name(), x, err)
			}
			row.Settings = []Setting{{Path: "catalog.\"" + p.Entry + "\"." + p.Key, Value: fmtNum(x), Num: x}}
			if i == 0 {
				r.AtLow, r.LeakersAtLow = row, row.LeakersMean
			} else {
				r.AtHigh, r.LeakersAtHigh = row, row.LeakersMean
			}
			tick()
		}
		lo, hi := central.LeakersMean, central.LeakersMean
		for _, x := range []Row{r.AtLow, r.AtHigh} {
			if x.Refused == "" {
				lo, hi = math.Min(lo, x.LeakersMean), math.Max(hi, x.LeakersMean)
			}
		}
		r.Swing = hi - lo
		out.Rows = append(out.Rows, r)
	}
	sort.SliceStable(out.Rows, func(i, j int) bool { return out.Rows[i].Swing > out.Rows[j].Swing })
	return out, nil
}
