package flight

import (
	"errors"
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// This file holds the checks of a burnout-state flight (one that starts at
// burnout, with no missile flown through boost): its burnout altitude and
// its speed against escape speed.

// MaxBurnoutAlt is the highest burnout altitude a burnout-state flight may
// start at, m above the ellipsoid: the highest apogee a scenario accepts
// (5,000 km), since burnout lies at or below apogee.
const MaxBurnoutAlt = 5000e3

// SurfaceEscapeSpeed is the escape speed at the WGS-84 equatorial radius,
// √(2μ/a) = 11.18 km/s, m/s: the "11.2 km/s" of the textbooks.
var SurfaceEscapeSpeed = EscapeSpeed(geo.WGS84GM, geo.WGS84.A)

// EscapeSpeed returns √(2μ/r), the inertial speed at distance r from the
// Earth's centre at which a ballistic flight no longer comes back (Bate,
// Mueller & White 1971, ch. 1), m/s.
func EscapeSpeed(gm, r float64) float64 { return math.Sqrt(2 * gm / r) }

// BurnoutEscapeSpeed returns the escape speed at the burnout point p (its
// altitude included) in earth e, m/s.
func BurnoutEscapeSpeed(e Earth, p geo.LLA) float64 {
	return EscapeSpeed(e.GM, r3.Norm(e.Ellipsoid.ToECEF(p)))
}

// checkBurnout refuses a burnout altitude out of range, and an
// Earth-relative burnout speed v at or above escape speed at burnout point
// p: such a flight would never come back down, and the propagation would
// run to its time limit before saying so.
func checkBurnout(e Earth, p geo.LLA, v float64) error {
	if !(p.Alt >= 0 && p.Alt <= MaxBurnoutAlt) {
		return &InputError{Field: "burnout_alt_km", Value: p.Alt / 1e3, Reason: fmt.Sprintf("allowed: 0 to %g km above the ellipsoid", MaxBurnoutAlt/1e3)}
	}
	if esc := BurnoutEscapeSpeed(e, p); v >= esc {
		return &InputError{Field: "burnout_speed_kms", Value: v / 1e3, Reason: escapeReason(esc, p.Alt) + ": the flight would never come back down"}
	}
	return nil
}

// escapeReason says that a speed is above the escape speed esc at burnout
// altitude alt (m).
func escapeReason(esc, alt float64) string {
	at := "at the surface"
	if alt > 0 {
		at = fmt.Sprintf("at the burnout altitude of %.0f km; %.1f km/s at the surface", alt/1e3, SurfaceEscapeSpeed/1e3)
	}
	return fmt.Sprintf("above escape speed (%.1f km/s %s)", esc/1e3, at)
}

// escapeError explains a fixed-speed solve that failed because its flights
// escaped: an Earth-relative speed below escape speed that the Earth's
// rotation (up to ωr cos φ eastward) lifts above it. It returns nil when
// err is not an escape.
func escapeError(e Earth, p geo.LLA, v float64, err error) error {
	if !errors.Is(err, ErrNoImpact) {
		return nil
	}
	esc := BurnoutEscapeSpeed(e, p)
	pos := e.Ellipsoid.ToECEF(p)
	inertial := v + e.Omega*math.Hypot(pos.X, pos.Y)
	if inertial < esc {
		return nil
	}
	return &InputError{Field: "burnout_speed_kms", Value: v / 1e3, Reason: fmt.Sprintf(
		"with the Earth's rotation the inertial speed toward the east reaches %.2f km/s, %s, so no flight at this speed comes back down to the aim point",
		inertial/1e3, escapeReason(esc, p.Alt))}
}

// burnoutPoint is where the burnout-state flight of s starts: the launch
// point at the burnout altitude.
func burnoutPoint(s Shot) geo.LLA {
	bo := s.Launch
	bo.Alt = s.BurnoutAlt
	return bo
}
