// Package intercept models interceptors, their flyout envelopes and the
// engagement geometry of a threat against a launch site: predicted
// intercept points, launch windows and battle space, and how track error
// lowers the kill probability.
//
// # Conventions
//
// SI units and radians. Times are seconds from the scenario epoch, except
// flyout times, which are seconds after the interceptor's launch. Threat
// states are ECEF position and Earth-relative (ECEF) velocity. Altitudes of
// intercept points are above the WGS-84 ellipsoid; envelope altitudes are
// above the launch site.
//
// # Interceptor model
//
// FromCatalog takes every value of a catalog interceptor at one pick; the
// stage dry masses and the mass above the last stage are read at the
// other end of their bands, so that PickLow is the pessimistic
// interceptor throughout (heavy and slow) and PickHigh the optimistic
// one. A flyout is flown from the catalog stages (constant thrust and
// mass flow per stage, dry mass dropped at staging; the last stage's case
// stays with the kill vehicle, which only drag sees) or, for WithBurnout,
// by a constant thrust acceleration over the burn time calibrated by the
// secant method so that the flyout at the reference kick (30°) burns out
// at the given speed, without drag. Steering is flight's: a vertical rise
// of min(10 s, 8 % of the burn), a pitch-over with thrust held at the
// kick angle from the vertical for min(10 s, 12 %), then a gravity turn
// with thrust along the velocity.
//
// # Stage calibration
//
// The burnout speed is the published figure (burnout_speed_kms); the
// stage data are derived assumptions written to reproduce it after an
// assumed 0.3–1.0 km/s of loss. Flown, the loss is larger (SM-3 IIA at the
// reference kick: 0.58 km/s gravity, 0.41 km/s drag), and the stages as
// catalogued burnt out at SM-3 IB 2.81 km/s against 3.0, IIA 4.15 against
// 4.5, GBI 6.90 against 7.5. The unknown of the derivation is the motors'
// specific impulse, so each stage flies its catalog (central) specific
// impulse, Isp = F·t_b/(m_p·g0), at the pick's propellant mass and burn
// time, all stages scaled by one factor (Interceptor.IspScale) that
// makes the flyout at the reference kick burn out at the catalog speed of
// the pick (regula falsi, to 1e-6). The calibrated specific impulses of
// the catalog lie between 231 and 309 s, inside what solid motors deliver;
// a calibration that needs less than 200 s or more than 320 s is refused
// as a contradiction between the entry's masses and its burnout speed
// (TestFlownBurnoutMatchesCatalog). thrust_kn thus enters through its
// central value, as the stage's specific impulse.
//
// # Flyout
//
// Flyouts are 3-DOF point-mass flights in the vertical plane of the
// launch on a non-rotating sphere (radius 6371 km, central gravity):
//
//	r̈ = −μ r/|r|³ + (T/m) û − ½ ρ(h) |v| v · Cd·A/m,
//
// with ρ from atmos below 120 km, Cd = 0.3 (DragCoefficient) and A from
// the catalog diameter_m. DOPRI5 (package flight) integrates each thrust
// segment to a relative tolerance of 1e-9; a flyout ends at ground impact
// or at the catalog max_flyout_time_s. Ignoring Earth rotation makes the
// envelope the same in every azimuth; the real reach differs by up to
// ±ωR cos φ / v_bo (about ±7 % for a 4.5 km/s interceptor at 50° N, more
// eastward).
//
// # Envelope
//
// BuildEnvelope flies a fan of kick angles, 0 to 88° every ~1.2° plus 12
// geometrically spaced small kicks (kicks that descend or strike the
// ground under thrust are dropped), refined adaptively: a kick is inserted
// between neighbours whose crossings of any range column lie more than two
// altitude cells apart. On a 256 × 192 grid over ground range and
// altitude it stores the earliest time TMin at which a flyout passes each
// node, with its speed and flight-path angle, and the latest time TMax.
// Each flyout crosses each range column once (ground range never
// decreases); between neighbouring kicks the crossing time is interpolated
// linearly in altitude; the vertical flyout gives the overhead column.
// Envelope.At interpolates bilinearly; near the boundary a point counts as
// reachable if the weights of its reachable nodes sum to ½ or more, which
// places the boundary to within half a cell. Two cells or more inside, the
// envelope matches a direct minimum-time solve to 1e-4 relative
// (TestEnvelopeMatchesDirectFlyout). Interceptor.Envelope caches one
// envelope per name, pick and flyout parameters (sync.Map with sync.Once),
// so concurrent trials share it; a build takes 50–80 ms of CPU and the
// envelope ~0.8 MB. The cache holds an envelope until
// Interceptor.ReleaseEnvelope: callers that fly many interceptors once
// each (the burnout-speed sweep of package analysis) release each when
// done, so that it holds only the catalog interceptors in use.
//
// The burnout model (WithBurnout: no stages, no drag) is built the same
// way with two shortcuts that leave the fan and the grid unchanged
// (kepler.go, boosttable.go): after burnout only central gravity acts, so
// each coast is a Kepler arc whose column crossings follow in closed form
// (orbit equation and Kepler's equation), and the boost of an inserted
// kick is interpolated (cubic in the kick, over four integrated boosts of
// the initial fan, checked against the neighbouring windows) instead of
// integrated. A flyout whose closed-form extents could set the grid's
// largest range or altitude is integrated whole, so the grid is the
// integrated fan's to the last bit; the times of flight agree with the
// fully integrated envelope within 1e-6 relative and every node has the
// same reachability (TestKeplerEnvelopeMatchesIntegratedFan). A sweep
// envelope takes 6–9 ms of CPU instead of ~40.
//
// # Engagement geometry
//
// The ground range of a threat point p from site s is R·∠(s, p) with R the
// envelope's sphere radius and the angle between geocentric vectors; its
// altitude is the geodetic height. An intercept at time t is feasible when
//
//	MinAlt ≤ h(t) ≤ MaxAlt,  g(t) ≤ min(MaxRange, envelope reach),
//	TMin(g, h − h_site) finite,  |v_I − v_T| ≥ MinClosingSpeed,
//
// with v_I the interceptor velocity of the fastest flyout (speed and
// flight-path angle from the envelope, in the plane of site and PIP).
// An interceptor launched at t_L can intercept at t if the intercept is
// feasible and TMin ≤ t − t_L ≤ MaxFlyout: arriving no later than the
// threat suffices, as in open-literature reach analyses, since an
// interceptor can arrive later than its fastest flyout by lofting,
// delaying a pulse or coasting (energy management). PIP returns the
// earliest such t; it usually solves t − t_L = TMin(g(t), h(t)).
//
// Window scans intercept times every ScanStep (2 s), jumping ahead by
// (distance outside the range and altitude limits)/MaxThreatSpeed, which
// cannot skip a feasible time (the threat's current speed would not do: a
// booster accelerates from rest), and bisects every change of feasibility to
// TimeTol. With decision the earliest possible launch, an intercept at t
// is in the battle space if it is feasible and t − TMin ≥ decision. Then
// LastLaunch = max t − TMin and FirstLaunch = max(decision,
// FirstIntercept − MaxFlyout). A Path (Sample, PredictTrack) makes the
// threat cheap to evaluate; one window costs 10–100 µs and allocates
// nothing.
//
// # Track error and kill probability
//
// The kill vehicle removes the predicted-position error of its handover in
// terminal homing. The error at intercept is Gaussian with covariance
// P(t) = F P Fᵀ + Q from the track estimate, propagated by the track's
// motion model; only its part perpendicular to the closing velocity
// matters, with per-axis variance σ² = ½ tr(Π P_rr Π), Π = I − d̂d̂ᵀ.
// Treating both axes as equal, |miss| is Rayleigh. The kill vehicle can
// take out a miss up to R = ½ Δv t_go (its divert Δv spent at constant
// acceleration over the homing time t_go = seeker acquisition range /
// closing speed, capped by the coast time), so
//
//	Pk = Pk_ssp · P(|miss| ≤ R) = Pk_ssp · (1 − exp(−R²/(2σ²))).
//
// Pk → Pk_ssp as σ → 0 and → 0 for σ ≫ R; it falls with σ and rises with
// R. Assumptions: unbiased track, no seeker field-of-view or
// discrimination limits, Pk_ssp already includes every other failure. The
// seeker ranges, divert Δv and flyout-time limits in the catalog are
// assumptions marked as such.
//
// # Air-breathing targets
//
// Against cruise missiles and aircraft (air.go) an interceptor with a
// catalog max_range_air_km has an AirEnvelope: that ground range, the
// intercept altitudes (min_intercept_alt_air_km where given, else
// min_intercept_alt_km; max_intercept_alt_km) and the single-shot pk
// (pk_air where given). Its flyout is kinematic: constant acceleration to
// the burnout speed over the burn, then constant speed along a straight
// line (no drag or gravity: a lower bound on the flyout time). Against a
// target of constant velocity the intercept is closed form (AirFlyout): a
// quadratic in the coast, a bisection capped at 60 steps in the burn.
//
// # References
//
//   - D. A. Wilkening, "Does Missile Defense in Europe Threaten Russia?",
//     Survival 54(1), 31–52, 2012, doi:10.1080/00396338.2012.657531.
//   - T. A. Postol and G. N. Lewis, "The Proposed US Missile Defense in
//     Europe: Technological Issues Relevant to Policy", briefing, 2007;
//     G. N. Lewis and T. A. Postol, "European Missile Defense: The
//     Technological Basis of Russian Concerns", Arms Control Today, 2007.
//   - National Research Council, Making Sense of Ballistic Missile
//     Defense, National Academies Press, 2012, doi:10.17226/13189.
//   - APS Study Group on Boost-Phase Intercept Systems for National
//     Missile Defense, Rev. Mod. Phys. 76, S1, 2004,
//     doi:10.1103/RevModPhys.76.S1.
//   - P. Zarchan, Tactical and Strategic Missile Guidance, 6th ed., AIAA,
//     2012 (divert and miss distance).
//   - E. L. Fleeman, Tactical Missile Design, 2nd ed., AIAA, 2006 (drag
//     coefficient).
package intercept
