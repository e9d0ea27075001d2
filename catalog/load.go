package catalog

import (
	"embed"
	"errors"
	"fmt"
	"github.com/rampart-sim/rampart/internal/spelling"
	"io/fs"
	"math"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Edition is the date stamped on values the catalog itself derives
// ("assumption: ..."), i.e. the date of the derivation.
const Edition = "2026-11"

// rawFile is the YAML layout of one data file.
type rawFile struct {
	Sources map[string]rawSource `yaml:"sources"`
	Entries []rawEntry           `yaml:"entries"`
}

type rawSource struct {
	Cite string `yaml:"cite"`
	Date string `yaml:"date"`
	URL  string `yaml:"url"`
}

type rawValue struct {
	V      any    `yaml:"v"`      // number or [low, central, high]
	U      string `yaml:"u"`      // unit
	Src    any    `yaml:"src"`    // source key or list of keys
	Assume string `yaml:"assume"` // derivation text; makes the value an assumption
	Date   string `yaml:"date"`   // overrides the source date
	Note   string `yaml:"note"`
}

type rawStage struct {
	Thrust rawValue `yaml:"thrust_kn"`
	Burn   rawValue `yaml:"burn_time_s"`
	Prop   rawValue `yaml:"propellant_kg"`
	Dry    rawValue `yaml:"dry_kg"`
	Src    any      `yaml:"src"`    // default for the four values
	Assume string   `yaml:"assume"` // default for the four values
	Note   string   `yaml:"note"`
	Date   string   `yaml:"date"`
}

type rawClaim struct {
	Label string   `yaml:"label"`
	Range rawValue `yaml:"range_km"`
	Note  string   `yaml:"note"`
}

type rawPos struct {
	Lat    float64 `yaml:"lat"`
	Lon    float64 `yaml:"lon"`
	Spread float64 `yaml:"spread_deg"`
	Src    any     `yaml:"src"`
	Date   string  `yaml:"date"`
	Note   string  `yaml:"note"`
}

type rawEntry struct {
	Name    string              `yaml:"name"`
	Aliases []string            `yaml:"aliases"`
	Kind    string              `yaml:"kind"`
	Country string              `yaml:"country"`
	Summary string              `yaml:"summary"`
	Tags    []string            `yaml:"tags"`
	Params  map[string]rawValue `yaml:"params"`
	Stages  []rawStage          `yaml:"stages"`
	Claims  []rawClaim          `yaml:"claims"`
	Pos     *rawPos             `yaml:"pos"`
}

type catalogData struct {
	entries []Entry
	index   map[string]int // normalized name/alias -> entry index
}

var loadOnce = sync.OnceValues(func() (*catalogData, error) { return loadFS(dataFS) })

// Load parses and validates the embedded data (once). All other functions
// use it; the package tests call it so that bad data fails the build's
// tests rather than a user's run.
func Load() ([]Entry, error) {
	d, err := loadOnce()
	if err != nil {
		return nil, err
	}
	return d.entries, nil
}

// MustLoad is Load that panics on error.
func MustLoad() []Entry {
	e, err := Load()
	if err != nil {
		panic(err)
	}
	return e
}

func mustData() *catalogData {
	d, err := loadOnce()
	if err != nil {
		panic(err)
	}
	return d
}

// All returns every entry sorted by Kind (catalog order) then Name. The
// returned entries share no mutable state with the catalog except Params
// maps, which callers must not modify (use Entry.WithClaim or copy).
// All panics if the embedded data is invalid, which the package tests
// rule out.
func All() []Entry {
	d := mustData()
	return append([]Entry(nil), d.entries...)
}

// ByKind returns the entries of kind k, sorted by Name.
func ByKind(k Kind) []Entry {
	var out []Entry
	for _, e := range mustData().entries {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

// Names returns the canonical names of the entries of kind k, sorted. An
// empty kind returns all names.
func Names(k Kind) []string {
	var out []string
	for _, e := range mustData().entries {
		if k == "" || e.Kind == k {
			out = append(out, e.Name)
		}
	}
	return out
}

// Lookup finds an entry by canonical name or alias. Matching ignores case,
// spaces, hyphens, underscores, dots, slashes and common diacritics
// ("kurecik" finds "Kürecik"). "NAME (CLAIM)" returns the entry with that
// claim applied, e.g. "9M729 (Russian claim)". On failure the error lists
// close matches, or the allowed names when there are none.
func Lookup(name string) (Entry, error) {
	d, err := loadOnce()
	if err != nil {
		return Entry{}, err
	}
	if i, ok := d.index[normalize(name)]; ok {
		return d.entries[i], nil
	}
	if base, label, ok := splitClaim(name); ok {
		if i, ok := d.index[normalize(base)]; ok {
			return d.entries[i].WithClaim(label)
		}
	}
	sugg := d.suggest(name, 6)
	if len(sugg) > 0 {
		return Entry{}, fmt.Errorf("catalog: no entry %q; did you mean: %s", name, strings.Join(sugg, ", "))
	}
	return Entry{}, fmt.Errorf("catalog: no entry %q; known names: %s", name, strings.Join(Names(""), ", "))
}

// splitClaim splits "NAME (LABEL)".
func splitClaim(s string) (base, label string, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	i := strings.LastIndex(s, "(")
	if i <= 0 {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1]), true
}

func (d *catalogData) suggest(q string, most int) []string {
	nq := normalize(q)
	type cand struct {
		name  string
		score int
	}
	best := map[string]int{}
	for key, i := range d.index {
		name := d.entries[i].Name
		score := spelling.Distance(nq, key)
		if nq != "" && (strings.Contains(key, nq) || strings.Contains(nq, key)) {
			score = min(score, 1)
		}
		if s, ok := best[name]; !ok || score < s {
			best[name] = score
		}
	}
	limit := max(2, len([]rune(nq))/3)
	var cs []cand
	for n, s := range best {
		if s <= limit {
			cs = append(cs, cand{n, s})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score < cs[j].score
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for i := 0; i < len(cs) && i < most; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

var fold = map[rune]string{
	'ä': "a", 'á': "a", 'à': "a", 'â': "a", 'ã': "a", 'å': "a", 'ą': "a", 'ā': "a",
	'ç': "c", 'č': "c", 'ć': "c",
	'ď': "d", 'đ': "d",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ē': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'į': "i", 'ı': "i", 'ī': "i",
	'ł': "l", 'ľ': "l", 'ĺ': "l",
	'ñ': "n", 'ń': "n", 'ň': "n", 'ņ': "n",
	'ö': "o", 'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ø': "o", 'ő': "o",
	'ř': "r", 'ŕ': "r",
	'š': "s", 'ś': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ü': "u", 'ú': "u", 'ù': "u", 'û': "u", 'ů': "u", 'ű': "u", 'ū': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ž': "z", 'ź': "z", 'ż': "z",
	'ğ': "g", 'ģ': "g", 'ķ': "k", 'ļ': "l",
}

// normalize lower-cases s, folds common Latin diacritics and drops
// characters that do not distinguish names (spaces, hyphens, underscores,
// dots, slashes, apostrophes, commas).
func normalize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '-', '_', '.', '/', '\'', ',', '\t', '‐', '–', '—':
			continue
		}
		if f, ok := fold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Units lists the allowed units.
var Units = []string{
	"km", "m", "km/s", "m/s", "kg", "kN", "s", "min", "m2", "kg/m2", "dB",
	"GHz", "kW", "deg", "K", "us", "mach", "1", "count", "g",
}

// suffixUnits maps a parameter-name suffix to its required unit.
var suffixUnits = []struct{ suffix, unit string }{
	{"_kgm2", "kg/m2"}, {"_kms", "km/s"}, {"_mps", "m/s"}, {"_mach", "mach"},
	{"_count", "count"}, {"_ghz", "GHz"}, {"_deg", "deg"}, {"_min", "min"},
	{"_km", "km"}, {"_m2", "m2"}, {"_kg", "kg"}, {"_kn", "kN"}, {"_kw", "kW"},
	{"_db", "dB"}, {"_us", "us"}, {"_m", "m"}, {"_s", "s"}, {"_k", "K"}, {"_g", "g"},
}

// unitForKey returns the unit a parameter name implies ("" if none).
func unitForKey(key string) string {
	if key == "pk" || strings.HasSuffix(key, "_pk") || strings.HasSuffix(key, "_frac") {
		return "1"
	}
	for _, su := range suffixUnits {
		if strings.HasSuffix(key, su.suffix) {
			return su.unit
		}
	}
	return ""
}

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
