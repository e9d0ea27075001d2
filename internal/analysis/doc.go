// Package analysis holds the mission's quick analyses: closed-form and
// semi-analytic calculations that answer a question of mission.md directly,
// without building a scenario world. Each analysis lives in its own files
// (salvo*.go, rotation*.go, airpolicing*.go, ...) and is described in its own
// section below; new analyses add a section here.
//
// # Conventions
//
// SI units inside. At the edges (exported fields, JSON) angles are degrees,
// distances kilometres, speeds km/s, times minutes or days, and every field
// name carries its unit (lat_deg, radius_km, transit_days, scramble_min).
// JSON field names are snake_case. Inputs have a Validate method that reports
// every problem at once (errors.Join), each naming the field path and, where
// there is a list, the allowed values:
//
//	deployments[2].start: "2024-13-01" is not a date; want YYYY-MM-DD
//	doctrine: "sls" is not allowed; allowed: barrage, spread, shoot-look-shoot
//
// Functions return errors, never panic, on bad input. Everything is
// deterministic: the same input gives the same output bit for bit.
//
// # Salvo and exchange arithmetic (question 6)
//
// W warheads (one RV each, no decoys) meet a magazine of N interceptors of
// single-shot kill probability Pk; shots are independent, q = 1 − Pk. A
// warhead is engaged at all with probability Pe (detection, tracking,
// discrimination and battle management; SalvoEngagement.PEngaged); an
// unengaged warhead leaks and costs no interceptor. Interceptor reliability
// belongs in Pk (Pk = reliability × kill given a working interceptor).
//
// Two one-look doctrines differ when the magazine is short (N < s·m for m
// engaged warheads). A warhead given k shots leaks with probability q^k
// (Pk = 0.8, s = 2: 0.04).
//
// Barrage: s interceptors at each engaged warhead in turn while they last.
// With a = ⌊N/s⌋ and r = N mod s, min(m, a) warheads get s shots, one more
// gets the r left over if m > a, and the rest are not fired at:
//
//	E[leakers | m] = min(m, a)·q^s + (m − min(m, a)) − [m > a]·(1 − q^r)
//	P(no leaker | m) = (1−q^s)^(m−1)·(1−q^r) if a = m−1 and r > 0, else 0
//
// Spread: one interceptor at each engaged warhead, then seconds, up to s:
// a = ⌊N/m⌋, r = N mod m, r warheads get a+1 shots and m−r get a, so
//
//	E[leakers | m] = r·q^(a+1) + (m−r)·q^a
//	P(no leaker | m) = (1−q^(a+1))^r · (1−q^a)^(m−r)
//
// (1,550 warheads, 1,500 interceptors, Pk 0.6, s = 2, Pe 0.83: barrage
// leaves 920.0, spread 726.9.)
//
// Shoot-look-shoot: up to L looks; at each look every surviving engaged
// warhead gets s shots (spread as above when the stock is short),
// and only survivors are engaged again. With an ample magazine (N ≥ s·W·L)
// the closed forms are
//
//	P(leak) = q^(s·L)
//	E[interceptors per engaged warhead] = s·Σ_{j=0}^{L−1} q^(s·j) = s(1−q^(sL))/(1−q^s)
//
// With a finite magazine the survivors after each look form a Markov chain on
// (survivors m, stock n): m' ~ Binomial(m, q^s), n' = n − s·m while the stock
// lasts; the look at which the stock runs short, and the last look, are
// closed with the spread formulas above. The package evaluates
// this chain exactly (SalvoOutcome.Method "dp"), dropping only states of
// probability below 1e-16; the dropped mass is reported as an error bound.
// The number of engaged warheads is Binomial(W, Pe) and is summed exactly.
// In all cases
//
//	E[leakers] = W(1−Pe) + Σ_m P(m engaged)·E[leakers | m]
//	P(no leaker) = Pe^W · P(no leaker | W engaged)
//
// SalvoExchangeCurve gives the outcome over a range of N (the exchange curve
// of expected leakers against interceptors), SalvoExchangeCurves the same for
// several engagements (one per Pk and doctrine to compare), and
// InterceptorsForLeakers and InterceptorsForZeroLeakers the least N that
// reaches a goal (bisection; the outcome is monotone in N, which the tests
// check). The chain's cost grows with the spread of the survivors; for
// W = 1,550 an evaluation takes from microseconds (two looks) to about 0.1 s
// (five looks, Pk 0.3, Pe < 1). W is limited to MaxSalvoWarheads. The tests check every formula against a seeded
// Monte Carlo and against values computed by hand. The model family is that
// of D. Wilkening, "A simple model for calculating ballistic missile defense
// effectiveness", Science & Global Security 8:2, 183–215 (2000),
// doi:10.1080/08929880008426475, and of the arithmetic in National Research
// Council, Making Sense of Ballistic Missile Defense (National Academies
// Press, 2012); the formulas here are derived from first principles and
// were not re-checked against those texts' equations (attribution
// unverified).
//
// # Rotation coverage (question 5)
//
// A RotationPlan lists deployments (unit, owner, position, start and end date,
// transit and readiness delays, a defended radius given directly or taken from
// the catalog) and assets. A deployment that starts on day S (00:00 UTC) and
// ends on day E is ready from S + transit + readiness until the end of day E.
// An asset is covered while it lies within the defended radius (geodesic
// distance on WGS-84) of at least one ready unit. RotationCoverage returns,
// for every asset, the covered intervals within the year, the covered
// fraction, the gaps (with the units on either side, so handover gaps are
// named) and a per-slot (day or hour) covered flag; and for every deployment
// its ready period and availability. The defended radius is taken as a plain
// circle; it is not a defended footprint against a given threat trajectory.
//
// # Air policing (question 9)
//
// QRARequest describes quick-reaction alert bases, a fighter type and a target
// track; QRAIntercepts returns, per base, the time from alert to intercept,
// the intercept point and the distance flown, and the quickest base. The
// fighter's timeline has three phases, each from the catalog (with its
// source and low, central and high values) or the request: at the alert
// (t = 0) it needs the scramble time τ to get airborne (Baltic Air
// Policing: within 15 minutes); it then climbs for t_c (the published time
// to 35,000 ft), covering ground toward the target at a mean v_c; then it
// transits at a sustainable speed v_t (supercruise, not the top speed:
// the "max" transit is kept as a bound). The ground distance flown s after
// take-off is
//
//	R(s) = v_c·s                    for s ≤ t_c
//	R(s) = v_c·t_c + v_t·(s − t_c)  after
//
// along the geodesic from the base to the intercept point. The target moves
// along its track (geodesic legs at given speeds and heights), each leg
// flown by the engine's aircraft mover, flight.Path from flight.NewFlight,
// so the engine and question 9 share the target geometry; a leg's height is
// interpolated between its waypoints' heights. The earliest
// intercept is the least root T of
//
//	h(T) = R(T − τ) − d(base, P(T))
//
// where P(T) is the target position and d the WGS-84 geodesic distance at
// zero height. h is Lipschitz with constant max(v_c, v_t) + u (u the largest
// target speed), so a scan with steps |h|/(max(v_c, v_t) + u) cannot jump
// over a root; the first sign change is then refined by bisection. For a
// stationary target T = τ + t_c + (d − v_c·t_c)/v_t (d > v_c·t_c); for a
// target flying toward the base along its meridian from d0 at u,
// T = (d0 + v_t(τ + t_c) − v_c·t_c)/(v_t + u) after the climb. Without a
// climb (t_c = 0) and a target flying directly away (+) or toward (−) it,
// T = (τ + d0/v)/(1 ∓ u/v).
//
// # Range rings and reach (questions 3 and 4)
//
// RangeRings draws one ring per range value of a catalog missile
// (RangeValues): the low, central and high values of its range_km band and
// one per claim, so the disputed 9M729 gets its 480 km ring (Russia) and its
// 2,500 km ring (US estimate) side by side. A ring is the closed polygon of n
// points P_k = Direct(centre, 2πk/n, R) on the WGS-84 ellipsoid (Karney's
// direct geodesic, package geo): every vertex lies exactly at geodesic
// distance R from the centre. The tests check each vertex with the inverse
// problem and spot-check vertices against GeographicLib's GeodSolve.
//
// MissileReach lists every catalog place with its geodesic distance and
// bearing from the launch point, the range values that reach it ("beyond"
// when none does), and the flight time of the simulator's own flight to it
// (sim.FlyOne): a ballistic missile flown min-energy from its catalog stages
// with J2, Earth rotation and drag; a cruise missile on the great-circle
// route at its catalog speed and altitude, so that its time is the route
// length over the speed (no climb is modelled: 1,600 km at 880 km/h is 109
// min).
//
// # Radar coverage (question 7)
//
// RadarFootprint gives, for each azimuth, the largest ground range s at which
// a target at height h is seen: inside the instrumented range, the
// apparent-elevation limits and the azimuth sector, above the 4/3-Earth
// horizon, and detected with probability Pd per dwell at the given RCS by the
// range equation and the radar's detector (radar.Radar.Observe; nothing is
// recomputed). Along a ray each limit is a threshold in s, so the covered set
// is an interval found by sampling and bisection. Where the horizon limits,
//
//	s = kR_α [arccos(r_e/(r_e+h_a)) + arccos(r_e/(r_e+h))],  r_e = kR_α,
//	  ≈ √(2kR h_a) + √(2kR h) = 4.12 (√h_a + √h) km (heights in m, k = 4/3),
//
// with R_α the radius of curvature of the ellipsoid in the ray's azimuth
// (Skolnik, Introduction to Radar Systems, 3rd ed., 2001, ch. 8); where the
// range equation limits, the slant range at the edge is
//
//	R = (E·G²λ²σ / ((4π)³ k T_s L · SNR_req(Pd, Pfa, n, Swerling)))^{1/4}.
//
// RadarSightings samples ballistic trajectories (FlyFamilies) against radars
// and reports, for each pair, the first time after launch at which the
// missile is inside coverage (booster RCS while thrusting, RV RCS after, from
// the catalog), refined by bisection, where it is then, and how long it stays
// covered: which launch areas each radar sees, and how early. With central
// catalog values the AN/TPY-2 at Kürecik first sees a Sejjil-2 from Tabriz
// 64 s after launch, still in boost, 44 km up and 710 km away; it never sees
// an RS-24 from Kozelsk, which flies north-west outside its sector, while
// the Voronezh-DM at Pionersky sees that RS-24 only in midcourse (434 s).
//
// # Battle space and the burnout-speed sweep (question 2)
//
// BattleSpaceSweep flies families of ballistic trajectories (launch area →
// aim point, over profiles and optionally the dispersal points of the launch
// area) and evaluates every (interceptor type, site, trajectory, cueing). The
// cueing sets the decision time, the earliest interceptor launch. Three
// cueings are bounds that no sensor chain attains:
//
//	launch         t_launch                                    (kinematic bound)
//	burnout        t_burnout + commit                          (a perfect track at burnout)
//	space          launch report (launchdetect: plume above 10 km + delay) + commit
//	               (warning bound: a launch report is not a fire-control track)
//
// and three are sensor chains (battlespace_chain.go): own-radar (the site's
// radar), forward-radar (another radar and its link latency) and chain
// (several radars, fused), each optionally cued by space-based warning. A
// radar of a chain detects the threat when it enters its coverage if it is
// cued, else one search frame later; it measures it every track interval
// with the thermal-noise accuracy of its dwell; the track is firm after 3
// detections; a ballistic EKF (package track) runs on the detections after
// burnout. The chain commits at the first firm estimate, at the site after
// its latency, whose predicted miss at the first or last intercept
// (intercept.MissSigma) lies within the kill vehicle's homing reach
// (Interceptor.HomingReach) with probability 0.9:
//
//	decision = arrival of that estimate + commit.
//
// The trajectory is engageable when intercept.Window finds a battle space
// with that decision time, scanned over the whole flight from launch.
// SpeedBand repeats the evaluation with each interceptor built from the
// catalog at its low, central and high pick (intercept.FromCatalog: burnout
// speed, burn time, stages, masses and limits at that end of their bands),
// and, beside it, with the sweep's idealised WithBurnout flyout at the same
// burnout speed (SweepModelFraction), which reaches farther.
//
// The engageable fraction of a family is the share of its trajectories
// with a battle space. The required burnout speed of a trajectory is the
// lowest speed v at which an interceptor flown by WithBurnout(v) (constant
// thrust over the burn time of the row's interceptor, or of
// BurnoutSweep.Base for every row; no drag; catalog maximum range and
// altitude lifted unless BurnoutSweep.KeepLimits) engages it. Speeds lie on
// the lattice Min + j·Tol: a grid (1 to 10 km/s every 0.25 km/s by
// default) finds the first bracket that engages, then bisection on the
// lattice narrows it to Tol (0.05 km/s). Every trajectory draws on the same lattice
// speeds, each an envelope that package intercept builds in ~70 ms (~0.8
// MB). The searches of all engagements run together in rounds (each asks
// its next speed; each speed asked is built once, answers every
// engagement that asked it and is released), the speeds of a round on
// the workers side by side: a sweep costs about 70 ms of CPU per distinct
// speed, 100–300 speeds for the question-2 sweeps (Cost reports them), plus
// ~0.1 ms per window, and holds only the envelopes in hand. Engageability
// need not be monotone in speed: a faster interceptor can fail the minimum
// closing speed in a tail chase, and the WithBurnout flyouts of package
// intercept, which accelerate harder at higher speed, turn less and reach
// less of the low, distant part of the envelope (against a depressed RS-24
// from Vypolzovo, 5.25–5.75 km/s engage from Redzikowo and 6–7 km/s do
// not). The result is the lowest lattice speed found to engage; a stretch of
// engaging speeds narrower than the grid step can be missed. A family's
// required_burnout_speed_kms engages all of its trajectories (null if one is
// not engaged within the sweep); required_burnout_speed_any_kms at least one.
//
// With the catalog's central values, 45 RS-24 trajectories (Kozelsk,
// Teykovo, Tatishchevo, Vypolzovo and Novosibirsk to Washington, New York
// and Boston; min-energy, lofted and depressed) give at Redzikowo the
// engageable fractions
//
//	cueing     SM-3 IB  IIA   IIB
//	launch     0        0.27  0.84   (interceptor launched with the ICBM)
//	space      0        0.13  0.56   (30 s after the plume clears 10 km)
//	burnout    0        0     0.13
//	own-radar  0        0     0      (the SPY-1 never detects a 0.01 m² RV)
//
// and none at Deveselu; to engage every trajectory of a western field under
// space cueing an interceptor would have needed 5.3–5.9 km/s, against the
// IIA's then flown 4.15 km/s. These are figures from before issue 12: the
// flyouts now burn out at their catalog speeds (IIA 4.5 km/s), and the
// question-2 library scenario reports 0 for all three under its best sensor
// chain, with the bounds and the speed band beside it (rampart run
// redzikowo-icbm). This is the shape of the conclusions of D. Wilkening, "Does
// Missile Defense in Europe Threaten Russia?", Survival 54(1), 31–52 (2012),
// doi:10.1080/00396338.2012.657531, and of G. N. Lewis and T. A. Postol,
// "European Missile Defense: The Technological Basis of Russian Concerns",
// Arms Control Today, October 2007: SM-3 IB and IIA cannot catch the ICBMs
// once their boost is over; a much faster interceptor could threaten some
// from western Russia. The exact figures of both texts were not available
// to us (see battlespace_test.go).
package analysis
