// Package atmos is the U.S. Standard Atmosphere, 1976 (USSA-76): temperature,
// pressure, density and speed of sound as functions of altitude.
//
// Conventions: SI units (m, K, Pa, kg/m³, m/s). The altitude argument h is
// geometric height above the ellipsoid and is used as the standard's
// geometric altitude Z (the geoid–ellipsoid separation, at most ~100 m, is
// ignored). Geopotential altitude is H = r0·Z/(r0+Z), r0 = 6356.766 km.
//
// From −5 km to 86 km the model is the standard's defining one: seven layers
// in which the molecular-scale temperature T_M is linear in H, with the base
// altitudes, lapse rates and base temperatures of Table 4 and base pressures
// from the hydrostatic equation (they reproduce Table 4's values). Density is
// ρ = P·M0/(R*·T_M). Between 80 and 86 km the kinetic temperature is
// T = T_M·(M/M0), with M/M0 linearly interpolated in Table 8; P, ρ and the
// speed of sound do not depend on that ratio. The speed of sound is
// √(γ·R*·T_M/M0), γ = 1.4.
//
// From 86 to 1000 km the standard has no closed form for P and ρ (they come
// from diffusion equations for six species). Here ln ρ and ln P are natural
// cubic splines through tabulated values: Table I of the standard, with gaps
// between 100 and 200 km filled by values computed from the standard's
// equations by Pietrobon (see upper.go). There are two spline pieces, 86–100
// km and 100–1000 km, because ln ρ has a slope break at 100 km in the
// standard itself. Table I rows held out of the fit are matched to 4e-4
// (Table I prints 4 figures there; see upper_test.go). Temperature above
// 86 km is the standard's closed form (Table 5). The speed of sound is not
// defined by the standard above 86 km; it is held at its 86 km value,
// 274.10 m/s.
//
// Outside the standard's range: below −5 km the state at −5 km is returned;
// above 1000 km ln ρ and ln P are extrapolated linearly with the spline's end
// slope (density scale height ≈ 225 km) and T is held at its 1000 km value,
// so Density keeps decreasing until it underflows to 0 near 160 000 km.
// Density(+Inf) = 0, and a NaN altitude gives NaN. All functions are safe
// for concurrent use.
//
// References:
//   - U.S. Standard Atmosphere, 1976. NOAA-S/T 76-1562, NOAA, NASA, USAF,
//     Washington D.C., October 1976. Also NASA-TM-X-74335.
//   - S. S. Pietrobon, Unofficial Australian Standard Atmosphere 2000, as
//     tabulated in R. L. Carmichael's Public Domain Aeronautical Software
//     module Atmosphere1976 (UpperAtmosphere), public domain.
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package atmos
