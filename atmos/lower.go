package atmos

import "math"

// Constants of the standard (Table 2 and section 1.2).
const (
	g0    = 9.80665    // sea-level gravity, m/s²
	rStar = 8.31432e3  // gas constant R* as adopted by the standard, J/(kmol·K)
	m0    = 28.9644    // sea-level mean molecular weight M0, kg/kmol
	r0    = 6.356766e6 // Earth radius for the geopotential, m
	gamma = 1.4        // ratio of specific heats
	p0    = 101325.0   // sea-level pressure, Pa
	t0    = 288.15     // sea-level temperature, K

	gmr  = g0 * m0 / rStar // g0·M0/R*, K/m'
	rAir = rStar / m0      // specific gas constant of air, J/(kg·K)

	zMin = -5000.0 // bottom of Table I, m
	z80  = 80000.0 // start of the M/M0 correction, m
	z86  = 86000.0 // top of the layered model, m
)

// layer is one of the seven layers of Table 4, in geopotential metres.
type layer struct {
	hb    float64 // base geopotential altitude, m'
	tb    float64 // base molecular-scale temperature, K
	lapse float64 // dT_M/dH, K/m'
	pb    float64 // base pressure, Pa
	rhob  float64 // base density, kg/m³
	expo  float64 // g0·M0/(R*·lapse); 0 when isothermal
	kIso  float64 // −g0·M0/(R*·tb), used when isothermal
}

// layers holds Table 4 with pb, rhob computed hydrostatically from p0.
var layers = newLayers()

func newLayers() [7]layer {
	hb := [7]float64{0, 11000, 20000, 32000, 47000, 51000, 71000}
	lapse := [7]float64{-0.0065, 0, 0.001, 0.0028, 0, -0.0028, -0.002}
	var ls [7]layer
	t, p := t0, p0
	for i := range ls {
		if i > 0 {
			dh := hb[i] - hb[i-1]
			t, p = layerTP(&ls[i-1], dh)
		}
		l := &ls[i]
		l.hb, l.tb, l.lapse, l.pb = hb[i], t, lapse[i], p
		l.rhob = p / (rAir * t)
		l.kIso = -gmr / t
		if lapse[i] != 0 {
			l.expo = gmr / lapse[i]
		}
	}
	return ls
}

// layerTP returns T_M and P at dh geopotential metres above the base of l.
func layerTP(l *layer, dh float64) (tm, p float64) {
	if l.lapse == 0 {
		return l.tb, l.pb * math.Exp(l.kIso*dh)
	}
	tm = l.tb + l.lapse*dh
	return tm, l.pb * math.Pow(l.tb/tm, l.expo)
}

// geopotential converts geometric altitude z (m) to geopotential altitude (m').
func geopotential(z float64) float64 { return r0 * z / (r0 + z) }

// layerAt returns the layer containing geopotential altitude h.
func layerAt(h float64) *layer {
	i := 0
	for i < len(layers)-1 && h >= layers[i+1].hb {
		i++
	}
	return &layers[i]
}

// lowerDensity is ρ for zMin ≤ z < z86: ρ = ρb·(Tb/T_M)^(expo+1), or
// ρb·exp(−g0·M0·ΔH/(R*·Tb)) in isothermal layers.
func lowerDensity(z float64) float64 {
	h := geopotential(z)
	l := layerAt(h)
	dh := h - l.hb
	if l.lapse == 0 {
		return l.rhob * math.Exp(l.kIso*dh)
	}
	return l.rhob * math.Exp((l.expo+1)*math.Log(l.tb/(l.tb+l.lapse*dh)))
}

// lowerState is the full state for zMin ≤ z ≤ z86.
func lowerState(z float64) State {
	h := geopotential(z)
	l := layerAt(h)
	tm, p := layerTP(l, h-l.hb)
	return State{
		T:          tm * weightRatio(z),
		P:          p,
		Rho:        p / (rAir * tm),
		SoundSpeed: math.Sqrt(gamma * rAir * tm),
	}
}

// weightRatioTable is M/M0 from 80 to 86 km every 0.5 km (Table 8).
var weightRatioTable = [13]float64{
	1.000000, 0.999996, 0.999989, 0.999971, 0.999941, 0.999909, 0.999870,
	0.999829, 0.999786, 0.999741, 0.999694, 0.999641, 0.999579,
}

// weightRatio is M/M0 at geometric altitude z, linear in Table 8.
func weightRatio(z float64) float64 {
	if z <= z80 {
		return 1
	}
	x := (z - z80) / 500
	i := int(x)
	if i >= len(weightRatioTable)-1 {
		return weightRatioTable[len(weightRatioTable)-1]
	}
	f := x - float64(i)
	return weightRatioTable[i] + f*(weightRatioTable[i+1]-weightRatioTable[i])
}
