package sim

import (
	"fmt"
	"math"
	"slices"

	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// JointPicture names the one air picture of the integrated and sectoral
// architectures when more than one owner feeds it.
const JointPicture = "joint"

// LauncherUnit is one launcher part of a scenario platform.
type LauncherUnit struct {
	ID          string // platform/interceptor
	Site        string
	Owner       string
	Pos         geo.LLA
	Interceptor *intercept.Interceptor
	Rounds      int
}

// Command is one decision maker: it sees one picture, fires its launchers
// under its doctrine and, under the sectoral architecture, only at threats
// whose predicted impact lies in its sector.
type Command struct {
	Name      string // owner name, or JointPicture for the integrated command
	Picture   string
	Launchers []int // indices into World.Launchers
	Doctrine  scenario.Doctrine
	// Sectoral limits fire to threats predicted to land in the sector:
	// Sector when the owner gives one, else the nearest-site rule.
	Sectoral bool
	Sector   c2.Sector
	siteSet  int // index of the command's sites in World.sectorSites
}

// picture returns the picture that the sensors of owner feed.
func (w *World) picture(owner string) string {
	if w.Options.NoSharing || w.Scenario.Run.Architecture == scenario.SeparateLinked {
		return owner
	}
	return w.joint
}

// buildBattle builds the launchers, assets, pictures and commands of w.
func (w *World) buildBattle(bad *scenario.Errors) {
	s := w.Scenario
	var armed []string // owners with launchers, in file order of sites
	for i, st := range s.Sites {
		site, err := resolve(st.Point)
		if err != nil {
			continue // reported with the radars
		}
		for j, pl := range st.Platforms {
			for k, pt := range pl.Parts {
				if pt.Kind != scenario.Launcher {
					continue
				}
				path := fmt.Sprintf("sites[%d].platforms[%d].parts[%d]", i, j, k)
				e, err := catalog.Lookup(pt.Interceptor)
				if err == nil {
					var ic *intercept.Interceptor
					if ic, err = intercept.FromCatalog(e, w.Options.Pick); err == nil {
						w.Launchers = append(w.Launchers, LauncherUnit{
							ID: pl.Name + "/" + e.Name, Site: st.Name, Owner: st.Owner, Pos: site, Interceptor: ic, Rounds: pt.Rounds,
						})
						if !slices.Contains(armed, st.Owner) {
							armed = append(armed, st.Owner)
						}
						continue
					}
				}
				bad.Problems = append(bad.Problems, s.Problemf(path+".interceptor", "%v", err))
			}
		}
	}
	maxValue := 0.0
	for i, a := range s.Assets {
		p, err := resolve(a.Point)
		if err != nil {
			bad.Problems = append(bad.Problems, s.Problemf(fmt.Sprintf("assets[%d]", i), "%v", err))
			continue
		}
		r := a.RadiusKm
		if r == 0 {
			r = scenario.DefaultAssetRadiusKm
		}
		w.Assets = append(w.Assets, c2.Asset{Name: a.Name, Owner: a.Owner, Pos: p, Value: a.Value, Radius: r * 1e3})
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
	doctrine := func(name string) scenario.Doctrine {
		oi, ok := owner[name]
		if !ok {
			return scenario.DefaultDoctrine()
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
	if s.Run.Architecture == scenario.Integrated {
		c := Command{Name: w.joint, Picture: w.joint, Doctrine: doctrine(armed[0])}
		for l := range w.Launchers {
			c.Launchers = append(c.Launchers, l)
		}
		w.Commands = []Command{c}
		return
	}
	for k, o := range armed {
		c := Command{Name: o, Picture: w.picture(o), Doctrine: doctrine(o), Sectoral: s.Run.Architecture == scenario.Sectoral, siteSet: k}
		var sites []geo.LLA
		for l, lu := range w.Launchers {
			if lu.Owner == o {
				c.Launchers = append(c.Launchers, l)
				sites = append(sites, lu.Pos)
			}
		}
		w.sectorSites = append(w.sectorSites, sites)
		if oi, ok := owner[o]; ok {
			for pi, pt := range s.Owners[oi].Sector {
				p, err := resolve(pt)
				if err != nil {
					bad.Problems = append(bad.Problems, s.Problemf(fmt.Sprintf("owners[%d].sector[%d]", oi, pi), "%v", err))
					continue
				}
				c.Sector = append(c.Sector, p)
			}
		}
		w.Commands = append(w.Commands, c)
	}
}

// covers reports whether a threat predicted to land at impact is command
// c's responsibility.
func (w *World) covers(c *Command, impact geo.LLA) bool {
	if !c.Sectoral {
		return true
	}
	if len(c.Sector) >= 3 {
		return c.Sector.Contains(impact)
	}
	return c2.NearestSite(impact, w.sectorSites) == c.siteSet
}
