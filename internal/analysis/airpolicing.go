package analysis

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/rampart-sim/rampart/atmos"
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/strict"
)

// Transit speeds a QRAFighter can take from the catalog.
const (
	// QRATransitSustained is the catalog transit_speed_kms: the speed a
	// fighter holds over the distances of air policing (the default).
	QRATransitSustained = "sustained"
	// QRATransitCruise is the catalog cruise_speed_kms (subsonic).
	QRATransitCruise = "cruise"
	// QRATransitMax is max_speed_mach at MaxSpeedAltM: a bound, since no
	// fighter holds its top speed from the end of the climb to the target.
	QRATransitMax = "max"
)

// QRADefaultMaxSpeedAltM is the height at which a catalog Mach number is
// turned into a speed when QRAFighter.MaxSpeedAltM is 0: 11 km, where the
// catalog's "Mach 2 at altitude" figures apply (USSA-76 speed of sound at
// 11 km geometric height: 295.15 m/s).
const QRADefaultMaxSpeedAltM = 11000.0

// qraMinStepS is the least step of the intercept scan, s: an intercept
// window shorter than this (a target faster than the fighter grazing its
// reach) may be missed. qraTimeTolS is the bisection tolerance on the
// intercept time, s.
const (
	qraMinStepS = 1.0
	qraTimeTolS = 1e-3
)

// QRABase is a quick-reaction alert base.
type QRABase struct {
	Name   string  `json:"name"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
	// ScrambleMin is the time from alert to airborne; 0 (unset) takes the
	// fighter's catalog scramble_time_min at the pick.
	ScrambleMin float64 `json:"scramble_min,omitempty"`
}

// QRAFighter is the fighter type and its timeline after take-off: a climb
// of ClimbTimeS to its climb altitude, covering ground at
// ClimbGroundSpeedKms, then a transit at a sustainable speed.
type QRAFighter struct {
	Aircraft string `json:"aircraft,omitempty"` // catalog aircraft, e.g. "F-16", "Eurofighter Typhoon"
	Pick     string `json:"pick,omitempty"`     // "low", "central" (default) or "high"
	// Transit is "sustained" (default: catalog transit_speed_kms),
	// "cruise" (cruise_speed_kms) or "max" (max_speed_mach at
	// MaxSpeedAltM, a bound).
	Transit string `json:"transit,omitempty"`
	// MaxSpeedAltM is the height for the Mach-to-speed conversion of a
	// "max" transit; 0 means QRADefaultMaxSpeedAltM.
	MaxSpeedAltM float64 `json:"max_speed_alt_m,omitempty"`
	// TransitSpeedKms, if not 0, is the transit speed and overrides the
	// catalog.
	TransitSpeedKms float64 `json:"transit_speed_kms,omitempty"`
	// ClimbTimeS is the time from airborne to the climb altitude; 0 takes
	// the catalog climb_time_s, and without an aircraft means no climb
	// phase (the transit starts at take-off).
	ClimbTimeS float64 `json:"climb_time_s,omitempty"`
	// ClimbGroundSpeedKms is the mean ground speed toward the target
	// during the climb; 0 takes the catalog climb_ground_speed_kms.
	ClimbGroundSpeedKms float64 `json:"climb_ground_speed_kms,omitempty"`
}

// QRATrackPoint is a waypoint of a target track. SpeedKms is the speed on
// the leg from this point to the next (unused on the last point).
type QRATrackPoint struct {
	LatDeg   float64 `json:"lat_deg"`
	LonDeg   float64 `json:"lon_deg"`
	AltM     float64 `json:"alt_m"`
	SpeedKms float64 `json:"speed_kms,omitempty"`
}

// QRALine is a straight (geodesic) target track: from a point on a course
// at a speed for a duration.
type QRALine struct {
	LatDeg      float64 `json:"lat_deg"`
	LonDeg      float64 `json:"lon_deg"`
	AltM        float64 `json:"alt_m"`
	CourseDeg   float64 `json:"course_deg"` // clockwise from north
	SpeedKms    float64 `json:"speed_kms"`
	DurationMin float64 `json:"duration_min"`
}

// QRATrack is a target track: Waypoints (geodesic legs) or a Line, not
// both. A single waypoint is a stationary target. Otherwise the target
// leaves at the end of its track: an intercept must come before.
type QRATrack struct {
	Waypoints []QRATrackPoint `json:"waypoints,omitempty"`
	Line      *QRALine        `json:"line,omitempty"`
}

// QRARequest is the input of QRAIntercepts. The alert is given (t = 0)
// when the target is AlertMin into its track.
type QRARequest struct {
	Bases    []QRABase  `json:"bases"`
	Fighter  QRAFighter `json:"fighter"`
	Track    QRATrack   `json:"track"`
	AlertMin float64    `json:"alert_min,omitempty"`
}

// QRAResult is the intercept from one base. The timeline runs: alert,
// airborne after ScrambleMin, climb for ClimbMin over ClimbKm of ground,
// transit at TransitSpeedKms to the intercept at TimeMin.
type QRAResult struct {
	Base            string  `json:"base"`
	Intercepted     bool    `json:"intercepted"`
	Reason          string  `json:"reason,omitempty"` // why not, when not intercepted
	ScrambleMin     float64 `json:"scramble_min"`
	ClimbMin        float64 `json:"climb_min"`
	ClimbKm         float64 `json:"climb_ground_km"`
	ClimbAltM       float64 `json:"climb_alt_m,omitempty"` // height reached in ClimbMin, when the catalog gives it
	TransitSpeedKms float64 `json:"transit_speed_kms"`
	// TimeMin is the time from alert to intercept, TrackMin the target's
	// time along its track then.
	TimeMin         float64 `json:"time_to_intercept_min"`
	TrackMin        float64 `json:"track_min"`
	InterceptLatDeg float64 `json:"intercept_lat_deg"`
	InterceptLonDeg float64 `json:"intercept_lon_deg"`
	InterceptAltM   float64 `json:"intercept_alt_m"`
	DistanceKm      float64 `json:"distance_flown_km"`
}

// QRAResponse is the output of QRAIntercepts.
type QRAResponse struct {
	Results []QRAResult `json:"results"` // in the order of the bases
	// Quickest names the base with the earliest intercept ("" and −1 if
	// none intercepts); ties go to the first base.
	Quickest      string `json:"quickest"`
	QuickestIndex int    `json:"quickest_index"`
}

// qraLeg is one leg of a target track: the engine's aircraft mover
// (flight.Path, built by flight.NewFlight) between two waypoints at the
// leg's speed, so that question 9 and the engine fly aircraft alike.
// flight.Path holds its altitude; a leg between waypoints at different
// heights has its height interpolated linearly in time on top (the ground
// track, which alone decides the intercept, is the Path's).
type qraLeg struct {
	path       *flight.Path // flies from track time t0 (its Start)
	t0, dur    float64      // s from track start
	alt0, alt1 float64      // m, at the leg's ends
}

// qraTrack is a resolved target track.
type qraTrack struct {
	legs     []qraLeg
	end      float64 // s; +Inf for a stationary target
	maxSpeed float64 // m/s
}

// qraStationarySpeed is the speed given to flight.NewFlight for a
// stationary target (one waypoint, a path of length 0), m/s: NewFlight
// wants a positive speed, and on a path of length 0 it has no effect.
const qraStationarySpeed = 1.0

// newQRALeg builds the leg from a to b (radians, heights in m) at speed v
// (m/s) from track time t0.
func newQRALeg(a, b geo.LLA, v, t0 float64) (qraLeg, error) {
	p, err := flight.NewFlight(geo.WGS84, flight.Aircraft{Speed: v, Alt: a.Alt}, []geo.LLA{a, b}, nil, t0)
	if err != nil {
		return qraLeg{}, err
	}
	return qraLeg{path: p, t0: t0, dur: p.Length / v, alt0: a.Alt, alt1: b.Alt}, nil
}

// at returns the target position at track time t (clamped to the track).
func (tr *qraTrack) at(t float64) (lat, lon, alt float64) {
	i := len(tr.legs) - 1
	for j, l := range tr.legs {
		if t < l.t0+l.dur {
			i = j
			break
		}
	}
	l := tr.legs[i]
	dt := min(max(t-l.t0, 0), l.dur)
	p := l.path.At(l.t0 + dt).LLA
	if l.dur == 0 {
		return p.Lat, p.Lon, l.alt0
	}
	return p.Lat, p.Lon, l.alt0 + (l.alt1-l.alt0)*dt/l.dur
}

// qraResolved is a validated request.
type qraResolved struct {
	track    qraTrack
	fighter  qraTimeline
	scramble []float64 // per base, s
	alert    float64   // s
}

// qraTimeline is the fighter after take-off, SI units.
type qraTimeline struct {
	climbAlt float64 // height at the end of the climb, m (0: not known)
	climbS   float64 // climb duration, s
	climbV   float64 // mean ground speed in the climb, m/s
	transit  float64 // transit speed, m/s
}

// reach returns the ground distance flown toward the target s after
// take-off (0 before).
func (f qraTimeline) reach(s float64) float64 {
	switch {
	case s <= 0:
		return 0
	case s <= f.climbS:
		return f.climbV * s
	}
	return f.climbV*f.climbS + f.transit*(s-f.climbS)
}

// after returns the time after take-off at which reach first equals d.
func (f qraTimeline) after(d float64) float64 {
	if c := f.climbV * f.climbS; d > c {
		return f.climbS + (d-c)/f.transit
	}
	if d <= 0 {
		return 0
	}
	return d / f.climbV
}

// maxSpeed returns the fighter's largest ground speed, m/s.
func (f qraTimeline) maxSpeed() float64 {
	if f.climbS > 0 {
		return max(f.climbV, f.transit)
	}
	return f.transit
}

// Validate reports every problem with the request, naming the field. It
// looks up the catalog aircraft.
func (r QRARequest) Validate() error {
	_, err := r.resolve()
	return err
}

// resolve validates the request and resolves speeds, scramble times and
// the track.
func (r QRARequest) resolve() (qraResolved, error) {
	var errs []error
	bad := func(path, format string, a ...any) { errs = append(errs, strict.Fieldf(path, format, a...)) }
	checkLatLon := func(path string, lat, lon float64) {
		if !(lat >= -90 && lat <= 90) {
			bad(path+".lat_deg", "%g is out of range; allowed: -90 to 90", lat)
		}
		if !(lon >= -180 && lon <= 180) {
			bad(path+".lon_deg", "%g is out of range; allowed: -180 to 180", lon)
		}
	}
	var res qraResolved
	f := r.Fighter
	var pick catalog.Pick // "": central
	if err := pick.UnmarshalText([]byte(f.Pick)); err != nil {
		bad("fighter.pick", "%v", err)
	}
	transit := f.Transit
	switch transit {
	case "":
		transit = QRATransitSustained
	case QRATransitSustained, QRATransitMax, QRATransitCruise:
	default:
		bad("fighter.transit", "%q is not allowed; allowed: %s, %s, %s", f.Transit, QRATransitSustained, QRATransitCruise, QRATransitMax)
	}
	maxAlt := f.MaxSpeedAltM
	if maxAlt == 0 {
		maxAlt = QRADefaultMaxSpeedAltM
	}
	if !(maxAlt >= 0 && maxAlt <= 30000) {
		bad("fighter.max_speed_alt_m", "%g is out of range; allowed: 0 to 30000", f.MaxSpeedAltM)
	}
	var ac catalog.Entry
	haveAC := false
	if f.Aircraft != "" {
		e, err := catalog.Lookup(f.Aircraft)
		switch {
		case err != nil:
			bad("fighter.aircraft", "%v", err)
		case e.Kind != catalog.KindAircraft:
			bad("fighter.aircraft", "%q is a catalog %s, not an aircraft; allowed: %s", f.Aircraft, e.Kind, strings.Join(catalog.Names(catalog.KindAircraft), ", "))
		default:
			ac, haveAC = e, true
		}
	}
	// fromCatalog reads a positive catalog parameter or reports the field
	// to give instead.
	fromCatalog := func(param, field string) float64 {
		if v := ac.At(param, pick); v > 0 {
			return v
		}
		bad("fighter.aircraft", "%q has no %s; give fighter.%s", f.Aircraft, param, field)
		return 0
	}
	tl := &res.fighter
	switch {
	case f.TransitSpeedKms != 0:
		if !(f.TransitSpeedKms > 0 && f.TransitSpeedKms <= 3) {
			bad("fighter.transit_speed_kms", "%g is out of range; allowed: more than 0, at most 3", f.TransitSpeedKms)
		}
		tl.transit = f.TransitSpeedKms * 1e3
	case f.Aircraft == "":
		bad("fighter", "neither aircraft nor transit_speed_kms given; want one of them")
	case haveAC && transit == QRATransitMax:
		tl.transit = fromCatalog("max_speed_mach", "transit_speed_kms") * atmos.At(maxAlt).SoundSpeed
	case haveAC && transit == QRATransitCruise:
		tl.transit = fromCatalog("cruise_speed_kms", "transit_speed_kms") * 1e3
	case haveAC:
		tl.transit = fromCatalog("transit_speed_kms", "transit_speed_kms") * 1e3
	}
	switch {
	case f.ClimbTimeS != 0:
		if !(f.ClimbTimeS > 0 && f.ClimbTimeS <= 3600) {
			bad("fighter.climb_time_s", "%g is out of range; allowed: more than 0, at most 3600", f.ClimbTimeS)
		}
		tl.climbS = f.ClimbTimeS
	case haveAC:
		tl.climbS = fromCatalog("climb_time_s", "climb_time_s")
	}
	if haveAC {
		tl.climbAlt = ac.At("climb_alt_m", pick)
	}
	switch {
	case f.ClimbGroundSpeedKms != 0 && tl.climbS == 0 && f.Aircraft == "":
		bad("fighter.climb_ground_speed_kms", "given without climb_time_s; give climb_time_s too or drop it")
	case f.ClimbGroundSpeedKms != 0:
		if !(f.ClimbGroundSpeedKms > 0 && f.ClimbGroundSpeedKms <= 3) {
			bad("fighter.climb_ground_speed_kms", "%g is out of range; allowed: more than 0, at most 3", f.ClimbGroundSpeedKms)
		}
		tl.climbV = f.ClimbGroundSpeedKms * 1e3
	case haveAC:
		tl.climbV = fromCatalog("climb_ground_speed_kms", "climb_ground_speed_kms") * 1e3
	case tl.climbS > 0:
		bad("fighter.climb_ground_speed_kms", "not given and no fighter.aircraft to take it from; give climb_ground_speed_kms")
	}

	if len(r.Bases) == 0 {
		bad("bases", "none given; want at least one")
	}
	seen := map[string]int{}
	res.scramble = make([]float64, len(r.Bases))
	for i, b := range r.Bases {
		path := fmt.Sprintf("bases[%d]", i)
		if strings.TrimSpace(b.Name) == "" {
			bad(path+".name", "empty; want a base name")
		} else if j, dup := seen[b.Name]; dup {
			bad(path+".name", "%q repeats bases[%d].name", b.Name, j)
		} else {
			seen[b.Name] = i
		}
		checkLatLon(path, b.LatDeg, b.LonDeg)
		switch {
		case b.ScrambleMin != 0:
			if !(b.ScrambleMin > 0 && b.ScrambleMin <= 240) {
				bad(path+".scramble_min", "%g is out of range; allowed: more than 0, at most 240", b.ScrambleMin)
			}
			res.scramble[i] = b.ScrambleMin * 60
		case haveAC:
			if v := ac.At("scramble_time_min", pick); v > 0 {
				res.scramble[i] = v * 60
			} else {
				bad(path+".scramble_min", "not given and %q has no scramble_time_min; give scramble_min", f.Aircraft)
			}
		default:
			bad(path+".scramble_min", "not given and no fighter.aircraft to take it from; give scramble_min")
		}
	}

	tr := &res.track
	checkAlt := func(path string, alt float64) {
		if !(alt >= 0 && alt <= 30000) {
			bad(path+".alt_m", "%g is out of range; allowed: 0 to 30000", alt)
		}
	}
	checkSpeed := func(path string, v float64) bool {
		if !(v > 0 && v <= 5) {
			bad(path+".speed_kms", "%g is out of range; allowed: more than 0, at most 5", v)
			return false
		}
		return true
	}
	deg := math.Pi / 180
	switch w, l := r.Track.Waypoints, r.Track.Line; {
	case len(w) > 0 && l != nil:
		bad("track", "waypoints and line both given; want one of them")
	case l != nil:
		checkLatLon("track.line", l.LatDeg, l.LonDeg)
		checkAlt("track.line", l.AltM)
		okV := checkSpeed("track.line", l.SpeedKms)
		if !(l.CourseDeg >= -360 && l.CourseDeg <= 360) {
			bad("track.line.course_deg", "%g is out of range; allowed: -360 to 360", l.CourseDeg)
		}
		if !(l.DurationMin > 0 && l.DurationMin <= 24*60) {
			bad("track.line.duration_min", "%g is out of range; allowed: more than 0, at most 1440", l.DurationMin)
		}
		if okV {
			v, dur := l.SpeedKms*1e3, l.DurationMin*60
			a := geo.LLA{Lat: l.LatDeg * deg, Lon: l.LonDeg * deg, Alt: l.AltM}
			lat, lon, _ := geo.WGS84.Direct(a.Lat, a.Lon, l.CourseDeg*deg, v*dur)
			lg, err := newQRALeg(a, geo.LLA{Lat: lat, Lon: lon, Alt: l.AltM}, v, 0)
			if err != nil {
				bad("track.line", "%v", err)
				break
			}
			tr.legs = []qraLeg{lg}
			tr.end, tr.maxSpeed = lg.dur, v
		}
	case len(w) == 1:
		checkLatLon("track.waypoints[0]", w[0].LatDeg, w[0].LonDeg)
		checkAlt("track.waypoints[0]", w[0].AltM)
		p := geo.LLA{Lat: w[0].LatDeg * deg, Lon: w[0].LonDeg * deg, Alt: w[0].AltM}
		lg, err := newQRALeg(p, p, qraStationarySpeed, 0)
		if err != nil {
			bad("track.waypoints[0]", "%v", err)
			break
		}
		tr.legs = []qraLeg{lg}
		tr.end = math.Inf(1)
	case len(w) > 1:
		var t float64
		okAll := true
		for i, p := range w {
			path := fmt.Sprintf("track.waypoints[%d]", i)
			checkLatLon(path, p.LatDeg, p.LonDeg)
			checkAlt(path, p.AltM)
			if i < len(w)-1 && !checkSpeed(path, p.SpeedKms) {
				okAll = false
			}
		}
		if okAll && len(errs) == 0 {
			for i := range len(w) - 1 {
				a, b := w[i], w[i+1]
				v := a.SpeedKms * 1e3
				lg, err := newQRALeg(geo.LLA{Lat: a.LatDeg * deg, Lon: a.LonDeg * deg, Alt: a.AltM},
					geo.LLA{Lat: b.LatDeg * deg, Lon: b.LonDeg * deg, Alt: b.AltM}, v, t)
				if err != nil {
					bad(fmt.Sprintf("track.waypoints[%d]", i), "%v", err)
					break
				}
				tr.legs = append(tr.legs, lg)
				t += lg.dur
				tr.maxSpeed = max(tr.maxSpeed, v)
			}
			tr.end = t
		}
	default:
		bad("track", "neither waypoints nor line given; want one of them")
	}
	res.alert = r.AlertMin * 60
	if !(r.AlertMin >= 0) || (len(tr.legs) > 0 && !(res.alert < tr.end)) {
		bad("alert_min", "%g is out of range; allowed: 0 up to the track's duration (%.6g min)", r.AlertMin, tr.end/60)
	}
	if err := errors.Join(errs...); err != nil {
		return qraResolved{}, err
	}
	return res, nil
}

// QRAIntercepts computes, for every base, the earliest intercept of the
// target by a fighter scrambled at the alert; see the package documentation
// for the model and the solution method.
func QRAIntercepts(r QRARequest) (QRAResponse, error) {
	res, err := r.resolve()
	if err != nil {
		return QRAResponse{}, err
	}
	out := QRAResponse{QuickestIndex: -1, Results: make([]QRAResult, len(r.Bases))}
	deg := math.Pi / 180
	for i, b := range r.Bases {
		out.Results[i] = qraIntercept(&res.track, b.Name, b.LatDeg*deg, b.LonDeg*deg, res.scramble[i], res.fighter, res.alert)
		if o := out.Results[i]; o.Intercepted && (out.QuickestIndex < 0 || o.TimeMin < out.Results[out.QuickestIndex].TimeMin) {
			out.QuickestIndex = i
		}
	}
	if out.QuickestIndex >= 0 {
		out.Quickest = r.Bases[out.QuickestIndex].Name
	}
	return out, nil
}

// qraIntercept solves one base: the least t ≥ tau with
// h(t) = R(t − tau) − d(base, P(alert + t)) ≥ 0 before the track ends, R
// the ground distance the fighter has flown since take-off.
func qraIntercept(tr *qraTrack, name string, lat, lon, tau float64, f qraTimeline, alert float64) QRAResult {
	out := QRAResult{Base: name, ScrambleMin: tau / 60, ClimbMin: f.climbS / 60, ClimbKm: f.climbV * f.climbS / 1e3,
		ClimbAltM: f.climbAlt, TransitSpeedKms: f.transit / 1e3}
	dist := func(t float64) float64 {
		la, lo, _ := tr.at(alert + t)
		s, _, _ := geo.WGS84.Inverse(lat, lon, la, lo)
		return s
	}
	h := func(t float64) float64 { return f.reach(t-tau) - dist(t) }
	tEnd := tr.end - alert // time after the alert when the target leaves
	var t float64
	switch {
	case math.IsInf(tEnd, 1):
		// Stationary target: closed form.
		t = tau + f.after(dist(0))
	case tEnd < tau:
		out.Reason = fmt.Sprintf("the target leaves its track %.3g min after the alert, before the fighter is airborne", tEnd/60)
		return out
	default:
		lip := f.maxSpeed() + tr.maxSpeed // Lipschitz constant of h, m/s
		a, ha := tau, h(tau)
		for ha < 0 {
			if a >= tEnd {
				out.Reason = "the target leaves its track before the fighter can reach it"
				return out
			}
			b := min(a+max(-ha/lip, qraMinStepS), tEnd)
			hb := h(b)
			if hb >= 0 {
				// Bisect [a, b]: h(a) < 0 ≤ h(b).
				for b-a > qraTimeTolS {
					m := a + (b-a)/2
					if h(m) >= 0 {
						b = m
					} else {
						a = m
					}
				}
				a, ha = b, 0
				break
			}
			a, ha = b, hb
		}
		t = a
	}
	la, lo, alt := tr.at(alert + t)
	out.Intercepted = true
	out.TimeMin = t / 60
	out.TrackMin = (alert + t) / 60
	out.InterceptLatDeg, out.InterceptLonDeg, out.InterceptAltM = la/(math.Pi/180), lo/(math.Pi/180), alt
	out.DistanceKm = dist(t) / 1e3
	return out
}
