package intercept

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
)

// Stage calibration (see the package doc): the published burnout speed
// fixes the scale of the derived stage data through their specific
// impulse.

// Limits of the calibrated specific impulse, s. Solid rocket motors
// deliver about 230–300 s (Sutton & Biblarz, Rocket Propulsion Elements,
// 9th ed., 2017, table 12-3: composite and composite-modified
// double-base propellants 230–270 s at 1,000/14.7 psia, more in vacuum
// with large expansion ratios); the catalog stages assume 235–295 s. A
// calibration outside [minStageIsp, maxStageIsp] means the catalog's
// burnout speed and stage masses contradict each other, and FromCatalog
// refuses the entry rather than fly an impossible motor.
const (
	minStageIsp = 200.0
	maxStageIsp = 320.0
)

// burnoutCalibrationTol is the relative burnout-speed error at which the
// calibration stops: far below the catalog bands' spread (≥ 5 %) and
// above the flyout integration tolerance (1e-9).
const burnoutCalibrationTol = 1e-6

// calibrateStages scales the thrust of every stage of ic (its specific
// impulse, at the stage's mass flow) by one factor so that the flyout at
// referenceKick burns out at ic.BurnoutSpeed, and records the factor in
// ic.IspScale. The burnout speed rises monotonically with the factor; the
// root is found by the secant method on a bracket (regula falsi with the
// Illinois modification).
func (ic *Interceptor) calibrateStages() error {
	if len(ic.Stages) == 0 {
		return nil
	}
	for _, s := range ic.Stages {
		if !(s.Thrust > 0 && s.BurnTime > 0 && s.PropellantMass > 0) || math.IsInf(s.Thrust, 0) {
			return nil // validate names the bad stage
		}
	}
	base := make([]float64, len(ic.Stages))
	for i, s := range ic.Stages {
		base[i] = s.Thrust
	}
	f := newFlyer(ic)
	miss := func(k float64) (float64, error) {
		for i := range ic.Stages {
			ic.Stages[i].Thrust = base[i] * k
		}
		if ic.Stages[0].Thrust <= ic.launchMass()*catalog.G0 {
			return -ic.BurnoutSpeed, nil // cannot lift off: slower than any target
		}
		res, _, err := f.fly(referenceKick, 0, nil)
		if err == errGround {
			return -ic.BurnoutSpeed, nil
		}
		return res.boV - ic.BurnoutSpeed, err
	}
	kLo, kHi := 0.5, 2.0 // far outside any plausible correction
	fLo, err := miss(kLo)
	if err != nil {
		return err
	}
	fHi, err := miss(kHi)
	if err != nil {
		return err
	}
	if fLo > 0 || fHi < 0 {
		return fmt.Errorf("intercept: %s: no thrust scale in [%g, %g] makes the stages burn out at the catalog's %.2f km/s", ic.Name, kLo, kHi, ic.BurnoutSpeed/1e3)
	}
	side := 0
	for range 100 {
		k := kHi - fHi*(kHi-kLo)/(fHi-fLo)
		fk, err := miss(k)
		if err != nil {
			return err
		}
		if math.Abs(fk) <= burnoutCalibrationTol*ic.BurnoutSpeed {
			ic.IspScale = k
			if lo, hi := ic.minIsp(), ic.maxIsp(); lo < minStageIsp || hi > maxStageIsp {
				return fmt.Errorf("intercept: %s: burning out at the catalog's %.2f km/s needs stage specific impulses of %.0f-%.0f s, outside the %.0f-%.0f s of solid motors (the stage masses and the burnout speed contradict each other)",
					ic.Name, ic.BurnoutSpeed/1e3, lo, hi, minStageIsp, maxStageIsp)
			}
			return nil
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
	return fmt.Errorf("intercept: %s: burnout-speed calibration of the stages did not converge", ic.Name)
}

// StageIsp returns the specific impulse that stage i is flown with, s:
// its thrust over its mass flow and g0, after calibration.
func (ic *Interceptor) StageIsp(i int) float64 {
	s := ic.Stages[i]
	return s.Thrust * s.BurnTime / (s.PropellantMass * catalog.G0)
}

func (ic *Interceptor) minIsp() float64 {
	v := math.Inf(1)
	for i := range ic.Stages {
		v = math.Min(v, ic.StageIsp(i))
	}
	return v
}

func (ic *Interceptor) maxIsp() float64 {
	v := 0.0
	for i := range ic.Stages {
		v = math.Max(v, ic.StageIsp(i))
	}
	return v
}
