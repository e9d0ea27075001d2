package flight

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// DefaultBeta is the reentry ballistic coefficient used for burnout-state
// flights that give none, kg/m² (a modern conical RV; Regan & Anandakrishnan,
// Dynamics of Atmospheric Re-Entry, 1993, give 1,000–20,000 kg/m²).
const DefaultBeta = 5000.0

// Launch is an initial condition to propagate without aiming.
type Launch struct {
	// Site is the launch point. For a burnout-state flight it is the burnout
	// point and Site.Alt the burnout altitude.
	Site geo.LLA
	Time float64 // launch (or burnout) time, s from the scenario epoch

	// Missile, if non-nil, is flown through boost with Steering.
	Missile  *Missile
	Steering Steering

	// Burnout state, Earth-relative, for Missile == nil.
	Speed   float64 // m/s
	Angle   float64 // flight-path angle above the local horizontal, rad
	Azimuth float64 // rad clockwise from north
	Beta    float64 // reentry ballistic coefficient, kg/m²; 0: DefaultBeta, <0: no drag

	ImpactAlt float64 // flight ends descending through this height, m
}

// Fly propagates a ballistic flight from l until impact.
func Fly(earth Earth, l Launch) (*Trajectory, error) {
	if err := validateEarth(earth); err != nil {
		return nil, err
	}
	if err := validateLLA("site", l.Site); err != nil {
		return nil, err
	}
	if l.Missile != nil {
		if err := l.Missile.validate(); err != nil {
			return nil, err
		}
	} else if !(l.Speed > 0) {
		return nil, &InputError{Field: "speed", Value: l.Speed, Reason: "burnout speed must be positive"}
	} else if err := checkBurnout(earth, l.Site, l.Speed); err != nil {
		return nil, err
	}
	g := newEngine(earth)
	g.record = true
	res, err := g.fly(&l, false)
	if err != nil {
		return nil, err
	}
	tr := summarise(earth, &res, l.Site, geo.LLA{}, false)
	tr.dense = g.dense
	if l.Missile != nil {
		tr.Name = l.Missile.Name
		tr.Steering = l.Steering
		tr.Steering.Cutoff = res.cutoff
	}
	tr.Flights = 1
	return tr, nil
}

// fly runs one propagation; with boostOnly it stops at burnout.
func (g *engine) fly(l *Launch, boostOnly bool) (flightResult, error) {
	var res flightResult
	g.dense = g.dense[:0]
	res.launchT = l.Time
	var (
		t float64
		y vec7
	)
	if l.Missile != nil {
		var err error
		st := l.Steering
		if st.VerticalRise == 0 && st.PitchOver == 0 {
			st.VerticalRise, st.PitchOver = l.Missile.BoostTiming()
		}
		t, y, err = g.boostFlight(l.Missile, l.Site, l.Time, st, &res)
		if err != nil {
			return res, err
		}
		g.invBeta = 0
		if l.Missile.Beta > 0 {
			g.invBeta = 1 / l.Missile.Beta
		}
	} else {
		t = l.Time
		y = burnoutState(g.earth, l.Site, t, l.Speed, l.Angle, l.Azimuth)
		switch {
		case l.Beta == 0:
			g.invBeta = 1 / DefaultBeta
		case l.Beta > 0:
			g.invBeta = 1 / l.Beta
		default:
			g.invBeta = 0
		}
	}
	res.boT, res.boY = t, y
	if boostOnly {
		return res, nil
	}
	err := g.coast(t, y, l.ImpactAlt, l.Missile == nil, l.Missile != nil, &res)
	return res, err
}

// burnoutState returns the ECI state at time t of a vehicle at p moving at
// Earth-relative speed v, flight-path angle gamma and azimuth az.
func burnoutState(e Earth, p geo.LLA, t, v, gamma, az float64) vec7 {
	enu := e.Ellipsoid.NewENU(p)
	sg, cg := math.Sincos(gamma)
	sa, ca := math.Sincos(az)
	vel := enu.Unrotate(r3.Vec{X: v * cg * sa, Y: v * cg * ca, Z: v * sg})
	pi, vi := e.rotation().ECIFromECEF(enu.OriginECEF, vel, t)
	return vec7{pi.X, pi.Y, pi.Z, vi.X, vi.Y, vi.Z, 0}
}

func validateEarth(e Earth) error {
	if !(e.Ellipsoid.A > 0) || e.Ellipsoid.F < 0 || e.Ellipsoid.F >= 1 {
		return &InputError{Field: "earth.ellipsoid", Value: e.Ellipsoid, Reason: "semi-major axis must be positive and flattening in [0, 1)"}
	}
	if !(e.GM > 0) {
		return &InputError{Field: "earth.gm", Value: e.GM, Reason: "must be positive"}
	}
	return nil
}

func validateLLA(field string, p geo.LLA) error {
	if !(math.Abs(p.Lat) <= math.Pi/2) || math.IsNaN(p.Lon) || math.IsInf(p.Lon, 0) || math.IsNaN(p.Alt) || math.IsInf(p.Alt, 0) {
		return &InputError{Field: field, Value: p, Reason: "latitude must be within ±90° and all coordinates finite"}
	}
	return nil
}
