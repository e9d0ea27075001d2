package analysis

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sync"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
)

// The burnout-speed search of all engagements at once. Each engagement's
// search (bsRun.required) asks, one after another, whether the sweep
// interceptor at some lattice speed engages it; the next speed depends on
// the answer. Searched one engagement at a time, every engagement walks
// the same speeds, so every speed's envelope (~0.8 MB, tens of ms to
// build) must stay cached for the whole sweep. Searched in rounds, all
// engagements ask their next question together: each round builds the
// envelope of each speed asked, answers every engagement that asked it,
// and releases it. The questions and answers are those of the one-by-one
// search, so the required speeds and the window count are the same; the
// speeds of a round are answered in parallel, each by one worker, and
// only the envelopes of the speeds in hand are held.

// bsQuery is one engagement's burnout-speed search in progress.
type bsQuery struct {
	en       *SweepEngagement // receives RequiredBurnoutSpeedKms
	base     int              // row interceptor index (bsRun.ics)
	site     geo.LLA
	tj       *Trajectory
	decision float64

	j        int  // lattice index asked next
	prev     int  // last grid index that did not engage, −1: none
	lo, hi   int  // bisection bracket, once bisecting
	bisect   bool // in the bisection phase
	done     bool
	required float64 // m/s, once done and found
	found    bool
}

// answer advances q by the answer for its lattice index q.j, as
// bsRun.required's loops do.
func (q *bsQuery) answer(s BurnoutSweep, engages bool) {
	if !q.bisect {
		if !engages {
			q.prev = q.j
			q.j += s.gridSteps()
			if q.j > s.latticeMax() {
				q.done = true
			}
			return
		}
		if q.prev < 0 {
			q.done, q.found, q.required = true, true, s.speed(q.j)
			return
		}
		q.bisect, q.lo, q.hi = true, q.prev, q.j
	} else if engages {
		q.hi = q.j
	} else {
		q.lo = q.j
	}
	if q.hi-q.lo > 1 {
		q.j = (q.lo + q.hi) / 2
		return
	}
	q.done, q.found, q.required = true, true, s.speed(q.hi)
}

// requiredAll runs the burnout-speed search of every query in rounds on
// the sweep's workers and sets each engagement's required speed.
// The searches of each sweep template (bsRun.tmpl) run their rounds side
// by side, so that a worker left idle by one template's short round takes
// another's speed. The result does not depend on the number of workers.
func (b *bsRun) requiredAll(qs []*bsQuery) {
	byTmpl := make([][]*bsQuery, len(b.tmpl))
	finished := 0
	for _, q := range qs {
		q.prev = -1
		q.done = q.j > b.sweep.latticeMax()
		if q.done {
			finished++
		}
		byTmpl[b.tmplOf[q.base]] = append(byTmpl[b.tmplOf[q.base]], q)
	}
	if b.searched != nil && finished > 0 {
		b.searched(finished)
	}
	var wg sync.WaitGroup
	for _, group := range byTmpl {
		wg.Go(func() { b.searchRounds(group) })
	}
	wg.Wait()
	for _, q := range qs {
		if q.found {
			q.en.RequiredBurnoutSpeedKms = bsPtr(q.required / 1e3)
		}
	}
}

// searchRounds runs the searches qs (of one sweep template) round by
// round. Each speed asked in a round is answered under one worker slot: its
// envelope built, every query that asked it answered, the envelope
// released.
func (b *bsRun) searchRounds(qs []*bsQuery) {
	for {
		asks := map[bsSpeedKey][]*bsQuery{}
		for _, q := range qs {
			if !q.done {
				k := bsSpeedKey{b.tmplOf[q.base], b.sweep.speed(q.j)}
				asks[k] = append(asks[k], q)
			}
		}
		if len(asks) == 0 {
			return
		}
		keys := slices.SortedFunc(maps.Keys(asks), func(a, c bsSpeedKey) int {
			return cmp.Or(cmp.Compare(a.base, c.base), cmp.Compare(a.speed, c.speed))
		})
		ics := make([]*intercept.Interceptor, len(keys))
		for n, k := range keys {
			ics[n] = b.interceptorAt(asks[k][0].base, k.speed)
		}
		answers := make([][]bool, len(keys))
		b.each(len(keys), func(n int) {
			group := asks[keys[n]]
			answers[n] = make([]bool, len(group))
			for m, q := range group {
				// Only whether a window exists is asked: the scan stops at
				// its first feasible intercept (intercept.FirstLaunch's ok
				// is Window's). It counts as a window (SweepCost.Windows).
				t0, t1 := q.tj.flight.Span()
				_, answers[n][m], _ = intercept.FirstLaunch(q.site, ics[n], q.tj.path.At, math.Max(t0, q.decision), t1, q.decision)
			}
			b.windows.Add(int64(len(group)))
			if !b.keep[keys[n]] {
				ics[n].ReleaseEnvelope()
			}
		})
		finished := 0
		for n, k := range keys {
			for m, q := range asks[k] {
				q.answer(b.sweep, answers[n][m])
				if q.done {
					finished++
				}
			}
		}
		if b.searched != nil && finished > 0 {
			b.searched(finished)
		}
	}
}
