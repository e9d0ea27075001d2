package sim

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/spatial/r3"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/radar"
)

// Tables of the fast fidelity (see fast.go): what a trial of it reads
// instead of recomputing, built once per world on its first fast trial.
const (
	// fastStepS is the time step of the tabulated truth and look
	// geometry, s: a missile's range to a radar changes by a few km in
	// 1 s, its SNR by a few per cent, and a look at time t reads the
	// sample nearest t.
	fastStepS = 1.0
	// pdTableLoDB, pdTableHiDB and pdTableStepDB span the single-pulse
	// SNR of the tabulated detection probability, dB: below −40 dB every
	// catalog detector's Pd is below 10⁻⁶ and above +40 dB above
	// 1 − 10⁻⁶; a step of 0.05 dB changes Pd by at most about 0.01
	// where the curve is steepest, and the table interpolates linearly.
	pdTableLoDB, pdTableHiDB, pdTableStepDB = -40.0, 40.0, 0.05
)

// fastTables is the fast fidelity's view of a world.
type fastTables struct {
	once    sync.Once
	flights []fastFlight  // per flight
	looks   [][]fastLooks // [radar][flight]
	pd      []pdTable     // per radar
	// spaces[i][l] is flight i's battle space against launcher l, on
	// its true path from launch to impact.
	spaces [][]battleSpace
	// never[i] reports that no launcher can engage flight i at all.
	never []bool
	// paths[i] is flight i's true path (fastFlight.truePath), and
	// pips[i][l][k] the predicted intercept point on it of an
	// interceptor of launcher l launched k ticks after the flight's
	// launch, found by the first trial that asks (fastTrial.pip).
	paths []*intercept.Path
	pips  [][][]atomic.Pointer[pipMemo]
	// radarPic[r] is the index in World.Pictures of radar r's picture.
	radarPic []int
	// rcs[ph][i] is flight i's RCS band (World.rcsBand) in boost (ph 0)
	// and after it (ph 1), looked up in the catalog once per world.
	rcs [2][]catalog.Value
	// scratch holds the storage of finished trials (*fastScratch) for
	// the next ones.
	scratch sync.Pool
}

// pipMemo is an intercept.PIP result.
type pipMemo struct {
	x  intercept.Intercept
	ok bool
}

// battleSpace is an intercept.Window result.
type battleSpace struct {
	bs intercept.BattleSpace
	ok bool
}

// closed reports whether the battle space rules out any launch at T or
// later.
func (s battleSpace) closed(T float64) bool { return !s.ok || s.bs.LastLaunch < T }

// space returns flight i's battle space against launcher l.
func (ft *fastTables) space(_ *World, i, l int) battleSpace { return ft.spaces[i][l] }

// fastFlight is a flight's truth sampled every fastStepS from launch.
type fastFlight struct {
	t0, t1   float64 // launch and impact, s
	pos, vel []r3.Vec
	boost    []bool
}

// fastLooks is the geometry of one radar's looks at one flight at each
// sample of the flight: whether it is visible, the single-pulse SNR of a
// 1 m² target (linear and dB), the slant range and the unit line of
// sight from the radar (ECEF).
type fastLooks struct {
	vis []bool
	// nextVis[k] is the first visible sample at or after k, len(vis) if
	// none.
	nextVis []int32
	snr     []float64
	snrDB   []float64
	rng     []float64
	los     []r3.Vec
}

// pdTable is a radar's detection probability tabulated against the
// single-pulse SNR in dB.
type pdTable struct{ pd []float64 }

// at returns the tabulated Pd at a single-pulse SNR of db dB.
func (p *pdTable) at(db float64) float64 {
	x := (db - pdTableLoDB) / pdTableStepDB
	if !(x > 0) {
		return p.pd[0]
	}
	k := int(x)
	if k >= len(p.pd)-1 {
		return p.pd[len(p.pd)-1]
	}
	f := x - float64(k)
	return p.pd[k] + f*(p.pd[k+1]-p.pd[k])
}

// fastTables returns w's fast tables, building them on first use (every
// time for a world not made by Build).
func (w *World) fastTables() *fastTables {
	ft := w.fast
	if ft == nil {
		ft = &fastTables{}
		ft.build(w)
		return ft
	}
	ft.once.Do(func() { ft.build(w) })
	return ft
}

func (ft *fastTables) build(w *World) {
	ft.radarPic = make([]int, len(w.Radars))
	for r, u := range w.Radars {
		ft.radarPic[r] = slices.Index(w.Pictures, w.picture(u.Owner))
	}
	ft.flights = make([]fastFlight, len(w.Flights))
	for ph := range 2 {
		ft.rcs[ph] = make([]catalog.Value, len(w.Flights))
		for i := range w.Flights {
			ft.rcs[ph][i] = w.rcsBand(i, ph == 0)
		}
	}
	for i := range w.Flights {
		f := &w.Flights[i]
		mv := f.Mover()
		if mv == nil || !(f.FlightTime > 0) || math.IsInf(f.FlightTime, 0) {
			continue
		}
		n := int(math.Ceil(f.FlightTime/fastStepS)) + 1
		ff := fastFlight{t0: f.LaunchTime, t1: f.LaunchTime + f.FlightTime,
			pos: make([]r3.Vec, n), vel: make([]r3.Vec, n), boost: make([]bool, n)}
		for k := range n {
			st := mv.At(math.Min(f.LaunchTime+float64(k)*fastStepS, ff.t1))
			ff.pos[k], ff.vel[k], ff.boost[k] = st.Pos, st.Vel, st.Phase == flight.Boost
		}
		ft.flights[i] = ff
	}
	// The battle spaces (whose first use of an interceptor builds its
	// envelope, most of the tables' cost) are found one launcher a
	// goroutine, beside the look geometry: the other worker of a run
	// waits for the tables.
	var wg sync.WaitGroup
	ft.spaces = make([][]battleSpace, len(ft.flights))
	ft.never = make([]bool, len(ft.flights))
	paths := make([]*intercept.Path, len(ft.flights))
	ft.pips = make([][][]atomic.Pointer[pipMemo], len(ft.flights))
	for i := range ft.flights {
		ft.spaces[i] = make([]battleSpace, len(w.Launchers))
		ft.pips[i] = make([][]atomic.Pointer[pipMemo], len(w.Launchers))
		if ff := &ft.flights[i]; ff.pos != nil {
			paths[i] = ff.truePath()
			for l := range ft.pips[i] {
				ft.pips[i][l] = make([]atomic.Pointer[pipMemo], int(math.Ceil((ff.t1-ff.t0)/Tick))+2)
			}
		}
	}
	ft.paths = paths
	for l := range w.Launchers {
		wg.Go(func() {
			lu := &w.Launchers[l]
			for i, path := range paths {
				if path == nil {
					continue
				}
				ff := &ft.flights[i]
				bs, ok := intercept.Window(lu.Pos, lu.Interceptor, path.At, ff.t0, ff.t1, ff.t0)
				ft.spaces[i][l] = battleSpace{bs: bs, ok: ok}
			}
		})
	}
	win := w.windows()
	ft.looks = make([][]fastLooks, len(w.Radars))
	ft.pd = make([]pdTable, len(w.Radars))
	for r, u := range w.Radars {
		n := int(math.Round((pdTableHiDB-pdTableLoDB)/pdTableStepDB)) + 1
		pd := make([]float64, n)
		for k := range pd {
			pd[k] = u.Radar.Detector.Pd(radar.FromDB(pdTableLoDB + float64(k)*pdTableStepDB))
		}
		ft.pd[r] = pdTable{pd: pd}
		ft.looks[r] = make([]fastLooks, len(w.Flights))
		for i := range ft.flights {
			ff := &ft.flights[i]
			if ff.pos == nil {
				continue
			}
			n := len(ff.pos)
			lk := fastLooks{vis: make([]bool, n), snr: make([]float64, n), snrDB: make([]float64, n),
				rng: make([]float64, n), los: make([]r3.Vec, n)}
			site := u.Radar.Frame().OriginECEF
			for k, p := range ff.pos {
				t := ff.t0 + float64(k)*fastStepS
				if win != nil && win[r][i].at(t) == viewHidden {
					continue
				}
				o := u.Radar.Observe(p, 1)
				if o.Visibility != radar.Visible || !(o.SNR > 0) {
					continue
				}
				lk.vis[k], lk.snr[k], lk.snrDB[k], lk.rng[k] = true, o.SNR, radar.DB(o.SNR), o.Range
				lk.los[k] = r3.Unit(r3.Sub(p, site))
			}
			lk.nextVis = make([]int32, n)
			nv := int32(n)
			for k := n - 1; k >= 0; k-- {
				if lk.vis[k] {
					nv = int32(k)
				}
				lk.nextVis[k] = nv
			}
			ft.looks[r][i] = lk
		}
	}
	wg.Wait()
	for i := range ft.flights {
		if ft.flights[i].pos == nil {
			continue
		}
		never := true
		for l := range w.Launchers {
			never = never && ft.spaces[i][l].closed(ft.flights[i].t0)
		}
		ft.never[i] = never
	}
}

// truePath returns the flight's truth sampled every predictStep from
// launch to below the ground (extrapolated past impact), or at most
// predictHorizon past impact.
func (f *fastFlight) truePath() *intercept.Path {
	path := &intercept.Path{T0: f.t0, Dt: predictStep}
	for t := f.t0; t <= f.t1+predictHorizon; t += predictStep {
		p, v := f.state(t)
		path.Pos, path.Vel = append(path.Pos, p), append(path.Vel, v)
		if t > f.t1 && !geo.WGS84.SurelyAbove(p) && geo.WGS84.ToGeodetic(p).Alt < 0 {
			break
		}
	}
	return path
}

// sample returns the index of the sample nearest t.
func (f *fastFlight) sample(t float64) int {
	x := (t - f.t0) / fastStepS
	if !(x > 0) {
		return 0
	}
	return min(int(x+0.5), len(f.pos)-1)
}

// state returns the truth position and velocity at t, interpolated
// linearly between samples; past impact it extrapolates the last sample
// in a straight line (a predicted path ends below the ground).
func (f *fastFlight) state(t float64) (r3.Vec, r3.Vec) {
	x := (t - f.t0) / fastStepS
	n := len(f.pos)
	if !(x > 0) {
		return f.pos[0], f.vel[0]
	}
	k := int(x)
	if k >= n-1 {
		last := n - 1
		dt := t - math.Min(f.t0+float64(last)*fastStepS, f.t1)
		return r3.Add(f.pos[last], r3.Scale(dt, f.vel[last])), f.vel[last]
	}
	a := x - float64(k)
	return r3.Add(f.pos[k], r3.Scale(a, r3.Sub(f.pos[k+1], f.pos[k]))),
		r3.Add(f.vel[k], r3.Scale(a, r3.Sub(f.vel[k+1], f.vel[k])))
}
