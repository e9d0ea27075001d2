package track

import (
	"math"
	"slices"
	"sort"
)

// gateIndex finds, for a dwell's detections, the tracks that farApart
// might not reject, without testing every track: it orders the live tracks
// by where along ECEF x their coarse gate can reach during the scan, so a
// dwell looks only at the tracks near its detections. It is exact: every
// track it leaves out is one that farApart rejects for every detection of
// the dwell, so gating, and the assignment, are the same as over all
// tracks.
//
// The bound: farApart keeps detection j for track e only if
//
//	|x + v·dt − p| ≤ r = c·√(γ·(s² + tr_j)) ≤ c·√γ·(s + √tr_j),
//
// with dt = t_j − e.T, s = σp + σv·|dt| + 50·dt² the predicted spread,
// tr_j the trace of the detection's position covariance, γ the gate and
// c = coarseGateFactor. Over a scan whose detection times lie in
// [tlo, thi], dt lies in [tlo − e.T, thi − e.T], so |dt| ≤ D, s ≤ S =
// σp + σv·D + 50·D², and the x component of x + v·dt lies within w of the
// middle m of its path, w = |vx|·(thi − tlo)/2 + c·√γ·S. A track is then
// a candidate for detection j only if |p_x − m| ≤ w + c·√γ·√tr_j.
type gateIndex struct {
	tlo, thi float64 // detection times of the scan
	cg       float64 // c·√γ
	// mid and half hold each track's m and w (by track index); byMid
	// lists the narrow tracks ordered by (m, index), wide the others,
	// which every dwell tests; wmax bounds w over byMid.
	mid, half []float64
	// sp and sv are each track's RSS position and velocity σ (spreads),
	// formed for the reach and kept for farApart.
	sp, sv []float64
	byMid  []int
	wide   []int
	wmax   float64
	// scratch
	mark  []uint32 // per track: the query stamp that listed it
	stamp uint32
	cand  []int
	// near is, per track listed by the latest query, the detections (bit
	// j for detection j < 64) it was listed for; allNear for every one.
	near []uint64
}

// allNear marks a track that every detection of a query must test.
const allNear = ^uint64(0)

// nearBit is detection j's bit in gateIndex.near: allNear for j ≥ 64,
// whose bit a uint64 does not hold.
func nearBit(j int) uint64 {
	if j >= 64 {
		return allNear
	}
	return 1 << uint(j)
}

// gateWideLimit is the reach w, m, beyond which a track is tested by every
// dwell rather than looked up: a new track's wide velocity σ would
// otherwise widen every lookup.
const gateWideLimit = 200e3

// gateSlack widens each lookup, m, beyond the exact bound so that rounding
// in farApart's distance (about 1e-9 m at Earth radius) and in the bound
// (relative 1e-15) cannot drop a track that farApart keeps.
const gateSlack = 1.0

// reset starts the index for a scan with detection times in [tlo, thi].
func (g *gateIndex) reset(tracks []*Track, tlo, thi, gate float64) {
	g.tlo, g.thi = tlo, thi
	g.cg = coarseGateFactor * math.Sqrt(gate)
	g.mid, g.half = g.mid[:0], g.half[:0]
	g.sp, g.sv = g.sp[:0], g.sv[:0]
	g.byMid, g.wide = g.byMid[:0], g.wide[:0]
	g.wmax = 0
	for i, k := range tracks {
		m, w, sp, sv := g.reach(&k.Estimate)
		g.mid, g.half = append(g.mid, m), append(g.half, w)
		g.sp, g.sv = append(g.sp, sp), append(g.sv, sv)
		if g.isWide(i) {
			g.wide = append(g.wide, i)
			continue
		}
		g.byMid = append(g.byMid, i)
		g.wmax = math.Max(g.wmax, w)
	}
	slices.SortFunc(g.byMid, g.cmp)
}

func (g *gateIndex) isWide(i int) bool {
	m, w := g.mid[i], g.half[i]
	return !(w <= gateWideLimit) || math.IsNaN(m) || math.IsInf(m, 0)
}

func (g *gateIndex) cmp(a, b int) int {
	switch {
	case g.mid[a] < g.mid[b]:
		return -1
	case g.mid[a] > g.mid[b]:
		return 1
	}
	return a - b
}

// reach returns m and w for an estimate (see gateIndex), and its spreads.
func (g *gateIndex) reach(e *Estimate) (m, w, sp, sv float64) {
	lo, hi := g.tlo-e.T, g.thi-e.T
	d := math.Max(math.Abs(lo), math.Abs(hi))
	sp, sv = spreads(e)
	s := sp + sv*d + 50*d*d
	m = e.X[0] + e.X[3]*(lo+hi)/2
	w = math.Abs(e.X[3])*(hi-lo)/2 + g.cg*s
	// Relative slack for the rounding of the bound itself.
	return m, w*(1+1e-9) + gateSlack, sp, sv
}

// add enters track i (appended to the tracker's tracks) into the index.
func (g *gateIndex) add(i int, e *Estimate) {
	m, w, sp, sv := g.reach(e)
	g.mid, g.half = append(g.mid, m), append(g.half, w)
	g.sp, g.sv = append(g.sp, sp), append(g.sv, sv)
	g.place(i)
}

// moved re-enters track i after its estimate changed.
func (g *gateIndex) moved(i int, e *Estimate) {
	if !g.isWide(i) {
		if k, ok := g.find(i); ok {
			// Most updates move a track less than the gap to its
			// neighbours: it keeps its place in byMid.
			m, w := g.mid[i], g.half[i]
			g.mid[i], g.half[i], g.sp[i], g.sv[i] = g.reach(e)
			if !g.isWide(i) && (k == 0 || g.cmp(g.byMid[k-1], i) < 0) &&
				(k == len(g.byMid)-1 || g.cmp(i, g.byMid[k+1]) < 0) {
				g.wmax = math.Max(g.wmax, g.half[i])
				return
			}
			g.mid[i], g.half[i] = m, w
		}
	}
	if g.isWide(i) {
		if k := slices.Index(g.wide, i); k >= 0 {
			g.wide = slices.Delete(g.wide, k, k+1)
		}
	} else if k, ok := g.find(i); ok {
		g.byMid = slices.Delete(g.byMid, k, k+1)
	}
	g.mid[i], g.half[i], g.sp[i], g.sv[i] = g.reach(e)
	g.place(i)
}

// find returns where track i is, or would be, in byMid, and whether it is
// there: slices.BinarySearchFunc(g.byMid, i, g.cmp), written out.
func (g *gateIndex) find(i int) (int, bool) {
	m := g.mid[i]
	lo, hi := 0, len(g.byMid)
	for lo < hi { // at most log₂(len(byMid)) + 1 rounds
		h := int(uint(lo+hi) >> 1)
		b := g.byMid[h]
		if mb := g.mid[b]; mb < m || (mb == m && b < i) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < len(g.byMid) && g.byMid[lo] == i
}

func (g *gateIndex) place(i int) {
	if g.isWide(i) {
		g.wide = append(g.wide, i)
		return
	}
	k, _ := g.find(i)
	g.byMid = slices.Insert(g.byMid, k, i)
	g.wmax = math.Max(g.wmax, g.half[i])
}

// candidates returns, in increasing order, the tracks that farApart may
// keep for some detection of dets (the dwell's positions); g.near[i] then
// says which detections track i may be kept for (farApart rejects every
// other). The slice is reused by the next call.
func (g *gateIndex) candidates(dets []detPosition, ntracks int) []int {
	g.cand = g.cand[:0]
	if len(g.mark) < ntracks {
		g.mark = append(g.mark, make([]uint32, ntracks-len(g.mark))...)
		g.near = append(g.near, make([]uint64, ntracks-len(g.near))...)
	}
	g.stamp++
	if g.stamp == 0 { // wrapped: forget every old stamp
		clear(g.mark)
		g.stamp = 1
	}
	list := func(i int, bit uint64) {
		if g.mark[i] != g.stamp {
			g.mark[i] = g.stamp
			g.cand = append(g.cand, i)
			g.near[i] = 0
		}
		g.near[i] |= bit
	}
	for _, i := range g.wide {
		list(i, allNear)
	}
	for j := range dets {
		p, rho := dets[j].p[0], g.cg*math.Sqrt(dets[j].tr)
		bit := nearBit(j)
		if math.IsNaN(p) || math.IsInf(p, 0) || math.IsNaN(rho) || math.IsInf(rho, 0) {
			for i := range ntracks {
				list(i, bit)
			}
			continue
		}
		lo := p - rho - g.wmax - gateSlack
		hi := p + rho + g.wmax + gateSlack
		k := sort.Search(len(g.byMid), func(k int) bool { return g.mid[g.byMid[k]] >= lo })
		for ; k < len(g.byMid); k++ {
			i := g.byMid[k]
			m := g.mid[i]
			if m > hi {
				break
			}
			if math.Abs(p-m) <= g.half[i]+rho+gateSlack {
				list(i, bit)
			}
		}
	}
	slices.Sort(g.cand)
	return g.cand
}
