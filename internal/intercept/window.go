package intercept

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Scan settings of PIP and Window.
const (
	// ScanStep is the step over intercept (or arrival) times, s. A feasible
	// stretch shorter than this may be missed.
	ScanStep = 2.0
	// TimeTol is the accuracy of the refined boundaries, s.
	TimeTol = 1e-3
	// exitSteps is the number of substeps PIP examines where a feasible
	// stretch ends between two scan points.
	exitSteps = 8
)

// Intercept is one intercept geometry.
type Intercept struct {
	T          float64 // intercept time, s from the epoch
	Launch     float64 // launch time, s from the epoch
	FlyoutTime float64 // T − Launch, s

	Pos, Vel    r3.Vec  // threat ECEF position and velocity at T
	GroundRange float64 // from the site on the envelope's sphere, m
	Alt         float64 // threat height above the WGS-84 ellipsoid, m

	Speed        float64 // interceptor speed at T (fastest flyout), m/s
	Closing      r3.Vec  // interceptor minus threat velocity, ECEF, m/s
	ClosingSpeed float64 // |Closing|, m/s
}

// BattleSpace is the set of feasible intercepts of one threat from one
// site. An intercept at time t is feasible when the threat is inside the
// interceptor's altitude and range limits and its flyout envelope, the
// closing speed is at least MinClosingSpeed, and the launch for the
// fastest flyout, t − TMin, is no earlier than the decision time.
type BattleSpace struct {
	// FirstLaunch is the earliest launch (≥ the decision time) from which
	// some feasible intercept is reached within the longest flyout:
	// max(decision, FirstIntercept − MaxFlyout).
	FirstLaunch float64
	// LastLaunch is the latest launch that still intercepts: max t − TMin.
	LastLaunch float64
	// FirstIntercept and LastIntercept bound the feasible intercept times.
	FirstIntercept, LastIntercept float64

	First, Last    Intercept // at FirstIntercept and LastIntercept, each launched at its latest
	MinAlt, MaxAlt float64   // altitude span of the feasible intercepts, m
	Gaps           int       // infeasible stretches between FirstIntercept and LastIntercept
}

// engagement is one threat against one site and interceptor type.
type engagement struct {
	site siteFrame
	ic   *Interceptor
	env  *Envelope
	th   Threat
	gLim float64 // ground range limit, m
}

func newEngagement(site geo.LLA, ic *Interceptor, th Threat) (engagement, error) {
	env, err := ic.Envelope()
	if err != nil {
		return engagement{}, err
	}
	return engagement{site: newSiteFrame(site), ic: ic, env: env, th: th,
		gLim: math.Min(ic.MaxRange, env.MaxRange)}, nil
}

// MaxThreatSpeed bounds the Earth-relative speed of any threat, m/s: above
// an ICBM's burnout speed (about 7 km/s) and below orbital speed. Window and
// PIP jump over times when the threat is outside the interceptor's limits
// by (distance outside)/MaxThreatSpeed, which no threat can cover sooner,
// even one accelerating from rest in boost.
const MaxThreatSpeed = 8000.0

// point is the engagement geometry at one intercept time.
type point struct {
	x     Intercept
	reach Reach
	ok    bool    // inside limits and envelope, closing speed met
	skip  float64 // lower bound on the time until ok can hold, s
}

// at evaluates the geometry of an intercept at time t.
func (en *engagement) at(t float64) point {
	var p point
	pos, vel := en.th(t)
	g, h := en.site.rangeAlt(pos)
	p.x = Intercept{T: t, Pos: pos, Vel: vel, GroundRange: g, Alt: h}
	ic := en.ic
	out := math.Max(g-en.gLim, math.Max(ic.MinAlt-h, h-math.Min(ic.MaxAlt, en.site.alt+en.env.MaxAlt)))
	if out > 0 {
		p.skip = out / MaxThreatSpeed
		return p
	}
	r, ok := en.env.At(g, h-en.site.alt)
	if !ok {
		return p
	}
	p.reach = r
	vi := en.site.interceptorVel(pos, r.Speed, r.Gamma)
	p.x.Speed = r.Speed
	p.x.Closing = r3.Sub(vi, vel)
	p.x.ClosingSpeed = norm(p.x.Closing)
	p.ok = p.x.ClosingSpeed >= ic.MinClosingSpeed
	return p
}

// PIP returns the predicted intercept point of an interceptor launched from
// site at time launch: the earliest t in (launch, min(t1, launch +
// MaxFlyout)] at which the threat is at a feasible point (limits, envelope,
// closing speed) that the interceptor can reach by then, t − launch ≥ TMin.
// Usually t − launch = TMin at the PIP; where the threat enters the
// feasible set later, the interceptor arrives on time by energy management
// (see the package doc). It returns false if there is none.
func PIP(site geo.LLA, ic *Interceptor, th Threat, launch, t1 float64) (Intercept, bool) {
	en, err := newEngagement(site, ic, th)
	if err != nil {
		return Intercept{}, false
	}
	end := math.Min(t1, launch+ic.MaxFlyout)
	eval := func(t float64) (point, bool) {
		p := en.at(t)
		return p, p.ok && t-launch >= p.reach.TMin
	}
	// earliest bisects (a, b] for the first good time, b good.
	earliest := func(a, b float64, pb point) Intercept {
		for b-a > TimeTol {
			mid := (a + b) / 2
			if q, good := eval(mid); good {
				b, pb = mid, q
			} else {
				a = mid
			}
		}
		pb.x.Launch, pb.x.FlyoutTime = launch, pb.x.T-launch
		return pb.x
	}
	pa, _ := eval(launch)
	ta := launch
	for ta < end {
		tb := math.Min(end, ta+ScanStep)
		if !pa.ok {
			tb = math.Min(end, ta+math.Max(ScanStep, pa.skip))
		}
		pb, good := eval(tb)
		if good {
			return earliest(ta, tb, pb), true
		}
		if pa.ok && !pb.ok {
			// A feasible stretch ends inside (ta, tb): the intercept may be
			// possible just before its end. Look at exitSteps substeps so
			// that a short gap does not hide it.
			sa, qa := ta, pa
			for k := 1; k <= exitSteps; k++ {
				sb := ta + (tb-ta)*float64(k)/exitSteps
				qb, good := eval(sb)
				if good {
					return earliest(sa, sb, qb), true
				}
				if qa.ok && !qb.ok {
					lo, hi, pe := sa, sb, qa
					for hi-lo > TimeTol {
						mid := (lo + hi) / 2
						if q := en.at(mid); q.ok {
							lo, pe = mid, q
						} else {
							hi = mid
						}
					}
					if lo-launch >= pe.reach.TMin {
						return earliest(sa, lo, pe), true
					}
				}
				sa, qa = sb, qb
			}
		}
		ta, pa = tb, pb
	}
	return Intercept{}, false
}

// Window returns the battle space of a threat against an interceptor at
// site, scanning intercept times over [t0, t1] every ScanStep (faster where
// the threat is outside the range and altitude limits) and refining each
// boundary to TimeTol. decision is the earliest possible launch time. It
// returns false when no intercept is feasible.
func Window(site geo.LLA, ic *Interceptor, th Threat, t0, t1, decision float64) (BattleSpace, bool) {
	bs, ok, _ := WindowShortfall(site, ic, th, t0, t1, decision)
	return bs, ok
}

// OutLipschitz bounds how fast the distance outside the limits (ground
// range on the envelope's sphere, height) changes with the threat's
// position: the ground range changes by earthRadius/r per metre across the
// line of sight, at most 1.01 down to r = 6,308 km (48 km below the polar
// radius, deeper than a prediction's last sample goes), and the height by
// at most 1.
const OutLipschitz = 1.01

// Use of a Shortfall's margins: a threat path that stays within d of the
// scanned one over the scan (and comes down no later, or below the minimum
// intercept altitude) is infeasible too, when OutM > OutLipschitz·d, or
// when LateS > LateSlackS + LateSPerM·d at the same or a later decision.
// The first is a bound; the second an estimate (TestShortfallIsAMargin).
const (
	// LateSlackS: the scan's 2 s step, over which the latest launch of the
	// points inside the envelope moves by at most about twice that, s.
	LateSlackS = 5.0
	// LateSPerM is how much a metre of path moves the latest launch, s/m.
	// Measured, not derived: the MRBM of the tests against SM-3 IB and IIA
	// at 14 sites, moved until a late window opens, needs 0.3–2.2 s/km
	// (most near the threat's aim point, where a path moved up stays above
	// the minimum intercept altitude longer); 3 s/km leaves room.
	LateSPerM = 3e-3
)

// Shortfall says by how much an infeasible battle space missed, for a
// caller that wants to know whether a threat path near the scanned one can
// be feasible (sim's battle manager, which then need not scan again).
// Zero margins mean the scan gives no such assurance.
type Shortfall struct {
	// OutM is a lower bound on the threat's distance outside the range and
	// altitude limits over all of [t0, t1], between the scan points too
	// (the threat moves at most MaxThreatSpeed), m; 0 if it came within
	// them.
	OutM float64
	// LateS, when the threat came within the limits: every scanned point
	// inside the flyout envelope needed a launch at least LateS before the
	// decision, s; 0 if some point within the limits failed otherwise than
	// by the envelope (closing speed) or none was inside the envelope.
	LateS float64
}

// WindowShortfall is Window, and for an infeasible battle space also its
// Shortfall (zero when feasible). The scan and its result are Window's.
func WindowShortfall(site geo.LLA, ic *Interceptor, th Threat, t0, t1, decision float64) (BattleSpace, bool, Shortfall) {
	return scanWindow(site, ic, th, t0, t1, decision, false, nil)
}

// FirstLaunch returns Window's BattleSpace.FirstLaunch, its ok and
// WindowShortfall's Shortfall, bit for bit, scanning only up to the first
// feasible intercept (TestFirstLaunchMatchesWindow). When ok, LastLaunch ≥
// decision: every feasible intercept launches at or after the decision.
func FirstLaunch(site geo.LLA, ic *Interceptor, th Threat, t0, t1, decision float64) (float64, bool, Shortfall) {
	bs, ok, sf := scanWindow(site, ic, th, t0, t1, decision, true, nil)
	return bs.FirstLaunch, ok, sf
}

// FirstLaunchPIP is FirstLaunch with t0 = decision, and also PIP(site,
// ic, th, decision, t1) when the scan already made PIP's: pipOK then, and
// pip is PIP's result bit for bit (TestFirstLaunchPIPMatchesPIP). The two
// scans step over the same intercept times from the decision and bisect
// the same way; pipOK holds when the first feasible intercept was found
// by bisection within decision + MaxFlyout, PIP's test of a launch at the
// decision (t − launch ≥ TMin) agreed with the window's (t − TMin ≥
// decision) at every point examined, and no feasible stretch ended
// between two scan points before it (where PIP looks closer). Otherwise
// the caller runs PIP.
func FirstLaunchPIP(site geo.LLA, ic *Interceptor, th Threat, decision, t1 float64) (first float64, ok bool, sf Shortfall, pip Intercept, pipOK bool) {
	var pc pipCheck
	bs, ok, sf := scanWindow(site, ic, th, decision, t1, decision, true, &pc)
	if !ok {
		return bs.FirstLaunch, false, sf, Intercept{}, false
	}
	if pc.refined && pc.agree && !pc.exit && pc.tFound <= decision+ic.MaxFlyout {
		pip, pipOK = bs.First, true
		pip.Launch, pip.FlyoutTime = decision, pip.T-decision
	}
	return bs.FirstLaunch, true, sf, pip, pipOK
}

// pipCheck is what scanWindow notes for FirstLaunchPIP.
type pipCheck struct {
	agree   bool    // PIP's test and the window's agreed at every point
	exit    bool    // a feasible stretch (limits, envelope, closing) ended between scan points
	refined bool    // the first feasible intercept was found by bisection
	tFound  float64 // the scan point at which it was found
	rawPrev bool    // the previous scan point's ok before the launch test
}

// scanWindow is Window's scan; firstOnly stops it at the first feasible
// intercept, when only the BattleSpace's First, FirstIntercept and
// FirstLaunch are complete. pc, when set, gathers FirstLaunchPIP's checks
// (with firstOnly); they change nothing in the scan.
func scanWindow(site geo.LLA, ic *Interceptor, th Threat, t0, t1, decision float64, firstOnly bool, pc *pipCheck) (BattleSpace, bool, Shortfall) {
	en, err := newEngagement(site, ic, th)
	if err != nil {
		return BattleSpace{}, false, Shortfall{}
	}
	// The shortfall's bookkeeping: the smallest distance outside the limits
	// between consecutive scan points (half the sum of theirs less what the
	// threat can cover between them), and the latest launch of the points
	// inside the envelope.
	var (
		outM              = math.Inf(1)
		prevOut, prevT    float64
		latest            = math.Inf(-1)
		withinLimits, odd bool
	)
	note := func(t float64, p point) {
		out := p.skip * MaxThreatSpeed
		if t > t0 {
			outM = math.Min(outM, (out+prevOut-OutLipschitz*MaxThreatSpeed*(t-prevT))/2)
		} else {
			outM = out
		}
		prevOut, prevT = out, t
		if p.skip > 0 {
			return
		}
		withinLimits = true
		switch {
		case p.reach == Reach{}:
			// outside the envelope
		case !p.ok:
			odd = true // inside the envelope, closing too slowly
		default:
			latest = math.Max(latest, t-p.reach.TMin)
		}
	}
	if pc != nil {
		pc.agree = true
	}
	launchable := func(t float64, p point) point {
		if pc != nil && (p.ok && t-p.reach.TMin >= decision) != (p.ok && t-decision >= p.reach.TMin) {
			pc.agree = false
		}
		p.ok = p.ok && t-p.reach.TMin >= decision
		p.x.Launch, p.x.FlyoutTime = t-p.reach.TMin, p.reach.TMin
		return p
	}
	feasible := func(t float64) point { return launchable(t, en.at(t)) }
	// refine bisects between two points of different feasibility and
	// returns the feasible point nearest the switch.
	refine := func(a, b point) point {
		in, out := a, b
		if !a.ok {
			in, out = b, a
		}
		for math.Abs(in.x.T-out.x.T) > TimeTol {
			if q := feasible((in.x.T + out.x.T) / 2); q.ok {
				in = q
			} else {
				out = q
			}
		}
		return in
	}
	var bs BattleSpace
	found := false
	take := func(p point) {
		if !found {
			found = true
			bs.First, bs.FirstIntercept = p.x, p.x.T
			bs.LastLaunch = math.Inf(-1)
			bs.MinAlt, bs.MaxAlt = math.Inf(1), math.Inf(-1)
		}
		bs.Last, bs.LastIntercept = p.x, p.x.T
		bs.LastLaunch = math.Max(bs.LastLaunch, p.x.Launch)
		bs.MinAlt = math.Min(bs.MinAlt, p.x.Alt)
		bs.MaxAlt = math.Max(bs.MaxAlt, p.x.Alt)
	}
	var prev point
	for t := t0; ; {
		p := en.at(t)
		note(t, p)
		if pc != nil && !found {
			if t > t0 && pc.rawPrev && !p.ok {
				pc.exit = true
			}
			pc.rawPrev = p.ok
		}
		p = launchable(t, p)
		if t > t0 && p.ok != prev.ok {
			if p.ok && found {
				bs.Gaps++
			}
			if pc != nil && !found {
				pc.refined, pc.tFound = true, t
			}
			take(refine(prev, p))
		}
		if p.ok {
			take(p)
		}
		if firstOnly && found {
			break
		}
		prev = p
		if t >= t1 {
			break
		}
		step := ScanStep
		if !p.ok {
			step = math.Max(step, p.skip)
		}
		t = math.Min(t1, t+step)
	}
	if !found {
		var sf Shortfall
		switch {
		case !withinLimits:
			sf.OutM = math.Max(0, outM)
		case !odd && latest > math.Inf(-1):
			sf.LateS = math.Max(0, decision-latest)
		}
		return BattleSpace{}, false, sf
	}
	bs.FirstLaunch = math.Max(decision, bs.FirstIntercept-ic.MaxFlyout)
	return bs, true, Shortfall{}
}
