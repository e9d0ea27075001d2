package flight

import "math"

// Closed-form free flight of a ballistic missile on a spherical, non-rotating,
// airless Earth with central gravity (Bate, Mueller & White, Fundamentals of
// Astrodynamics, 1971, ch. 6). Burnout is at radius R1, reentry (impact) at
// radius R2; with R1 = R2 these reduce to the textbook relations
//
//	cos(Ψ/2) = (1 − Q cos²γ) / √(1 + Q(Q−2) cos²γ)     (free-flight range equation)
//	Q* = 2 sin(Ψ/2) / (1 + sin(Ψ/2)),  γ* = (π − Ψ)/4   (minimum energy)
//
// where Q = v²r/μ and γ is the flight-path angle above the local horizontal.

// KeplerArc is a ballistic arc from burnout at radius R1 with speed Speed and
// flight-path angle Angle to reentry at radius R2 on the descending branch.
type KeplerArc struct {
	GM     float64 // μ, m³/s²
	R1, R2 float64 // burnout and reentry radii, m
	Speed  float64 // inertial burnout speed, m/s
	Angle  float64 // burnout flight-path angle, rad
}

// Q returns the burnout parameter v²r/μ.
func (k KeplerArc) Q() float64 { return k.Speed * k.Speed * k.R1 / k.GM }

// orbit returns the semi-major axis, semi-latus rectum, eccentricity and the
// burnout true anomaly.
func (k KeplerArc) orbit() (a, p, e, nu1 float64) {
	q := k.Q()
	c := math.Cos(k.Angle)
	a = k.R1 / (2 - q)
	p = k.R1 * q * c * c
	ecos := p/k.R1 - 1
	esin := math.Tan(k.Angle) * p / k.R1
	e = math.Hypot(ecos, esin)
	nu1 = math.Atan2(esin, ecos)
	return a, p, e, nu1
}

// RangeAngle returns the central angle Ψ from burnout to reentry, from the
// polar equation 1/r(θ) = (1 − cos θ)/(r₁Q cos²γ) + cos(θ+γ)/(r₁ cos γ).
// ok is false if the arc never reaches R2 on its descending branch (Q ≥ 2,
// or the apogee is below R2).
func (k KeplerArc) RangeAngle() (psi float64, ok bool) {
	q := k.Q()
	if q >= 2 {
		return 0, false
	}
	c := math.Cos(k.Angle)
	qc2 := q * c * c
	// A cos θ + B sin θ = C
	A := 1 - 1/qc2
	B := -math.Tan(k.Angle)
	C := k.R1/k.R2 - 1/qc2
	R := math.Hypot(A, B)
	if math.Abs(C) > R {
		return 0, false
	}
	phi := math.Atan2(B, A)
	d := math.Acos(C / R)
	best := math.NaN()
	for _, th := range [2]float64{phi + d, phi - d} {
		th = math.Mod(th, 2*math.Pi)
		if th <= 0 {
			th += 2 * math.Pi
		}
		// descending: d(1/r)/dθ > 0
		if math.Sin(th)/qc2-math.Sin(th+k.Angle)/c > 0 {
			best = th
		}
	}
	if math.IsNaN(best) {
		return 0, false
	}
	return best, true
}

// TimeOfFlight returns the time from burnout to reentry, s, from Kepler's
// equation: t = √(a³/μ) [(E₂ − e sin E₂) − (E₁ − e sin E₁)].
func (k KeplerArc) TimeOfFlight() float64 {
	psi, ok := k.RangeAngle()
	if !ok {
		return math.NaN()
	}
	a, _, e, nu1 := k.orbit()
	ecc := func(nu float64) float64 {
		return math.Atan2(math.Sqrt(1-e*e)*math.Sin(nu), e+math.Cos(nu))
	}
	e1 := ecc(nu1)
	e2 := ecc(nu1 + psi)
	for e2 < e1 {
		e2 += 2 * math.Pi
	}
	return math.Sqrt(a*a*a/k.GM) * ((e2 - e*math.Sin(e2)) - (e1 - e*math.Sin(e1)))
}

// ApogeeRadius returns a(1+e), m.
func (k KeplerArc) ApogeeRadius() float64 {
	a, _, e, _ := k.orbit()
	return a * (1 + e)
}

// FreeFlightRange returns Ψ from the BMW free-flight range equation for equal
// burnout and reentry radii (Bate, Mueller & White §6.2).
func FreeFlightRange(q, gamma float64) float64 {
	c2 := math.Cos(gamma) * math.Cos(gamma)
	return 2 * math.Acos((1-q*c2)/math.Sqrt(1+q*(q-2)*c2))
}

// MinEnergyQ returns Q* = 2 sin(Ψ/2)/(1 + sin(Ψ/2)) (BMW §6.2).
func MinEnergyQ(psi float64) float64 {
	s := math.Sin(psi / 2)
	return 2 * s / (1 + s)
}

// MinEnergyAngle returns γ* = (π − Ψ)/4 (BMW §6.2).
func MinEnergyAngle(psi float64) float64 { return (math.Pi - psi) / 4 }

// MinEnergyArc returns the least-energy arc from radius r1 to radius r2
// through central angle psi. Its empty focus lies at the midpoint of the
// chord, so a = (r₁ + r₂ + c)/4, and the velocity at burnout bisects the
// directions to the two foci; for r₁ = r₂ this gives Q* and γ* above.
func MinEnergyArc(gm, r1, r2, psi float64) KeplerArc {
	sp, cp := math.Sincos(psi)
	p2x, p2y := r2*cp, r2*sp
	c := math.Hypot(p2x-r1, p2y)
	a := (r1 + r2 + c) / 4
	v := math.Sqrt(gm * (2/r1 - 1/a))
	// direction to the focus is −x; direction to the empty focus (chord midpoint):
	mx, my := (p2x+r1)/2-r1, p2y/2
	ang := math.Atan2(my, -mx) // angle between −x and (mx, my)
	return KeplerArc{GM: gm, R1: r1, R2: r2, Speed: v, Angle: ang / 2}
}

// SpeedForRange returns the burnout speed that carries an arc with
// flight-path angle gamma from r1 to r2 through central angle psi:
// Q = (1 − cos Ψ) / (cos γ (r₁/r₂ cos γ − cos(Ψ+γ))). ok is false if no
// elliptic arc exists.
func SpeedForRange(gm, r1, r2, psi, gamma float64) (v float64, ok bool) {
	c := math.Cos(gamma)
	den := c * (r1/r2*c - math.Cos(psi+gamma))
	if den <= 0 {
		return 0, false
	}
	q := (1 - math.Cos(psi)) / den
	if q <= 0 || q >= 2 {
		return 0, false
	}
	return math.Sqrt(q * gm / r1), true
}
