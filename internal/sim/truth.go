package sim

import (
	"cmp"
	"slices"
	"sort"
	"sync"

	"github.com/rampart-sim/rampart/internal/track"
)

// truthPos is a flight's true position at the current tick, if in flight.
type truthPos struct {
	p  track.Vec3
	ok bool
}

// truthIndex holds the flights' true positions at one tick, sorted by ECEF
// x, and matches tracks to them. A track is matched to the flight whose
// true position lies nearest to it in Mahalanobis distance, within the
// gate; sorting lets each track look only at the flights within a radius
// that bounds its gate (track.PositionMetric.Radius), so matching costs
// about one lookup per track rather than one per track and flight.
type truthIndex struct {
	pos  []truthPos // by flight
	gate float64    // χ²₃ gate on the position error
	// byX lists the flights in flight, ordered by x and then by index;
	// xs holds their x.
	byX []int
	xs  []float64
}

func newTruthIndex(n int, gate float64) *truthIndex {
	return &truthIndex{pos: make([]truthPos, n), gate: gate}
}

// set records flight i's position (ok false: not in flight).
func (t *truthIndex) set(i int, p track.Vec3, ok bool) { t.pos[i] = truthPos{p: p, ok: ok} }

// sort orders the flights in flight by x, once all are set for the tick.
func (t *truthIndex) sort() {
	t.byX = t.byX[:0]
	for i, tp := range t.pos {
		if tp.ok {
			t.byX = append(t.byX, i)
		}
	}
	slices.SortFunc(t.byX, func(a, b int) int {
		if c := cmp.Compare(t.pos[a].p[0], t.pos[b].p[0]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	t.xs = t.xs[:0]
	for _, i := range t.byX {
		t.xs = append(t.xs, t.pos[i].p[0])
	}
}

// of returns the flight whose true position lies nearest (in Mahalanobis
// distance) to the track, within the gate, or −1; of two at the same
// distance, the lower index.
func (t *truthIndex) of(tk *track.Track) int {
	g, ok := tk.Estimate.PositionMetric()
	if !ok {
		return -1
	}
	best, bestD := -1, t.gate
	try := func(i int) {
		d2 := g.Distance2(t.pos[i].p)
		if d2 < bestD || (d2 == bestD && best >= 0 && i < best) {
			best, bestD = i, d2
		}
	}
	r, bounded := g.Radius(t.gate)
	if !bounded {
		for i, tp := range t.pos {
			if tp.ok {
				try(i)
			}
		}
		return best
	}
	x := g.Position()
	lo := sort.SearchFloat64s(t.xs, x[0]-r)
	r2 := r * r
	for k := lo; k < len(t.xs) && t.xs[k] <= x[0]+r; k++ {
		i := t.byX[k]
		p := &t.pos[i].p
		dx, dy, dz := p[0]-x[0], p[1]-x[1], p[2]-x[2]
		if dx*dx+dy*dy+dz*dz > r2 {
			continue
		}
		try(i)
	}
	return best
}

// maxTickTruth caps the positions a world keeps in its tick truth
// (flights × ticks): 1M of them take about 28 MB. A larger world's trials
// interpolate the truth at every tick as before.
const maxTickTruth = 1 << 20

// tickTruth holds every flight's true position at every tick of the
// engine's loop, and per tick the flights in flight ordered as
// truthIndex.sort orders them: the truth at a tick is the same in every
// trial (only an intercept ends a flight early, which a trial applies
// itself), so a world made by Build computes it once.
type tickTruth struct {
	once  sync.Once
	ticks int // ticks of the loop; 0 when the world is too large
	n     int // flights
	// pos[k·n+i] is flight i's position at tick k, where in flight. One
	// slice in tick order, as the trials read it, not a slice a tick.
	pos []track.Vec3
	// order[orderAt[k]:orderAt[k+1]] lists the flights in flight at tick
	// k by x, then index.
	order   []int32
	orderAt []int
}

// tickTruth returns w's tick truth, computing it on first use; nil for a
// world not made by Build or larger than maxTickTruth.
func (w *World) tickTruth(t0, t1 float64) *tickTruth {
	tt := w.truth
	if tt == nil {
		return nil
	}
	tt.once.Do(func() {
		ticks := 0
		for T := t0 + Tick; T < t1+Tick; T += Tick {
			ticks++
		}
		if ticks*len(w.Flights) > maxTickTruth {
			return
		}
		n := len(w.Flights)
		tt.ticks, tt.n = ticks, n
		tt.pos = make([]track.Vec3, ticks*n)
		tt.orderAt = make([]int, 1, ticks+1)
		idx := newTruthIndex(n, 0)
		k := 0
		// The same loop, and so the same tick times, as trial.run's.
		for T := t0 + Tick; T < t1+Tick; T += Tick {
			pos := tt.pos[k*n : (k+1)*n]
			for i := range w.Flights {
				f := &w.Flights[i]
				idx.set(i, track.Vec3{}, false)
				if mv := f.Mover(); mv != nil && T >= f.LaunchTime && T <= f.LaunchTime+f.FlightTime {
					p, _ := mv.PosAt(T)
					pos[i] = track.Vec3{p.X, p.Y, p.Z}
					idx.set(i, pos[i], true)
				}
			}
			idx.sort()
			for _, i := range idx.byX {
				tt.order = append(tt.order, int32(i))
			}
			tt.orderAt = append(tt.orderAt, len(tt.order))
			k++
		}
	})
	if tt.ticks == 0 {
		return nil
	}
	return tt
}

// setTick sets the index to tick k of tt, at time T, with the flights
// destroyed before T (dead[i] < T) left out: what set for every flight and
// then sort give.
func (t *truthIndex) setTick(tt *tickTruth, k int, T float64, dead []float64) {
	clear(t.pos)
	t.byX, t.xs = t.byX[:0], t.xs[:0]
	pos := tt.pos[k*tt.n : (k+1)*tt.n]
	for _, i := range tt.order[tt.orderAt[k]:tt.orderAt[k+1]] {
		if !(T <= dead[i]) {
			continue
		}
		p := pos[i]
		t.pos[i] = truthPos{p: p, ok: true}
		t.byX = append(t.byX, int(i))
		t.xs = append(t.xs, p[0])
	}
}
