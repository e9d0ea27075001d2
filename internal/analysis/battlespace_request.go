package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/strict"
)

// BurnoutSweep sets the search for the lowest interceptor burnout speed
// that engages a trajectory. Speeds lie on the lattice Min + j·Tol (Grid
// must be a whole multiple of Tol). They run over the grid Min, Min+Grid,
// …, Max; the lowest grid speed that engages is refined by bisection on the
// lattice down to a bracket of width Tol, assuming engageability is
// monotone in speed between that speed and the grid speed below it (a
// faster interceptor can fail the minimum closing speed in a tail chase, so
// it need not be, see the package documentation; a stretch of engaging
// speeds narrower than Grid can be missed). The reported speed is the upper
// end of that bracket; a value equal to Min means "Min or less". The interceptor at speed
// v is the base interceptor's intercept.Interceptor.WithBurnout(v): a
// constant-thrust flyout over the base's burn time, without drag,
// calibrated to burn out at v, with the base's altitude floor, closing-speed
// limit and longest flyout. Unless KeepLimits is set its catalog maximum
// range and maximum intercept altitude are lifted, so that the faster
// interceptor is limited by its own flyout envelope, not by limits that
// belong to the base's speed.
type BurnoutSweep struct {
	Off bool `json:"off,omitempty"` // skip the sweep
	// Base, when set, is the catalog interceptor whose WithBurnout copies
	// serve every row: one set of envelopes instead of one per interceptor
	// type (the required speeds of SM-3 IB, IIA and IIB differ only through
	// their burn time, longest flyout and kill-vehicle limits). Empty: each
	// row's own interceptor.
	Base       string  `json:"base,omitempty"`
	MinKms     float64 `json:"min_kms,omitempty"`
	MaxKms     float64 `json:"max_kms,omitempty"`
	GridKms    float64 `json:"grid_kms,omitempty"`
	TolKms     float64 `json:"tol_kms,omitempty"`
	KeepLimits bool    `json:"keep_limits,omitempty"`
}

// withDefaults fills zero fields.
func (s BurnoutSweep) withDefaults() BurnoutSweep {
	if s.MinKms == 0 {
		s.MinKms = DefaultSweepMinKms
	}
	if s.MaxKms == 0 {
		s.MaxKms = DefaultSweepMaxKms
	}
	if s.GridKms == 0 {
		s.GridKms = DefaultSweepGridKms
	}
	if s.TolKms == 0 {
		s.TolKms = DefaultSweepTolKms
	}
	return s
}

// gridSteps is the number of lattice steps (Tol) between grid speeds.
func (s BurnoutSweep) gridSteps() int { return int(math.Round(s.GridKms / s.TolKms)) }

// latticeMax is the index of the last lattice speed not above Max.
func (s BurnoutSweep) latticeMax() int {
	return int(math.Floor((s.MaxKms-s.MinKms)/s.TolKms + 1e-9))
}

// speed returns lattice speed j, Min + j·Tol, m/s.
func (s BurnoutSweep) speed(j int) float64 { return (s.MinKms + float64(j)*s.TolKms) * 1e3 }

// SweepRequest is the input of BattleSpaceSweep.
type SweepRequest struct {
	Families     []Family      `json:"families"`
	Sites        []DefenseSite `json:"sites"`
	Interceptors []string      `json:"interceptors"` // catalog interceptors
	Cueings      []Cueing      `json:"cueings"`
	Sweep        BurnoutSweep  `json:"sweep"`
	Pd           float64       `json:"pd,omitempty"`     // radar detection criterion; 0: DefaultCoveragePd
	StepS        float64       `json:"step_s,omitempty"` // trajectory sampling; 0: DefaultPathStepS
	Pick         string        `json:"pick,omitempty"`   // catalog pick; "": central
}

// Validate reports every problem of r at once, each with its field path.
func (r SweepRequest) Validate() error {
	var errs []error
	add := func(path string, err error) { errs = append(errs, bsPrefix(path, err)...) }
	pick, err := covPick(r.Pick)
	if err != nil {
		errs = append(errs, err)
	}
	for _, l := range []struct {
		name string
		n    int
	}{{"families", len(r.Families)}, {"sites", len(r.Sites)}, {"interceptors", len(r.Interceptors)}, {"cueings", len(r.Cueings)}} {
		if l.n == 0 {
			errs = append(errs, strict.Fieldf(l.name, "empty; want at least one"))
		}
	}
	for i, f := range r.Families {
		add(fmt.Sprintf("families[%d]", i), f.Validate())
	}
	needOwn := slices.ContainsFunc(r.Cueings, func(c Cueing) bool { return c.Kind == CueOwnRadar || (c.Kind == CueChain && c.OwnRadar) })
	for i, s := range r.Sites {
		_, _, err := s.At.Resolve()
		add(fmt.Sprintf("sites[%d].at", i), err)
		if s.Radar != "" {
			_, _, err := (RadarSite{Radar: s.Radar, At: s.At, BoresightDeg: s.RadarBoresightDeg}).Build(pick)
			add(fmt.Sprintf("sites[%d].radar", i), err)
		} else if needOwn {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("sites[%d].radar", i), "empty; own-radar cueing needs each site's radar (a catalog radar, e.g. AN/SPY-1D(V))"))
		}
	}
	for i, n := range r.Interceptors {
		e, err := catalog.Lookup(n)
		switch {
		case err != nil:
			add(fmt.Sprintf("interceptors[%d]", i), err)
		case e.Kind != catalog.KindInterceptor:
			errs = append(errs, strict.Fieldf(fmt.Sprintf("interceptors[%d]", i), "%s is %s; allowed: %s", e.Name, e.Kind.A(), strings.Join(catalog.Names(catalog.KindInterceptor), ", ")))
		}
	}
	for i, c := range r.Cueings {
		p := fmt.Sprintf("cueings[%d]", i)
		if !slices.Contains(CueKinds, c.Kind) {
			kinds := make([]string, len(CueKinds))
			for k, ck := range CueKinds {
				kinds[k] = string(ck)
			}
			errs = append(errs, strict.Fieldf(p+".kind", "%q is not allowed; allowed: %s", c.Kind, strings.Join(kinds, ", ")))
		}
		if c.Kind == CueForwardRadar {
			if c.Forward == nil {
				errs = append(errs, strict.Fieldf(p+".forward", "empty; forward-radar cueing needs a radar"))
			} else {
				_, _, err := c.Forward.Build(pick)
				add(p+".forward", err)
			}
		}
		errs = append(errs, c.validateChain(p, pick)...)
		for _, v := range []struct {
			field string
			x     float64
		}{{"link_latency_s", c.LinkLatencyS}, {"delay_s", c.DelayS}, {"min_alt_km", c.MinAltKm}, {"commit_s", c.CommitS}} {
			if !(v.x >= 0 && v.x <= 3600) {
				errs = append(errs, strict.Fieldf(fmt.Sprintf("%s.%s", p, v.field), "%g is out of range; allowed: 0 to 3600", v.x))
			}
		}
	}
	s := r.Sweep.withDefaults()
	switch {
	case !(s.MinKms > 0 && s.MaxKms > s.MinKms && s.MaxKms <= 20):
		errs = append(errs, strict.Fieldf("sweep", "min_kms %g, max_kms %g are out of range; allowed: 0 < min_kms < max_kms ≤ 20", s.MinKms, s.MaxKms))
	case !(s.GridKms > 0) || (s.MaxKms-s.MinKms)/s.GridKms > sweepMaxGrid || s.GridKms > s.MaxKms-s.MinKms:
		errs = append(errs, strict.Fieldf("sweep.grid_kms", "%g is out of range; allowed: greater than 0, at most max_kms − min_kms, at most %d grid speeds", s.GridKms, sweepMaxGrid))
	case !(s.TolKms >= sweepMinTolKms && s.TolKms <= s.GridKms):
		errs = append(errs, strict.Fieldf("sweep.tol_kms", "%g is out of range; allowed: %g to grid_kms", s.TolKms, sweepMinTolKms))
	case math.Abs(s.GridKms/s.TolKms-math.Round(s.GridKms/s.TolKms)) > 1e-6:
		errs = append(errs, strict.Fieldf("sweep.grid_kms", "%g is not a whole multiple of tol_kms %g", s.GridKms, s.TolKms))
	case s.latticeMax() > sweepMaxLattice:
		errs = append(errs, strict.Fieldf("sweep.tol_kms", "%g gives %d speeds between min_kms and max_kms; allowed: at most %d", s.TolKms, s.latticeMax()+1, sweepMaxLattice))
	}
	if r.Sweep.Base != "" {
		e, err := catalog.Lookup(r.Sweep.Base)
		switch {
		case err != nil:
			errs = append(errs, strict.Fieldf("sweep.base", "%v", err))
		case e.Kind != catalog.KindInterceptor:
			errs = append(errs, strict.Fieldf("sweep.base", "%s is %s; allowed: %s", e.Name, e.Kind.A(), strings.Join(catalog.Names(catalog.KindInterceptor), ", ")))
		}
	}
	if r.Pd != 0 && !(r.Pd > 0 && r.Pd < 1) {
		errs = append(errs, strict.Fieldf("pd", "%g is out of range; allowed: between 0 and 1", r.Pd))
	}
	if r.StepS != 0 && !(r.StepS > 0 && r.StepS <= 10) {
		errs = append(errs, strict.Fieldf("step_s", "%g is out of range; allowed: greater than 0, at most 10", r.StepS))
	}
	return errors.Join(errs...)
}

// bsPrefix returns the problems of err, each prefixed with the field path:
// the errors of an errors.Join one by one.
func bsPrefix(path string, err error) []error {
	if err == nil {
		return nil
	}
	var out []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, bsPrefix(path, e)...)
		}
		return out
	}
	return []error{strict.Fieldf(path, "%v", err)}
}
