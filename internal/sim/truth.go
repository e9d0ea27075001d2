package sim

import (
	"cmp"
	"slices"
	"sort"

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
