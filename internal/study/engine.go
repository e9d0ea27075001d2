package study

import (
	"fmt"
	"math"
	"strings"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
)

// trackSampleS is the time step of the flight tracks of an engine scene, s.
const trackSampleS = 10.0

func lla(p geo.LLA) (float64, float64, float64) { return p.LatDeg(), p.LonDeg(), p.Alt }

// EngineScene is the geometry of a run: its sites, every missile's flight and
// the intercepts of trial 0.
func EngineScene(s *scenario.Scenario, world *sim.World, sum *sim.Summary) *scene.Scene {
	sc := &scene.Scene{Version: scene.Version, Name: s.Name, Question: s.Question, Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{}, Tracks: []scene.Track{}, Areas: []scene.Area{}, Intercepts: []scene.Intercept{}}
	seen := map[string]bool{}
	add := func(st scene.Site) {
		if !seen[st.Kind+st.Name] {
			seen[st.Kind+st.Name] = true
			sc.Sites = append(sc.Sites, st)
		}
	}
	for _, u := range world.Radars {
		lat, lon, _ := lla(u.Radar.Site)
		add(scene.Site{Name: u.ID, Kind: scene.SiteDefense, Owner: u.Owner, LatDeg: lat, LonDeg: lon, Note: u.Type})
	}
	for _, l := range world.Launchers {
		lat, lon, _ := lla(l.Pos)
		add(scene.Site{Name: l.ID, Kind: scene.SiteDefense, Owner: l.Owner, LatDeg: lat, LonDeg: lon, Note: fmt.Sprintf("%d × %s", l.Rounds, l.Interceptor.Name)})
	}
	for _, a := range world.Assets {
		lat, lon, _ := lla(a.Pos)
		add(scene.Site{Name: a.Name, Kind: scene.SiteAsset, Owner: a.Owner, LatDeg: lat, LonDeg: lon, Note: fmt.Sprintf("value %g", a.Value)})
	}
	for _, f := range world.Flights {
		name := f.LaunchName
		if name == "" {
			name = f.Name + " launch"
		}
		lat, lon, _ := lla(f.Launch)
		add(scene.Site{Name: name, Kind: scene.SiteLaunch, LatDeg: lat, LonDeg: lon})
		mv := f.Mover()
		if mv == nil {
			continue
		}
		kind := scene.TrackBallistic
		if f.Cruise != nil {
			kind = scene.TrackCruise
		}
		tr := scene.Track{Name: f.Name, Kind: kind}
		end := f.LaunchTime + f.FlightTime
		for t := f.LaunchTime; ; t = math.Min(t+trackSampleS, end) {
			p := mv.At(t).Pos
			g := geo.WGS84.ToGeodetic(p)
			tr.Points = append(tr.Points, scene.Sample{T: roundTo(t, 3), LatDeg: roundTo(g.LatDeg(), 6), LonDeg: roundTo(g.LonDeg(), 6), AltM: roundTo(math.Max(g.Alt, 0), 1)})
			if t >= end {
				break
			}
		}
		if len(tr.Points) >= 2 {
			sc.Tracks = append(sc.Tracks, tr)
		}
	}
	if len(sum.Outcomes) > 0 {
		for _, sh := range sum.Outcomes[0].Shots {
			if sh.Flight < 0 {
				continue
			}
			lat, lon, alt := lla(sh.Pos)
			sc.Intercepts = append(sc.Intercepts, scene.Intercept{
				Threat: world.Flights[sh.Flight].Name, Interceptor: sh.Interceptor, Site: sh.Launcher, Owner: sh.Command,
				T: roundTo(sh.Intercept, 3), LatDeg: roundTo(lat, 6), LonDeg: roundTo(lon, 6), AltM: roundTo(alt, 1), Kill: sh.Kill,
			})
		}
	}
	return sc
}

// EngineSystems names the catalog systems of a world: missiles,
// interceptors and radars.
func EngineSystems(world *sim.World) []string {
	var names []string
	for _, f := range world.Flights {
		names = addSystem(names, f.Missile)
	}
	for _, l := range world.Launchers {
		names = addSystem(names, l.Interceptor.Name)
	}
	for _, u := range world.Radars {
		names = addSystem(names, u.Type)
	}
	return names
}

// EngineHeadline answers an engine scenario's question from its Monte
// Carlo: which assets survive more often than not, and the interceptors
// and leakers per raid. The value is the expected leakers per raid.
func EngineHeadline(s *scenario.Scenario, sum *sim.Summary) Headline {
	h := Headline{Question: s.Question, Value: roundTo(sum.LeakersMean, 4), Unit: "warheads leaking per raid (mean)"}
	var held, lost []string
	for _, a := range sum.Assets {
		item := fmt.Sprintf("%s %.2f", a.Name, a.PSurvive)
		if a.PSurvive >= 0.5 {
			held = append(held, item)
		} else {
			lost = append(lost, item)
		}
	}
	h.Answer = fmt.Sprintf("Over %d trials, ", sum.Trials)
	if len(held) > 0 {
		h.Answer += "defended more often than not (P(survive)): " + strings.Join(held, ", ")
	} else {
		h.Answer += "no asset survives more often than not"
	}
	if len(lost) > 0 {
		h.Answer += "; not defended: " + strings.Join(lost, ", ")
	}
	h.Answer += fmt.Sprintf(". The defense fires %.1f interceptors per raid and %.1f warheads leak.", sum.InterceptorsMean, sum.LeakersMean)
	return h
}
