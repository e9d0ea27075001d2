package sim

// The fast fidelity (Options.Fidelity = FastFidelity, rampart run
// --fidelity fast) is a cheaper model of sensing and tracking for sweeps.
// Battle management (evaluation, battle space, assignment, in-flight
// updates, handover, kill draws, kill assessment, shoot-look-shoot) is the
// full engine's code; what it approximates is the air picture it reads.
//
//   - Looks: each radar looks at each flight on the same schedule as in
//     full fidelity (search phase, search frame, cue, track interval,
//     track capacity), but the geometry of a look (visibility, SNR of a
//     1 m² target, range, line of sight) is read from tables sampled every
//     second of the flight, built once per world, and Pd from a table of
//     the radar's detector against SNR in dB (fasttables.go). A detection
//     draws no measurement noise.
//   - Tracks: each picture holds at most one track per flight, a
//     covariance-only Kalman filter: per axis a position–velocity pair
//     with white-acceleration noise (trackerQ, or track.BoostQ while the
//     missile boosts, standing for the manoeuvre filter the full trackers
//     switch to under thrust), updated by each detection with the radar's
//     range variance along the line of sight and (range × angle σ)² across
//     it (radar.Sigmas at the look's dwell SNR). Initiation (velocity σ
//     3 km/s per axis), confirmation (3 of 5 scans), deletion (3 missed
//     scans or 20 km position σ) and the fire-control test
//     (track.DefaultFireControl) are the full trackers' rules. The track's
//     error is one standard normal 6-vector drawn when the track starts,
//     scaled each time the track is read by the Cholesky factor of its
//     current covariance (along and across the latest line of sight); the
//     estimate is the truth plus that error. In midcourse a firm track
//     has the full trackers' false manoeuvre spells: at the rate their
//     manoeuvre test fires on a quiescent track (fastFalseOnset) its
//     filter runs at track.BoostQ for the test's window of updates
//     (fastSpellUpdates), and its error grows with the larger gains.
//   - In-flight updates: a shot follows its track at each tick as in full
//     fidelity; when the track is deleted, the shot keeps the estimate the
//     track had at the tick before (fastTrial.lastWord), though battle
//     management does not run then.
//   - Predictions: a track's predicted path is the true path shifted by
//     the track's position error and its velocity error times the time
//     ahead, where full fidelity integrates a drag-free ballistic model
//     from the estimate. While the truth boosts, a track is not steady
//     (full fidelity's steadiness test waits for thrust termination the
//     same way). The battle space and the predicted intercept point of a
//     launcher are found on the true path, once per world (the intercept
//     point once per decision tick, by the first trial that asks), and
//     the intercept point is shifted by the track's error as its path
//     is.
//   - Ticks: battle management runs only at the ticks where something can
//     happen (a track reaches fire control, an engagement is due for
//     evaluation or assessment, a shot reaches handover); at the others
//     the full engine finds nothing to do.
//
// Why: a full trial spends its time on measurement-level tracking (gating,
// association, EKF updates) and on re-deriving geometry that is the same
// in every trial; the outcome depends on the tracks only through when each
// becomes fire-control quality and how large its error is at evaluation
// and handover, which the covariance model keeps. What it does not model:
// duplicate and false tracks, track swaps, the fusion of several radars'
// geometries into one covariance (each detection's covariance is taken in
// its own radar's frame), track links between pictures, and the ballistic
// predictor's drag error. It refuses what it cannot stand for: track links
// (CheckFast) and cruise missiles, whose ballistic predictions full
// fidelity gets wrong in a way this model does not copy.
//
// Its headline statistics agree with full fidelity within their 95 %
// intervals on the library's engine scenarios (TestFastAgreesWithFull,
// run by make test-long).

import (
	"errors"
	"math"
	"math/bits"
	"math/rand/v2"

	"gonum.org/v1/gonum/spatial/r3"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/track"
	"github.com/rampart-sim/rampart/radar"
)

// Track rules of the fast fidelity's covariance-only tracks: the full
// trackers' defaults (track.Initiator, track.Deleter).
const (
	fastVelSigma0      = 3000.0 // per-axis velocity σ of a new track, m/s
	fastConfirmM       = 3      // confirmation: M of the first N scans
	fastConfirmN       = 5
	fastDeleteMisses   = 3    // consecutive missed scans that drop a firm track
	fastDeletePosSigma = 20e3 // RSS position σ that drops a firm track, m
	// fastBatchScans is how many scans' detections a fire-control track
	// sums before it applies them in one update (and tests its quality
	// again): its filter's memory is tens of scans, so five scans' worth
	// of information applied at once changes its covariance by a few per
	// cent; a track that is read applies what it holds first.
	fastBatchScans = 5
	// fastFalseOnset is the probability that one update of a firm,
	// quiescent track in midcourse sets off the full trackers' manoeuvre
	// test (track.Manoeuvre: ε̄ over the 95 % quantile) with no manoeuvre
	// to find. The test's nominal rate is 5 % an update; the quiescent
	// filter's trackerQ overstates its error, its innovations are smaller
	// than it expects, and the rate measured on europe's full-fidelity
	// tracks after burnout is 1.1 % a second at two updates a second.
	fastFalseOnset = 0.0055
	// fastSpellUpdates is how many updates such a spell lasts: the end
	// test's window, ⌈1/(1 − EndAlpha)⌉ = 10 at track.DefaultManoeuvre's
	// EndAlpha of 0.9; full fidelity's midcourse spells last exactly that
	// (5 s at two updates a second) as a rule, the quiescent model fitting
	// again at once.
	fastSpellUpdates = 10
)

// sigma2 returns the squares of radar.Sigmas (range, m², and angle, rad²)
// at dwell SNR dwell, without its square roots.
func sigma2(r *radar.Radar, dwell float64) (varR, varA float64) {
	if !(dwell > 0) {
		dwell = math.SmallestNonzeroFloat64
	}
	k2 := 2 * dwell
	dr := radar.SpeedOfLight / (2 * r.Bandwidth)
	km := r.MonopulseSlope
	if km == 0 {
		km = radar.DefaultMonopulseSlope
	}
	bw := r.Beamwidth
	return math.Min(dr*dr/k2, dr*dr) + r.RangeFloor*r.RangeFloor,
		math.Min(bw*bw/(km*km*k2), bw*bw) + r.AngleFloor*r.AngleFloor
}

// CheckFast reports why w cannot run at the fast fidelity, or nil.
func (w *World) CheckFast() error {
	if len(w.links()) > 0 {
		return errors.New("the fast fidelity does not model track links between pictures (run.architecture separate-linked with links); use full")
	}
	for i := range w.Flights {
		if f := &w.Flights[i]; f.Cruise != nil || airBreathing(f.Kind) {
			what := "a cruise missile"
			if f.Kind == catalog.KindAircraft {
				what = "an aircraft"
			}
			return errors.New("the fast fidelity models ballistic threats only, and " + f.Name + " is " + what + "; use full")
		}
	}
	return nil
}

// mat3 is a 3×3 matrix.
type mat3 = [3][3]float64

// posVelCov is the covariance of a position–velocity state in ECEF: A of
// the position (m²), B between position and velocity (m²/s), C of the
// velocity (m²/s²).
type posVelCov struct{ A, B, C mat3 }

// predicted returns the covariance dt seconds on under a constant-velocity
// model with white acceleration noise of spectral density q (m²/s³) on
// each axis (Bar-Shalom et al. 2001, §6.2.2).
func (p *posVelCov) predicted(dt, q float64) posVelCov {
	var o posVelCov
	p.predictInto(&o, dt, q)
	return o
}

// predictInto writes predicted(dt, q) to o (which may be p).
func (p *posVelCov) predictInto(o *posVelCov, dt, q float64) {
	// The same operations, in the same order, as the element-wise
	// A + dt(B + Bᵀ) + dt²C + q dt³/3 I; B + dt C + q dt²/2 I; C + q dt I,
	// A's elements below the diagonal mirrored from above it (the same
	// values, A and C being symmetric: update and contract keep them so).
	dt2 := dt * dt
	qa, qb, qc := q*dt*dt*dt/3, q*dt*dt/2, q*dt
	a, b, c := &p.A, &p.B, &p.C
	var A, B mat3
	for i := range 3 {
		for j := i; j < 3; j++ {
			v := a[i][j] + dt*(b[i][j]+b[j][i]) + dt2*c[i][j]
			A[i][j], A[j][i] = v, v
		}
		for j := range 3 {
			B[i][j] = b[i][j] + dt*c[i][j]
		}
	}
	A[0][0] += qa
	A[1][1] += qa
	A[2][2] += qa
	B[0][0] += qb
	B[1][1] += qb
	B[2][2] += qb
	o.A, o.B, o.C = A, B, *c
	o.C[0][0] += qc
	o.C[1][1] += qc
	o.C[2][2] += qc
}

// update applies a position measurement of covariance r (the Kalman
// update with H = [I 0]) and returns the gains of the position and the
// velocity, A S⁻¹ and Bᵀ S⁻¹. A and C stay exactly symmetric: their
// corrections, A S⁻¹ A and Bᵀ S⁻¹ B, are computed on and above the
// diagonal and mirrored below it (rounding would otherwise make the two
// halves drift apart, and the recursion then diverges within a few
// hundred updates when one direction is measured 10⁴ times better than
// another, range against cross-range).
func (p *posVelCov) update(r *mat3) (kp, kv mat3, ok bool) {
	var s mat3
	for i := range 3 {
		for j := range 3 {
			s[i][j] = p.A[i][j] + r[i][j]
		}
	}
	si, ok := inv3(&s)
	if !ok {
		return kp, kv, false
	}
	kp, kv = mul3(&p.A, &si), mul3T(&p.B, &si)
	kaA, kaB, kbB := mul3Sym(&kp, &p.A), mul3(&kp, &p.B), mul3Sym(&kv, &p.B)
	for i := range 3 {
		for j := range 3 {
			p.A[i][j] -= kaA[i][j]
			p.B[i][j] -= kaB[i][j]
			p.C[i][j] -= kbB[i][j]
		}
	}
	return kp, kv, true
}

// add adds d to p.
func (p *posVelCov) add(d *posVelCov) {
	for i := range 3 {
		for j := range 3 {
			p.A[i][j] += d.A[i][j]
			p.B[i][j] += d.B[i][j]
			p.C[i][j] += d.C[i][j]
		}
	}
}

// contract carries the difference D = Σ − P between the covariance Σ of
// a filter's actual error and the filter's own P through an update with
// the filter's gains kp, kv (optimal for P): both take the Joseph form
// X⁺ = L X Lᵀ + K R Kᵀ with L = I − KH (Bar-Shalom et al. 2001, §5.2.3;
// for P with its optimal gain it is the standard update), so D⁺ = L D Lᵀ,
// without the measurement's K R Kᵀ. With M = I − Kp its blocks are
//
//	A⁺ = M A Mᵀ
//	B⁺ = M (B − A Kvᵀ)
//	C⁺ = C − Kv B − (Kv B)ᵀ + Kv A Kvᵀ
//
// the symmetric ones computed on and above the diagonal and mirrored.
func (p *posVelCov) contract(kp, kv *mat3) {
	var m, y mat3 // I − Kp, B − A Kvᵀ
	a, b := &p.A, &p.B
	aKv := mul3Bt(a, kv)
	for i := range 3 {
		for j := range 3 {
			m[i][j] = -kp[i][j]
			y[i][j] = b[i][j] - aKv[i][j]
		}
		m[i][i]++
	}
	ma := mul3(&m, a)
	maM := mul3BtSym(&ma, &m)
	my := mul3(&m, &y)
	kvaKv := mul3Sym(kv, &aKv)
	kvb := mul3(kv, b)
	p.A, p.B = maM, my
	for i := range 3 {
		for j := i; j < 3; j++ {
			c := p.C[i][j] - kvb[i][j] - kvb[j][i] + kvaKv[i][j]
			p.C[i][j], p.C[j][i] = c, c
		}
	}
}

// The 3×3 products below are written out: each element is the same sum,
// in the same order, as a[i][0]·b[0][j] + a[i][1]·b[1][j] + a[i][2]·b[2][j]
// (TestCovarianceBitIdentical keeps them bit-identical to those loops),
// with each operand loaded once; they are most of a fast trial's
// covariance work.

// mul3Bt returns a bᵀ.
func mul3Bt(a, b *mat3) (o mat3) {
	a00, a01, a02 := a[0][0], a[0][1], a[0][2]
	a10, a11, a12 := a[1][0], a[1][1], a[1][2]
	a20, a21, a22 := a[2][0], a[2][1], a[2][2]
	b00, b01, b02 := b[0][0], b[0][1], b[0][2]
	b10, b11, b12 := b[1][0], b[1][1], b[1][2]
	b20, b21, b22 := b[2][0], b[2][1], b[2][2]
	o[0][0] = a00*b00 + a01*b01 + a02*b02
	o[0][1] = a00*b10 + a01*b11 + a02*b12
	o[0][2] = a00*b20 + a01*b21 + a02*b22
	o[1][0] = a10*b00 + a11*b01 + a12*b02
	o[1][1] = a10*b10 + a11*b11 + a12*b12
	o[1][2] = a10*b20 + a11*b21 + a12*b22
	o[2][0] = a20*b00 + a21*b01 + a22*b02
	o[2][1] = a20*b10 + a21*b11 + a22*b12
	o[2][2] = a20*b20 + a21*b21 + a22*b22
	return o
}

// mul3Sym returns a b where it is known to be symmetric: the elements
// on and above the diagonal, mirrored below it.
func mul3Sym(a, b *mat3) (o mat3) {
	a00, a01, a02 := a[0][0], a[0][1], a[0][2]
	a10, a11, a12 := a[1][0], a[1][1], a[1][2]
	a20, a21, a22 := a[2][0], a[2][1], a[2][2]
	b00, b01, b02 := b[0][0], b[0][1], b[0][2]
	b10, b11, b12 := b[1][0], b[1][1], b[1][2]
	b20, b21, b22 := b[2][0], b[2][1], b[2][2]
	o[0][0] = a00*b00 + a01*b10 + a02*b20
	o[0][1] = a00*b01 + a01*b11 + a02*b21
	o[0][2] = a00*b02 + a01*b12 + a02*b22
	o[1][1] = a10*b01 + a11*b11 + a12*b21
	o[1][2] = a10*b02 + a11*b12 + a12*b22
	o[2][2] = a20*b02 + a21*b12 + a22*b22
	o[1][0], o[2][0], o[2][1] = o[0][1], o[0][2], o[1][2]
	return o
}

// mul3BtSym returns a bᵀ where it is known to be symmetric (see mul3Sym).
func mul3BtSym(a, b *mat3) (o mat3) {
	a00, a01, a02 := a[0][0], a[0][1], a[0][2]
	a10, a11, a12 := a[1][0], a[1][1], a[1][2]
	a20, a21, a22 := a[2][0], a[2][1], a[2][2]
	b00, b01, b02 := b[0][0], b[0][1], b[0][2]
	b10, b11, b12 := b[1][0], b[1][1], b[1][2]
	b20, b21, b22 := b[2][0], b[2][1], b[2][2]
	o[0][0] = a00*b00 + a01*b01 + a02*b02
	o[0][1] = a00*b10 + a01*b11 + a02*b12
	o[0][2] = a00*b20 + a01*b21 + a02*b22
	o[1][1] = a10*b10 + a11*b11 + a12*b12
	o[1][2] = a10*b20 + a11*b21 + a12*b22
	o[2][2] = a20*b20 + a21*b21 + a22*b22
	o[1][0], o[2][0], o[2][1] = o[0][1], o[0][2], o[1][2]
	return o
}

// mul3 returns a b.
func mul3(a, b *mat3) (o mat3) {
	a00, a01, a02 := a[0][0], a[0][1], a[0][2]
	a10, a11, a12 := a[1][0], a[1][1], a[1][2]
	a20, a21, a22 := a[2][0], a[2][1], a[2][2]
	b00, b01, b02 := b[0][0], b[0][1], b[0][2]
	b10, b11, b12 := b[1][0], b[1][1], b[1][2]
	b20, b21, b22 := b[2][0], b[2][1], b[2][2]
	o[0][0] = a00*b00 + a01*b10 + a02*b20
	o[0][1] = a00*b01 + a01*b11 + a02*b21
	o[0][2] = a00*b02 + a01*b12 + a02*b22
	o[1][0] = a10*b00 + a11*b10 + a12*b20
	o[1][1] = a10*b01 + a11*b11 + a12*b21
	o[1][2] = a10*b02 + a11*b12 + a12*b22
	o[2][0] = a20*b00 + a21*b10 + a22*b20
	o[2][1] = a20*b01 + a21*b11 + a22*b21
	o[2][2] = a20*b02 + a21*b12 + a22*b22
	return o
}

// mul3T returns aᵀ b.
func mul3T(a, b *mat3) (o mat3) {
	a00, a01, a02 := a[0][0], a[0][1], a[0][2]
	a10, a11, a12 := a[1][0], a[1][1], a[1][2]
	a20, a21, a22 := a[2][0], a[2][1], a[2][2]
	b00, b01, b02 := b[0][0], b[0][1], b[0][2]
	b10, b11, b12 := b[1][0], b[1][1], b[1][2]
	b20, b21, b22 := b[2][0], b[2][1], b[2][2]
	o[0][0] = a00*b00 + a10*b10 + a20*b20
	o[0][1] = a00*b01 + a10*b11 + a20*b21
	o[0][2] = a00*b02 + a10*b12 + a20*b22
	o[1][0] = a01*b00 + a11*b10 + a21*b20
	o[1][1] = a01*b01 + a11*b11 + a21*b21
	o[1][2] = a01*b02 + a11*b12 + a21*b22
	o[2][0] = a02*b00 + a12*b10 + a22*b20
	o[2][1] = a02*b01 + a12*b11 + a22*b21
	o[2][2] = a02*b02 + a12*b12 + a22*b22
	return o
}

// inv3 inverts a 3×3 matrix by its adjugate.
func inv3(m *mat3) (mat3, bool) {
	c00 := m[1][1]*m[2][2] - m[1][2]*m[2][1]
	c01 := m[1][2]*m[2][0] - m[1][0]*m[2][2]
	c02 := m[1][0]*m[2][1] - m[1][1]*m[2][0]
	det := m[0][0]*c00 + m[0][1]*c01 + m[0][2]*c02
	if !(det != 0) || math.IsInf(det, 0) {
		return mat3{}, false
	}
	d := 1 / det
	return mat3{
		{c00 * d, (m[0][2]*m[2][1] - m[0][1]*m[2][2]) * d, (m[0][1]*m[1][2] - m[0][2]*m[1][1]) * d},
		{c01 * d, (m[0][0]*m[2][2] - m[0][2]*m[2][0]) * d, (m[0][2]*m[1][0] - m[0][0]*m[1][2]) * d},
		{c02 * d, (m[0][1]*m[2][0] - m[0][0]*m[2][1]) * d, (m[0][0]*m[1][1] - m[0][1]*m[1][0]) * d},
	}, true
}

// losCov returns the covariance (or with inverse the information) of a
// position measured at range variance varR along the unit line of sight u
// and variance varC on each axis across it.
func losCov(u r3.Vec, varR, varC float64) mat3 {
	// (varR − varC) u uᵀ + varC I, each element below the diagonal the
	// one above it.
	d := varR - varC
	dx, dy, dz := d*u.X, d*u.Y, d*u.Z
	xy, xz, yz := dx*u.Y, dx*u.Z, dy*u.Z
	return mat3{
		{dx*u.X + varC, xy, xz},
		{xy, dy*u.Y + varC, yz},
		{xz, yz, dz*u.Z + varC},
	}
}

// fastTrack is one picture's covariance-only track on one flight.
type fastTrack struct {
	live   bool
	status track.Status // Tentative or Firm while live
	fc     bool         // fire-control quality at the latest scan
	id     int
	t      float64   // time of cov
	cov    posVelCov // the filter's covariance
	// dErr is the covariance of its actual error (see qTrue) less cov, at
	// t (see posVelCov.contract).
	dErr posVelCov
	// errIsCov reports that dErr is zero, the error's covariance cov:
	// true while the truth moves as the filter assumes (both at
	// track.BoostQ in boost), which saves the second update.
	errIsCov bool
	// frozen marks the fire-control track of a flight no launcher can
	// engage: its radars stop looking, and it is held at the covariance
	// it had on reaching fire control until the flight ends. Only its
	// position is ever read (duplicate and nearest-track tests).
	frozen  bool
	info    mat3 // Σ R⁻¹ of the detections of the current scan
	ninfo   int
	batched int // scans whose detections are in info
	updates int
	// dets counts the detections of the current scan after the first;
	// spell the updates left of a false manoeuvre spell (see
	// fastFalseOnset), during which the filter runs at track.BoostQ, and
	// quiet the updates left before the next one sets off (drawn from
	// the exponential distribution of mean 1/fastFalseOnset, the
	// memoryless count of a test that fires at that rate each update).
	dets   int
	spell  int
	quiet  float64
	scans  int
	misses int
	hits   uint64
	hit    bool
	z      [6]float64 // the track's error in units of its σ
}

// fastTrial is one trial at the fast fidelity.
type fastTrial struct {
	*trial
	tab *fastTables
	*fastScratch
}

// fastScratch is the storage of one fast trial, reused by the world's
// later trials (fastTables.scratch): every field is set afresh by
// fastTrial.reset before a trial reads it.
type fastScratch struct {
	tracks [][]fastTrack // [picture][flight]
	// live[p] has bit i (of word i/64) set while picture p's track on
	// flight i is live: the tracks a scan visits, in flight order.
	live     [][]uint64
	idFlight []int        // flight of each track ID
	nfirm    []int        // firm tracks per picture
	rcsDB    [2][]float64 // [boost, not][flight]
	rcs      [2][]float64
	// next[r][i] is radar r's next look at flight i, tracked[r][i]
	// whether r tracks it; ntracked[r] how many it tracks.
	next      [][]float64
	tracked   [][]bool
	ntracked  []int
	newFC     []bool        // per picture: a track reached fire control this tick
	ends      []float64     // per flight: trial.end, as of the latest battle management
	estimates []track.Track // the firm tracks handed to battle management
	memo      [][]lookMemo  // [radar][flight]: the latest look's sample
	truth     *truthIndex
}

// newFastScratch returns the storage of a fast trial of w.
func newFastScratch(w *World) *fastScratch {
	n, nr := len(w.Flights), len(w.Radars)
	s := &fastScratch{tracks: make([][]fastTrack, len(w.Pictures)), nfirm: make([]int, len(w.Pictures)),
		next: make([][]float64, nr), tracked: make([][]bool, nr), ntracked: make([]int, nr),
		newFC: make([]bool, len(w.Pictures)), ends: make([]float64, n),
		truth: newTruthIndex(n, track.GateThreshold(truthGateProb, 3))}
	s.live = make([][]uint64, len(w.Pictures))
	for k := range s.tracks {
		s.tracks[k] = make([]fastTrack, n)
		s.live[k] = make([]uint64, (n+63)/64)
	}
	for ph := range 2 {
		s.rcs[ph], s.rcsDB[ph] = make([]float64, n), make([]float64, n)
	}
	s.memo = make([][]lookMemo, nr)
	for r := range nr {
		s.next[r], s.tracked[r], s.memo[r] = make([]float64, n), make([]bool, n), make([]lookMemo, n)
	}
	s.reset()
	return s
}

// reset clears the state a previous trial left in s.
func (s *fastScratch) reset() {
	for k := range s.tracks {
		clear(s.tracks[k])
		clear(s.live[k])
	}
	clear(s.nfirm)
	s.idFlight = s.idFlight[:0]
	for r := range s.tracked {
		clear(s.tracked[r])
		for i := range s.memo[r] {
			s.memo[r][i] = lookMemo{s: -1}
		}
	}
	clear(s.ntracked)
	clear(s.newFC)
	s.estimates = s.estimates[:0]
}

// window is the battle's battle space at the fast fidelity: the one of
// the true path of the track's flight, computed once per world
// (fastTables.spaces), with its first launch moved up to the decision
// time, where full fidelity recomputes it from each prediction.
func (ft *fastTrial) window(l int, tk *track.Track, _ *intercept.Path, T, _ float64) (intercept.BattleSpace, bool) {
	m := ft.tab.space(ft.w, ft.idFlight[tk.ID], l)
	if m.closed(T) {
		return intercept.BattleSpace{}, false
	}
	bs := m.bs
	bs.FirstLaunch = math.Max(bs.FirstLaunch, T)
	return bs, true
}

// pip is the battle's predicted intercept point at the fast fidelity:
// intercept.PIP on the true path of the track's flight, found once per
// world for each launcher and decision tick (fastTables.pips), shifted
// like the track's predicted path (fastTrial.predict) by the track's
// position error and its velocity error times the time ahead; full
// fidelity finds it on each prediction.
func (ft *fastTrial) pip(l int, tk *track.Track, _ *intercept.Path, T, _ float64) (intercept.Intercept, bool) {
	i := ft.idFlight[tk.ID]
	ff := &ft.tab.flights[i]
	lu := &ft.w.Launchers[l]
	var m *pipMemo
	memo := ft.tab.pips[i][l]
	k := int(math.Round((T - ff.t0) / Tick))
	if k >= 0 && k < len(memo) {
		m = memo[k].Load()
	}
	if m == nil {
		x, ok := intercept.PIP(lu.Pos, lu.Interceptor, ft.tab.paths[i].At, T, ff.t1)
		m = &pipMemo{x: x, ok: ok}
		if k >= 0 && k < len(memo) {
			memo[k].Store(m)
		}
	}
	if !m.ok {
		return intercept.Intercept{}, false
	}
	est := &tk.Estimate
	dp, dv := ff.errorOf(est)
	x := m.x
	x.Pos = r3.Add(x.Pos, r3.Add(dp, r3.Scale(x.T-est.T, dv)))
	x.Vel = r3.Add(x.Vel, dv)
	x.Closing = r3.Sub(x.Closing, dv)
	x.ClosingSpeed = r3.Norm(x.Closing)
	return x, true
}

// hopeless reports whether no launcher can engage flight i from T on: an
// evaluation can then only conclude that nothing can be done, and the fast
// fidelity skips it.
func (ft *fastTrial) hopeless(tk *track.Track, T float64) bool {
	i := ft.idFlight[tk.ID]
	for l := range ft.w.Launchers {
		if !ft.tab.space(ft.w, i, l).closed(T) {
			return false
		}
	}
	return true
}

// engageFast runs one trial at the fast fidelity.
func (w *World) engageFast(rng *rand.Rand) (*Outcome, error) {
	if err := w.CheckFast(); err != nil {
		return nil, err
	}
	tr := w.newTrial(rng, true)
	tab := w.fastTables()
	ft := &fastTrial{trial: tr, tab: tab}
	if s, ok := tab.scratch.Get().(*fastScratch); ok {
		ft.fastScratch = s
		s.reset()
	} else {
		ft.fastScratch = newFastScratch(w)
	}
	ft.run()
	out := tr.bm.outcome()
	tab.scratch.Put(ft.fastScratch)
	return out, nil
}

// q returns the tracker's acceleration spectral density for flight i at t.
func (ft *fastTrial) q(i int, t float64) float64 {
	ff := &ft.tab.flights[i]
	if ff.boost[ff.sample(t)] {
		return track.BoostQ
	}
	return trackerQ
}

// qTrue returns the acceleration spectral density of the truth's departure
// from the trackers' ballistic model for flight i at t: thrust while it
// boosts (taken as track.BoostQ), none after burnout, where the truth is
// the ballistic motion the filter assumes. The filter's trackerQ is a
// margin for what it does not model, so its covariance overstates its
// error in midcourse; the fast fidelity draws the error from the error's
// own covariance, propagated with the filter's gains.
func (ft *fastTrial) qTrue(i int, t float64) float64 {
	ff := &ft.tab.flights[i]
	if ff.boost[ff.sample(t)] {
		return track.BoostQ
	}
	return 0
}

// lookMemo is what a radar's look at a flight found at one sample of the
// fast tables, for the next look at the same sample (two looks a tick at a
// track interval of 0.5 s often read one sample): the detection
// probability, and once detected the measurement's variances and
// information.
type lookMemo struct {
	s          int // the sample; −1 for none
	pd         float64
	sigmas     bool    // varR, varC and info are set
	varR, varC float64 // range variance along the line of sight, variance across it
	info       mat3    // losCov(los, 1/varR, 1/varC)
}

// detect adds a detection of flight i at td to the picture's track k,
// measured with range variance m.varR along the line of sight los and
// m.varC across it. The first starts a track; the others of a scan are
// applied together at its end (their information m.info summed).
func (ft *fastTrial) detect(k *fastTrack, i int, td float64, m *lookMemo, los r3.Vec) {
	if !k.live {
		*k = fastTrack{live: true, status: track.Tentative, id: len(ft.idFlight), t: td, updates: 1, hit: true}
		k.cov.A = losCov(los, m.varR, m.varC)
		for j := range 3 {
			k.cov.C[j][j] = fastVelSigma0 * fastVelSigma0
		}
		k.errIsCov = true
		ft.idFlight = append(ft.idFlight, i)
		for j := range k.z {
			k.z[j] = ft.rng.NormFloat64()
		}
		return
	}
	for a := range 3 {
		for b := range 3 {
			k.info[a][b] += m.info[a][b]
		}
	}
	k.ninfo++
	k.dets++
	k.hit = true
}

// flush applies the detections not yet applied to track k of flight i,
// at T, and finds its covariance at T.
//
// It writes the covariance to p, which then is k.cov if the detections
// were applied.
func (ft *fastTrial) flush(k *fastTrack, i int, T float64, p *posVelCov) {
	dt := T - k.t
	q, qt := ft.q(i, T), ft.qTrue(i, T)
	if k.spell > 0 {
		q = track.BoostQ
	}
	k.cov.predictInto(p, dt, q)
	if k.ninfo > 0 {
		if r, ok := inv3(&k.info); ok {
			if kp, kv, ok := p.update(&r); ok {
				// Unless the filter's model is the truth's (then the
				// error's covariance is the filter's), the difference
				// predicted (F D Fᵀ plus the difference of the process
				// noises) and contracted.
				if !k.errIsCov || qt != q {
					if k.errIsCov {
						k.dErr, k.errIsCov = posVelCov{}, false
					}
					k.dErr.predictInto(&k.dErr, dt, qt-q)
					k.dErr.contract(&kp, &kv)
				}
				k.cov, k.t = *p, T
				k.updates += k.ninfo
			}
		}
		k.info, k.ninfo = mat3{}, 0
	}
	k.batched = 0
}

// endScan closes the scan at T of track k on flight i: confirmation,
// deletion and the fire-control test, as the full trackers do. It reports
// whether the track became firm and whether it became fire-control
// quality.
func (ft *fastTrial) endScan(k *fastTrack, i int, T float64) (firm, fc bool) {
	k.scans++
	k.hits <<= 1
	if k.hit {
		k.hits |= 1
		k.misses = 0
	} else {
		k.misses++
	}
	k.hit = false
	// A false manoeuvre spell starts after the update that sets it off
	// (this scan's, applied below at the quiescent q) and ends after
	// fastSpellUpdates updates at track.BoostQ.
	n := k.dets
	k.dets = 0
	onset := false
	if k.status == track.Firm && k.spell == 0 && n > 0 && !ft.tab.flights[i].boost[ft.tab.flights[i].sample(T)] {
		k.quiet -= float64(n)
		onset = k.quiet <= 0
	}
	if k.fc && !onset && k.spell == 0 && k.misses < fastDeleteMisses && k.batched+1 < fastBatchScans {
		// A fire-control track: its detections are applied in batches.
		k.batched++
		return false, false
	}
	var p posVelCov
	ft.flush(k, i, T, &p)
	switch {
	case onset:
		k.spell = fastSpellUpdates
		k.quiet = ft.rng.ExpFloat64() / fastFalseOnset
	case k.spell > 0:
		k.spell = max(0, k.spell-n)
	}
	pos := math.Sqrt(math.Max(0, p.A[0][0]+p.A[1][1]+p.A[2][2]))
	vel := math.Sqrt(math.Max(0, p.C[0][0]+p.C[1][1]+p.C[2][2]))
	w := min(k.scans, fastConfirmN)
	got := 0
	for b := range w {
		if k.hits&(1<<b) != 0 {
			got++
		}
	}
	switch k.status {
	case track.Tentative:
		if got >= fastConfirmM {
			k.status, firm = track.Firm, true
			k.quiet = ft.rng.ExpFloat64() / fastFalseOnset
		} else if got+fastConfirmN-w < fastConfirmM {
			k.live = false
		}
	case track.Firm:
		if k.misses >= fastDeleteMisses || !(pos <= fastDeletePosSigma) {
			k.live = false
		}
	}
	ok := k.live && k.status == track.Firm && pos <= track.DefaultFireControl().MaxPosSigma &&
		vel <= track.DefaultFireControl().MaxVelSigma && k.updates >= track.DefaultFireControl().MinUpdates
	fc = ok && !k.fc
	k.fc = ok
	if ok && ft.tab.never[i] {
		k.frozen = true
	}
	return firm, fc
}

// estimate returns track k's estimate at T: the truth of flight i plus the
// track's error, its standard normal z scaled by the Cholesky factor of
// the track's covariance then.
func (ft *fastTrial) estimate(k *fastTrack, i int, T float64) track.Estimate {
	var p posVelCov
	if k.frozen {
		p = k.cov
	} else {
		ft.flush(k, i, T, &p)
	}
	est := track.Estimate{T: T}
	for r := range 3 {
		for s := range 3 {
			est.P[r][s] = p.A[r][s]
			est.P[r][s+3] = p.B[r][s]
			est.P[s+3][r] = p.B[r][s]
			est.P[r+3][s+3] = p.C[r][s]
		}
	}
	e := k.cov
	if !k.errIsCov {
		e.add(&k.dErr)
	}
	if !k.frozen {
		e = e.predicted(T-k.t, ft.qTrue(i, T))
	}
	var ep track.Mat6
	for r := range 3 {
		for s := range 3 {
			ep[r][s], ep[r][s+3], ep[s+3][r], ep[r+3][s+3] = e.A[r][s], e.B[r][s], e.B[r][s], e.C[r][s]
		}
	}
	l := chol6(&ep)
	pos, vel := ft.tab.flights[i].state(T)
	est.X = track.Vec6{pos.X, pos.Y, pos.Z, vel.X, vel.Y, vel.Z}
	for r := range 6 {
		for s := 0; s <= r; s++ {
			est.X[r] += l[r][s] * k.z[s]
		}
	}
	return est
}

// lastWord hands the shots in flight that follow firm track k of flight
// i, deleted at T, the estimate it had at the previous tick, its last in
// the picture: full fidelity follows a shot's track at every tick
// (battle.follow), so a shot whose track is lost keeps the track's final
// estimate, while battle management at the fast fidelity runs only at
// the ticks where something can happen, and the shot would keep an older
// one.
func (ft *fastTrial) lastWord(pic string, k *fastTrack, i int, T float64) {
	for j := range ft.bm.pending {
		p := &ft.bm.pending[j]
		if p.track != k.id || ft.w.Commands[p.cmd].Picture != pic {
			continue
		}
		p.est = ft.estimate(k, i, math.Max(T-Tick, k.t))
		p.cur, p.curT = p.est.X, p.est.T
	}
}

// chol6 returns the lower Cholesky factor of a covariance, with zero
// columns where it is not positive definite.
func chol6(m *track.Mat6) track.Mat6 {
	var l track.Mat6
	for j := range 6 {
		d := m[j][j]
		for k := range j {
			d -= l[j][k] * l[j][k]
		}
		if !(d > 0) {
			continue
		}
		l[j][j] = math.Sqrt(d)
		for i := j + 1; i < 6; i++ {
			v := m[i][j]
			for k := range j {
				v -= l[i][k] * l[j][k]
			}
			l[i][j] = v / l[j][j]
		}
	}
	return l
}

// predict is the battle's predictor at the fast fidelity: the true path of
// the track's flight shifted by the track's error (its position error
// plus its velocity error times the time ahead), and where it comes down.
// It returns no path: at the fast fidelity the battle spaces and the
// intercept points are the true path's (fastTrial.window, fastTrial.pip),
// and nothing else reads it.
func (ft *fastTrial) predict(_ *battle, tk *track.Track) (*intercept.Path, float64, geo.LLA, bool, bool) {
	i := ft.idFlight[tk.ID]
	ff := &ft.tab.flights[i]
	est := &tk.Estimate
	dp, dv := ff.errorOf(est)
	boosting := ff.boost[ff.sample(est.T)]
	// The impact is found t seconds ahead (t from 0, not est.T: the scan
	// times are the multiples of predictStep).
	ahead := func(t float64) (r3.Vec, r3.Vec) {
		pos, _ := ff.state(est.T + t)
		return r3.Add(pos, r3.Add(dp, r3.Scale(t, dv))), r3.Vec{}
	}
	tAhead, impact, ok := c2.PredictImpact(ahead, 0, predictHorizon, predictStep)
	return nil, est.T + tAhead, impact, ok, boosting
}

// errorOf returns the position and velocity errors of est against the
// flight's truth at est's time: what predict and pip shift the true path
// and intercept point by.
func (f *fastFlight) errorOf(est *track.Estimate) (dp, dv r3.Vec) {
	tp, tv := f.state(est.T)
	dp = r3.Vec{X: est.X[0] - tp.X, Y: est.X[1] - tp.Y, Z: est.X[2] - tp.Z}
	dv = r3.Vec{X: est.X[3] - tv.X, Y: est.X[4] - tv.Y, Z: est.X[5] - tv.Z}
	return dp, dv
}

// propagate is the planner's prediction at the fast fidelity: the true
// state of the track's flight at t shifted by the error of x at t0, its
// position error plus its velocity error times the time ahead.
func (ft *fastTrial) propagate(id int, x track.Vec6, t0, t float64) track.Vec6 {
	ff := &ft.tab.flights[ft.idFlight[id]]
	tp, tv := ff.state(t0)
	p, v := ff.state(t)
	dt := t - t0
	return track.Vec6{
		p.X + x[0] - tp.X + dt*(x[3]-tv.X),
		p.Y + x[1] - tp.Y + dt*(x[4]-tv.Y),
		p.Z + x[2] - tp.Z + dt*(x[5]-tv.Z),
		v.X + x[3] - tv.X, v.Y + x[4] - tv.Y, v.Z + x[5] - tv.Z,
	}
}

func (ft *fastTrial) run() {
	w, rng, out := ft.w, ft.rng, ft.out
	n := len(w.Flights)
	if n == 0 {
		return
	}
	ft.bm.predictor, ft.bm.window, ft.bm.pip = ft.predict, ft.window, ft.pip
	ft.bm.pkModel = track.ConstantVelocity{Q: plannerQ}
	ft.bm.propagate, ft.bm.hopeless = ft.propagate, ft.hopeless
	for i := range n {
		u := rng.Float64()
		ft.rcs[0][i] = ft.tab.rcs[0][i].Sample(u)
		ft.rcs[1][i] = ft.tab.rcs[1][i].Sample(u)
		for ph := range 2 {
			ft.rcsDB[ph][i] = 10 * math.Log10(ft.rcs[ph][i])
		}
	}

	pics, radarPic := w.Pictures, ft.tab.radarPic

	// Space warnings, as in full fidelity.
	cued := w.spaceWarnings(rng, out)

	t0, t1 := math.Inf(1), math.Inf(-1)
	for i := range w.Flights {
		if ft.tab.flights[i].pos == nil {
			continue
		}
		f := &w.Flights[i]
		t0 = math.Min(t0, f.LaunchTime)
		t1 = math.Max(t1, f.LaunchTime+f.FlightTime)
	}
	if math.IsInf(t0, 1) {
		return
	}
	next, tracked, ntracked := ft.next, ft.tracked, ft.ntracked
	for r, u := range w.Radars {
		for i := range w.Flights {
			next[r][i] = w.Flights[i].LaunchTime + rng.Float64()*u.Radar.SearchFrame
		}
	}
	truth, newFC, tracks := ft.truth, ft.newFC, ft.estimates
	wake := math.Inf(1)

	// ends[i] is flight i's end (trial.end), which changes only when
	// battle management runs.
	ends := ft.ends
	for i := range n {
		ends[i] = ft.end(i)
	}
	for T := t0 + Tick; T < t1+Tick; T += Tick {
		for r, u := range w.Radars {
			pic := radarPic[r]
			rd := u.Radar
			cuedR, trackedR, nextR, memo := cued[pic], tracked[r], next[r], ft.memo[r]
			for i := range n {
				if nextR[i] > T && (trackedR[i] || cuedR[i] > T) {
					continue // no look due, no cue to take
				}
				ff := &ft.tab.flights[i]
				if ff.pos == nil {
					continue
				}
				if cuedR[i] <= T && !trackedR[i] && ntracked[r] < rd.MaxTracks {
					// A cue turns search into a directed look.
					tracked[r][i] = true
					ntracked[r]++
					next[r][i] = math.Min(next[r][i], T-Tick/2)
				}
				if next[r][i] > T {
					continue
				}
				if ft.tracks[pic][i].frozen {
					// Its radars stop looking for good (a frozen track
					// stays frozen until the flight ends, and its flag
					// outlives it): no look is due again, though a cue
					// may still be taken above.
					next[r][i] = math.Inf(1)
					continue
				}
				end := ends[i]
				lk := &ft.tab.looks[r][i]
				for next[r][i] <= T && next[r][i] < end {
					tl := next[r][i]
					if tracked[r][i] {
						next[r][i] = tl + rd.TrackInterval
					} else {
						next[r][i] = tl + rd.SearchFrame
					}
					s := ff.sample(tl)
					if !lk.vis[s] {
						// Skip the looks that would find the flight hidden:
						// to the first look at or after its next visible
						// sample (less half a sample, the nearest-sample
						// rule), or past its end.
						nv := int(lk.nextVis[s])
						if nv >= len(lk.vis) {
							next[r][i] = math.Inf(1)
							continue
						}
						step := next[r][i] - tl
						tv := ff.t0 + (float64(nv)-0.5)*fastStepS
						if skip := math.Floor((tv - tl) / step); skip > 1 {
							next[r][i] = tl + skip*step
						}
						continue
					}
					ph := 1
					if ff.boost[s] {
						ph = 0
					}
					m := &memo[i]
					if m.s != s {
						// A new sample: its Pd; its σ's once detected (the
						// rest of m is stale until then).
						m.s, m.pd, m.sigmas = s, ft.tab.pd[r].at(lk.snrDB[s]+ft.rcsDB[ph][i]), false
					}
					if rng.Float64() >= m.pd {
						continue
					}
					if math.IsNaN(out[i].FirstDetection) || tl < out[i].FirstDetection {
						out[i].FirstDetection, out[i].FirstDetectionSensor = tl, u.ID
					}
					if !m.sigmas {
						varR, varA := sigma2(rd, lk.snr[s]*ft.rcs[ph][i]*float64(rd.Detector.Pulses))
						m.varR, m.varC = varR, lk.rng[s]*lk.rng[s]*varA
						m.info = losCov(lk.los[s], 1/m.varR, 1/m.varC)
						m.sigmas = true
					}
					ft.detect(&ft.tracks[pic][i], i, tl, m, lk.los[s])
					ft.live[pic][i>>6] |= 1 << (i & 63)
					if !tracked[r][i] && ntracked[r] < rd.MaxTracks {
						tracked[r][i] = true
						ntracked[r]++
						next[r][i] = tl + rd.TrackInterval
					}
				}
			}
		}
		for p, o := range pics {
			newFC[p] = false
			for wi, word := range ft.live[p] {
				for ; word != 0; word &= word - 1 {
					i := wi<<6 | bits.TrailingZeros64(word)
					ft.endScanOf(p, o, i, T)
				}
			}
		}
		active := T >= wake
		for p := range pics {
			active = active || newFC[p]
		}
		if !active {
			continue
		}
		for i := range n {
			truth.set(i, track.Vec3{}, false)
			if ff := &ft.tab.flights[i]; ff.pos != nil && T >= ff.t0 && T <= ft.end(i) {
				pos, _ := ff.state(T)
				truth.set(i, track.Vec3{pos.X, pos.Y, pos.Z}, true)
			}
		}
		truth.sort()
		for p, o := range pics {
			tracks = tracks[:0]
			for wi, word := range ft.live[p] {
				for ; word != 0; word &= word - 1 {
					i := wi<<6 | bits.TrailingZeros64(word)
					k := &ft.tracks[p][i]
					if k.status != track.Firm {
						continue
					}
					tracks = append(tracks, track.Track{ID: k.id, Estimate: ft.estimate(k, i, T), Status: track.Firm, FireControl: k.fc})
				}
			}
			ft.estimates = tracks
			ft.bm.handover(T, o, tracks)
			ft.bm.decide(T, o, tracks, truth)
		}
		ft.bm.assess(T)
		wake = ft.bm.wake(T)
		for i := range n {
			ends[i] = ft.end(i)
		}
	}
}

// endScanOf closes the scan at T of picture p's live track on flight i
// (o is the picture's owner): endScan, the firm-track counts, the
// sensing outcome's times, and the live set.
func (ft *fastTrial) endScanOf(p int, o string, i int, T float64) {
	k, out := &ft.tracks[p][i], ft.out
	if k.frozen {
		if T > ft.ends[i]+fastDeleteMisses*Tick {
			k.live = false
			ft.live[p][i>>6] &^= 1 << (i & 63)
			ft.nfirm[p]--
		}
		return
	}
	wasFirm := k.status == track.Firm
	firm, fc := ft.endScan(k, i, T)
	switch {
	case firm:
		ft.nfirm[p]++
		ft.peakFirm[o] = max(ft.peakFirm[o], ft.nfirm[p])
		ft.firm[o][k.id] = true
	case wasFirm && !k.live:
		ft.nfirm[p]--
		ft.lastWord(o, k, i, T)
	}
	if !k.live {
		ft.live[p][i>>6] &^= 1 << (i & 63)
	}
	if k.live && k.status == track.Firm {
		if math.IsNaN(out[i].FirmTrack) {
			out[i].FirmTrack, out[i].FirmTrackOwner = T, o
		}
		if firm {
			if _, ok := out[i].FirmByOwner[o]; !ok {
				out[i].FirmByOwner[o] = T
			}
		}
	}
	if fc {
		ft.newFC[p] = true
		if math.IsNaN(out[i].FireControl) {
			out[i].FireControl, out[i].FireControlOwner = T, o
		}
		if _, ok := out[i].FireControlByOwner[o]; !ok {
			out[i].FireControlByOwner[o] = T
		}
	}
}

// wake returns the earliest time after T at which battle management has
// something to do without a new fire-control track: an engagement due for
// evaluation or kill assessment, a shot due for handover.
func (b *battle) wake(T float64) float64 {
	t := math.Inf(1)
	for _, e := range b.eng {
		if e.done {
			continue
		}
		if c := math.Max(e.nextEval, e.busyUntil); c > T {
			t = math.Min(t, c)
		}
		if e.busyUntil > T {
			t = math.Min(t, e.busyUntil)
		}
	}
	for _, p := range b.pending {
		if p.at > T {
			t = math.Min(t, p.at)
		}
	}
	return t
}
