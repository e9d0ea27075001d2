package track

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/mat"
)

// randomSPD returns a random symmetric positive-definite matrix with
// position σ up to ~sp and velocity σ up to ~sv, correlated.
func randomSPD(rng *rand.Rand, sp, sv float64) Mat6 {
	var a Mat6
	for i := range 6 {
		s := sp
		if i >= 3 {
			s = sv
		}
		for j := range 6 {
			a[i][j] = s * rng.NormFloat64() / 3
		}
		a[i][i] += s * (0.1 + rng.Float64())
	}
	var p Mat6
	for i := range 6 {
		for j := range 6 {
			for k := range 6 {
				p[i][j] += a[i][k] * a[j][k]
			}
		}
	}
	return p
}

// TestCovarianceStaysSPD runs random predict/update sequences with random
// sensors and geometry through each filter and checks P after every step.
func TestCovarianceStaysSPD(t *testing.T) {
	const seed = 424242
	rng := rand.New(rand.NewPCG(seed, 3))
	trials := 60
	if testing.Short() {
		trials = 20
	}
	bal := &Ballistic{Q: 10}
	for trial := range trials {
		filters := []Filter{&EKF{Motion: bal}, &UKF{Motion: bal}, &EKF{Motion: ConstantVelocity{Q: 5}}, &KF{Motion: ConstantVelocity{Q: 5}},
			&EKF{Motion: &Ballistic{Q: 10, ShortStep: 2}, StandardForm: true}}
		site := geo.LLA{Lat: (rng.Float64() - 0.5) * math.Pi * 0.95, Lon: (rng.Float64() - 0.5) * 2 * math.Pi}
		s := NewSensor("s", site, 1+50*rng.Float64(), 1e-4+3e-3*rng.Float64(), 1e-4+3e-3*rng.Float64())
		// Target 20–2000 km away, 1–600 km up (also below the horizon).
		x := ballisticState(s.Frame, (rng.Float64()-0.5)*2000, (rng.Float64()-0.5)*2000, 1+600*rng.Float64(),
			(rng.Float64()-0.5)*6000, (rng.Float64()-0.5)*6000, (rng.Float64()-0.5)*3000)
		for fi, f := range filters {
			e := Estimate{X: x, P: randomSPD(rng, 50+5000*rng.Float64(), 5+500*rng.Float64())}
			tm := 0.0
			for step := range 15 {
				tm += 0.1 + 10*rng.Float64()
				e = f.Predict(e, tm)
				if !isSymPD(&e.P) {
					t.Fatalf("seed %d trial %d filter %d step %d: Predict P not symmetric positive definite: %v", seed, trial, fi, step, e.P)
				}
				d := s.Detect(tm, 1, 0, 0)
				if _, ok := f.(*KF); ok || rng.IntN(4) == 0 {
					d.Kind = PositionECEF
					d.R = Mat3{{100, 10, 0}, {10, 400, 5}, {0, 5, 2500}}
				}
				d = noisy(rng, d, &e.X)
				post, _, err := f.Update(&e, &d)
				if err != nil {
					t.Fatalf("seed %d trial %d filter %d step %d: Update error %v", seed, trial, fi, step, err)
				}
				if !isSymPD(&post.P) {
					t.Fatalf("seed %d trial %d filter %d step %d: Update P not symmetric positive definite: %v", seed, trial, fi, step, post.P)
				}
				e = post
			}
		}
	}
}

// TestJosephMatchesStandardForm checks the Joseph update against the
// standard P − K S Kᵀ computed with gonum, and that with a deliberately
// wrong gain the Joseph form still gives a positive definite P.
func TestJosephMatchesStandardForm(t *testing.T) {
	const seed = 77
	rng := rand.New(rand.NewPCG(seed, 4))
	s := radar()
	for trial := range 50 {
		x := ballisticState(s.Frame, 300*rng.Float64(), 300*rng.Float64(), 50+300*rng.Float64(), 100, 200, 300)
		e := Estimate{X: x, P: randomSPD(rng, 1000, 100)}
		d := noisy(rng, s.Detect(0, 1, 0, 0), &x)
		h, pht, in, err := linearInnovation(&e, &d)
		if err != nil {
			t.Fatal(err)
		}
		got := joseph(&e, &h, &pht, &in, &d.R)
		// Standard form with gonum.
		P := mat.NewDense(6, 6, nil)
		H := mat.NewDense(3, 6, nil)
		for i := range 6 {
			for j := range 6 {
				P.Set(i, j, e.P[i][j])
			}
		}
		for i := range 3 {
			for j := range 6 {
				H.Set(i, j, h[i][j])
			}
		}
		var S, SI, PHt, K, KSK mat.Dense
		PHt.Mul(P, H.T())
		S.Mul(H, &PHt)
		for i := range 3 {
			S.Set(i, i, S.At(i, i)+d.R[i][i])
		}
		if err := SI.Inverse(&S); err != nil {
			t.Fatal(err)
		}
		K.Mul(&PHt, &SI)
		KSK.Mul(&K, PHt.T())
		for i := range 6 {
			for j := range 6 {
				want := e.P[i][j] - KSK.At(i, j)
				scale := math.Sqrt(e.P[i][i] * e.P[j][j])
				if math.Abs(got.P[i][j]-want) > 1e-7*scale {
					t.Fatalf("seed %d trial %d: joseph P[%d][%d] = %g, want %g (standard form)", seed, trial, i, j, got.P[i][j], want)
				}
			}
		}
		// Suboptimal gain: halve S⁻¹. Joseph remains SPD.
		bad := in
		for i := range 3 {
			for j := range 3 {
				bad.SInv[i][j] *= 0.5
			}
		}
		if p := joseph(&e, &h, &pht, &bad, &d.R); !isSymPD(&p.P) {
			t.Fatalf("seed %d trial %d: joseph with suboptimal gain P not SPD: %v", seed, trial, p.P)
		}
	}
}

func TestSmallLinearAlgebraAgainstGonum(t *testing.T) {
	const seed = 5
	rng := rand.New(rand.NewPCG(seed, 5))
	for trial := range 50 {
		p := randomSPD(rng, 1000, 10)
		inv, logDet, ok := invSPD6(&p)
		if !ok {
			t.Fatalf("seed %d trial %d: invSPD6 failed on %v", seed, trial, p)
		}
		var sym mat.SymDense
		sym.ReuseAsSym(6)
		for i := range 6 {
			for j := i; j < 6; j++ {
				sym.SetSym(i, j, p[i][j])
			}
		}
		var ch mat.Cholesky
		ch.Factorize(&sym)
		if d := ch.LogDet(); math.Abs(d-logDet) > 1e-9*math.Abs(d) {
			t.Errorf("invSPD6 log det = %v, want %v (gonum)", logDet, d)
		}
		var gi mat.SymDense
		ch.InverseTo(&gi)
		for i := range 6 {
			for j := range 6 {
				if w := gi.At(i, j); math.Abs(inv[i][j]-w) > 1e-8*math.Sqrt(gi.At(i, i)*gi.At(j, j)) {
					t.Errorf("invSPD6[%d][%d] = %g, want %g (gonum)", i, j, inv[i][j], w)
				}
			}
		}
		var m3 Mat3
		for i := range 3 {
			for j := range 3 {
				m3[i][j] = p[i][j+3] + p[i][j]
			}
		}
		i3, _, ok := inv3(&m3)
		if !ok {
			t.Fatalf("inv3 failed on %v", m3)
		}
		for i := range 3 {
			for j := range 3 {
				var s float64
				for k := range 3 {
					s += m3[i][k] * i3[k][j]
				}
				want := 0.0
				if i == j {
					want = 1
				}
				if math.Abs(s-want) > 1e-9 {
					t.Errorf("(A·inv3(A))[%d][%d] = %v, want %v", i, j, s, want)
				}
			}
		}
		var pp Mat3
		var es mat.EigenSym
		ps := mat.NewSymDense(3, nil)
		for i := range 3 {
			for j := range 3 {
				pp[i][j] = p[i][j]
				ps.SetSym(i, j, p[i][j])
			}
		}
		es.Factorize(ps, false)
		vals := es.Values(nil)
		if got, want := eigSym3Max(&pp), vals[2]; math.Abs(got-want) > 1e-9*want {
			t.Errorf("eigSym3Max(%v) = %v, want %v (gonum)", pp, got, want)
		}
	}
}
