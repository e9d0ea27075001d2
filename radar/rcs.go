package radar

import (
	"fmt"

	"github.com/rampart-sim/rampart/catalog"
)

// RCSBand returns the catalog's radar cross section band (m²) of a target
// entry in a flight phase: for a ballistic missile rcs_booster_m2 while
// boosting (powered flight, flight.Boost) and rcs_rv_m2 after burnout; for
// cruise missiles and aircraft rcs_m2. The band stands for the unknown
// aspect; the Swerling case models the fluctuation about a draw from it.
func RCSBand(e catalog.Entry, boosting bool) (catalog.Value, error) {
	key := "rcs_m2"
	if e.Kind == catalog.KindBallisticMissile {
		key = "rcs_rv_m2"
		if boosting {
			key = "rcs_booster_m2"
		}
	}
	v, ok := e.Param(key)
	if !ok {
		return catalog.Value{}, fmt.Errorf("%w: catalog entry %s has no %s", ErrInput, e.Name, key)
	}
	return v, nil
}

// SampleRCS draws a radar cross section (m²) from the entry's band for the
// phase, mapping u in [0, 1] (from the trial's generator) through the
// band's triangular distribution (catalog.Value.Sample).
func SampleRCS(e catalog.Entry, boosting bool, u float64) (float64, error) {
	v, err := RCSBand(e, boosting)
	if err != nil {
		return 0, err
	}
	return v.Sample(u), nil
}
