package track

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCovarianceIntersectionBounds checks, on random pairs, that the fused
// covariance is no smaller than the information-filter (independent errors)
// result (P_CI − P_IF ⪰ 0) and, minimising the trace, that its trace is at
// most each input's.
func TestCovarianceIntersectionBounds(t *testing.T) {
	const seed = 31337
	rng := rand.New(rand.NewPCG(seed, 6))
	for trial := range 200 {
		a := Estimate{T: 5, P: randomSPD(rng, 500, 50)}
		b := Estimate{T: 5, P: randomSPD(rng, 500, 50)}
		for i := range 6 {
			a.X[i] = rng.NormFloat64() * 100
			b.X[i] = a.X[i] + rng.NormFloat64()*10
		}
		for _, crit := range []CICriterion{MinTrace, MinDet} {
			f, w, err := CovarianceIntersection(&a, &b, crit)
			if err != nil {
				t.Fatalf("seed %d trial %d: CovarianceIntersection error %v", seed, trial, err)
			}
			if w < 0 || w > 1 || !isSymPD(&f.P) {
				t.Fatalf("seed %d trial %d: CovarianceIntersection ω = %v, P SPD %v", seed, trial, w, isSymPD(&f.P))
			}
			ai, _, _ := invSPD6(&a.P)
			bi, _, _ := invSPD6(&b.P)
			info := add6(&ai, &bi)
			pif, _, _ := invSPD6(&info)
			var diff Mat6
			for i := range 6 {
				for j := range 6 {
					diff[i][j] = f.P[i][j] - pif[i][j]
				}
			}
			// P_CI − P_IF is PSD: add a tiny ridge for rounding.
			for i := range 6 {
				diff[i][i] += 1e-9 * f.P[i][i]
			}
			if _, ok := chol6(&diff); !ok {
				t.Errorf("seed %d trial %d crit %d: P_CI − P_IF not positive semi-definite (ω = %v)", seed, trial, crit, w)
			}
			if crit == MinTrace {
				tf, ta, tb := trace6(&f.P), trace6(&a.P), trace6(&b.P)
				if tf > ta*(1+1e-12) || tf > tb*(1+1e-12) {
					t.Errorf("seed %d trial %d: tr P_CI = %v, want ≤ min(%v, %v)", seed, trial, tf, ta, tb)
				}
			}
		}
	}
}

func trace6(p *Mat6) float64 {
	var s float64
	for i := range 6 {
		s += p[i][i]
	}
	return s
}

// TestCovarianceIntersectionConsistent fuses two estimates whose errors are
// strongly correlated (unknown to the fuser): the CI result stays
// consistent (average NEES ≤ 6 within sampling), while the naive
// information-filter fusion is overconfident.
func TestCovarianceIntersectionConsistent(t *testing.T) {
	const seed = 8
	rng := rand.New(rand.NewPCG(seed, 7))
	runs := 2000
	if testing.Short() {
		runs = 500
	}
	pa := randomSPD(rng, 300, 30)
	pb := randomSPD(rng, 300, 30)
	la, _ := chol6(&pa)
	lb, _ := chol6(&pb)
	const rho = 0.9 // correlation of the two error sources
	var sumCI, sumIF float64
	for range runs {
		var n1, n2 Vec6
		for i := range 6 {
			n1[i] = rng.NormFloat64()
			n2[i] = rho*n1[i] + math.Sqrt(1-rho*rho)*rng.NormFloat64()
		}
		var ea, eb Vec6
		for i := range 6 {
			for j := 0; j <= i; j++ {
				ea[i] += la[i][j] * n1[j]
				eb[i] += lb[i][j] * n2[j]
			}
		}
		a := Estimate{X: ea, P: pa}
		b := Estimate{X: eb, P: pb}
		f, _, err := CovarianceIntersection(&a, &b, MinDet)
		if err != nil {
			t.Fatal(err)
		}
		var zero Vec6
		sumCI += nees(t, &zero, &f)
		ai, _, _ := invSPD6(&pa)
		bi, _, _ := invSPD6(&pb)
		info := add6(&ai, &bi)
		pif, _, _ := invSPD6(&info)
		av, bv := mulVec6(&ai, &ea), mulVec6(&bi, &eb)
		var iv Vec6
		for i := range 6 {
			iv[i] = av[i] + bv[i]
		}
		naive := Estimate{X: mulVec6(&pif, &iv), P: pif}
		sumIF += nees(t, &zero, &naive)
	}
	_, hi := bounds(runs, 6)
	ci, inf := sumCI/float64(runs), sumIF/float64(runs)
	t.Logf("correlated errors ρ = %v, %d runs: average NEES CI %.2f, naive fusion %.2f (upper 95%% bound %.2f)", rho, runs, ci, inf, hi)
	if ci > hi {
		t.Errorf("seed %d: CI average NEES = %.2f, want ≤ %.2f", seed, ci, hi)
	}
	if inf <= hi {
		t.Errorf("seed %d: naive fusion average NEES = %.2f, want > %.2f (overconfident)", seed, inf, hi)
	}
}

func TestCovarianceIntersectionErrors(t *testing.T) {
	a := Estimate{T: 1, P: ident6()}
	b := Estimate{T: 2, P: ident6()}
	if _, _, err := CovarianceIntersection(&a, &b, MinTrace); err == nil {
		t.Errorf("CovarianceIntersection(t=1, t=2) error = nil, want ErrTimeMismatch")
	}
	b.T = 1
	b.P[0][0] = -1
	if _, _, err := CovarianceIntersection(&a, &b, MinTrace); err != ErrNotPositiveDefinite {
		t.Errorf("CovarianceIntersection(non-SPD) error = %v, want %v", err, ErrNotPositiveDefinite)
	}
}

func TestLinkLatencyAndPeriod(t *testing.T) {
	l := Link{Latency: 2, Period: 5}
	tracks := []Track{{ID: 1, Status: Firm}, {ID: 2, Status: Tentative}}
	for _, now := range []float64{0, 1, 4, 5, 9} {
		tracks[0].Estimate.T = now
		l.Send(now, "blue", tracks)
	}
	// Sent at 0 and 5 (period 5); the tentative track never.
	if got := l.Deliver(1.9); len(got) != 0 {
		t.Errorf("Deliver(1.9) = %d reports, want 0", len(got))
	}
	got := l.Deliver(7)
	if len(got) != 2 || got[0].Sent != 0 || got[1].Sent != 5 || got[1].Estimate.T != 5 {
		t.Errorf("Deliver(7) = %+v, want reports sent at 0 and 5", got)
	}
	if got := l.Deliver(100); len(got) != 0 {
		t.Errorf("Deliver(100) after delivery = %d reports, want 0", len(got))
	}
}
