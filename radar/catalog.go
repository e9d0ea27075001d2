package radar

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// Defaults used by FromCatalog. They are assumptions, not catalog data.
const (
	DefaultPfa           = 1e-6      // false-alarm probability per resolution cell
	DefaultSwerling      = Swerling1 // scan-to-scan Rayleigh fluctuation
	defaultPulseWidth    = 1e-6      // s, when the entry gives none
	defaultSearchFrame   = 10.0      // s
	defaultTrackInterval = 1.0       // s
	defaultMaxTracks     = 100
	// Bias floors as fractions of the resolution cell: about a hundredth
	// of a beamwidth (monopulse calibration) and of the range cell.
	angleFloorFrac = 0.01
	rangeFloorFrac = 0.01
	defaultDwell   = 0.1 // s
)

// FromCatalog builds a radar from a catalog entry of kind radar at site,
// with the boresight (centre of the azimuth sector) at boresightAz, rad
// clockwise from north. The antenna stands the entry's antenna_height_m
// (AntennaHeight; 0 if it gives none) above site: Radar.Site.Alt is
// site.Alt plus that height. For an airborne radar that height is its
// station's flight altitude.
//
// Catalog keys read: frequency_ghz, gain_db, noise_temp_k, loss_db,
// average_power_kw, beamwidth_deg and fov_az_deg (required); dwell_time_s
// (default 0.1 s), faces_count (1), pulses_count (1), pulse_width_us
// (1 µs), bandwidth_ghz (1/τ), min_elevation_deg (0), max_elevation_deg
// (90), instrumented_range_km (the high end of range_km), search_frame_s
// (10 s), track_update_s (1 s), tracked_objects_count (100),
// antenna_height_m (0) and clutter_loss_db (none; see Radar.ClutterLoss).
//
// pick selects the radar's performance, not each value's end of its band:
// PickLow takes the pessimistic end of every band (low power, gain and
// dwell; high noise temperature, loss and beamwidth), PickHigh the
// optimistic one.
//
// The energy on target per dwell is the average power of one face times
// the dwell time, E = Pav/faces·Tdwell, split over the dwell's n pulses;
// the peak power in Equation is the one implied, E/(n·τ), since the
// catalog's average powers and dwell times are what the range estimates
// are built on. The gain is used for transmit and receive. Pulses are
// integrated coherently (pulse-Doppler phased arrays), with Pfa 1e-6 and
// a Swerling 1 target: change Detector to use others.
func FromCatalog(e catalog.Entry, pick catalog.Pick, site geo.LLA, boresightAz float64) (*Radar, error) {
	return FromCatalogHeight(e, pick, site, AntennaHeight(e, pick), boresightAz)
}

// FromCatalogHeight is FromCatalog with the antenna h m above site instead
// of the entry's antenna_height_m (a site's mast, tower or station
// altitude).
//
// The elevation limit: a raised antenna steers its lowest beam down to
// the horizon, so the entry's min_elevation_deg is measured from the dip
// of the horizon, HorizonDip(h): MinEl is min_elevation_deg − HorizonDip(h).
// With min_elevation_deg 0 the lowest beam's edge is the ray grazing the
// effective Earth, and a low flier is lost at the horizon, not before; an
// antenna at its site (h = 0) keeps min_elevation_deg.
func FromCatalogHeight(e catalog.Entry, pick catalog.Pick, site geo.LLA, h, boresightAz float64) (*Radar, error) {
	if !(h >= 0) || math.IsInf(h, 1) {
		return nil, fmt.Errorf("%w: radar %s: antenna height %g m must be a non-negative finite number", ErrInput, e.Name, h)
	}
	if e.Kind != catalog.KindRadar {
		return nil, fmt.Errorf("%w: catalog entry %s is %s, not a radar", ErrInput, e.Name, e.Kind.A())
	}
	p := params{e: e, pick: pick}
	freq := p.need("frequency_ghz", true) * 1e9
	gain := FromDB(p.need("gain_db", true))
	ts := p.need("noise_temp_k", false)
	loss := FromDB(p.need("loss_db", false))
	pav := p.need("average_power_kw", true) * 1e3
	bw := p.need("beamwidth_deg", false) * math.Pi / 180
	fov := p.need("fov_az_deg", true) * math.Pi / 180
	dwell := p.opt("dwell_time_s", true, defaultDwell)
	faces := p.opt("faces_count", true, 1)
	pulses := int(math.Round(p.opt("pulses_count", true, 1)))
	tau := p.opt("pulse_width_us", true, defaultPulseWidth*1e6) * 1e-6
	band := p.opt("bandwidth_ghz", true, 1/tau/1e9) * 1e9
	minEl := p.opt("min_elevation_deg", false, 0) * math.Pi / 180
	maxEl := p.opt("max_elevation_deg", true, 90) * math.Pi / 180
	clutterDB := p.opt("clutter_loss_db", false, 0)
	site.Alt += h
	minEl -= HorizonDip(h)
	maxR := p.opt("instrumented_range_km", true, math.NaN()) * 1e3
	if math.IsNaN(maxR) {
		v, ok := e.Param("range_km")
		if !ok {
			return nil, fmt.Errorf("%w: radar %s has neither instrumented_range_km nor range_km", ErrInput, e.Name)
		}
		maxR = v.High * 1e3
	}
	if p.err != nil {
		return nil, p.err
	}
	if pulses < 1 || faces < 1 {
		return nil, fmt.Errorf("%w: radar %s: pulses_count and faces_count must be at least 1", ErrInput, e.Name)
	}
	energy := pav / faces * dwell
	det, err := NewDetector(DefaultPfa, pulses, DefaultSwerling, true)
	if err != nil {
		return nil, err
	}
	r := &Radar{
		Name: e.Name,
		Site: site,
		Equation: Equation{
			PeakPower: energy / float64(pulses) / tau, PulseWidth: tau, Frequency: freq,
			TxGain: gain, RxGain: gain, NoiseTemp: ts, Loss: loss,
		},
		Detector:      det,
		BoresightAz:   boresightAz,
		HalfWidthAz:   math.Min(fov/2, math.Pi),
		MinEl:         minEl,
		MaxEl:         maxEl,
		MaxRange:      maxR,
		RefractionK:   RefractionK,
		Beamwidth:     bw,
		Bandwidth:     band,
		AngleFloor:    angleFloorFrac * bw,
		RangeFloor:    rangeFloorFrac * SpeedOfLight / (2 * band),
		SearchFrame:   p.opt("search_frame_s", false, defaultSearchFrame),
		TrackInterval: p.opt("track_update_s", false, defaultTrackInterval),
		MaxTracks:     int(p.opt("tracked_objects_count", true, defaultMaxTracks)),
	}
	if clutterDB > 0 {
		r.ClutterLoss = FromDB(clutterDB)
	}
	if fov >= 2*math.Pi-1e-9 {
		r.HalfWidthAz = math.Pi
	}
	if err := r.Init(); err != nil {
		return nil, err
	}
	return r, nil
}

// HorizonDip returns the depression below the horizontal of the ray from
// an antenna h m above a smooth 4/3 Earth that grazes it, rad:
// arccos(re/(re+h)) with re = RefractionK·EarthRadius, ≈ √(2h/re); 0 for
// h ≤ 0.
func HorizonDip(h float64) float64 {
	if !(h > 0) {
		return 0
	}
	re := RefractionK * EarthRadius
	return math.Acos(re / (re + h))
}

// AntennaHeight returns the height of the entry's antenna above its site,
// m: its catalog antenna_height_m at the pick (a higher antenna sees
// farther, so PickHigh takes the high end), 0 if it gives none.
func AntennaHeight(e catalog.Entry, pick catalog.Pick) float64 {
	p := params{e: e, pick: pick}
	return p.opt("antenna_height_m", true, 0)
}

// params reads catalog values at a performance pick.
type params struct {
	e    catalog.Entry
	pick catalog.Pick
	err  error
}

// at returns the value at the pick; better says whether a larger value
// improves the radar.
func (p *params) at(v catalog.Value, better bool) float64 {
	pk := p.pick
	if !better {
		switch pk {
		case catalog.PickLow:
			pk = catalog.PickHigh
		case catalog.PickHigh:
			pk = catalog.PickLow
		}
	}
	return v.At(pk)
}

func (p *params) need(key string, better bool) float64 {
	v, ok := p.e.Param(key)
	if !ok {
		if p.err == nil {
			p.err = fmt.Errorf("%w: radar %s lacks catalog parameter %s", ErrInput, p.e.Name, key)
		}
		return math.NaN()
	}
	return p.at(v, better)
}

func (p *params) opt(key string, better bool, def float64) float64 {
	v, ok := p.e.Param(key)
	if !ok {
		return def
	}
	return p.at(v, better)
}
