package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/launchdetect"
	"github.com/rampart-sim/rampart/radar"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/track"
)

// Engine settings for sensing.
const (
	// Tick is the engine's scan period: each owner's tracker processes the
	// detections of its radars once per tick, s.
	Tick = 1.0
	// truthGateProb is the gate probability with which a track is matched to
	// the truth object it follows (χ²₃ on the position error), for the
	// reported detection and track times.
	truthGateProb = 0.999
	// defaultRVRCS is the RCS band used for a generic (burnout-state)
	// threat, which has no catalog entry: an assumption of a small conical
	// reentry vehicle seen nose-on to broadside, m².
	defaultRVRCSLow, defaultRVRCSCentral, defaultRVRCSHigh = 0.01, 0.05, 0.3
	// trackerQ is the acceleration spectral density of the trackers'
	// ballistic model, m²/s³: large enough to absorb boost thrust, drag in
	// reentry and the cruise missiles' lift, which the model does not hold.
	trackerQ = 100.0
)

// Sensing is what an owner's sensors made of one flight.
type Sensing struct {
	FirstDetection       float64 // s from the epoch; NaN if never detected
	FirstDetectionSensor string
	SpaceWarning         float64 // s from the epoch when a launch warning reached any owner; NaN if none
	SpaceWarningSensor   string
	FirmTrack            float64 // first time any owner held a firm track on it; NaN if never
	FirmTrackOwner       string
	FireControl          float64 // first time any owner's track met fire-control quality; NaN if never
	FireControlOwner     string
	// FirmByOwner and FireControlByOwner give, for each owner that ever held
	// one, the first time it held a firm (fire-control) track on the flight.
	FirmByOwner        map[string]float64
	FireControlByOwner map[string]float64
}

// SensorUnit is one radar of the scenario as built for a run.
type SensorUnit struct {
	ID    string // platform name, or platform/type when it has several radars
	Owner string
	Radar *radar.Radar
	Type  string // catalog name
}

// World is a scenario built for running: its flights and its sensors.
type World struct {
	Scenario *scenario.Scenario
	Options  Options
	Flights  []Flight
	Radars   []SensorUnit
	Space    []launchdetect.Sensor
	Owners   []string // owners that hold sensors, sorted

	Launchers []LauncherUnit
	Assets    c2.Assets
	Pictures  []string // air pictures, one tracker each, sorted
	Commands  []Command

	joint       string      // name of the joint picture
	sectorSites [][]geo.LLA // interceptor sites of each command, for the nearest-site sector rule
}

// Build flies the threats of s and builds its sensors.
func Build(s *scenario.Scenario, o Options) (*World, error) {
	flights, err := FlyThreats(s, o)
	if err != nil {
		return nil, err
	}
	w := &World{Scenario: s, Options: o, Flights: flights}
	var bad scenario.Errors
	for i, st := range s.Sites {
		site, err := resolve(st.Point)
		if err != nil {
			bad.Problems = append(bad.Problems, s.Problemf(fmt.Sprintf("sites[%d]", i), "%v", err))
			continue
		}
		for j, pl := range st.Platforms {
			nr := 0
			for _, pt := range pl.Parts {
				if pt.Kind == scenario.Radar {
					nr++
				}
			}
			for k, pt := range pl.Parts {
				if pt.Kind != scenario.Radar {
					continue
				}
				path := fmt.Sprintf("sites[%d].platforms[%d].parts[%d]", i, j, k)
				u, err := w.buildRadar(st, pl, pt, site, nr)
				if err != nil {
					bad.Problems = append(bad.Problems, s.Problemf(path, "%v", err))
					continue
				}
				w.Radars = append(w.Radars, u)
				w.addOwner(st.Owner)
			}
		}
	}
	for _, ss := range s.SpaceSensors {
		w.Space = append(w.Space, launchdetect.Sensor{
			Name: ss.Name, Owner: ss.Owner, Delay: ss.DelayS, MinAlt: ss.MinAltKm * 1e3, Sigma: ss.SigmaKm * 1e3,
		}.WithDefaults())
		w.addOwner(ss.Owner)
	}
	slices.Sort(w.Owners)
	w.buildBattle(&bad)
	if len(bad.Problems) > 0 {
		return nil, &bad
	}
	return w, nil
}

func (w *World) addOwner(o string) {
	if !slices.Contains(w.Owners, o) {
		w.Owners = append(w.Owners, o)
	}
}

func (w *World) buildRadar(st scenario.Site, pl scenario.Platform, pt scenario.Part, site geo.LLA, radarsOnPlatform int) (SensorUnit, error) {
	e, err := catalog.Lookup(pt.Type)
	if err != nil {
		return SensorUnit{}, err
	}
	az, err := w.boresight(st, pt, site)
	if err != nil {
		return SensorUnit{}, err
	}
	r, err := radar.FromCatalog(e, w.Options.Pick, site, az)
	if err != nil {
		return SensorUnit{}, err
	}
	id := pl.Name
	if radarsOnPlatform > 1 {
		id = pl.Name + "/" + e.Name
	}
	r.Name = id
	return SensorUnit{ID: id, Owner: st.Owner, Radar: r, Type: e.Name}, nil
}

// boresight returns the radar's boresight azimuth: the part's azimuth_deg,
// else the site's catalog boresight_az_deg, else the bearing from the site
// to the mean launch point of the scenario's threats (the radar faces the
// threat).
func (w *World) boresight(st scenario.Site, pt scenario.Part, site geo.LLA) (float64, error) {
	if pt.AzimuthDeg != nil {
		return *pt.AzimuthDeg * math.Pi / 180, nil
	}
	if st.Place != "" {
		if e, err := catalog.Lookup(st.Place); err == nil {
			if v, ok := e.Param("boresight_az_deg"); ok {
				return v.Central * math.Pi / 180, nil
			}
		}
	}
	if len(w.Flights) == 0 {
		return 0, nil
	}
	var sum geo.LLA
	for _, f := range w.Flights {
		sum.Lat += f.Launch.Lat
		sum.Lon += f.Launch.Lon
	}
	n := float64(len(w.Flights))
	_, az, _ := w.Options.Earth.Ellipsoid.Inverse(site.Lat, site.Lon, sum.Lat/n, sum.Lon/n)
	return math.Mod(az+2*math.Pi, 2*math.Pi), nil
}

// rcsBand returns the RCS band of flight i in a phase.
func (w *World) rcsBand(i int, boosting bool) catalog.Value {
	f := &w.Flights[i]
	if f.Missile != "" {
		if e, err := catalog.Lookup(f.Missile); err == nil {
			if v, err := radar.RCSBand(e, boosting); err == nil {
				return v
			}
		}
	}
	return catalog.Value{Low: defaultRVRCSLow, Central: defaultRVRCSCentral, High: defaultRVRCSHigh}
}

// Sense runs the scenario's sensors and trackers over the flights of w,
// with no engagement, drawing every random number from rng, and returns what
// was seen of each flight.
func (w *World) Sense(rng *rand.Rand) ([]Sensing, error) {
	tr := w.newTrial(rng, false)
	if err := tr.run(); err != nil {
		return nil, err
	}
	return tr.out, nil
}

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
}

func (w *World) newTrial(rng *rand.Rand, engage bool) *trial {
	n := len(w.Flights)
	tr := &trial{w: w, rng: rng, engage: engage, out: make([]Sensing, n), dead: make([]float64, n)}
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

	// Trackers, one per picture.
	trackers := make(map[string]*track.Tracker, len(w.Pictures))
	for _, o := range w.Pictures {
		t, err := track.NewTracker(o, track.Config{Filter: &track.EKF{Motion: &track.Ballistic{Q: trackerQ}}})
		if err != nil {
			return err
		}
		trackers[o] = t
	}

	// Space warnings, and the time each picture is cued on each flight.
	cued := make(map[string][]float64, len(w.Pictures))
	for _, o := range w.Pictures {
		c := make([]float64, n)
		for i := range c {
			c[i] = math.Inf(1)
		}
		cued[o] = c
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
			for _, o := range w.Pictures {
				if lat, ok := w.latency(w.picture(ss.Owner), o); ok {
					cued[o][i] = math.Min(cued[o][i], wn.Time+lat)
				}
			}
		}
	}

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
	next := make([][]float64, len(w.Radars))
	tracked := make([][]bool, len(w.Radars))
	ntracked := make([]int, len(w.Radars)) // flights each radar tracks
	for r, u := range w.Radars {
		next[r] = make([]float64, n)
		tracked[r] = make([]bool, n)
		for i := range w.Flights {
			next[r][i] = w.Flights[i].LaunchTime + rng.Float64()*u.Radar.SearchFrame
		}
	}
	links := w.links()
	gate := track.GateThreshold(truthGateProb, 3)
	dets := map[string][]track.Detection{}
	var tracks []track.Track
	truth := make([]truthPos, n)

	for T := t0 + Tick; T < t1+Tick; T += Tick {
		clear(dets)
		for r, u := range w.Radars {
			pic := w.picture(u.Owner)
			for i := range w.Flights {
				f := &w.Flights[i]
				mv := f.Mover()
				if mv == nil {
					continue
				}
				end := tr.end(i)
				if cued[pic][i] <= T && !tracked[r][i] && ntracked[r] < u.Radar.MaxTracks {
					// A cue turns search into a directed look.
					tracked[r][i] = true
					ntracked[r]++
					next[r][i] = math.Min(next[r][i], T-Tick/2)
				}
				for next[r][i] <= T && next[r][i] < end {
					tl := next[r][i]
					st := mv.At(tl)
					rcs := rvRCS[i]
					if st.Phase == flight.Boost {
						rcs = boostRCS[i]
					}
					d, ok := u.Radar.Look(tl, st.Pos, rcs, rng)
					if ok {
						if math.IsNaN(out[i].FirstDetection) || tl < out[i].FirstDetection {
							out[i].FirstDetection, out[i].FirstDetectionSensor = tl, u.ID
						}
						dets[pic] = append(dets[pic], toTrack(u, d))
						if !tracked[r][i] && ntracked[r] < u.Radar.MaxTracks {
							tracked[r][i] = true
							ntracked[r]++
						}
					}
					if tracked[r][i] {
						next[r][i] = tl + u.Radar.TrackInterval
					} else {
						next[r][i] = tl + u.Radar.SearchFrame
					}
				}
			}
		}
		for _, o := range w.Pictures {
			if err := trackers[o].Scan(T, dets[o]); err != nil {
				return err
			}
		}
		for _, l := range links {
			l.link.Send(T, l.from, trackers[l.from].Tracks())
			if err := trackers[l.to].Fuse(T, l.link.Deliver(T)); err != nil {
				return err
			}
		}
		// Match each picture's tracks to the truth.
		for i := range w.Flights {
			f := &w.Flights[i]
			truth[i].ok = false
			if mv := f.Mover(); mv != nil && T >= f.LaunchTime && T <= tr.end(i) {
				p := mv.At(T).Pos
				truth[i] = truthPos{p: track.Vec3{p.X, p.Y, p.Z}, ok: true}
			}
		}
		for _, o := range w.Pictures {
			tracks = trackers[o].AppendTracks(tracks[:0])
			for k := range tracks {
				tk := &tracks[k]
				if tk.Status != track.Firm {
					continue
				}
				i := truthOf(tk, truth, gate)
				if i < 0 {
					continue
				}
				if math.IsNaN(out[i].FirmTrack) {
					out[i].FirmTrack, out[i].FirmTrackOwner = T, o
				}
				if _, ok := out[i].FirmByOwner[o]; !ok {
					out[i].FirmByOwner[o] = T
				}
				if !tk.FireControl {
					continue
				}
				if math.IsNaN(out[i].FireControl) {
					out[i].FireControl, out[i].FireControlOwner = T, o
				}
				if _, ok := out[i].FireControlByOwner[o]; !ok {
					out[i].FireControlByOwner[o] = T
				}
			}
			if tr.bm != nil {
				tr.bm.handover(T, o, tracks)
				tr.bm.decide(T, o, tracks, truth, gate)
			}
		}
		if tr.bm != nil {
			tr.bm.assess(T)
		}
	}
	return nil
}

// truthPos is a flight's true position at the current tick, if in flight.
type truthPos struct {
	p  track.Vec3
	ok bool
}

// truthOf returns the flight whose true position lies nearest (in
// Mahalanobis distance) to the track, within the gate, or −1.
func truthOf(tk *track.Track, truth []truthPos, gate float64) int {
	best, bestD := -1, gate
	for i, tp := range truth {
		if !tp.ok {
			continue
		}
		d2, ok := tk.Estimate.PositionDistance2(tp.p)
		if !ok {
			return -1
		}
		if d2 < bestD {
			best, bestD = i, d2
		}
	}
	return best
}

func toTrack(u SensorUnit, d radar.Detection) track.Detection {
	return track.Detection{
		Time: d.Time, Sensor: u.ID, Frame: u.Radar.Frame(), Kind: track.RangeAzEl,
		Z: track.Vec3{d.Range, d.Az, d.El}, R: d.Cov,
	}
}

// ownerLink is one direction of a scenario link.
type ownerLink struct {
	from, to string
	link     *track.Link
}

// links returns a directed track link for every ordered pair of pictures
// joined by a scenario link, in a fixed order.
func (w *World) links() []ownerLink {
	var out []ownerLink
	for _, a := range w.Pictures {
		for _, b := range w.Pictures {
			if a == b {
				continue
			}
			if lat, ok := w.latency(a, b); ok {
				out = append(out, ownerLink{from: a, to: b, link: &track.Link{Latency: lat}})
			}
		}
	}
	return out
}

// latency returns the latency of the scenario link from picture a to
// picture b (0 within one picture), and whether they are linked. Without
// sharing (Options.NoSharing) no two pictures are linked.
func (w *World) latency(a, b string) (float64, bool) {
	if a == b {
		return 0, true
	}
	if w.Options.NoSharing {
		return 0, false
	}
	best, ok := math.Inf(1), false
	for _, l := range w.Scenario.Links {
		if slices.Contains(l.Owners, a) && slices.Contains(l.Owners, b) {
			best, ok = math.Min(best, l.LatencyS), true
		}
	}
	return best, ok
}

// TrialRand returns the random stream of trial i of a run with seed: a PCG
// generator seeded with (seed, i), so any trial can be rerun alone and the
// results do not depend on how trials are spread over workers.
func TrialRand(seed int64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(i)))
}
