package sweep

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// Limits of a sweep: each is an iteration cap.
const (
	// MaxAxisValues bounds the values of one axis (a lo:hi:step range).
	MaxAxisValues = 10_000
	// MaxPoints bounds the points of a grid, the product of its axes.
	MaxPoints = 10_000
)

// Axis is one --vary: a target and its values, in the order given.
type Axis struct {
	Target *Target
	Values []Value
}

// Value is one value of an axis: its text as it goes into the scenario,
// and its number for plots (NaN for a word; 0 and 1 for false and true).
type Value struct {
	Text string
	Num  float64
}

// ParseAxis parses PATH=VALUES against the scenario s as loaded; systems
// are the catalog entries its engine run uses. Every value is checked: a
// scenario field by applying it alone and validating the scenario, a
// catalog value against catalog.Bounds.
func ParseAxis(arg string, s *scenario.Scenario, systems []string) (*Axis, error) {
	path, list, ok := cutOutsideQuotes(arg, '=')
	if !ok {
		// An unbalanced quote: cut at the last '=' and let the path's
		// parser name the quote.
		if i := strings.LastIndexByte(arg, '='); i >= 0 {
			path, list, ok = arg[:i], arg[i+1:], true
		}
	}
	if !ok || strings.TrimSpace(list) == "" {
		return nil, badInput("--vary %q: want PATH=VALUES, e.g. owners[US].doctrine.salvo=1,2,3 or catalog.\"SM-3 IIA\".burnout_speed_kms=3.5:6:0.25", arg)
	}
	t, err := parseTarget(strings.TrimSpace(path), s, systems)
	if err != nil {
		return nil, err
	}
	a := &Axis{Target: t}
	kind := reflect.Float64
	if !t.IsCatalog() {
		kind = t.leaf.Kind()
		if kind == reflect.Pointer {
			kind = t.leaf.Elem().Kind()
		}
	}
	switch kind {
	case reflect.Bool:
		for _, w := range strings.Split(list, ",") {
			b, err := strconv.ParseBool(strings.TrimSpace(w))
			if err != nil {
				return nil, badInput("--vary %s: %q is not allowed; allowed: true, false", t.Path, w)
			}
			a.Values = append(a.Values, Value{Text: strconv.FormatBool(b), Num: b2f(b)})
		}
	case reflect.String:
		for _, w := range strings.Split(list, ",") {
			a.Values = append(a.Values, Value{Text: strings.TrimSpace(w), Num: math.NaN()})
		}
	default:
		nums, err := parseNumbers(t.Path, list)
		if err != nil {
			return nil, err
		}
		for _, x := range nums {
			if (kind == reflect.Int || kind == reflect.Int64) && x != math.Trunc(x) {
				return nil, badInput("--vary %s: %s is not a whole number; the field takes whole numbers", t.Path, fmtNum(x))
			}
			a.Values = append(a.Values, Value{Text: fmtNum(x), Num: x})
		}
	}
	seen := map[string]bool{}
	for _, v := range a.Values {
		if seen[v.Text] {
			return nil, badInput("--vary %s: value %s is given twice", t.Path, v.Text)
		}
		seen[v.Text] = true
		if err := a.check(v, s); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// check refuses a value the target may not take.
func (a *Axis) check(v Value, s *scenario.Scenario) error {
	t := a.Target
	if t.IsCatalog() {
		lo, hi, what := catalog.Bounds(t.Band.Unit)
		if v.Num < lo || v.Num > hi || math.IsNaN(v.Num) {
			unit := " " + t.Band.Unit
			if t.Band.Unit == "1" {
				unit = ""
			}
			return badInput("--vary %s: %s is out of range; %s.%s is %s, allowed: %s to %s%s (catalog: %s)",
				t.Path, v.Text, t.Entry, t.Key, what, fmtNum(lo), fmtNum(hi), unit, t.Band)
		}
		return nil
	}
	c, err := reload(s)
	if err != nil {
		return err
	}
	if err := t.set(c, v); err != nil {
		return err
	}
	if err := scenario.Validate(c, scenario.DefaultCatalog()); err != nil {
		return badInput("--vary %s=%s: the scenario refuses it:\n%v", t.Path, v.Text, err)
	}
	return nil
}

// set writes v into the scenario c at t's field.
func (t *Target) set(c *scenario.Scenario, v Value) error {
	f, err := t.locate(c)
	if err != nil {
		return err
	}
	if f.Kind() == reflect.Pointer {
		p := reflect.New(f.Type().Elem())
		p.Elem().SetFloat(v.Num)
		f.Set(p)
		return nil
	}
	switch f.Kind() {
	case reflect.Bool:
		f.SetBool(v.Num != 0)
	case reflect.String:
		f.SetString(v.Text)
	case reflect.Int, reflect.Int64:
		f.SetInt(int64(v.Num))
	case reflect.Float64:
		f.SetFloat(v.Num)
	}
	return nil
}

// parseNumbers parses "1,2,3" or "lo:hi:step" (inclusive).
func parseNumbers(path, list string) ([]float64, error) {
	if strings.Contains(list, ":") {
		parts := strings.Split(list, ":")
		if len(parts) != 3 {
			return nil, badInput("--vary %s: a range is lo:hi:step, got %q", path, list)
		}
		var x [3]float64
		for i, p := range parts {
			v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, badInput("--vary %s: %q in %q is not a number", path, p, list)
			}
			x[i] = v
		}
		lo, hi, st := x[0], x[1], x[2]
		if st <= 0 || hi < lo {
			return nil, badInput("--vary %s: range %q needs lo <= hi and step > 0", path, list)
		}
		n := math.Floor((hi-lo)/st*(1+1e-12)+1e-9) + 1
		if n > MaxAxisValues {
			return nil, badInput("--vary %s: range %q has %.0f values; at most %d a axis", path, list, n, MaxAxisValues)
		}
		out := make([]float64, int(n))
		for i := range out {
			// 12 significant digits, so that 3.5+4×0.25 is 4.5.
			out[i] = jsonout.RoundSignificant(lo+float64(i)*st, 12)
		}
		return out, nil
	}
	var out []float64
	for _, w := range strings.Split(list, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, badInput("--vary %s: %q is not a number", path, w)
		}
		out = append(out, v)
		if len(out) > MaxAxisValues {
			return nil, badInput("--vary %s: more than %d values", path, MaxAxisValues)
		}
	}
	return out, nil
}

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// cutOutsideQuotes cuts s at the first sep outside double quotes.
func cutOutsideQuotes(s string, sep byte) (string, string, bool) {
	in := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			in = !in
		case sep:
			if !in {
				return s[:i], s[i+1:], true
			}
		}
	}
	return s, "", false
}

// reload reads the scenario s again, as a fresh copy to set values in.
func reload(s *scenario.Scenario) (*scenario.Scenario, error) {
	name := s.File
	if s.Library != "" {
		name = s.Library
	}
	c, err := scenario.Load(name)
	if err != nil {
		return nil, err
	}
	if c.SHA256 != s.SHA256 {
		return nil, fmt.Errorf("%s changed during the sweep (SHA-256 %s, was %s)", name, c.SHA256, s.SHA256)
	}
	return c, nil
}
