package analysis

import (
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/internal/intercept"
)

// requiredOneByOne is the burnout-speed search of one engagement as it ran
// before the round-by-round search (bsQuery): the grid, then bisection in
// the first grid bracket that engages. engages answers lattice index j;
// asked counts the questions.
func requiredOneByOne(s BurnoutSweep, engages func(j int) bool) (v float64, ok bool, asked int) {
	ask := func(j int) bool { asked++; return engages(j) }
	step, n, prev := s.gridSteps(), s.latticeMax(), -1
	for j := 0; j <= n; j += step {
		if !ask(j) {
			prev = j
			continue
		}
		if prev < 0 {
			return s.speed(j), true, asked
		}
		lo, hi := prev, j
		for hi-lo > 1 {
			if m := (lo + hi) / 2; ask(m) {
				hi = m
			} else {
				lo = m
			}
		}
		return s.speed(hi), true, asked
	}
	return 0, false, asked
}

// TestSearchQueryMatchesOneByOne: the round-by-round search asks the same
// questions and finds the same speed as the one-engagement-at-a-time
// search, for engageability monotone or not in speed.
func TestSearchQueryMatchesOneByOne(t *testing.T) {
	s := BurnoutSweep{}.withDefaults()
	rng := rand.New(rand.NewPCG(13, 1))
	n := s.latticeMax() + 1
	for trial := range 2000 {
		yes := make([]bool, n)
		switch trial % 3 {
		case 0: // monotone: engages from some index on (or never)
			from := rng.IntN(n + 10)
			for j := range yes {
				yes[j] = j >= from
			}
		default: // arbitrary
			p := rng.Float64()
			for j := range yes {
				yes[j] = rng.Float64() < p
			}
		}
		want, wantOK, wantAsked := requiredOneByOne(s, func(j int) bool { return yes[j] })
		q := &bsQuery{prev: -1}
		asked := 0
		for !q.done {
			asked++
			q.answer(s, yes[q.j])
		}
		if q.found != wantOK || q.required != want || asked != wantAsked {
			t.Fatalf("trial %d: rounds give (%v, %v) after %d questions, one by one (%v, %v) after %d", trial, q.required, q.found, asked, want, wantOK, wantAsked)
		}
	}
}

// TestSweepReleasesEnvelopes: a burnout-speed sweep leaves in the envelope
// cache only the row interceptors' own envelopes and those of the speed
// band's catalog points, not one per sweep speed (before issue 13 every
// sweep speed's envelope, ~0.8 MB each, stayed cached for the life of the
// process: 235 MB after redzikowo-icbm). It also checks that the search
// gives the same result on 1 and 2 workers.
func TestSweepReleasesEnvelopes(t *testing.T) {
	req := bsRequest(bsWestern[:1], []string{"Washington DC"}, []string{"min-energy"})
	req.Interceptors = []string{"SM-3 IIA"}
	req.Sites = req.Sites[:1]
	req.Cueings = []Cueing{{Kind: CueLaunch}, {Kind: CueOwnRadar, SpaceWarning: true}}
	req.Sweep = BurnoutSweep{MinKms: 3, MaxKms: 6, GridKms: 0.5, TolKms: 0.125}
	before := intercept.CachedEnvelopes()
	one, err := BattleSpaceSweepOn(req, flight.Physics{}, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	// the flown SM-3 IIA and its two other catalog picks
	const rowEnvelopes = 3
	if got := intercept.CachedEnvelopes() - before; got > rowEnvelopes {
		t.Errorf("the sweep left %d more envelopes cached (%d sweep speeds); want at most %d", got, one.Cost.BurnoutSpeeds, rowEnvelopes)
	}
	if one.Cost.BurnoutSpeeds < 4 {
		t.Fatalf("the sweep flew %d speeds; the test needs several", one.Cost.BurnoutSpeeds)
	}
	two, err := BattleSpaceSweepOn(req, flight.Physics{}, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range one.Engagements {
		a, b := one.Engagements[i].RequiredBurnoutSpeedKms, two.Engagements[i].RequiredBurnoutSpeedKms
		if (a == nil) != (b == nil) || a != nil && *a != *b {
			t.Errorf("engagement %d: required speed %s on 1 worker, %s on 2", i, bsKms(a), bsKms(b))
		}
	}
	if one.Cost.Windows != two.Cost.Windows || one.Cost.BurnoutSpeeds != two.Cost.BurnoutSpeeds {
		t.Errorf("cost %+v on 1 worker, %+v on 2", one.Cost, two.Cost)
	}
}
