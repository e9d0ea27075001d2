package sim

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/internal/track"
	"github.com/rampart-sim/rampart/radar"
	"gonum.org/v1/gonum/spatial/r3"
)

// Engine settings of the tick loop.
const (
	// Tick is the engine's scan period: each owner's tracker processes the
	// detections of its radars once per tick, s.
	Tick = 1.0
	// truthGateProb is the gate probability with which a track is matched to
	// the truth object it follows (χ²₃ on the position error), for the
	// reported detection and track times.
	truthGateProb = 0.999
	// trackerQ is the acceleration spectral density of the trackers'
	// ballistic model, m²/s³: large enough to absorb boost thrust, drag in
	// reentry and the cruise missiles' lift, which the model does not hold.
	trackerQ = 100.0
	// trackerShortStep is the longest prediction, s, that the trackers
	// take in one constant-acceleration step (track.Ballistic.ShortStep):
	// a radar's revisits and a one-second scan. It errs by a hundredth of
	// the spread that trackerQ (or track.BoostQ) adds over the same step,
	// and changes P by a percent of the track's own σ at most
	// (TestShortStepNearFull).
	trackerShortStep = 2.0
)

// trial is one run of the engine over the flights of a world.
type trial struct {
	w      *World
	rng    *rand.Rand
	out    []Sensing
	engage bool
	// dead[i] is the time flight i was destroyed by an interceptor; +Inf
	// while it flies on.
	dead []float64
	bm   *battle // nil without engagement
	// firm holds, per picture, the IDs of the tracks that were firm at
	// the end of some tick.
	firm map[string]map[int]bool
	// peakFirm is, per picture, the most firm tracks held at once.
	peakFirm map[string]int
	// scanned, if set, sees each tracker scan's detections before the
	// scan (the tracker benchmark records them).
	scanned func(picture string, T float64, dets []track.Detection)
}

func (w *World) newTrial(rng *rand.Rand, engage bool) *trial {
	n := len(w.Flights)
	tr := &trial{w: w, rng: rng, engage: engage, out: make([]Sensing, n), dead: make([]float64, n), firm: map[string]map[int]bool{}, peakFirm: map[string]int{}}
	for _, o := range w.Pictures {
		tr.firm[o] = map[int]bool{}
	}
	for i := range tr.out {
		tr.out[i] = Sensing{FirstDetection: math.NaN(), SpaceWarning: math.NaN(), FirmTrack: math.NaN(), FireControl: math.NaN(),
			FirmByOwner: map[string]float64{}, FireControlByOwner: map[string]float64{}}
		tr.dead[i] = math.Inf(1)
	}
	if engage {
		tr.bm = newBattle(tr)
	}
	return tr
}

// end returns the time flight i stops: impact, or its destruction.
func (tr *trial) end(i int) float64 {
	f := &tr.w.Flights[i]
	return math.Min(f.LaunchTime+f.FlightTime, tr.dead[i])
}

func (tr *trial) run() error {
	w, rng, out := tr.w, tr.rng, tr.out
	n := len(w.Flights)
	if n == 0 {
		return nil
	}

	// Per-flight RCS draws: one aspect draw per flight for each phase.
	boostRCS, rvRCS := make([]float64, n), make([]float64, n)
	for i := range n {
		u := rng.Float64()
		boostRCS[i] = w.rcsBand(i, true).Sample(u)
		rvRCS[i] = w.rcsBand(i, false).Sample(u)
	}

	// Trackers, one per picture (by index in w.Pictures), and each
	// radar's picture.
	trackers := make([]*track.Tracker, len(w.Pictures))
	for k, o := range w.Pictures {
		t, err := newTracker(o)
		if err != nil {
			return err
		}
		trackers[k] = t
	}
	radarPic := make([]int, len(w.Radars))
	for r, u := range w.Radars {
		radarPic[r] = slices.Index(w.Pictures, w.picture(u.Owner))
	}

	// Space warnings: the time each picture is cued on each flight.
	cued := w.spaceWarnings(rng, out)

	// Radar schedules: the next look of each radar at each flight.
	t0, t1 := math.Inf(1), math.Inf(-1)
	for i := range w.Flights {
		f := &w.Flights[i]
		if f.Mover() == nil {
			continue
		}
		t0 = math.Min(t0, f.LaunchTime)
		t1 = math.Max(t1, f.LaunchTime+f.FlightTime)
	}
	if math.IsInf(t0, 1) {
		return nil
	}
	// sched[r·n+i] is radar r's schedule of looks at flight i.
	sched := make([]lookState, len(w.Radars)*n)
	ntracked := make([]int, len(w.Radars)) // flights each radar tracks
	for r, u := range w.Radars {
		for i := range w.Flights {
			sched[r*n+i] = lookState{next: w.Flights[i].LaunchTime + rng.Float64()*u.Radar.SearchFrame, hiddenTo: math.Inf(-1)}
		}
	}
	windows := w.windows()
	links := w.links()
	gate := track.GateThreshold(truthGateProb, 3)
	// dets holds each picture's detections of the tick; its slices are
	// emptied, not dropped, between ticks so that they are allocated once.
	dets := make([][]track.Detection, len(w.Pictures))
	var tracks, sent []track.Track
	truth := newTruthIndex(n, gate)
	movers := make([]Mover, n)
	for i := range w.Flights {
		movers[i] = w.Flights[i].Mover()
	}
	// ends[i] is flight i's end (trial.end) during the tick's looks: only
	// a handover, after them, changes it.
	ends := make([]float64, n)
	// firmSeen[k][i] and fcSeen[k][i] record that picture k's first firm
	// (fire-control) time on flight i is in out[i].FirmByOwner
	// (FireControlByOwner); firmIDs[k][id] that track id is in tr.firm.
	firmSeen, fcSeen, firmIDs := make([][]bool, len(w.Pictures)), make([][]bool, len(w.Pictures)), make([][]bool, len(w.Pictures))
	for k := range w.Pictures {
		firmSeen[k], fcSeen[k] = make([]bool, n), make([]bool, n)
	}

	tt := w.tickTruth(t0, t1)
	var det radar.Detection // a look's detection, filled in place
	for tick, T := 0, t0+Tick; T < t1+Tick; tick, T = tick+1, T+Tick {
		for k, d := range dets {
			dets[k] = d[:0]
		}
		for i := range ends {
			ends[i] = tr.end(i)
		}
		for r := range w.Radars {
			u := &w.Radars[r]
			pic := radarPic[r]
			rad := u.Radar
			searchFrame, trackInterval, maxTracks := rad.SearchFrame, rad.TrackInterval, rad.MaxTracks
			var wr []lookCells
			if windows != nil {
				wr = windows[r]
			}
			row := sched[r*n : (r+1)*n]
			cuedPic := cued[pic]
			for i := range row {
				mv := movers[i]
				if mv == nil {
					continue
				}
				ls := &row[i]
				end := ends[i]
				if cuedPic[i] <= T && !ls.tracked && ntracked[r] < maxTracks {
					// A cue turns search into a directed look.
					ls.tracked = true
					ntracked[r]++
					ls.next = math.Min(ls.next, T-Tick/2)
				}
				for ls.next <= T && ls.next < end {
					tl := ls.next
					view := viewUnknown
					switch {
					case tl < ls.hiddenTo:
						view = viewHidden
					case wr != nil:
						view = wr[i].at(tl)
					}
					if view == viewHidden {
						// Not visible: the look would find nothing and
						// draw nothing. So would the next looks while
						// they stay in the run of hidden cells: step over
						// them by the same additions, without asking the
						// windows each time.
						step := searchFrame
						if ls.tracked {
							step = trackInterval
						}
						ls.next = tl + step
						if !(tl < ls.hiddenTo) {
							ls.hiddenTo = wr[i].hiddenUntil(tl)
						}
						for until := ls.hiddenTo; ls.next <= T && ls.next < end && ls.next < until; {
							ls.next += step
						}
						continue
					}
					pos, phase := mv.PosAt(tl)
					rcs := rvRCS[i]
					if phase == flight.Boost {
						rcs = boostRCS[i]
					}
					if look(u, view, tl, pos, rcs, rng, &det) {
						if math.IsNaN(out[i].FirstDetection) || tl < out[i].FirstDetection {
							out[i].FirstDetection, out[i].FirstDetectionSensor = tl, u.ID
						}
						dets[pic] = appendTrack(dets[pic], u, &det)
						if !ls.tracked && ntracked[r] < maxTracks {
							ls.tracked = true
							ntracked[r]++
						}
					}
					if ls.tracked {
						ls.next = tl + trackInterval
					} else {
						ls.next = tl + searchFrame
					}
				}
			}
		}
		for k, o := range w.Pictures {
			if tr.scanned != nil {
				tr.scanned(o, T, dets[k])
			}
			if err := trackers[k].Scan(T, dets[k]); err != nil {
				return err
			}
		}
		for _, l := range links {
			// Send copies what it sends: the buffer is reused.
			sent = trackers[slices.Index(w.Pictures, l.from)].AppendTracks(sent[:0])
			l.link.Send(T, l.from, sent)
			if err := trackers[slices.Index(w.Pictures, l.to)].Fuse(T, l.link.Deliver(T)); err != nil {
				return err
			}
		}
		// Match each picture's tracks to the truth.
		if tt != nil {
			truth.setTick(tt, tick, T, tr.dead)
		} else {
			for i := range w.Flights {
				f := &w.Flights[i]
				truth.set(i, track.Vec3{}, false)
				if mv := f.Mover(); mv != nil && T >= f.LaunchTime && T <= tr.end(i) {
					p, _ := mv.PosAt(T)
					truth.set(i, track.Vec3{p.X, p.Y, p.Z}, true)
				}
			}
			truth.sort()
		}
		for k, o := range w.Pictures {
			tracks = trackers[k].AppendTracks(tracks[:0])
			nfirm := 0
			for j := range tracks {
				if tracks[j].Status == track.Firm {
					nfirm++
				}
			}
			tr.peakFirm[o] = max(tr.peakFirm[o], nfirm)
			// Matching a track to the truth only records the first firm
			// and fire-control times of the picture on each flight: once
			// every flight in flight has them, it cannot change anything.
			needFirm, needFC := false, false
			for _, i := range truth.byX {
				needFirm = needFirm || !firmSeen[k][i]
				needFC = needFC || !fcSeen[k][i]
			}
			for j := range tracks {
				tk := &tracks[j]
				if tk.Status != track.Firm {
					continue
				}
				if id := tk.ID; id >= len(firmIDs[k]) || !firmIDs[k][id] {
					tr.firm[o][id] = true
					if id < maxIDFlags {
						if id >= len(firmIDs[k]) {
							firmIDs[k] = append(firmIDs[k], make([]bool, id+1-len(firmIDs[k]))...)
						}
						firmIDs[k][id] = true
					}
				}
				if !needFirm && (!needFC || !tk.FireControl) {
					continue
				}
				i := truth.of(tk)
				if i < 0 {
					continue
				}
				if math.IsNaN(out[i].FirmTrack) {
					out[i].FirmTrack, out[i].FirmTrackOwner = T, o
				}
				if !firmSeen[k][i] {
					out[i].FirmByOwner[o] = T
					firmSeen[k][i] = true
				}
				if !tk.FireControl {
					continue
				}
				if math.IsNaN(out[i].FireControl) {
					out[i].FireControl, out[i].FireControlOwner = T, o
				}
				if !fcSeen[k][i] {
					out[i].FireControlByOwner[o] = T
					fcSeen[k][i] = true
				}
			}
			if tr.bm != nil {
				tr.bm.handover(T, o, tracks)
				tr.bm.decide(T, o, tracks, truth)
			}
		}
		if tr.bm != nil {
			tr.bm.assess(T)
		}
	}
	return nil
}

// lookState is one radar's schedule of looks at one flight.
type lookState struct {
	next float64 // the time of the next look
	// hiddenTo is the last lookCells.hiddenUntil of the looks: every look
	// before it is hidden, without asking the windows (a radar's looks at
	// a flight only move on in time).
	hiddenTo float64
	tracked  bool // the radar tracks the flight: it looks every TrackInterval
}

// maxIDFlags bounds the track IDs a trial flags in a slice beside
// trial.firm (a larger ID is looked up in the map each time).
const maxIDFlags = 1 << 16

// look is radar u's look at a flight at ECEF position pos at time tl, in
// the view the look windows give of it: without the line of sight where
// they have the flight in sight.
// It reports whether the look detected, and writes the detection to d.
func look(u *SensorUnit, view cellView, tl float64, pos r3.Vec, rcs float64, rng *rand.Rand, d *radar.Detection) bool {
	if view == viewInSight {
		return u.Radar.LookInSightTo(d, tl, pos, rcs, rng)
	}
	var ok bool
	*d, ok = u.Radar.Look(tl, pos, rcs, rng)
	return ok
}

// newTracker returns the tracker of a picture.
func newTracker(picture string) (*track.Tracker, error) {
	quiet := &track.Ballistic{Q: trackerQ, ShortStep: trackerShortStep}
	boost := &track.Ballistic{Q: track.BoostQ, ShortStep: trackerShortStep}
	man := track.DefaultManoeuvre()
	man.Filter = &track.EKF{Motion: boost, StandardForm: true}
	return track.NewTracker(picture, track.Config{Filter: &track.EKF{Motion: quiet, StandardForm: true}, Manoeuvre: man})
}

// firmTracks returns the number of firm tracks each picture held over the
// trial.
func (tr *trial) firmTracks() map[string]int {
	out := make(map[string]int, len(tr.firm))
	for o, ids := range tr.firm {
		out[o] = len(ids)
	}
	return out
}

// TrialRand returns the random stream of trial i of a run with seed: a PCG
// generator seeded with (seed, i), so any trial can be rerun alone and the
// results do not depend on how trials are spread over workers.
func TrialRand(seed int64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(i)))
}

// spaceWarnings draws every space sensor's warning of every flight from
// rng (sensor by sensor, flight by flight), records the earliest warning
// of each flight in out, and returns, for each picture of w.Pictures, the
// time each flight is cued there (+Inf: never). Both fidelities draw it so.
func (w *World) spaceWarnings(rng *rand.Rand, out []Sensing) [][]float64 {
	n := len(w.Flights)
	cued := make([][]float64, len(w.Pictures))
	for k := range cued {
		cued[k] = make([]float64, n)
		for i := range cued[k] {
			cued[k][i] = math.Inf(1)
		}
	}
	sights := w.spaceSights()
	for s, ss := range w.Space {
		for i := range w.Flights {
			seen := sights[s][i]
			if math.IsNaN(seen) {
				continue
			}
			// The warning's launch point is not used here, but its draws
			// are made, as launchdetect.Sensor.Observe makes them.
			ss.LaunchError(rng)
			t := seen + ss.Delay
			if t < out[i].SpaceWarning || math.IsNaN(out[i].SpaceWarning) {
				out[i].SpaceWarning, out[i].SpaceWarningSensor = t, ss.Name
			}
			for k, o := range w.Pictures {
				if lat, ok := w.latency(w.picture(ss.Owner), o); ok {
					cued[k][i] = math.Min(cued[k][i], t+lat)
				}
			}
		}
	}
	return cued
}

// spaceSights returns when each space sensor first sees each flight's
// plume (launchdetect.Sensor.FirstSight), NaN where it does not: the same
// in every trial, so computed once per world made by Build.
func (w *World) spaceSights() [][]float64 {
	compute := func() [][]float64 {
		sights := make([][]float64, len(w.Space))
		for s, ss := range w.Space {
			sights[s] = make([]float64, len(w.Flights))
			for i := range w.Flights {
				seen, ok := ss.FirstSight(w.Flights[i].Ballistic)
				if !ok {
					seen = math.NaN()
				}
				sights[s][i] = seen
			}
		}
		return sights
	}
	if w.sights == nil {
		return compute()
	}
	w.sights.once.Do(func() { w.sights.times = compute() })
	return w.sights.times
}
