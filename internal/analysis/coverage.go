package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/strict"
	"github.com/rampart-sim/rampart/radar"
	"gonum.org/v1/gonum/spatial/r3"
)

// Coverage settings.
const (
	// DefaultCoveragePd is the detection probability per dwell that counts
	// as "inside coverage": 0.9, with the radar's false-alarm probability
	// (radar.DefaultPfa, 10⁻⁶), the textbook pair at which detection ranges
	// are quoted (Skolnik, Introduction to Radar Systems, 3rd ed., ch. 2).
	DefaultCoveragePd = 0.9
	// DefaultFootprintAzimuths is the number of rays of a footprint: one
	// per degree.
	DefaultFootprintAzimuths = 360
	// DefaultSightingStepS is the step at which a trajectory is sampled for
	// radar coverage, s. One second resolves the boost of the shortest-burn
	// missile in the catalog (Iskander, ~25 s) into 25 samples; the first
	// and last times in coverage are then refined by bisection.
	DefaultSightingStepS = 1.0
)

// Numerical settings of the coverage searches.
const (
	// covRaySamples is the number of coarse samples along a footprint ray
	// before the boundary is refined. The visible set along a ray is one
	// interval (every limit is monotone in ground range, see
	// RadarFootprint); an interval narrower than 1/256 of the horizon
	// distance (about 4 km at 1,000 km) can be missed.
	covRaySamples = 256
	// covRangeTol is the accuracy of a footprint boundary, m: far below the
	// accuracy of the 4/3-Earth model itself (hundreds of metres).
	covRangeTol = 1.0
	// covTimeTol is the accuracy of a first or last time in coverage, s.
	covTimeTol = 0.01
	// covMaxAzimuths bounds the rays of one footprint (one per 0.01°).
	covMaxAzimuths = 36000
)

// RadarSite is a catalog radar at a place.
type RadarSite struct {
	Radar string   `json:"radar"` // catalog radar, e.g. "AN/TPY-2"
	At    Location `json:"at"`
	// BoresightDeg is the centre of the azimuth sector, degrees clockwise
	// from north. Nil means the site's catalog boresight_az_deg (central),
	// or, for a radar that covers all azimuths, 0. A sector radar at a
	// place without a catalog boresight needs it.
	BoresightDeg *float64 `json:"boresight_deg,omitempty"`
}

// Label names the radar site: "RADAR at PLACE".
func (s RadarSite) Label() string { return s.Radar + " at " + s.At.Label() }

// Build returns the radar built from the catalog at pick (radar.FromCatalog)
// and s with its names and boresight resolved.
func (s RadarSite) Build(pick catalog.Pick) (*radar.Radar, RadarSite, error) {
	e, err := catalog.Lookup(s.Radar)
	if err != nil {
		return nil, s, strict.Fieldf("radar", "%v", err)
	}
	if e.Kind != catalog.KindRadar {
		return nil, s, strict.Fieldf("radar", "%s is %s; allowed: a catalog radar", e.Name, e.Kind.A())
	}
	s.Radar = e.Name
	at, site, err := s.At.Resolve()
	if err != nil {
		return nil, s, strict.Fieldf("at", "%v", err)
	}
	s.At = at
	if s.BoresightDeg == nil {
		var b float64
		switch {
		case at.Place != "" && covSiteBoresight(at.Place, &b):
		case e.At("fov_az_deg", pick) >= 360:
		default:
			return nil, s, strict.Fieldf("boresight_deg", "required for the %s, a sector radar, at %s, which has no catalog boresight_az_deg", e.Name, at.Label())
		}
		s.BoresightDeg = &b
	}
	r, err := radar.FromCatalog(e, pick, site, *s.BoresightDeg*math.Pi/180)
	if err != nil {
		return nil, s, err
	}
	r.Name = s.Label()
	return r, s, nil
}

// covSiteBoresight sets *b to the catalog boresight_az_deg of a place.
func covSiteBoresight(place string, b *float64) bool {
	e, err := catalog.Lookup(place)
	if err != nil {
		return false
	}
	v, ok := e.Param("boresight_az_deg")
	if ok {
		*b = v.Central
	}
	return ok
}

// covDetector returns a copy of r whose detector uses false-alarm
// probability pfa (0 keeps r's), ready to use.
func covDetector(r *radar.Radar, pfa float64) (*radar.Radar, error) {
	if pfa == 0 || pfa == r.Detector.Pfa {
		return r, nil
	}
	d, err := radar.NewDetector(pfa, r.Detector.Pulses, r.Detector.Case, r.Detector.Coherent)
	if err != nil {
		return nil, strict.Fieldf("pfa", "%v", err)
	}
	c := *r
	c.Detector = d
	if err := c.Init(); err != nil {
		return nil, err
	}
	return &c, nil
}

// covLimit names the limit a look ran into: the radar.Visibility, or
// "detection" for a visible target below the wanted Pd.
func covLimit(ob radar.Observation) string {
	switch ob.Visibility {
	case radar.Visible:
		return "detection"
	case radar.OutOfRange:
		return "instrumented-range"
	case radar.BelowMinEl:
		return "min-elevation"
	case radar.AboveMaxEl:
		return "max-elevation"
	case radar.OutOfAzimuth:
		return "azimuth"
	case radar.BelowHorizon:
		return "horizon"
	}
	return ob.Visibility.String()
}

// covSees reports whether r detects a target at ECEF position pos with
// cross section rcs with probability at least pd per dwell: Observe's
// checks (instrumented range, elevation limits, azimuth sector, line of
// sight over the 4/3 Earth) and its range-equation Pd.
func covSees(r *radar.Radar, pos r3.Vec, rcs, pd float64) (radar.Observation, bool) {
	ob := r.Observe(pos, rcs)
	return ob, ob.Visibility == radar.Visible && ob.Pd >= pd
}

// FootprintOptions set the target of a radar footprint.
type FootprintOptions struct {
	AltitudeKm float64 `json:"altitude_km"` // target height above the ellipsoid
	RCSM2      float64 `json:"rcs_m2"`      // target radar cross section
	Pd         float64 `json:"pd"`          // 0: DefaultCoveragePd
	Pfa        float64 `json:"pfa"`         // 0: the radar's (radar.DefaultPfa)
	Azimuths   int     `json:"azimuths"`    // rays; 0: DefaultFootprintAzimuths
}

// Validate reports every problem of o at once.
func (o FootprintOptions) Validate() error {
	var errs []error
	if !(o.AltitudeKm >= 0 && o.AltitudeKm <= 5000) {
		errs = append(errs, strict.Fieldf("altitude_km", "%g is out of range; allowed: 0 to 5000", o.AltitudeKm))
	}
	if !(o.RCSM2 > 0) || math.IsInf(o.RCSM2, 1) {
		errs = append(errs, strict.Fieldf("rcs_m2", "%g is out of range; allowed: greater than 0", o.RCSM2))
	}
	if o.Pd != 0 && !(o.Pd > 0 && o.Pd < 1) {
		errs = append(errs, strict.Fieldf("pd", "%g is out of range; allowed: between 0 and 1", o.Pd))
	}
	if o.Pfa != 0 && !(o.Pfa > 0 && o.Pfa < 1) {
		errs = append(errs, strict.Fieldf("pfa", "%g is out of range; allowed: between 0 and 1", o.Pfa))
	}
	if o.Azimuths != 0 && (o.Azimuths < 3 || o.Azimuths > covMaxAzimuths) {
		errs = append(errs, strict.Fieldf("azimuths", "%d is out of range; allowed: 3 to %d", o.Azimuths, covMaxAzimuths))
	}
	return errors.Join(errs...)
}

// FootprintRay is the coverage along one azimuth.
type FootprintRay struct {
	AzimuthDeg float64 `json:"azimuth_deg"`
	// MinGroundRangeKm and MaxGroundRangeKm bound the ground ranges (geodesic
	// distance from the radar to the target's sub-point) at which the target
	// is seen; both 0 when it is never seen.
	MinGroundRangeKm float64 `json:"min_ground_range_km"`
	MaxGroundRangeKm float64 `json:"max_ground_range_km"`
	SlantRangeKm     float64 `json:"slant_range_km"` // at the outer edge
	ElevationDeg     float64 `json:"elevation_deg"`  // apparent, at the outer edge
	// Limit is what ends the coverage beyond the outer edge: "horizon",
	// "detection" (the range equation at Pd), "instrumented-range",
	// "min-elevation", or, for a ray with no coverage, "azimuth",
	// "max-elevation" or the limit met nearest the radar.
	Limit string `json:"limit"`
}

// Footprint is a radar's ground footprint against a target at one altitude.
type Footprint struct {
	Radar        string  `json:"radar"`
	Site         string  `json:"site"`
	LatDeg       float64 `json:"lat_deg"`
	LonDeg       float64 `json:"lon_deg"`
	AntennaAltM  float64 `json:"antenna_alt_m"`
	BoresightDeg float64 `json:"boresight_deg"`
	SectorDeg    float64 `json:"sector_deg"` // full width of the azimuth sector (360: all)
	AltitudeKm   float64 `json:"altitude_km"`
	RCSM2        float64 `json:"rcs_m2"`
	Pd           float64 `json:"pd"`
	Pfa          float64 `json:"pfa"`
	Swerling     string  `json:"swerling"`
	Pulses       int     `json:"pulses"`
	// DetectionRangeKm is the slant range at which the target gives Pd, from
	// the range equation: R = (E·G²λ²σ/((4π)³kTsL·SNRreq))^{1/4}.
	DetectionRangeKm float64 `json:"detection_range_km"`
	// HorizonRangeKm is the slant length of the ray grazing the 4/3 Earth
	// (spherical, mean radius) from the antenna to the target height.
	HorizonRangeKm float64 `json:"horizon_range_km"`
	// InstrumentedRangeKm is the radar's instrumented range.
	InstrumentedRangeKm float64 `json:"instrumented_range_km"`
	// MaxGroundRangeKm is the largest ground range over all rays.
	MaxGroundRangeKm float64        `json:"max_ground_range_km"`
	Rays             []FootprintRay `json:"rays"`
	// Polygon is the outer edge, [lat_deg, lon_deg], one point per ray (the
	// radar's own position where a ray has no coverage), closed.
	Polygon [][2]float64 `json:"polygon"`
}

// RadarFootprint returns the ground footprint of radar r against a target
// at height h = o.AltitudeKm with cross section o.RCSM2: for each of
// o.Azimuths azimuths α, the set of ground ranges s at which the target
// placed at Direct(site, α, s) at height h passes every check of
// radar.Radar.Observe (instrumented range, apparent-elevation limits,
// azimuth sector, line of sight over the 4/3 Earth) and is detected with
// probability at least Pd per dwell by the range equation and the radar's
// detector. Along a ray the slant range grows and the elevation falls
// monotonically with s, and the horizon is a single threshold in s, so the
// covered set is one interval [s_min, s_max]: coarse samples find it and
// bisection places both ends to covRangeTol. The limits are the radar
// package's own; none is recomputed here.
//
// Where the horizon limits, s_max is the 4/3-Earth horizon distance on the
// osculating sphere of the ray, s = kR_α[arccos(r_e/(r_e+h_a)) +
// arccos(r_e/(r_e+h))], r_e = kR_α, ≈ √(2kR h_a) + √(2kR h) (Skolnik, 3rd ed.,
// ch. 8, for k = 4/3); where the range equation limits, the slant range at s_max
// is DetectionRangeKm.
func RadarFootprint(r *radar.Radar, o FootprintOptions) (Footprint, error) {
	if err := o.Validate(); err != nil {
		return Footprint{}, err
	}
	if r == nil || r.Init() != nil {
		return Footprint{}, errors.New("radar: not a valid radar")
	}
	pd := o.Pd
	if pd == 0 {
		pd = DefaultCoveragePd
	}
	n := o.Azimuths
	if n == 0 {
		n = DefaultFootprintAzimuths
	}
	r, err := covDetector(r, o.Pfa)
	if err != nil {
		return Footprint{}, err
	}
	h := o.AltitudeKm * 1e3
	snr, err := r.Detector.RequiredSNR(pd)
	if err != nil {
		return Footprint{}, strict.Fieldf("pd", "%v", err)
	}
	k := r.RefractionK
	site := r.Site
	sector := 360.0
	if r.HalfWidthAz < math.Pi {
		sector = 2 * r.HalfWidthAz * 180 / math.Pi
	}
	fp := Footprint{
		Radar: r.Name, LatDeg: site.LatDeg(), LonDeg: site.LonDeg(), AntennaAltM: site.Alt,
		BoresightDeg: math.Mod(r.BoresightAz*180/math.Pi+360, 360), SectorDeg: sector,
		AltitudeKm: o.AltitudeKm, RCSM2: o.RCSM2, Pd: pd, Pfa: r.Detector.Pfa,
		Swerling: r.Detector.Case.String(), Pulses: r.Detector.Pulses,
		DetectionRangeKm:    r.Equation.MaxRange(o.RCSM2, snr) / 1e3,
		HorizonRangeKm:      radar.HorizonRange(site.Alt, h, k*radar.EarthRadius) / 1e3,
		InstrumentedRangeKm: r.MaxRange / 1e3,
		Rays:                make([]FootprintRay, n),
		Polygon:             make([][2]float64, n+1),
	}
	// Upper bound of the ground range: the horizon distance on the largest
	// osculating sphere, re = k·a²/b (the polar radius of curvature).
	e := geo.WGS84
	reMax := k * e.A * e.A / e.B()
	sHi := reMax*(math.Acos(reMax/(reMax+math.Max(site.Alt, 0)))+math.Acos(reMax/(reMax+h))) + 1e3
	for i := range n {
		az := 2 * math.Pi * float64(i) / float64(n)
		ray := covRay(r, az, h, o.RCSM2, pd, sHi)
		fp.Rays[i] = ray
		fp.MaxGroundRangeKm = math.Max(fp.MaxGroundRangeKm, ray.MaxGroundRangeKm)
		lat, lon := site.Lat, site.Lon
		if ray.MaxGroundRangeKm > 0 {
			lat, lon, _ = e.Direct(site.Lat, site.Lon, az, ray.MaxGroundRangeKm*1e3)
		}
		fp.Polygon[i] = [2]float64{lat * 180 / math.Pi, geo.WrapDeg(lon * 180 / math.Pi)}
	}
	fp.Polygon[n] = fp.Polygon[0]
	return fp, nil
}

// covRay finds the covered interval of ground ranges along azimuth az.
func covRay(r *radar.Radar, az, h, rcs, pd, sHi float64) FootprintRay {
	e := geo.WGS84
	site := r.Site
	look := func(s float64) (radar.Observation, bool) {
		lat, lon, _ := e.Direct(site.Lat, site.Lon, az, s)
		return covSees(r, e.ToECEF(geo.LLA{Lat: lat, Lon: lon, Alt: h}), rcs, pd)
	}
	ray := FootprintRay{AzimuthDeg: az * 180 / math.Pi}
	first, last := -1, -1
	// For a ray with no coverage: how often each limit was met, and
	// whether a geometrically visible sample was merely too weak.
	var count [radar.BelowHorizon + 1]int
	weak := false
	for j := 0; j <= covRaySamples; j++ {
		ob, ok := look(sHi * float64(j) / covRaySamples)
		if ok {
			if first < 0 {
				first = j
			}
			last = j
			continue
		}
		if ob.Visibility == radar.Visible {
			weak = true
		} else if int(ob.Visibility) < len(count) {
			count[ob.Visibility]++
		}
	}
	if first < 0 {
		// Observe checks the elevation limits before the azimuth sector, so
		// a ray outside the sector may also report elevation limits; any
		// sample outside the sector settles it. Otherwise a visible but
		// weak sample means the range equation limits; else the limit met
		// most often.
		switch {
		case count[radar.OutOfAzimuth] > 0:
			ray.Limit = covLimit(radar.Observation{Visibility: radar.OutOfAzimuth})
		case weak:
			ray.Limit = "detection"
		default:
			most := radar.OutOfRange
			for v := radar.OutOfRange; v <= radar.BelowHorizon; v++ {
				if count[v] > count[most] {
					most = v
				}
			}
			ray.Limit = covLimit(radar.Observation{Visibility: most})
		}
		return ray
	}
	s := func(j int) float64 { return sHi * float64(j) / covRaySamples }
	// Outer edge: last covered sample to the next, which is not covered.
	in, out := s(last), s(min(last+1, covRaySamples))
	obIn, _ := look(in)
	obOut, _ := look(out)
	for out-in > covRangeTol {
		m := (in + out) / 2
		if ob, ok := look(m); ok {
			in, obIn = m, ob
		} else {
			out, obOut = m, ob
		}
	}
	ray.MaxGroundRangeKm = in / 1e3
	ray.SlantRangeKm = obIn.Range / 1e3
	ray.ElevationDeg = obIn.ApparentEl * 180 / math.Pi
	ray.Limit = covLimit(obOut)
	// Inner edge.
	if first > 0 {
		lo, hi := s(first-1), s(first)
		for hi-lo > covRangeTol {
			m := (lo + hi) / 2
			if _, ok := look(m); ok {
				hi = m
			} else {
				lo = m
			}
		}
		ray.MinGroundRangeKm = hi / 1e3
	}
	return ray
}

// Sighting is what one radar sees of one trajectory.
type Sighting struct {
	Radar      string `json:"radar"`
	RadarSite  string `json:"radar_site"`
	Trajectory string `json:"trajectory"`
	Missile    string `json:"missile"`
	LaunchSite string `json:"launch_site"`
	Aim        string `json:"aim"`
	Profile    string `json:"profile"`
	Seen       bool   `json:"seen"`
	// FirstSeenS is the first time after launch at which the missile is in
	// coverage: above the radar horizon, inside the field of regard and the
	// instrumented range, and detected with probability ≥ Pd per dwell at its
	// catalog RCS for the flight phase (booster while thrusting, RV after).
	FirstSeenS       *float64 `json:"first_seen_s"`
	FirstSeenPhase   string   `json:"first_seen_phase,omitempty"`
	FirstSeenAltKm   *float64 `json:"first_seen_alt_km"`
	FirstSeenRangeKm *float64 `json:"first_seen_range_km"` // slant range
	LastSeenS        *float64 `json:"last_seen_s"`
	SeenInBoost      bool     `json:"seen_in_boost"`
	// CoveredS is the time in coverage, the sum of the sampling steps whose
	// sample was covered, s.
	CoveredS    float64 `json:"covered_s"`
	BurnoutS    float64 `json:"burnout_s"` // after launch
	FlightTimeS float64 `json:"flight_time_s"`
	// Limit is what kept the missile out of coverage at its closest
	// approach in slant range when it was never seen.
	Limit string `json:"limit,omitempty"`
}

// SightingOptions are the settings of RadarSightings.
type SightingOptions struct {
	Pd    float64 `json:"pd"`     // 0: DefaultCoveragePd
	StepS float64 `json:"step_s"` // 0: DefaultSightingStepS
	Pick  string  `json:"pick"`   // catalog pick of radar and RCS values; "": central
}

// covScan is the result of sampling one trajectory against one radar.
type covScan struct {
	seen          bool
	first, last   float64 // s from the epoch, refined
	firstObs      radar.Observation
	firstState    flight.State
	covered       float64 // s
	seenBoost     bool
	closestLimit  string
	closestRangeM float64
}

// covSample samples tr against r every dt from launch to impact and
// refines the first and last covered times by bisection to covTimeTol.
// With stopAtFirst it returns at the first covered time.
func covSample(r *radar.Radar, tj *Trajectory, pd, dt float64, stopAtFirst bool) covScan {
	tr := tj.flight
	at := func(t float64) (radar.Observation, flight.State, bool) {
		st := tr.At(t)
		ob, ok := covSees(r, st.Pos, tj.rcs(st.Phase), pd)
		return ob, st, ok
	}
	res := covScan{closestRangeM: math.Inf(1)}
	t0, t1 := tr.Span()
	prevT, prevOK := t0, false
	for i := 0; ; i++ {
		t := math.Min(t0+float64(i)*dt, t1)
		ob, st, ok := at(t)
		if ob.Range < res.closestRangeM {
			res.closestRangeM, res.closestLimit = ob.Range, covLimit(ob)
		}
		if ok {
			if st.Phase == flight.Boost {
				res.seenBoost = true
			}
			if t < t1 {
				res.covered += math.Min(dt, t1-t)
			}
			if !res.seen {
				res.seen = true
				res.first, res.firstObs, res.firstState = t, ob, st
				if i > 0 {
					lo, hi := prevT, t
					for hi-lo > covTimeTol {
						m := (lo + hi) / 2
						if ob, st, ok := at(m); ok {
							hi, res.firstObs, res.firstState = m, ob, st
						} else {
							lo = m
						}
					}
					res.first = hi
				}
				if res.firstState.Phase == flight.Boost {
					res.seenBoost = true
				}
				if stopAtFirst {
					return res
				}
			}
			res.last = t
		} else if prevOK {
			lo, hi := prevT, t
			for hi-lo > covTimeTol {
				m := (lo + hi) / 2
				if _, _, ok := at(m); ok {
					lo = m
				} else {
					hi = m
				}
			}
			res.last = lo
		}
		prevT, prevOK = t, ok
		if t >= t1 {
			break
		}
		if n := covFarLooks(r, ob, res.closestRangeM, dt, int((t1-t0)/dt)-i-1); n > 0 && covSkipFar {
			// Those looks are out of range and not the closest: skipped,
			// the last of them stands as the previous look.
			i += n
			prevT, prevOK = t0+float64(i)*dt, false
			for prevT >= t1 && i > 0 { // rounding at t1: that look is taken
				i--
				prevT = t0 + float64(i)*dt
			}
		}
	}
	return res
}

// covSkipFar turns covFarLooks's skip on (off: every look taken, for
// TestCovSampleSkipIsExact).
var covSkipFar = true

// covFarLooks returns how many of the next looks (at most maxN) after a
// look ob beyond r's instrumented range need not be taken: the slant range
// changes by at most intercept.MaxThreatSpeed (the Earth-relative speed of
// any threat), so while it cannot come down to the instrumented range or
// to closest (the closest look so far), each of them is out of range and
// not the closest. One look's travel is left as slack.
func covFarLooks(r *radar.Radar, ob radar.Observation, closest, dt float64, maxN int) int {
	if ob.Visibility != radar.OutOfRange || !(ob.Range > r.MaxRange) || !(dt > 0) {
		return 0
	}
	clear := ob.Range - math.Max(r.MaxRange, closest)
	if !(clear > 0) || math.IsInf(clear, 0) {
		return 0
	}
	n := math.Floor(clear/(intercept.MaxThreatSpeed*dt)) - 1
	return int(math.Max(0, math.Min(n, float64(maxN))))
}

// RadarSightings returns, for each radar and each trajectory (in that
// order), the first time after launch at which the missile is inside the
// radar's coverage, where it is then, the last such time and the time
// covered. Trajectories are sampled every o.StepS seconds; the first and
// last covered times are refined by bisection. Coverage is as in
// RadarFootprint, with the missile's catalog RCS for its flight phase
// (radar.RCSBand at the pick): the booster's while thrusting, the RV's
// after burnout.
func RadarSightings(radars []RadarSite, trajs []Trajectory, o SightingOptions) ([]Sighting, error) {
	pick, err := covPick(o.Pick)
	if err != nil {
		return nil, err
	}
	pd, dt := o.Pd, o.StepS
	if pd == 0 {
		pd = DefaultCoveragePd
	}
	if dt == 0 {
		dt = DefaultSightingStepS
	}
	var errs []error
	if !(pd > 0 && pd < 1) {
		errs = append(errs, strict.Fieldf("pd", "%g is out of range; allowed: between 0 and 1", pd))
	}
	if !(dt > 0 && dt <= 60) {
		errs = append(errs, strict.Fieldf("step_s", "%g is out of range; allowed: greater than 0, at most 60", dt))
	}
	radars = slices.Clone(radars) // Build resolves names and boresights; leave the caller's alone
	built := make([]*radar.Radar, len(radars))
	for i, rs := range radars {
		r, s, err := rs.Build(pick)
		if err != nil {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("radars[%d]", i), "%v", err))
			continue
		}
		built[i], radars[i] = r, s
	}
	for i := range trajs {
		if trajs[i].flight == nil {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("trajectories[%d]", i), "not flown; use FlyFamilies"))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []Sighting
	for i, r := range built {
		for j := range trajs {
			tj := &trajs[j]
			if tj.pick != pick {
				c := *tj // a copy with the RCS at this pick; the caller's is left alone
				c.setRCS(pick)
				tj = &c
			}
			sc := covSample(r, tj, pd, dt, false)
			t0, t1 := tj.flight.Span()
			sg := Sighting{
				Radar: radars[i].Radar, RadarSite: radars[i].At.Label(), Trajectory: tj.Name,
				Missile: tj.Missile, LaunchSite: tj.LaunchSite, Aim: tj.Aim, Profile: tj.Profile,
				Seen: sc.seen, SeenInBoost: sc.seenBoost, CoveredS: sc.covered,
				BurnoutS: tj.BurnoutS, FlightTimeS: t1 - t0,
			}
			if sc.seen {
				f, l := sc.first-t0, sc.last-t0
				alt, rng := sc.firstState.LLA.Alt/1e3, sc.firstObs.Range/1e3
				sg.FirstSeenS, sg.LastSeenS, sg.FirstSeenAltKm, sg.FirstSeenRangeKm = &f, &l, &alt, &rng
				sg.FirstSeenPhase = sc.firstState.Phase.String()
			} else {
				sg.Limit = sc.closestLimit
			}
			out = append(out, sg)
		}
	}
	return out, nil
}

// covPick parses the pick field s (catalog.Pick.UnmarshalText: "" is
// central); the error names the field.
func covPick(s string) (catalog.Pick, error) {
	var p catalog.Pick
	if err := p.UnmarshalText([]byte(s)); err != nil {
		return p, strict.Fieldf("pick", "%v", err)
	}
	return p, nil
}
