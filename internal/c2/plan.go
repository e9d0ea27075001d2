package c2

import (
	"math"

	"github.com/rampart-sim/rampart/internal/assign"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// Magazine is one launcher's interceptors.
type Magazine struct {
	Rounds  int // loaded at the start
	Left    int // not yet fired
	Reserve int // the last Reserve rounds go only to high-value threats
}

// Available returns the rounds a threat of the given value may draw.
func (m Magazine) Available(value float64, d scenario.Doctrine) int {
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

// Plan assigns at most one salvo to each threat, maximising the expected
// value removed Σ V_k (1 − (1 − p)^s) under the doctrine's salvo size and
// each magazine's rounds (see the package doc). A salvo is cut to the rounds
// available when fewer remain. It returns the orders sorted by threat; mags
// is not changed.
func Plan(cands []Candidate, mags []Magazine, d scenario.Doctrine) []Order {
	if len(cands) == 0 {
		return nil
	}
	// Columns: salvo slots of each launcher; rows: threats.
	var threats []int
	row := map[int]int{}
	for _, c := range cands {
		if _, ok := row[c.K]; !ok {
			row[c.K] = len(threats)
			threats = append(threats, c.K)
		}
	}
	type slot struct{ l, shots int }
	var slots []slot
	for l, m := range mags {
		left := m.Left
		// No more slots than threats are useful.
		for range len(threats) {
			if left <= 0 {
				break
			}
			s := min(d.Salvo, left)
			slots = append(slots, slot{l, s})
			left -= s
		}
	}
	if len(slots) == 0 {
		return nil
	}
	n, m := len(threats), len(slots)
	cost := make([]float64, n*m)
	for i := range cost {
		cost[i] = math.Inf(1)
	}
	best := make([]Candidate, n*m)
	for _, c := range cands {
		r := row[c.K]
		// A slot's position in its launcher's sequence: the salvo drawn
		// after the earlier slots, which must respect the reserve.
		used := 0
		for s, sl := range slots {
			if sl.l != c.L {
				continue
			}
			avail := mags[c.L].Available(c.Value, d) - used
			used += sl.shots
			shots := min(sl.shots, avail)
			if shots <= 0 || c.P <= 0 || c.Value <= 0 {
				continue
			}
			g := c.Value * SalvoKill(c.P, shots)
			if k := r*m + s; -g < cost[k] {
				cost[k] = -g
				best[k] = c
			}
		}
	}
	rowCol := make([]int, n)
	if _, _, err := assign.Solve(cost, n, m, rowCol); err != nil {
		return nil
	}
	var out []Order
	spent := make([]int, len(mags))
	for r, s := range rowCol {
		if s < 0 || math.IsInf(cost[r*m+s], 1) {
			continue
		}
		c := best[r*m+s]
		shots := min(slots[s].shots, mags[c.L].Available(c.Value, d)-spent[c.L])
		if shots <= 0 {
			continue
		}
		spent[c.L] += shots
		out = append(out, Order{Candidate: c, Shots: shots})
	}
	sortOrders(out)
	return out
}

func sortOrders(o []Order) {
	for i := 1; i < len(o); i++ {
		for j := i; j > 0 && o[j].K < o[j-1].K; j-- {
			o[j], o[j-1] = o[j-1], o[j]
		}
	}
}
