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
//	doctrine: "sls" is not allowed; allowed: barrage, shoot-look-shoot
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
// Barrage: s interceptors per engaged warhead, fired at once. A warhead
// given k shots leaks with probability q^k (Pk = 0.8, s = 2: 0.04). With
// fewer than s·m interceptors for m engaged warheads they are spread
// uniformly: a = ⌊N/m⌋, r = N mod m, r warheads get a+1 shots and m−r get a,
// so
//
//	E[leakers | m] = r·q^(a+1) + (m−r)·q^a
//	P(no leaker | m) = (1−q^(a+1))^r · (1−q^a)^(m−r)
//
// Shoot-look-shoot: up to L looks; at each look every surviving engaged
// warhead gets s shots (spread uniformly as above when the stock is short),
// and only survivors are engaged again. With an ample magazine (N ≥ s·W·L)
// the closed forms are
//
//	P(leak) = q^(s·L)
//	E[interceptors per engaged warhead] = s·Σ_{j=0}^{L−1} q^(s·j) = s(1−q^(sL))/(1−q^s)
//
// With a finite magazine the survivors after each look form a Markov chain on
// (survivors m, stock n): m' ~ Binomial(m, q^s), n' = n − s·m while the stock
// lasts; the look at which the stock runs short, and the last look, are
// closed with the uniform-allocation formulas above. The package evaluates
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
// fighter model: at the alert (t = 0) the fighter needs the scramble time τ to
// get airborne, then flies the geodesic from its base to the intercept point
// at a constant dash speed v (climb and acceleration are folded into τ and the
// average v). The target moves along its track (geodesic legs at given speeds
// and heights). The earliest intercept is the least root T of
//
//	g(T) = T − τ − d(base, P(T))/v
//
// where P(T) is the target position and d the WGS-84 geodesic distance at zero
// height. g is Lipschitz with constant 1 + u/v (u the largest target speed),
// so a scan with steps |g|/(1+u/v) cannot jump over a root; the first sign
// change is then refined by bisection. For a stationary target T = τ + d/v;
// for a target flying along the meridian of the base, directly away (+) or
// toward (−) it from distance d0, T = (τ + d0/v)/(1 ∓ u/v).
package analysis
