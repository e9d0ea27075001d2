package intercept

import (
	"fmt"
	"math"
	"strings"
	"sync/atomic"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
)

// DragCoefficient is the zero-lift drag coefficient of an interceptor body,
// used with its catalog diameter_m to get Cd·A. Assumption: 0.3 is typical
// of slender missiles at supersonic Mach numbers (Fleeman, Tactical Missile
// Design, 2nd ed., 2006, ch. 2); the same value as package sim's boosters.
const DragCoefficient = 0.3

// DefaultMaxFlyoutTime bounds a flyout when the catalog gives no
// max_flyout_time_s, s.
const DefaultMaxFlyoutTime = 900.0

// Interceptor is one interceptor type with every catalog value taken at one
// pick. Lengths are m, speeds m/s, times s. Either Stages (flown with their
// thrust, burn times and masses) or BurnoutSpeed and BurnTime (a constant
// thrust acceleration calibrated to reach BurnoutSpeed, no drag) define the
// flyout; FromCatalog uses the stages when the entry has them.
//
// The fields that shape the flyout (Stages to PitchOver) key the envelope
// cache; change them only on a copy before its first Envelope call.
type Interceptor struct {
	Name string
	Pick catalog.Pick

	Stages       []flight.Stage // bottom stage first; nil: burnout model
	Payload      float64        // kg above the last stage (kill vehicle, shroud)
	BurnoutSpeed float64        // catalog burnout speed, m/s
	BurnTime     float64        // s
	Diameter     float64        // drag reference diameter, m; 0: no drag
	MaxFlyout    float64        // longest flyout considered, s
	VerticalRise float64        // s
	PitchOver    float64        // s
	// IspScale is the factor by which FromCatalog scaled each stage's
	// catalog (central) specific impulse so that the flyout burns out at
	// BurnoutSpeed (see calibrateStages); 1 without stages.
	IspScale float64

	MinAlt, MaxAlt  float64       // intercept altitude limits, m
	MaxRange        float64       // ground range limit, m
	MinClosingSpeed float64       // m/s
	Pk              catalog.Value // single-shot kill probability band
	Divert          float64       // kill-vehicle divert Δv, m/s; 0: unknown
	SeekerRange     float64       // seeker acquisition range, m; 0: unknown
	// Air is the envelope against cruise missiles and aircraft; nil when
	// the catalog gives no max_range_air_km (air.go).
	Air *AirEnvelope

	env atomic.Pointer[envEntry] // the cached envelope, after the first Envelope call
}

// PkSSP returns the single-shot kill probability at the interceptor's pick.
func (ic *Interceptor) PkSSP() float64 { return ic.Pk.At(ic.Pick) }

// FromCatalog builds an Interceptor from a catalog interceptor entry with
// every value at pick. Missing optional values get documented defaults:
// MaxFlyout DefaultMaxFlyoutTime, Divert and SeekerRange 0 (no homing
// model), Diameter 0 (no drag).
func FromCatalog(e catalog.Entry, pick catalog.Pick) (*Interceptor, error) {
	if e.Kind != catalog.KindInterceptor {
		return nil, fmt.Errorf("intercept: %s is %s, not an interceptor", e.Name, e.Kind.A())
	}
	var missing []string
	get := func(key string, scale float64) float64 {
		v, ok := e.Param(key)
		if !ok {
			missing = append(missing, key)
			return math.NaN()
		}
		return v.At(pick) * scale
	}
	opt := func(key string, scale, def float64) float64 {
		if v, ok := e.Param(key); ok {
			return v.At(pick) * scale
		}
		return def
	}
	ic := &Interceptor{
		Name:            e.Name,
		Pick:            pick,
		BurnoutSpeed:    get("burnout_speed_kms", 1e3),
		BurnTime:        get("burn_time_s", 1),
		MinAlt:          get("min_intercept_alt_km", 1e3),
		MaxAlt:          get("max_intercept_alt_km", 1e3),
		MaxRange:        get("max_range_km", 1e3),
		MinClosingSpeed: get("min_closing_speed_kms", 1e3),
		Diameter:        opt("diameter_m", 1, 0),
		MaxFlyout:       opt("max_flyout_time_s", 1, DefaultMaxFlyoutTime),
		Divert:          opt("divert_mps", 1, 0),
		SeekerRange:     opt("seeker_acquisition_range_km", 1e3, 0),
	}
	ic.Pk, _ = e.Param("pk")
	if _, ok := e.Param("pk"); !ok {
		missing = append(missing, "pk")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("intercept: catalog entry %s lacks %s", e.Name, strings.Join(missing, ", "))
	}
	if len(e.Stages) > 0 {
		heavy := massPick(pick)
		top, ok := e.UpperMassKg(heavy)
		if !ok {
			return nil, fmt.Errorf("intercept: catalog entry %s has stages but no upper_stack_kg or kill_vehicle_kg", e.Name)
		}
		ic.Payload = top
		for _, s := range e.Stages {
			// the stage's catalog (central) specific impulse at the
			// pick's mass flow; calibrateStages then scales it
			mp, tb := s.PropellantKg.At(pick), s.BurnTimeS.At(pick)
			ic.Stages = append(ic.Stages, flight.Stage{
				Thrust:         s.Isp(catalog.PickCentral) * catalog.G0 * mp / tb,
				BurnTime:       tb,
				PropellantMass: mp,
				DryMass:        s.DryKg.At(heavy),
			})
		}
	}
	ic.VerticalRise, ic.PitchOver = boostTiming(ic.burnTime())
	ic.IspScale = 1
	if err := ic.calibrateStages(); err != nil {
		return nil, err
	}
	ic.Air = airEnvelope(e, ic)
	return ic, ic.validate()
}

// massPick is the pick at which the stage dry masses and the mass above the
// last stage are read for an interceptor at pick p: the other end of their
// bands, so that PickLow is the pessimistic interceptor throughout (heavy
// and slow, as its burnout_speed_kms low end) and PickHigh the optimistic
// one, as radar.FromCatalog reads its bands.
func massPick(p catalog.Pick) catalog.Pick {
	switch p {
	case catalog.PickLow:
		return catalog.PickHigh
	case catalog.PickHigh:
		return catalog.PickLow
	}
	return p
}

// boostTiming is flight.Missile.BoostTiming: a vertical rise of
// min(10 s, 8 % of the burn) and a pitch-over of min(10 s, 12 %).
func boostTiming(burn float64) (rise, pitch float64) {
	return math.Min(flight.DefaultVerticalRise, 0.08*burn), math.Min(flight.DefaultPitchOver, 0.12*burn)
}

// burnTime is the total burn time of the flyout model.
func (ic *Interceptor) burnTime() float64 {
	if len(ic.Stages) == 0 {
		return ic.BurnTime
	}
	var s float64
	for _, st := range ic.Stages {
		s += st.BurnTime
	}
	return s
}

// launchMass is the lift-off mass of the staged model, kg.
func (ic *Interceptor) launchMass() float64 {
	m := ic.Payload
	for _, s := range ic.Stages {
		m += s.PropellantMass + s.DryMass
	}
	return m
}

func (ic *Interceptor) validate() error {
	bad := func(field string, v any, why string) error {
		return fmt.Errorf("intercept: %s: %s = %v: %s", ic.Name, field, v, why)
	}
	if len(ic.Stages) == 0 {
		if !(ic.BurnoutSpeed > 0 && ic.BurnTime > 0) {
			return bad("burnout speed, burn time", [2]float64{ic.BurnoutSpeed, ic.BurnTime}, "both must be positive without stages")
		}
	} else {
		if !(ic.Payload > 0) {
			return bad("payload", ic.Payload, "must be positive")
		}
		for i, s := range ic.Stages {
			if !(s.Thrust > 0 && s.BurnTime > 0 && s.PropellantMass > 0 && s.DryMass >= 0 && s.PropellantMass+s.DryMass > 0) {
				return bad(fmt.Sprintf("stage %d", i+1), s, "thrust, burn time and propellant must be positive, dry mass non-negative")
			}
		}
		if ic.Stages[0].Thrust <= ic.launchMass()*catalog.G0 {
			return bad("stage 1 thrust", ic.Stages[0].Thrust, "must exceed the launch weight")
		}
		if len(ic.Stages) > maxStages {
			return bad("stages", len(ic.Stages), fmt.Sprintf("at most %d", maxStages))
		}
	}
	if !(ic.MaxFlyout > ic.burnTime()) {
		return bad("max flyout time", ic.MaxFlyout, "must exceed the burn time")
	}
	if !(ic.Diameter >= 0) || !(ic.VerticalRise >= 0) || !(ic.PitchOver >= 0) {
		return bad("diameter, vertical rise, pitch-over", [3]float64{ic.Diameter, ic.VerticalRise, ic.PitchOver}, "must be non-negative")
	}
	if !(ic.MinAlt <= ic.MaxAlt) || !(ic.MaxRange > 0) || math.IsNaN(ic.MinClosingSpeed) {
		return bad("altitude and range limits", [3]float64{ic.MinAlt, ic.MaxAlt, ic.MaxRange}, "need min ≤ max altitude and a positive range")
	}
	return nil
}

// maxStages bounds the stage count (the envelope cache key holds an array).
const maxStages = 4

// flyoutKey is the comparable set of fields that determine an envelope.
type flyoutKey struct {
	name                           string
	pick                           catalog.Pick
	n                              int
	stages                         [maxStages]flight.Stage
	payload, vbo, burn, diam, tmax float64
	rise, pitch                    float64
}

func (ic *Interceptor) key() flyoutKey {
	k := flyoutKey{name: ic.Name, pick: ic.Pick, n: len(ic.Stages), payload: ic.Payload,
		vbo: ic.BurnoutSpeed, burn: ic.BurnTime, diam: ic.Diameter, tmax: ic.MaxFlyout,
		rise: ic.VerticalRise, pitch: ic.PitchOver}
	copy(k.stages[:], ic.Stages)
	if k.n > 0 {
		k.vbo, k.burn = 0, 0 // staged flyouts do not use them
	}
	return k
}

// WithBurnout returns a copy of ic flown by the burnout model at burnout
// speed v (m/s) over ic's burn time, named "NAME (v km/s)": the
// hypothetical faster or slower interceptor of a burnout-speed sweep.
func (ic *Interceptor) WithBurnout(v float64) *Interceptor {
	return &Interceptor{
		Name: fmt.Sprintf("%s (%.2f km/s)", ic.Name, v/1e3), Pick: ic.Pick,
		BurnoutSpeed: v, BurnTime: ic.burnTime(), Diameter: ic.Diameter, MaxFlyout: ic.MaxFlyout, IspScale: 1,
		VerticalRise: ic.VerticalRise, PitchOver: ic.PitchOver,
		MinAlt: ic.MinAlt, MaxAlt: ic.MaxAlt, MaxRange: ic.MaxRange, MinClosingSpeed: ic.MinClosingSpeed,
		Pk: ic.Pk, Divert: ic.Divert, SeekerRange: ic.SeekerRange,
	}
}
