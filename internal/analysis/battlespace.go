package analysis

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/launchdetect"
	"github.com/rampart-sim/rampart/radar"
	"gonum.org/v1/gonum/spatial/r3"
)

// Defaults of the burnout-speed sweep (BurnoutSweep).
const (
	DefaultSweepMinKms  = 1.0  // km/s
	DefaultSweepMaxKms  = 10.0 // km/s
	DefaultSweepGridKms = 0.25 // km/s between grid speeds
	DefaultSweepTolKms  = 0.05 // km/s, width of the final bisection bracket
	// sweepMaxGrid bounds the grid speeds of one sweep: each speed costs an
	// envelope build (~40 ms) and ~0.8 MB of cached envelope per
	// interceptor type (package intercept caches envelopes for the life of
	// the process).
	sweepMaxGrid = 200
	// sweepMinTolKms is the finest bisection tolerance accepted, km/s.
	sweepMinTolKms = 1e-3
	// sweepMaxLattice bounds the lattice speeds (Min + j·Tol) of a sweep.
	sweepMaxLattice = 20000
)

// Battle-space settings.
const (
	// DefaultPathStepS is the step at which a trajectory is sampled into an
	// intercept.Path, s: 1 s, as intercept.Sample advises through boost.
	DefaultPathStepS = 1.0
	// bsSpaceSeed seeds the launch-point error draw of the space-based
	// warning. The warning time, the only part used, does not depend on it.
	bsSpaceSeed = 1
)

// ProfileNames are the trajectory profiles a Family accepts.
var ProfileNames = []string{flight.MinEnergy.String(), flight.Lofted.String(), flight.Depressed.String()}

// Family is a family of ballistic trajectories of one catalog missile from
// one launch area to one aim point: one per profile and launch point.
type Family struct {
	Missile    string `json:"missile"`     // catalog ballistic missile, e.g. "RS-24 Yars"
	LaunchSite string `json:"launch_site"` // catalog place, e.g. "Kozelsk"
	Aim        string `json:"aim"`         // catalog place, e.g. "Washington DC"
	// Profiles are "min-energy", "lofted" and "depressed" (nil: min-energy).
	// Lofted and depressed fly the minimum-energy burnout angle ± 15°
	// (flight.DefaultLoft).
	Profiles []string `json:"profiles,omitempty"`
	// Dispersal adds four launch points at the edges of the launch site's
	// catalog position band (spread_deg north, south, east and west of the
	// garrison), where road-mobile launchers and silos disperse.
	Dispersal bool `json:"dispersal,omitempty"`
}

// Trajectory is one flown ballistic trajectory of a Family.
type Trajectory struct {
	Name          string  `json:"name"`
	Missile       string  `json:"missile"`
	LaunchSite    string  `json:"launch_site"`
	Aim           string  `json:"aim"`
	Profile       string  `json:"profile"`
	LaunchPoint   string  `json:"launch_point"` // "centre", "north", "south", "east" or "west"
	LaunchLatDeg  float64 `json:"launch_lat_deg"`
	LaunchLonDeg  float64 `json:"launch_lon_deg"`
	GroundRangeKm float64 `json:"ground_range_km"`
	FlightTimeS   float64 `json:"flight_time_s"`
	BurnoutS      float64 `json:"burnout_s"` // after launch
	ApogeeKm      float64 `json:"apogee_km"`

	family   int // index of its Family in the FlyFamilies call
	flight   *flight.Trajectory
	entry    catalog.Entry
	pick     catalog.Pick
	rcsRV    float64 // m²
	rcsBoost float64 // m²
	path     *intercept.Path
	pathDt   float64 // requested step of path, s (Sample may shorten it)
}

// rcs returns the catalog RCS of the missile in a flight phase, m².
func (tj *Trajectory) rcs(p flight.Phase) float64 {
	if p == flight.Boost {
		return tj.rcsBoost
	}
	return tj.rcsRV
}

// setRCS takes the RCS bands of the missile at pick.
func (tj *Trajectory) setRCS(pick catalog.Pick) {
	tj.pick = pick
	if v, err := radar.RCSBand(tj.entry, true); err == nil {
		tj.rcsBoost = v.At(pick)
	}
	if v, err := radar.RCSBand(tj.entry, false); err == nil {
		tj.rcsRV = v.At(pick)
	}
}

// threat returns the trajectory sampled every dt seconds as an intercept
// threat (built once).
func (tj *Trajectory) threat(dt float64) intercept.Threat {
	if tj.path == nil || tj.pathDt != dt {
		tj.pathDt = dt
		tr := tj.flight
		truth := func(t float64) (r3.Vec, r3.Vec) { s := tr.At(t); return s.Pos, s.Vel }
		t0, t1 := tr.Span()
		tj.path = intercept.Sample(truth, t0, t1, dt)
	}
	return tj.path.At
}

// Validate reports every problem of f at once.
func (f Family) Validate() error {
	var errs []error
	if e, err := catalog.Lookup(f.Missile); err != nil {
		errs = append(errs, fmt.Errorf("missile: %w", err))
	} else if e.Kind != catalog.KindBallisticMissile {
		errs = append(errs, fmt.Errorf("missile: %s is a %s; allowed: a ballistic missile (%s)", e.Name, e.Kind, strings.Join(catalog.Names(catalog.KindBallisticMissile), ", ")))
	}
	for _, p := range []struct{ field, v string }{{"launch_site", f.LaunchSite}, {"aim", f.Aim}} {
		if _, _, err := (Location{Place: p.v}).Resolve(); err != nil || p.v == "" {
			if err == nil {
				err = errors.New("empty; allowed: a catalog site")
			}
			errs = append(errs, fmt.Errorf("%s: %w", p.field, err))
		}
	}
	for i, p := range f.Profiles {
		if !slices.Contains(ProfileNames, p) {
			errs = append(errs, fmt.Errorf("profiles[%d]: %q is not allowed; allowed: %s", i, p, strings.Join(ProfileNames, ", ")))
		}
	}
	return errors.Join(errs...)
}

// FlyFamilies flies every trajectory of every family with the simulator's
// flight code (flight.FlyCatalog: staged boost, midcourse and reentry from the
// catalog stages, aimed by flight.Solve), in family, launch point
// (centre, then north, south, east, west) and profile order. Any flight
// that cannot be flown (an aim beyond the missile's reach) fails the call,
// with every such problem named.
func FlyFamilies(fams []Family, o flight.Physics) ([]Trajectory, error) {
	var errs []error
	for i, f := range fams {
		errs = append(errs, bsPrefix(fmt.Sprintf("families[%d]", i), f.Validate())...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	o = defaultPhysics(o)
	var out []Trajectory
	for i, f := range fams {
		e, _ := catalog.Lookup(f.Missile)
		site, _ := catalog.Lookup(f.LaunchSite)
		aim, _ := catalog.Lookup(f.Aim)
		type point struct {
			name     string
			lat, lon float64
		}
		pts := []point{{"centre", site.Lat.Central, site.Lon.Central}}
		if f.Dispersal && site.Lat.Spread() > 0 {
			pts = append(pts,
				point{"north", site.Lat.High, site.Lon.Central}, point{"south", site.Lat.Low, site.Lon.Central},
				point{"east", site.Lat.Central, site.Lon.High}, point{"west", site.Lat.Central, site.Lon.Low})
		}
		profiles := f.Profiles
		if len(profiles) == 0 {
			profiles = []string{flight.MinEnergy.String()}
		}
		for _, pt := range pts {
			for _, p := range profiles {
				name := fmt.Sprintf("%s %s→%s %s", e.Name, site.Name, aim.Name, p)
				if pt.name != "centre" {
					name += " (" + pt.name + ")"
				}
				prof, _ := flight.ParseProfile(p) // checked by Validate
				fl, _, err := flyMissile(o, name, e.Name, geo.LLADeg(pt.lat, pt.lon, 0), placeLLA(aim), prof, p)
				if err != nil {
					errs = append(errs, fmt.Errorf("families[%d]: %s: %w", i, name, err))
					continue
				}
				tr := fl.Ballistic
				tj := Trajectory{
					Name: name, Missile: e.Name, LaunchSite: site.Name, Aim: aim.Name, Profile: p,
					LaunchPoint: pt.name, LaunchLatDeg: pt.lat, LaunchLonDeg: pt.lon,
					GroundRangeKm: tr.GroundRange / 1e3, FlightTimeS: tr.FlightTime,
					BurnoutS: tr.BurnoutTime - tr.LaunchTime, ApogeeKm: tr.ApogeeAlt / 1e3,
					family: i, flight: tr, entry: e,
				}
				tj.setRCS(o.Pick)
				out = append(out, tj)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// DefenseSite is an interceptor site and its own radar.
type DefenseSite struct {
	At Location `json:"at"`
	// Radar is the site's own radar (catalog), used by own-radar cueing,
	// e.g. "AN/SPY-1D(V)" for an Aegis Ashore site.
	Radar             string   `json:"radar,omitempty"`
	RadarBoresightDeg *float64 `json:"radar_boresight_deg,omitempty"`
}

// CueKind says what starts the engagement clock.
type CueKind string

// Cue kinds.
const (
	// CueLaunch: the interceptor may launch as soon as the threat does
	// (perfect and instant cueing): the kinematic bound of the open reach
	// analyses, which no real sensor chain attains.
	CueLaunch CueKind = "launch"
	// CueBurnout: the interceptor may launch when the threat's boost ends,
	// the earliest time its ballistic path, and so an intercept point, can
	// be predicted from a track.
	CueBurnout CueKind = "burnout"
	// CueOwnRadar: the site's own radar first detects the threat (as in
	// RadarSightings).
	CueOwnRadar CueKind = "own-radar"
	// CueForwardRadar: another radar (e.g. the AN/TPY-2 at Kürecik) first
	// detects the threat, and its track reaches the site after
	// LinkLatencyS.
	CueForwardRadar CueKind = "forward-radar"
	// CueSpace: a space-based infrared sensor reports the launch
	// (launchdetect: the plume seen above MinAltKm, reported DelayS later).
	// A launch report carries no fire-control track, so this cue is
	// optimistic unless a radar also holds the threat in time.
	CueSpace CueKind = "space"
)

// CueKinds lists the cue kinds.
var CueKinds = []CueKind{CueLaunch, CueBurnout, CueOwnRadar, CueForwardRadar, CueSpace}

// Cueing is one way of cueing the interceptor sites. The earliest
// interceptor launch (the decision time) is
//
//	decision = cue + LinkLatencyS (forward radar) + CommitS.
type Cueing struct {
	Name         string     `json:"name,omitempty"` // label; "": from the kind and sensor
	Kind         CueKind    `json:"kind"`
	Forward      *RadarSite `json:"forward,omitempty"`        // forward-radar: the radar
	LinkLatencyS float64    `json:"link_latency_s,omitempty"` // forward-radar: track to the site
	DelayS       float64    `json:"delay_s,omitempty"`        // space: plume to report; 0: launchdetect.DefaultDelay
	MinAltKm     float64    `json:"min_alt_km,omitempty"`     // space: plume visible above; 0: launchdetect.DefaultMinAlt
	// CommitS is the time from the cue to the earliest interceptor launch:
	// track formation, classification and the fire decision. 0 (the
	// default) favours the defence.
	CommitS float64 `json:"commit_s,omitempty"`
}

// Label returns the cueing's name, or one built from its kind.
func (c Cueing) Label() string {
	if c.Name != "" {
		return c.Name
	}
	switch c.Kind {
	case CueForwardRadar:
		if c.Forward != nil {
			return fmt.Sprintf("forward %s", c.Forward.Label())
		}
	case CueSpace:
		d := c.DelayS
		if d == 0 {
			d = launchdetect.DefaultDelay
		}
		return fmt.Sprintf("space (%.0f s delay)", d)
	}
	return string(c.Kind)
}

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
			errs = append(errs, fmt.Errorf("%s: empty; want at least one", l.name))
		}
	}
	for i, f := range r.Families {
		add(fmt.Sprintf("families[%d]", i), f.Validate())
	}
	needOwn := slices.ContainsFunc(r.Cueings, func(c Cueing) bool { return c.Kind == CueOwnRadar })
	for i, s := range r.Sites {
		_, _, err := s.At.Resolve()
		add(fmt.Sprintf("sites[%d].at", i), err)
		if s.Radar != "" {
			_, _, err := (RadarSite{Radar: s.Radar, At: s.At, BoresightDeg: s.RadarBoresightDeg}).Build(pick)
			add(fmt.Sprintf("sites[%d].radar", i), err)
		} else if needOwn {
			errs = append(errs, fmt.Errorf("sites[%d].radar: empty; own-radar cueing needs each site's radar (a catalog radar, e.g. AN/SPY-1D(V))", i))
		}
	}
	for i, n := range r.Interceptors {
		e, err := catalog.Lookup(n)
		switch {
		case err != nil:
			add(fmt.Sprintf("interceptors[%d]", i), err)
		case e.Kind != catalog.KindInterceptor:
			errs = append(errs, fmt.Errorf("interceptors[%d]: %s is a %s; allowed: %s", i, e.Name, e.Kind, strings.Join(catalog.Names(catalog.KindInterceptor), ", ")))
		}
	}
	for i, c := range r.Cueings {
		p := fmt.Sprintf("cueings[%d]", i)
		if !slices.Contains(CueKinds, c.Kind) {
			kinds := make([]string, len(CueKinds))
			for k, ck := range CueKinds {
				kinds[k] = string(ck)
			}
			errs = append(errs, fmt.Errorf("%s.kind: %q is not allowed; allowed: %s", p, c.Kind, strings.Join(kinds, ", ")))
		}
		if c.Kind == CueForwardRadar {
			if c.Forward == nil {
				errs = append(errs, fmt.Errorf("%s.forward: empty; forward-radar cueing needs a radar", p))
			} else {
				_, _, err := c.Forward.Build(pick)
				add(p+".forward", err)
			}
		}
		for _, v := range []struct {
			field string
			x     float64
		}{{"link_latency_s", c.LinkLatencyS}, {"delay_s", c.DelayS}, {"min_alt_km", c.MinAltKm}, {"commit_s", c.CommitS}} {
			if !(v.x >= 0 && v.x <= 3600) {
				errs = append(errs, fmt.Errorf("%s.%s: %g is out of range; allowed: 0 to 3600", p, v.field, v.x))
			}
		}
	}
	s := r.Sweep.withDefaults()
	switch {
	case !(s.MinKms > 0 && s.MaxKms > s.MinKms && s.MaxKms <= 20):
		errs = append(errs, fmt.Errorf("sweep: min_kms %g, max_kms %g are out of range; allowed: 0 < min_kms < max_kms ≤ 20", s.MinKms, s.MaxKms))
	case !(s.GridKms > 0) || (s.MaxKms-s.MinKms)/s.GridKms > sweepMaxGrid || s.GridKms > s.MaxKms-s.MinKms:
		errs = append(errs, fmt.Errorf("sweep.grid_kms: %g is out of range; allowed: greater than 0, at most max_kms − min_kms, at most %d grid speeds", s.GridKms, sweepMaxGrid))
	case !(s.TolKms >= sweepMinTolKms && s.TolKms <= s.GridKms):
		errs = append(errs, fmt.Errorf("sweep.tol_kms: %g is out of range; allowed: %g to grid_kms", s.TolKms, sweepMinTolKms))
	case math.Abs(s.GridKms/s.TolKms-math.Round(s.GridKms/s.TolKms)) > 1e-6:
		errs = append(errs, fmt.Errorf("sweep.grid_kms: %g is not a whole multiple of tol_kms %g", s.GridKms, s.TolKms))
	case s.latticeMax() > sweepMaxLattice:
		errs = append(errs, fmt.Errorf("sweep.tol_kms: %g gives %d speeds between min_kms and max_kms; allowed: at most %d", s.TolKms, s.latticeMax()+1, sweepMaxLattice))
	}
	if r.Sweep.Base != "" {
		e, err := catalog.Lookup(r.Sweep.Base)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("sweep.base: %w", err))
		case e.Kind != catalog.KindInterceptor:
			errs = append(errs, fmt.Errorf("sweep.base: %s is a %s; allowed: %s", e.Name, e.Kind, strings.Join(catalog.Names(catalog.KindInterceptor), ", ")))
		}
	}
	if r.Pd != 0 && !(r.Pd > 0 && r.Pd < 1) {
		errs = append(errs, fmt.Errorf("pd: %g is out of range; allowed: between 0 and 1", r.Pd))
	}
	if r.StepS != 0 && !(r.StepS > 0 && r.StepS <= 10) {
		errs = append(errs, fmt.Errorf("step_s: %g is out of range; allowed: greater than 0, at most 10", r.StepS))
	}
	return errors.Join(errs...)
}

// SweepEngagement is one interceptor type at one site against one
// trajectory under one cueing. Times are seconds after the threat's launch.
type SweepEngagement struct {
	Interceptor string   `json:"interceptor"`
	Site        string   `json:"site"`
	Trajectory  string   `json:"trajectory"`
	LaunchSite  string   `json:"launch_site"`
	Aim         string   `json:"aim"`
	Profile     string   `json:"profile"`
	Cueing      string   `json:"cueing"`
	CueS        *float64 `json:"cue_s"`      // null when the sensor never sees the threat
	DecisionS   *float64 `json:"decision_s"` // earliest interceptor launch
	Engageable  bool     `json:"engageable"`
	// Reason says why an engagement is not possible: "no cue: …" or "no
	// battle space".
	Reason                string   `json:"reason,omitempty"`
	FirstLaunchS          *float64 `json:"first_launch_s,omitempty"`
	LastLaunchS           *float64 `json:"last_launch_s,omitempty"`
	FirstInterceptS       *float64 `json:"first_intercept_s,omitempty"`
	LastInterceptS        *float64 `json:"last_intercept_s,omitempty"`
	MinInterceptAltKm     *float64 `json:"min_intercept_alt_km,omitempty"`
	MaxInterceptAltKm     *float64 `json:"max_intercept_alt_km,omitempty"`
	FirstInterceptRangeKm *float64 `json:"first_intercept_range_km,omitempty"` // ground range from the site
	ClosingSpeedKms       *float64 `json:"closing_speed_kms,omitempty"`        // at the first intercept
	// RequiredBurnoutSpeedKms is the lowest burnout speed of the sweep
	// (BurnoutSweep) at which the trajectory is engageable with the same
	// decision time; null when the sweep is off, there is no cue, or no
	// speed up to the sweep's maximum engages.
	RequiredBurnoutSpeedKms *float64 `json:"required_burnout_speed_kms"`
}

// SweepEntry is the result for one interceptor type at one site against
// one family (launch site → aim) under one cueing.
type SweepEntry struct {
	Interceptor        string  `json:"interceptor"`
	Site               string  `json:"site"`
	LaunchSite         string  `json:"launch_site"`
	Aim                string  `json:"aim"`
	Cueing             string  `json:"cueing"`
	Trajectories       int     `json:"trajectories"`
	Engageable         int     `json:"engageable"`
	EngageableFraction float64 `json:"engageable_fraction"`
	// RequiredBurnoutSpeedKms is the burnout speed at which every
	// trajectory of the family is engageable (the largest of the
	// trajectories' required speeds); null when some trajectory is not
	// engageable within the sweep. RequiredBurnoutSpeedAnyKms is the speed
	// at which at least one is (the smallest).
	RequiredBurnoutSpeedKms    *float64 `json:"required_burnout_speed_kms"`
	RequiredBurnoutSpeedAnyKms *float64 `json:"required_burnout_speed_any_kms"`
	// FlyoutBurnoutSpeedKms is the burnout speed of the catalog
	// interceptor's own flyout at the envelope's reference kick, the number
	// to compare the required speeds with; CatalogBurnoutSpeedKms is the
	// catalog's burnout_speed_kms at the pick.
	FlyoutBurnoutSpeedKms  float64 `json:"flyout_burnout_speed_kms"`
	CatalogBurnoutSpeedKms float64 `json:"catalog_burnout_speed_kms"`
}

// SweepCost counts the work of a sweep.
type SweepCost struct {
	Trajectories int `json:"trajectories"`
	Engagements  int `json:"engagements"`
	// Windows counts calls of intercept.Window.
	Windows int `json:"windows"`
	// BurnoutSpeeds counts the distinct (interceptor type, burnout speed)
	// pairs of the sweep, each an envelope build on first use.
	BurnoutSpeeds int `json:"burnout_speeds"`
	// Elapsed is the wall time; it is not part of the JSON output, which
	// stays reproducible bit for bit.
	Elapsed time.Duration `json:"-"`
}

// SweepResult is the output of BattleSpaceSweep.
type SweepResult struct {
	Pick         string            `json:"pick"`
	Sweep        BurnoutSweep      `json:"sweep"`
	Assumptions  []string          `json:"assumptions"`
	Trajectories []Trajectory      `json:"trajectories"`
	Entries      []SweepEntry      `json:"entries"` // interceptor, site, family, cueing order
	Summary      []SweepEntry      `json:"summary"` // over all families: launch_site and aim "*"
	Engagements  []SweepEngagement `json:"engagements"`
	Cost         SweepCost         `json:"cost"`
}

// bsSpeedKey identifies one interceptor of the burnout sweep.
type bsSpeedKey struct {
	base  int     // index into bsRun.tmpl
	speed float64 // m/s
}

// bsRun holds the state of one sweep.
type bsRun struct {
	req   SweepRequest
	sweep BurnoutSweep
	dt    float64
	ics   []*intercept.Interceptor
	// tmpl are the interceptors whose WithBurnout copies the sweep flies;
	// tmplOf[i] is the one for row interceptor i.
	tmpl   []*intercept.Interceptor
	tmplOf []int
	fast   map[bsSpeedKey]*intercept.Interceptor
	cost   SweepCost
}

// interceptorAt returns the sweep interceptor of row interceptor i flown
// at burnout speed v, m/s.
func (b *bsRun) interceptorAt(i int, v float64) *intercept.Interceptor {
	k := bsSpeedKey{b.tmplOf[i], v}
	if ic, ok := b.fast[k]; ok {
		return ic
	}
	ic := b.tmpl[k.base].WithBurnout(v)
	if !b.sweep.KeepLimits {
		ic.MaxRange, ic.MaxAlt = math.Inf(1), math.Inf(1)
	}
	b.fast[k] = ic
	return ic
}

// window returns the battle space of trajectory tj against ic at site
// with the given decision time (s from the epoch).
func (b *bsRun) window(site geo.LLA, ic *intercept.Interceptor, tj *Trajectory, decision float64) (intercept.BattleSpace, bool) {
	t0, t1 := tj.flight.Span()
	b.cost.Windows++
	return intercept.Window(site, ic, tj.threat(b.dt), math.Max(t0, decision), t1, decision)
}

// required returns the lowest sweep speed (m/s) at which base interceptor
// i engages tj from site with the decision time, or false. The speeds are
// the lattice Min + j·Tol: the grid (every Grid/Tol lattice points) first,
// then bisection on lattice indices inside the first grid bracket that
// engages, so that every trajectory draws on the same few speeds (each an
// envelope build) and the final bracket is exactly Tol wide.
func (b *bsRun) required(i int, site geo.LLA, tj *Trajectory, decision float64) (float64, bool) {
	engages := func(j int) bool {
		_, ok := b.window(site, b.interceptorAt(i, b.sweep.speed(j)), tj, decision)
		return ok
	}
	step := b.sweep.gridSteps()
	n := b.sweep.latticeMax()
	prev := -1
	for j := 0; j <= n; j += step {
		if !engages(j) {
			prev = j
			continue
		}
		if prev < 0 {
			return b.sweep.speed(j), true
		}
		lo, hi := prev, j
		for hi-lo > 1 {
			m := (lo + hi) / 2
			if engages(m) {
				hi = m
			} else {
				lo = m
			}
		}
		return b.sweep.speed(hi), true
	}
	return 0, false
}

// newBSRun builds the interceptors of a validated request at pick.
func newBSRun(req SweepRequest, pick catalog.Pick) (*bsRun, error) {
	b := &bsRun{req: req, sweep: req.Sweep.withDefaults(), dt: req.StepS, fast: map[bsSpeedKey]*intercept.Interceptor{}}
	if b.dt == 0 {
		b.dt = DefaultPathStepS
	}
	for _, n := range req.Interceptors {
		e, _ := catalog.Lookup(n)
		ic, err := intercept.FromCatalog(e, pick)
		if err != nil {
			return nil, fmt.Errorf("interceptor %s: %w", n, err)
		}
		b.ics = append(b.ics, ic)
		b.tmpl = append(b.tmpl, ic)
		b.tmplOf = append(b.tmplOf, len(b.tmplOf))
	}
	if req.Sweep.Base != "" {
		e, _ := catalog.Lookup(req.Sweep.Base)
		ic, err := intercept.FromCatalog(e, pick)
		if err != nil {
			return nil, fmt.Errorf("sweep.base: %w", err)
		}
		b.tmpl = []*intercept.Interceptor{ic}
		for i := range b.tmplOf {
			b.tmplOf[i] = 0
		}
	}
	return b, nil
}

// BattleSpaceSweep flies every trajectory of the request's families and,
// for every interceptor type at every site under every cueing, finds the
// battle space (intercept.Window) with the decision time of the cueing,
// the engageable fraction of each family and the lowest interceptor
// burnout speed that engages each trajectory (BurnoutSweep). o sets the
// physics of the flights (zero: flight.DefaultPhysics); the request's Pick
// sets every catalog value (missiles, radars, interceptors).
//
// An engagement is possible when intercept.Window finds a feasible
// intercept: the threat inside the interceptor's altitude and range limits
// and flyout envelope, a closing speed at least the minimum, and an
// interceptor launch at or after the decision time (arriving no later than
// the threat, as in the open-literature reach analyses of Wilkening 2012
// and Lewis & Postol 2007). Kill probability, discrimination and
// interceptor inventory are not modelled here.
func BattleSpaceSweep(req SweepRequest, o flight.Physics) (*SweepResult, error) {
	start := time.Now()
	if err := req.Validate(); err != nil {
		return nil, err
	}
	pick, _ := covPick(req.Pick)
	o.Pick = pick
	trajs, err := FlyFamilies(req.Families, o)
	if err != nil {
		return nil, err
	}
	b, err := newBSRun(req, pick)
	if err != nil {
		return nil, err
	}
	pd := req.Pd
	if pd == 0 {
		pd = DefaultCoveragePd
	}
	res := &SweepResult{Pick: pick.String(), Sweep: b.sweep, Trajectories: trajs}
	if req.Sweep.Off {
		res.Sweep = BurnoutSweep{Off: true}
	}
	res.Assumptions = bsAssumptions(b.sweep, req.Sweep.Off)
	type siteInfo struct {
		label string
		pos   geo.LLA
		rad   *radar.Radar
	}
	sites := make([]siteInfo, len(req.Sites))
	for i, s := range req.Sites {
		at, pos, _ := s.At.Resolve()
		sites[i] = siteInfo{label: at.Label(), pos: pos}
		if s.Radar != "" {
			r, _, err := (RadarSite{Radar: s.Radar, At: s.At, BoresightDeg: s.RadarBoresightDeg}).Build(pick)
			if err != nil {
				return nil, fmt.Errorf("sites[%d].radar: %w", i, err)
			}
			sites[i].rad = r
		}
	}
	// Cue times, s from the epoch (NaN: never cued), per site, cueing and
	// trajectory; the site matters only for own-radar cueing.
	cue := make([][][]float64, len(sites))
	why := make([][][]string, len(sites))
	fwd := make([]*radar.Radar, len(req.Cueings))
	for j, c := range req.Cueings {
		if c.Kind == CueForwardRadar {
			fwd[j], _, _ = c.Forward.Build(pick)
		}
	}
	for i := range sites {
		cue[i] = make([][]float64, len(req.Cueings))
		why[i] = make([][]string, len(req.Cueings))
		for j, c := range req.Cueings {
			cue[i][j] = make([]float64, len(trajs))
			why[i][j] = make([]string, len(trajs))
			for k := range trajs {
				if i > 0 && c.Kind != CueOwnRadar {
					cue[i][j][k], why[i][j][k] = cue[0][j][k], why[0][j][k]
					continue
				}
				cue[i][j][k], why[i][j][k] = bsCue(c, sites[i].rad, fwd[j], &trajs[k], pd, b.dt)
			}
		}
	}
	for ii, ic := range b.ics {
		env, err := ic.Envelope()
		if err != nil {
			return nil, fmt.Errorf("interceptor %s: %w", ic.Name, err)
		}
		e, _ := catalog.Lookup(req.Interceptors[ii])
		flyout, cat := env.BurnoutSpeed/1e3, e.At("burnout_speed_kms", pick)
		for si, s := range sites {
			for ci, c := range req.Cueings {
				all := SweepEntry{Interceptor: ic.Name, Site: s.label, LaunchSite: "*", Aim: "*", Cueing: c.Label(),
					FlyoutBurnoutSpeedKms: flyout, CatalogBurnoutSpeedKms: cat}
				var allReq []*float64
				for fi, f := range req.Families {
					ent := SweepEntry{Interceptor: ic.Name, Site: s.label, Cueing: c.Label(),
						FlyoutBurnoutSpeedKms: flyout, CatalogBurnoutSpeedKms: cat}
					var famReq []*float64
					for k := range trajs {
						tj := &trajs[k]
						if tj.family != fi {
							continue
						}
						ent.LaunchSite, ent.Aim = tj.LaunchSite, tj.Aim
						en := b.engage(ii, s.pos, s.label, tj, c.Label(), cue[si][ci][k], why[si][ci][k], c.CommitS)
						res.Engagements = append(res.Engagements, en)
						ent.Trajectories++
						if en.Engageable {
							ent.Engageable++
						}
						famReq = append(famReq, en.RequiredBurnoutSpeedKms)
					}
					if ent.LaunchSite == "" {
						ent.LaunchSite, ent.Aim = f.LaunchSite, f.Aim
					}
					bsFinish(&ent, famReq, req.Sweep.Off)
					res.Entries = append(res.Entries, ent)
					all.Trajectories += ent.Trajectories
					all.Engageable += ent.Engageable
					allReq = append(allReq, famReq...)
				}
				bsFinish(&all, allReq, req.Sweep.Off)
				res.Summary = append(res.Summary, all)
			}
		}
	}
	b.cost.Trajectories = len(trajs)
	b.cost.Engagements = len(res.Engagements)
	b.cost.BurnoutSpeeds = len(b.fast)
	b.cost.Elapsed = time.Since(start)
	res.Cost = b.cost
	return res, nil
}

// bsCue returns the cue time (s from the epoch, NaN if none) of a
// cueing for one trajectory, and why there is none.
func bsCue(c Cueing, own, fwd *radar.Radar, tj *Trajectory, pd, dt float64) (float64, string) {
	tr := tj.flight
	switch c.Kind {
	case CueLaunch:
		return tr.LaunchTime, ""
	case CueBurnout:
		return tr.BurnoutTime, ""
	case CueOwnRadar, CueForwardRadar:
		r, lat := own, 0.0
		if c.Kind == CueForwardRadar {
			r, lat = fwd, c.LinkLatencyS
		}
		sc := covSample(r, tj, pd, dt, true)
		if !sc.seen {
			return math.NaN(), fmt.Sprintf("no cue: %s never sees the threat (closest look: %s)", r.Name, sc.closestLimit)
		}
		return sc.first + lat, ""
	case CueSpace:
		s := launchdetect.Sensor{Name: "space", Delay: c.DelayS, MinAlt: c.MinAltKm * 1e3}.WithDefaults()
		w, ok := s.Observe(tr, rand.New(rand.NewPCG(bsSpaceSeed, 0)))
		if !ok {
			return math.NaN(), "no cue: the boost ends below the space sensor's visibility altitude"
		}
		return w.Time, ""
	}
	return math.NaN(), "no cue: unknown cueing"
}

// engage evaluates one engagement.
func (b *bsRun) engage(i int, site geo.LLA, siteLabel string, tj *Trajectory, cueing string, cue float64, why string, commit float64) SweepEngagement {
	ic := b.ics[i]
	t0 := tj.flight.LaunchTime
	en := SweepEngagement{Interceptor: ic.Name, Site: siteLabel, Trajectory: tj.Name, LaunchSite: tj.LaunchSite,
		Aim: tj.Aim, Profile: tj.Profile, Cueing: cueing}
	if math.IsNaN(cue) {
		en.Reason = why
		return en
	}
	decision := cue + commit
	en.CueS, en.DecisionS = bsPtr(cue-t0), bsPtr(decision-t0)
	if bs, ok := b.window(site, ic, tj, decision); ok {
		en.Engageable = true
		en.FirstLaunchS, en.LastLaunchS = bsPtr(bs.FirstLaunch-t0), bsPtr(bs.LastLaunch-t0)
		en.FirstInterceptS, en.LastInterceptS = bsPtr(bs.FirstIntercept-t0), bsPtr(bs.LastIntercept-t0)
		en.MinInterceptAltKm, en.MaxInterceptAltKm = bsPtr(bs.MinAlt/1e3), bsPtr(bs.MaxAlt/1e3)
		en.FirstInterceptRangeKm = bsPtr(bs.First.GroundRange / 1e3)
		en.ClosingSpeedKms = bsPtr(bs.First.ClosingSpeed / 1e3)
	} else {
		en.Reason = "no battle space"
	}
	if !b.req.Sweep.Off {
		if v, ok := b.required(i, site, tj, decision); ok {
			en.RequiredBurnoutSpeedKms = bsPtr(v / 1e3)
		}
	}
	return en
}

// bsFinish fills the fraction and required speeds of an entry from its
// trajectories' required speeds.
func bsFinish(e *SweepEntry, req []*float64, off bool) {
	if e.Trajectories > 0 {
		e.EngageableFraction = float64(e.Engageable) / float64(e.Trajectories)
	}
	if off || len(req) == 0 {
		return
	}
	worst, best := math.Inf(-1), math.Inf(1)
	for _, v := range req {
		if v == nil {
			worst = math.Inf(1)
			continue
		}
		worst, best = math.Max(worst, *v), math.Min(best, *v)
	}
	if !math.IsInf(worst, 0) {
		e.RequiredBurnoutSpeedKms = bsPtr(worst)
	}
	if !math.IsInf(best, 0) {
		e.RequiredBurnoutSpeedAnyKms = bsPtr(best)
	}
}

// bsAssumptions states the assumptions of a sweep.
func bsAssumptions(s BurnoutSweep, off bool) []string {
	a := []string{
		"Engageable means intercept.Window finds a feasible intercept: threat inside the interceptor's altitude and range limits and flyout envelope, closing speed at least the minimum, interceptor launched at or after the decision time and arriving no later than the threat. Kill probability, discrimination, decoys and inventory are not modelled.",
		"Decision time = cue + link latency (forward radar) + commit time. A radar cues when it first detects the threat with the wanted Pd per dwell at the missile's catalog RCS (booster in boost, RV after); a space sensor when its launch report arrives (launchdetect).",
		"Space-based cueing carries no fire-control track: it is an optimistic bound unless a radar also holds the threat in time.",
		"Interceptor flyouts are flown on a non-rotating sphere (package intercept); Earth rotation changes the reach by up to about ±7 %.",
	}
	if !off {
		lim := "with its catalog maximum range and intercept altitude lifted (its own flyout envelope limits it)"
		if s.KeepLimits {
			lim = "with the base interceptor's catalog maximum range and intercept altitude"
		}
		base := "each row's interceptor"
		if s.Base != "" {
			base = s.Base + " (for every row)"
		}
		a = append(a, fmt.Sprintf("Required burnout speed: %s flown by WithBurnout (constant thrust over its burn time, no drag) %s, on a grid of %.2f to %.2f km/s every %.2f km/s, refined by bisection on a %.3f km/s lattice; engageability is assumed monotone in speed inside the bracket that first engages.", base, lim, s.MinKms, s.MaxKms, s.GridKms, s.TolKms))
	}
	return a
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
	return []error{fmt.Errorf("%s: %w", path, err)}
}

// bsPtr returns a pointer to a copy of v.
func bsPtr(v float64) *float64 { return &v }

// Position returns the missile's geodetic position t seconds after its
// launch, and false outside its flight.
func (tj *Trajectory) Position(t float64) (geo.LLA, bool) {
	if tj.flight == nil {
		return geo.LLA{}, false
	}
	abs := tj.flight.LaunchTime + t
	t0, t1 := tj.flight.Span()
	if abs < t0 || abs > t1 {
		return geo.LLA{}, false
	}
	return geo.WGS84.ToGeodetic(tj.flight.At(abs).Pos), true
}
