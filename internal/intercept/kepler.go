package intercept

import (
	"math"

	"github.com/rampart-sim/rampart/flight"
)

// The coast of a burnout-model flyout (WithBurnout: no stages, no drag)
// is an arc of a Kepler ellipse about the Earth's centre: after burnout
// only central gravity acts (the flyout Earth of this package). Its
// crossings of the envelope's range columns follow in closed form from
// the orbit equation and Kepler's equation (Vallado, Fundamentals of
// Astrodynamics and Applications, 4th ed., 2013, §2.2–2.3):
//
//	r(ν) = p / (1 + e cos ν),  tan γ = e sin ν / (1 + e cos ν),
//	t(ν) = t_bo + (M(ν) − M(ν_bo)) / n,  M = E − e sin E,
//
// with the true anomaly ν = θ − ω (θ the angle from the launch point,
// ground range / R). Integrated by DOPRI5 at relative tolerance 1e-9 the
// same arc agrees to millimetres and a microsecond, the tolerance to
// which the integrated crossings are located
// (TestKeplerCoastMatchesIntegration); the envelope interpolates it
// between kicks with errors of hundreds of metres. The closed form costs
// a few arithmetic operations a column instead of ~45 integration steps
// and a root search a column.

// Where the closed form is not used, the coast is integrated as for the
// staged flyouts:
//   - keplerMinP: nearly radial arcs (the near-vertical kicks), where
//     1 + e cos ν ≈ p/r is small and r loses relative precision
//     ε/(p/r); p/r ≥ 1e-6 keeps r to ~1e-10 relative (< 1 mm);
//   - hyperbolic or parabolic arcs (energy ≥ 0), which no sweep speed
//     below escape speed flies;
//   - arcs that would pass the antipode of the launch point, where the
//     ground range of rangeOf wraps, and arcs that make more than one
//     revolution before tEnd.
const keplerMinP = 1e-6

// keplerOn switches the closed-form coasts (and with them the
// interpolated boosts) on; the tests switch it off to compare with the
// integrated fan.
var keplerOn = true

// keplerArc is the coast of one flyout from its burnout state.
type keplerArc struct {
	t0         float64 // burnout time, s after launch
	p, e       float64 // semi-latus rectum (m) and eccentricity
	sqrtPA     float64 // √(1 − e²) = √(p/a)
	omega      float64 // angle of periapsis from the launch point, rad
	n          float64 // mean motion, rad/s
	m0         float64 // mean anomaly at burnout, rad (unwrapped)
	muH        float64 // μ / h, m/s
	nuEnd      float64 // true anomaly at ground impact (+Inf: none), rad
	end        float64 // end of the flyout: ground impact or tEnd, s
	nuBo, thBo float64 // true anomaly and range angle at burnout, rad
}

// newKeplerArc returns the coast from state y at time t0 (burnout) to
// ground impact or tEnd, and false where the closed form is not used
// (see keplerMinP).
func newKeplerArc(t0 float64, y pstate, tEnd float64) (keplerArc, bool) {
	x, z, vx, vz := y[0], y[1], y[2], y[3]
	r := math.Hypot(x, z)
	vr := (x*vx + z*vz) / r
	h := z*vx - x*vz // specific angular momentum, m²/s, > 0 downrange
	energy := (vx*vx+vz*vz)/2 - earthGM/r
	if !(h > 0) || !(energy < 0) {
		return keplerArc{}, false
	}
	a := -earthGM / (2 * energy)
	p := h * h / earthGM
	if p/r < keplerMinP {
		return keplerArc{}, false
	}
	ecos, esin := p/r-1, h*vr/earthGM
	k := keplerArc{t0: t0, p: p, e: math.Hypot(ecos, esin), sqrtPA: math.Sqrt(p / a),
		n: math.Sqrt(earthGM / (a * a * a)), muH: earthGM / h}
	k.nuBo = math.Atan2(esin, ecos)
	k.thBo = math.Atan2(x, z)
	if k.nuBo < 0 {
		return keplerArc{}, false // descending at burnout: not a boost this model flies
	}
	k.omega = k.thBo - k.nuBo
	k.m0 = k.mean(k.nuBo)
	// Ground impact on the descending branch, ν in (π, 2π).
	k.nuEnd = math.Inf(1)
	if c := (p/earthRadius - 1) / k.e; c <= 1 {
		k.nuEnd = 2*math.Pi - math.Acos(math.Max(c, -1))
	}
	k.end = tEnd
	if !math.IsInf(k.nuEnd, 1) {
		k.end = math.Min(tEnd, k.time(k.nuEnd))
	}
	// The last range angle the flyout reaches, at impact or at tEnd, must
	// stay short of the antipode.
	last := k.nuEnd
	if math.IsInf(last, 1) || k.end < k.time(k.nuEnd) {
		var ok bool
		if last, ok = k.nuAt(tEnd); !ok {
			return keplerArc{}, false
		}
	}
	if last+k.omega >= math.Pi {
		return keplerArc{}, false
	}
	return k, true
}

// mean returns the mean anomaly at true anomaly nu, continuous in nu.
func (k *keplerArc) mean(nu float64) float64 {
	sn, cn := math.Sincos(nu)
	sinE := k.sqrtPA * sn // × 1/(1 + e cos ν), common to cos E
	cosE := k.e + cn
	ecc := math.Atan2(sinE, cosE)
	ecc += 2 * math.Pi * math.Round((nu-ecc)/(2*math.Pi))
	return ecc - k.e*math.Sin(ecc)
}

// time returns the time after launch at true anomaly nu ≥ ν_bo.
func (k *keplerArc) time(nu float64) float64 { return k.t0 + (k.mean(nu)-k.m0)/k.n }

// crossings fills cols with the arc's crossing of every range column i
// with ground range above gStart, up to ground impact or the flyout's end.
// The columns are evenly spaced in ν, so cos ν and sin ν advance by a
// rotation (relative error ~1e-16 a column).
func (k *keplerArc) crossings(e *Envelope, cols []crossing, gStart float64) {
	i := int(math.Floor(gStart/e.DR)) + 1
	if i >= e.NR {
		return
	}
	nu := float64(i)*e.DR/earthRadius - k.omega
	sn, cn := math.Sincos(nu)
	sd, cd := math.Sincos(e.DR / earthRadius)
	for ; i < e.NR; i++ {
		nu = float64(i)*e.DR/earthRadius - k.omega
		if nu > k.nuEnd {
			return
		}
		q := 1 + k.e*cn
		// Kepler's equation: E from ν, M = E − e sin E.
		sinE := k.sqrtPA * sn / q
		ecc := math.Atan2(k.sqrtPA*sn, k.e+cn)
		if ecc < 0 {
			ecc += 2 * math.Pi // E on the revolution of ν, which lies in [0, 2π)
		}
		t := k.t0 + (ecc-k.e*sinE-k.m0)/k.n
		if t > k.end {
			return
		}
		v := k.muH * math.Sqrt(1+2*k.e*cn+k.e*k.e)
		cols[i] = crossing{t, k.p/q - earthRadius, v, math.Atan(k.e * sn / q)} // q = p/r > 0: atan2's value
		sn, cn = sn*cd+cn*sd, cn*cd-sn*sd
	}
}

// nuAt returns the true anomaly at time t after launch (t0 ≤ t ≤ end),
// and false if Kepler's equation did not converge.
func (k *keplerArc) nuAt(t float64) (float64, bool) {
	m := k.m0 + k.n*(t-k.t0)
	if !(m >= 0 && m < 2*math.Pi) {
		return 0, false // not on the first revolution from periapsis
	}
	ecc := m
	if k.e > 0.8 {
		ecc = math.Pi
	}
	for range keplerMaxIter {
		d := (ecc - k.e*math.Sin(ecc) - m) / (1 - k.e*math.Cos(ecc))
		ecc -= d
		if math.Abs(d) < 1e-13 {
			// ν from E on the same revolution: E/2 in [0, π) for E in [0, 2π).
			se, ce := math.Sincos(ecc / 2)
			return 2 * math.Atan2(math.Sqrt(1+k.e)*se, math.Sqrt(k.sqrtPA*k.sqrtPA/(1+k.e))*ce), true
		}
	}
	return 0, false
}

// keplerMaxIter bounds the Newton iterations of Kepler's equation; from
// E = M (or π for e > 0.8) they converge in under 10 (Vallado §2.2).
const keplerMaxIter = 50

// keplerBoundTol bounds how far an integrated flyout's maximum range or
// altitude can exceed the closed-form arc's, m: the integration agrees
// with the arc to millimetres (TestKeplerCoastMatchesIntegration), and a
// sampled maximum (at step ends) lies below the true one.
const keplerBoundTol = 1.0

// extents returns bounds on the ground range at the end of the flyout
// and on the coast's highest altitude, as the integrated flyout would
// report them (fly: maxRange, maxAlt), and false if they are unknown.
func (k *keplerArc) extents() (maxRange, maxAlt float64, ok bool) {
	nuEnd := k.nuEnd
	if k.end < k.time(nuEnd) || math.IsInf(nuEnd, 1) {
		var conv bool
		if nuEnd, conv = k.nuAt(k.end); !conv {
			return 0, 0, false
		}
	}
	r := k.p / (1 + k.e*math.Cos(math.Min(nuEnd, math.Pi))) // apoapsis, or the end before it
	return earthRadius*(k.omega+nuEnd) + keplerBoundTol, r - earthRadius + keplerBoundTol, true
}

// flyKepler flies kick's boost (steps in f.steps) and returns its coast
// as a Kepler arc. closed is false where the closed form is not used;
// ok is false where the flyout is not usable (it struck the ground in
// boost). res.end is the end of the whole flyout.
func (f *flyer) flyKepler(kick, tEnd float64, segs []segment) (res result, arc keplerArc, segsOut []segment, closed, ok bool, err error) {
	res, segs, err = f.fly(kick, 0, segs) // boost only
	if err == errGround {
		return res, arc, segs, true, false, nil
	}
	if err != nil {
		return res, arc, segs, true, false, err
	}
	arc, closed = newKeplerArc(f.integ.T, f.integ.Y, tEnd)
	res.end = arc.end
	return res, arc, segs, closed, closed, nil
}

// keplerCrossings returns the crossings of a flyout whose boost has the
// steps given and whose coast is arc: the boost's as the integrated
// flyout's (its steps end before the flyout does), the coast's after the
// last of them.
func (e *Envelope) keplerCrossings(steps []flight.Dense[pstate], arc *keplerArc) []crossing {
	cols := e.crossings(steps, arc.end)
	last := &steps[len(steps)-1]
	arc.crossings(e, cols, rangeOf(last.At(math.Min(last.T+last.H, arc.end))))
	return cols
}
