// Package flight holds the movers: 3-DOF point-mass ballistic missiles
// (boost by stages, free flight, reentry), cruise missiles and aircraft, and
// the integrators they use. Every mover gives time-stamped truth states
// through At(t).
//
// # Conventions
//
// SI units and radians. Times are seconds from the scenario epoch. States
// carry ECEF position and Earth-relative (ECEF) velocity and the geodetic
// position. Azimuths are clockwise from north; flight-path angles are above
// the local geodetic horizontal.
//
// # Frames and equations of motion
//
// Ballistic flights are integrated in ECI, the inertial frame of package geo
// that coincides with ECEF at t = 0. The state is y = (r, v, m) and
//
//	r′ = v
//	v′ = g_J2(r) + (T/m) û − ½ ρ(h) |v_a| v_a (Cd·A/m)
//	m′ = −ṁ (while thrusting)
//
// with v_a = v − ω×r the velocity relative to the co-rotating atmosphere,
// ρ from atmos.Density at the height h above the ellipsoid (which depends
// only on the distance from the polar axis and z, so it needs no rotation),
// and g_J2 the central term plus J2 (Vallado, Fundamentals of Astrodynamics
// and Applications, 4th ed., 2013, §8.6.1). Earth rotation enters through
// the initial state (a vehicle on the ground moves with the Earth), through
// v_a, and through the aim point, which is compared with the impact in ECEF
// at the impact time. Earth selects the model; SphereEarth().NoRotation().NoDrag()
// (IdealEarth) makes the free flight an exact Kepler ellipse so results can
// be checked against Bate, Mueller & White.
//
// Drag is evaluated only below ReentryAlt (120 km); the crossings are
// located as events and the integrator restarted, so the right-hand side is
// smooth within each step. After burnout the vehicle is the reentry vehicle
// with ballistic coefficient β = m/(Cd·A): drag acceleration ½ρv_a²/β.
// During boost Cd·A is fixed at LaunchMass/BoosterBeta.
//
// # Boost
//
// Stages burn in turn at constant thrust and mass flow (ṁ = propellant/burn
// time); a stage's dry mass is dropped when it burns out. Steering: a
// vertical rise (DefaultVerticalRise), a pitch-over with thrust held at the
// kick angle from the vertical toward the launch azimuth (DefaultPitchOver),
// then a gravity turn with thrust along the Earth-relative velocity v_a
// (zero angle of attack in the air, as for a real gravity turn). The kick
// angle sets the burnout angle. Thrust termination at Steering.Cutoff (which
// may fall in any stage), or for a motor that cannot be shut down the
// energy-management weave Steering.Yaw in the gravity turn, sets the range;
// after burnout the payload flies alone.
//
// # Aiming (Solve)
//
// The aim point is hit when the impact, the descending crossing of the aim
// point's height, lies on it; the miss is measured in the aim point's
// east-north plane and solved to below MissTol (1 m) by Newton's method with
// finite-difference Jacobians and a backtracking line search.
//
// Burnout-state shots (Shot.Missile == nil) start at burnout at the launch
// point. Min-energy: Brent's method over the burnout angle finds the least
// Earth-relative burnout speed that reaches the aim (for each angle, Newton
// solves speed and azimuth). Lofted or depressed: the burnout angle is given,
// or the apogee is given (then speed, angle and azimuth are solved), or
// DefaultLoft above or below the Kepler minimum-energy angle is used. If the
// speed is given, the angle is solved: the high root for Lofted, the low
// root otherwise. Drag acts only after apogee in these flights: the ascent
// through the air is part of the idealised burnout.
//
// Staged missiles have fixed energy; a shorter range needs a range control
// (RangeControl). A liquid engine is shut down early (thrust termination,
// Steering.Cutoff: the propellant valves close). A solid motor burns until
// its propellant is spent (D. Darling, Encyclopedia of Science,
// "burnout": solid motors need vents or pressure drops to stop, which the
// catalog's solid missiles are not known to have), so it wastes the energy
// it does not need in an energy-management manoeuvre: a weave in the
// gravity turn whose sideways thrust cancels over the weave, modelled by its
// average, thrust T·cos(Steering.Yaw) along the path at the same mass flow
// (as the general-energy-management steering of solid missiles is described
// in the open literature). Unknowns: launch azimuth, kick angle and the
// range control. The search is nested so it cannot lose itself: for each
// value of the control the kick that gives the profile's burnout angle is
// found on boost-only flights; the range then grows monotonically with the
// control, and is bracketed between the least energy (the minimum range,
// reported as a *RangeError with MinRange) and the full burn. Newton's
// method on the three unknowns polishes the result; if it fails the nested
// search is run to full precision with azimuth corrections.
//
// Min-energy aims the burnout at the Kepler arc from the burnout point to
// the aim point that needs the least Earth-relative burnout speed (a
// missile starts at rest on the rotating Earth, so that is what its motor
// supplies): without rotation it is the Kepler minimum-energy arc
// (MinEnergyArc; Bate, Mueller & White §6.2), which the flight matches to
// 0.01° and 0.1 km once drag is off (TestMinEnergyMissileVacuum); with
// rotation it is the same east and west. Lofted and depressed target a
// given burnout angle (Earth-relative), a given apogee, or that angle ±
// DefaultLoft. QuasiBallistic is a depressed arc at the missile's
// quasi-ballistic apogee (the catalog's apogee_km, else
// DefaultQuasiBallisticApogee, 50 km) or minimum energy where the flown
// (with drag) minimum-energy apogee is no higher; the apogee is solved on
// full flights, so it holds to apogeeTol. No aerodynamic lift is modelled, so its
// reach is shorter than a real quasi-ballistic missile's. An aim point
// beyond the full-burn range at the minimum-energy angle, but within the
// maximum range, is reached at full burn by solving the kick between the
// two; beyond the maximum range Solve returns a *RangeError with MaxRange.
// A lofted, depressed or quasi-ballistic shape that cannot reach the aim
// point is a *RangeError naming the profile.
//
// A burnout-state flight with a given speed brackets the burnout angle
// over 0.5°–89° before solving: lofted takes the high arc, min-energy and
// depressed the low one, and where the low one would point below the
// horizon the error says so and names the lofted arc.
//
// Burnout speed is reported Earth-relative (ECEF), with the inertial speed
// alongside; without rotation they coincide.
//
// # Integrators
//
// DOPRI5 is the Dormand–Prince 5(4) pair with the fourth-order continuous
// extension of Hairer's DOPRI5 code, PI step-size control, and event
// location by the Illinois method on the dense output. RK4 is the classical
// fixed-step method. Both are generic over fixed-size arrays, so a step
// allocates nothing.
//
// # References
//
//   - R. R. Bate, D. D. Mueller, J. E. White, Fundamentals of Astrodynamics,
//     Dover, 1971, ch. 6 (ballistic missile trajectories).
//   - J. R. Dormand, P. J. Prince, "A family of embedded Runge–Kutta
//     formulae", J. Comput. Appl. Math. 6, 19–26 (1980),
//     doi:10.1016/0771-050X(80)90013-3.
//   - E. Hairer, S. P. Nørsett, G. Wanner, Solving Ordinary Differential
//     Equations I, 2nd ed., Springer, 1993, §II.4–II.6.
//   - R. P. Brent, Algorithms for Minimization without Derivatives,
//     Prentice-Hall, 1973.
//   - D. A. Vallado, Fundamentals of Astrodynamics and Applications, 4th ed.,
//     Microcosm, 2013.
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package flight
