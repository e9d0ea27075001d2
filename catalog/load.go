package catalog

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Edition is the date stamped on values the catalog itself derives
// ("assumption: ..."), i.e. the date of the derivation.
const Edition = "2026-11"

var (
	dateRE = regexp.MustCompile(`^(1[89]|20)\d\d(-(0[1-9]|1[0-2]))?$`)
	keyRE  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// requiredParams lists the parameters every entry of a kind must have.
var requiredParams = map[Kind][]string{
	KindBallisticMissile: {"range_km", "payload_kg", "ballistic_coefficient_kgm2", "rcs_rv_m2", "rcs_booster_m2"},
	KindCruiseMissile:    {"range_km", "cruise_speed_kms", "cruise_altitude_m", "rcs_m2"},
	KindInterceptor: {"burnout_speed_kms", "burn_time_s", "max_range_km", "min_intercept_alt_km",
		"max_intercept_alt_km", "pk", "min_closing_speed_kms", "kill_vehicle_kg"},
	KindRadar:    {"frequency_ghz", "range_km", "fov_az_deg"},
	KindAircraft: {"max_speed_mach", "cruise_speed_kms", "climb_rate_mps", "service_ceiling_m"},
}

type loader struct {
	sources map[string]rawSource
	errs    []error
}

func (l *loader) errf(format string, args ...any) {
	l.errs = append(l.errs, fmt.Errorf(format, args...))
}

func loadFS(fsys fs.FS) (*catalogData, error) {
	names, err := fs.Glob(fsys, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("catalog: no data files embedded")
	}
	sort.Strings(names)
	l := &loader{sources: map[string]rawSource{}}
	var raws []rawEntry
	var where []string
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		var f rawFile
		if err := yaml.UnmarshalWithOptions(b, &f, yaml.DisallowUnknownField()); err != nil {
			return nil, fmt.Errorf("catalog: %s: %w", n, err)
		}
		for k, s := range f.Sources {
			if _, dup := l.sources[k]; dup {
				l.errf("%s: source %q defined twice", n, k)
			}
			if strings.TrimSpace(s.Cite) == "" || !dateRE.MatchString(s.Date) {
				l.errf("%s: source %q needs cite and a YYYY or YYYY-MM date (got %q)", n, k, s.Date)
			}
			l.sources[k] = s
		}
		for _, e := range f.Entries {
			raws = append(raws, e)
			where = append(where, path.Base(n))
		}
	}
	d := &catalogData{index: map[string]int{}}
	for i, r := range raws {
		e := l.entry(where[i], r)
		d.entries = append(d.entries, e)
	}
	sort.SliceStable(d.entries, func(i, j int) bool {
		a, b := d.entries[i], d.entries[j]
		if a.Kind != b.Kind {
			return a.Kind.order() < b.Kind.order()
		}
		return a.Name < b.Name
	})
	for i, e := range d.entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := normalize(n)
			if k == "" {
				l.errf("%s: empty name or alias", e.Name)
				continue
			}
			if j, dup := d.index[k]; dup && j != i {
				l.errf("name/alias %q of %s collides with %s", n, e.Name, d.entries[j].Name)
				continue
			}
			d.index[k] = i
		}
	}
	if len(l.errs) > 0 {
		return nil, fmt.Errorf("catalog: %d data error(s):\n%w", len(l.errs), errors.Join(l.errs...))
	}
	return d, nil
}

func (l *loader) entry(file string, r rawEntry) Entry {
	ctx := fmt.Sprintf("%s: %s", file, r.Name)
	e := Entry{
		Name:    strings.TrimSpace(r.Name),
		Aliases: r.Aliases,
		Kind:    Kind(r.Kind),
		Country: r.Country,
		Summary: strings.TrimSpace(r.Summary),
		Tags:    r.Tags,
		Params:  map[string]Value{},
	}
	if e.Name == "" {
		l.errf("%s: entry without name", file)
	}
	if !e.Kind.valid() {
		l.errf("%s: unknown kind %q", ctx, r.Kind)
	}
	if e.Summary == "" {
		l.errf("%s: missing summary", ctx)
	}
	if e.Country == "" {
		l.errf("%s: missing country", ctx)
	}
	for k, rv := range r.Params {
		if !keyRE.MatchString(k) {
			l.errf("%s: parameter name %q is not snake_case", ctx, k)
		}
		v := l.value(ctx+"."+k, rv, nil, "", "")
		if want := unitForKey(k); want != "" && v.Unit != want {
			l.errf("%s.%s: unit %q does not match name suffix (want %q)", ctx, k, v.Unit, want)
		}
		e.Params[k] = v
	}
	for _, req := range requiredParams[e.Kind] {
		if _, ok := e.Params[req]; !ok {
			l.errf("%s: %s entries require parameter %q", ctx, e.Kind, req)
		}
	}
	for i, rs := range r.Stages {
		sctx := fmt.Sprintf("%s.stage%d", ctx, i+1)
		st := Stage{
			ThrustKN:     l.value(sctx+".thrust_kn", rs.Thrust, rs.Src, rs.Assume, rs.Date),
			BurnTimeS:    l.value(sctx+".burn_time_s", rs.Burn, rs.Src, rs.Assume, rs.Date),
			PropellantKg: l.value(sctx+".propellant_kg", rs.Prop, rs.Src, rs.Assume, rs.Date),
			DryKg:        l.value(sctx+".dry_kg", rs.Dry, rs.Src, rs.Assume, rs.Date),
		}
		if rs.Note != "" {
			for _, p := range []*Value{&st.ThrustKN, &st.BurnTimeS, &st.PropellantKg, &st.DryKg} {
				if p.Note == "" {
					p.Note = rs.Note
				} else {
					p.Note += "; " + rs.Note
				}
			}
		}
		for _, c := range []struct {
			v    Value
			unit string
			name string
		}{{st.ThrustKN, "kN", "thrust_kn"}, {st.BurnTimeS, "s", "burn_time_s"}, {st.PropellantKg, "kg", "propellant_kg"}, {st.DryKg, "kg", "dry_kg"}} {
			if c.v.Unit != c.unit {
				l.errf("%s.%s: unit %q, want %q", sctx, c.name, c.v.Unit, c.unit)
			}
			if c.v.Low <= 0 {
				l.errf("%s.%s: must be positive", sctx, c.name)
			}
		}
		e.Stages = append(e.Stages, st)
	}
	if e.Kind == KindBallisticMissile && len(e.Stages) == 0 {
		l.errf("%s: ballistic missiles require stage data", ctx)
	}
	for _, rc := range r.Claims {
		c := Claim{Label: strings.TrimSpace(rc.Label), Note: rc.Note}
		if c.Label == "" {
			l.errf("%s: claim without label", ctx)
		}
		c.RangeKm = l.value(ctx+".claim["+c.Label+"]", rc.Range, nil, "", "")
		if c.RangeKm.Unit != "km" {
			l.errf("%s: claim %q range unit %q, want km", ctx, c.Label, c.RangeKm.Unit)
		}
		if c.RangeKm.Note == "" {
			c.RangeKm.Note = c.Label
		}
		e.Claims = append(e.Claims, c)
	}
	if r.Pos != nil {
		p := r.Pos
		src, date := l.sourceOf(ctx+".pos", p.Src)
		if p.Date != "" {
			date = p.Date
		}
		if p.Spread < 0 {
			l.errf("%s: negative spread_deg", ctx)
		}
		e.Lat = Value{Low: p.Lat - p.Spread, Central: p.Lat, High: p.Lat + p.Spread, Unit: "deg", Source: src, Date: date, Note: p.Note}
		e.Lon = Value{Low: p.Lon - p.Spread, Central: p.Lon, High: p.Lon + p.Spread, Unit: "deg", Source: src, Date: date, Note: p.Note}
		if math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 || (p.Lat == 0 && p.Lon == 0) {
			l.errf("%s: implausible position %v,%v", ctx, p.Lat, p.Lon)
		}
		l.check(ctx+".lat", e.Lat)
		l.check(ctx+".lon", e.Lon)
	}
	if e.Kind == KindSite && r.Pos == nil {
		l.errf("%s: sites require pos (lat/lon)", ctx)
	}
	if e.Kind != KindSite && r.Pos != nil {
		l.errf("%s: only sites carry a position", ctx)
	}
	return e
}

// sourceOf resolves one key or a list of keys to a citation and the most
// recent of their dates.
func (l *loader) sourceOf(ctx string, src any) (string, string) {
	var keys []string
	switch s := src.(type) {
	case nil:
	case string:
		keys = []string{s}
	case []any:
		for _, x := range s {
			if k, ok := x.(string); ok {
				keys = append(keys, k)
			} else {
				l.errf("%s: source keys must be strings", ctx)
			}
		}
	default:
		l.errf("%s: bad src %v", ctx, src)
	}
	var cites []string
	date := ""
	for _, k := range keys {
		s, ok := l.sources[k]
		if !ok {
			l.errf("%s: unknown source key %q", ctx, k)
			continue
		}
		c := s.Cite
		if s.URL != "" {
			c += " <" + s.URL + ">"
		}
		cites = append(cites, c)
		if s.Date > date {
			date = s.Date
		}
	}
	return strings.Join(cites, "; "), date
}

func (l *loader) value(ctx string, rv rawValue, defSrc any, defAssume, defDate string) Value {
	var v Value
	nums, err := numbers(rv.V)
	switch {
	case err != nil:
		l.errf("%s: %v", ctx, err)
	case len(nums) == 1:
		v.Low, v.Central, v.High = nums[0], nums[0], nums[0]
	case len(nums) == 3:
		v.Low, v.Central, v.High = nums[0], nums[1], nums[2]
	default:
		l.errf("%s: v must be a number or [low, central, high]", ctx)
	}
	v.Unit = rv.U
	v.Note = rv.Note
	src, assume, date := rv.Src, rv.Assume, rv.Date
	if src == nil && assume == "" {
		src, assume = defSrc, defAssume
	}
	if date == "" {
		date = defDate
	}
	if src != nil {
		v.Source, v.Date = l.sourceOf(ctx, src)
	}
	if assume != "" {
		a := "assumption: " + strings.TrimSpace(assume)
		if v.Source != "" {
			v.Source = a + " (basis: " + v.Source + ")"
		} else {
			v.Source = a
		}
		v.Date = Edition
		if v.Note == "" {
			v.Note = "assumption"
		}
	}
	if date != "" {
		v.Date = date
	}
	l.check(ctx, v)
	return v
}

func (l *loader) check(ctx string, v Value) {
	if strings.TrimSpace(v.Source) == "" {
		l.errf("%s: missing source", ctx)
	}
	if !dateRE.MatchString(v.Date) {
		l.errf("%s: bad date %q (want YYYY or YYYY-MM)", ctx, v.Date)
	}
	for _, x := range []float64{v.Low, v.Central, v.High} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			l.errf("%s: non-finite value", ctx)
		}
	}
	if !(v.Low <= v.Central && v.Central <= v.High) {
		l.errf("%s: want low <= central <= high, got %v, %v, %v", ctx, v.Low, v.Central, v.High)
	}
	ok := false
	for _, u := range Units {
		if v.Unit == u {
			ok = true
		}
	}
	if !ok {
		l.errf("%s: unknown unit %q", ctx, v.Unit)
	}
}

func numbers(x any) ([]float64, error) {
	one := func(y any) (float64, error) {
		switch n := y.(type) {
		case float64:
			return n, nil
		case float32:
			return float64(n), nil
		case int:
			return float64(n), nil
		case int64:
			return float64(n), nil
		case uint64:
			return float64(n), nil
		case int32:
			return float64(n), nil
		case uint32:
			return float64(n), nil
		}
		return 0, fmt.Errorf("not a number: %v (%T)", y, y)
	}
	switch t := x.(type) {
	case nil:
		return nil, errors.New("missing v")
	case []any:
		out := make([]float64, 0, len(t))
		for _, y := range t {
			f, err := one(y)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
		return out, nil
	default:
		f, err := one(t)
		if err != nil {
			return nil, err
		}
		return []float64{f}, nil
	}
}
