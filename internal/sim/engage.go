package sim

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/track"
	"gonum.org/v1/gonum/spatial/r3"
)

// Engagement settings.
const (
	// ReevaluateS is how often a command re-evaluates a fire-control track
	// that it could not engage (no threat to an asset, no launch window
	// yet, a boosting track whose ballistic prediction falls short), s.
	ReevaluateS = 20.0
	// predictStep is the sampling step of a track's predicted path, s; a
	// ballistic midcourse interpolates to well under a metre at 5 s.
	predictStep = 5.0
	// predictHorizon bounds a track prediction, s: longer than an ICBM's
	// flight.
	predictHorizon = 2400.0
	// plannerQ is the acceleration spectral density with which a command
	// propagates a track's covariance to the intercept point when it
	// estimates the kill probability, m²/s³: unmodelled accelerations of
	// a midcourse warhead are small. The trackers use trackerQ, which must
	// also absorb boost and drag.
	plannerQ = 0.01
	// pkStep is the longest step of the covariance propagation (state
	// transition matrix) from a track's estimate to the intercept when a
	// command estimates the kill probability, s. The transition matrix's
	// relative error in the miss σ grows with the step: 4e-5 at the
	// trackers' 2 s, 2.3e-4 at 10 s over 100–500 s (TestPkStepAccuracy),
	// a change in the fourth digit of a planned Pk at most, against a
	// fifth of the cost.
	pkStep = 10.0
	// sameObjectM is the distance within which a command takes a second
	// fire-control track for the object it is already engaging (a
	// duplicate track from another radar), m: far below the spacing of
	// missiles launched seconds apart.
	sameObjectM = 10e3
	// attributionM is the largest distance between a shot's predicted
	// intercept point and the nearest threat at the intercept time at
	// which the shot is counted against that threat, m; beyond it the
	// shot was fired at nothing.
	attributionM = 100e3
	// A command engages a track only when two impact predictions
	// steadyS apart agree within steadyM: a boosting missile's ballistic
	// prediction moves by hundreds of km in that time, a warhead's in
	// midcourse by a few km at most. It stands for waiting for thrust
	// termination.
	steadyS = 5.0
	steadyM = 25e3
)

// Shot is one interceptor fired.
type Shot struct {
	Command     string
	Launcher    string // LauncherUnit.ID
	Interceptor string
	Flight      int     // truth flight of the track fired at; −1 if the track followed none
	Launch      float64 // s from the epoch
	Intercept   float64 // planned intercept time, s
	Pos         geo.LLA // planned intercept point
	PkPlanned   float64 // the command's estimate of the single-shot Pk
	MissM       float64 // predicted-position error perpendicular to the closing velocity, m
	ReachM      float64 // kill vehicle's homing reach, m
	Kill        bool    // this shot destroyed its target
}

// Outcome is everything a trial produced.
type Outcome struct {
	Sensing []Sensing
	// Per flight: whether it reached its impact point, how many
	// interceptors were fired at it, how many commands fired at it, and
	// whether a command that could have engaged it was barred by its sector.
	Leaked       []bool
	Interceptors []int
	Engagers     []int
	SectorBarred []bool
	// AssetLost[a] reports that a leaker landed within asset a's radius.
	AssetLost []bool
	Shots     []Shot
	// FirmTracks is the number of firm tracks each picture held over the
	// trial (a track dropped and started again counts twice), and
	// PeakFirmTracks the most it held at once: with one track per missile,
	// the number of missiles it saw.
	FirmTracks     map[string]int
	PeakFirmTracks map[string]int
}

// Engage runs the whole loop of one trial: detect, track, evaluate, assign,
// launch, intercept or miss, assess, re-engage; every random number comes
// from rng.
func (w *World) Engage(rng *rand.Rand) (*Outcome, error) {
	if w.Options.Fidelity == FastFidelity {
		return w.engageFast(rng)
	}
	tr := w.newTrial(rng, true)
	if err := tr.run(); err != nil {
		return nil, err
	}
	return tr.bm.outcome(), nil
}

// engagement is a command's state about one track.
type engagement struct {
	nextEval  float64 // no evaluation before this time
	busyUntil float64 // salvo in the air: kill assessment due then
	done      bool
	flight    int // truth flight of the latest salvo, −1 if none
	// The previous impact prediction, for the steadiness test.
	lastImpact  geo.LLA
	lastImpactT float64
	hasImpact   bool
	// out, when set, holds the last full evaluation of a steady track that
	// no launcher could engage, with the margins by which it missed.
	out    beyondReach
	hasOut bool
}

// battle is the battle management of one trial.
type battle struct {
	tr   *trial
	w    *World
	rng  *rand.Rand
	mags []c2.Magazine // per launcher
	// eng holds every engagement, in the order they began; engOf indexes
	// them by command and track ID (IDs count up from 1 in each picture).
	eng       []*engagement
	engOf     [][]*engagement
	shots     []Shot
	engagedBy [][]bool // [flight][command]
	barred    []bool
	planner   *track.Ballistic
	// plannerStates is planner's PropagateState with its constants
	// formed once.
	plannerStates track.StateStepper
	// pkPlanner is planner with pkStep, for the planned kill probability.
	pkPlanner *track.Ballistic
	// reachModel carries an out-of-reach track's prediction forward (reach.go).
	reachModel *track.Ballistic
	local      []c2.Magazine // the deciding command's magazines
	busy       []r3.Vec      // positions of the tracks a command has salvos in the air at
	pending    []pending
	cands      []c2.Candidate
	geoms      []intercept.Intercept // per candidate
	paths      []candTrack           // per threat of a decision
	// predicted holds the predicted paths of one command's decision,
	// reused by the next decision: npredicted of them are in use.
	predicted  []*intercept.Path
	npredicted int
	// predictor, when set, replaces predict for the fast fidelity
	// (fast.go); boosting reports a track whose truth is in boost, which
	// is not steady.
	predictor func(b *battle, tk *track.Track) (path *intercept.Path, tImp float64, impact geo.LLA, ok, boosting bool)
	// window, when set, replaces intercept.Window for launcher l (the
	// fast fidelity's memo of each track's battle space).
	window func(l int, tk *track.Track, path *intercept.Path, T, tImp float64) (intercept.BattleSpace, bool)
	// pkModel, when set, replaces planner in the planned kill
	// probability's covariance propagation.
	pkModel track.MotionModel
	// propagate, when set, replaces the planner's ballistic prediction
	// of track id's state x at t0 to t.
	propagate func(id int, x track.Vec6, t0, t float64) track.Vec6
	// hopeless, when set, reports a track that no launcher can engage
	// from T on; its engagement is then done.
	hopeless func(tk *track.Track, T float64) bool
	// pip, when set, replaces intercept.PIP for launcher l (the fast
	// fidelity's memo of each flight's intercept points).
	pip func(l int, tk *track.Track, path *intercept.Path, T, tImp float64) (intercept.Intercept, bool)
}

type candTrack struct {
	tk   *track.Track
	e    *engagement
	path *intercept.Path // nil for an air-breathing track
	air  bool            // engaged as an air breather (air.go)
}

func newBattle(tr *trial) *battle {
	w := tr.w
	b := &battle{tr: tr, w: w, rng: tr.rng, engOf: make([][]*engagement, len(w.Commands)), planner: &track.Ballistic{Q: plannerQ}, pkPlanner: &track.Ballistic{Q: plannerQ, MaxStep: pkStep}, reachModel: &track.Ballistic{MaxStep: reachStep}}
	b.plannerStates = b.planner.StateStepper()
	b.mags = make([]c2.Magazine, len(w.Launchers))
	for l, lu := range w.Launchers {
		b.mags[l] = c2.Magazine{Rounds: lu.Rounds, Left: lu.Rounds}
	}
	for _, c := range w.Commands {
		for _, l := range c.Launchers {
			b.mags[l].Reserve = c.Doctrine.Reserve
		}
	}
	b.engagedBy = make([][]bool, len(w.Flights))
	for i := range b.engagedBy {
		b.engagedBy[i] = make([]bool, len(w.Commands))
	}
	b.barred = make([]bool, len(w.Flights))
	return b
}

// decide runs the decisions at time T of every command that uses picture
// pic, on that picture's current tracks.
func (b *battle) decide(T float64, pic string, tracks []track.Track, truth *truthIndex) {
	w := b.w
	for ci := range w.Commands {
		c := &w.Commands[ci]
		if c.Picture != pic {
			continue
		}
		b.cands, b.geoms, b.paths = b.cands[:0], b.geoms[:0], b.paths[:0]
		b.npredicted = 0
		local := b.local[:0]
		for _, l := range c.Launchers {
			local = append(local, b.mags[l])
		}
		b.local = local
		busy := b.busy[:0]
		for k := range tracks {
			tk := &tracks[k]
			if e := b.engagementOf(ci, tk.ID); e != nil && T < e.busyUntil {
				busy = append(busy, estPos(&tk.Estimate))
			}
		}
		b.busy = busy
		for k := range tracks {
			tk := &tracks[k]
			if !tk.FireControl {
				continue
			}
			e := b.engagementOf(ci, tk.ID)
			if e == nil {
				e = b.begin(ci, tk.ID, T)
			}
			if e.done || T < e.busyUntil || T < e.nextEval {
				continue
			}
			air := b.airFlight(tk, truth)
			if b.duplicate(estPos(&tk.Estimate), sameObjectWithin(air >= 0)) {
				e.nextEval = T + Tick
				continue
			}
			b.evaluate(T, c, local, tk, e, truth, air)
		}
		orders := c2.Plan(b.cands, local, c.Doctrine)
		for _, o := range orders {
			b.fire(T, ci, c, o, truth)
		}
	}
}

// engagementOf returns command ci's engagement of track id, nil if none.
func (b *battle) engagementOf(ci, id int) *engagement {
	if of := b.engOf[ci]; id >= 0 && id < len(of) {
		return of[id]
	}
	return nil
}

// begin starts command ci's engagement of track id at T.
func (b *battle) begin(ci, id int, T float64) *engagement {
	e := &engagement{nextEval: T, flight: -1}
	b.eng = append(b.eng, e)
	of := b.engOf[ci]
	if id >= len(of) {
		of = append(of, make([]*engagement, id+1-len(of))...)
		b.engOf[ci] = of
	}
	of[id] = e
	return e
}

// duplicate reports whether a track at p is one of the objects already
// being engaged (within that distance of a busy track).
func (b *battle) duplicate(p r3.Vec, within float64) bool {
	for _, q := range b.busy {
		if r3.Norm(r3.Sub(p, q)) < within {
			return true
		}
	}
	return false
}

func estPos(e *track.Estimate) r3.Vec { return r3.Vec{X: e.X[0], Y: e.X[1], Z: e.X[2]} }

// evaluate judges one fire-control track: its predicted impact, the value
// it threatens, the sector, and each launcher's window. It adds the
// engagements possible now to b.cands. air is the flight of an
// air-breathing track (airFlight), which evaluateAir judges; −1 for a
// ballistic one.
func (b *battle) evaluate(T float64, c *Command, local []c2.Magazine, tk *track.Track, e *engagement, truth *truthIndex, air int) {
	w := b.w
	if b.hopeless != nil && b.hopeless(tk, T) {
		e.done = true
		return
	}
	if air >= 0 {
		b.evaluateAir(T, c, local, tk, e, air)
		return
	}
	e.nextEval = T + ReevaluateS
	full := b.predictor == nil && b.window == nil
	if e.hasOut {
		if full && b.stillBeyondReach(&e.out, &tk.Estimate) {
			return
		}
		e.hasOut = false
	}
	var (
		path     *intercept.Path
		tImp     float64
		impact   geo.LLA
		ok       bool
		boosting bool
	)
	if b.predictor != nil {
		path, tImp, impact, ok, boosting = b.predictor(b, tk)
	} else {
		path, tImp, impact, ok = b.predict(tk.Estimate)
	}
	if !ok {
		return
	}
	if boosting {
		// The fast fidelity predicts the true path, which a boosting
		// track's ballistic prediction is not: wait as full fidelity
		// waits for thrust termination.
		e.hasImpact = false
		e.nextEval = T + steadyS
		return
	}
	steady := e.hasImpact && T-e.lastImpactT <= 2*steadyS && c2.Distance(e.lastImpact, impact) <= steadyM
	if !e.hasImpact || T-e.lastImpactT >= steadyS {
		e.lastImpact, e.lastImpactT, e.hasImpact = impact, T, true
	}
	if !steady {
		e.nextEval = T + steadyS
		return
	}
	value := w.Assets.ThreatenedValue(impact, c2.EvaluationMarginM)
	if value <= 0 {
		return
	}
	inSector := w.covers(c, impact)
	threat := len(b.paths)
	added := false
	// reach gathers the launchers' shortfalls; it stands only if every
	// launcher missed with a margin.
	reach := beyondReach{x: tk.Estimate.X, t: tk.Estimate.T, tImp: tImp, outM: math.Inf(1), lateS: math.Inf(1), floorM: math.Inf(1)}
	for k, l := range c.Launchers {
		if local[k].Available(value, c.Doctrine) <= 0 {
			if local[k].Left > 0 {
				// Held in reserve: a threat of more value (another
				// prediction) may draw it.
				reach.void = true
			}
			continue
		}
		lu := &w.Launchers[l]
		var (
			firstLaunch float64
			x           intercept.Intercept
			scanned     bool // x is PIP's, from the window's scan
		)
		if b.window != nil {
			var bs intercept.BattleSpace
			bs, ok = b.window(l, tk, path, T, tImp)
			ok = ok && bs.LastLaunch >= T
			firstLaunch = bs.FirstLaunch
		} else {
			// Window's FirstLaunch, found without scanning the rest of the
			// battle space (its LastLaunch is never before T), and PIP's
			// intercept for a launch now when the scan made PIP's.
			var sf intercept.Shortfall
			firstLaunch, ok, sf, x, scanned = intercept.FirstLaunchPIP(lu.Pos, lu.Interceptor, path.At, T, tImp)
			reach.add(sf, lu.Interceptor.MinAlt, ok)
		}
		if !ok {
			continue
		}
		if firstLaunch > T+Tick/2 {
			e.nextEval = math.Min(e.nextEval, firstLaunch)
			continue
		}
		switch {
		case b.pip != nil:
			x, ok = b.pip(l, tk, path, T, tImp)
		case scanned:
			ok = true
		default:
			x, ok = intercept.PIP(lu.Pos, lu.Interceptor, path.At, T, tImp)
		}
		if !ok {
			continue
		}
		if !inSector {
			if i := truth.of(tk); i >= 0 {
				b.barred[i] = true
			}
			continue
		}
		var pkModel track.MotionModel = b.pkPlanner
		if b.pkModel != nil {
			pkModel = b.pkModel
		}
		pk := lu.Interceptor.EffectivePk(x, tk.Estimate, pkModel)
		b.cands = append(b.cands, c2.Candidate{K: threat, L: k, Value: value, P: pk})
		b.geoms = append(b.geoms, x)
		added = true
	}
	if added {
		b.paths = append(b.paths, candTrack{tk: tk, e: e, path: path})
	} else if full && reach.stands() {
		e.out, e.hasOut = reach, true
	}
}

// fire launches one salvo and draws its outcome against the truth.
func (b *battle) fire(T float64, ci int, c *Command, o c2.Order, truth *truthIndex) {
	w := b.w
	var x intercept.Intercept
	for k, cd := range b.cands {
		if cd.K == o.K && cd.L == o.L {
			x = b.geoms[k]
			break
		}
	}
	ct := b.paths[o.K]
	l := c.Launchers[o.L]
	lu := &w.Launchers[l]
	ic := lu.Interceptor
	b.mags[l].Left -= o.Shots

	i := truth.of(ct.tk) // provisional; handover attributes the shot
	var reach float64
	if ct.air {
		reach = ic.AirHomingReach(x.ClosingSpeed) // air.go
	} else {
		reach = ic.HomingReach(x.ClosingSpeed, x.FlyoutTime)
	}
	// In-flight target updates: the kill vehicle is handed the picture's
	// latest prediction when it starts homing, t_go before intercept.
	tgo := math.Min(x.FlyoutTime, ic.SeekerRange/math.Max(x.ClosingSpeed, 1))
	pos := geo.WGS84.ToGeodetic(x.Pos)
	for range o.Shots {
		b.pending = append(b.pending, pending{
			shot: len(b.shots), cmd: ci, track: ct.tk.ID, launcher: l, est: ct.tk.Estimate, at: x.T - tgo,
			cur: ct.tk.Estimate.X, curT: ct.tk.Estimate.T,
			u: b.rng.Float64(), // drawn for every shot, so the stream does not depend on the truth
			x: x, air: ct.air,
		})
		b.shots = append(b.shots, Shot{
			Command: c.Name, Launcher: lu.ID, Interceptor: ic.Name, Flight: i,
			Launch: T, Intercept: x.T, Pos: pos, PkPlanned: o.P, MissM: -1, ReachM: finite(reach),
		})
	}
	ct.e.busyUntil = x.T + c.Doctrine.KillAssessmentS
	ct.e.flight = i
	if !c.Doctrine.ShootLookShoot {
		ct.e.done = true
	}
}

// pending is a shot in the air whose outcome is drawn at handover.
type pending struct {
	shot, cmd, track int
	launcher         int
	est              track.Estimate // the latest estimate of the target
	cur              track.Vec6     // est predicted to curT
	curT             float64
	at               float64 // handover time, s
	u                float64
	x                intercept.Intercept
	air              bool // at an air-breathing target: level constant-velocity predictions, the air Pk
}

// handover resolves the shots of the commands using picture pic whose
// handover is due at T: the kill vehicle gets the picture's current
// prediction of its target (or the launch-time one if the track is lost),
// and kills if the truth lies within its homing reach of that prediction
// (perpendicular to the closing velocity) and its end game succeeds (Pk_ssp).
func (b *battle) handover(T float64, pic string, tracks []track.Track) {
	w, tr := b.w, b.tr
	// The shots still in the air stay in b.pending, in order, compacted in
	// place: a pending shot is about 600 bytes, and only the resolved ones
	// move the rest.
	n := 0
	// The shots of a salvo sit side by side and follow their target
	// alike: a shot whose inputs are the previous one's takes its results.
	var fm followMemo
	var pm predictMemo
	for j := range b.pending {
		p := &b.pending[j]
		mine := w.Commands[p.cmd].Picture == pic
		if !mine || p.at > T {
			if mine {
				// In-flight target update: follow the track while it lasts.
				b.followAlike(T, p, tracks, &fm)
			}
			if n != j {
				b.pending[n] = *p
			}
			n++
			continue
		}
		s := &b.shots[p.shot]
		b.followAlike(T, p, tracks, &fm)
		est := p.est
		predicted := pm.predictShot(b, p, est.X, est.T, p.x.T)
		pred := r3.Vec{X: predicted[0], Y: predicted[1], Z: predicted[2]}
		// The object the kill vehicle homes on: the one nearest the
		// predicted point at the planned intercept time. Its miss is its
		// offset across the closing velocity (the along-track offset is
		// taken up by the homing's timing). Choosing by the offset across
		// alone would pick an object far ahead or behind on the line of
		// sight: the next missile of a stream on the same path, or one of
		// another raid hundreds of km away.
		u := r3.Unit(p.x.Closing)
		i, near, miss := -1, math.Inf(1), math.Inf(1)
		for k := range w.Flights {
			f := &w.Flights[k]
			if f.Mover() == nil || p.x.T < f.LaunchTime || p.x.T > tr.end(k) {
				continue
			}
			pos, _ := f.Mover().PosAt(p.x.T)
			d := r3.Vec{X: pos.X - pred.X, Y: pos.Y - pred.Y, Z: pos.Z - pred.Z}
			if n := r3.Norm(d); n < near {
				i, near = k, n
				miss = r3.Norm(r3.Sub(d, r3.Scale(r3.Dot(d, u), u)))
			}
		}
		if i < 0 || near > attributionM {
			s.Flight = -1
			continue
		}
		s.Flight, s.MissM = i, miss
		b.engagedBy[i][p.cmd] = true
		pk := w.Launchers[p.launcher].Interceptor.PkSSP()
		if p.air {
			pk = w.Launchers[p.launcher].Interceptor.Air.PkSSP()
		}
		if p.x.T < tr.end(i) && (miss <= s.ReachM || s.ReachM < 0) && p.u < pk {
			s.Kill = true
			tr.dead[i] = math.Min(tr.dead[i], p.x.T)
		}
	}
	b.pending = b.pending[:n]
}

// followMemo holds one follow of a handover: its inputs (the pending
// shot's track, cur, curT and air) and results.
type followMemo struct {
	set      bool
	track    int
	cur      track.Vec6
	curT     float64
	air      bool
	outTrack int
	outCur   track.Vec6
	outCurT  float64
	from     int // the track whose estimate the shot took, −1 if none
}

// followAlike is follow, or, for a shot whose inputs are bit for bit
// those of m's (the other shot of its salvo), m's results.
func (b *battle) followAlike(T float64, p *pending, tracks []track.Track, m *followMemo) {
	if m.set && p.track == m.track && p.air == m.air && sameBits(p.curT, m.curT) && sameVecBits(&p.cur, &m.cur) {
		p.track, p.cur, p.curT = m.outTrack, m.outCur, m.outCurT
		if m.from >= 0 {
			p.est = tracks[m.from].Estimate
		}
		return
	}
	*m = followMemo{set: true, track: p.track, cur: p.cur, curT: p.curT, air: p.air}
	m.from = b.follow(T, p, tracks)
	m.outTrack, m.outCur, m.outCurT = p.track, p.cur, p.curT
}

// predictMemo holds one predictShot of a handover: its inputs and result.
type predictMemo struct {
	set       bool
	track     int
	air       bool
	x         track.Vec6
	t0, t     float64
	predicted track.Vec6
}

// predictShot is b.predictShot, or m's result when its inputs are bit for
// bit the same.
func (m *predictMemo) predictShot(b *battle, p *pending, x track.Vec6, t0, t float64) track.Vec6 {
	if m.set && p.track == m.track && p.air == m.air && sameBits(t0, m.t0) && sameBits(t, m.t) && sameVecBits(&x, &m.x) {
		return m.predicted
	}
	*m = predictMemo{set: true, track: p.track, air: p.air, x: x, t0: t0, t: t}
	m.predicted = b.predictShot(p, x, t0, t)
	return m.predicted
}

func sameBits(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func sameVecBits(a, b *track.Vec6) bool {
	for i := range a {
		if !sameBits(a[i], b[i]) {
			return false
		}
	}
	return true
}

// follow updates a pending shot's estimate of its target from the
// picture: the track it follows, or else the fire-control track nearest the
// prediction of its latest estimate (within sameObjectM); if there is
// none, the latest estimate stands. It returns the index in tracks of the
// track whose estimate the shot took, −1 if none.
func (b *battle) follow(T float64, p *pending, tracks []track.Track) int {
	for k := range tracks {
		if tracks[k].ID == p.track {
			p.est = tracks[k].Estimate
			p.cur, p.curT = p.est.X, p.est.T
			return k
		}
	}
	if T > p.curT {
		p.cur = b.predictShot(p, p.cur, p.curT, T)
		p.curT = T
	}
	want := r3.Vec{X: p.cur[0], Y: p.cur[1], Z: p.cur[2]}
	best, bestD := -1, sameObjectWithin(p.air)
	for k := range tracks {
		if !tracks[k].FireControl {
			continue // a new track's velocity is not yet worth a handover
		}
		dv := r3.Sub(estPos(&tracks[k].Estimate), want)
		if r3.Norm2(dv) > farther*bestD*bestD {
			continue // surely not nearer: spare the norm
		}
		if d := r3.Norm(dv); d < bestD {
			best, bestD = k, d
		}
	}
	if best >= 0 {
		p.est, p.track = tracks[best].Estimate, tracks[best].ID
		p.cur, p.curT = p.est.X, p.est.T
	}
	return best
}

// farther is a factor on a squared distance above which the distance, as
// r3.Norm forms it (two hypots, a few units in the last place), is surely
// larger: follow's squared test then skips the norm, without changing
// which track is nearest.
const farther = 1 + 1e-9

// predictShot predicts the state x at t0 of pending shot p's target to t.
func (b *battle) predictShot(p *pending, x track.Vec6, t0, t float64) track.Vec6 {
	if p.air {
		return airPropagate(x, t0, t)
	}
	return b.propagateState(p.track, x, t0, t)
}

// propagateState predicts track id's state x at t0 to t.
func (b *battle) propagateState(id int, x track.Vec6, t0, t float64) track.Vec6 {
	if b.propagate != nil {
		return b.propagate(id, x, t0, t)
	}
	return b.plannerStates.PropagateState(x, t-t0)
}

// assess applies the kill assessments due at T: a command learns whether
// the target of its salvo was destroyed, and stops engaging it if so.
func (b *battle) assess(T float64) {
	for _, e := range b.eng {
		if e.done || e.flight < 0 || e.busyUntil > T || e.busyUntil == 0 {
			continue
		}
		if b.tr.dead[e.flight] <= e.busyUntil {
			e.done = true
		}
		e.nextEval = math.Max(e.nextEval, e.busyUntil)
	}
}

// predict samples a track's ballistic prediction until it comes down, and
// returns the path and the predicted impact.
func (b *battle) predict(est track.Estimate) (*intercept.Path, float64, geo.LLA, bool) {
	m := (&track.Ballistic{MaxStep: predictStep}).StateStepper()
	p := b.newPath(est.T)
	x := est.X
	for t := 0.0; t <= predictHorizon; t += predictStep {
		if t > 0 {
			x = m.PropagateState(x, predictStep)
		}
		p.Pos = append(p.Pos, r3.Vec{X: x[0], Y: x[1], Z: x[2]})
		p.Vel = append(p.Vel, r3.Vec{X: x[3], Y: x[4], Z: x[5]})
		if t > 0 && c2.Below(p.Pos[len(p.Pos)-1]) {
			break
		}
	}
	_, t1 := p.Span()
	tImp, impact, ok := c2.PredictSampledImpact(p.At, p.Pos, est.T, t1, predictStep)
	return p, tImp, impact, ok
}

// newPath returns an empty path from t0 sampled every predictStep, reusing
// the storage of the previous decision's predictions: a path lives until
// the command's decision is made.
func (b *battle) newPath(t0 float64) *intercept.Path {
	if b.npredicted == len(b.predicted) {
		// Sized for a prediction of about 10 minutes at once (a
		// medium-range missile's), not grown sample by sample; longer
		// ones grow from there.
		const n = 128
		b.predicted = append(b.predicted, &intercept.Path{Pos: make([]r3.Vec, 0, n), Vel: make([]r3.Vec, 0, n)})
	}
	p := b.predicted[b.npredicted]
	b.npredicted++
	*p = intercept.Path{T0: t0, Dt: predictStep, Pos: p.Pos[:0], Vel: p.Vel[:0]}
	return p
}

// outcome closes the trial: leakers, assets lost, and the shots whose
// target had already been destroyed by an earlier intercept.
func (b *battle) outcome() *Outcome {
	w, tr := b.w, b.tr
	n := len(w.Flights)
	out := &Outcome{
		Sensing: tr.out, Leaked: make([]bool, n), Interceptors: make([]int, n), Engagers: make([]int, n),
		SectorBarred: b.barred, AssetLost: make([]bool, len(w.Assets)), FirmTracks: tr.firmTracks(), PeakFirmTracks: tr.peakFirm,
	}
	for k := range b.shots {
		s := &b.shots[k]
		if s.Flight < 0 {
			continue
		}
		out.Interceptors[s.Flight]++
		if s.Kill && s.Intercept > tr.dead[s.Flight] {
			s.Kill = false // its target was already destroyed
		}
	}
	var hit []int
	for i := range w.Flights {
		f := &w.Flights[i]
		for _, e := range b.engagedBy[i] {
			if e {
				out.Engagers[i]++
			}
		}
		if f.Mover() == nil || !math.IsInf(tr.dead[i], 1) {
			continue
		}
		out.Leaked[i] = true
		hit = w.Assets.Hit(f.Impact, hit[:0])
		for _, a := range hit {
			out.AssetLost[a] = true
		}
	}
	slices.SortStableFunc(b.shots, func(a, c Shot) int { return cmp.Compare(a.Launch, c.Launch) })
	out.Shots = b.shots
	return out
}

func finite(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return -1
	}
	return v
}
