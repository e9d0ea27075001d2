package track

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/rampart-sim/rampart/assign"
)

// Track is one tracked object as its owner's tracker holds it.
type Track struct {
	ID       int
	Estimate Estimate // at the end of the latest scan
	Status   Status
	Quality  Quality
	// FireControl reports that the track met the tracker's fire-control
	// criteria at the end of the latest scan.
	FireControl bool

	Initiated       float64 // time of the first detection, s
	Confirmed       float64 // time it became firm, s; NaN before
	FireControlTime float64 // first time it met fire control, s; NaN before
	LastUpdate      float64 // time of the latest detection or remote report used
	LastSensor      string  // sensor of the latest detection used

	Scans  int // scans since initiation, including the first
	Misses int // consecutive scans without a detection or remote report
	Remote int // remote reports fused into it
	Own    int // detections of the owner's own sensors used

	// Origin is, for a track started from a remote report, the owner and
	// track ID it was started from (the report's Origin); zero for a track
	// started by the owner's own sensors.
	Origin Provenance

	// remoteUntil is the time up to which the latest remote report fused
	// into the track stands in for detections: its arrival plus the
	// sender's reporting period. A scan before then without a detection
	// is not a miss.
	remoteUntil float64

	// Manoeuvring reports that the track uses the manoeuvre filter
	// (Config.Manoeuvre). onset is the fading-memory NIS average of the
	// quiescent filter that starts a manoeuvre; while it lasts, quiet is
	// the quiescent filter's estimate on the same detections and end its
	// NIS average, which ends it.
	Manoeuvring bool
	onset, end  float64
	quiet       *Estimate // allocated at the first manoeuvre, kept out of copies of Track
	quietN      int       // updates of quiet since it started

	hits uint64 // bit 0 set when the latest scan updated the track
	hit  bool   // updated in the current scan
}

// Config sets up a Tracker. The zero value of each field selects the
// default named on it.
type Config struct {
	// Filter predicts and updates tracks; nil means an EKF with the
	// Ballistic model and Q = 1 m²/s³.
	Filter Filter
	// GateProb is the probability that the correct detection falls in the
	// gate, for χ²₃ gating of detections and χ²₆ gating of remote tracks;
	// 0 means 0.999.
	GateProb    float64
	Initiator   Initiator
	Deleter     Deleter
	FireControl FireControl // zero value: DefaultFireControl()
	// Manoeuvre switches tracks to a filter with more process noise while
	// they manoeuvre; the zero value never switches.
	Manoeuvre Manoeuvre
}

// Tracker is one owner's tracker: it turns scans of detections from its
// own sensors into tracks, fusing several sensors by sequential updates,
// and fuses tracks reported by other owners by covariance intersection.
//
// Each Scan: detections are grouped by sensor (in order of first detection
// time), and each sensor's into dwells (one look time each, in time
// order); for each dwell the data associator gates every live track against
// every detection (χ²₃ on the innovation) and picks the global nearest
// neighbour assignment, minimising Σ d² with a non-assignment cost equal to
// the gate for each track, first among the firm tracks and then among the
// tentative ones for the detections left; assigned tracks are updated (and
// tested for a manoeuvre, see Manoeuvre); detections left over start
// tentative tracks (which the next dwell's detections may already update).
// Then initiation and deletion rules run and every live track is predicted
// to the scan time.
//
// The work of a dwell is local to its detections: a gate index (gateIndex)
// lists the tracks whose coarse gate can reach them, only those are
// predicted (the position block of the covariance first, which is all the
// χ² gate reads) and gated, and the assignment is solved over the tracks
// and detections that gate each other. Each shortcut gives the same
// result, bit for bit, as gating every track and solving over all of them.
//
// A Tracker is not safe for concurrent use.
type Tracker struct {
	Owner  string
	cfg    Config
	filter Filter
	gate3  float64
	gate6  float64
	man    manoeuvreTest
	tracks []*Track
	nextID int
	// peers maps a remote track (sender and its ID, or the origin it
	// carries) to the local track its reports were last fused into.
	peers map[Provenance]int

	// scratch
	solver assign.Solver
	cost   []float64
	rowCol []int
	rows   []int // tracks in the reduced assignment problem
	cols   []int // detections in it
	colOf  []int // a detection's column in it, −1 if none
	order  []int
	// groupStart[g] is where group g starts in order, groupFill where
	// its next index goes while order is filled.
	groupStart, groupFill []int
	runTime               []float64 // a group's detection times while it is sorted
	index                 gateIndex
	// quietPred is the quiescent filter's prediction in testManoeuvre.
	quietPred gatePrediction
	post      Estimate // a track's posterior in assignPass
	group     []int    // per detection of a scan: its sensor group's place
	// sensorRank lists sensorFirst's indices in group order; groupOf is
	// its inverse.
	sensorRank, groupOf []int
	// sensorFirst is each sensor's first detection time in a scan.
	sensorFirst []sensorTime
	cand        []int // the dwell's candidate tracks, from index
	preds       []gatePrediction
	used        []bool
	d2          []float64
	detPos      []detPosition
}

// sensorTime is a sensor and a time.
type sensorTime struct {
	sensor string
	t      float64
}

// detPosition is a detection's position in ECEF, for the coarse gate.
type detPosition struct {
	t  float64
	p  Vec3
	tr float64 // trace of its position covariance, m²
	dc dirCos  // for the innovation (gateDistance)
}

// set writes detection d's time, position and the trace of its position
// covariance (positionTrace, bit for bit) to dp: for a range–azimuth–
// elevation detection with a diagonal R, positionTrace's arithmetic
// written in place.
func (dp *detPosition) set(d *Detection) {
	dp.t = d.Time
	if _, diag := positiveDiagonal(&d.R); !diag || d.Kind != RangeAzEl {
		dp.p, dp.tr = d.positionTrace()
		dp.dc = dirCosOf(d)
		return
	}
	r, az, el := d.Z[0], d.Z[1], d.Z[2]
	sa, ca := math.Sincos(az)
	se, ce := math.Sincos(el)
	dp.dc = dirCos{sa: sa, ca: ca, se: se, ce: ce} // dirCosOf's
	rc := r * ce
	e, n, u := rc*sa, rc*ca, r*se
	f := &d.Frame
	dp.p[0] = f.OriginECEF.X + f.E.X*e + f.N.X*n + f.U.X*u
	dp.p[1] = f.OriginECEF.Y + f.E.Y*e + f.N.Y*n + f.U.Y*u
	dp.p[2] = f.OriginECEF.Z + f.E.Z*e + f.N.Z*n + f.U.Z*u
	dp.tr = d.R[0][0] + d.R[1][1]*rc*rc + d.R[2][2]*r*r
}

// coarseGateFactor scales the coarse gate's radius. The χ² gate accepts an
// innovation only if its length is at most √(gate·λmax(S)) ≤ √(gate·tr S),
// with S the innovation covariance; in position space tr S is bounded by
// the sum of the predicted track and detection traces. The factor 2 covers
// the difference between the range–azimuth–elevation and Cartesian
// linearisations.
const coarseGateFactor = 2.0

// farApart reports whether detection j certainly falls outside the χ² gate
// of the track with estimate e: a cheap test on Euclidean distance that
// spares the filter's prediction for pairs kilometres apart.
//
// sp and sv are the track's RSS position and velocity σ, from spreads.
func (tr *Tracker) farApart(e *Estimate, sp, sv float64, j int) bool {
	dp := &tr.detPos[j]
	dt := dp.t - e.T
	adt := math.Abs(dt)
	// The sum over the axes from 0, written out.
	x0 := e.X[0] + e.X[3]*dt - dp.p[0]
	x1 := e.X[1] + e.X[4]*dt - dp.p[1]
	x2 := e.X[2] + e.X[5]*dt - dp.p[2]
	d2 := sumFrom0(x0*x0, x1*x1, x2*x2)
	// Predicted position spread, plus unmodelled acceleration (gravity,
	// thrust: 100 m/s²) over the prediction interval.
	spread := sp + sv*adt + 50*adt*adt
	r := coarseGateFactor * math.Sqrt(tr.gate3*(spread*spread+dp.tr))
	return d2 > r*r
}

// spreads returns the RSS position and velocity σ of e for farApart.
func spreads(e *Estimate) (sp, sv float64) {
	return math.Sqrt(e.P[0][0] + e.P[1][1] + e.P[2][2]), math.Sqrt(e.P[3][3] + e.P[4][4] + e.P[5][5])
}

// NewTracker returns a tracker for owner.
func NewTracker(owner string, cfg Config) (*Tracker, error) {
	if cfg.Filter == nil {
		cfg.Filter = &EKF{Motion: &Ballistic{Q: 1}}
	}
	if cfg.GateProb == 0 {
		cfg.GateProb = 0.999
	}
	if !(cfg.GateProb > 0 && cfg.GateProb < 1) {
		return nil, fmt.Errorf("track: gate probability %v: allowed values are in (0, 1)", cfg.GateProb)
	}
	m, n := cfg.Initiator.mn()
	if m < 1 || n < m || n > 63 {
		return nil, fmt.Errorf("track: initiation %d of %d: allowed values are 1 ≤ M ≤ N ≤ 63", m, n)
	}
	if cfg.Initiator.VelSigma < 0 || cfg.Deleter.Misses < 0 || cfg.Deleter.MaxPosSigma < 0 {
		return nil, fmt.Errorf("track: negative initiation velocity σ, deletion misses or deletion σ bound")
	}
	if cfg.FireControl == (FireControl{}) {
		cfg.FireControl = DefaultFireControl()
	}
	man, err := cfg.Manoeuvre.test()
	if err != nil {
		return nil, err
	}
	return &Tracker{
		man:    man,
		Owner:  owner,
		cfg:    cfg,
		filter: cfg.Filter,
		gate3:  GateThreshold(cfg.GateProb, 3),
		gate6:  GateThreshold(cfg.GateProb, 6),
		nextID: 1,
	}, nil
}

// Filter returns the tracker's filter.
func (tr *Tracker) Filter() Filter { return tr.filter }

// Tracks returns a copy of the current tracks, live and just deleted, in
// order of ID.
func (tr *Tracker) Tracks() []Track { return tr.AppendTracks(nil) }

// AppendTracks appends the current tracks to dst.
func (tr *Tracker) AppendTracks(dst []Track) []Track {
	for _, t := range tr.tracks {
		dst = append(dst, *t)
	}
	return dst
}

// positiveDiagonal reports, for a diagonal r (off-diagonal entries ±0),
// what chol3 reports for it: every diagonal entry > 0. ok is false when r
// is not diagonal.
func positiveDiagonal(r *Mat3) (pd, ok bool) {
	if r[0][1] != 0 || r[0][2] != 0 || r[1][0] != 0 || r[1][2] != 0 || r[2][0] != 0 || r[2][1] != 0 {
		return false, false
	}
	return r[0][0] > 0 && r[1][1] > 0 && r[2][2] > 0, true
}

func validDetection(d *Detection) error {
	// v − v is 0 for a finite v and NaN for ±Inf and NaN.
	if z := &d.Z; !(z[0]-z[0] == 0 && z[1]-z[1] == 0 && z[2]-z[2] == 0) {
		return fmt.Errorf("measurement %v is not finite", d.Z)
	}
	if !(d.Time-d.Time == 0) {
		return fmt.Errorf("time %v is not finite", d.Time)
	}
	pd, diag := positiveDiagonal(&d.R)
	if !diag {
		_, pd = chol3(&d.R)
	}
	if !pd {
		return fmt.Errorf("covariance %v: %w", d.R, ErrNotPositiveDefinite)
	}
	if d.Kind == RangeAzEl && !(d.Z[0] > 0) {
		return fmt.Errorf("range %v m: allowed values are > 0", d.Z[0])
	}
	if d.Kind > PositionECEF {
		return fmt.Errorf("measurement kind %d: allowed values are RangeAzEl, PositionECEF", d.Kind)
	}
	return nil
}

// Scan processes one scan of detections ending at time t (each detection's
// Time ≤ t). Tracks deleted in the previous scan are removed first.
func (tr *Tracker) Scan(t float64, dets []Detection) error {
	for i := range dets {
		if err := validDetection(&dets[i]); err != nil {
			return fmt.Errorf("track: scan at %v s, detection %d (sensor %q): %w", t, i, dets[i].Sensor, err)
		}
		if dets[i].Time > t {
			return fmt.Errorf("track: scan at %v s, detection %d (sensor %q): time %v s is after the scan", t, i, dets[i].Sensor, dets[i].Time)
		}
	}
	tr.tracks = slices.DeleteFunc(tr.tracks, func(k *Track) bool { return k.Status == Deleted })
	for _, k := range tr.tracks {
		k.hit = false
	}
	tlo, thi := math.Inf(1), math.Inf(-1)
	for i := range dets {
		// Times are finite (validDetection); math.Min and Max differ
		// from these only for ±0, which the index's bounds treat alike.
		if t := dets[i].Time; t < tlo {
			tlo = t
		}
		if t := dets[i].Time; t > thi {
			thi = t
		}
	}
	tr.index.reset(tr.tracks, tlo, thi, tr.gate3)

	// Group by sensor, groups ordered by their first detection time.
	// sensorFirst holds each sensor's first detection time; first[i] is
	// that of detection i's sensor.
	// group[i] holds detection i's index in sensorFirst until it is
	// ranked below.
	tr.sensorFirst = tr.sensorFirst[:0]
	tr.group = tr.group[:0]
	for i := range dets {
		var k int
		if i > 0 && dets[i].Sensor == dets[i-1].Sensor {
			k = tr.group[i-1] // detections come in runs of one sensor
		} else {
			k = slices.IndexFunc(tr.sensorFirst, func(f sensorTime) bool { return f.sensor == dets[i].Sensor })
		}
		switch {
		case k < 0:
			k = len(tr.sensorFirst)
			tr.sensorFirst = append(tr.sensorFirst, sensorTime{dets[i].Sensor, dets[i].Time})
		case dets[i].Time < tr.sensorFirst[k].t:
			tr.sensorFirst[k].t = dets[i].Time
		}
		tr.group = append(tr.group, k)
	}
	// The groups' order: by first time, then sensor. group[i] is the
	// place of detection i's sensor in it, so that sorting by (group,
	// time) sorts by (first time, sensor, time) without comparing
	// strings.
	tr.sensorRank = tr.sensorRank[:0]
	for k := range tr.sensorFirst {
		tr.sensorRank = append(tr.sensorRank, k)
	}
	slices.SortFunc(tr.sensorRank, func(a, b int) int {
		fa, fb := &tr.sensorFirst[a], &tr.sensorFirst[b]
		if c := cmp.Compare(fa.t, fb.t); c != 0 {
			return c
		}
		return cmp.Compare(fa.sensor, fb.sensor)
	})
	tr.groupOf = slices.Grow(tr.groupOf[:0], len(tr.sensorFirst))[:len(tr.sensorFirst)]
	for g, k := range tr.sensorRank {
		tr.groupOf[k] = g
	}
	for i, k := range tr.group {
		tr.group[i] = tr.groupOf[k]
	}
	tr.orderByGroupTime(dets)
	// Each dwell (one sensor, one look time) is associated on its own: a
	// sensor that revisits a target more than once between scans gives it
	// one detection per look, and one-to-one assignment over all of them
	// would leave all but one unassigned, each starting a duplicate track.
	for lo := 0; lo < len(tr.order); {
		hi := lo + 1
		for hi < len(tr.order) && sameDwell(&dets[tr.order[hi]], &dets[tr.order[lo]]) {
			hi++
		}
		if err := tr.scanGroup(dets, tr.order[lo:hi]); err != nil {
			return fmt.Errorf("track: scan at %v s: %w", t, err)
		}
		lo = hi
	}

	// Initiation, confirmation, deletion; predict to t; quality.
	for _, k := range tr.tracks {
		k.Scans++
		k.hits <<= 1
		switch {
		case k.hit:
			k.hits |= 1
			k.Misses = 0
		case k.Remote > 0 && t <= k.remoteUntil:
			// Covered by a remote report until the next is due.
		default:
			k.Misses++
		}
		// EKF.Predict returns an estimate already at t as it is.
		if f := tr.filterFor(k); k.Estimate.T != t || !isEKF(f) {
			k.Estimate = f.Predict(k.Estimate, t)
		}
		k.Quality = QualityOf(&k.Estimate, k.Quality.Updates)
		switch k.Status {
		case Tentative:
			if tr.cfg.Initiator.Confirmed(k.hits, k.Scans) {
				k.Status = Firm
				k.Confirmed = k.LastUpdate
			} else if tr.cfg.Initiator.Failed(k.hits, k.Scans) {
				k.Status = Deleted
			}
		case Firm:
			if tr.cfg.Deleter.Delete(k.Misses, k.Quality) {
				k.Status = Deleted
			}
		}
		tr.markFireControl(k, t)
	}
	return nil
}

// orderByGroupTime sets tr.order to the detections' indices stably sorted
// by (group, time): a stable counting sort by group, then a stable sort by
// time of each group that is not in time order already (the same order
// as one stable sort by both; times are finite, see validDetection).
func (tr *Tracker) orderByGroupTime(dets []Detection) {
	ng := len(tr.sensorFirst)
	tr.groupStart = slices.Grow(tr.groupStart[:0], ng+1)[:ng+1]
	clear(tr.groupStart)
	for _, g := range tr.group {
		tr.groupStart[g+1]++
	}
	for g := range ng {
		tr.groupStart[g+1] += tr.groupStart[g]
	}
	tr.groupFill = append(tr.groupFill[:0], tr.groupStart[:ng]...)
	tr.order = slices.Grow(tr.order[:0], len(dets))[:len(dets)]
	for i, g := range tr.group {
		tr.order[tr.groupFill[g]] = i
		tr.groupFill[g]++
	}
	byTime := func(a, b int) int {
		switch ta, tb := dets[a].Time, dets[b].Time; {
		case ta < tb:
			return -1
		case ta > tb:
			return 1
		}
		return 0
	}
	for g := range ng {
		run := tr.order[tr.groupStart[g]:tr.groupStart[g+1]]
		if len(run) > insertionSortMax {
			if !slices.IsSortedFunc(run, byTime) {
				slices.SortStableFunc(run, byTime)
			}
			continue
		}
		// A stable insertion sort on the times, read once: an element
		// moves past only strictly later ones.
		times := slices.Grow(tr.runTime[:0], len(run))[:len(run)]
		tr.runTime = times
		for i, di := range run {
			times[i] = dets[di].Time
		}
		for i := 1; i < len(run); i++ {
			t, di := times[i], run[i]
			j := i
			for ; j > 0 && times[j-1] > t; j-- { // at most i moves
				times[j], run[j] = times[j-1], run[j-1]
			}
			times[j], run[j] = t, di
		}
	}
}

// insertionSortMax is the longest sensor group orderByGroupTime sorts by
// insertion (quadratic in the worst case); longer ones go to the library's
// stable sort.
const insertionSortMax = 64

// isEKF reports whether f is an EKF.
func isEKF(f Filter) bool {
	_, ok := f.(*EKF)
	return ok
}

// restartQuiet starts the quiescent filter of a manoeuvring track k from
// estimate e.
func (k *Track) restartQuiet(e *Estimate) {
	if k.quiet == nil {
		k.quiet = new(Estimate)
	}
	*k.quiet, k.end, k.quietN = *e, 0, 0
}

// filterFor returns the filter track k uses now.
func (tr *Tracker) filterFor(k *Track) Filter {
	if k.Manoeuvring {
		return tr.cfg.Manoeuvre.Filter
	}
	return tr.filter
}

// testManoeuvre runs the manoeuvre tests of track k (see Manoeuvre) after
// its update by detection d, with d2 the NIS of the filter in use and post
// the track's new estimate. Tentative tracks are not tested: their first
// updates fix the velocity, and their NIS says nothing about a manoeuvre.
//
// dc is d's dirCos.
func (tr *Tracker) testManoeuvre(k *Track, d *Detection, dc *dirCos, d2 float64, post *Estimate) {
	m := &tr.man
	if m.filter == nil || k.Status != Firm {
		return
	}
	if !k.Manoeuvring {
		k.onset = m.alpha*k.onset + d2
		if k.onset > m.onsetUp {
			k.Manoeuvring = true
			k.restartQuiet(post)
		}
		return
	}
	// The quiescent filter runs alongside on the same detections.
	// The prediction lives in the tracker's scratch: the address of a
	// local passed to an interface method would move it to the heap.
	var qd2 float64
	if ekf, ok := tr.filter.(*EKF); ok {
		// Gating's prediction, innovation and update: EKF.Predict's and
		// EKF.Update's results, bit for bit, written in place.
		g := &tr.quietPred
		ekf.predictForGate(k.quiet, d.Time, g)
		var err error
		if qd2, err = gateDistance(&g.est, d, dc, &g.in); err != nil {
			k.restartQuiet(post)
			return
		}
		g.complete(k.quiet)
		ekf.updateFromGate(&g.est, d, &g.in, k.quiet)
	} else {
		pred := tr.filter.Predict(*k.quiet, d.Time)
		qpost, in, err := tr.filter.Update(&pred, d)
		if err != nil {
			k.restartQuiet(post)
			return
		}
		*k.quiet, qd2 = qpost, in.D2
	}
	k.end = m.endAlpha*k.end + qd2
	k.quietN++
	// ε̄ starts at 0 and reaches its steady state after about a window
	// of updates: only then is it tested against the median.
	switch {
	case k.end > m.endUp:
		// The quiescent model has lost the target: restart its test
		// from the manoeuvre filter's estimate.
		k.restartQuiet(post)
	case k.quietN >= m.endWindow && k.end < m.endDown:
		k.Manoeuvring = false
		k.onset = m.onsetMean
	}
}

// assignPass assigns the detections idx not yet used to the tracks of
// status pass (global nearest neighbour, see Tracker) and updates them.
//
// The assignment is solved on the part of the problem that has a choice:
// the tracks of the pass that gate some unused detection, and those
// detections. Every other track can only take its own non-assignment
// column, and every other detection no track at all, so leaving them out
// changes no optimal assignment; it keeps the cost matrix, and the
// solver's O(rows²·cols) work, to the gated tracks of one dwell rather than
// all tracks.
func (tr *Tracker) assignPass(dets []Detection, idx []int, pass Status) error {
	nd := len(idx)
	if err := tr.solvePass(nd, pass); err != nil {
		return err
	}
	nc := len(tr.cols)
	for r, ci := range tr.rows {
		c := tr.rowCol[r]
		if c < 0 || c >= nc {
			continue
		}
		i := tr.cand[ci]
		k := tr.tracks[i]
		j := tr.cols[c]
		d := &dets[idx[j]]
		pred := &tr.preds[i]
		if pred.est.T != d.Time {
			pred.est, pred.full, pred.inJ = tr.filterFor(k).Predict(k.Estimate, d.Time), true, -1
		}
		pred.complete(&k.Estimate)
		post := &tr.post
		var d2 float64 // NIS
		if ekf, ok := tr.filterFor(k).(*EKF); ok && pred.inJ == j {
			// The posterior in place: nothing below reads the prior.
			post = &k.Estimate
			ekf.updateFromGate(&pred.est, d, &pred.in, post)
			d2 = pred.in.d2
		} else {
			var in Innovation
			var err error
			*post, in, err = tr.filterFor(k).Update(&pred.est, d)
			if err != nil {
				k.Status = Deleted
				continue
			}
			d2 = in.D2
		}
		tr.testManoeuvre(k, d, &tr.detPos[j].dc, d2, post)
		tr.used[j] = true
		if post != &k.Estimate {
			k.Estimate = *post
		}
		tr.index.moved(i, &k.Estimate)
		k.hit = true
		k.Quality.Updates++
		k.Own++
		k.LastUpdate = d.Time
		k.LastSensor = d.Sensor
	}
	return nil
}

// solvePass solves the reduced assignment of a pass (see assignPass) for
// a dwell of nd detections: tr.rows lists its rows (positions in
// tr.cand), tr.cols its columns (detections of the dwell), and
// tr.rowCol[r] the column of row r, −1 or ≥ len(tr.cols) when the track
// takes none.
func (tr *Tracker) solvePass(nd int, pass Status) error {
	// colOf[j] is detection j's column in the reduced problem, −1 if no
	// track of the pass gates it; rows lists the tracks that gate some
	// detection, cols the detections gated.
	tr.colOf = slices.Grow(tr.colOf[:0], nd)[:nd]
	for j := range tr.colOf {
		tr.colOf[j] = -1
	}
	tr.rows, tr.cols = tr.rows[:0], tr.cols[:0]
	// While no row gates two detections and no detection two rows, the
	// problem is a set of one-to-one pairs (rowCol holds each row's
	// detection meanwhile).
	pairs := true
	tr.rowCol = tr.rowCol[:0]
	for r, i := range tr.cand {
		k := tr.tracks[i]
		if k.Status != pass {
			continue
		}
		row := tr.d2[r*nd : (r+1)*nd]
		gated := -1
		for j, d2 := range row {
			if tr.used[j] || math.IsInf(d2, 1) {
				continue
			}
			if gated >= 0 {
				pairs = false
			}
			gated = j
			if tr.colOf[j] < 0 {
				tr.colOf[j] = 0
				tr.cols = append(tr.cols, j)
			} else {
				pairs = false
			}
		}
		if gated >= 0 {
			tr.rows = append(tr.rows, r)
			tr.rowCol = append(tr.rowCol, gated)
		}
	}
	if len(tr.rows) == 0 {
		return nil
	}
	slices.Sort(tr.cols) // detections in dwell order, as in the full problem
	for c, j := range tr.cols {
		tr.colOf[j] = c
	}
	if pairs {
		// Each row's only finite costs are its detection's d² ≤ gate
		// and its own non-assignment column's gate, and the solver
		// takes the first least cost of a row, in column order: the
		// detection, which no other row wants. So every row takes its
		// detection, as Solve would return.
		for r, j := range tr.rowCol {
			tr.rowCol[r] = tr.colOf[j]
		}
		return nil
	}
	nr, nc := len(tr.rows), len(tr.cols)
	width := nc + nr
	tr.cost = slices.Grow(tr.cost[:0], nr*width)[:nr*width]
	tr.rowCol = slices.Grow(tr.rowCol[:0], nr)[:nr]
	inf := math.Inf(1)
	for r, ci := range tr.rows {
		row := tr.cost[r*width : (r+1)*width]
		for c := range row {
			row[c] = inf
		}
		row[nc+r] = tr.gate3
		for c, j := range tr.cols {
			if !tr.used[j] {
				row[c] = tr.d2[ci*nd+j]
			}
		}
	}
	_, _, err := tr.solver.Solve(tr.cost, nr, width, tr.rowCol)
	return err
}

// sameDwell reports whether two detections come from one look of one
// sensor: the same sensor and the same time.
func sameDwell(a, b *Detection) bool { return a.Sensor == b.Sensor && a.Time == b.Time }

func (tr *Tracker) markFireControl(k *Track, t float64) {
	k.FireControl = tr.cfg.FireControl.Met(k.Status, k.Quality)
	if k.FireControl && math.IsNaN(k.FireControlTime) {
		k.FireControlTime = t
	}
}

// scanGroup associates and applies one sensor's detections (idx, sorted by
// time) and starts tracks from those left over.
func (tr *Tracker) scanGroup(dets []Detection, idx []int) error {
	nd := len(idx)
	tr.detPos = slices.Grow(tr.detPos[:0], nd)[:nd]
	for j, di := range idx {
		tr.detPos[j].set(&dets[di])
	}
	// Only the candidates of the gate index can pass the coarse gate.
	// d2[r·nd+j] is the squared Mahalanobis distance of detection j from
	// candidate track r, +Inf outside the gate.
	tr.cand = tr.index.candidates(tr.detPos, len(tr.tracks))
	nc := len(tr.cand)
	tr.d2 = slices.Grow(tr.d2[:0], nc*nd)[:nc*nd]
	if n := len(tr.tracks); len(tr.preds) < n {
		tr.preds = append(tr.preds, make([]gatePrediction, n-len(tr.preds))...)
	}
	inf := math.Inf(1)
	for r, i := range tr.cand {
		k := tr.tracks[i]
		row := tr.d2[r*nd : (r+1)*nd]
		for j := range row {
			row[j] = inf
		}
		if k.Status == Deleted {
			continue
		}
		pred := &tr.preds[i]
		// No prediction yet: NaN differs from every detection time, so
		// the first gated detection predicts (EKF.predictForGate copies
		// an estimate already at its time).
		pred.est.T, pred.full, pred.inJ = math.NaN(), true, -1
		f := tr.filterFor(k)
		ekf, _ := f.(*EKF)
		sp, sv := tr.index.sp[i], tr.index.sv[i] // spreads(&k.Estimate)
		near := tr.index.near[i]
		for j, di := range idx {
			d := &dets[di]
			// The index listed track i only for the detections in near:
			// farApart rejects every other.
			if near&nearBit(j) == 0 || tr.farApart(&k.Estimate, sp, sv, j) {
				continue
			}
			var d2 float64
			var err error
			if ekf != nil {
				// The gate needs the position block of the prediction
				// only; assignPass completes it for an update.
				if pred.est.T != d.Time {
					ekf.predictForGate(&k.Estimate, d.Time, pred)
				}
				d2, err = gateDistance(&pred.est, d, &tr.detPos[j].dc, &pred.in)
				pred.inJ = -1
				if err == nil {
					pred.inJ = j
				}
			} else {
				if pred.est.T != d.Time {
					pred.est, pred.inJ = f.Predict(k.Estimate, d.Time), -1
				}
				var in Innovation
				in, err = f.Innovate(&pred.est, d)
				d2 = in.D2
			}
			if err != nil || d2 > tr.gate3 {
				continue
			}
			row[j] = d2
		}
	}
	tr.used = slices.Grow(tr.used[:0], nd)[:nd]
	clear(tr.used)
	// Firm tracks take their detections first; tentative tracks share
	// what is left. A new tentative track's gate is wide (its velocity σ
	// is Initiator.VelSigma), so in one joint assignment it could take
	// the detection of a firm track on the same target and starve it
	// until it is deleted.
	for _, pass := range [...]Status{Firm, Tentative} {
		if err := tr.assignPass(dets, idx, pass); err != nil {
			return err
		}
	}
	for j, di := range idx {
		if tr.used[j] {
			continue
		}
		d := &dets[di]
		k := &Track{
			ID:              tr.nextID,
			Estimate:        tr.cfg.Initiator.Start(d),
			Status:          Tentative,
			Initiated:       d.Time,
			Confirmed:       math.NaN(),
			FireControlTime: math.NaN(),
			LastUpdate:      d.Time,
			LastSensor:      d.Sensor,
			Own:             1,
			hit:             true,
		}
		k.Quality.Updates = 1
		tr.nextID++
		tr.tracks = append(tr.tracks, k)
		tr.index.add(len(tr.tracks)-1, &k.Estimate)
	}
	return nil
}
