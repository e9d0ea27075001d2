package scenario

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// Limits on values. Each is far beyond any real scenario; they exist so that
// a typo (an extra digit, a sign) is caught before a run starts.
const (
	// MaxSeed is the largest seed, 2^53 - 1: seeds round-trip exactly
	// through JSON numbers (float64) in the HTTP API and the web UI.
	MaxSeed = 1<<53 - 1
	// MaxTrials bounds the Monte Carlo trials of one run.
	MaxTrials = 1_000_000
	// MaxDurationS is 366 days, enough for a year-long rotation schedule.
	MaxDurationS = 366 * 86400
	// MaxFlights bounds the missiles of a scenario (Σ threats[].count), so
	// that one trial runs within stated memory and time (docs/limits.md:
	// 1,000 missiles launched together cost about 250 MB and minutes of
	// CPU a trial). MaxCount, the count of one threat, is the same bound.
	MaxFlights = 1_000
	MaxCount   = MaxFlights
	// MaxRounds bounds the interceptors in one launcher part.
	MaxRounds = 10_000
	// MaxBurnoutSpeedKms is kept below escape speed (11.2 km/s).
	MaxBurnoutSpeedKms = 11
	// MaxApogeeKm is above the apogee of any ICBM trajectory of interest.
	MaxApogeeKm = 5000
	// MaxBurnoutAltKm is MaxApogeeKm: burnout lies at or below apogee
	// (flight.MaxBurnoutAlt).
	MaxBurnoutAltKm = MaxApogeeKm
	// Ground points lie between the shore of the Dead Sea and above
	// Everest.
	MinAltM, MaxAltM = -500, 10_000
	// MaxAntennaHeightM bounds a site's antenna_height_m: above the
	// station altitudes of airborne radars (the E-3 flies at about 9 km,
	// its ceiling is about 13 km).
	MaxAntennaHeightM = 20_000
	// MaxAssetValue bounds an asset's relative worth. Values are summed
	// and weighted (value at risk, value saved); with values near
	// MaxFloat64 the sums overflowed to +Inf after validation passed
	// (issue 11). 1e12 leaves room for any number of assets and any
	// scale of worth (dollars of a capital city).
	MaxAssetValue = 1e12
)

// maxListed is how many allowed values a message lists; longer lists (catalog
// places, say) are summarised.
const maxListed = 30

// Validate checks the values of s: required fields, ranges, names that must
// be unique or must refer to something declared, and fields that apply only
// to some profiles or kinds. With a non-nil cat it also checks that catalog
// names (places, radars, interceptors, missiles) exist and have the right
// kind. It returns nil or an *Errors holding every problem.
//
// Validate works on parsed scenarios, whose problems carry file positions,
// and on scenarios built in Go, whose problems carry field paths only.
func Validate(s *Scenario, cat Catalog) error {
	if s == nil {
		return &Errors{Problems: []Problem{{Msg: "no scenario"}}}
	}
	var ps problems
	validate(s, cat, &ps)
	return ps.Err()
}

type validator struct {
	s     *Scenario
	cat   Catalog
	probs *problems
}

func validate(s *Scenario, cat Catalog, ps *problems) {
	v := &validator{s: s, cat: cat, probs: ps}
	v.scenario()
}

// errorf reports a problem at path, unless the decoder already reported one
// at path or at an element that contains it.
func (v *validator) errorf(path, format string, args ...any) {
	for p := path; ; {
		if v.s.bad[p] {
			return
		}
		i := lastSep(p)
		if i < 0 {
			break
		}
		p = p[:i]
	}
	v.probs.Add(v.s.Problemf(path, format, args...))
}

// has reports whether the field at path was given, judging by the file for
// parsed scenarios and by nonzero for scenarios built in Go.
func (v *validator) has(path string, nonzero bool) bool {
	return v.s.has(path, nonzero)
}

func (v *validator) scenario() {
	s := v.s
	v.name(s.Name)
	for i, a := range s.Assumptions {
		if strings.TrimSpace(a) == "" {
			v.errorf(indexPath("assumptions", i), "empty assumption")
		}
	}
	v.run()
	owners := v.owners()
	v.sites(owners)
	v.spaceSensors(owners)
	v.links(owners)
	v.threats()
	v.assets(owners)
}

func (v *validator) name(name string) {
	switch {
	case name == "":
		v.errorf("name", "missing; want a short identifier such as \"europe\"")
	case len(name) > 64 || !isSlug(name):
		v.errorf("name", "%s is not allowed; want lowercase letters, digits and '-', at most 64 characters", quote(name))
	}
}

// isSlug reports whether s is lowercase letters and digits joined by single
// hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func (v *validator) run() {
	r := v.s.Run
	if r.Seed < 0 || r.Seed > MaxSeed {
		v.errorf("run.seed", "%d is out of range; allowed: 0 to %d", r.Seed, int64(MaxSeed))
	}
	if r.Trials < 1 || r.Trials > MaxTrials {
		v.errorf("run.trials", "%d is out of range; allowed: 1 to %d", r.Trials, MaxTrials)
	}
	if !(r.DurationS > 0 && r.DurationS <= MaxDurationS) {
		v.errorf("run.duration_s", "%s is out of range; allowed: greater than 0, at most %d (366 days)", formatNumber(r.DurationS), MaxDurationS)
	}
	switch r.Architecture {
	case Integrated:
	case Sectoral, SeparateLinked:
		if n := len(v.s.Owners); n < 2 {
			v.errorf("run.architecture", "%s needs at least two owners; owners declares %d", r.Architecture, n)
		}
	case "":
		v.errorf("run.architecture", "missing; allowed: %s", allowedList(Architectures))
	default:
		v.errorf("run.architecture", "%s", notAllowed(string(r.Architecture), Architectures))
	}
	switch r.Fidelity {
	case "", FullFidelity, FastFidelity:
		if r.Fidelity != "" && v.s.Analysis != nil {
			v.errorf("run.fidelity", "only an engine run (no analysis section) has a fidelity, and this scenario runs the %s analysis; remove run.fidelity", v.s.Analysis.Kind)
		}
	default:
		v.errorf("run.fidelity", "%s", notAllowed(string(r.Fidelity), Fidelities))
	}
}

// notAllowed formats the message for a value outside a fixed list.
func notAllowed[T ~string](got string, allowed []T) string {
	return hint(quote(got)+" is not allowed", suggest(got, allowed), allowedList(allowed))
}

// namer reports empty and repeated names in one list.
type namer struct {
	v     *validator
	first map[string]string // name -> path of its first use
}

func (v *validator) newNamer() *namer { return &namer{v: v, first: map[string]string{}} }

// add checks the name at path (a "...name" field path).
func (n *namer) add(path, name string) {
	switch {
	case name == "":
		n.v.errorf(path, "missing; every element needs a name")
	case strings.TrimSpace(name) != name:
		n.v.errorf(path, "%s has leading or trailing spaces", quote(name))
	default:
		if prev, dup := n.first[name]; dup {
			where := prev
			if p := n.v.s.Pos(prev); p.Line > 0 {
				where = fmt.Sprintf("%s (line %d)", prev, p.Line)
			}
			n.v.errorf(path, "duplicate name %s; %s has it too", quote(name), where)
			return
		}
		n.first[name] = path
	}
}

func (v *validator) owners() []string {
	names := v.newNamer()
	var list []string
	for i, o := range v.s.Owners {
		names.add(joinPath(indexPath("owners", i), "name"), o.Name)
		v.doctrine(joinPath(indexPath("owners", i), "doctrine"), o.Doctrine)
		if sp := joinPath(indexPath("owners", i), "sector"); v.has(sp, len(o.Sector) > 0) {
			if len(o.Sector) < 3 {
				v.errorf(sp, "%d point(s); a sector is a polygon of at least 3 points", len(o.Sector))
			}
			for k, pt := range o.Sector {
				v.point(indexPath(sp, k), pt)
			}
		}
		if o.Name != "" && !slices.Contains(list, o.Name) {
			list = append(list, o.Name)
		}
	}
	return list
}

// Doctrine limits.
const (
	MaxSalvo           = 16
	MaxKillAssessmentS = 600
	MaxReserve         = 10_000
)

func (v *validator) doctrine(path string, d Doctrine) {
	if d.Salvo < 1 || d.Salvo > MaxSalvo {
		v.errorf(joinPath(path, "salvo"), "%d is out of range; allowed: 1 to %d interceptors per threat per look", d.Salvo, MaxSalvo)
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"salvo_cruise", d.SalvoCruise}, {"salvo_aircraft", d.SalvoAircraft}} {
		if c.n < 0 || c.n > MaxSalvo {
			v.errorf(joinPath(path, c.field), "%d is out of range; allowed: 1 to %d interceptors per threat per look, or 0 to take salvo", c.n, MaxSalvo)
		}
	}
	if !(d.KillAssessmentS >= 0 && d.KillAssessmentS <= MaxKillAssessmentS) {
		v.errorf(joinPath(path, "kill_assessment_s"), "%s is out of range; allowed: 0 to %d", formatNumber(d.KillAssessmentS), MaxKillAssessmentS)
	}
	if d.Reserve < 0 || d.Reserve > MaxReserve {
		v.errorf(joinPath(path, "reserve"), "%d is out of range; allowed: 0 to %d rounds per launcher", d.Reserve, MaxReserve)
	}
	if !(d.ReserveMinValue >= 0 && d.ReserveMinValue <= math.MaxFloat64) {
		v.errorf(joinPath(path, "reserve_min_value"), "%s is out of range; allowed: 0 or more", formatNumber(d.ReserveMinValue))
	}
}

// ownerRef checks a reference to a declared owner.
func (v *validator) ownerRef(path, name string, owners []string) {
	if slices.Contains(owners, name) || v.s.bad["owners"] {
		return
	}
	allowed := "none; the scenario declares no owners"
	if len(owners) > 0 {
		allowed = strings.Join(owners, ", ")
	}
	v.errorf(path, "%s", hint(quote(name)+" is not a declared owner", suggest(name, owners), allowed))
}

func (v *validator) sites(owners []string) {
	sites, platforms := v.newNamer(), v.newNamer()
	for i, st := range v.s.Sites {
		p := indexPath("sites", i)
		sites.add(joinPath(p, "name"), st.Name)
		if st.Owner == "" {
			v.errorf(joinPath(p, "owner"), "missing; allowed: %s", orNone(owners))
		} else {
			v.ownerRef(joinPath(p, "owner"), st.Owner, owners)
		}
		v.point(p, st.Point)
		if h := st.AntennaHeightM; h != nil {
			hp := joinPath(p, "antenna_height_m")
			switch {
			case !(*h >= 0 && *h <= MaxAntennaHeightM):
				v.errorf(hp, "%s is out of range; allowed: 0 to %d (m above the site)", formatNumber(*h), MaxAntennaHeightM)
			case !siteHasRadar(st):
				v.errorf(hp, "the site has no radar part for the antenna height to apply to; add a part of kind radar or drop the field")
			}
		}
		for j, pl := range st.Platforms {
			pp := indexPath(joinPath(p, "platforms"), j)
			platforms.add(joinPath(pp, "name"), pl.Name)
			if len(pl.Parts) == 0 {
				v.errorf(joinPath(pp, "parts"), "missing; a platform needs at least one part (kind: %s)", allowedList(PartKinds))
			}
			for k, pt := range pl.Parts {
				v.part(indexPath(joinPath(pp, "parts"), k), pt)
			}
		}
	}
}

// siteHasRadar reports whether a site has a radar part.
func siteHasRadar(st Site) bool {
	for _, pl := range st.Platforms {
		for _, pt := range pl.Parts {
			if pt.Kind == Radar {
				return true
			}
		}
	}
	return false
}

func (v *validator) spaceSensors(owners []string) {
	names := v.newNamer()
	for i, ss := range v.s.SpaceSensors {
		p := indexPath("space_sensors", i)
		names.add(joinPath(p, "name"), ss.Name)
		if ss.Owner == "" {
			v.errorf(joinPath(p, "owner"), "missing; allowed: %s", orNone(owners))
		} else {
			v.ownerRef(joinPath(p, "owner"), ss.Owner, owners)
		}
		for _, f := range []struct {
			key string
			val float64
			max float64
		}{{"delay_s", ss.DelayS, 3600}, {"min_alt_km", ss.MinAltKm, 200}, {"sigma_km", ss.SigmaKm, 100}} {
			if fp := joinPath(p, f.key); !(f.val >= 0 && f.val <= f.max) {
				v.errorf(fp, "%s is out of range; allowed: 0 to %s", formatNumber(f.val), formatNumber(f.max))
			}
		}
	}
}

func (v *validator) links(owners []string) {
	for i, l := range v.s.Links {
		p := indexPath("links", i)
		op := joinPath(p, "owners")
		if len(l.Owners) < 2 {
			v.errorf(op, "a link joins at least two owners; allowed: %s", orNone(owners))
		}
		seen := map[string]bool{}
		for j, o := range l.Owners {
			jp := indexPath(op, j)
			if seen[o] {
				v.errorf(jp, "%s is listed twice", quote(o))
			}
			seen[o] = true
			v.ownerRef(jp, o, owners)
		}
		if !(l.LatencyS >= 0 && l.LatencyS <= 600) {
			v.errorf(joinPath(p, "latency_s"), "%s is out of range; allowed: 0 to 600", formatNumber(l.LatencyS))
		}
		if l.PeriodS != 0 && !(l.PeriodS >= MinLinkPeriodS && l.PeriodS <= MaxLinkPeriodS) {
			v.errorf(joinPath(p, "period_s"), "%s is out of range; allowed: %s to %s (0 or absent: %s)", formatNumber(l.PeriodS),
				formatNumber(MinLinkPeriodS), formatNumber(MaxLinkPeriodS), formatNumber(DefaultLinkPeriodS))
		}
	}
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "none declared (add owners)"
	}
	return strings.Join(list, ", ")
}

func (v *validator) part(path string, pt Part) {
	switch pt.Kind {
	case Radar:
		if pt.Type == "" {
			v.missingRef(joinPath(path, "type"), KindRadar)
		} else {
			v.catalogRef(joinPath(path, "type"), pt.Type, KindRadar)
		}
		if pt.AzimuthDeg != nil {
			if az := *pt.AzimuthDeg; !(az >= 0 && az < 360) {
				v.errorf(joinPath(path, "azimuth_deg"), "%s is out of range; allowed: 0 to less than 360", formatNumber(az))
			}
		}
	case Launcher:
		if pt.Interceptor == "" {
			v.missingRef(joinPath(path, "interceptor"), KindInterceptor)
		} else {
			v.catalogRef(joinPath(path, "interceptor"), pt.Interceptor, KindInterceptor)
		}
		rp := joinPath(path, "rounds")
		if !v.has(rp, pt.Rounds != 0) {
			v.errorf(rp, "missing; want the number of interceptors loaded, 1 to %d", MaxRounds)
		} else if pt.Rounds < 1 || pt.Rounds > MaxRounds {
			v.errorf(rp, "%d is out of range; allowed: 1 to %d", pt.Rounds, MaxRounds)
		}
	case "":
		v.errorf(joinPath(path, "kind"), "missing; allowed: %s", allowedList(PartKinds))
	default:
		v.errorf(joinPath(path, "kind"), "%s", notAllowed(string(pt.Kind), PartKinds))
	}
}

// point checks a point whose fields live at path (for sites and assets the
// element itself, for threats its from or to).
// It reports whether the point's coordinates, when it gives them, are in
// range.
func (v *validator) point(path string, pt Point) (inRange bool) {
	inRange = true
	if pt.Place != "" {
		v.catalogRef(joinPath(path, "place"), pt.Place, KindSite)
	} else {
		if !(pt.LatDeg >= -90 && pt.LatDeg <= 90) {
			v.errorf(joinPath(path, "lat_deg"), "%s is out of range; allowed: -90 to 90", formatNumber(pt.LatDeg))
			inRange = false
		}
		if !(pt.LonDeg >= -180 && pt.LonDeg <= 180) {
			v.errorf(joinPath(path, "lon_deg"), "%s is out of range; allowed: -180 to 180", formatNumber(pt.LonDeg))
			inRange = false
		}
	}
	if !(pt.AltM >= MinAltM && pt.AltM <= MaxAltM) {
		v.errorf(joinPath(path, "alt_m"), "%s is out of range; allowed: %d to %d", formatNumber(pt.AltM), MinAltM, MaxAltM)
	}
	return inRange
}

// MinFlightKm is the shortest launch-to-aim distance a threat may have:
// the flight model's (flight.MinAimDistanceM).
const MinFlightKm = flight.MinAimDistanceM / 1e3

// distanceKm returns the geodesic distance between two points whose
// coordinates point found in range, resolving catalog places when the
// catalog gives positions; ok is false when a place cannot be placed.
func (v *validator) distanceKm(a, b Point) (float64, bool) {
	pos := func(p Point) (lat, lon float64, ok bool) {
		if p.Place == "" {
			return p.LatDeg, p.LonDeg, true
		}
		if pl, isPlacer := v.cat.(placer); isPlacer {
			return pl.Position(p.Place)
		}
		return 0, 0, false
	}
	lat1, lon1, ok1 := pos(a)
	lat2, lon2, ok2 := pos(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	const deg = math.Pi / 180
	s12, _, _ := geo.WGS84.Inverse(lat1*deg, lon1*deg, lat2*deg, lon2*deg)
	return s12 / 1e3, !math.IsNaN(s12)
}

func (v *validator) threats() {
	names := v.newNamer()
	dur := v.s.Run.DurationS
	flights := 0
	for i, t := range v.s.Threats {
		if t.Count >= 1 && t.Count <= MaxCount {
			flights += t.Count
			if flights > MaxFlights && flights-t.Count <= MaxFlights {
				v.errorf(indexPath("threats", i)+".count", "brings the raid to %d missiles; allowed: at most %d in all threats together (docs/limits.md)", flights, MaxFlights)
			}
		}
		p := indexPath("threats", i)
		f := func(field string) string { return joinPath(p, field) }
		names.add(f("name"), t.Name)

		// What flies: a catalog missile or aircraft, or a generic ballistic
		// missile.
		kind := KindBallisticMissile
		hasSpeed := v.has(f("burnout_speed_kms"), t.BurnoutSpeedKms != 0)
		switch {
		case t.Missile != "" && t.Aircraft != "":
			v.errorf(f("aircraft"), "give either missile or aircraft, not both")
		case t.Missile != "" && hasSpeed:
			v.errorf(f("burnout_speed_kms"), "give either missile or burnout_speed_kms, not both")
		case t.Aircraft != "" && hasSpeed:
			v.errorf(f("burnout_speed_kms"), "give either aircraft or burnout_speed_kms, not both")
		case t.Missile != "":
			kind = v.catalogRef(f("missile"), t.Missile, KindBallisticMissile, KindCruiseMissile)
		case t.Aircraft != "":
			kind = v.catalogRef(f("aircraft"), t.Aircraft, KindAircraft)
		case hasSpeed:
			if !(t.BurnoutSpeedKms > 0 && t.BurnoutSpeedKms < MaxBurnoutSpeedKms) {
				v.errorf(f("burnout_speed_kms"), "%s is out of range; allowed: greater than 0, less than %d", formatNumber(t.BurnoutSpeedKms), MaxBurnoutSpeedKms)
			}
		default:
			v.errorf(f("missile"), "missing; give missile (a catalog ballistic or cruise missile), aircraft (a catalog aircraft) or burnout_speed_kms")
		}
		v.airRoute(p, t, kind)
		if v.has(f("burnout_alt_km"), t.BurnoutAltKm != 0) {
			switch {
			case t.Missile != "" || t.Aircraft != "":
				v.errorf(f("burnout_alt_km"), "applies only to a generic missile (burnout_speed_kms); a catalog missile's burnout follows from its boost stages")
			case !(t.BurnoutAltKm >= 0 && t.BurnoutAltKm <= MaxBurnoutAltKm):
				v.errorf(f("burnout_alt_km"), "%s is out of range; allowed: 0 to %d", formatNumber(t.BurnoutAltKm), MaxBurnoutAltKm)
			}
		}

		placed := 0 // ends given, with coordinates in range
		for _, end := range []struct {
			field string
			pt    Point
		}{{"from", t.From}, {"to", t.To}} {
			if !v.has(f(end.field), end.pt != Point{}) {
				v.errorf(f(end.field), "missing; want {place: NAME} with a catalog site, or {lat_deg: LAT, lon_deg: LON}")
				continue
			}
			if v.point(f(end.field), end.pt) {
				placed++
			}
		}
		if t.From == t.To && v.has(f("from"), true) && v.has(f("to"), true) && !v.s.bad[f("from.place")] {
			v.errorf(f("to"), "same point as from; a threat must fly somewhere")
		} else if d, ok := v.distanceKm(t.From, t.To); placed == 2 && ok && d < MinFlightKm {
			v.errorf(f("to"), "%s km from the launch point (from); allowed: at least %g km, as the flight model aims no shorter shot", formatNumber(math.Round(d*1000)/1000), float64(MinFlightKm))
		}

		v.trajectory(p, t, kind)

		if !(t.LaunchTimeS >= 0 && t.LaunchTimeS <= dur) {
			v.errorf(f("launch_time_s"), "%s is out of range; allowed: 0 to run.duration_s (%s)", formatNumber(t.LaunchTimeS), formatNumber(dur))
		}
		countOK := t.Count >= 1 && t.Count <= MaxCount
		if !countOK {
			v.errorf(f("count"), "%d is out of range; allowed: 1 to %d", t.Count, MaxCount)
		}
		switch {
		case !(t.IntervalS >= 0 && t.IntervalS <= MaxDurationS):
			v.errorf(f("interval_s"), "%s is out of range; allowed: 0 to %d", formatNumber(t.IntervalS), MaxDurationS)
		case countOK && t.LaunchTimeS >= 0 && t.LaunchTimeS <= dur:
			if last := t.LaunchTimeS + float64(t.Count-1)*t.IntervalS; last > dur {
				v.errorf(f("interval_s"), "the raid's last launch, at %s s, is after the end of the run (run.duration_s = %s)", formatNumber(last), formatNumber(dur))
			}
		}
	}
}

// Limits of air-breathing routes.
const (
	// MaxRoutePoints bounds a route's turning points.
	MaxRoutePoints = 100
	// MaxAltitudeM is the highest altitude an air-breathing threat may
	// fly, m: above every catalog aircraft's service ceiling.
	MaxAltitudeM = 30_000
)

// airRoute checks route and altitude_m, which apply to cruise missiles and
// aircraft only.
func (v *validator) airRoute(p string, t Threat, kind string) {
	f := func(field string) string { return joinPath(p, field) }
	// Without a catalog (Parse) a catalog missile's kind is unknown: its
	// route and altitude are checked as a cruise missile's, and the
	// catalog check refuses them on a ballistic one.
	air := airKind(kind) || v.cat == nil && t.Missile != ""
	hasRoute := v.has(f("route"), len(t.Route) > 0)
	hasAlt := v.has(f("altitude_m"), t.AltitudeM != 0)
	if !air {
		v.refuseSet(p, "applies only to cruise missiles and aircraft; a ballistic missile flies its trajectory straight from its from point to its to point",
			given{"route", hasRoute}, given{"altitude_m", hasAlt})
		return
	}
	if len(t.Route) > MaxRoutePoints {
		v.errorf(f("route"), "has %d points; allowed: at most %d", len(t.Route), MaxRoutePoints)
	}
	for k, pt := range t.Route {
		path := indexPath(f("route"), k)
		if pt == (Point{}) && !v.s.bad[path] {
			v.errorf(path, "empty; want {place: NAME} with a catalog site, or {lat_deg: LAT, lon_deg: LON}")
			continue
		}
		v.point(path, pt)
		if v.has(joinPath(path, "alt_m"), pt.AltM != 0) {
			v.errorf(joinPath(path, "alt_m"), "a route point takes no alt_m; the route is flown at the threat's altitude_m")
		}
	}
	switch {
	case hasAlt && !(t.AltitudeM >= 1 && t.AltitudeM <= MaxAltitudeM):
		v.errorf(f("altitude_m"), "%s is out of range; allowed: 1 to %d m above the ellipsoid", formatNumber(t.AltitudeM), MaxAltitudeM)
	case !hasAlt && kind == KindAircraft:
		v.errorf(f("altitude_m"), "missing; an aircraft needs the altitude it flies (the catalog gives none); allowed: 1 to %d m above the ellipsoid", MaxAltitudeM)
	}
}

// trajectory checks the fields that depend on the missile kind and profile.
func (v *validator) trajectory(p string, t Threat, kind string) {
	f := func(field string) string { return joinPath(p, field) }
	hasApogee := v.has(f("apogee_km"), t.ApogeeKm != 0)
	hasAngle := v.has(f("burnout_angle_deg"), t.BurnoutAngleDeg != 0)
	if airKind(kind) {
		name := t.Missile
		if kind == KindAircraft {
			name = t.Aircraft
		}
		v.refuseSet(p, fmt.Sprintf("applies only to ballistic missiles; %s is %s", quote(name), article(kindNoun(kind))),
			given{"profile", v.has(f("profile"), t.Profile != MinEnergy)}, given{"apogee_km", hasApogee}, given{"burnout_angle_deg", hasAngle})
		return
	}
	if hasApogee && !(t.ApogeeKm > 0 && t.ApogeeKm <= MaxApogeeKm) {
		v.errorf(f("apogee_km"), "%s is out of range; allowed: greater than 0, at most %d", formatNumber(t.ApogeeKm), MaxApogeeKm)
	}
	if hasAngle && !(t.BurnoutAngleDeg > 0 && t.BurnoutAngleDeg < 90) {
		v.errorf(f("burnout_angle_deg"), "%s is out of range; allowed: greater than 0, less than 90", formatNumber(t.BurnoutAngleDeg))
	}
	switch t.Profile {
	case MinEnergy:
		v.refuseSet(p, "applies only to lofted and depressed profiles; min-energy fixes the trajectory",
			given{"apogee_km", hasApogee}, given{"burnout_angle_deg", hasAngle})
	case Lofted, Depressed:
		switch {
		case hasApogee && hasAngle:
			v.errorf(f("burnout_angle_deg"), "give either apogee_km or burnout_angle_deg, not both")
		case !hasApogee && !hasAngle:
			v.errorf(f("profile"), "%s needs apogee_km or burnout_angle_deg to shape the trajectory", t.Profile)
		}
	case QuasiBallistic:
		if hasAngle {
			v.errorf(f("burnout_angle_deg"), "does not apply to the quasi-ballistic profile, which is shaped by its apogee; give apogee_km or neither")
		}
	case "":
		v.errorf(f("profile"), "missing; allowed: %s", allowedList(Profiles))
	default:
		v.errorf(f("profile"), "%s", notAllowed(string(t.Profile), Profiles))
	}
}

// airKind reports whether kind flies a route at an altitude: a cruise
// missile or an aircraft.
func airKind(kind string) bool { return kind == KindCruiseMissile || kind == KindAircraft }

// given is a field of an input and whether the input gives it.
type given struct {
	field string
	set   bool
}

// refuseSet reports msg at each of fields (below path p) that is set: a
// field that does not apply.
func (v *validator) refuseSet(p, msg string, fields ...given) {
	for _, x := range fields {
		if x.set {
			v.errorf(joinPath(p, x.field), "%s", msg)
		}
	}
}

func (v *validator) assets(owners []string) {
	names := v.newNamer()
	for i, a := range v.s.Assets {
		p := indexPath("assets", i)
		names.add(joinPath(p, "name"), a.Name)
		v.point(p, a.Point)
		vp := joinPath(p, "value")
		switch {
		case !v.has(vp, a.Value != 0):
			v.errorf(vp, "missing; want the asset's relative worth, a number greater than 0")
		case !(a.Value > 0 && a.Value <= MaxAssetValue):
			v.errorf(vp, "%s is out of range; allowed: greater than 0, at most %s", formatNumber(a.Value), formatNumber(MaxAssetValue))
		}
		if a.Owner != "" {
			v.ownerRef(joinPath(p, "owner"), a.Owner, owners)
		}
		if rp := joinPath(p, "radius_km"); v.has(rp, a.RadiusKm != 0) && !(a.RadiusKm > 0 && a.RadiusKm <= 1000) {
			v.errorf(rp, "%s is out of range; allowed: greater than 0, at most 1000", formatNumber(a.RadiusKm))
		}
	}
}

// missingRef reports a missing catalog name.
func (v *validator) missingRef(path, kind string) {
	v.errorf(path, "missing; want a catalog %s%s", kindNoun(kind), v.allowedNames(kind))
}

// catalogRef checks that name is a catalog entry of one of the kinds and
// returns its kind. Without a catalog it checks nothing and returns kinds[0].
func (v *validator) catalogRef(path, name string, kinds ...string) string {
	if v.cat == nil {
		return kinds[0]
	}
	got, ok := v.cat.Kind(name)
	if ok && slices.Contains(kinds, got) {
		return got
	}
	nouns := make([]string, len(kinds))
	for i, k := range kinds {
		nouns[i] = kindNoun(k)
	}
	want := strings.Join(nouns, " or ")
	if len(kinds) == 2 && strings.HasSuffix(nouns[0], " missile") && strings.HasSuffix(nouns[1], " missile") {
		want = strings.TrimSuffix(nouns[0], " missile") + " or " + nouns[1]
	}
	var msg string
	if ok {
		msg = fmt.Sprintf("%s is %s, not %s", quote(name), article(kindNoun(got)), article(want))
	} else {
		msg = fmt.Sprintf("%s is not %s", quote(name), article("catalog "+want))
	}
	var names []string
	for _, k := range kinds {
		names = append(names, v.cat.Names(k)...)
	}
	sug := ""
	if !ok {
		sug = suggest(name, names)
	}
	v.errorf(path, "%s", hint(msg, sug, listNames(names, want)))
	return kinds[0]
}

// allowedNames formats the catalog names of kind as "; allowed: ...".
func (v *validator) allowedNames(kind string) string {
	if v.cat == nil {
		return ""
	}
	if l := listNames(v.cat.Names(kind), kindNoun(kind)); l != "" {
		return "; allowed: " + l
	}
	return ""
}

// listNames formats catalog names as an allowed-values list, summarising
// long lists.
func listNames(names []string, noun string) string {
	switch {
	case len(names) == 0:
		return ""
	case len(names) > maxListed:
		return fmt.Sprintf("one of %d catalog %ss (rampart catalog lists them)", len(names), noun)
	}
	return strings.Join(names, ", ")
}
