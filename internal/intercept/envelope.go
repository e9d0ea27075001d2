package intercept

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/rampart-sim/rampart/flight"
)

// Envelope grid and fan sizes. 256 × 192 cells keep the bilinear
// interpolation error of the time of flight below ~0.1 % (see
// TestEnvelopeMatchesDirectFlyout); 72 kick angles every ~1.2°, with 6
// finer ones near the vertical, keep the linear interpolation between
// neighbouring flyouts as accurate.
const (
	gridRanges = 256
	gridAlts   = 192
	fanSize    = 72
	fineKicks  = 12
	maxKick    = 88 * math.Pi / 180 // rad from the vertical
)

// cell is one grid node: the earliest and latest time after launch at
// which some flyout of the fan passes the node, and the speed and
// flight-path angle of the earliest. NaN times mark unreachable nodes.
type cell struct {
	tMin, tMax, speed, gamma float32
}

// Envelope is an interceptor's flyout envelope: for every (ground range,
// altitude) point on a regular grid, the minimum and maximum time of flight
// over a fan of flyouts, with the speed and flight-path angle of the
// fastest. Altitudes are above the launch site. An Envelope is immutable
// and safe for concurrent use.
type Envelope struct {
	Name string

	MaxRange float64 // largest ground range reached by any flyout, m
	MaxAlt   float64 // largest altitude reached, m
	NR, NA   int     // grid nodes in range and altitude
	DR, DA   float64 // grid spacings, m

	// BurnoutSpeed is the burnout speed of the flyout at the reference kick
	// (30° from the vertical); BurnoutSpeedMin and Max span the fan.
	BurnoutSpeed, BurnoutSpeedMin, BurnoutSpeedMax float64 // m/s
	BurnoutTime                                    float64 // s
	Kicks                                          int     // flyouts in the fan that flew

	cells []cell // NR × NA, range-major: cells[i*NA+j]

	arena *colArena // during BuildEnvelope only: the fan's crossings
}

// colArena hands out the range-column crossings of the flyouts of one
// envelope build from blocks reused across builds (a build needs ~6 MB
// of them, all garbage once the cells are filled).
type colArena struct {
	blocks [][]crossing
	n      int // blocks in use
	free   []crossing
}

// colBlock is the number of crossings in one block of a colArena.
const colBlock = 64 * gridRanges

// spareArenas holds the arenas of finished builds, at most two (one per
// core of the machines this runs on): more would only hold memory.
var spareArenas = make(chan *colArena, 2)

func getArena() *colArena {
	select {
	case a := <-spareArenas:
		return a
	default:
		return new(colArena)
	}
}

func putArena(a *colArena) {
	a.reset()
	select {
	case spareArenas <- a:
	default:
	}
}

// next returns nr columns not crossed (newly allocated on a nil arena:
// crossings outside a build).
func (a *colArena) next(nr int) []crossing {
	var c []crossing
	switch {
	case a == nil:
		c = make([]crossing, nr)
	default:
		if len(a.free) < nr {
			if a.n == len(a.blocks) {
				a.blocks = append(a.blocks, make([]crossing, max(colBlock, nr)))
			}
			a.free = a.blocks[a.n]
			a.n++
		}
		c = a.free[:nr:nr]
		a.free = a.free[nr:]
	}
	for i := range c {
		c[i] = notCrossed
	}
	return c
}

// reset makes every block free again.
func (a *colArena) reset() { a.n, a.free = 0, nil }

// Reach is the envelope at one point.
type Reach struct {
	TMin  float64 // earliest time after launch at which the point is reached, s
	TMax  float64 // latest along the fan's unpowered coasts, s (informational)
	Speed float64 // interceptor speed at TMin, m/s
	Gamma float64 // flight-path angle at TMin, rad above the horizontal
}

// At returns the envelope at ground range g and altitude h above the site,
// interpolated bilinearly, and false where the point cannot be reached.
// Near the boundary, where some of the four surrounding nodes are
// unreachable, the point counts as reachable if the bilinear weights of
// the reachable nodes sum to at least ½, and its values are their
// weighted mean: the boundary is placed to within half a cell.
func (e *Envelope) At(g, h float64) (Reach, bool) {
	x, y := g/e.DR, h/e.DA
	if !(x >= 0 && y >= 0) || x > float64(e.NR-1) || y > float64(e.NA-1) {
		return Reach{}, false
	}
	i, j := int(x), int(y)
	if i == e.NR-1 {
		i--
	}
	if j == e.NA-1 {
		j--
	}
	fx, fy := x-float64(i), y-float64(j)
	c := e.cells[i*e.NA+j:]
	cs := [4]*cell{&c[0], &c[1], &c[e.NA], &c[e.NA+1]}
	ws := [4]float64{(1 - fx) * (1 - fy), (1 - fx) * fy, fx * (1 - fy), fx * fy}
	var r Reach
	var wsum float64
	for k, ck := range cs {
		if ck.tMin != ck.tMin || ws[k] == 0 {
			continue
		}
		w := ws[k]
		wsum += w
		r.TMin += w * float64(ck.tMin)
		r.TMax += w * float64(ck.tMax)
		r.Speed += w * float64(ck.speed)
		r.Gamma += w * float64(ck.gamma)
	}
	if wsum < 0.5 {
		return Reach{}, false
	}
	if wsum < 1 {
		r.TMin /= wsum
		r.TMax /= wsum
		r.Speed /= wsum
		r.Gamma /= wsum
	}
	return r, true
}

// TimeTo returns the minimum time of flight to ground range g and altitude
// h, or +Inf where unreachable.
func (e *Envelope) TimeTo(g, h float64) float64 {
	r, ok := e.At(g, h)
	if !ok {
		return math.Inf(1)
	}
	return r.TMin
}

// envCache holds one envelope per flyout key; entries are built once and
// shared by concurrent trials.
var envCache sync.Map // flyoutKey → *envEntry

type envEntry struct {
	once sync.Once
	env  *Envelope
	err  error
}

// Envelope returns the interceptor's flyout envelope, building it on first
// use and caching it by name, pick and flyout parameters (and on ic). It is
// safe for concurrent use. Change no flyout field of ic after calling it.
func (ic *Interceptor) Envelope() (*Envelope, error) {
	en := ic.env.Load()
	if en == nil {
		v, _ := envCache.LoadOrStore(ic.key(), &envEntry{})
		en = v.(*envEntry)
		ic.env.Store(en)
	}
	en.once.Do(func() { en.env, en.err = BuildEnvelope(ic) })
	return en.env, en.err
}

// ReleaseEnvelope drops ic's envelope from the cache so that its memory
// can be reclaimed once no engagement uses it; a later Envelope call
// builds it again (the same envelope). Callers that fly many interceptors
// once each, such as a burnout-speed sweep, release each when done, so
// that the cache holds only the envelopes still in use.
func (ic *Interceptor) ReleaseEnvelope() {
	if en := ic.env.Swap(nil); en != nil {
		envCache.CompareAndDelete(ic.key(), en)
	}
}

// CachedEnvelopes returns the number of envelopes the cache holds (built
// or being built): a check that callers release what they no longer use.
func CachedEnvelopes() int {
	n := 0
	envCache.Range(func(_, _ any) bool { n++; return true })
	return n
}

// fanKicks returns the kick angles of the envelope's initial fan: fanSize
// kicks evenly spaced over [0, maxKick], and fineKicks geometrically
// spaced small kicks below the first, which resolve the region overhead (a
// kick of 1° already moves a flyout tens of km off the axis at a few
// hundred km altitude). BuildEnvelope refines it adaptively.
func fanKicks() []float64 {
	out := make([]float64, 0, fanSize+fineKicks)
	out = append(out, 0)
	step := maxKick / float64(fanSize-1)
	for i := range fineKicks {
		out = append(out, step*math.Pow(2, float64(i-fineKicks)))
	}
	for k := 1; k < fanSize; k++ {
		out = append(out, step*float64(k))
	}
	return out
}

// crossing is one flyout's passage through a range column; a NaN time
// marks a column the flyout does not cross.
type crossing struct {
	t, h, v, gamma float64
}

func (c *crossing) ok() bool { return c.t == c.t }

// notCrossed is a column a flyout does not cross.
var notCrossed = crossing{t: math.NaN()}

// Adaptive fan refinement: a kick is inserted between two neighbours
// whose crossings of some range column lie more than maxGap altitude
// cells apart, down to kicks minKickStep apart and at most maxFlyouts
// flyouts in all. Linear interpolation between neighbours is then about
// as accurate as the grid's own.
const (
	maxGap      = 2.0
	minKickStep = 1e-6 // rad
	maxFlyouts  = 600
)

// fanFlight is one flyout of the initial fan before the grid is known:
// its steps (the whole flight, or the boost where arc gives the coast).
type fanFlight struct {
	res   result
	steps []flight.Dense[pstate]
	arc   *keplerArc
	seq   int  // index in fanKicks
	node  bool // its boost was flown alone first: a node of the boost table
}

// fanMember is one flyout of the fan with its range-column crossings.
type fanMember struct {
	res  result
	cols []crossing
	// settled: the pair of this member and the next needs no kick
	// between them (checked, and neither has changed since)
	settled bool
}

// BuildEnvelope flies the kick-angle fan and builds the envelope without
// the cache.
func BuildEnvelope(ic *Interceptor) (*Envelope, error) {
	if err := ic.validate(); err != nil {
		return nil, err
	}
	f := newFlyer(ic)
	if err := f.calibrate(); err != nil {
		return nil, err
	}
	env := &Envelope{Name: ic.Name, NR: gridRanges, NA: gridAlts,
		BurnoutSpeedMin: math.Inf(1), BurnoutSpeedMax: math.Inf(-1)}
	env.arena = getArena()
	defer func() {
		putArena(env.arena)
		env.arena = nil
	}()
	var segs []segment
	fly := func(kick float64) (result, bool, error) {
		res, sg, err := f.fly(kick, ic.MaxFlyout, segs)
		segs = sg
		if errors.Is(err, errGround) {
			return res, false, nil
		}
		return res, err == nil, err
	}

	// The vertical flyout gives the overhead column; keep its steps.
	vert, ok, err := fly(0)
	if err != nil || !ok {
		return nil, fmt.Errorf("intercept: %s: vertical flyout failed: %v", ic.Name, err)
	}
	vsteps := append([]flight.Dense[pstate](nil), f.steps...)

	// The initial fan sets the grid extents. Its steps are kept until the
	// grid is known, so that its crossings need no second flight (a flyout
	// flown again is the same flyout, bit for bit). The burnout model's
	// coasts are Kepler arcs (kepler.go): only the boost is integrated,
	// and the coast's crossings are taken in closed form.
	kepler := len(ic.Stages) == 0 && f.cdA == 0 && keplerOn
	var flights []fanFlight
	for seq, kick := range fanKicks()[1:] {
		if kepler {
			res, arc, sg, closed, ok, err := f.flyKepler(kick, ic.MaxFlyout, segs)
			segs = sg
			if err != nil {
				return nil, err
			}
			if closed {
				if ok {
					flights = append(flights, fanFlight{res, slices.Clone(f.steps), &arc, seq, true})
				}
				continue
			}
		}
		res, ok, err := fly(kick)
		if err != nil {
			return nil, err
		}
		if ok {
			flights = append(flights, fanFlight{res, slices.Clone(f.steps), nil, seq, false})
		}
	}
	if len(flights) < 2 {
		return nil, fmt.Errorf("intercept: %s: the flyout fan has %d usable flyouts", ic.Name, len(flights))
	}
	// The grid extents are those of the integrated fan: a flyout with a
	// closed-form coast that could reach the farthest range or the
	// highest altitude so far is integrated whole, so that the extents,
	// and with them the grid, are the integrated fan's to the last bit.
	env.MaxRange, env.MaxAlt = vert.maxRange, vert.maxAlt
	for _, fl := range flights {
		if fl.arc == nil {
			env.MaxRange = math.Max(env.MaxRange, fl.res.maxRange)
			env.MaxAlt = math.Max(env.MaxAlt, fl.res.maxAlt)
		}
	}
	for pass := range 2 {
		bound := make([]float64, len(flights))
		var order []int
		for k, fl := range flights {
			if fl.arc == nil {
				continue
			}
			r, h, ok := fl.arc.extents()
			if !ok {
				r, h = math.Inf(1), math.Inf(1)
			}
			bound[k] = [2]float64{r, math.Max(h, fl.res.maxAlt)}[pass]
			order = append(order, k)
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(bound[b], bound[a]) })
		for _, k := range order {
			if bound[k] < [2]float64{env.MaxRange, env.MaxAlt}[pass] {
				break
			}
			fl := &flights[k]
			res, ok, err := fly(fl.res.kick)
			if err != nil || !ok {
				return nil, fmt.Errorf("intercept: %s: flyout at kick %g: %v", ic.Name, fl.res.kick, err)
			}
			*fl = fanFlight{res, slices.Clone(f.steps), nil, fl.seq, fl.node}
			env.MaxRange = math.Max(env.MaxRange, res.maxRange)
			env.MaxAlt = math.Max(env.MaxAlt, res.maxAlt)
		}
	}
	for _, fl := range append(flights, fanFlight{res: vert}) {
		r := fl.res
		env.BurnoutSpeedMin = math.Min(env.BurnoutSpeedMin, r.boV)
		env.BurnoutSpeedMax = math.Max(env.BurnoutSpeedMax, r.boV)
		env.BurnoutTime = r.boT
	}
	if ref, _, err := f.fly(referenceKick, 0, segs); err == nil {
		env.BurnoutSpeed = ref.boV
	}
	env.DR = env.MaxRange / float64(env.NR-1)
	env.DA = env.MaxAlt / float64(env.NA-1)

	// Crossings of every flyout, refining the fan where neighbours diverge.
	table := newBoostTable(f)
	prevSeq := -2 // the first node has no neighbour below
	member := func(kick float64) (fanMember, bool, error) {
		if boostTableOn {
			if m, ok := table.member(env, kick, ic.MaxFlyout); ok {
				return m, true, nil
			}
		}
		if kepler {
			res, arc, sg, closed, ok, err := f.flyKepler(kick, ic.MaxFlyout, segs)
			segs = sg
			if err != nil || (closed && !ok) {
				return fanMember{}, false, err
			}
			if closed {
				if boostTableOn {
					table.add(f, kick, false, f.steps)
				}
				return fanMember{res: res, cols: env.keplerCrossings(f.steps, &arc)}, true, nil
			}
		}
		res, ok, err := fly(kick)
		if !ok || err != nil {
			return fanMember{}, false, err
		}
		return fanMember{res: res, cols: env.crossings(f.steps, res.end)}, true, nil
	}
	fan := make([]fanMember, 0, 2*len(flights))
	for k := range flights {
		fl := &flights[k]
		if fl.arc != nil {
			fan = append(fan, fanMember{res: fl.res, cols: env.keplerCrossings(fl.steps, fl.arc)})
		} else {
			fan = append(fan, fanMember{res: fl.res, cols: env.crossings(fl.steps, fl.res.end)})
		}
		if fl.node && boostTableOn {
			table.add(f, fl.res.kick, fl.seq != prevSeq+1, fl.steps)
			prevSeq = fl.seq
		}
		fl.steps = nil
	}
	flown := len(fan) + 1
	for changed := true; changed && flown < maxFlyouts; {
		changed = false
		next := make([]fanMember, 0, 2*len(fan))
		for k := range fan {
			next = append(next, fan[k])
			if k+1 == len(fan) || flown >= maxFlyouts || fan[k].settled {
				continue
			}
			a, b := &fan[k], &fan[k+1]
			if b.res.kick-a.res.kick < minKickStep || !env.diverge(a.cols, b.cols) {
				// the pair stays neighbours, and settled, in later passes
				next[len(next)-1].settled = true
				continue
			}
			m, ok, err := member((a.res.kick + b.res.kick) / 2)
			if err != nil {
				return nil, err
			}
			flown++
			if ok {
				next = append(next, m)
				changed = true
			}
		}
		fan = next
	}
	env.Kicks = flown

	nan := float32(math.NaN())
	env.cells = make([]cell, env.NR*env.NA)
	for i := range env.cells {
		env.cells[i] = cell{nan, nan, nan, nan}
	}
	env.fillOverhead(vsteps, vert.end)
	// Neighbour pair by pair, column by column: each cell still takes its
	// passages in fan order (only column i writes cells (i, ·)), and each
	// pair's crossings are read in memory order.
	for k := 0; k+1 < len(fan); k++ {
		ca, cb := fan[k].cols, fan[k+1].cols
		for i := 1; i < env.NR; i++ {
			a, b := ca[i], cb[i]
			if !a.ok() || !b.ok() {
				continue
			}
			lo, hi := math.Min(a.h, b.h), math.Max(a.h, b.h)
			for j := max(0, int(math.Ceil(lo/env.DA))); j < env.NA && float64(j)*env.DA <= hi; j++ {
				w := 0.0
				if hi > lo {
					w = (float64(j)*env.DA - a.h) / (b.h - a.h)
				}
				env.update(i, j, a.t+w*(b.t-a.t), a.v+w*(b.v-a.v), a.gamma+w*(b.gamma-a.gamma))
			}
		}
	}
	return env, nil
}

// update records a passage of node (i, j) at time t.
func (e *Envelope) update(i, j int, t, v, gamma float64) {
	c := &e.cells[i*e.NA+j]
	if c.tMin != c.tMin || float32(t) < c.tMin {
		c.tMin, c.speed, c.gamma = float32(t), float32(v), float32(gamma)
	}
	if c.tMax != c.tMax || float32(t) > c.tMax {
		c.tMax = float32(t)
	}
}

// crossings returns a flyout's crossing of every range column i ≥ 1: each
// flyout crosses each column at most once (the ground range never
// decreases).
func (e *Envelope) crossings(steps []flight.Dense[pstate], end float64) []crossing {
	cols := e.arena.next(e.NR)
	for s := range steps {
		d := &steps[s]
		t1 := math.Min(d.T+d.H, end)
		g0, g1 := rangeOf(d.At(d.T)), rangeOf(d.At(t1))
		for i := int(math.Floor(g0/e.DR)) + 1; i < e.NR && float64(i)*e.DR <= g1; i++ {
			t, y := locateRange(d, float64(i)*e.DR, g0, g1)
			v, gamma := speedGamma(y)
			cols[i] = crossing{t, altEvent(0, y), v, gamma}
		}
	}
	return cols
}

// diverge reports whether two flyouts' crossings of some column lie more
// than maxGap altitude cells apart (max |Δh|/DA > maxGap, column by
// column: the division rounds monotonically, so the first column beyond
// decides as the largest would).
func (e *Envelope) diverge(a, b []crossing) bool {
	for i := 1; i < e.NR; i++ {
		if a[i].ok() && b[i].ok() && math.Abs(a[i].h-b[i].h)/e.DA > maxGap {
			return true
		}
	}
	return false
}

// fillOverhead fills column 0 from the vertical flyout's altitude
// crossings (ascending and, within MaxFlyout, descending).
func (e *Envelope) fillOverhead(steps []flight.Dense[pstate], end float64) {
	for s := range steps {
		d := &steps[s]
		t1 := math.Min(d.T+d.H, end)
		y0, y1 := d.At(d.T), d.At(t1)
		h0, h1 := altEvent(0, y0), altEvent(0, y1)
		lo, hi := math.Min(h0, h1), math.Max(h0, h1)
		for j := int(math.Ceil(lo / e.DA)); j < e.NA && float64(j)*e.DA <= hi; j++ {
			hj := float64(j) * e.DA
			if hj == h0 && j > 0 {
				continue // counted in the previous step
			}
			t, y := d.T, y0
			if h0 != hj {
				ev := func(_ float64, y pstate) float64 { return altEvent(0, y) - hj }
				t, y = flight.LocateEvent(d, ev, h0-hj, h1-hj, eventTol)
			}
			v, _ := speedGamma(y)
			g := math.Pi / 2
			if y[3] < 0 {
				g = -g
			}
			e.update(0, j, t, v, g)
		}
	}
}
