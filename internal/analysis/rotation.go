package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/strict"
)

// RotationDateLayout is the layout of the dates of a rotation plan.
const RotationDateLayout = "2006-01-02"

// Time resolutions of RotationResult slots.
const (
	RotationDaily  = "day"
	RotationHourly = "hour"
)

// Catalog parameters that can serve as a defended radius.
const (
	RotationRangeBallistic = "max_range_km"     // against ballistic missiles
	RotationRangeAir       = "max_range_air_km" // against aircraft and cruise missiles
)

// Years accepted by RotationPlan.Validate.
const (
	RotationMinYear = 1900
	RotationMaxYear = 2200
)

// RotationDeployment is one stay of one unit in a rotation schedule.
//
// Start is the first day of the deployment (from 00:00 UTC), when the unit
// leaves for the site; it arrives TransitDays later and is ready
// ReadinessDays after arrival. End is the last day of the deployment: the unit
// is ready until 24:00 UTC that day. The unit defends a circle of RadiusKm
// around its position, or, if RadiusKm is 0, of the System's catalog range
// (RotationPlan.RangeParam at RotationPlan.Pick).
type RotationDeployment struct {
	Unit          string  `json:"unit"`
	Owner         string  `json:"owner"`
	LatDeg        float64 `json:"lat_deg"`
	LonDeg        float64 `json:"lon_deg"`
	Start         string  `json:"start"` // YYYY-MM-DD
	End           string  `json:"end"`   // YYYY-MM-DD, inclusive
	TransitDays   float64 `json:"transit_days"`
	ReadinessDays float64 `json:"readiness_days"`
	RadiusKm      float64 `json:"radius_km,omitempty"`
	System        string  `json:"system,omitempty"` // catalog interceptor, e.g. "PAC-3 MSE"
}

// RotationAsset is a defended point.
type RotationAsset struct {
	Name   string  `json:"name"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
}

// RotationPlan is the input of RotationCoverage.
type RotationPlan struct {
	Year        int                  `json:"year"`
	Resolution  string               `json:"resolution,omitempty"`  // "day" (default) or "hour"
	RangeParam  string               `json:"range_param,omitempty"` // "max_range_km" (default) or "max_range_air_km"
	Pick        string               `json:"pick,omitempty"`        // "low", "central" (default) or "high"
	Deployments []RotationDeployment `json:"deployments"`
	Assets      []RotationAsset      `json:"assets"`
}

// RotationInterval is a period of continuous coverage of an asset.
type RotationInterval struct {
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"` // exclusive
	LengthDays float64   `json:"length_days"`
	Units      []string  `json:"units"` // the units that cover some part of it
}

// Kinds of RotationGap.
const (
	RotationGapHandover     = "handover"     // between different units
	RotationGapInterruption = "interruption" // a unit that covered before covers again after
	RotationGapBeforeFirst  = "before_first" // no coverage earlier in the schedule
	RotationGapAfterLast    = "after_last"   // no coverage later in the schedule
	RotationGapNever        = "never"        // the asset is never covered
)

// RotationGap is a period without coverage of an asset, within the year.
type RotationGap struct {
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"` // exclusive
	LengthDays float64   `json:"length_days"`
	Kind       string    `json:"kind"`
	// BeforeUnits are the units whose coverage ends when the gap starts,
	// AfterUnits those whose coverage starts when it ends (either may lie
	// outside the year).
	BeforeUnits []string `json:"before_units"`
	AfterUnits  []string `json:"after_units"`
}

// RotationAssetCoverage is the coverage of one asset over the year.
type RotationAssetCoverage struct {
	Asset        string             `json:"asset"`
	InRangeUnits []string           `json:"in_range_units"` // deployments whose circle holds the asset
	CoveredDays  float64            `json:"covered_days"`
	CoveredFrac  float64            `json:"covered_frac"`
	Covered      []RotationInterval `json:"covered"`
	Gaps         []RotationGap      `json:"gaps"`
	// Slots[i] says whether the asset is covered throughout slot i (day or
	// hour i of the year, UTC); a partly covered slot is false.
	Slots []bool `json:"slots"`
}

// RotationUnitAvailability is one deployment's ready period.
type RotationUnitAvailability struct {
	Unit     string    `json:"unit"`
	Owner    string    `json:"owner"`
	RadiusKm float64   `json:"radius_km"`
	Start    time.Time `json:"start"`
	Arrive   time.Time `json:"arrive"`
	Ready    time.Time `json:"ready"`
	End      time.Time `json:"end"` // exclusive
	// DeployedDays and ReadyDays are counted within the year;
	// AvailabilityFrac is ReadyDays/DeployedDays (0 if not deployed then).
	DeployedDays     float64  `json:"deployed_days"`
	ReadyDays        float64  `json:"ready_days"`
	AvailabilityFrac float64  `json:"availability_frac"`
	AssetsInRange    []string `json:"assets_in_range"`
}

// RotationResult is the output of RotationCoverage.
type RotationResult struct {
	Year       int                        `json:"year"`
	Resolution string                     `json:"resolution"`
	YearStart  time.Time                  `json:"year_start"`
	YearEnd    time.Time                  `json:"year_end"` // exclusive
	Assets     []RotationAssetCoverage    `json:"assets"`
	Units      []RotationUnitAvailability `json:"units"`
}

// rotationUnit is a resolved deployment.
type rotationUnit struct {
	d                         RotationDeployment
	radiusM                   float64
	start, arrive, ready, end time.Time
}

// Validate reports every problem with the plan, naming the field. It looks
// up catalog systems, so an unknown System is reported here.
func (p RotationPlan) Validate() error {
	_, err := p.resolve()
	return err
}

// rotDays converts a (fractional) number of days to a Duration, to the
// nanosecond.
func rotDays(d float64) time.Duration {
	return time.Duration(math.Round(d * float64(24*time.Hour)))
}

// rotDurationDays converts a Duration to days.
func rotDurationDays(d time.Duration) float64 {
	return d.Hours() / 24
}

// resolve validates the plan and resolves dates and radii.
func (p RotationPlan) resolve() ([]rotationUnit, error) {
	var errs []error
	bad := func(path, format string, a ...any) { errs = append(errs, strict.Fieldf(path, format, a...)) }
	if p.Year < RotationMinYear || p.Year > RotationMaxYear {
		bad("year", "%d is out of range; allowed: %d to %d", p.Year, RotationMinYear, RotationMaxYear)
	}
	switch p.Resolution {
	case "", RotationDaily, RotationHourly:
	default:
		bad("resolution", "%q is not allowed; allowed: %s, %s", p.Resolution, RotationDaily, RotationHourly)
	}
	param := p.RangeParam
	switch param {
	case "":
		param = RotationRangeBallistic
	case RotationRangeBallistic, RotationRangeAir:
	default:
		bad("range_param", "%q is not allowed; allowed: %s, %s", p.RangeParam, RotationRangeBallistic, RotationRangeAir)
		param = ""
	}
	var pick catalog.Pick // "": central
	if err := pick.UnmarshalText([]byte(p.Pick)); err != nil {
		bad("pick", "%v", err)
	}
	if len(p.Deployments) == 0 {
		bad("deployments", "none given; want at least one")
	}
	if len(p.Assets) == 0 {
		bad("assets", "none given; want at least one")
	}
	checkLatLon := func(path string, lat, lon float64) {
		if !(lat >= -90 && lat <= 90) {
			bad(path+".lat_deg", "%g is out of range; allowed: -90 to 90", lat)
		}
		if !(lon >= -180 && lon <= 180) {
			bad(path+".lon_deg", "%g is out of range; allowed: -180 to 180", lon)
		}
	}
	units := make([]rotationUnit, len(p.Deployments))
	for i, d := range p.Deployments {
		path := fmt.Sprintf("deployments[%d]", i)
		u := &units[i]
		u.d = d
		if strings.TrimSpace(d.Unit) == "" {
			bad(path+".unit", "empty; want a unit name")
		}
		checkLatLon(path, d.LatDeg, d.LonDeg)
		start, err1 := time.Parse(RotationDateLayout, d.Start)
		if err1 != nil {
			bad(path+".start", "%q is not a date; want YYYY-MM-DD", d.Start)
		}
		end, err2 := time.Parse(RotationDateLayout, d.End)
		if err2 != nil {
			bad(path+".end", "%q is not a date; want YYYY-MM-DD", d.End)
		}
		if err1 == nil && err2 == nil && end.Before(start) {
			bad(path+".end", "%s is before start %s", d.End, d.Start)
		}
		if !(d.TransitDays >= 0 && d.TransitDays <= 3650) {
			bad(path+".transit_days", "%g is out of range; allowed: 0 to 3650", d.TransitDays)
		}
		if !(d.ReadinessDays >= 0 && d.ReadinessDays <= 3650) {
			bad(path+".readiness_days", "%g is out of range; allowed: 0 to 3650", d.ReadinessDays)
		}
		u.start = start
		u.arrive = start.Add(rotDays(d.TransitDays))
		u.ready = u.arrive.Add(rotDays(d.ReadinessDays))
		u.end = end.AddDate(0, 0, 1)
		switch {
		case d.RadiusKm != 0 && d.System != "":
			bad(path, "radius_km and system both given; want one of them")
		case d.RadiusKm != 0:
			if !(d.RadiusKm > 0 && d.RadiusKm < 20000) {
				bad(path+".radius_km", "%g is out of range; allowed: more than 0, less than 20000", d.RadiusKm)
			}
			u.radiusM = d.RadiusKm * 1e3
		case d.System != "":
			if param == "" {
				break // already reported
			}
			e, err := catalog.Lookup(d.System)
			if err != nil {
				bad(path+".system", "%v", err)
				break
			}
			v, ok := e.Param(param)
			if !ok {
				bad(path+".system", "%q has no %s; give radius_km, or a system with %s (e.g. PAC-3 MSE)", d.System, param, param)
				break
			}
			u.radiusM = v.At(pick) * 1e3
		default:
			bad(path, "neither radius_km nor system given; want one of them")
		}
	}
	seen := map[string]int{}
	for i, a := range p.Assets {
		path := fmt.Sprintf("assets[%d]", i)
		if strings.TrimSpace(a.Name) == "" {
			bad(path+".name", "empty; want an asset name")
		} else if j, dup := seen[a.Name]; dup {
			bad(path+".name", "%q repeats assets[%d].name", a.Name, j)
		} else {
			seen[a.Name] = i
		}
		checkLatLon(path, a.LatDeg, a.LonDeg)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return units, nil
}

// rotationSpan is a ready interval [a, b) of one unit at one asset.
type rotationSpan struct {
	a, b time.Time
	unit string
}

// RotationCoverage computes the coverage of every asset by the plan's
// deployments over the plan's year, and every deployment's availability.
// See the package documentation for the model.
func RotationCoverage(p RotationPlan) (RotationResult, error) {
	units, err := p.resolve()
	if err != nil {
		return RotationResult{}, err
	}
	res := p.Resolution
	if res == "" {
		res = RotationDaily
	}
	y0 := time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	y1 := y0.AddDate(1, 0, 0)
	step := 24 * time.Hour
	if res == RotationHourly {
		step = time.Hour
	}
	nslots := int(y1.Sub(y0) / step)
	out := RotationResult{Year: p.Year, Resolution: res, YearStart: y0, YearEnd: y1}

	// inRange[i][j]: asset j lies within unit i's circle.
	inRange := make([][]bool, len(units))
	for i, u := range units {
		inRange[i] = make([]bool, len(p.Assets))
		lat, lon := u.d.LatDeg*math.Pi/180, u.d.LonDeg*math.Pi/180
		for j, a := range p.Assets {
			s, _, _ := geo.WGS84.Inverse(lat, lon, a.LatDeg*math.Pi/180, a.LonDeg*math.Pi/180)
			inRange[i][j] = s <= u.radiusM
		}
	}

	for i, u := range units {
		av := RotationUnitAvailability{
			Unit: u.d.Unit, Owner: u.d.Owner, RadiusKm: u.radiusM / 1e3,
			Start: u.start, Arrive: u.arrive, Ready: u.ready, End: u.end,
			AssetsInRange: []string{},
		}
		av.DeployedDays = rotDurationDays(rotOverlap(u.start, u.end, y0, y1))
		av.ReadyDays = rotDurationDays(rotOverlap(u.ready, u.end, y0, y1))
		if av.DeployedDays > 0 {
			av.AvailabilityFrac = av.ReadyDays / av.DeployedDays
		}
		for j, a := range p.Assets {
			if inRange[i][j] {
				av.AssetsInRange = append(av.AssetsInRange, a.Name)
			}
		}
		out.Units = append(out.Units, av)
	}

	for j, a := range p.Assets {
		var spans []rotationSpan
		cov := RotationAssetCoverage{Asset: a.Name, InRangeUnits: []string{}, Covered: []RotationInterval{}, Gaps: []RotationGap{}}
		for i, u := range units {
			if !inRange[i][j] {
				continue
			}
			cov.InRangeUnits = append(cov.InRangeUnits, u.d.Unit)
			if u.ready.Before(u.end) {
				spans = append(spans, rotationSpan{u.ready, u.end, u.d.Unit})
			}
		}
		blocks := rotMergeSpans(spans)
		cov.Gaps = rotationGaps(blocks, y0, y1)
		for _, b := range blocks {
			s, e := rotLater(b.a, y0), rotEarlier(b.b, y1)
			if !s.Before(e) {
				continue
			}
			cov.Covered = append(cov.Covered, RotationInterval{Start: s, End: e, LengthDays: rotDurationDays(e.Sub(s)), Units: b.units})
			cov.CoveredDays += rotDurationDays(e.Sub(s))
		}
		cov.CoveredFrac = cov.CoveredDays / rotDurationDays(y1.Sub(y0))
		cov.Slots = make([]bool, nslots)
		k := 0
		for i := range cov.Slots {
			s := y0.Add(time.Duration(i) * step)
			e := s.Add(step)
			for k < len(cov.Covered) && !cov.Covered[k].End.After(s) {
				k++
			}
			cov.Slots[i] = k < len(cov.Covered) && !cov.Covered[k].Start.After(s) && !cov.Covered[k].End.Before(e)
		}
		out.Assets = append(out.Assets, cov)
	}
	return out, nil
}

// rotationBlock is a maximal period of continuous coverage.
type rotationBlock struct {
	a, b        time.Time
	units       []string // every unit contributing, in order of first appearance
	first, last []string // units whose span starts at a / ends at b
}

// rotMergeSpans merges ready spans into maximal blocks; spans that touch
// (one ends as the next starts) are continuous coverage.
func rotMergeSpans(spans []rotationSpan) []rotationBlock {
	slices.SortStableFunc(spans, func(x, y rotationSpan) int { return x.a.Compare(y.a) })
	var blocks []rotationBlock
	for _, s := range spans {
		if n := len(blocks); n > 0 && !s.a.After(blocks[n-1].b) {
			b := &blocks[n-1]
			switch s.b.Compare(b.b) {
			case 1:
				b.b, b.last = s.b, []string{s.unit}
			case 0:
				b.last = rotAppendUnique(b.last, s.unit)
			}
			if s.a.Equal(b.a) {
				b.first = rotAppendUnique(b.first, s.unit)
			}
			b.units = rotAppendUnique(b.units, s.unit)
			continue
		}
		blocks = append(blocks, rotationBlock{a: s.a, b: s.b, units: []string{s.unit}, first: []string{s.unit}, last: []string{s.unit}})
	}
	return blocks
}

// rotationGaps returns the gaps between coverage blocks, clipped to [y0, y1).
func rotationGaps(blocks []rotationBlock, y0, y1 time.Time) []RotationGap {
	gaps := []RotationGap{}
	add := func(a, b time.Time, before, after []string) {
		s, e := rotLater(a, y0), rotEarlier(b, y1)
		if !s.Before(e) {
			return
		}
		g := RotationGap{Start: s, End: e, LengthDays: rotDurationDays(e.Sub(s)), BeforeUnits: before, AfterUnits: after}
		switch {
		case before == nil && after == nil:
			g.Kind, g.BeforeUnits, g.AfterUnits = RotationGapNever, []string{}, []string{}
		case before == nil:
			g.Kind, g.BeforeUnits = RotationGapBeforeFirst, []string{}
		case after == nil:
			g.Kind, g.AfterUnits = RotationGapAfterLast, []string{}
		case slices.ContainsFunc(before, func(u string) bool { return slices.Contains(after, u) }):
			g.Kind = RotationGapInterruption
		default:
			g.Kind = RotationGapHandover
		}
		gaps = append(gaps, g)
	}
	if len(blocks) == 0 {
		add(y0, y1, nil, nil)
		return gaps
	}
	add(y0, blocks[0].a, nil, blocks[0].first)
	for i := 1; i < len(blocks); i++ {
		add(blocks[i-1].b, blocks[i].a, blocks[i-1].last, blocks[i].first)
	}
	add(blocks[len(blocks)-1].b, y1, blocks[len(blocks)-1].last, nil)
	return gaps
}

// rotOverlap returns the length of [a, b) ∩ [c, d).
func rotOverlap(a, b, c, d time.Time) time.Duration {
	s, e := rotLater(a, c), rotEarlier(b, d)
	if !s.Before(e) {
		return 0
	}
	return e.Sub(s)
}

// rotLater returns the later of a and b.
func rotLater(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// rotEarlier returns the earlier of a and b.
func rotEarlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// rotAppendUnique appends v to s unless s holds it.
func rotAppendUnique(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}
