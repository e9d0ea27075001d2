// Command flyandsee shows rampart's public Go API end to end: it flies two
// catalog missiles from Kaliningrad toward Warsaw and asks whether the
// Aegis Ashore radar at Redzikowo, Poland, sees them, and if not, why.
//
// Run it from the module root with
//
//	go run ./examples/flyandsee
//
// It uses only the public packages: catalog for the missiles, the radar
// and the places; flight to fly an Iskander-M (ballistic, staged boost,
// minimum-energy trajectory, WGS-84 gravity with J2, Earth rotation and
// drag) and a 9M729 (cruise missile at its catalog height and speed); radar
// to build the AN/SPY-1D(V) from its catalog entry and Observe each missile
// once a second; geo for the geometry. A look counts as a detection when the
// radar's field of regard and the line of sight over the 4/3 Earth allow it
// and the dwell's detection probability is at least 0.5 (Swerling 1, Pfa
// 1e-6, the catalog's central radar cross section for the flight phase). It
// draws no random numbers, so the output is the same on every run.
//
// The result is the textbook contrast. The ballistic missile, launched 222 km
// from the radar, rises above the 4/3-Earth horizon about 10 s after launch
// and is detected during boost a few seconds later, once above the radar's
// 0.5° minimum elevation; after burnout the 0.1 m² reentry vehicle fades
// below Pd 0.5 at about 270 km slant range. The cruise missile, 50 m up and
// never closer than 222 km, stays below the horizon (58 km for a 50 m
// antenna and a 50 m target) all the way and is never detected.
package main

import (
	"fmt"
	"io"
	"math"
	"os"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/radar"
)

const (
	radarName = "AN/SPY-1D(V)"
	radarSite = "Redzikowo"
	// antennaHeight is the height of the array faces above the ellipsoid,
	// m: an assumption (ground near sea level plus the deckhouse), not a
	// catalog value.
	antennaHeight = 50.0
	launchSite    = "Kaliningrad"
	aimSite       = "Warsaw"
	detectPd      = 0.5 // a dwell with at least this Pd counts as a detection
	step          = 1.0 // s between looks
)

var missiles = []string{"Iskander-M", "9M729"}

// look is the radar's view of the missile at one time.
type look struct {
	T      float64 // s after launch
	Phase  flight.Phase
	Alt    float64 // missile height above the ellipsoid, m
	Ground float64 // geodesic distance from the radar, m
	Range  float64 // slant range, m
	El     float64 // apparent elevation, rad
	Pd     float64 // detection probability of the dwell
	Vis    radar.Visibility
	LOS    bool // line of sight over the 4/3 Earth
}

func (l look) detected() bool { return l.Vis == radar.Visible && l.Pd >= detectPd }

// watch is one missile flown and watched.
type watch struct {
	Missile     string
	Ballistic   bool
	FlightTime  float64 // s
	Apogee      float64 // m (cruise: the cruise height)
	ApogeeTime  float64 // s after launch; NaN for cruise missiles
	GroundRange float64 // m
	Speed       float64 // cruise speed, m/s; NaN for ballistic missiles

	Looks, Detections int  // looks made, and those that detected
	Detected          bool // at least one detection
	First, Last       look // first and last detection (zero if never)
	Before            look // the look just before First (the closest look if never detected; zero if First is at launch)
	After             look // the look just after Last (zero if Last is at impact)
	Launch            look // the look at launch
	Closest           look // the look at the least ground distance from the radar
	InSight           bool // the line of sight was clear at some look
	FirstLOS          look // the first look with a clear line of sight
	// Horizon is the 4/3-Earth horizon range, m, between the antenna and a
	// target at the closest look's height.
	Horizon float64
}

// scene is the radar and the two flights.
type scene struct {
	Radar          *radar.Radar
	Site           geo.LLA
	Launch, Aim    geo.LLA
	Watches        []watch
	LaunchToRadarM float64
}

func site(name string, alt float64) (geo.LLA, error) {
	e, err := catalog.Lookup(name)
	if err != nil {
		return geo.LLA{}, err
	}
	if e.Kind != catalog.KindSite {
		return geo.LLA{}, fmt.Errorf("%s is %s, not a site", name, e.Kind.A())
	}
	return geo.LLADeg(e.Lat.Central, e.Lon.Central, alt), nil
}

// simulate builds the radar, flies the missiles and watches them.
func simulate() (*scene, error) {
	pos, err := site(radarSite, antennaHeight)
	if err != nil {
		return nil, err
	}
	launch, err := site(launchSite, 0)
	if err != nil {
		return nil, err
	}
	aim, err := site(aimSite, 0)
	if err != nil {
		return nil, err
	}
	re, err := catalog.Lookup(radarName)
	if err != nil {
		return nil, err
	}
	// The SPY-1D(V) covers all azimuths, so the boresight does not matter.
	r, err := radar.FromCatalog(re, catalog.PickCentral, pos, 0)
	if err != nil {
		return nil, err
	}
	sc := &scene{Radar: r, Site: pos, Launch: launch, Aim: aim}
	sc.LaunchToRadarM, _, _ = geo.WGS84.Inverse(pos.Lat, pos.Lon, launch.Lat, launch.Lon)
	for _, name := range missiles {
		w, err := flyAndWatch(r, name, launch, aim)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		sc.Watches = append(sc.Watches, w)
	}
	return sc, nil
}

func flyAndWatch(r *radar.Radar, name string, launch, aim geo.LLA) (watch, error) {
	e, err := catalog.Lookup(name)
	if err != nil {
		return watch{}, err
	}
	f, err := flight.FlyCatalog(flight.DefaultPhysics(), flight.CatalogShot{
		Missile: e, Launch: launch, Aim: aim, Profile: flight.MinEnergy,
	})
	if err != nil {
		return watch{}, err
	}
	w := watch{
		Missile:     e.Name,
		Ballistic:   f.Ballistic != nil,
		FlightTime:  f.FlightTime,
		Apogee:      f.Apogee,
		ApogeeTime:  math.NaN(),
		GroundRange: f.GroundRange,
		Speed:       f.CruiseSpeed,
	}
	at := func(t float64) flight.State { return f.Cruise.At(t) }
	if w.Ballistic {
		at = f.Ballistic.At
		w.ApogeeTime = f.Ballistic.ApogeeTime - f.Ballistic.LaunchTime
	}
	// RCS by phase: the booster's while thrusting, then the RV's (for a
	// cruise missile both are its rcs_m2).
	var rcs [2]float64
	for i, boosting := range []bool{false, true} {
		v, err := radar.RCSBand(e, boosting)
		if err != nil {
			return watch{}, err
		}
		rcs[i] = v.Central
	}

	var prev look
	afterSet := false // w.After holds the first look after the latest detection
	w.Closest.Ground = math.Inf(1)
	for i := 0; ; i++ {
		t := float64(i) * step
		if t > f.FlightTime {
			break
		}
		s := at(t)
		l := observe(r, s, rcs[b2i(s.Phase == flight.Boost)])
		l.T = t
		w.Looks++
		if l.Ground < w.Closest.Ground {
			w.Closest = l
		}
		if l.LOS && !w.InSight {
			w.InSight, w.FirstLOS = true, l
		}
		switch {
		case l.detected():
			w.Detections++
			if !w.Detected {
				w.Detected, w.First = true, l
				if i > 0 {
					w.Before = prev
				}
			}
			w.Last = l
			w.After, afterSet = look{}, false
		case w.Detected && !afterSet:
			w.After, afterSet = l, true
		}
		if i == 0 {
			w.Launch = l
		}
		prev = l
	}
	if !w.Detected {
		w.Before = w.Closest
	}
	w.Horizon = radar.HorizonRange(r.Site.Alt, w.Closest.Alt, r.RefractionK*radar.EarthRadius)
	return w, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func observe(r *radar.Radar, s flight.State, rcs float64) look {
	ob := r.Observe(s.Pos, rcs)
	g, _, _ := geo.WGS84.Inverse(r.Site.Lat, r.Site.Lon, s.LLA.Lat, s.LLA.Lon)
	return look{
		Phase:  s.Phase,
		Alt:    s.LLA.Alt,
		Ground: g,
		Range:  ob.Range,
		El:     ob.ApparentEl,
		Pd:     ob.Pd,
		Vis:    ob.Visibility,
		LOS:    radar.LineOfSight(geo.WGS84, r.RefractionK, r.Site, s.LLA).Visible,
	}
}

// why says why a look is not a detection.
func why(l look) string {
	los := "line of sight over the 4/3 Earth clear"
	if !l.LOS {
		los = "below the 4/3-Earth horizon"
	}
	switch l.Vis {
	case radar.Visible:
		return fmt.Sprintf("in coverage at %.0f km slant range, but Pd %.3f < %.1f", l.Range/1e3, l.Pd, detectPd)
	case radar.BelowHorizon:
		return los
	default:
		return fmt.Sprintf("%v (%s)", l.Vis, los)
	}
}

func deg(rad float64) float64 { return rad * 180 / math.Pi }

func describe(w io.Writer, l look) {
	fmt.Fprintf(w, "t = %4.0f s (%v), altitude %s, %3.0f km from the radar, elevation %4.1f°",
		l.T, l.Phase, altitude(l.Alt), l.Ground/1e3, deg(l.El))
}

func altitude(m float64) string {
	if m < 1000 {
		return fmt.Sprintf("%.0f m", m)
	}
	return fmt.Sprintf("%.1f km", m/1e3)
}

// run writes the report of the simulation to w.
func run(w io.Writer) error {
	sc, err := simulate()
	if err != nil {
		return err
	}
	r := sc.Radar
	fmt.Fprintf(w, "Radar: %s at %s (%.2fN %.2fE, antenna %.0f m, assumed), instrumented range %.0f km, min elevation %.1f°\n",
		r.Name, radarSite, sc.Site.LatDeg(), sc.Site.LonDeg(), sc.Site.Alt, r.MaxRange/1e3, deg(r.MinEl))
	fmt.Fprintf(w, "A look is a detection when the target is in coverage and the dwell's Pd >= %.1f; one look every %.0f s.\n", detectPd, step)
	fmt.Fprintf(w, "Launch %s (%.0f km from the radar), aim %s.\n", launchSite, sc.LaunchToRadarM/1e3, aimSite)
	for _, wt := range sc.Watches {
		fmt.Fprintln(w)
		if wt.Ballistic {
			fmt.Fprintf(w, "%s (ballistic, minimum energy): %.0f km in %.0f s, apogee %.0f km at t = %.0f s\n",
				wt.Missile, wt.GroundRange/1e3, wt.FlightTime, wt.Apogee/1e3, wt.ApogeeTime)
		} else {
			fmt.Fprintf(w, "%s (cruise, %.0f m up at %.0f m/s): %.0f km in %.0f s\n",
				wt.Missile, wt.Apogee, wt.Speed, wt.GroundRange/1e3, wt.FlightTime)
		}
		if !wt.Detected {
			fmt.Fprintf(w, "  never detected: closest at ")
			describe(w, wt.Closest)
			fmt.Fprintf(w, ":\n    %s; the 4/3-Earth horizon for a target at %s is %.0f km\n",
				why(wt.Closest), altitude(wt.Closest.Alt), wt.Horizon/1e3)
			continue
		}
		if wt.First.T == 0 {
			fmt.Fprintf(w, "  detected from launch\n")
		} else {
			if wt.FirstLOS.T > 0 {
				fmt.Fprintf(w, "  rises above the 4/3-Earth horizon at t = %.0f s, altitude %s\n", wt.FirstLOS.T, altitude(wt.FirstLOS.Alt))
			}
			fmt.Fprintf(w, "  not detected at    ")
			describe(w, wt.Before)
			fmt.Fprintf(w, ":\n    %s\n", why(wt.Before))
		}
		fmt.Fprintf(w, "  first detected at  ")
		describe(w, wt.First)
		fmt.Fprintf(w, ", Pd %.2f\n", wt.First.Pd)
		fmt.Fprintf(w, "  last detected at   ")
		describe(w, wt.Last)
		fmt.Fprintf(w, ", Pd %.2f\n", wt.Last.Pd)
		if wt.After.T > 0 {
			fmt.Fprintf(w, "  lost at            ")
			describe(w, wt.After)
			fmt.Fprintf(w, ":\n    %s\n", why(wt.After))
		}
		fmt.Fprintf(w, "  detected in %d of %d looks\n", wt.Detections, wt.Looks)
	}
	return nil
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "flyandsee:", err)
		os.Exit(1)
	}
}
