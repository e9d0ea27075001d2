package flight

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

// bandReference is where the catalog picks are calibrated and checked: on
// the equator, so that the Earth's rotation (465 m/s eastward there) is
// largest, flown due north (across the rotation: it neither adds to nor
// subtracts from the along-track speed) and due west (against it: the
// shortest range on any azimuth).
var bandReference = geo.LLADeg(0, 30, 0)

const (
	// pickRangeTol is the relative difference allowed between the maximum
	// range flown due north at a pick and the catalog range_km at that
	// pick: the bands are stated to two or three significant figures
	// ("close to 2,000 km", "~11,000-12,000 km"), so 1 % is below their
	// precision, and above the rounding of range_isp_scale to four
	// decimals (at most 0.1 % of range for an ICBM, whose range changes
	// about ten times as fast as the factor).
	pickRangeTol = 0.01

	// westRangeTol is how far below the low end of the band the maximum
	// range flown due west from the equator may be. A published range
	// names no azimuth, and the picks are calibrated due north, across
	// the rotation. Flown due west on the equator a missile loses the
	// ground's 465 m/s along track; at the stages' sensitivity (for RS-24
	// Yars, 1 % of specific impulse, about 80 m/s of ideal Δv, moves the
	// range by 5 %) that is about 8 % of an ICBM's range; measured: 8-10 %
	// for RS-24 Yars, 12-13 % for Topol-M, 2-4 % for the MRBMs and 0-1 %
	// for Iskander-M. 15 % bounds the ICBMs with a margin.
	westRangeTol = 0.15

	// Stage specific impulse limits, s, for the scaled stages: liquid and
	// solid motors deliver about 230-300 s (Sutton & Biblarz, Rocket
	// Propulsion Elements, 9th ed., 2017, table 12-3 for solids; the
	// catalog's liquid stages assume 238-283 s); a factor beyond these
	// would be an impossible motor, not a calibration.
	minPickIsp = 200.0
	maxPickIsp = 320.0
)

// bandMaxRange returns the maximum range, km, that m flies from
// bandReference on azimuth az (rad), as Solve reports it for an aim beyond
// reach. The aim is tried at a few distances beyond the band's high end
// (far beyond the reach, the full-burn aim search can fail to converge);
// an aim that is hit means the range exceeds it: ok is false.
func bandMaxRange(m *Missile, az float64, rng catalog.Value) (km float64, ok bool, err error) {
	var errs []error
	for _, f := range []float64{1.5, 1.25, 2, 1.1} {
		aimKm := math.Min(f*rng.High, 18000)
		lat, lon, _ := geo.WGS84.Direct(bandReference.Lat, bandReference.Lon, az, aimKm*1e3)
		_, err := Solve(WGS84Earth(), Shot{Launch: bandReference, Aim: geo.LLA{Lat: lat, Lon: lon}, Missile: m})
		var re *RangeError
		switch {
		case errors.As(err, &re) && re.MaxRange > 0:
			return re.MaxRange / 1e3, true, nil
		case err == nil:
			return aimKm, false, nil
		}
		errs = append(errs, fmt.Errorf("%s to %.0f km at %.0f°: %w", m.Name, aimKm, az*180/math.Pi, err))
	}
	return 0, false, errors.Join(errs...)
}

// solveRangeIspScale returns the range_isp_scale at which e, at pick p,
// flies targetKm due north from bandReference (regula falsi with the
// Illinois modification on [0.8, 1.2]). It is how the catalog factors were
// found; the test reports it when a stored factor has drifted.
func solveRangeIspScale(e catalog.Entry, p catalog.Pick, targetKm float64) (float64, error) {
	rng, _ := e.Param("range_km")
	miss := func(k float64) (float64, error) {
		m, err := missileFromCatalog(e, p, k)
		if err != nil {
			return 0, err
		}
		r, _, err := bandMaxRange(m, 0, rng)
		return r - targetKm, err
	}
	kLo, kHi := 0.8, 1.2
	fLo, err := miss(kLo)
	if err != nil {
		return 0, err
	}
	fHi, err := miss(kHi)
	if err != nil {
		return 0, err
	}
	if fLo > 0 || fHi < 0 {
		return 0, fmt.Errorf("%s %v: no factor in [%g, %g] flies %.0f km", e.Name, p, kLo, kHi, targetKm)
	}
	side := 0
	for range 60 {
		k := kHi - fHi*(kHi-kLo)/(fHi-fLo)
		fk, err := miss(k)
		if err != nil {
			return 0, err
		}
		if math.Abs(fk) < 1e-4*targetKm {
			return k, nil
		}
		if fk > 0 {
			kHi, fHi = k, fk
			if side == 1 {
				fLo /= 2
			}
			side = 1
		} else {
			kLo, fLo = k, fk
			if side == -1 {
				fHi /= 2
			}
			side = -1
		}
	}
	return 0, fmt.Errorf("%s %v: range_isp_scale search did not converge", e.Name, p)
}

// TestCatalogPicksFlyTheirRangeBand: issue 12 §1, "each catalog missile's
// maximum flown range is within its catalog band", at every pick. Flown
// due north from the equator, the low and high picks reach their
// range_km band ends within pickRangeTol, and central is inside the band
// (at its range_km central value where range_isp_scale_central is set);
// flown due west, the range is inside the band widened by westRangeTol
// below (the rotation's cost) and pickRangeTol above; and the picks are
// ordered, low ≤ central ≤ high. Every scaled stage keeps a specific
// impulse in [minPickIsp, maxPickIsp].
//
// Before (every stage value at the pick's end of its band), flown north
// from 0°N 30°E: Iskander-M low 96 km (band 400) and high 775 km (500),
// Ghadr-1 low 1,316 km (1,600) and high 1,618 km (1,800, below its own
// central 1,642), Sejjil-2 high 2,677 km (2,200), Khorramshahr high
// 2,403 km (2,000), RS-24 Yars low / high 6,129 / 16,493 km
// (10,500–12,000), Topol-M low 6,196 km (10,000); central west: Yars
// 9,800 km and Topol-M 9,406 km.
func TestCatalogPicksFlyTheirRangeBand(t *testing.T) {
	north, west := 0.0, 3*math.Pi/2
	for _, e := range catalog.ByKind(catalog.KindBallisticMissile) {
		rng, _ := e.Param("range_km")
		var flown [3]float64
		for i, p := range []catalog.Pick{catalog.PickLow, catalog.PickCentral, catalog.PickHigh} {
			m, err := MissileFromCatalog(e, p)
			if err != nil {
				t.Fatal(err)
			}
			for j, s := range m.Stages {
				if isp := s.Thrust * s.BurnTime / (s.PropellantMass * catalog.G0); isp < minPickIsp || isp > maxPickIsp {
					t.Errorf("%s %v stage %d: specific impulse %.0f s, outside %.0f-%.0f s", e.Name, p, j+1, isp, minPickIsp, maxPickIsp)
				}
			}
			n, okN, err := bandMaxRange(m, north, rng)
			if err != nil {
				t.Errorf("%s %v north: %v", e.Name, p, err)
				continue
			}
			w, okW, err := bandMaxRange(m, west, rng)
			if err != nil {
				t.Errorf("%s %v west: %v", e.Name, p, err)
				continue
			}
			flown[i] = n
			t.Logf("%-12s %-7v north %6.0f km, west %6.0f km; band %.0f-%.0f km, pick %.0f km", e.Name, p, n, w, rng.Low, rng.High, rng.At(p))
			_, calibrated := e.Params[rangeIspScaleKey(p)]
			want := rng.At(p)
			switch {
			case !okN || !okW:
				t.Errorf("%s %v: reaches beyond %.0f km (north) or %.0f km (west)", e.Name, p, n, w)
				continue
			case calibrated && math.Abs(n-want) > pickRangeTol*want:
				k, err := solveRangeIspScale(e, p, want)
				t.Errorf("%s %v: maximum range north %.0f km, want %.0f km ± %.0f %%; %s = %.4f would fly it (%v)", e.Name, p, n, want, 100*pickRangeTol, rangeIspScaleKey(p), k, err)
			case !calibrated && (n < rng.Low || n > rng.High):
				t.Errorf("%s %v: maximum range north %.0f km, want within %.0f-%.0f km (no %s set)", e.Name, p, n, rng.Low, rng.High, rangeIspScaleKey(p))
			}
			if w < rng.Low*(1-westRangeTol) || w > rng.High*(1+pickRangeTol) {
				t.Errorf("%s %v: maximum range west %.0f km, want within %.0f-%.0f km", e.Name, p, w, rng.Low*(1-westRangeTol), rng.High*(1+pickRangeTol))
			}
		}
		if !(flown[0] <= flown[1] && flown[1] <= flown[2]) {
			t.Errorf("%s: maximum ranges north low / central / high %.0f / %.0f / %.0f km, want ordered", e.Name, flown[0], flown[1], flown[2])
		}
	}
}
