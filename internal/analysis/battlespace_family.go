package analysis

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/strict"
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
	// envelope build (~70 ms of CPU) per interceptor type.
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
	Missile    string `json:"missile"`               // catalog ballistic missile, e.g. "RS-24 Yars"
	LaunchSite string `json:"launch_site,omitempty"` // catalog place, e.g. "Kozelsk"
	Aim        string `json:"aim,omitempty"`         // catalog place, e.g. "Washington DC"
	// LaunchAt and AimAt give the launch and aim as coordinates instead
	// of catalog places (launch_site, aim): a clicked point. A coordinate
	// launch has no dispersal band.
	LaunchAt *Location `json:"launch_at,omitempty"`
	AimAt    *Location `json:"aim_at,omitempty"`
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
		errs = append(errs, strict.Fieldf("missile", "%v", err))
	} else if e.Kind != catalog.KindBallisticMissile {
		errs = append(errs, strict.Fieldf("missile", "%s is %s; allowed: a ballistic missile (%s)", e.Name, e.Kind.A(), strings.Join(catalog.Names(catalog.KindBallisticMissile), ", ")))
	}
	for _, p := range []struct {
		field, v, atField string
		at                *Location
	}{{"launch_site", f.LaunchSite, "launch_at", f.LaunchAt}, {"aim", f.Aim, "aim_at", f.AimAt}} {
		if p.at != nil {
			if p.v != "" {
				errs = append(errs, strict.Fieldf(p.atField, "give either %s (a catalog site) or %s (coordinates), not both", p.field, p.atField))
			} else if _, _, err := p.at.Resolve(); err != nil {
				errs = append(errs, strict.Fieldf(p.atField, "%v", err))
			}
			continue
		}
		if _, _, err := (Location{Place: p.v}).Resolve(); err != nil || p.v == "" {
			if err == nil {
				err = errors.New("empty; allowed: a catalog site")
			}
			errs = append(errs, strict.Fieldf(p.field, "%v", err))
		}
	}
	for i, p := range f.Profiles {
		if !slices.Contains(ProfileNames, p) {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("profiles[%d]", i), "%q is not allowed; allowed: %s", p, strings.Join(ProfileNames, ", ")))
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
	return flyFamilies(fams, o, runtime.GOMAXPROCS(0), nil)
}

// flyFamilies is FlyFamilies on up to workers goroutines, calling
// progress, if not nil, with the families flown so far and their number.
// The families are flown side by side; the trajectories and errors are in
// family order, whatever the number of workers.
func flyFamilies(fams []Family, o flight.Physics, workers int, progress func(done, total int)) ([]Trajectory, error) {
	var errs []error
	for i, f := range fams {
		errs = append(errs, bsPrefix(fmt.Sprintf("families[%d]", i), f.Validate())...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	o = defaultPhysics(o)
	var mu sync.Mutex
	done := 0
	report := func(n int) {
		if progress != nil {
			progress(n, len(fams))
		}
	}
	report(0)
	outs := make([][]Trajectory, len(fams))
	famErrs := make([][]error, len(fams))
	slots := make(chan struct{}, max(1, workers))
	var wg sync.WaitGroup
	for i, f := range fams {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			outs[i], famErrs[i] = flyFamily(i, f, o)
			mu.Lock()
			done++
			report(done)
			mu.Unlock()
		})
	}
	wg.Wait()
	var out []Trajectory
	for i := range fams {
		out = append(out, outs[i]...)
		errs = append(errs, famErrs[i]...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// flyFamily flies the trajectories of family i.
func flyFamily(i int, f Family, o flight.Physics) ([]Trajectory, []error) {
	var out []Trajectory
	var errs []error
	e, _ := catalog.Lookup(f.Missile)
	type point struct {
		name     string
		lat, lon float64
	}
	var pts []point
	var site catalog.Entry
	var aimLLA geo.LLA
	var aimName string
	if f.LaunchAt != nil {
		l, _, _ := f.LaunchAt.Resolve() // checked by Validate
		site.Name = l.Label()
		pts = []point{{"centre", l.LatDeg, l.LonDeg}}
	} else {
		site, _ = catalog.Lookup(f.LaunchSite)
		pts = []point{{"centre", site.Lat.Central, site.Lon.Central}}
	}
	if f.AimAt != nil {
		l, g, _ := f.AimAt.Resolve()
		aimLLA, aimName = g, l.Label()
	} else {
		aim, _ := catalog.Lookup(f.Aim)
		aimLLA, aimName = placeLLA(aim), aim.Name
	}
	if f.LaunchAt == nil && f.Dispersal && site.Lat.Spread() > 0 {
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
			name := fmt.Sprintf("%s %s→%s %s", e.Name, site.Name, aimName, p)
			if pt.name != "centre" {
				name += " (" + pt.name + ")"
			}
			prof, _ := flight.ParseProfile(p) // checked by Validate
			fl, _, err := flyMissile(o, name, e.Name, geo.LLADeg(pt.lat, pt.lon, 0), aimLLA, prof, p)
			if err != nil {
				errs = append(errs, fmt.Errorf("families[%d]: %s: %w", i, name, err))
				continue
			}
			tr := fl.Ballistic
			tj := Trajectory{
				Name: name, Missile: e.Name, LaunchSite: site.Name, Aim: aimName, Profile: p,
				LaunchPoint: pt.name, LaunchLatDeg: pt.lat, LaunchLonDeg: pt.lon,
				GroundRangeKm: tr.GroundRange / 1e3, FlightTimeS: tr.FlightTime,
				BurnoutS: tr.BurnoutTime - tr.LaunchTime, ApogeeKm: tr.ApogeeAlt / 1e3,
				family: i, flight: tr, entry: e,
			}
			tj.setRCS(o.Pick)
			out = append(out, tj)
		}
	}
	return out, errs
}

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
