package intercept

import (
	"cmp"
	"math"
	"slices"
)

// Inserted kicks of the burnout model without a boost of their own. The
// burnout state is a smooth (analytic) function of the kick angle: the
// vertical rise does not depend on it, the pitch-over holds the thrust
// at it and the gravity turn follows. Cubic Lagrange interpolation over
// the four nearest kicks of the initial fan (≤ 1.24° apart) gives the
// burnout state to under a millimetre and 1e-4 m/s
// (TestBoostTableMatchesIntegration), the size of the integration's own
// error; the coast then follows in closed form (kepler.go). A column
// that the kick crosses during its boost takes the crossing interpolated
// the same way from the four kicks when all four cross it during their
// boosts too; where one crosses it after burnout, the crossing is only
// once differentiable in the kick across the burnout (the thrust stops),
// and the kick's boost is integrated instead.

// boostTableOn switches the interpolated boosts on; the tests switch it
// off to compare with the integrated ones.
var boostTableOn = true

// boostNode is one integrated boost of the initial fan.
type boostNode struct {
	kick float64
	seq  int    // index in fanKicks: the four nodes of a window must be consecutive kicks
	y    pstate // burnout state
	gBo  float64
	cols []crossing
}

// boostTable holds the initial fan's integrated boosts, by kick.
type boostTable struct {
	tBo   float64 // burnout time, s after launch (the same for every kick)
	dr    float64 // the envelope's column spacing, m
	nodes []boostNode
}

// window returns the first of the four nodes j, …, j+3 and their Lagrange
// weights at kick, and false where they are not four consecutive kicks
// of the fan (one did not fly: a boundary of the usable fan lies there).
func (b *boostTable) window(j int, kick float64) ([4]float64, bool) {
	var w [4]float64
	if j < 0 || j+3 >= len(b.nodes) || b.nodes[j+3].seq-b.nodes[j].seq != 3 {
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

// Tolerances of an interpolated boost-phase crossing: the interpolants
// over the two neighbouring windows of four kicks must agree with the
// central one within them, else the boost is integrated. They are the
// size of the integrated flyout's own error against the closed form
// (TestKeplerCoastMatchesIntegration) and below the resolution of the
// envelope's float32 times (3e-5 s at 500 s).
const (
	boostInterpTolT = 1e-5 // s
	boostInterpTolH = 0.05 // m
)

// crossing returns the crossing of column i interpolated over the window
// j with weights w, and false where a kick of the window does not cross
// it during its boost.
func (b *boostTable) crossing(j int, w [4]float64, i int) (crossing, bool) {
	var c crossing
	for a := range 4 {
		n := &b.nodes[j+a]
		if !(float64(i)*b.dr <= n.gBo) || !n.cols[i].ok() {
			return c, false
		}
		x := &n.cols[i]
		c.t += w[a] * x.t
		c.h += w[a] * x.h
		c.v += w[a] * x.v
		c.gamma += w[a] * x.gamma
	}
	return c, true
}

// member returns the fan member of kick with its burnout state
// interpolated and its coast in closed form, and false where the kick's
// boost must be integrated (see above).
func (b *boostTable) member(e *Envelope, kick, tEnd float64) (fanMember, bool) {
	j, _ := slices.BinarySearchFunc(b.nodes, kick, func(n boostNode, k float64) int { return cmp.Compare(n.kick, k) })
	j -= 2 // nodes j, j+1 below kick, j+2, j+3 above
	w, ok := b.window(j, kick)
	if !ok {
		return fanMember{}, false
	}
	var y pstate
	for a := range 4 {
		for c := range y {
			y[c] += w[a] * b.nodes[j+a].y[c]
		}
	}
	arc, ok := newKeplerArc(b.tBo, y, tEnd)
	if !ok {
		return fanMember{}, false
	}
	gBo := rangeOf(y)
	cols := e.arena.next(e.NR)
	if gBo >= e.DR {
		// the columns of the boost: checked against the interpolants of
		// the windows on either side
		wLo, okLo := b.window(j-1, kick)
		wHi, okHi := b.window(j+1, kick)
		if !okLo || !okHi {
			return fanMember{}, false
		}
		for i := 1; i < e.NR && float64(i)*e.DR <= gBo; i++ {
			c, ok := b.crossing(j, w, i)
			lo, okLo := b.crossing(j-1, wLo, i)
			hi, okHi := b.crossing(j+1, wHi, i)
			if !ok || !okLo || !okHi {
				return fanMember{}, false
			}
			for _, d := range []crossing{lo, hi} {
				if math.Abs(d.t-c.t) > boostInterpTolT || math.Abs(d.h-c.h) > boostInterpTolH {
					return fanMember{}, false
				}
			}
			cols[i] = c
		}
	}
	arc.crossings(e, cols, gBo)
	return fanMember{res: result{kick: kick, end: arc.end}, cols: cols}, true
}
