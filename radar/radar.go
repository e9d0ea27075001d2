package radar

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/spatial/r3"

	"github.com/rampart-sim/rampart/geo"
)

// Radar is one radar at a site: its range equation, detector, field of
// regard, measurement accuracy and schedule. Build it with FromCatalog, or
// fill the fields and call Init. A Radar is read-only after Init, so one
// value may serve concurrent trials (each with its own generator).
type Radar struct {
	Name string
	Site geo.LLA // antenna position (Alt is the antenna height above the ellipsoid)

	Equation Equation // one pulse of the dwell
	Detector Detector // Pfa, pulses per dwell, integration, Swerling case

	// Field of regard and instrumented range.
	BoresightAz float64 // rad clockwise from north
	HalfWidthAz float64 // rad; ≥ π means all azimuths
	MinEl       float64 // rad, apparent elevation
	MaxEl       float64 // rad
	MinRange    float64 // m; a look also detects nothing inside BlindRange
	MaxRange    float64 // instrumented range, m
	RefractionK float64 // effective-Earth factor, e.g. RefractionK; 0 means 4/3

	// ClutterLoss divides the SNR of a target in surface clutter (see
	// clutter.go: the surface at its range in view and within half a
	// beamwidth below it), linear; 0 or 1 means none.
	ClutterLoss float64

	// Measurement accuracy.
	Beamwidth      float64 // θ3dB, rad
	Bandwidth      float64 // B, Hz; range resolution c/(2B)
	MonopulseSlope float64 // k_m; 0 means DefaultMonopulseSlope
	AngleFloor     float64 // σ added in quadrature (bias, calibration), rad
	RangeFloor     float64 // m

	// Schedule.
	SearchFrame   float64 // s to search the whole field of regard once
	TrackInterval float64 // s between updates of one track
	MaxTracks     int     // simultaneous tracks

	enu geo.ENU
	pd  *pdTable // the Detector's Pd on a grid, for Look
	// clutterRange is the antenna's horizon against the surface, m (see
	// SurfaceHorizon).
	clutterRange float64
	// snrEq is the Equation at Init and snrC its constant, for the
	// looks' SNR (an Equation changed since is computed afresh).
	snrEq Equation
	snrC  float64
	ready bool
}

// DefaultMonopulseSlope is the normalised monopulse slope k_m used when
// MonopulseSlope is zero: about 1.6 for a sum/difference monopulse with
// a tapered aperture (Barton, Radar System Analysis and Modeling, §11;
// Richards, §16.2 uses 1.6 as typical).
const DefaultMonopulseSlope = 1.6

// Init checks the radar and caches its local frame. It must be called
// after the fields are set or changed.
func (r *Radar) Init() error {
	r.ready = false
	if err := r.Equation.Validate(); err != nil {
		return fmt.Errorf("radar %s: %w", r.Name, err)
	}
	if r.Detector.n == 0 {
		return fmt.Errorf("radar %s: %w: detector not built with NewDetector", r.Name, ErrInput)
	}
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"beamwidth", r.Beamwidth}, {"bandwidth", r.Bandwidth}, {"max range", r.MaxRange},
		{"search frame", r.SearchFrame}, {"track interval", r.TrackInterval},
	} {
		if !positive(f.v) {
			return fmt.Errorf("radar %s: %w: %s %g must be a positive finite number", r.Name, ErrInput, f.name, f.v)
		}
	}
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"half width", r.HalfWidthAz}, {"min range", r.MinRange}, {"refraction factor", r.RefractionK},
		{"monopulse slope", r.MonopulseSlope}, {"angle floor", r.AngleFloor}, {"range floor", r.RangeFloor},
		{"clutter loss", r.ClutterLoss},
	} {
		if !(f.v >= 0 && !math.IsInf(f.v, 1)) {
			return fmt.Errorf("radar %s: %w: %s %g must be a non-negative finite number", r.Name, ErrInput, f.name, f.v)
		}
	}
	if !(r.MinEl <= r.MaxEl) || math.Abs(r.MinEl) > math.Pi/2 || math.Abs(r.MaxEl) > math.Pi/2 {
		return fmt.Errorf("radar %s: %w: elevation limits [%g, %g] rad must be ordered within ±π/2", r.Name, ErrInput, r.MinEl, r.MaxEl)
	}
	if math.IsNaN(r.BoresightAz) || math.IsInf(r.BoresightAz, 0) {
		return fmt.Errorf("radar %s: %w: boresight azimuth %g", r.Name, ErrInput, r.BoresightAz)
	}
	if math.IsNaN(r.Site.Lat+r.Site.Lon+r.Site.Alt) || math.Abs(r.Site.Lat) > math.Pi/2 {
		return fmt.Errorf("radar %s: %w: site %+v", r.Name, ErrInput, r.Site)
	}
	if r.ClutterLoss > 0 && r.ClutterLoss < 1 {
		return fmt.Errorf("radar %s: %w: clutter loss %g must be 0 (none) or a factor of at least 1", r.Name, ErrInput, r.ClutterLoss)
	}
	if r.MaxTracks < 0 {
		return fmt.Errorf("radar %s: %w: max tracks %d < 0", r.Name, ErrInput, r.MaxTracks)
	}
	if r.RefractionK == 0 {
		r.RefractionK = RefractionK
	}
	if r.MonopulseSlope == 0 {
		r.MonopulseSlope = DefaultMonopulseSlope
	}
	r.enu = geo.WGS84.NewENU(r.Site)
	r.clutterRange = HorizonRange(r.Site.Alt, 0, r.RefractionK*EarthRadius)
	r.pd = newPdTable(r.Detector)
	r.snrEq, r.snrC = r.Equation, r.Equation.constant()
	r.ready = true
	return nil
}

// Visibility says whether a target can be seen, or why not.
type Visibility int

// Visibility values, in the order Observe checks them.
const (
	Visible      Visibility = iota
	NotReady                // Init has not succeeded
	OutOfRange              // closer than MinRange or BlindRange, or beyond MaxRange
	BelowMinEl              // apparent elevation below MinEl
	AboveMaxEl              // apparent elevation above MaxEl
	OutOfAzimuth            // outside the azimuth sector
	BelowHorizon            // no line of sight over the 4/3 Earth
)

var visibilityNames = [...]string{"visible", "not ready", "out of range",
	"below min elevation", "above max elevation", "out of azimuth", "below horizon"}

func (v Visibility) String() string {
	if v < 0 || int(v) >= len(visibilityNames) {
		return "unknown"
	}
	return visibilityNames[v]
}

// Observation is the deterministic part of a look at a target.
type Observation struct {
	Visibility Visibility
	Range      float64 // true slant range, m
	Az         float64 // true azimuth, rad clockwise from north in [0, 2π)
	El         float64 // true (geometric) elevation, rad
	ApparentEl float64 // refracted elevation (effective-Earth model), rad
	SNR        float64 // single-pulse SNR, linear (0 if not visible)
	Pd         float64 // detection probability of one dwell (0 if not visible)
}

// Observe returns the geometry, SNR and Pd of a target at ECEF position
// target (m) with radar cross section rcs (m²). It checks, in order, the
// instrumented range, the elevation limits (on the apparent elevation),
// the azimuth sector and the line of sight over the 4/3 Earth; the SNR of
// a target in surface clutter is divided by ClutterLoss (clutter.go).
func (r *Radar) Observe(target r3.Vec, rcs float64) Observation {
	if !r.ready {
		return Observation{Visibility: NotReady}
	}
	az, el, rng := r.enu.AzElRange(target)
	if az < 0 {
		az += 2 * math.Pi
	}
	o := Observation{Range: rng, Az: az, El: el, ApparentEl: el}
	if !r.inRange(rng) {
		o.Visibility = OutOfRange
		return o
	}
	t := geo.WGS84.ToGeodetic(target)
	s := LineOfSight(geo.WGS84, r.RefractionK, r.Site, t)
	if s.Ground > 0 {
		o.ApparentEl = s.Elev
	}
	switch {
	case o.ApparentEl < r.MinEl:
		o.Visibility = BelowMinEl
		return o
	case o.ApparentEl > r.MaxEl:
		o.Visibility = AboveMaxEl
		return o
	case !r.inSector(az):
		o.Visibility = OutOfAzimuth
		return o
	case !s.Visible:
		o.Visibility = BelowHorizon
		return o
	}
	if !(rcs > 0) || math.IsInf(rcs, 1) {
		rcs = 0
	}
	rcs = r.clutterRCSAt(t.Alt, rng, rcs)
	o.SNR = r.Equation.SNR(rcs, math.Max(rng, 1))
	o.Pd = r.Detector.Pd(o.SNR)
	if rcs == 0 {
		o.Pd = 0
	}
	return o
}

// NearPulseWidth is the pulse width, s, of the short waveform a radar
// interleaves for near targets, which sets its blind range: long search
// and track pulses (1 ms for the AN/TPY-2 of this catalog, 4 ms for the
// UEWR) would blind it for 150 to 600 km, and real radars are not blind
// there: they send a short pulse, or a short uncompressed one, to cover
// what the long pulse eclipses (Richards, Fundamentals of Radar Signal
// Processing, 2nd ed., §3.1; Skolnik, Radar Handbook, 3rd ed., ch. 8 on
// pulse compression and the eclipsed zone). 1 µs (150 m) is an
// assumption: no catalog radar's near-range waveform is public.
const NearPulseWidth = 1e-6

// BlindRange is the radar's eclipsed range cτ/2, m, τ the shorter of the
// Equation's pulse width and NearPulseWidth. A monostatic pulsed radar
// isolates its receiver from the antenna while it transmits, so the echo
// of a target closer than cτ/2 arrives (at least in part) while the
// receiver is off: the minimum range from which a full echo is received
// is R_min = cτ/2 (Richards, §3.1 and Fig. 3.1). A look detects nothing
// closer, and no measured range is shorter, so a missile that lands on
// the radar is not measured at a negative range.
func (r *Radar) BlindRange() float64 {
	return SpeedOfLight * min(r.Equation.PulseWidth, NearPulseWidth) / 2
}

// inRange reports whether a target at range rn lies within the
// instrumented range, neither closer than MinRange nor in the blind range.
func (r *Radar) inRange(rn float64) bool {
	return rn >= r.MinRange && rn >= r.BlindRange() && rn <= r.MaxRange
}

func (r *Radar) inSector(az float64) bool {
	if r.HalfWidthAz >= math.Pi {
		return true
	}
	d := az - r.BoresightAz
	if math.Abs(d) <= math.Pi {
		// math.Remainder(d, 2π) is d itself here: its Mod by 4π leaves
		// d, and |d| ≤ π takes neither of its subtractions.
		return math.Abs(d) <= r.HalfWidthAz
	}
	d = math.Remainder(d, 2*math.Pi)
	return math.Abs(d) <= r.HalfWidthAz
}

// Frame returns the radar's local east-north-up frame (valid after Init).
func (r *Radar) Frame() geo.ENU { return r.enu }

// Detection is one measurement of a target in the radar's local frame
// (ENU at the site): refraction-corrected slant range, azimuth and
// elevation, each with an independent Gaussian error. The detection
// probability the draw was made against is Detector.Pd(SNR).
type Detection struct {
	Time  float64 // s from the scenario epoch
	Index int     // index of the target in Scan; 0 for Look
	Range float64 // measured slant range, m
	Az    float64 // measured azimuth, rad clockwise from north in [0, 2π)
	El    float64 // measured elevation, rad
	// Cov is the covariance of (Range, Az, El), diagonal, in m² and rad².
	Cov        [3][3]float64
	SigmaRange float64 // m
	SigmaAz    float64 // rad
	SigmaEl    float64 // rad
	SNR        float64 // single-pulse SNR, linear
	DwellSNR   float64 // SNR of the whole dwell, n·SNR, linear
}

// Look makes one dwell on a target at ECEF position target (m) with radar
// cross section rcs (m²) at time t (s): it checks visibility, draws the
// detection with probability Pd and, when detected, draws the measurement
// errors. All randomness comes from rng; a target that is not visible
// consumes no random numbers, a visible one one uniform draw, and a
// detection three more normal draws.
//
// It decides what Observe would, more cheaply: the azimuth sector before
// the line of sight (either failing hides the target), and the draw
// against Pd tabulated on a grid of SNR, computing Pd only for a draw
// between two grid values.
func (r *Radar) Look(t float64, target r3.Vec, rcs float64, rng *rand.Rand) (Detection, bool) {
	if !r.ready || rng == nil {
		return Detection{}, false
	}
	az, el, rn := r.enu.AzElRange(target)
	if az < 0 {
		az += 2 * math.Pi
	}
	if !r.inRange(rn) || !r.inSector(az) {
		return Detection{}, false
	}
	g := geo.WGS84.ToGeodetic(target) // for the line of sight and the clutter
	if !r.inSightAt(g, el) {
		return Detection{}, false
	}
	return r.dwell(t, az, el, rn, r.clutterRCSAt(g.Alt, rn, rcs), rng)
}

// LookInSight is Look at a target that Clear has shown to be in sight
// (within the elevation limits and above the horizon): it checks the
// instrumented range and the azimuth sector, and skips the line of sight.
// On such a target it draws the same random numbers as Look and returns
// what Look returns to rounding: its range and elevation take √(x² + y²
// (+ z²)) where Look takes hypot's scaled forms (two square roots and two
// divisions fewer a look; relative differences of an ulp or two, far
// inside any σ; the coordinates are of Earth's size, so the squares
// neither overflow nor underflow).
func (r *Radar) LookInSight(t float64, target r3.Vec, rcs float64, rng *rand.Rand) (Detection, bool) {
	var d Detection
	ok := r.LookInSightTo(&d, t, target, rcs, rng)
	return d, ok
}

// LookInSightTo is LookInSight writing the detection to d, which it leaves
// as it was when it reports no detection: a trial's looks fill one
// detection in place instead of copying it out through the calls.
func (r *Radar) LookInSightTo(d *Detection, t float64, target r3.Vec, rcs float64, rng *rand.Rand) bool {
	if !r.ready || rng == nil {
		return false
	}
	// geo.ENU.AzElRange's arithmetic, each part computed only when it is
	// needed: the range for the range check and the SNR, the azimuth for
	// a sector (or a detection), the elevation for a detection.
	l := r.enu.FromECEF(target)
	rn := math.Sqrt(l.X*l.X + l.Y*l.Y + l.Z*l.Z)
	if !r.inRange(rn) {
		return false
	}
	az, haveAz := 0.0, false
	if r.HalfWidthAz < math.Pi {
		az, haveAz = enuAzimuth(l), true
		if !r.inSector(az) {
			return false
		}
	}
	snr, ok := r.draw(rn, r.clutterRCS(target, rn, rcs), rng)
	if !ok {
		return false
	}
	if !haveAz {
		az = enuAzimuth(l)
	}
	el := atan2(l.Z, math.Sqrt(l.X*l.X+l.Y*l.Y))
	r.measureTo(d, t, az, el, rn, snr, rng)
	return true
}

// enuAzimuth is the azimuth of local east-north-up coordinates l, rad
// clockwise from north in [0, 2π]: geo.ENU.AzElRange's.
func enuAzimuth(l r3.Vec) float64 {
	az := atan2(l.X, l.Y)
	if az < 0 {
		az += 2 * math.Pi
	}
	return az
}

// inSight reports whether a target at ECEF position target, at geometric
// elevation el, lies within the elevation limits (on its apparent
// elevation) and above the horizon: what Observe checks after the range.
func (r *Radar) inSight(target r3.Vec, el float64) bool {
	return r.inSightAt(geo.WGS84.ToGeodetic(target), el)
}

// inSightAt is inSight of a target at geodetic position g.
func (r *Radar) inSightAt(g geo.LLA, el float64) bool {
	s := LineOfSight(geo.WGS84, r.RefractionK, r.Site, g)
	if s.Ground > 0 {
		el = s.Elev
	}
	return !(el < r.MinEl) && !(el > r.MaxEl) && s.Visible
}

// dwell draws the detection of a visible target at true azimuth az,
// elevation el and range rn, and its measurement errors.
func (r *Radar) dwell(t, az, el, rn, rcs float64, rng *rand.Rand) (Detection, bool) {
	snr, ok := r.draw(rn, rcs, rng)
	if !ok {
		return Detection{}, false
	}
	return r.measure(t, az, el, rn, snr, rng), true
}

// draw makes the detection draw of a dwell on a visible target at range
// rn: one uniform draw against Pd. It returns the single-pulse SNR and
// whether the dwell detected.
func (r *Radar) draw(rn, rcs float64, rng *rand.Rand) (float64, bool) {
	if !(rcs > 0) || math.IsInf(rcs, 1) {
		rcs = 0
	}
	snr := r.snr(rcs, max(rn, 1)) // the builtin is math.Max, inline
	u := rng.Float64()
	if rcs == 0 || !r.detected(snr, u) {
		return 0, false
	}
	return snr, true
}

// measure draws the measurement errors of a detection of single-pulse SNR
// snr at true azimuth az, elevation el and range rn. The measured range is
// at least BlindRange (the receiver's first range gate), so it is
// positive even for an error draw larger than the range.
func (r *Radar) measure(t, az, el, rn, snr float64, rng *rand.Rand) Detection {
	var d Detection
	r.measureTo(&d, t, az, el, rn, snr, rng)
	return d
}

// measureTo is measure writing to d. The three normal draws are made in
// the order range, azimuth, elevation.
func (r *Radar) measureTo(d *Detection, t, az, el, rn, snr float64, rng *rand.Rand) {
	dwell := snr * float64(r.Detector.Pulses)
	sr, sa, se := r.lookSigmas(dwell)
	*d = Detection{Time: t, SNR: snr, DwellSNR: dwell, SigmaRange: sr, SigmaAz: sa, SigmaEl: se}
	d.Range = max(rn+sr*rng.NormFloat64(), r.BlindRange())
	d.Az = wrapAzimuth(az + sa*rng.NormFloat64() + 2*math.Pi)
	d.El = el + se*rng.NormFloat64()
	d.Cov[0][0], d.Cov[1][1], d.Cov[2][2] = sr*sr, sa*sa, se*se
}

// wrapAzimuth is math.Mod(x, 2π), without Mod's loop for x in [0, 4π):
// there Mod returns x below 2π and x − 2π from 2π on (one step of its
// loop, as Frexp and Ldexp work out for a divisor of 2π), the same
// float operations (TestWrapAzimuthIsMod).
func wrapAzimuth(x float64) float64 {
	const turn = 2 * math.Pi
	switch {
	case x >= 0 && x < turn:
		return x
	case x >= turn && x < 2*turn:
		return x - turn
	}
	return math.Mod(x, turn)
}

// snr is Equation.SNR(rcs, rn), with the equation's constant from Init
// while the Equation is unchanged: the same arithmetic, c·σ/(R²·R²).
func (r *Radar) snr(rcs, rn float64) float64 {
	if r.Equation != r.snrEq {
		return r.Equation.SNR(rcs, rn)
	}
	r2 := rn * rn
	return r.snrC * rcs / (r2 * r2)
}

// detected reports whether the draw u detects a dwell of single-pulse
// SNR snr: u < Detector.Pd(snr), by the table unless Detector has changed
// since Init.
func (r *Radar) detected(snr, u float64) bool {
	if r.pd.det != r.Detector {
		return u < r.Detector.Pd(snr)
	}
	return r.pd.detected(snr, u)
}

// Target is one target of a Scan.
type Target struct {
	Pos r3.Vec  // ECEF position, m
	RCS float64 // radar cross section for this look, m²
}

// Scan looks once at each target and appends the detections to dst, with
// Index set to the target's index. It draws from rng in target order.
func (r *Radar) Scan(t float64, targets []Target, rng *rand.Rand, dst []Detection) []Detection {
	for i, tg := range targets {
		if d, ok := r.Look(t, tg.Pos, tg.RCS, rng); ok {
			d.Index = i
			dst = append(dst, d)
		}
	}
	return dst
}
