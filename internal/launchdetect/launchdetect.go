package launchdetect

import (
	"math"
	"math/rand/v2"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// Sensor is one owner's space-based launch-detection system.
type Sensor struct {
	Name  string
	Owner string
	// Delay is the time from first sight of the plume to the report reaching
	// the owner, s.
	Delay float64
	// MinAlt is the altitude above which the plume is seen (cloud tops and
	// atmospheric absorption hide it below), m.
	MinAlt float64
	// Sigma is the 1σ error of the reported launch point, per horizontal
	// axis, m.
	Sigma float64
}

// Default parameters. All are assumptions (see the package documentation).
const (
	DefaultDelay  = 30.0   // s
	DefaultMinAlt = 10e3   // m: above typical cloud tops
	DefaultSigma  = 2000.0 // m
)

// WithDefaults returns s with zero parameters replaced by the defaults.
func (s Sensor) WithDefaults() Sensor {
	if s.Delay == 0 {
		s.Delay = DefaultDelay
	}
	if s.MinAlt == 0 {
		s.MinAlt = DefaultMinAlt
	}
	if s.Sigma == 0 {
		s.Sigma = DefaultSigma
	}
	return s
}

// Warning is a launch report.
type Warning struct {
	Sensor, Owner string
	Time          float64 // when the report reaches the owner, s from the epoch
	SeenAt        float64 // when the plume was first seen, s
	Launch        geo.LLA // estimated launch point
	Sigma         float64 // 1σ launch-point error, m
	Azimuth       float64 // estimated heading of the boost, rad clockwise from north
}

// timeTol is the accuracy with which the first-sight time is located, s.
const timeTol = 0.05

// Observe returns the warning the sensor gives of a ballistic flight, if
// any. rng draws the launch-point error.
func (s Sensor) Observe(tr *flight.Trajectory, rng *rand.Rand) (Warning, bool) {
	seen, ok := s.FirstSight(tr)
	if !ok {
		return Warning{}, false
	}
	e := geo.WGS84.NewENU(tr.Launch)
	dE, dN := s.LaunchError(rng)
	est := geo.WGS84.ToGeodetic(e.ToECEF(vec(dE, dN, 0)))
	est.Alt = 0
	v := e.Rotate(tr.At(seen).Vel)
	return Warning{
		Sensor: s.Name, Owner: s.Owner,
		Time: seen + s.Delay, SeenAt: seen,
		Launch: est, Sigma: s.Sigma,
		Azimuth: math.Mod(math.Atan2(v.X, v.Y)+2*math.Pi, 2*math.Pi),
	}, true
}

// FirstSight returns when the sensor first sees the plume of a ballistic
// flight (it climbs through MinAlt before burnout), located within
// timeTol, and whether it does. It draws nothing: a warning's time,
// FirstSight + Delay, is the same in every trial; Observe adds the
// launch-point error.
func (s Sensor) FirstSight(tr *flight.Trajectory) (float64, bool) {
	if tr == nil {
		return 0, false
	}
	alt := func(t float64) float64 { return tr.At(t).LLA.Alt }
	t0, t1 := tr.LaunchTime, tr.BurnoutTime
	if !(t1 > t0) || alt(t1) < s.MinAlt {
		return 0, false
	}
	lo, hi := t0, t1
	for hi-lo > timeTol {
		m := (lo + hi) / 2
		if alt(m) < s.MinAlt {
			lo = m
		} else {
			hi = m
		}
	}
	return hi, true
}

// LaunchError draws the error of a warning's launch point, east and north,
// m: what Observe draws from rng for each warning it gives.
func (s Sensor) LaunchError(rng *rand.Rand) (dE, dN float64) {
	return rng.NormFloat64() * s.Sigma, rng.NormFloat64() * s.Sigma
}
