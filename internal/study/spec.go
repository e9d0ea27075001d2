package study

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/launchdetect"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// This file is the one adapter from the scenario file format to the
// engine's model types: NewSpec turns a Scenario into a sim.Spec, and the
// engine's input problems (sim.Errors, which name Spec elements) are mapped
// back to the scenario's paths and file positions, so they read as the
// parser's own.

// BuildWorld builds the engine's world for s: the Spec of s (NewSpec),
// then sim.Build. Input problems, the adapter's and the engine's, come back
// together as one *scenario.Errors placed in the file.
func BuildWorld(s *scenario.Scenario, o sim.Options) (*sim.World, error) {
	return buildWorld(s, o, nil)
}

// buildWorld is BuildWorld reporting the missiles aimed, if progress is
// not nil, under the label "aiming threats".
func buildWorld(s *scenario.Scenario, o sim.Options, progress func(label string, done, total int)) (*sim.World, error) {
	return buildWorldWith(s, o, nil, progress)
}

// buildWorldWith is buildWorld looking the catalog up through ov (a sweep
// point's or a sensitivity run's overrides; nil: the catalog as it is).
func buildWorldWith(s *scenario.Scenario, o sim.Options, ov catalog.Overrides, progress func(label string, done, total int)) (*sim.World, error) {
	spec, ix, bad := newSpecWith(s, ov)
	var aimed func(done, total int)
	if progress != nil {
		aimed = func(done, total int) { progress("aiming threats", done, total) }
	}
	w, err := sim.BuildWithProgress(spec, o, aimed)
	if err := ix.merge(s, bad, err); err != nil {
		return nil, err
	}
	return w, nil
}

// FlyThreats flies every missile of every threat of s (sim.FlyThreats on
// the Spec of s). Input problems come back as one *scenario.Errors placed
// at the threats in the file.
func FlyThreats(s *scenario.Scenario, o sim.Options) ([]sim.Flight, error) {
	spec, ix, bad := newSpec(s)
	fs, err := sim.FlyThreats(spec.Threats, o)
	if err := ix.merge(s, bad.threats(), err); err != nil {
		return nil, err
	}
	return fs, nil
}

// FlyOne flies a single missile of threat th, outside any scenario (used
// by rampart fly). Input problems, and an aim point out of reach, come back
// as *scenario.Errors without a file position.
func FlyOne(th scenario.Threat, o sim.Options) (sim.Flight, error) {
	fs, err := FlyThreats(&scenario.Scenario{Threats: []scenario.Threat{th}}, o)
	if err != nil {
		return sim.Flight{}, err
	}
	if fs[0].OutOfReach != "" {
		who := fs[0].Missile
		if who == "" {
			// A burnout-state flight has no missile name.
			who = "the burnout-state flight"
		}
		return fs[0], &scenario.Errors{Problems: []scenario.Problem{{Path: "to", Msg: who + " cannot reach the aim point: " + fs[0].OutOfReach}}}
	}
	return fs[0], nil
}

// NewSpec returns the engine's Spec of s: positions resolved, catalog
// names looked up, file units converted to SI units and radians, file
// defaults applied. Elements that cannot be resolved are left out and
// reported, placed in the file.
func NewSpec(s *scenario.Scenario) (*sim.Spec, error) {
	spec, ix, bad := newSpec(s)
	if err := ix.merge(s, bad, nil); err != nil {
		return nil, err
	}
	return spec, nil
}

// Problem groups, in the order the engine reports them: the threats' alone
// when any threat has a problem, else the rest in this order.
const (
	groupThreats = iota
	groupSites   // sites and their radars
	groupLaunchers
	groupAssets
	groupSectors
)

// keyed is an input problem with its place in the reporting order.
type keyed struct {
	key  [4]int // group, then indices in file order
	path string
	msg  string
}

type keyedList []keyed

func (l *keyedList) add(key [4]int, path, msg string) {
	*l = append(*l, keyed{key: key, path: path, msg: msg})
}

// threats returns the threat problems of l.
func (l keyedList) threats() keyedList {
	var out keyedList
	for _, p := range l {
		if p.key[0] == groupThreats {
			out = append(out, p)
		}
	}
	return out
}

// specIndex maps Spec elements back to the scenario.
type specIndex struct {
	threats []int // Spec threat → scenario threat
	sites   []int // Spec site → scenario site
	// radarPart[i][j][r] is the scenario part of radar r of platform j of
	// Spec site i; launcherPart likewise.
	radarPart, launcherPart [][][]int
}

func newSpec(s *scenario.Scenario) (*sim.Spec, *specIndex, keyedList) {
	return newSpecWith(s, nil)
}

// newSpecWith is newSpec looking the systems (missiles, aircraft, radars,
// interceptors) up through ov.
func newSpecWith(s *scenario.Scenario, ov catalog.Overrides) (*sim.Spec, *specIndex, keyedList) {
	spec := &sim.Spec{Architecture: architecture(s.Run.Architecture)}
	ix := &specIndex{}
	var bad keyedList

	for i, th := range s.Threats {
		path := fmt.Sprintf("threats[%d]", i)
		key := [4]int{groupThreats, i}
		from, err := resolve(th.From)
		if err != nil {
			bad.add(key, path+".from", err.Error())
			continue
		}
		to, err := resolve(th.To)
		if err != nil {
			bad.add(key, path+".to", err.Error())
			continue
		}
		var entry catalog.Entry
		switch {
		case th.Missile != "":
			if entry, err = ov.Lookup(th.Missile); err != nil {
				bad.add(key, path+".missile", err.Error())
				continue
			}
		case th.Aircraft != "":
			if entry, err = ov.Lookup(th.Aircraft); err != nil {
				bad.add(key, path+".aircraft", err.Error())
				continue
			}
		}
		var route []geo.LLA
		routeOK := true
		for k, pt := range th.Route {
			p, err := resolve(pt)
			if err != nil {
				bad.add(key, fmt.Sprintf("%s.route[%d]", path, k), err.Error())
				routeOK = false
				continue
			}
			route = append(route, p)
		}
		if !routeOK {
			continue
		}
		spec.Threats = append(spec.Threats, sim.Threat{
			Name: th.Name, Missile: entry, Launch: from, Aim: to, LaunchName: th.From.Place, AimName: th.To.Place,
			Profile:      profile(th.Profile),
			BurnoutSpeed: th.BurnoutSpeedKms * 1e3,
			BurnoutAlt:   th.BurnoutAltKm * 1e3,
			BurnoutAngle: th.BurnoutAngleDeg * math.Pi / 180,
			Apogee:       th.ApogeeKm * 1e3,
			LaunchTime:   th.LaunchTimeS, Count: th.Count, Interval: th.IntervalS,
			Route: route, Alt: th.AltitudeM,
		})
		ix.threats = append(ix.threats, i)
	}

	for i, st := range s.Sites {
		pos, err := resolve(st.Point)
		if err != nil {
			bad.add([4]int{groupSites, i, -1, -1}, fmt.Sprintf("sites[%d]", i), err.Error())
			continue
		}
		site := sim.Site{Name: st.Name, Owner: st.Owner, Pos: pos, AntennaHeight: st.AntennaHeightM}
		radarPart, launcherPart := make([][]int, len(st.Platforms)), make([][]int, len(st.Platforms))
		for j, pl := range st.Platforms {
			p := sim.Platform{Name: pl.Name}
			for k, pt := range pl.Parts {
				path := fmt.Sprintf("sites[%d].platforms[%d].parts[%d]", i, j, k)
				switch pt.Kind {
				case scenario.Radar:
					e, err := ov.Lookup(pt.Type)
					if err != nil {
						bad.add([4]int{groupSites, i, j, k}, path, err.Error())
						continue
					}
					rd := sim.Radar{Entry: e}
					rd.Boresight, rd.FaceThreats = boresight(st, pt)
					p.Radars = append(p.Radars, rd)
					radarPart[j] = append(radarPart[j], k)
				case scenario.Launcher:
					e, err := ov.Lookup(pt.Interceptor)
					if err != nil {
						bad.add([4]int{groupLaunchers, i, j, k}, path+".interceptor", err.Error())
						continue
					}
					p.Launchers = append(p.Launchers, sim.Launcher{Interceptor: e, Rounds: pt.Rounds})
					launcherPart[j] = append(launcherPart[j], k)
				}
			}
			site.Platforms = append(site.Platforms, p)
		}
		spec.Sites = append(spec.Sites, site)
		ix.sites = append(ix.sites, i)
		ix.radarPart = append(ix.radarPart, radarPart)
		ix.launcherPart = append(ix.launcherPart, launcherPart)
	}

	for _, ss := range s.SpaceSensors {
		spec.SpaceSensors = append(spec.SpaceSensors, launchdetect.Sensor{
			Name: ss.Name, Owner: ss.Owner, Delay: ss.DelayS, MinAlt: ss.MinAltKm * 1e3, Sigma: ss.SigmaKm * 1e3,
		})
	}
	for _, l := range s.Links {
		period := l.PeriodS
		if period == 0 {
			period = scenario.DefaultLinkPeriodS
		}
		spec.Links = append(spec.Links, sim.Link{Owners: l.Owners, Latency: l.LatencyS, Period: period})
	}
	for i, a := range s.Assets {
		p, err := resolve(a.Point)
		if err != nil {
			bad.add([4]int{groupAssets, i}, fmt.Sprintf("assets[%d]", i), err.Error())
			continue
		}
		r := a.RadiusKm
		if r == 0 {
			r = scenario.DefaultAssetRadiusKm
		}
		spec.Assets = append(spec.Assets, c2.Asset{Name: a.Name, Owner: a.Owner, Pos: p, Value: a.Value, Radius: r * 1e3})
	}
	for i, o := range s.Owners {
		d := o.Doctrine
		ow := sim.Owner{Name: o.Name, Doctrine: c2.Doctrine{
			Salvo: d.Salvo, SalvoCruise: d.SalvoCruise, SalvoAircraft: d.SalvoAircraft,
			ShootLookShoot: d.ShootLookShoot, KillAssessmentS: d.KillAssessmentS,
			Reserve: d.Reserve, ReserveMinValue: d.ReserveMinValue,
		}}
		for k, pt := range o.Sector {
			p, err := resolve(pt)
			if err != nil {
				bad.add([4]int{groupSectors, i, k}, fmt.Sprintf("owners[%d].sector[%d]", i, k), err.Error())
				continue
			}
			ow.Sector = append(ow.Sector, p)
		}
		spec.Owners = append(spec.Owners, ow)
	}
	return spec, ix, bad
}

// merge returns the problems of the adapter (bad) and of the engine (err,
// from sim.Build or sim.FlyThreats) as one *scenario.Errors placed in the
// file, in the engine's order: the threats' problems alone when there are
// any. An engine failure that is not an input problem comes first of all.
func (ix *specIndex) merge(s *scenario.Scenario, bad keyedList, err error) error {
	var te *sim.ThreatError
	if errors.As(err, &te) {
		i := ix.threats[te.Index]
		return fmt.Errorf("threats[%d] (%s): %w", i, s.Threats[i].Name, te.Err)
	}
	var se *sim.Errors
	if err != nil && !errors.As(err, &se) {
		return err
	}
	if se != nil {
		for _, p := range se.Problems {
			bad = append(bad, ix.place(p))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	if t := bad.threats(); len(t) > 0 {
		bad = t
	}
	slices.SortStableFunc(bad, func(a, b keyed) int { return slices.Compare(a.key[:], b.key[:]) })
	out := &scenario.Errors{}
	for _, p := range bad {
		out.Problems = append(out.Problems, s.Problemf(p.path, "%s", p.msg))
	}
	return out
}

// place returns the scenario path and order of an engine problem.
func (ix *specIndex) place(p sim.Problem) keyed {
	switch p.Element {
	case sim.ThreatElement:
		i := ix.threats[p.Index]
		return keyed{key: [4]int{groupThreats, i}, path: fmt.Sprintf("threats[%d]", i) + field(p.Field), msg: p.Msg}
	case sim.RadarElement:
		i, k := ix.sites[p.Site], ix.radarPart[p.Site][p.Platform][p.Index]
		return keyed{key: [4]int{groupSites, i, p.Platform, k}, path: fmt.Sprintf("sites[%d].platforms[%d].parts[%d]", i, p.Platform, k) + field(p.Field), msg: p.Msg}
	default:
		i, k := ix.sites[p.Site], ix.launcherPart[p.Site][p.Platform][p.Index]
		return keyed{key: [4]int{groupLaunchers, i, p.Platform, k}, path: fmt.Sprintf("sites[%d].platforms[%d].parts[%d]", i, p.Platform, k) + field(p.Field), msg: p.Msg}
	}
}

// field returns the scenario path suffix of a Spec field name.
func field(f string) string {
	switch f {
	case "":
		return ""
	case "Interceptor":
		return ".interceptor"
	}
	return "." + f
}

// architecture returns the engine's architecture; the format's default,
// integrated, when none is given.
func architecture(a scenario.Architecture) sim.Architecture {
	switch a {
	case scenario.Sectoral:
		return sim.Sectoral
	case scenario.SeparateLinked:
		return sim.SeparateLinked
	}
	return sim.Integrated
}

// profile returns the flight profile of a threat; min-energy when none
// is given.
func profile(p scenario.Profile) flight.Profile {
	switch p {
	case scenario.Lofted:
		return flight.Lofted
	case scenario.Depressed:
		return flight.Depressed
	case scenario.QuasiBallistic:
		return flight.QuasiBallistic
	}
	return flight.MinEnergy
}

// boresight returns a radar part's boresight azimuth: its azimuth_deg, else
// its site's catalog boresight_az_deg; faceThreats when it has neither.
func boresight(st scenario.Site, pt scenario.Part) (az float64, faceThreats bool) {
	if pt.AzimuthDeg != nil {
		return *pt.AzimuthDeg * math.Pi / 180, false
	}
	if st.Place != "" {
		if e, err := catalog.Lookup(st.Place); err == nil {
			if v, ok := e.Param("boresight_az_deg"); ok {
				return v.Central * math.Pi / 180, false
			}
		}
	}
	return 0, true
}

// resolve returns the geodetic position of a scenario point.
func resolve(p scenario.Point) (geo.LLA, error) {
	if p.Place == "" {
		return geo.LLADeg(p.LatDeg, p.LonDeg, p.AltM), nil
	}
	e, err := catalog.Lookup(p.Place)
	if err != nil {
		return geo.LLA{}, err
	}
	if !e.Placed() {
		return geo.LLA{}, fmt.Errorf("catalog entry %s is %s, not a place", e.Name, e.Kind.A())
	}
	return geo.LLADeg(e.Lat.Central, e.Lon.Central, 0), nil
}
