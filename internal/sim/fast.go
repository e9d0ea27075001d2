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
//     estimate is the truth plus that error.
//   - Predictions: a track's predicted path is the true path shifted by
//     the track's position error and its velocity error times the time
//     ahead, where full fidelity integrates a drag-free ballistic model
//     from the estimate. While the truth boosts, a track is not steady
//     (full fidelity's steadiness test waits for thrust termination the
//     same way).
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
	"math/rand/v2"

	"gonum.org/v1/gonum/spatial/r3"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/track"
)

// Track rules of the fast fidelity's covariance-only tracks: the full
// trackers' defaults (track.Initiator, track.Deleter).
const (
	fastVelSigma0      = 3000.0 // per-axis velocity σ of a new track, m/s
	fastConfirmM       = 3      // confirmation: M of the first N scans
	fastConfirmN       = 5
	fastDeleteMisses   = 3    // consecutive missed scans that drop a firm track
	fastDeletePosSigma = 20e3 // RSS position σ that drops a firm track, m
)

// CheckFast reports why w cannot run at the fast fidelity, or nil.
func (w *World) CheckFast() error {
	if len(w.links()) > 0 {
		return errors.New("the fast fidelity does not model track links between pictures (run.architecture separate-linked with links); use full")
	}
	for i := range w.Flights {
		if w.Flights[i].Cruise != nil {
			return errors.New("the fast fidelity models ballistic threats only, and " + w.Flights[i].Name + " is a cruise missile; use full")
		}
	}
	return nil
}

// axisCov is the covariance of one axis's position and velocity, m², m²/s,
// m²/s².
type axisCov struct{ pp, pv, vv float64 }

// predicted returns the covariance dt seconds on, under white acceleration
// noise of spectral density q (m²/s³).
func (a axisCov) predicted(dt, q float64) axisCov {
	return axisCov{
		pp: a.pp + 2*dt*a.pv + dt*dt*a.vv + q*dt*dt*dt/3,
		pv: a.pv + dt*a.vv + q*dt*dt/2,
		vv: a.vv + q*dt,
	}
}

// updated returns the covariance after a position measurement of
// variance r.
func (a axisCov) updated(r float64) axisCov {
	s := a.pp + r
	k1, k2 := a.pp/s, a.pv/s
	return axisCov{pp: (1 - k1) * a.pp, pv: (1 - k1) * a.pv, vv: a.vv - k2*a.pv}
}

// chol returns the Cholesky factor [a 0; b c] of the axis covariance.
func (a axisCov) chol() (l11, l21, l22 float64) {
	l11 = math.Sqrt(math.Max(0, a.pp))
	if l11 > 0 {
		l21 = a.pv / l11
	}
	return l11, l21, math.Sqrt(math.Max(0, a.vv-l21*l21))
}

// fastTrack is one picture's covariance-only track on one flight.
type fastTrack struct {
	live    bool
	status  track.Status // Tentative or Firm while live
	fc      bool         // fire-control quality at the latest scan
	id      int
	t       float64 // time of along and cross
	along   axisCov // along the latest line of sight
	cross   axisCov // each of the two axes across it
	los     r3.Vec
	updates int
	scans   int
	misses  int
	hits    uint64
	hit     bool
	z       [6]float64 // the track's error in units of its σ
}

// fastTrial is one trial at the fast fidelity.
type fastTrial struct {
	*trial
	tab      *fastTables
	tracks   [][]fastTrack // [picture][flight]
	idFlight []int         // flight of each track ID
	nfirm    []int         // firm tracks per picture
	rcsDB    [2][]float64  // [boost, not][flight]
	rcs      [2][]float64
}

// engageFast runs one trial at the fast fidelity.
func (w *World) engageFast(rng *rand.Rand) (*Outcome, error) {
	if err := w.CheckFast(); err != nil {
		return nil, err
	}
	tr := w.newTrial(rng, true)
	ft := &fastTrial{trial: tr, tab: w.fastTables()}
	ft.run()
	return tr.bm.outcome(), nil
}

// q returns the tracker's acceleration spectral density for flight i at t.
func (ft *fastTrial) q(i int, t float64) float64 {
	ff := &ft.tab.flights[i]
	if ff.boost[ff.sample(t)] {
		return track.BoostQ
	}
	return trackerQ
}

// detect updates the picture's track on flight i with a detection at td.
func (ft *fastTrial) detect(k *fastTrack, i int, td, varR, varC float64, los r3.Vec) {
	if !k.live {
		*k = fastTrack{live: true, status: track.Tentative, id: len(ft.idFlight), t: td, los: los, updates: 1, hit: true,
			along: axisCov{pp: varR, vv: fastVelSigma0 * fastVelSigma0}, cross: axisCov{pp: varC, vv: fastVelSigma0 * fastVelSigma0}}
		ft.idFlight = append(ft.idFlight, i)
		for j := range k.z {
			k.z[j] = ft.rng.NormFloat64()
		}
		return
	}
	q := ft.q(i, td)
	dt := td - k.t
	k.along = k.along.predicted(dt, q).updated(varR)
	k.cross = k.cross.predicted(dt, q).updated(varC)
	k.t, k.los = td, los
	k.updates++
	k.hit = true
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
	q := ft.q(i, T)
	a, c := k.along.predicted(T-k.t, q), k.cross.predicted(T-k.t, q)
	pos := math.Sqrt(a.pp + 2*c.pp)
	vel := math.Sqrt(a.vv + 2*c.vv)
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
	return firm, fc
}

// estimate returns track k's estimate at T: the truth of flight i plus the
// track's error at its covariance then.
func (ft *fastTrial) estimate(k *fastTrack, i int, T float64) track.Estimate {
	q := ft.q(i, T)
	a, c := k.along.predicted(T-k.t, q), k.cross.predicted(T-k.t, q)
	u := k.los
	ref := r3.Vec{Z: 1}
	if math.Abs(u.Z) > 0.9 {
		ref = r3.Vec{X: 1}
	}
	e1 := r3.Unit(r3.Cross(u, ref))
	e2 := r3.Cross(u, e1)
	a11, a21, a22 := a.chol()
	c11, c21, c22 := c.chol()
	dp := r3.Add(r3.Scale(a11*k.z[0], u), r3.Add(r3.Scale(c11*k.z[2], e1), r3.Scale(c11*k.z[4], e2)))
	dv := r3.Add(r3.Scale(a21*k.z[0]+a22*k.z[1], u),
		r3.Add(r3.Scale(c21*k.z[2]+c22*k.z[3], e1), r3.Scale(c21*k.z[4]+c22*k.z[5], e2)))
	p, v := ft.tab.flights[i].state(T)
	p, v = r3.Add(p, dp), r3.Add(v, dv)
	est := track.Estimate{T: T, X: track.Vec6{p.X, p.Y, p.Z, v.X, v.Y, v.Z}}
	uu := [3]float64{u.X, u.Y, u.Z}
	for r := range 3 {
		for s := range 3 {
			o := uu[r] * uu[s]
			id := 0.0
			if r == s {
				id = 1
			}
			est.P[r][s] = a.pp*o + c.pp*(id-o)
			est.P[r][s+3] = a.pv*o + c.pv*(id-o)
			est.P[r+3][s] = est.P[r][s+3]
			est.P[r+3][s+3] = a.vv*o + c.vv*(id-o)
		}
	}
	return est
}

// predict is the battle's predictor at the fast fidelity: the true path of
// the track's flight shifted by the track's error.
func (ft *fastTrial) predict(b *battle, tk *track.Track) (*intercept.Path, float64, geo.LLA, bool, bool) {
	i := ft.idFlight[tk.ID]
	ff := &ft.tab.flights[i]
	est := &tk.Estimate
	tp, tv := ff.state(est.T)
	dp := r3.Vec{X: est.X[0] - tp.X, Y: est.X[1] - tp.Y, Z: est.X[2] - tp.Z}
	dv := r3.Vec{X: est.X[3] - tv.X, Y: est.X[4] - tv.Y, Z: est.X[5] - tv.Z}
	boosting := ff.boost[ff.sample(est.T)]
	p := b.newPath(est.T)
	for t := 0.0; t <= predictHorizon; t += predictStep {
		pos, vel := ff.state(est.T + t)
		p.Pos = append(p.Pos, r3.Add(pos, r3.Add(dp, r3.Scale(t, dv))))
		p.Vel = append(p.Vel, r3.Add(vel, dv))
		if est.T+t > ff.t1 {
			break // one sample past impact, below the ground
		}
	}
	_, t1 := p.Span()
	tImp, impact, ok := c2.PredictImpact(p.At, est.T, t1, predictStep)
	return p, tImp, impact, ok, boosting
}

func (ft *fastTrial) run() {
	w, rng, out := ft.w, ft.rng, ft.out
	n := len(w.Flights)
	if n == 0 {
		return
	}
	ft.bm.predictor = ft.predict
	for ph := range 2 {
		ft.rcs[ph], ft.rcsDB[ph] = make([]float64, n), make([]float64, n)
	}
	for i := range n {
		u := rng.Float64()
		ft.rcs[0][i] = w.rcsBand(i, true).Sample(u)
		ft.rcs[1][i] = w.rcsBand(i, false).Sample(u)
		for ph := range 2 {
			ft.rcsDB[ph][i] = 10 * math.Log10(ft.rcs[ph][i])
		}
	}

	// Pictures by index, and each radar's.
	pics := w.Pictures
	picOf := map[string]int{}
	for k, o := range pics {
		picOf[o] = k
	}
	radarPic := make([]int, len(w.Radars))
	for r, u := range w.Radars {
		radarPic[r] = picOf[w.picture(u.Owner)]
	}
	ft.tracks = make([][]fastTrack, len(pics))
	for k := range ft.tracks {
		ft.tracks[k] = make([]fastTrack, n)
	}
	ft.nfirm = make([]int, len(pics))

	// Space warnings, as in full fidelity.
	cued := make([][]float64, len(pics))
	for k := range pics {
		cued[k] = make([]float64, n)
		for i := range cued[k] {
			cued[k][i] = math.Inf(1)
		}
	}
	for _, ss := range w.Space {
		for i := range w.Flights {
			wn, ok := ss.Observe(w.Flights[i].Ballistic, rng)
			if !ok {
				continue
			}
			if wn.Time < out[i].SpaceWarning || math.IsNaN(out[i].SpaceWarning) {
				out[i].SpaceWarning, out[i].SpaceWarningSensor = wn.Time, ss.Name
			}
			for k, o := range pics {
				if lat, ok := w.latency(w.picture(ss.Owner), o); ok {
					cued[k][i] = math.Min(cued[k][i], wn.Time+lat)
				}
			}
		}
	}

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
	next := make([][]float64, len(w.Radars))
	tracked := make([][]bool, len(w.Radars))
	ntracked := make([]int, len(w.Radars))
	for r, u := range w.Radars {
		next[r] = make([]float64, n)
		tracked[r] = make([]bool, n)
		for i := range w.Flights {
			next[r][i] = w.Flights[i].LaunchTime + rng.Float64()*u.Radar.SearchFrame
		}
	}
	gate := track.GateThreshold(truthGateProb, 3)
	truth := make([]truthPos, n)
	newFC := make([]bool, len(pics))
	var tracks []track.Track
	wake := math.Inf(1)

	for T := t0 + Tick; T < t1+Tick; T += Tick {
		for r, u := range w.Radars {
			pic := radarPic[r]
			rd := u.Radar
			for i := range n {
				ff := &ft.tab.flights[i]
				if ff.pos == nil {
					continue
				}
				if cued[pic][i] <= T && !tracked[r][i] && ntracked[r] < rd.MaxTracks {
					// A cue turns search into a directed look.
					tracked[r][i] = true
					ntracked[r]++
					next[r][i] = math.Min(next[r][i], T-Tick/2)
				}
				if next[r][i] > T {
					continue
				}
				end := ft.end(i)
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
						continue
					}
					ph := 1
					if ff.boost[s] {
						ph = 0
					}
					if rng.Float64() >= ft.tab.pd[r].at(lk.snrDB[s]+ft.rcsDB[ph][i]) {
						continue
					}
					if math.IsNaN(out[i].FirstDetection) || tl < out[i].FirstDetection {
						out[i].FirstDetection, out[i].FirstDetectionSensor = tl, u.ID
					}
					sr, sa, _ := rd.Sigmas(lk.snr[s] * ft.rcs[ph][i] * float64(rd.Detector.Pulses))
					c := lk.rng[s] * sa
					ft.detect(&ft.tracks[pic][i], i, tl, sr*sr, c*c, lk.los[s])
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
			for i := range n {
				k := &ft.tracks[p][i]
				if !k.live {
					continue
				}
				wasFirm := k.status == track.Firm
				firm, fc := ft.endScan(k, i, T)
				switch {
				case firm:
					ft.nfirm[p]++
					ft.firm[o][k.id] = true
				case wasFirm && !k.live:
					ft.nfirm[p]--
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
					newFC[p] = true
					if math.IsNaN(out[i].FireControl) {
						out[i].FireControl, out[i].FireControlOwner = T, o
					}
					if _, ok := out[i].FireControlByOwner[o]; !ok {
						out[i].FireControlByOwner[o] = T
					}
				}
			}
			ft.peakFirm[o] = max(ft.peakFirm[o], ft.nfirm[p])
		}
		active := T >= wake
		for p := range pics {
			active = active || newFC[p]
		}
		if !active {
			continue
		}
		for i := range n {
			truth[i].ok = false
			if ff := &ft.tab.flights[i]; ff.pos != nil && T >= ff.t0 && T <= ft.end(i) {
				pos, _ := ff.state(T)
				truth[i] = truthPos{p: track.Vec3{pos.X, pos.Y, pos.Z}, ok: true}
			}
		}
		for p, o := range pics {
			tracks = tracks[:0]
			for i := range n {
				k := &ft.tracks[p][i]
				if !k.live || k.status != track.Firm {
					continue
				}
				tracks = append(tracks, track.Track{ID: k.id, Estimate: ft.estimate(k, i, T), Status: track.Firm, FireControl: k.fc})
			}
			ft.bm.handover(T, o, tracks)
			ft.bm.decide(T, o, tracks, truth, gate)
		}
		ft.bm.assess(T)
		wake = ft.bm.wake(T)
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
