package c2

import (
	"math/rand/v2"
	"testing"
)

// benchDecision is a decision of k threats and l launchers, each able to
// engage each threat.
func benchDecision(k, l int) ([]Candidate, []Magazine) {
	rng := rand.New(rand.NewPCG(1, 2))
	var cands []Candidate
	for t := range k {
		v := float64(1 + rng.IntN(10))
		for j := range l {
			cands = append(cands, Candidate{K: t, L: j, Value: v, P: 0.3 + 0.6*rng.Float64()})
		}
	}
	mags := make([]Magazine, l)
	for j := range mags {
		mags[j] = Magazine{Rounds: 24, Left: 24}
	}
	return cands, mags
}

// BenchmarkPlanSmall is a typical decision (3 threats, 2 launchers),
// solved by enumeration.
func BenchmarkPlanSmall(b *testing.B) {
	cands, mags := benchDecision(3, 2)
	d := DefaultDoctrine()
	b.ReportAllocs()
	for b.Loop() {
		Plan(cands, mags, d)
	}
}

// BenchmarkPlanLarge is a raid decision (40 threats, 4 launchers), solved
// by slot assignment.
func BenchmarkPlanLarge(b *testing.B) {
	cands, mags := benchDecision(40, 4)
	d := DefaultDoctrine()
	b.ReportAllocs()
	for b.Loop() {
		Plan(cands, mags, d)
	}
}
