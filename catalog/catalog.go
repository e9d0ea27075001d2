package catalog

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/rampart-sim/rampart/geo"
)

// Value is one sourced parameter. Low <= Central <= High always holds for
// catalog data; a point value has Low == Central == High.
type Value struct {
	Low, Central, High float64
	Unit               string // e.g. "km", "km/s", "kg", "kN", "s", "m2", "kg/m2", "dB", "GHz", "kW", "deg"
	Source             string // citation (or "assumption: ..." for derived values)
	Date               string // date of the source, YYYY or YYYY-MM
	Note               string // optional: e.g. "Russian claim", "US estimate", "assumption"
}

// IsZero reports whether v is the zero Value (no data).
func (v Value) IsZero() bool { return v == Value{} }

// IsAssumption reports whether the value is a derived/assumed figure rather
// than a published one.
func (v Value) IsAssumption() bool {
	return strings.HasPrefix(strings.ToLower(v.Source), "assumption")
}

// Spread returns High - Low.
func (v Value) Spread() float64 { return v.High - v.Low }

// Contains reports whether Low <= x <= High.
func (v Value) Contains(x float64) bool { return x >= v.Low && x <= v.High }

// Pick selects one point of a Value's band.
type Pick int

// The three points of a band.
const (
	PickCentral Pick = iota
	PickLow
	PickHigh
)

func (p Pick) String() string {
	switch p {
	case PickLow:
		return "low"
	case PickHigh:
		return "high"
	default:
		return "central"
	}
}

// UnmarshalText sets p from "low", "central" or "high" (as ParsePick),
// so that a Pick parses itself in flags and input files.
func (p *Pick) UnmarshalText(b []byte) error {
	v, err := ParsePick(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// MarshalText writes p as "low", "central" or "high".
func (p Pick) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// ParsePick parses "low", "central" or "high" (case-insensitive).
func ParsePick(s string) (Pick, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "low", "min":
		return PickLow, nil
	case "central", "mid", "", "nominal":
		return PickCentral, nil
	case "high", "max":
		return PickHigh, nil
	}
	return PickCentral, fmt.Errorf("%q is not allowed; allowed: low, central, high", s)
}

// At returns the Low, Central or High value.
func (v Value) At(p Pick) float64 {
	switch p {
	case PickLow:
		return v.Low
	case PickHigh:
		return v.High
	default:
		return v.Central
	}
}

// Sample maps u in [0,1] to a draw from the triangular distribution
// (Low, Central, High). It is deterministic given u, so Monte Carlo runs
// stay reproducible when u comes from a seeded generator. A point value
// returns Central for every u.
func (v Value) Sample(u float64) float64 {
	a, c, b := v.Low, v.Central, v.High
	if b <= a {
		return c
	}
	u = math.Min(1, math.Max(0, u))
	fc := (c - a) / (b - a)
	if u < fc {
		return a + math.Sqrt(u*(b-a)*(c-a))
	}
	return b - math.Sqrt((1-u)*(b-a)*(b-c))
}

// String renders "central [low–high] unit".
func (v Value) String() string {
	if v.Low == v.High {
		return fmt.Sprintf("%s %s", fmtNum(v.Central), v.Unit)
	}
	return fmt.Sprintf("%s [%s–%s] %s", fmtNum(v.Central), fmtNum(v.Low), fmtNum(v.High), v.Unit)
}

// Kind classifies catalog entries.
type Kind string

// Entry kinds.
const (
	KindSite             Kind = "site"
	KindBallisticMissile Kind = "ballistic-missile"
	KindCruiseMissile    Kind = "cruise-missile"
	KindInterceptor      Kind = "interceptor"
	KindRadar            Kind = "radar"
	KindAircraft         Kind = "aircraft"
)

// A returns the kind with its indefinite article, for messages: "an
// interceptor", "a radar".
func (k Kind) A() string {
	if strings.ContainsRune("aeiou", rune(string(k + " ")[0])) {
		return "an " + string(k)
	}
	return "a " + string(k)
}

// Kinds lists all kinds in catalog order.
var Kinds = []Kind{KindSite, KindBallisticMissile, KindCruiseMissile, KindInterceptor, KindRadar, KindAircraft}

func (k Kind) valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

func (k Kind) order() int {
	for i, x := range Kinds {
		if k == x {
			return i
		}
	}
	return len(Kinds)
}

// Stage is one propulsive stage, bottom (first) stage first. Each field is a
// sourced Value. Thrust is the burn-averaged (near-vacuum) thrust; the
// implied specific impulse is Thrust*BurnTime/(Propellant*g0), see Isp.
// DryKg is the inert mass dropped at staging (case, nozzle, interstage).
type Stage struct {
	ThrustKN, BurnTimeS, PropellantKg, DryKg Value
}

// G0 is standard gravity, m/s².
const G0 = 9.80665

// Isp returns the burn-averaged specific impulse in seconds implied by the
// stage's values at pick p (0 if propellant is zero).
func (s Stage) Isp(p Pick) float64 {
	mp := s.PropellantKg.At(p)
	if mp <= 0 {
		return 0
	}
	return s.ThrustKN.At(p) * 1e3 * s.BurnTimeS.At(p) / (mp * G0)
}

// Claim is one party's or source's stated value for a disputed parameter,
// e.g. the 9M729's range by Russian claim (480 km) and by US/Western
// estimate (~2,500 km). Range rings are drawn per claim.
type Claim struct {
	Label   string // e.g. "Russian claim", "US estimate"
	RangeKm Value
	Note    string
}

// Entry is one catalog item.
type Entry struct {
	Name    string   // canonical, e.g. "SM-3 IIA", "RS-24", "Redzikowo"
	Aliases []string // lookups are case-insensitive and ignore spaces, hyphens, dots, slashes and diacritics
	Kind    Kind
	Summary string
	Country string // operator / location country
	Params  map[string]Value
	Stages  []Stage
	Claims  []Claim
	Lat     Value // sites only: degrees north (WGS-84)
	Lon     Value // sites only: degrees east (WGS-84)
	Tags    []string
}

// Param returns the named parameter.
func (e Entry) Param(key string) (Value, bool) {
	v, ok := e.Params[key]
	return v, ok
}

// Central returns the central value of the named parameter, or NaN if the
// entry has no such parameter.
func (e Entry) Central(key string) float64 {
	v, ok := e.Params[key]
	if !ok {
		return math.NaN()
	}
	return v.Central
}

// At returns the parameter at pick p, or NaN if absent.
func (e Entry) At(key string, p Pick) float64 {
	v, ok := e.Params[key]
	if !ok {
		return math.NaN()
	}
	return v.At(p)
}

// Placed reports whether the entry has a position (a site, or a system
// the catalog places).
func (e Entry) Placed() bool { return !(e.Lat.IsZero() && e.Lon.IsZero()) }

// HasTag reports whether the entry carries tag t (case-insensitive).
func (e Entry) HasTag(t string) bool {
	for _, x := range e.Tags {
		if strings.EqualFold(x, t) {
			return true
		}
	}
	return false
}

// ParamKeys returns the parameter names in sorted order.
func (e Entry) ParamKeys() []string {
	keys := make([]string, 0, len(e.Params))
	for k := range e.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Claim returns the claim with the given label (matched like names).
func (e Entry) Claim(label string) (Claim, bool) {
	n := normalize(label)
	for _, c := range e.Claims {
		if normalize(c.Label) == n {
			return c, true
		}
	}
	return Claim{}, false
}

// WithClaim returns a copy of e whose range_km is the claim's range and
// whose Name is "NAME (LABEL)". Use it to run an analysis per claim.
func (e Entry) WithClaim(label string) (Entry, error) {
	c, ok := e.Claim(label)
	if !ok {
		labels := make([]string, len(e.Claims))
		for i, c := range e.Claims {
			labels[i] = c.Label
		}
		if len(labels) == 0 {
			return Entry{}, fmt.Errorf("catalog: %s has no claims", e.Name)
		}
		return Entry{}, fmt.Errorf("catalog: %s has no claim %q (claims: %s)", e.Name, label, strings.Join(labels, ", "))
	}
	out := e.clone()
	out.Name = fmt.Sprintf("%s (%s)", e.Name, c.Label)
	out.Params["range_km"] = c.RangeKm
	return out, nil
}

func (e Entry) clone() Entry {
	out := e
	out.Aliases = append([]string(nil), e.Aliases...)
	out.Tags = append([]string(nil), e.Tags...)
	out.Stages = append([]Stage(nil), e.Stages...)
	out.Claims = append([]Claim(nil), e.Claims...)
	out.Params = make(map[string]Value, len(e.Params))
	for k, v := range e.Params {
		out.Params[k] = v
	}
	return out
}

// UpperMassKg is the mass carried above the last stage: upper_stack_kg if
// given (kill vehicle plus shroud/adapters), else payload_kg (throw-weight)
// for missiles or kill_vehicle_kg for interceptors.
func (e Entry) UpperMassKg(p Pick) (float64, bool) {
	for _, k := range []string{"upper_stack_kg", "payload_kg", "kill_vehicle_kg"} {
		if v, ok := e.Params[k]; ok {
			return v.At(p), true
		}
	}
	return 0, false
}

// LaunchMassKg is the sum of stage masses and UpperMassKg at pick p.
func (e Entry) LaunchMassKg(p Pick) float64 {
	m, _ := e.UpperMassKg(p)
	for _, s := range e.Stages {
		m += s.PropellantKg.At(p) + s.DryKg.At(p)
	}
	return m
}

// IdealDeltaV returns the ideal (no gravity or drag loss) velocity change of
// the stack in km/s, evaluating every stage value at pick p. It is the
// Tsiolkovsky sum over stages with the implied Isp of each stage.
func (e Entry) IdealDeltaV(p Pick) (float64, error) {
	if len(e.Stages) == 0 {
		return 0, errors.New("catalog: " + e.Name + " has no stage data")
	}
	top, ok := e.UpperMassKg(p)
	if !ok {
		return 0, errors.New("catalog: " + e.Name + " has no payload_kg or kill_vehicle_kg")
	}
	m := e.LaunchMassKg(p)
	dv := 0.0
	for _, s := range e.Stages {
		mp := s.PropellantKg.At(p)
		isp := s.Isp(p)
		dv += isp * G0 * math.Log(m/(m-mp))
		m -= mp + s.DryKg.At(p)
	}
	if math.Abs(m-top) > 1e-6*math.Max(1, top) {
		return 0, fmt.Errorf("catalog: %s mass bookkeeping error", e.Name)
	}
	return dv / 1e3, nil
}

// Earth constants used by MinEnergyBurnoutSpeed (spherical, non-rotating).
const (
	earthMu     = 3.986004418e14 // m³/s²
	earthRadius = geo.MeanRadius // m
)

// MinEnergyBurnoutSpeed returns the burnout speed in km/s that carries a
// vacuum ballistic trajectory from burnout at the surface over the given
// ground range on a spherical, non-rotating Earth on the minimum-energy
// path: v² = (μ/R)·2 sin(θ/2)/(1+sin(θ/2)), θ = range/R. It is the
// yardstick used to check that stage data reproduce a published range;
// the real value differs by Earth rotation, burnout altitude and
// trajectory shape (depressed/lofted).
func MinEnergyBurnoutSpeed(rangeKm float64) float64 {
	th := rangeKm * 1e3 / earthRadius
	s := math.Sin(th / 2)
	return math.Sqrt(earthMu/earthRadius*2*s/(1+s)) / 1e3
}

func fmtNum(x float64) string {
	switch {
	case x == 0:
		return "0"
	case math.Abs(x) >= 1e5 || math.Abs(x) < 1e-3:
		return fmt.Sprintf("%.3g", x)
	case x == math.Trunc(x):
		return fmt.Sprintf("%.0f", x)
	default:
		s := fmt.Sprintf("%.4f", x)
		s = strings.TrimRight(s, "0")
		return strings.TrimSuffix(s, ".")
	}
}
