package track

import (
	"math"
	"math/rand/v2"
	"testing"
)

// randomTrackState returns a ballistic state seen by the test radar and a
// random positive-definite covariance with correlated position and
// velocity.
func randomTrackState(rng *rand.Rand, s Sensor) Estimate {
	x := ballisticState(s.Frame, 100+400*rng.Float64(), 200+800*rng.Float64(), 50+800*rng.Float64(),
		3000*rng.NormFloat64(), 3000*rng.NormFloat64(), 1000*rng.NormFloat64())
	var l Mat6
	for i := range 6 {
		sc := math.Pow(10, 1+2*rng.Float64())
		if i >= 3 {
			sc /= 10
		}
		for j := 0; j <= i; j++ {
			l[i][j] = sc * rng.NormFloat64() / 3
		}
		l[i][i] = sc
	}
	var p Mat6
	for i := range 6 {
		for j := range 6 {
			var v float64
			for k := range 6 {
				v += l[i][k] * l[j][k]
			}
			p[i][j] = v
		}
	}
	for i := range 6 {
		for j := range i {
			p[i][j] = p[j][i]
		}
	}
	return Estimate{T: 10 * rng.Float64(), X: x, P: p}
}

// TestGatePathMatchesFilter checks that the gating shortcuts return what
// the filter returns, bit for bit: the position block of predictForGate
// and its completion against EKF.Predict, gateDistance against
// EKF.Innovate, updateFromGate against EKF.Update, and the position-gain
// product of the Joseph form against mulABAt.
func TestGatePathMatchesFilter(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 4))
	s := radar()
	for _, f := range []*EKF{{Motion: &Ballistic{Q: 100}}, {Motion: &Ballistic{Q: 1, MaxStep: 0.3}}, {Motion: ConstantVelocity{Q: 10}},
		{Motion: &Ballistic{Q: 100, ShortStep: 2}, StandardForm: true}} {
		for trial := range 300 {
			e := randomTrackState(rng, s)
			dt := []float64{0, 0.37, 1, -0.6, 2.5}[trial%5]
			want := f.Predict(e, e.T+dt)
			var g gatePrediction
			f.predictForGate(&e, e.T+dt, &g)
			if g.est.T != want.T || g.est.X != want.X {
				t.Fatalf("trial %d: predictForGate state %v at %v, want %v at %v", trial, g.est.X, g.est.T, want.X, want.T)
			}
			for i := range 3 {
				for j := range 3 {
					if g.est.P[i][j] != want.P[i][j] {
						t.Fatalf("trial %d: predictForGate P[%d][%d] = %v, want %v", trial, i, j, g.est.P[i][j], want.P[i][j])
					}
				}
			}
			x := want.X
			for a := range 3 {
				x[a] += 200 * rng.NormFloat64()
			}
			d := noisy(rng, s.Detect(want.T, 1, 0, 0), &x)
			in, errIn := f.Innovate(&want, &d)
			dc := dirCosOf(&d)
			d2, errGate := gateDistance(&g.est, &d, &dc, &g.in)
			if (errIn != nil) != (errGate != nil) || (errIn == nil && d2 != in.D2) {
				t.Fatalf("trial %d: gateDistance = %v, %v, want %v, %v", trial, d2, errGate, in.D2, errIn)
			}
			g.complete(&e)
			if g.est != want {
				t.Fatalf("trial %d: completed prediction %v, want %v", trial, g.est, want)
			}
			if errIn != nil {
				continue
			}
			wantPost, wantIn, err := f.Update(&want, &d)
			if err != nil {
				t.Fatal(err)
			}
			var post Estimate
			f.updateFromGate(&g.est, &d, &g.in, &post)
			gotIn := g.in.innovation()
			if post != wantPost || gotIn != wantIn {
				t.Fatalf("trial %d: updateFromGate = %v, %v, want %v, %v", trial, post, gotIn, wantPost, wantIn)
			}
		}
	}
	for trial := range 300 {
		var a Mat6
		b := randomTrackState(rng, s).P
		for i := range 6 {
			for j := range 3 {
				a[i][j] = rng.NormFloat64()
			}
			a[i][i] = 1 - 0.5*rng.Float64()
			if i >= 3 {
				a[i][i] = 1
			}
		}
		if got, want := mulABAtPositionGain(&a, &b), mulABAt(&a, &b); got != want {
			t.Fatalf("trial %d: mulABAtPositionGain = %v, want %v", trial, got, want)
		}
	}
}

// accelTol is the relative difference allowed between accelOf and the
// inline expression: accelOf forms 1/r² once and 1/r as its square root
// instead of three quotients, a few roundings (about 10⁻¹⁶ each).
const accelTol = 1e-14

// TestBallisticShortcutsMatchProduct checks the ballistic model's
// shortcuts bit for bit against the plain formulas: the step transition
// against I + A h + mul6(A, A) h²/2, and the acceleration with its
// constants formed once against the inline expression.
func TestBallisticShortcutsMatchProduct(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 5))
	s := radar()
	for _, m := range []*Ballistic{{}, {NoRotation: true}, {NoJ2: true}} {
		gm, j2, re, w := m.constants()
		c := newBallisticConst(gm, j2, re, w)
		for trial := range 200 {
			x := randomTrackState(rng, s).X
			h := []float64{1, 0.25, -0.7, 2}[trial%4]
			a := c.jacobian(&x)
			a2 := mul6(&a, &a)
			want := ident6()
			for i := range 6 {
				for j := range 6 {
					want[i][j] += a[i][j]*h + a2[i][j]*h*h/2
				}
			}
			if got := stepTransition(&a, h); got != want {
				t.Fatalf("trial %d: stepTransition = %v, want %v", trial, got, want)
			}
			px, py, pz := x[0], x[1], x[2]
			r2 := px*px + py*py + pz*pz
			r := math.Sqrt(r2)
			k := -gm / (r2 * r)
			q := 1.5 * j2 * re * re / r2
			sz := 5 * pz * pz / r2
			fxy, fz := 1+q*(1-sz), 1+q*(3-sz)
			wantA := Vec3{k*px*fxy + w*w*px + 2*w*x[4], k*py*fxy + w*w*py - 2*w*x[3], k * pz * fz}
			got := c.accel(&x)
			scale := math.Abs(wantA[0]) + math.Abs(wantA[1]) + math.Abs(wantA[2])
			for i := range 3 {
				if math.Abs(got[i]-wantA[i]) > accelTol*scale {
					t.Fatalf("trial %d: accel = %v, want %v", trial, got, wantA)
				}
			}
		}
	}
}

// positionTraceTol is the relative difference allowed between
// positionTrace's closed form and the trace of PositionECEF's J R Jᵀ:
// rounding of sums of a few products (about 10⁻¹⁵) and of the ENU axes'
// orthonormality (about 10⁻¹⁶); the coarse gate it feeds has a factor 2.
const positionTraceTol = 1e-12

// TestPositionTraceMatchesCovariance compares positionTrace with
// PositionECEF: the same position, bit for bit, and the trace of its
// covariance within positionTraceTol, for diagonal and full R.
func TestPositionTraceMatchesCovariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 7))
	for trial := range 2000 {
		s := radar()
		s.SigmaRange = 1 + 100*rng.Float64()
		s.SigmaAz, s.SigmaEl = 1e-4+3e-3*rng.Float64(), 1e-4+3e-3*rng.Float64()
		d := s.Detect(1, 1e4+3e6*rng.Float64(), 2*math.Pi*rng.Float64(), math.Pi/2*rng.Float64())
		if trial%4 == 0 {
			d.R[0][1], d.R[1][0] = 1e-3, 1e-3
		}
		p, tr := d.positionTrace()
		var dp detPosition
		if dp.set(&d); dp.p != p || dp.tr != tr || dp.t != d.Time {
			t.Fatalf("detPosition.set(%v) = %+v, positionTrace %v, %v", d.Z, dp, p, tr)
		}
		wp, c := d.PositionECEF()
		want := c[0][0] + c[1][1] + c[2][2]
		if p != wp || math.Abs(tr-want) > positionTraceTol*want {
			t.Fatalf("positionTrace(%v) = %v, %v; PositionECEF position %v, trace %v", d.Z, p, tr, wp, want)
		}
	}
}

// measureJacobianTol is the relative difference allowed between
// residualJacobianTo's H and range and Jacobian's and Measure's: a few
// roundings of the shared terms (√(e² + n²) for Hypot, reciprocals for
// divisions).
const measureJacobianTol = 1e-13

// residualAngleTol is the difference allowed between residualJacobianTo's
// angle residuals and Measure's angles subtracted from the detection's,
// rad: the subtraction of two angles of up to 2π loses about 2π·2⁻⁵³ ≈
// 7e-16 of each, and smallAtan's series errs by less than 1e-17 of the
// residual; far inside any radar's σ (1e-4 rad and more).
const residualAngleTol = 1e-14

// TestResidualJacobianMatches compares residualJacobianTo with Residual
// of Measure and with Jacobian over random states seen by the test radar,
// for detections near the state (noisy, the series' domain) and far from
// it (up to ±π in azimuth: math.Atan2's).
func TestResidualJacobianMatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 8))
	s := radar()
	s.SigmaRange, s.SigmaAz, s.SigmaEl = 10, 1e-3, 1e-3
	for trial := range 4000 {
		e := randomTrackState(rng, s)
		d := noisy(rng, s.Detect(1, 1, 0, 0), &e.X)
		if trial%2 == 1 {
			d.Z[1] = math.Mod(d.Z[1]+(rng.Float64()-0.5)*2*math.Pi+2*math.Pi, 2*math.Pi)
			d.Z[2] += (rng.Float64() - 0.5) * 0.5
		}
		var h Mat36
		var y Vec3
		dc := dirCosOf(&d)
		d.residualJacobianTo(&e.X, &dc, &h, &y)
		wy, wh := d.Residual(d.Z, d.Measure(&e.X)), d.Jacobian(&e.X)
		if math.Abs(y[0]-wy[0]) > measureJacobianTol*d.Z[0] {
			t.Fatalf("residualJacobianTo(%v, %v) range residual %v, Measure's %v", e.X, d.Z, y[0], wy[0])
		}
		for i := 1; i < 3; i++ {
			if math.Abs(y[i]-wy[i]) > residualAngleTol {
				t.Fatalf("residualJacobianTo(%v, %v) y[%d] = %v, Measure's %v", e.X, d.Z, i, y[i], wy[i])
			}
		}
		for i := range 3 {
			scale := math.Abs(wh[i][0]) + math.Abs(wh[i][1]) + math.Abs(wh[i][2])
			for j := range 6 {
				if math.Abs(h[i][j]-wh[i][j]) > measureJacobianTol*scale {
					t.Fatalf("residualJacobianTo(%v) H[%d][%d] = %v, Jacobian %v", e.X, i, j, h[i][j], wh[i][j])
				}
			}
		}
	}
}

// smallAtanTol is the relative difference allowed between smallAtan and
// math.Atan2 within the series' domain: a few roundings of the quotient
// and the polynomial (the series' truncation is below 1e-17).
const smallAtanTol = 1e-15

// TestSmallAtanMatchesAtan2 checks smallAtan against math.Atan2 within
// the series' domain (|s/c| ≤ smallAtanMax, c > 0), at its edge and
// outside it, where it is math.Atan2.
func TestSmallAtanMatchesAtan2(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 9))
	for range 200000 {
		c := math.Pow(10, float64(rng.IntN(20)-10)) * (0.5 + rng.Float64())
		s := (rng.Float64()*2 - 1) * smallAtanMax * c * math.Pow(10, -float64(rng.IntN(12)))
		if got, want := smallAtan(s, c), math.Atan2(s, c); math.Abs(got-want) > smallAtanTol*math.Abs(want) {
			t.Fatalf("smallAtan(%v, %v) = %v, math.Atan2 %v", s, c, got, want)
		}
		for _, sc := range [][2]float64{{c, c}, {s, -c}, {-c, 0.5 * c}, {0, -c}} {
			if got, want := smallAtan(sc[0], sc[1]), math.Atan2(sc[0], sc[1]); got != want {
				t.Fatalf("smallAtan(%v, %v) = %v, math.Atan2 %v", sc[0], sc[1], got, want)
			}
		}
	}
}
