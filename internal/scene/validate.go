package scene

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Kinds are the known kinds of sites, tracks and areas, in documented order.
var (
	SiteKinds  = []string{SiteLaunch, SiteDefense, SiteAsset, SiteAim, SiteAirbase, SitePlace}
	TrackKinds = []string{TrackBallistic, TrackCruise, TrackInterceptor, TrackAircraft}
	AreaKinds  = []string{AreaRadar, AreaRangeRing, AreaBattleSpace, AreaSector}
)

// maxAbsTimeS bounds |t| of samples and intercepts: exporters turn times
// into calendar instants (time.Duration holds ±292 years); a run lasts
// hours, so 10⁹ s (about 32 years) only rejects garbage.
const maxAbsTimeS = 1e9

// maxAbsAltM bounds |alt_m|: far beyond geostationary orbit (3.6e7 m), it
// only rejects garbage and keeps the exporters' rounding finite.
const maxAbsAltM = 1e9

// Validate checks s: the version, the epoch, known kinds, names present,
// latitudes in [−90, 90], longitudes in [−180, 180], finite heights and
// times, at least two samples a track in strictly increasing time, and
// closed rings of at least four points that wind around a pole at most
// once. It returns the first problem as an *Error naming file and the field
// path, e.g. "scene.json: tracks[3].points[7].t_s: not increasing".
func (s *Scene) Validate(file string) error {
	v := validator{file: file}
	v.scene(s)
	if v.err != nil {
		return v.err
	}
	return nil
}

type validator struct {
	file string
	err  *Error
}

func (v *validator) fail(path, format string, a ...any) {
	if v.err == nil {
		v.err = &Error{File: v.file, Path: path, Msg: fmt.Sprintf(format, a...)}
	}
}

func (v *validator) scene(s *Scene) {
	if s.Version != Version {
		v.fail("version", "%d is not supported; want %d", s.Version, Version)
	}
	if _, err := ParseEpoch(s.Epoch); err != nil {
		v.fail("epoch", "%q is not an RFC 3339 instant (e.g. %s)", s.Epoch, DefaultEpoch)
	}
	for i, x := range s.Sites {
		p := fmt.Sprintf("sites[%d]", i)
		v.name(p+".name", x.Name)
		v.kind(p+".kind", x.Kind, SiteKinds)
		v.position(p, x.LatDeg, x.LonDeg, x.AltM)
	}
	for i, t := range s.Tracks {
		p := fmt.Sprintf("tracks[%d]", i)
		v.name(p+".name", t.Name)
		v.kind(p+".kind", t.Kind, TrackKinds)
		if len(t.Points) < 2 {
			v.fail(p+".points", "want at least 2 samples, got %d", len(t.Points))
		}
		for j, x := range t.Points {
			q := fmt.Sprintf("%s.points[%d]", p, j)
			v.time(q+".t_s", x.T)
			if j > 0 && !(x.T > t.Points[j-1].T) {
				v.fail(q+".t_s", "not increasing (%g after %g)", x.T, t.Points[j-1].T)
			}
			v.position(q, x.LatDeg, x.LonDeg, x.AltM)
		}
	}
	for i, a := range s.Areas {
		p := fmt.Sprintf("areas[%d]", i)
		v.name(p+".name", a.Name)
		v.kind(p+".kind", a.Kind, AreaKinds)
		v.height(p+".alt_m", a.AltM)
		v.ring(p+".ring", a.Ring)
	}
	for i, c := range s.Intercepts {
		p := fmt.Sprintf("intercepts[%d]", i)
		v.name(p+".threat", c.Threat)
		v.time(p+".t_s", c.T)
		v.position(p, c.LatDeg, c.LonDeg, c.AltM)
		if !slices.Contains(Outcomes, c.Outcome) {
			v.fail(p+".outcome", "%q is not a known outcome; allowed: %s", c.Outcome, strings.Join(Outcomes, ", "))
		}
	}
}

func (v *validator) name(path, name string) {
	if strings.TrimSpace(name) == "" {
		v.fail(path, "empty")
	}
}

func (v *validator) kind(path, kind string, allowed []string) {
	if !slices.Contains(allowed, kind) {
		v.fail(path, "%q is not a known kind; allowed: %s", kind, strings.Join(allowed, ", "))
	}
}

func (v *validator) position(path string, lat, lon, alt float64) {
	v.lat(path+".lat_deg", lat)
	v.lon(path+".lon_deg", lon)
	v.height(path+".alt_m", alt)
}

func (v *validator) lat(path string, lat float64) {
	if !(lat >= -90 && lat <= 90) {
		v.fail(path, "%g is outside [-90, 90]", lat)
	}
}

func (v *validator) lon(path string, lon float64) {
	if !(lon >= -180 && lon <= 180) {
		v.fail(path, "%g is outside [-180, 180]", lon)
	}
}

func (v *validator) height(path string, alt float64) {
	if !(math.Abs(alt) <= maxAbsAltM) {
		v.fail(path, "%g is not a height within ±%g m", alt, float64(maxAbsAltM))
	}
}

func (v *validator) time(path string, t float64) {
	if !(math.Abs(t) <= maxAbsTimeS) {
		v.fail(path, "%g is not a time within ±%g s", t, float64(maxAbsTimeS))
	}
}

func (v *validator) ring(path string, ring [][2]float64) {
	if len(ring) < 4 {
		v.fail(path, "want a closed ring of at least 4 points, got %d", len(ring))
		return
	}
	for j, x := range ring {
		q := fmt.Sprintf("%s[%d]", path, j)
		v.lat(q+"[0]", x[0])
		v.lon(q+"[1]", x[1])
	}
	if ring[0] != ring[len(ring)-1] {
		v.fail(path, "not closed: the last point %v is not the first %v", ring[len(ring)-1], ring[0])
	}
	if v.err == nil {
		if w := PoleWinding(ring); w < -1 || w > 1 {
			v.fail(path, "winds %d times around a pole; want at most once", w)
		}
	}
}

// ParseEpoch parses a scene epoch, an RFC 3339 instant, and returns it in UTC.
func ParseEpoch(epoch string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, epoch)
	if err != nil {
		return time.Time{}, fmt.Errorf("scene epoch: %w", err)
	}
	return t.UTC(), nil
}
