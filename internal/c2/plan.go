package c2

import (
	"cmp"
	"math"
	"slices"

	"github.com/rampart-sim/rampart/assign"
)

// Magazine is one launcher's interceptors.
type Magazine struct {
	Rounds  int // loaded at the start
	Left    int // not yet fired
	Reserve int // the last Reserve rounds go only to high-value threats
}

// Available returns the rounds a threat of the given value may draw.
func (m Magazine) Available(value float64, d Doctrine) int {
	if value >= d.ReserveMinValue {
		return m.Left
	}
	return max(0, m.Left-m.Reserve)
}

// Candidate is one possible engagement at a decision: launcher L can fire
// at threat K now, each interceptor killing with probability P.
type Candidate struct {
	K     int     // threat index (the caller's)
	L     int     // launcher index into the magazines given to Plan
	Value float64 // the threat's value (assets it threatens)
	P     float64 // single-shot kill probability
	// Salvo is the most shots of one salvo at this threat (the doctrine's
	// salvo for its class); 0: Doctrine.Salvo.
	Salvo int
}

// salvo returns the most shots of a salvo at c under d.
func (c Candidate) salvo(d Doctrine) int {
	if c.Salvo > 0 {
		return c.Salvo
	}
	return d.Salvo
}

// Order is one salvo to fire.
type Order struct {
	Candidate
	Shots int
}

// SalvoKill is the kill probability of s independent shots of probability p.
func SalvoKill(p float64, s int) float64 {
	return 1 - math.Pow(1-p, float64(s))
}

// exactLimit bounds the number of plans Plan enumerates exactly:
// Π_k (1 + salvo × launchers able to engage threat k).
const exactLimit = 20_000

// Plan assigns at most one salvo to each threat, maximising the expected
// value removed Σ V_k (1 − (1 − p)^s_k) (see the package doc). A salvo is
// 1 to Salvo shots from one launcher; a launcher fires at most its rounds,
// and at most its free rounds (Left − Reserve) at threats worth less than
// ReserveMinValue. When rounds do not bind every salvo is full; when they
// do, the plan may fire fewer shots at more threats, as the weapon-target
// assignment would.
// Small decisions (at most exactLimit plans) are solved by enumeration;
// larger ones by linear assignment of salvo slots (planAssign),
// which is exact when rounds do not bind. It returns the orders sorted by
// threat; mags is not changed.
func Plan(cands []Candidate, mags []Magazine, d Doctrine) []Order {
	if len(cands) == 0 {
		return nil
	}
	by := map[int][]Candidate{}
	var threats []int
	plans := 1
	for _, c := range cands {
		if _, ok := by[c.K]; !ok {
			threats = append(threats, c.K)
		}
		by[c.K] = append(by[c.K], c)
	}
	for _, k := range threats {
		n := 0
		for _, c := range by[k] {
			n += c.salvo(d)
		}
		plans *= 1 + n
		if plans > exactLimit {
			return planAssign(cands, mags, d)
		}
	}
	return planExact(threats, by, mags, d)
}

// planExact enumerates every plan: for each threat, no salvo, or a salvo
// of 1 to Salvo shots from one of its launchers, such that each launcher
// fires at most its rounds and at most its free rounds (Left − Reserve) at
// threats worth less than ReserveMinValue.
func planExact(threats []int, by map[int][]Candidate, mags []Magazine, d Doctrine) []Order {
	used := make([]int, len(mags))    // shots per launcher
	usedLow := make([]int, len(mags)) // shots per launcher at low-value threats
	cur := make([]Order, 0, len(threats))
	var best []Order
	bestV := 0.0
	var rec func(k int, v float64)
	rec = func(k int, v float64) {
		if k == len(threats) {
			if v > bestV {
				bestV, best = v, append(best[:0], cur...)
			}
			return
		}
		rec(k+1, v)
		for _, c := range by[threats[k]] {
			if c.P <= 0 || c.Value <= 0 {
				continue
			}
			m := mags[c.L]
			low := c.Value < d.ReserveMinValue
			for s := 1; s <= c.salvo(d); s++ {
				if used[c.L]+s > m.Left || low && usedLow[c.L]+s > m.Left-m.Reserve {
					break
				}
				used[c.L] += s
				if low {
					usedLow[c.L] += s
				}
				cur = append(cur, Order{Candidate: c, Shots: s})
				rec(k+1, v+c.Value*SalvoKill(c.P, s))
				cur = cur[:len(cur)-1]
				used[c.L] -= s
				if low {
					usedLow[c.L] -= s
				}
			}
		}
	}
	rec(0, 0)
	out := append([]Order(nil), best...)
	sortOrders(out)
	return out
}

// planAssign solves a decision as a linear assignment of threats to salvo
// slots. Each launcher offers slots of min(salvo, rounds) from its free
// rounds, which any threat may take, and from its reserve, which only
// threats worth ReserveMinValue may take. Rounds left over by cut slots are
// offered again in further passes to the threats still unassigned.
func planAssign(cands []Candidate, mags []Magazine, d Doctrine) []Order {
	left := append([]Magazine(nil), mags...)
	var out []Order
	done := map[int]bool{}
	for {
		var open []Candidate
		for _, c := range cands {
			if !done[c.K] {
				open = append(open, c)
			}
		}
		orders := assignPass(open, left, d)
		if len(orders) == 0 {
			break
		}
		for _, o := range orders {
			done[o.K] = true
			left[o.L].Left -= o.Shots
		}
		out = append(out, orders...)
	}
	sortOrders(out)
	return out
}

// slot is one salvo a launcher can fire in a pass.
type slot struct {
	l, shots int
	reserve  bool // drawn from the reserve
}

// assignPass is one exact assignment pass of planAssign.
func assignPass(cands []Candidate, mags []Magazine, d Doctrine) []Order {
	if len(cands) == 0 {
		return nil
	}
	var threats []int
	row := map[int]int{}
	for _, c := range cands {
		if _, ok := row[c.K]; !ok {
			row[c.K] = len(threats)
			threats = append(threats, c.K)
		}
	}
	salvo := 0 // the largest salvo of any candidate
	for _, c := range cands {
		salvo = max(salvo, c.salvo(d))
	}
	var slots []slot
	for l, m := range mags {
		free := max(0, m.Left-m.Reserve)
		for _, pool := range []struct {
			n       int
			reserve bool
		}{{free, false}, {m.Left - free, true}} {
			n := pool.n
			for range len(threats) { // more slots than threats are no use
				if n <= 0 {
					break
				}
				s := min(salvo, n)
				slots = append(slots, slot{l, s, pool.reserve})
				n -= s
			}
		}
	}
	if len(slots) == 0 {
		return nil
	}
	// One "hold fire" column per threat at cost 0: every threat can be
	// matched, so the solver's largest matching is always complete and its
	// least cost is the best plan (without them it would prefer more
	// salvos to better ones).
	n, m := len(threats), len(slots)+len(threats)
	cost := make([]float64, n*m)
	for i := range cost {
		cost[i] = math.Inf(1)
	}
	for r := range n {
		cost[r*m+len(slots)+r] = 0
	}
	best := make([]Candidate, n*m)
	for _, c := range cands {
		if c.P <= 0 || c.Value <= 0 {
			continue
		}
		r := row[c.K]
		for s, sl := range slots {
			if sl.l != c.L || sl.reserve && c.Value < d.ReserveMinValue {
				continue
			}
			if g := c.Value * SalvoKill(c.P, min(sl.shots, c.salvo(d))); -g < cost[r*m+s] {
				cost[r*m+s] = -g
				best[r*m+s] = c
			}
		}
	}
	rowCol := make([]int, n)
	if _, _, err := assign.Solve(cost, n, m, rowCol); err != nil {
		return nil
	}
	var out []Order
	for r, s := range rowCol {
		if s < 0 || s >= len(slots) || math.IsInf(cost[r*m+s], 1) {
			continue
		}
		c := best[r*m+s]
		out = append(out, Order{Candidate: c, Shots: min(slots[s].shots, c.salvo(d))})
	}
	return out
}

func sortOrders(o []Order) {
	slices.SortStableFunc(o, func(a, b Order) int { return cmp.Compare(a.K, b.K) })
}
