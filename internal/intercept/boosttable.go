package intercept

import (
	"cmp"
	"math"
	"slices"

	"github.com/rampart-sim/rampart/flight"
)

// Inserted kicks of the burnout model without a boost of their own. At a
// fixed time the boost state is a smooth (analytic) function of the kick
// angle: the vertical rise does not depend on it, the pitch-over holds
// the thrust at it and the gravity turn follows, and the thrust switches
// at the same times for every kick. Each integrated boost of the initial
// fan is sampled every boostSampleStep (state and acceleration, from its
// dense output and its equation of motion); an inserted kick takes its
// samples by cubic Lagrange interpolation over the four nearest kicks of
// the table (≤ 1.24° apart), which is good to under a millimetre and
// 1e-5 m/s at burnout, the size of the integration's own error. Its
// boost-phase column crossings follow from cubic Hermite interpolation
// between samples (state and derivative at both ends, within one thrust
// segment: error ~Δt⁴/384 |d⁴x/dt⁴|, a tenth of a millimetre), its
// coast from the interpolated burnout state in closed form (kepler.go).
// The envelope with these kicks matches the one with their boosts
// integrated (TestBoostTableMatchesIntegration). As a check at run time, the
// interpolants over the windows of four kicks on either side must give
// the same burnout state within boostInterpTolPos and boostInterpTolVel,
// else the kick's boost is integrated, and joins the table.

// boostTableOn switches the interpolated boosts on; the tests switch it
// off to compare with the integrated ones.
var boostTableOn = true

// boostSampleStep is the longest spacing of the boost samples, s.
const boostSampleStep = 1.0

// Tolerances of the run-time check of an interpolated burnout state (see
// above): a velocity error of 1e-4 m/s moves the end of a 900 s coast by
// under 0.1 m.
const (
	boostInterpTolPos = 0.01 // m
	boostInterpTolVel = 1e-4 // m/s
)

// boostNode is one integrated boost of the initial fan.
type boostNode struct {
	kick float64
	// gapBefore: a kick of the fan between this node and the previous
	// one did not fly, or was integrated whole: a boundary of the usable
	// fan may lie there, and no window spans it
	gapBefore bool
	y         []pstate  // state at each sample time
	aL        []planeXZ // acceleration at each sample time under the thrust law of the segment ending there
	aR        []planeXZ // and of the segment starting there
}

// planeXZ is an acceleration in the flyout plane, m/s².
type planeXZ [2]float64

// boostTable holds the initial fan's integrated boosts, by kick.
type boostTable struct {
	times []float64 // sample times, s after launch: 0 … burnout, every thrust switch among them
	nodes []boostNode
}

// newBoostTable returns the table of the boost sample times of f's
// interceptor.
func newBoostTable(f *flyer) boostTable {
	b := boostTable{times: []float64{0}}
	segs := f.segments(nil, 0)
	start := 0.0
	for _, s := range segs[:len(segs)-1] { // the last is the coast
		n := max(1, int(math.Ceil((s.end-start)/boostSampleStep)))
		for m := 1; m <= n; m++ {
			b.times = append(b.times, start+(s.end-start)*float64(m)/float64(n))
		}
		b.times[len(b.times)-1] = s.end
		start = s.end
	}
	return b
}

// add samples the integrated boost of kick (f.steps from launch to at
// least burnout) into the table, in kick order. Kicks of the initial fan
// come in order; a kick inserted later (where the table could not give
// its boost) refines the table around it, so that its neighbours
// interpolate over closer kicks.
func (b *boostTable) add(f *flyer, kick float64, gapBefore bool, steps []flight.Dense[pstate]) {
	p, _ := slices.BinarySearchFunc(b.nodes, kick, func(n boostNode, k float64) int { return cmp.Compare(n.kick, k) })
	if p < len(b.nodes) && b.nodes[p].gapBefore {
		gapBefore = true // the gap lies on one side of kick or the other
	}
	n := boostNode{kick: kick, gapBefore: gapBefore, y: make([]pstate, len(b.times)),
		aL: make([]planeXZ, len(b.times)), aR: make([]planeXZ, len(b.times))}
	f.dirX, f.dirZ = math.Sincos(kick)
	segs := f.segments(nil, 0)
	step := 0
	accel := func(s segment, t float64, y pstate) planeXZ {
		f.mode, f.thrust, f.m0, f.mdot, f.tSeg = s.mode, s.thrust, s.m0, s.md, s.t0
		d := f.rhs(t, y)
		return planeXZ{d[2], d[3]}
	}
	boost := segs[:len(segs)-1] // the last is the coast
	for m, t := range b.times {
		for step+1 < len(steps) && steps[step].T+steps[step].H < t {
			step++
		}
		y := steps[step].At(t)
		n.y[m] = y
		// the segment of the interval ending at t and of the one starting at t
		left, right := 0, len(boost)-1
		for k := range boost {
			if segStart(boost, k) < t && t <= boost[k].end {
				left = k
			}
			if segStart(boost, k) <= t && t < boost[k].end {
				right = k
			}
		}
		n.aR[m] = accel(boost[right], t, y)
		n.aL[m] = n.aR[m]
		if left != right {
			n.aL[m] = accel(boost[left], t, y)
		}
	}
	b.nodes = slices.Insert(b.nodes, p, n)
}

// segStart is the start time of segment i.
func segStart(segs []segment, i int) float64 {
	if i == 0 {
		return 0
	}
	return segs[i-1].end
}

// window returns the Lagrange weights of the nodes j, …, j+3 at kick,
// and false where a gap lies between them (see gapBefore).
func (b *boostTable) window(j int, kick float64) ([4]float64, bool) {
	var w [4]float64
	if j < 0 || j+3 >= len(b.nodes) || b.nodes[j+1].gapBefore || b.nodes[j+2].gapBefore || b.nodes[j+3].gapBefore {
		return w, false
	}
	for a := range 4 {
		w[a] = 1
		for c := range 4 {
			if c != a {
				w[a] *= (kick - b.nodes[j+c].kick) / (b.nodes[j+a].kick - b.nodes[j+c].kick)
			}
		}
	}
	return w, true
}

// stateAt returns the state at sample m interpolated over window j.
func (b *boostTable) stateAt(j int, w [4]float64, m int) pstate {
	var y pstate
	for a := range 4 {
		ya := &b.nodes[j+a].y[m]
		for c := range y {
			y[c] += w[a] * ya[c]
		}
	}
	return y
}

// member returns the fan member of kick with its boost interpolated and
// its coast in closed form, and false where the kick's boost must be
// integrated (see above).
func (b *boostTable) member(e *Envelope, kick, tEnd float64) (fanMember, bool) {
	j, _ := slices.BinarySearchFunc(b.nodes, kick, func(n boostNode, k float64) int { return cmp.Compare(n.kick, k) })
	j -= 2 // nodes j, j+1 below kick, j+2, j+3 above
	w, ok := b.window(j, kick)
	wLo, okLo := b.window(j-1, kick)
	wHi, okHi := b.window(j+1, kick)
	if !ok || !okLo || !okHi {
		return fanMember{}, false
	}
	last := len(b.times) - 1
	y := b.stateAt(j, w, last)
	for _, other := range []pstate{b.stateAt(j-1, wLo, last), b.stateAt(j+1, wHi, last)} {
		if math.Hypot(other[0]-y[0], other[1]-y[1]) > boostInterpTolPos || math.Hypot(other[2]-y[2], other[3]-y[3]) > boostInterpTolVel {
			return fanMember{}, false
		}
	}
	arc, ok := newKeplerArc(b.times[last], y, tEnd)
	if !ok {
		return fanMember{}, false
	}
	gBo := rangeOf(y)
	cols := e.arena.next(e.NR)
	if gBo >= e.DR {
		b.boostCrossings(e, j, w, gBo, cols)
	}
	arc.crossings(e, cols, gBo)
	return fanMember{res: result{kick: kick, end: arc.end}, cols: cols}, true
}

// boostCrossings fills cols with the crossings of the columns with ground
// range up to gBo, on the boost interpolated over window j. A sample lies
// short of column i, at angle θ_i = g_i/R from the launch point, where
// x cos θ_i − z sin θ_i < 0 (the sine of its angle short of θ_i, times r).
func (b *boostTable) boostCrossings(e *Envelope, j int, w [4]float64, gBo float64, cols []crossing) {
	accel := func(m int, right bool) planeXZ {
		var acc planeXZ
		for a := range 4 {
			n := &b.nodes[j+a]
			x := n.aL[m]
			if right {
				x = n.aR[m]
			}
			acc[0] += w[a] * x[0]
			acc[1] += w[a] * x[1]
		}
		return acc
	}
	last := len(b.times) - 1
	m := 0 // samples m−1, m bracket the column
	var y0, y1 pstate
	y1 = b.stateAt(j, w, 0)
	sd, cd := math.Sincos(e.DR / earthRadius)
	sn, cn := sd, cd
	for i := 1; i < e.NR && float64(i)*e.DR <= gBo; i++ {
		for m < last && y1[0]*cn-y1[1]*sn < 0 {
			m++
			y0, y1 = y1, b.stateAt(j, w, m)
		}
		if m == 0 {
			m = 1
			y0, y1 = y1, b.stateAt(j, w, 1)
		}
		cols[i] = hermiteCrossing(b.times[m-1], b.times[m], y0, y1, accel(m-1, true), accel(m, false), sn, cn)
		sn, cn = sn*cd+cn*sd, cn*cd-sn*sd
	}
}

// hermiteCrossing returns the crossing of the column at angle θ (sin,
// cos: sn, cn) from the launch point between two boost samples (t0, y0,
// acceleration a0) and (t1, y1, a1) of one thrust segment, on the cubic
// Hermite interpolants of position (derivative: velocity) and velocity
// (derivative: acceleration): the root of x cos θ − z sin θ by regula
// falsi (Illinois) to eventTol, as locateRange.
func hermiteCrossing(t0, t1 float64, y0, y1 pstate, a0, a1 planeXZ, sn, cn float64) crossing {
	dt := t1 - t0
	at := func(s float64) pstate {
		s2, s3 := s*s, s*s*s
		h00, h10, h01, h11 := 2*s3-3*s2+1, s3-2*s2+s, -2*s3+3*s2, s3-s2
		return pstate{
			h00*y0[0] + h10*dt*y0[2] + h01*y1[0] + h11*dt*y1[2],
			h00*y0[1] + h10*dt*y0[3] + h01*y1[1] + h11*dt*y1[3],
			h00*y0[2] + h10*dt*a0[0] + h01*y1[2] + h11*dt*a1[0],
			h00*y0[3] + h10*dt*a0[1] + h01*y1[3] + h11*dt*a1[1],
		}
	}
	short := func(y pstate) float64 { return y[0]*cn - y[1]*sn }
	a, c := 0.0, 1.0
	fa, fc := short(y0), short(y1)
	y := y1
	side := 0
	for range 100 {
		if (c-a)*dt <= eventTol {
			break
		}
		s := c - fc*(c-a)/(fc-fa)
		if !(s > a && s < c) || math.IsNaN(s) {
			s = (a + c) / 2
		}
		ys := at(s)
		fs := short(ys)
		if fs == 0 {
			c, y = s, ys
			break
		}
		if (fs > 0) == (fc > 0) {
			c, fc, y = s, fs, ys
			if side == -1 {
				fa /= 2
			}
			side = -1
		} else {
			a, fa = s, fs
			if side == 1 {
				fc /= 2
			}
			side = 1
		}
	}
	v, gamma := speedGamma(y)
	return crossing{t0 + c*dt, altEvent(0, y), v, gamma}
}
