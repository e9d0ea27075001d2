package sim

import (
	"math"
	"slices"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/radar"
)

// Build flies the threats of s and builds its sensors, launchers and
// commands. Input problems come back as one *Errors (the threats' alone
// when any threat has one); a threat that fails for another reason as a
// *ThreatError.
func Build(s *Spec, o Options) (*World, error) { return BuildWithProgress(s, o, nil) }

// BuildWithProgress is Build, calling progress, if not nil, with the
// number of missiles flown so far and the number to fly.
func BuildWithProgress(s *Spec, o Options, progress func(done, total int)) (*World, error) {
	flights, err := flyThreats(s.Threats, o, progress)
	if err != nil {
		return nil, err
	}
	w := &World{Spec: s, Options: o, Flights: flights, looks: &lookWindows{}, fast: &fastTables{}, sights: &spaceSights{}, truth: &tickTruth{}}
	for i := range flights {
		w.hasAir = w.hasAir || airBreathing(flights[i].Kind)
	}
	var bad Errors
	for i, st := range s.Sites {
		for j, pl := range st.Platforms {
			for k, rd := range pl.Radars {
				u, err := w.buildRadar(st, pl, rd)
				if err != nil {
					bad.Problems = append(bad.Problems, Problem{Element: RadarElement, Site: i, Platform: j, Index: k, Msg: err.Error()})
					continue
				}
				w.Radars = append(w.Radars, u)
				w.addOwner(st.Owner)
			}
		}
	}
	for _, ss := range s.SpaceSensors {
		w.Space = append(w.Space, ss.WithDefaults())
		w.addOwner(ss.Owner)
	}
	slices.Sort(w.Owners)
	w.buildBattle(&bad)
	if len(bad.Problems) > 0 {
		return nil, &bad
	}
	return w, nil
}

func (w *World) addOwner(o string) {
	if !slices.Contains(w.Owners, o) {
		w.Owners = append(w.Owners, o)
	}
}

func (w *World) buildRadar(st Site, pl Platform, rd Radar) (SensorUnit, error) {
	e := rd.Entry
	h := radar.AntennaHeight(e, w.Options.DefensePick)
	if st.AntennaHeight != nil {
		h = *st.AntennaHeight
	}
	r, err := radar.FromCatalogHeight(e, w.Options.DefensePick, st.Pos, h, w.boresight(st, rd))
	if err != nil {
		return SensorUnit{}, err
	}
	id := pl.Name
	if len(pl.Radars) > 1 {
		id = pl.Name + "/" + e.Name
	}
	r.Name = id
	return SensorUnit{ID: id, Site: st.Name, Owner: st.Owner, Radar: r, Type: e.Name}, nil
}

// boresight returns the radar's boresight azimuth: the one given, else the
// bearing from the site to the mean launch point of the threats (the radar
// faces the threat).
func (w *World) boresight(st Site, rd Radar) float64 {
	if !rd.FaceThreats {
		return rd.Boresight
	}
	if len(w.Flights) == 0 {
		return 0
	}
	var sum geo.LLA
	for _, f := range w.Flights {
		sum.Lat += f.Launch.Lat
		sum.Lon += f.Launch.Lon
	}
	n := float64(len(w.Flights))
	_, az, _ := w.Options.Earth.Ellipsoid.Inverse(st.Pos.Lat, st.Pos.Lon, sum.Lat/n, sum.Lon/n)
	return math.Mod(az+2*math.Pi, 2*math.Pi)
}

// buildBattle builds the launchers, pictures and commands of w.
func (w *World) buildBattle(bad *Errors) {
	s := w.Spec
	var armed []string // owners with launchers, in order of sites
	for i, st := range s.Sites {
		for j, pl := range st.Platforms {
			for k, ln := range pl.Launchers {
				e := ln.Interceptor
				ic, err := intercept.FromCatalog(e, w.Options.DefensePick)
				if err != nil {
					bad.Problems = append(bad.Problems, Problem{Element: LauncherElement, Site: i, Platform: j, Index: k, Field: "Interceptor", Msg: err.Error()})
					continue
				}
				w.Launchers = append(w.Launchers, LauncherUnit{
					ID: pl.Name + "/" + e.Name, Site: st.Name, Owner: st.Owner, Pos: st.Pos, Interceptor: ic, Rounds: ln.Rounds,
				})
				if !slices.Contains(armed, st.Owner) {
					armed = append(armed, st.Owner)
				}
			}
		}
	}
	w.Assets = s.Assets
	maxValue := 0.0
	for _, a := range s.Assets {
		maxValue = math.Max(maxValue, a.Value)
	}
	// Pictures: the joint one is named after its owner when only one owner
	// feeds it.
	feeders := slices.Clone(w.Owners)
	for _, o := range armed {
		if !slices.Contains(feeders, o) {
			feeders = append(feeders, o)
		}
	}
	w.joint = JointPicture
	if len(feeders) == 1 {
		w.joint = feeders[0]
	}
	for _, o := range feeders {
		if p := w.picture(o); !slices.Contains(w.Pictures, p) {
			w.Pictures = append(w.Pictures, p)
		}
	}
	slices.Sort(w.Pictures)

	owner := make(map[string]int, len(s.Owners)) // name -> index in s.Owners
	for i, o := range s.Owners {
		owner[o.Name] = i
	}
	doctrine := func(name string) c2.Doctrine {
		oi, ok := owner[name]
		if !ok {
			return c2.DefaultDoctrine()
		}
		d := s.Owners[oi].Doctrine
		if d.Reserve > 0 && d.ReserveMinValue == 0 {
			d.ReserveMinValue = maxValue
		}
		return d
	}
	if len(armed) == 0 {
		return
	}
	if s.Architecture == Integrated {
		c := Command{Name: w.joint, Picture: w.joint, Doctrine: doctrine(armed[0])}
		for l := range w.Launchers {
			c.Launchers = append(c.Launchers, l)
		}
		w.Commands = []Command{c}
		return
	}
	for k, o := range armed {
		c := Command{Name: o, Picture: w.picture(o), Doctrine: doctrine(o), Sectoral: s.Architecture == Sectoral, siteSet: k}
		var sites []geo.LLA
		for l, lu := range w.Launchers {
			if lu.Owner == o {
				c.Launchers = append(c.Launchers, l)
				sites = append(sites, lu.Pos)
			}
		}
		w.sectorSites = append(w.sectorSites, sites)
		if oi, ok := owner[o]; ok {
			c.Sector = slices.Clone(s.Owners[oi].Sector)
		}
		w.Commands = append(w.Commands, c)
	}
}
