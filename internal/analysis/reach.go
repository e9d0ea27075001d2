package analysis

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/strict"
)

// Location is a place on the Earth: a catalog site (Place), or explicit
// WGS-84 coordinates when Place is empty.
type Location struct {
	Place  string  `json:"place,omitempty"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
	// AltM is the height above the WGS-84 ellipsoid, m. For a catalog site
	// it is the site's elevation_m parameter when it has one (the Kürecik
	// radar stands at 2,085 m), else 0.
	AltM float64 `json:"alt_m,omitempty"`
}

// Resolve returns l with the coordinates of its catalog site filled in and
// its canonical name, and its geodetic position. A Location without a Place
// must have a latitude in [−90, 90] and a longitude in [−180, 360).
func (l Location) Resolve() (Location, geo.LLA, error) {
	if l.Place == "" {
		if !(math.Abs(l.LatDeg) <= 90) || !(l.LonDeg >= -180 && l.LonDeg < 360) || math.IsNaN(l.AltM) {
			return l, geo.LLA{}, fmt.Errorf("position %g,%g is out of range; allowed: latitude in [-90, 90], longitude in [-180, 360)", l.LatDeg, l.LonDeg)
		}
		return l, geo.LLADeg(l.LatDeg, l.LonDeg, l.AltM), nil
	}
	e, err := catalog.Lookup(l.Place)
	if err != nil {
		return l, geo.LLA{}, err
	}
	if e.Kind != catalog.KindSite {
		return l, geo.LLA{}, fmt.Errorf("catalog entry %s is %s, not a place; allowed: a catalog site", e.Name, e.Kind.A())
	}
	l.Place, l.LatDeg, l.LonDeg = e.Name, e.Lat.Central, e.Lon.Central
	if l.AltM == 0 {
		if h := e.Central("elevation_m"); h > 0 {
			l.AltM = h
		}
	}
	return l, geo.LLADeg(l.LatDeg, l.LonDeg, l.AltM), nil
}

// Label names the location: its catalog name, or "LAT,LON" in degrees.
func (l Location) Label() string {
	if l.Place != "" {
		return l.Place
	}
	return fmt.Sprintf("%.4f,%.4f", l.LatDeg, l.LonDeg)
}

// RangeValue is one value of a missile's range: a point of its catalog
// band (low, central, high) or one party's claim (catalog.Claim).
type RangeValue struct {
	Label   string  `json:"label"` // "low", "central", "high", or the claim's label
	Claim   bool    `json:"claim"` // a claim, not a point of the catalog band
	RangeKm float64 `json:"range_km"`
	Source  string  `json:"source"`
	Note    string  `json:"note,omitempty"`
}

// RangeValues returns the range values of a catalog missile: the low,
// central and high values of its range_km band, then the central value of
// each claim, in catalog order (the 9M729: 480, 2,500 and 2,500 km, then
// "Russian claim" 480 km, "US estimate" 2,500 km and "INF threshold" 500
// km). Equal values are kept: each is a separate statement with its own
// source.
func RangeValues(e catalog.Entry) ([]RangeValue, error) {
	if e.Kind != catalog.KindBallisticMissile && e.Kind != catalog.KindCruiseMissile {
		return nil, fmt.Errorf("%s is %s; allowed: a ballistic or cruise missile", e.Name, e.Kind.A())
	}
	v, ok := e.Param("range_km")
	if !ok {
		return nil, fmt.Errorf("catalog entry %s has no range_km", e.Name)
	}
	out := []RangeValue{
		{Label: catalog.PickLow.String(), RangeKm: v.Low, Source: v.Source, Note: v.Note},
		{Label: catalog.PickCentral.String(), RangeKm: v.Central, Source: v.Source, Note: v.Note},
		{Label: catalog.PickHigh.String(), RangeKm: v.High, Source: v.Source, Note: v.Note},
	}
	for _, c := range e.Claims {
		note := c.Note
		if note == "" {
			note = c.RangeKm.Note
		}
		out = append(out, RangeValue{Label: c.Label, Claim: true, RangeKm: c.RangeKm.Central, Source: c.RangeKm.Source, Note: note})
	}
	return out, nil
}

// ReachPlace is one catalog place seen from a missile's launch point.
type ReachPlace struct {
	Place      string  `json:"place"`
	Country    string  `json:"country,omitempty"`
	LatDeg     float64 `json:"lat_deg"`
	LonDeg     float64 `json:"lon_deg"`
	DistanceKm float64 `json:"distance_km"` // geodesic ground distance from the launch point
	AzimuthDeg float64 `json:"azimuth_deg"` // initial bearing, clockwise from north, [0, 360)
	// ReachedBy lists the labels of the range values (RangeValue.Label) at
	// least as long as the distance; Beyond is true when it is empty.
	ReachedBy []string `json:"reached_by"`
	Beyond    bool     `json:"beyond"`
	// Flight time, launch to impact, from the simulator's flight code
	// (flight.FlyCatalog); null for places beyond every range value and for places
	// the flight model cannot reach (see Note).
	FlightTimeS   *float64 `json:"flight_time_s"`
	FlightTimeMin *float64 `json:"flight_time_min"`
	ApogeeKm      *float64 `json:"apogee_km,omitempty"` // ballistic missiles: apogee above the ellipsoid
	// FlownAs is the catalog name the flight was flown with, e.g.
	// "9M729 (US estimate)", and the pick of its values.
	FlownAs string `json:"flown_as,omitempty"`
	// OtherPick says, when the flight time comes from another flight than
	// the missile at the run's pick (the high pick, or a claim), which one
	// and why; "" when it is the run's own.
	OtherPick string `json:"other_pick,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Reach is what a missile launched from one point reaches.
type Reach struct {
	Missile string       `json:"missile"`
	Kind    catalog.Kind `json:"kind"`
	Launch  Location     `json:"launch"`
	Pick    string       `json:"pick"`
	Ranges  []RangeValue `json:"ranges"`
	Places  []ReachPlace `json:"places"` // by distance, then name
	// ProfileNote says how flight times were computed.
	ProfileNote string `json:"profile_note"`
}

// ReachOptions are the settings of MissileReach.
type ReachOptions struct {
	// Places are the catalog sites to consider; nil means every catalog site.
	Places []string
	// Physics is the physics of the flights; the zero value means
	// flight.DefaultPhysics() (WGS-84, J2, rotation, drag, central values).
	Physics flight.Physics
}

// MissileReach returns, for a catalog missile launched from `from`, every
// catalog place (or o.Places) with its geodesic distance, the range values
// (RangeValues) that reach it, and the flight time of the simulator's own
// flight to it.
//
// Flight times come from flight.FlyCatalog, the code rampart run uses: a ballistic
// missile is flown min-energy from its catalog stages through boost,
// midcourse and reentry (with drag, J2 and Earth rotation under the default
// options); a cruise missile flies the great-circle route at its catalog
// cruise speed and altitude (flight.NewCruise models no climb or descent, so
// its time is the route length over the speed: 1,600 km at 880 km/h is 109
// min). A place within some range value is flown with the first of these
// that reaches it: the missile at the options' pick; for cruise missiles each
// claim in order of increasing range ("9M729 (US estimate)"); then the high
// pick. The next one is tried only when the last fell short of the place
// (beyond its maximum range): a place inside the flight model's minimum range,
// or one its aim solve does not converge on, gets a null time and a Note
// with the reason, as does a place within the catalog range that the staged
// flight model cannot reach at any pick.
func MissileReach(missile string, from Location, o ReachOptions) (Reach, error) {
	e, err := catalog.Lookup(missile)
	if err != nil {
		return Reach{}, strict.Fieldf("missile", "%v", err)
	}
	ranges, err := RangeValues(e)
	if err != nil {
		return Reach{}, strict.Fieldf("missile", "%v", err)
	}
	from, lp, err := from.Resolve()
	if err != nil {
		return Reach{}, strict.Fieldf("from", "%v", err)
	}
	so := defaultPhysics(o.Physics)
	r := Reach{Missile: e.Name, Kind: e.Kind, Launch: from, Pick: so.Pick.String(), Ranges: ranges}
	// The notes name sim.FlyOne, which flew analyses' missiles before
	// flight.FlyCatalog did; the wording is kept so outputs do not change.
	if e.Kind == catalog.KindBallisticMissile {
		r.ProfileNote = "ballistic: min-energy flight from the catalog stages (sim.FlyOne), launch to impact"
	} else {
		r.ProfileNote = "cruise: great-circle route at the catalog cruise speed and altitude (sim.FlyOne); no climb or descent is modelled"
	}
	places, err := reachPlaces(o.Places)
	if err != nil {
		return Reach{}, err
	}
	maxKm := 0.0
	for _, v := range ranges {
		maxKm = math.Max(maxKm, v.RangeKm)
	}
	g := so.Earth.Ellipsoid
	for _, p := range places {
		if p.Name == from.Place {
			continue
		}
		pp := geo.LLADeg(p.Lat.Central, p.Lon.Central, 0)
		s, az, _ := g.Inverse(lp.Lat, lp.Lon, pp.Lat, pp.Lon)
		rp := ReachPlace{
			Place: p.Name, Country: p.Country, LatDeg: p.Lat.Central, LonDeg: p.Lon.Central,
			DistanceKm: s / 1e3, AzimuthDeg: math.Mod(az*180/math.Pi+360, 360), ReachedBy: []string{},
		}
		for _, v := range ranges {
			if rp.DistanceKm <= v.RangeKm {
				rp.ReachedBy = append(rp.ReachedBy, v.Label)
			}
		}
		rp.Beyond = len(rp.ReachedBy) == 0
		if !rp.Beyond {
			reachFly(&rp, e, from, p, so)
		}
		r.Places = append(r.Places, rp)
	}
	slices.SortStableFunc(r.Places, func(a, b ReachPlace) int {
		return cmp.Or(cmp.Compare(a.DistanceKm, b.DistanceKm), strings.Compare(a.Place, b.Place))
	})
	return r, nil
}

// reachPlaces returns the catalog sites named, or all of them.
func reachPlaces(names []string) ([]catalog.Entry, error) {
	if names == nil {
		return catalog.ByKind(catalog.KindSite), nil
	}
	var out []catalog.Entry
	var errs []error
	for i, n := range names {
		e, err := catalog.Lookup(n)
		switch {
		case err != nil:
			errs = append(errs, strict.Fieldf(fmt.Sprintf("places[%d]", i), "%v", err))
		case e.Kind != catalog.KindSite:
			errs = append(errs, strict.Fieldf(fmt.Sprintf("places[%d]", i), "%s is %s; allowed: a catalog site", e.Name, e.Kind.A()))
		default:
			out = append(out, e)
		}
	}
	return out, errors.Join(errs...)
}

// reachCandidate is one way of flying a missile: a catalog name (possibly
// "NAME (CLAIM)") at a pick.
type reachCandidate struct {
	name string
	pick catalog.Pick
}

// reachFly fills the flight fields of rp with the first candidate flight
// that reaches the place.
func reachFly(rp *ReachPlace, e catalog.Entry, from Location, to catalog.Entry, so flight.Physics) {
	cands := []reachCandidate{{e.Name, so.Pick}}
	if e.Kind == catalog.KindCruiseMissile {
		claims := slices.Clone(e.Claims)
		slices.SortStableFunc(claims, func(a, b catalog.Claim) int { return cmp.Compare(a.RangeKm.Central, b.RangeKm.Central) })
		for _, c := range claims {
			cands = append(cands, reachCandidate{fmt.Sprintf("%s (%s)", e.Name, c.Label), so.Pick})
		}
	}
	if so.Pick != catalog.PickHigh {
		cands = append(cands, reachCandidate{e.Name, catalog.PickHigh})
	}
	var last, first string
	for i, c := range cands {
		o := so
		o.Pick = c.pick
		f, re, err := flyMissile(o, e.Name, c.name, reachPoint(from), placeLLA(to), flight.MinEnergy, "")
		if err != nil {
			last = err.Error()
			if re == nil {
				break // not a matter of range: another pick would not help
			}
			last = re.Reason()
			if i == 0 {
				first = last
			}
			if !(re.Limit() < rp.DistanceKm*1e3) {
				break // inside the minimum range
			}
			continue
		}
		t, m := f.FlightTime, f.FlightTime/60
		rp.FlightTimeS, rp.FlightTimeMin = &t, &m
		if f.Ballistic != nil {
			a := f.Apogee / 1e3
			rp.ApogeeKm = &a
		}
		rp.FlownAs = fmt.Sprintf("%s, %s pick", c.name, c.pick)
		switch {
		case i > 0 && c.pick != so.Pick:
			rp.OtherPick = fmt.Sprintf("flown at the %s pick: at the run's %s pick %s falls short (%s)", c.pick, so.Pick, e.Name, first)
		case i > 0:
			rp.OtherPick = fmt.Sprintf("flown as %s: at the run's %s pick %s falls short (%s)", c.name, so.Pick, e.Name, first)
		}
		return
	}
	rp.Note = "within a range value but not reached by the flight model: " + last
}

// reachPoint returns the launch point of a resolved Location: a catalog
// place on the ellipsoid (its elevation is not used), or the given
// coordinates and height.
func reachPoint(l Location) geo.LLA {
	if l.Place != "" {
		if e, err := catalog.Lookup(l.Place); err == nil {
			return placeLLA(e)
		}
	}
	return geo.LLADeg(l.LatDeg, l.LonDeg, l.AltM)
}
