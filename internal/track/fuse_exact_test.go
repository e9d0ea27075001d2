package track

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestTraceInvSPD6MatchesInverse: the trace-only inverse of covariance
// intersection's step search equals the trace of invSPD6's inverse to the
// last bit, and its log-determinant invSPD6's, so the search (and every
// fused track) is unchanged by the shortcut.
func TestTraceInvSPD6MatchesInverse(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 6))
	for trial := range 2000 {
		p := randomSPD(rng, math.Pow(10, rng.Float64()*8), math.Pow(10, rng.Float64()*4))
		inv, logDet, ok := invSPD6(&p)
		tr, ok2 := traceInvSPD6(&p)
		if ok != ok2 {
			t.Fatalf("trial %d: invSPD6 ok %v, traceInvSPD6 ok %v", trial, ok, ok2)
		}
		if !ok {
			continue
		}
		want := inv[0][0] + inv[1][1] + inv[2][2] + inv[3][3] + inv[4][4] + inv[5][5]
		if tr != want {
			t.Fatalf("trial %d: traceInvSPD6 = %v, tr invSPD6 = %v", trial, tr, want)
		}
		if inv2, _ := inverseSPD6(&p); inv2 != inv {
			t.Fatalf("trial %d: inverseSPD6 differs from invSPD6", trial)
		}
		l, _ := chol6(&p)
		if ld := logDetChol6(&l); ld != logDet {
			t.Fatalf("trial %d: logDetChol6 = %v, invSPD6 log det = %v", trial, ld, logDet)
		}
	}
}

// TestGatedDistanceMatchesGate: the trace bound never refuses a pair that
// the exact distance would gate, on pairs from far inside to far outside
// the χ²₆ gate, and returns the exact distance for those it gates.
func TestGatedDistanceMatchesGate(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 7))
	const gate = 22.46 // χ²₆ at 0.999, the tracker's default
	refused := 0
	for trial := range 20000 {
		a := Estimate{P: randomSPD(rng, math.Pow(10, rng.Float64()*6), math.Pow(10, rng.Float64()*3))}
		b := Estimate{P: randomSPD(rng, math.Pow(10, rng.Float64()*6), math.Pow(10, rng.Float64()*3))}
		scale := math.Pow(10, rng.Float64()*5-1)
		for i := range 6 {
			a.X[i] = rng.NormFloat64() * 1e5
			b.X[i] = a.X[i] + rng.NormFloat64()*scale*math.Sqrt(a.P[i][i]+b.P[i][i])
		}
		d2, ok := trackDistance(&a, &b)
		want := ok && d2 <= gate
		got, gok := gatedDistance(&a, &b, gate)
		if gok != want || gok && got != d2 {
			t.Fatalf("trial %d: gatedDistance = (%v, %v), exact %v (gated %v)", trial, got, gok, d2, want)
		}
		if !want {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("no pair lay outside the gate: the test checks nothing")
	}
}
