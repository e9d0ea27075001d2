package c2

import (
	"math"
	"math/rand/v2"
	"testing"
)

// planTol is the tolerance on expected values compared between Plan and
// brute force: both sum the same few products, so only rounding differs.
const planTol = 1e-12

// TestSalvoKill checks the salvo arithmetic against hand values: two shots
// of Pk 0.8 leave 0.2² = 0.04 (Wilkening 2000, eq. 1 with one warhead).
func TestSalvoKill(t *testing.T) {
	for _, c := range []struct {
		p    float64
		s    int
		want float64
	}{{0.8, 2, 0.96}, {0.5, 1, 0.5}, {0.5, 3, 0.875}, {0, 4, 0}, {1, 1, 1}} {
		if got := SalvoKill(c.p, c.s); math.Abs(got-c.want) > planTol {
			t.Errorf("SalvoKill(%g, %d) = %g, want %g", c.p, c.s, got, c.want)
		}
	}
}

// removed is the expected value removed by a set of orders.
func removed(orders []Order) float64 {
	v := 0.0
	for _, o := range orders {
		v += o.Value * SalvoKill(o.P, o.Shots)
	}
	return v
}

// bruteForce enumerates every choice of at most one salvo per threat (a
// launcher and 1 to Salvo shots) and keeps, among those within every
// launcher's rounds and free rounds (for threats below ReserveMinValue),
// the largest value removed.
func bruteForce(cands []Candidate, mags []Magazine, d Doctrine) float64 {
	best := 0.0
	shots := make([]int, len(cands)) // shots of each candidate; 0 = not chosen
	var rec func(i int)
	rec = func(i int) {
		if i == len(cands) {
			used, low := make([]int, len(mags)), make([]int, len(mags))
			per := map[int]int{}
			v := 0.0
			for j, c := range cands {
				if shots[j] == 0 {
					continue
				}
				per[c.K]++
				used[c.L] += shots[j]
				if c.Value < d.ReserveMinValue {
					low[c.L] += shots[j]
				}
				v += c.Value * SalvoKill(c.P, shots[j])
			}
			for _, n := range per {
				if n > 1 {
					return
				}
			}
			for l, m := range mags {
				if used[l] > m.Left || low[l] > max(0, m.Left-m.Reserve) {
					return
				}
			}
			best = math.Max(best, v)
			return
		}
		for s := 0; s <= d.Salvo; s++ {
			shots[i] = s
			rec(i + 1)
		}
		shots[i] = 0
	}
	rec(0)
	return best
}

// TestPlanMatchesBruteForce: on small random decisions Plan (by
// enumeration) removes as much expected value as the best of all feasible
// choices, and at least as much as the greedy rule; so does planAssign
// when rounds do not bind (each magazine holds a full salvo for every
// threat, no reserve).
// Neither spends more rounds than a magazine holds or gives a threat two
// salvos.
func TestPlanMatchesBruteForce(t *testing.T) {
	const seed = 11
	rng := rand.New(rand.NewPCG(seed, 0))
	for trial := range 300 {
		nl, nk := 1+rng.IntN(3), 1+rng.IntN(4)
		d := Doctrine{Salvo: 1 + rng.IntN(3), ShootLookShoot: true}
		if rng.IntN(3) == 0 {
			d.Reserve, d.ReserveMinValue = 1+rng.IntN(2), 8
		}
		whole := rng.IntN(2) == 0 && d.Reserve == 0
		mags := make([]Magazine, nl)
		for l := range mags {
			r := rng.IntN(7)
			if whole {
				r = d.Salvo * (nk + rng.IntN(2))
			}
			mags[l] = Magazine{Rounds: r, Left: r, Reserve: d.Reserve}
		}
		var cands []Candidate
		for k := range nk {
			v := float64(1 + rng.IntN(10))
			for l := range nl {
				if rng.IntN(4) > 0 {
					cands = append(cands, Candidate{K: k, L: l, Value: v, P: rng.Float64()})
				}
			}
		}
		want := bruteForce(cands, mags, d)
		if g := removed(greedy(cands, mags, d)); g > want+planTol*math.Max(1, want) {
			t.Fatalf("seed %d trial %d: greedy %g beats brute force %g", seed, trial, g, want)
		}
		checkPlan(t, "Plan", Plan(cands, mags, d), want, cands, mags, d)
		if whole {
			checkPlan(t, "planAssign", planAssign(cands, mags, d), want, cands, mags, d)
		}
	}
}

func checkPlan(t *testing.T, name string, orders []Order, want float64, cands []Candidate, mags []Magazine, d Doctrine) {
	t.Helper()
	nl := len(mags)
	{
		if got := removed(orders); math.Abs(got-want) > planTol*math.Max(1, want) {
			t.Fatalf("%s removes %g, brute force %g\ncands %+v\nmags %+v\ndoctrine %+v\norders %+v", name, got, want, cands, mags, d, orders)
		}
		used := make([]int, nl)
		seen := map[int]bool{}
		for _, o := range orders {
			if seen[o.K] {
				t.Fatalf("%s: threat %d got two salvos", name, o.K)
			}
			seen[o.K] = true
			if o.Shots < 1 || o.Shots > d.Salvo {
				t.Fatalf("%s: salvo of %d, doctrine %d", name, o.Shots, d.Salvo)
			}
			used[o.L] += o.Shots
		}
		for l, u := range used {
			if u > mags[l].Left {
				t.Fatalf("%s: launcher %d fires %d of %d rounds", name, l, u, mags[l].Left)
			}
		}
	}
}

// greedy fires, one salvo at a time, the salvo with the largest expected
// value removed (maximum marginal return with one salvo per threat).
func greedy(cands []Candidate, mags []Magazine, d Doctrine) []Order {
	left := append([]Magazine(nil), mags...)
	done := map[int]bool{}
	var out []Order
	for {
		best, bestG, bestS := -1, 0.0, 0
		for i, c := range cands {
			if done[c.K] {
				continue
			}
			s := min(d.Salvo, left[c.L].Available(c.Value, d))
			if s <= 0 {
				continue
			}
			if g := c.Value * SalvoKill(c.P, s); g > bestG {
				best, bestG, bestS = i, g, s
			}
		}
		if best < 0 {
			return out
		}
		c := cands[best]
		done[c.K] = true
		left[c.L].Left -= bestS
		out = append(out, Order{Candidate: c, Shots: bestS})
	}
}

// TestReserveHeldForHighValue: the last rounds of a launcher go only to a
// threat worth at least ReserveMinValue.
func TestReserveHeldForHighValue(t *testing.T) {
	d := Doctrine{Salvo: 2, Reserve: 2, ReserveMinValue: 10}
	mags := []Magazine{{Rounds: 2, Left: 2, Reserve: 2}}
	low := []Candidate{{K: 0, L: 0, Value: 5, P: 0.9}}
	if o := Plan(low, mags, d); len(o) != 0 {
		t.Errorf("Plan(low-value threat, reserve only) = %+v, want no order", o)
	}
	high := []Candidate{{K: 0, L: 0, Value: 10, P: 0.9}}
	if o := Plan(high, mags, d); len(o) != 1 || o[0].Shots != 2 {
		t.Errorf("Plan(high-value threat, reserve only) = %+v, want one salvo of 2", o)
	}
}

// TestPlanCutsSalvoToRounds: a launcher with one round left fires one.
func TestPlanCutsSalvoToRounds(t *testing.T) {
	d := Doctrine{Salvo: 3}
	o := Plan([]Candidate{{K: 7, L: 0, Value: 1, P: 0.5}}, []Magazine{{Rounds: 10, Left: 1}}, d)
	if len(o) != 1 || o[0].Shots != 1 || o[0].K != 7 {
		t.Errorf("Plan = %+v, want one order of 1 shot at threat 7", o)
	}
}

// TestPlanClassSalvo: a candidate's Salvo caps its salvo below the
// doctrine's (a cruise missile at salvo_cruise 1 beside a ballistic
// missile at salvo 3), in the exact plan and in the assignment.
func TestPlanClassSalvo(t *testing.T) {
	d := Doctrine{Salvo: 3}
	cands := []Candidate{
		{K: 0, L: 0, Value: 10, P: 0.5},           // ballistic: the doctrine's 3
		{K: 1, L: 0, Value: 10, P: 0.5, Salvo: 1}, // cruise: 1
	}
	mags := []Magazine{{Rounds: 10, Left: 10}}
	for name, plan := range map[string][]Order{"exact": Plan(cands, mags, d), "assign": planAssign(cands, mags, d)} {
		got := map[int]int{}
		for _, o := range plan {
			got[o.K] = o.Shots
		}
		if got[0] != 3 || got[1] != 1 {
			t.Errorf("%s plan %+v: shots %v, want 3 at threat 0 and 1 at threat 1", name, plan, got)
		}
	}
	// With 2 rounds, the expected value removed is largest with one shot
	// at each (10·0.5 + 10·0.5 = 10 against 10·0.75 = 7.5).
	short := []Magazine{{Rounds: 2, Left: 2}}
	plan := Plan(cands, short, d)
	if len(plan) != 2 || plan[0].Shots != 1 || plan[1].Shots != 1 {
		t.Errorf("2 rounds: plan %+v, want one shot at each threat", plan)
	}
}
