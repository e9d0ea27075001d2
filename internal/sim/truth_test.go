package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/internal/track"
)

// truthOfAll is the matching rule truthIndex implements, over every flight:
// the nearest true position in Mahalanobis distance within the gate, the
// lower index on a tie, −1 if none or if the covariance is singular.
func truthOfAll(tk *track.Track, truth []truthPos, gate float64) int {
	best, bestD := -1, gate
	for i, tp := range truth {
		if !tp.ok {
			continue
		}
		d2, ok := tk.Estimate.PositionDistance2(tp.p)
		if !ok {
			return -1
		}
		if d2 < bestD {
			best, bestD = i, d2
		}
	}
	return best
}

// randomCov returns a random position covariance with axis σ between lo
// and hi, m, along random axes, in the 6×6 P of an estimate.
func randomCov(rng *rand.Rand, lo, hi float64) track.Mat6 {
	var q [3][3]float64
	// Gram–Schmidt on three random vectors.
	for a := range 3 {
		for b := range 3 {
			q[a][b] = rng.NormFloat64()
		}
		for c := range a {
			var dot float64
			for b := range 3 {
				dot += q[a][b] * q[c][b]
			}
			for b := range 3 {
				q[a][b] -= dot * q[c][b]
			}
		}
		n := math.Sqrt(q[a][0]*q[a][0] + q[a][1]*q[a][1] + q[a][2]*q[a][2])
		for b := range 3 {
			q[a][b] /= n
		}
	}
	var s [3]float64
	for a := range s {
		s[a] = lo * math.Pow(hi/lo, rng.Float64())
	}
	var p track.Mat6
	for i := range 3 {
		for j := range 3 {
			for a := range 3 {
				p[i][j] += q[a][i] * s[a] * s[a] * q[a][j]
			}
		}
	}
	for i := range 3 {
		for j := range i {
			p[i][j] = p[j][i] // exactly symmetric, as the tracker keeps P
		}
		p[i+3][i+3] = 100
	}
	return p
}

// TestTruthIndexMatchesEveryFlight checks that the sorted index returns the
// flight the rule over every flight returns, for clustered raids, tracks
// with well- and ill-conditioned covariances (the latter beyond the
// radius bound's condition limit, so scanned in full), and exact ties.
func TestTruthIndexMatchesEveryFlight(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	gate := track.GateThreshold(truthGateProb, 3)
	const flights, tracks = 400, 400
	for _, spread := range []float64{2e3, 50e3, 1e6} {
		ti := newTruthIndex(flights, gate)
		truth := make([]truthPos, flights)
		base := track.Vec3{4.0e6, 3.0e6, 3.5e6}
		for i := range truth {
			ok := rng.Float64() > 0.1
			p := track.Vec3{base[0] + spread*rng.NormFloat64(), base[1] + spread*rng.NormFloat64(), base[2] + spread*rng.NormFloat64()}
			if i%50 == 7 && i > 0 {
				p, ok = truth[i-1].p, truth[i-1].ok // an exact tie
			}
			truth[i] = truthPos{p: p, ok: ok}
			ti.set(i, p, ok)
		}
		ti.sort()
		matched := 0
		for k := range tracks {
			i := rng.IntN(flights)
			var tk track.Track
			lo, hi := 5.0, 5e3
			if k%10 == 0 {
				lo, hi = 0.01, 1e4 // condition number up to 1e12
			}
			tk.Estimate.P = randomCov(rng, lo, hi)
			sig := math.Sqrt(tk.Estimate.P[0][0])
			for a := range 3 {
				tk.Estimate.X[a] = truth[i].p[a] + 3*sig*rng.NormFloat64()
			}
			want := truthOfAll(&tk, truth, gate)
			if got := ti.of(&tk); got != want {
				t.Fatalf("spread %g m, track %d: truthIndex.of = %d, want %d", spread, k, got, want)
			}
			if want >= 0 {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("spread %g m: no track matched; the test checks nothing", spread)
		}
	}
}
