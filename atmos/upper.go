package atmos

import "math"

const zTop = 1_000_000.0 // top of the standard, m

// Density knots, kg/m³. Values without a note are Table I of the standard
// (4 significant figures above 86 km). Knots marked P are Pietrobon's values
// computed from the standard's equations (PDAS Atmosphere1976); they fill
// gaps in the Table I values used here and agree with Table I within its
// rounding where both exist. Other Table I values are held out as checks in
// upper_test.go.
var (
	rhoKnots86 = []knot{ // 86–100 km
		{86, 6.958e-6}, {88, 4.875e-6}, {90, 3.416e-6}, {92, 2.393e-6},
		{94, 1.670e-6}, {96, 1.162e-6}, {98, 8.071e-7}, {100, 5.604e-7},
	}
	rhoKnots100 = []knot{ // 100–1000 km
		{100, 5.604e-7}, {102, 3.935e-7}, {107, 1.6426e-7 /* P */},
		{110, 9.708e-8}, {114, 4.9752e-8 /* P */}, {115, 4.289e-8},
		{120, 2.222e-8}, {121, 1.9768e-8 /* P */}, {128, 9.7173e-9 /* P */},
		{135, 5.4652e-9 /* P */}, {142, 3.3580e-9 /* P */}, {150, 2.076e-9},
		{160, 1.2332e-9 /* P */}, {170, 7.8155e-10 /* P */}, {180, 5.194e-10},
		{190, 3.5808e-10 /* P */}, {200, 2.541e-10}, {250, 6.073e-11},
		{300, 1.916e-11}, {350, 7.014e-12}, {400, 2.803e-12}, {450, 1.184e-12},
		{500, 5.215e-13}, {600, 1.137e-13}, {700, 3.070e-14}, {800, 1.136e-14},
		{900, 5.759e-15}, {1000, 3.561e-15},
	}
)

// Pressure knots, Pa; sources as for density.
var (
	pKnots86 = []knot{ // 86–100 km
		{86, 3.7338e-1}, {88, 2.6173e-1}, {90, 1.8359e-1}, {92, 1.2887e-1},
		{94, 9.0560e-2}, {96, 6.3765e-2}, {98, 4.5057e-2}, {100, 3.2011e-2},
	}
	pKnots100 = []knot{ // 100–1000 km
		{100, 3.2011e-2}, {102, 2.3144e-2}, {107, 1.0751e-2 /* P */},
		{110, 7.1042e-3}, {114, 4.4473e-3 /* P */}, {115, 4.0096e-3},
		{120, 2.5382e-3}, {121, 2.3402e-3 /* P */}, {128, 1.4183e-3 /* P */},
		{135, 9.3572e-4 /* P */}, {142, 6.5297e-4 /* P */}, {150, 4.5422e-4},
		{160, 3.0397e-4 /* P */}, {170, 2.1212e-4 /* P */}, {180, 1.5273e-4 /* P */},
		{190, 1.1267e-4 /* P */}, {200, 8.4736e-5}, {250, 2.4767e-5},
		{300, 8.7704e-6}, {400, 1.4518e-6}, {500, 3.0236e-7}, {600, 8.2130e-8},
		{700, 3.1908e-8}, {800, 1.7036e-8}, {900, 1.0873e-8}, {1000, 7.5138e-9},
	}
)

// The 86 km knots are replaced by the layered model's values so that P and
// ρ are continuous at 86 km (they differ from Table I by < 3e-5).
var (
	state86    = lowerState(z86)
	rhoSpline  = newLogSpline(state86.Rho, rhoKnots86, rhoKnots100)
	pSpline    = newLogSpline(state86.P, pKnots86, pKnots100)
	soundSpeed = state86.SoundSpeed // held constant above 86 km
	tTop       = upperTemperature(zTop)
)

// Kinetic temperature above 86 km (Table 5 of the standard).
const (
	t7   = 186.8673 // K, 86–91 km
	z8   = 91000.0  // m
	tc   = 263.1905 // K, centre of the 91–110 km ellipse
	ellT = -76.3232 // K, the standard's A
	ellZ = -19942.9 // m, the standard's a
	z9   = 110000.0 // m
	t9   = 240.0    // K
	lk9  = 0.012    // K/m, 110–120 km
	z10  = 120000.0 // m
	t10  = 360.0    // K
	lam  = 1.875e-5 // 1/m
	tInf = 1000.0   // K, exospheric temperature
)

// upperTemperature is the kinetic temperature at z86 ≤ z ≤ zTop.
func upperTemperature(z float64) float64 {
	switch {
	case z < z8:
		return t7
	case z < z9:
		x := (z - z8) / ellZ
		return tc + ellT*math.Sqrt(1-x*x)
	case z < z10:
		return t9 + lk9*(z-z9)
	default:
		xi := (z - z10) * (r0 + z10) / (r0 + z)
		return tInf - (tInf-t10)*math.Exp(-lam*xi)
	}
}
