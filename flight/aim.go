package flight

import (
	"errors"
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// Profile selects the trajectory shape of an aimed shot.
type Profile int

// Trajectory profiles.
const (
	MinEnergy Profile = iota // least burnout speed (or propellant) for the range
	Lofted                   // steeper than minimum energy: higher apogee
	Depressed                // shallower than minimum energy: lower apogee
	// QuasiBallistic is the low, flat trajectory of Iskander-class
	// missiles: a depressed arc whose apogee is the missile's
	// quasi-ballistic apogee (DefaultQuasiBallisticApogee unless the
	// catalog gives one, or Shot.Apogee), or minimum energy where that is
	// lower still.
	QuasiBallistic
)

var profileNames = [...]string{"min-energy", "lofted", "depressed", "quasi-ballistic"}

// Profiles lists the trajectory profiles in the order of their names.
var Profiles = []Profile{MinEnergy, Lofted, Depressed, QuasiBallistic}

// DefaultQuasiBallisticApogee is the apogee of the quasi-ballistic profile
// for a missile that states none, m: about 50 km, the figure open
// descriptions give for the Iskander-M's flattened trajectory (catalog
// Iskander-M apogee_km, central value; RT France, 2017-09-18, calls the
// 9M723 "quasi-ballistic", on a flatter trajectory than a ballistic missile).
const DefaultQuasiBallisticApogee = 50e3

func (p Profile) String() string {
	if p < 0 || int(p) >= len(profileNames) {
		return "unknown"
	}
	return profileNames[p]
}

// ParseProfile parses "min-energy", "lofted", "depressed" or
// "quasi-ballistic".
func ParseProfile(s string) (Profile, error) {
	for i, n := range profileNames {
		if s == n {
			return Profile(i), nil
		}
	}
	return 0, &InputError{Field: "profile", Value: s, Reason: "allowed values: min-energy, lofted, depressed, quasi-ballistic"}
}

// DefaultLoft is the burnout-angle offset from the minimum-energy angle used
// by the lofted (+) and depressed (−) profiles when neither a burnout angle
// nor an apogee is given, rad.
const DefaultLoft = 15 * math.Pi / 180

// MinAimDistanceM is the shortest launch-to-aim distance Solve aims, m.
const MinAimDistanceM = 1e3

// Aim tolerances.
const (
	// MissTol is the miss distance the aim solve converges to, m.
	MissTol = 1.0
	// angleTol is the burnout-angle residual tolerance, rad (0.0006°).
	angleTol = 1e-5
	// apogeeTol is the apogee residual tolerance, m.
	apogeeTol = 10.0
	// minEnergyAngleTol is the bracket width Brent's method stops at when
	// searching the minimum-energy burnout angle, rad (0.006°).
	minEnergyAngleTol = 1e-4
)

// Shot is an aimed ballistic flight.
type Shot struct {
	Launch geo.LLA // launch point; for burnout-state shots BurnoutAlt replaces Launch.Alt
	Aim    geo.LLA // aim point; impact is where the flight descends through Aim.Alt

	// Missile, if nil, starts the flight at burnout at the launch point.
	Missile *Missile

	// Burnout state for Missile == nil (Earth-relative).
	BurnoutSpeed float64 // m/s; 0: solve
	BurnoutAngle float64 // rad; 0: from Profile (or Apogee)
	BurnoutAlt   float64 // m
	Beta         float64 // reentry ballistic coefficient, kg/m²; 0: DefaultBeta, <0: none

	Apogee     float64 // m above the ellipsoid; for Lofted or Depressed, 0: unused
	Profile    Profile
	LaunchTime float64 // s from the scenario epoch
}

// Solve finds the launch azimuth and the free parameters of s that put the
// impact on the aim point, and returns the flight. See the package
// documentation for how each profile is solved.
func Solve(earth Earth, s Shot) (*Trajectory, error) {
	if err := validateEarth(earth); err != nil {
		return nil, err
	}
	if err := validateLLA("launch", s.Launch); err != nil {
		return nil, err
	}
	if err := validateLLA("aim", s.Aim); err != nil {
		return nil, err
	}
	if s.Profile < MinEnergy || s.Profile > QuasiBallistic {
		return nil, &InputError{Field: "profile", Value: int(s.Profile), Reason: "allowed values: min-energy, lofted, depressed, quasi-ballistic"}
	}
	if s.BurnoutAngle < 0 || s.BurnoutAngle >= math.Pi/2 {
		return nil, &InputError{Field: "burnout_angle_deg", Value: s.BurnoutAngle * 180 / math.Pi, Reason: "must be in [0, 90°)"}
	}
	if s.BurnoutSpeed < 0 {
		return nil, &InputError{Field: "burnout_speed", Value: s.BurnoutSpeed, Reason: "must be non-negative"}
	}
	dist, _, _ := inverse(earth.Ellipsoid, s.Launch, s.Aim)
	if dist < MinAimDistanceM {
		return nil, &InputError{Field: "aim", Value: s.Aim, Reason: "aim point within 1 km of the launch point"}
	}
	a := &aimer{g: newEngine(earth), s: s, dist: dist}
	var (
		l   Launch
		err error
	)
	if s.Missile != nil {
		if err := s.Missile.validate(); err != nil {
			return nil, err
		}
		l, err = a.solveQuasiOrMissile()
	} else {
		if err := checkBurnout(earth, burnoutPoint(s), s.BurnoutSpeed); err != nil {
			return nil, err
		}
		if s.Profile == QuasiBallistic {
			a.s = quasiBallisticBurnout(earth, s)
			a.apogee = a.s.Apogee
		}
		l, err = a.solveBurnout()
	}
	if err != nil {
		return nil, err
	}
	a.g.record = true
	res, err := a.g.fly(&l, false)
	if err != nil {
		return nil, fmt.Errorf("flight: final propagation: %w", err)
	}
	tr := summarise(earth, &res, l.Site, s.Aim, true)
	tr.dense = a.g.dense
	tr.Flights = a.flights + 1
	tr.Profile = s.Profile
	tr.ProfileApogee = a.apogee
	tr.RangeControl = a.control
	if s.Missile != nil {
		tr.Name = s.Missile.Name
		tr.Steering = l.Steering
		tr.Steering.Cutoff = res.cutoff
		tr.Steering.Azimuth = math.Mod(tr.Steering.Azimuth+4*math.Pi, 2*math.Pi)
	}
	return tr, nil
}

// aimer holds the state of one aim solve.
type aimer struct {
	g       *engine
	s       Shot
	dist    float64 // geodesic launch → aim, m
	flights int
	res     flightResult
	control RangeControl // how the range was set (staged missiles)
	apogee  float64      // the apogee aimed at by a quasi-ballistic shot, m; 0: none
	// capped makes solveMissile fly a quasi-ballistic shot at its apogee
	// even where the Kepler minimum-energy arc is lower.
	capped bool
}

// solveQuasiOrMissile aims a staged missile. A quasi-ballistic shot flies
// minimum energy where that flight's apogee (with drag, as flown) is no
// higher than the quasi-ballistic apogee, and the arc at that apogee
// otherwise: the flight decides, not the vacuum Kepler arc, whose apogee
// is lower than the flown one.
func (a *aimer) solveQuasiOrMissile() (Launch, error) {
	s := a.s
	if s.Profile != QuasiBallistic || s.BurnoutAngle > 0 {
		return a.solveMissile()
	}
	apogee := s.Apogee
	if apogee == 0 {
		apogee = s.Missile.QuasiBallisticApogee
	}
	if apogee == 0 {
		apogee = DefaultQuasiBallisticApogee
	}
	a.s.Profile = MinEnergy
	l, err := a.solveMissile()
	a.s.Profile = QuasiBallistic
	var re *RangeError
	if errors.As(err, &re) && re.MinRange > 0 {
		return l, err
	}
	if err == nil {
		res, ferr := a.g.fly(&l, false)
		if ferr == nil && res.apoAlt <= apogee+apogeeTol {
			a.apogee = 0
			return l, nil
		}
	}
	a.capped = true
	return a.solveMissile()
}

// quasiBallisticBurnout turns a quasi-ballistic burnout-state shot into the
// depressed shot with its apogee (Shot.Apogee, else
// DefaultQuasiBallisticApogee), or a minimum-energy shot where the
// minimum-energy arc is lower.
func quasiBallisticBurnout(e Earth, s Shot) Shot {
	if s.BurnoutAngle > 0 || s.BurnoutSpeed > 0 {
		s.Profile = Depressed
		return s
	}
	if s.Apogee == 0 {
		s.Apogee = DefaultQuasiBallisticApogee
	}
	bo := s.Launch
	bo.Alt = s.BurnoutAlt
	psi, r1, r2 := psiTo(e, bo, s.Aim)
	me := MinEnergyArc(e.GM, r1, r2, psi)
	if (KeplerArc{GM: e.GM, R1: r1, R2: r2, Speed: me.Speed, Angle: me.Angle}).ApogeeRadius()-(r2-s.Aim.Alt) <= s.Apogee {
		s.Profile, s.Apogee = MinEnergy, 0
		return s
	}
	s.Profile = Depressed
	return s
}

// run flies l and returns the miss in the aim point's east-north plane, m.
func (a *aimer) run(l *Launch) ([2]float64, error) {
	a.flights++
	res, err := a.g.fly(l, false)
	a.res = res
	if err != nil {
		return [2]float64{}, err
	}
	e := a.g.earth
	p, _ := e.rotation().ECEFFromECI(r3.Vec{X: res.impY[0], Y: res.impY[1], Z: res.impY[2]}, r3.Vec{}, res.impT)
	enu := e.Ellipsoid.NewENU(a.s.Aim)
	d := enu.FromECEF(p)
	return [2]float64{d.X, d.Y}, nil
}

// keplerGuess returns the Earth-relative speed and azimuth at the burnout
// point bo, at time t0, of the Kepler arc with inertial flight-path angle
// gamma that reaches the aim point (rotated to its inertial position at
// impact), and the arc's time of flight.
func keplerGuess(e Earth, bo, aim geo.LLA, t0, gamma float64) (v, az, tof float64, ok bool) {
	rot := e.rotation()
	p1, _ := rot.ECIFromECEF(e.Ellipsoid.ToECEF(bo), r3.Vec{}, t0)
	pa := e.Ellipsoid.ToECEF(aim)
	var (
		vi float64
		p2 r3.Vec
	)
	for range 4 {
		p2, _ = rot.ECIFromECEF(pa, r3.Vec{}, t0+tof)
		psi := math.Acos(math.Max(-1, math.Min(1, r3.Cos(p1, p2))))
		vi, ok = SpeedForRange(e.GM, r3.Norm(p1), r3.Norm(p2), psi, gamma)
		if !ok {
			return 0, 0, 0, false
		}
		tof = KeplerArc{GM: e.GM, R1: r3.Norm(p1), R2: r3.Norm(p2), Speed: vi, Angle: gamma}.TimeOfFlight()
		if math.IsNaN(tof) {
			return 0, 0, 0, false
		}
	}
	u := r3.Unit(p1)
	h := r3.Unit(r3.Sub(p2, r3.Scale(r3.Dot(p2, u), u)))
	sg, cg := math.Sincos(gamma)
	vel := r3.Add(r3.Scale(vi*cg, h), r3.Scale(vi*sg, u))
	_, vr := rot.ECEFFromECI(p1, vel, t0)
	l := e.Ellipsoid.NewENU(bo).Rotate(vr)
	az = math.Atan2(l.X, l.Y)
	return r3.Norm(vr), az, tof, true
}

// psiTo returns the central angle from the launch to the aim point.
func psiTo(e Earth, p1, p2 geo.LLA) (psi, r1, r2 float64) {
	a, b := e.Ellipsoid.ToECEF(p1), e.Ellipsoid.ToECEF(p2)
	return math.Acos(math.Max(-1, math.Min(1, r3.Cos(a, b)))), r3.Norm(a), r3.Norm(b)
}

// solveBurnout aims a flight that starts at burnout at the launch point.
func (a *aimer) solveBurnout() (Launch, error) {
	s := a.s
	e := a.g.earth
	bo := s.Launch
	bo.Alt = s.BurnoutAlt
	l := Launch{Site: bo, Time: s.LaunchTime, Beta: s.Beta, ImpactAlt: s.Aim.Alt}
	psi, r1, r2 := psiTo(e, bo, s.Aim)
	gStar := MinEnergyArc(e.GM, r1, r2, psi).Angle

	// speed and azimuth for a fixed angle
	solveVA := func(gamma, v0, az0 float64) (float64, float64, error) {
		l.Angle = gamma
		p := newtonProblem{n: 2, x: [3]float64{v0, az0},
			lo: [3]float64{1, az0 - 1}, hi: [3]float64{math.Sqrt(2*e.GM/r1) * 1.2, az0 + 1},
			dx: [3]float64{0.05, 1e-6}, tol: [3]float64{MissTol / 4, MissTol / 4}}
		p.f = func(x [3]float64) ([3]float64, error) {
			l.Speed, l.Azimuth = x[0], x[1]
			m, err := a.run(&l)
			return [3]float64{m[0], m[1]}, err
		}
		_, err := p.solve(30)
		return p.x[0], p.x[1], err
	}
	guess := func(gamma float64) (float64, float64, error) {
		v, az, _, ok := keplerGuess(e, bo, s.Aim, s.LaunchTime, gamma)
		if !ok {
			return 0, 0, &InputError{Field: "burnout_angle_deg", Value: gamma * 180 / math.Pi, Reason: "no ballistic arc reaches the aim point at this angle"}
		}
		return v, az, nil
	}

	switch {
	case s.BurnoutSpeed > 0:
		return a.solveFixedSpeed(l, gStar)

	case s.Profile == MinEnergy:
		v, az, err := guess(gStar)
		if err != nil {
			return l, err
		}
		var firstErr error
		f := func(gamma float64) float64 {
			vv, aa, err := solveVA(gamma, v, az)
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return math.Inf(1)
			}
			v, az = vv, aa
			return vv
		}
		const span = 8 * math.Pi / 180
		gamma, vmin := brentMin(f, math.Max(gStar-span, 0.2*math.Pi/180), math.Min(gStar+span, 89*math.Pi/180), minEnergyAngleTol)
		if math.IsInf(vmin, 1) {
			return l, fmt.Errorf("flight: minimum-energy solve: %w", errors.Join(ErrNoConvergence, firstErr))
		}
		vv, aa, err := solveVA(gamma, v, az)
		if err != nil {
			return l, fmt.Errorf("flight: minimum-energy solve: %w", errors.Join(ErrNoConvergence, err))
		}
		l.Angle, l.Speed, l.Azimuth = gamma, vv, aa
		return l, nil

	case s.Apogee > 0:
		gamma, err := keplerAngleForApogee(e, bo, s.Aim, s.Apogee, gStar, s.Profile)
		if err != nil {
			return l, err
		}
		v0, az0, err := guess(gamma)
		if err != nil {
			return l, err
		}
		p := newtonProblem{n: 3, x: [3]float64{v0, az0, gamma},
			lo: [3]float64{1, az0 - 1, 0.2 * math.Pi / 180}, hi: [3]float64{math.Sqrt(2*e.GM/r1) * 1.2, az0 + 1, 89.5 * math.Pi / 180},
			dx: [3]float64{0.05, 1e-6, 1e-6}, tol: [3]float64{MissTol / 4, MissTol / 4, apogeeTol}}
		p.f = func(x [3]float64) ([3]float64, error) {
			l.Speed, l.Azimuth, l.Angle = x[0], x[1], x[2]
			m, err := a.run(&l)
			return [3]float64{m[0], m[1], a.res.apoAlt - s.Apogee}, err
		}
		if _, err := p.solve(40); err != nil {
			return l, fmt.Errorf("flight: apogee solve: %w", errors.Join(ErrNoConvergence, err))
		}
		l.Speed, l.Azimuth, l.Angle = p.x[0], p.x[1], p.x[2]
		return l, nil

	default:
		gamma := s.BurnoutAngle
		if gamma == 0 {
			gamma = gStar + DefaultLoft
			if s.Profile == Depressed {
				gamma = math.Max(gStar-DefaultLoft, 2*math.Pi/180)
			}
		}
		v0, az0, err := guess(gamma)
		if err != nil {
			return l, err
		}
		v, az, err := solveVA(gamma, v0, az0)
		if err != nil {
			return l, fmt.Errorf("flight: aim solve: %w", errors.Join(ErrNoConvergence, err))
		}
		l.Angle, l.Speed, l.Azimuth = gamma, v, az
		return l, nil
	}
}

// burnoutRangeError explains a failed fixed-speed solve.
func (a *aimer) burnoutRangeError(err error) error {
	e := a.g.earth
	bo := a.s.Launch
	bo.Alt = a.s.BurnoutAlt
	psi, r1, r2 := psiTo(e, bo, a.s.Aim)
	me := MinEnergyArc(e.GM, r1, r2, psi)
	if esc := escapeError(e, bo, a.s.BurnoutSpeed, err); esc != nil {
		return esc
	}
	if a.s.BurnoutSpeed < me.Speed*0.98 {
		return &RangeError{Range: a.dist, MaxRange: maxKeplerRange(e, r1, r2, a.s.BurnoutSpeed)}
	}
	return fmt.Errorf("flight: fixed-speed solve: %w", errors.Join(ErrNoConvergence, err))
}

// maxKeplerRange is the spherical Kepler maximum ground range at speed v.
func maxKeplerRange(e Earth, r1, r2, v float64) float64 {
	k := KeplerArc{GM: e.GM, R1: r1, R2: r2, Speed: v}
	_, psi := brentMin(func(g float64) float64 {
		k.Angle = g
		p, ok := k.RangeAngle()
		if !ok {
			return 0
		}
		return -p
	}, 0.01, 1.5, 1e-6)
	return -psi * r2
}

// keplerAngleForApogee returns the Kepler burnout angle on the profile's
// branch whose arc to the aim point has the given apogee.
func keplerAngleForApogee(e Earth, bo, aim geo.LLA, apogee, gStar float64, prof Profile) (float64, error) {
	psi, r1, r2 := psiTo(e, bo, aim)
	target := r2 - aim.Alt + apogee // apogee radius, approximately
	apo := func(g float64) float64 {
		v, ok := SpeedForRange(e.GM, r1, r2, psi, g)
		if !ok {
			return math.NaN()
		}
		return KeplerArc{GM: e.GM, R1: r1, R2: r2, Speed: v, Angle: g}.ApogeeRadius() - target
	}
	lo, hi := 0.2*math.Pi/180, gStar
	if prof == Lofted {
		lo, hi = gStar, 89.5*math.Pi/180
	}
	flo, fhi := apo(lo), apo(hi)
	if math.IsNaN(fhi) {
		// no elliptic arc that steep: find the steepest that exists
		a, b := lo, hi
		for range 50 {
			m := (a + b) / 2
			if math.IsNaN(apo(m)) {
				b = m
			} else {
				a = m
			}
		}
		hi = a
		fhi = apo(hi)
	}
	if !(flo*fhi <= 0) {
		return 0, &InputError{Field: "apogee_km", Value: apogee / 1e3, Reason: fmt.Sprintf("not reachable on the %s branch to this aim point", prof)}
	}
	for range 60 {
		m := (lo + hi) / 2
		fm := apo(m)
		if (fm > 0) == (fhi > 0) {
			hi, fhi = m, fm
		} else {
			lo = m
		}
	}
	return (lo + hi) / 2, nil
}
