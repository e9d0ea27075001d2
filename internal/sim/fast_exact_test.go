package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/spatial/r3"
)

// The fast fidelity's covariance recursion written as loops over 3×3
// arrays, kept as the reference that the unrolled version in fast.go must
// reproduce bit for bit (TestCovarianceBitIdentical): the written-out
// kernels change no rounding. (TestFastCovarianceMatchesEKF checks the
// recursion itself against track.EKF.)

// refpredicted, the reference of predicted: returns the covariance dt seconds on under a constant-velocity
// model with white acceleration noise of spectral density q (m²/s³) on
// each axis (Bar-Shalom et al. 2001, §6.2.2).
func (p *posVelCov) refPredicted(dt, q float64) posVelCov {
	var o posVelCov
	for i := range 3 {
		for j := range 3 {
			o.A[i][j] = p.A[i][j] + dt*(p.B[i][j]+p.B[j][i]) + dt*dt*p.C[i][j]
			o.B[i][j] = p.B[i][j] + dt*p.C[i][j]
			o.C[i][j] = p.C[i][j]
		}
		o.A[i][i] += q * dt * dt * dt / 3
		o.B[i][i] += q * dt * dt / 2
		o.C[i][i] += q * dt
	}
	return o
}

// refUpdate, the reference of update: applies a position measurement of
// covariance r (the Kalman update with H = [I 0]) and returns the gains of
// the position and the velocity, A S⁻¹ and Bᵀ S⁻¹; the symmetric
// corrections are taken on and above the diagonal.
func (p *posVelCov) refUpdate(r *mat3) (kp, kv mat3, ok bool) {
	var s mat3
	for i := range 3 {
		for j := range 3 {
			s[i][j] = p.A[i][j] + r[i][j]
		}
	}
	si, ok := refInv3(&s)
	if !ok {
		return kp, kv, false
	}
	kp, kv = refMul3(&p.A, &si), refMul3T(&p.B, &si)
	a, b, c := p.A, p.B, p.C
	kaA, kaB, kbB := refUpper(refMul3(&kp, &a)), refMul3(&kp, &b), refUpper(refMul3(&kv, &b))
	for i := range 3 {
		for j := range 3 {
			p.A[i][j] = a[i][j] - kaA[i][j]
			p.B[i][j] = b[i][j] - kaB[i][j]
			p.C[i][j] = c[i][j] - kbB[i][j]
		}
	}
	return kp, kv, true
}

// refUpper returns m with each element below the diagonal replaced by its
// mirror above it.
func refUpper(m mat3) mat3 {
	for i := range 3 {
		for j := range i {
			m[i][j] = m[j][i]
		}
	}
	return m
}

// refJoseph, the reference of joseph: updates the covariance of an error
// with the gains kp, kv of a filter (not necessarily the optimal ones for
// this error) and a measurement of covariance r: Σ⁺ = (I − KH) Σ (I − KH)ᵀ
// + K R Kᵀ (Joseph form; Bar-Shalom et al. 2001, §5.2.3), by blocks: A⁺ =
// M A Mᵀ + Kp R Kpᵀ, B⁺ = M (B − A Kvᵀ) + Kp R Kvᵀ, C⁺ = C − Kv B − (Kv
// B)ᵀ + Kv (A + R) Kvᵀ with M = I − Kp.
func (p *posVelCov) refJoseph(kp, kv, r *mat3) {
	a, b, c := p.A, p.B, p.C
	var m, y, w mat3
	aKv := refMul3Bt(&a, kv)
	for i := range 3 {
		for j := range 3 {
			m[i][j] = -kp[i][j]
			y[i][j] = b[i][j] - aKv[i][j]
			w[i][j] = a[i][j] + r[i][j]
		}
		m[i][i]++
	}
	ma := refMul3(&m, &a)
	maM := refUpper(refMul3Bt(&ma, &m))
	kpr := refMul3(kp, r)
	kprKp, kprKv := refUpper(refMul3Bt(&kpr, kp)), refMul3Bt(&kpr, kv)
	my := refMul3(&m, &y)
	kvw := refMul3(kv, &w)
	kvwKv := refMul3Bt(&kvw, kv)
	kvb := refMul3(kv, &b)
	for i := range 3 {
		for j := range 3 {
			p.A[i][j] = maM[i][j] + kprKp[i][j]
			p.B[i][j] = my[i][j] + kprKv[i][j]
			lo, hi := min(i, j), max(i, j)
			p.C[i][j] = c[lo][hi] - kvb[lo][hi] - kvb[hi][lo] + kvwKv[lo][hi]
		}
	}
}

// refContract, the reference of contract: D⁺ = L D Lᵀ with L = I − KH, by
// blocks: A⁺ = M A Mᵀ, B⁺ = M (B − A Kvᵀ), C⁺ = C − Kv B − (Kv B)ᵀ + Kv A
// Kvᵀ with M = I − Kp.
func (p *posVelCov) refContract(kp, kv *mat3) {
	a, b, c := p.A, p.B, p.C
	var m, y mat3
	aKv := refMul3Bt(&a, kv)
	for i := range 3 {
		for j := range 3 {
			m[i][j] = -kp[i][j]
			y[i][j] = b[i][j] - aKv[i][j]
		}
		m[i][i]++
	}
	ma := refMul3(&m, &a)
	p.A = refUpper(refMul3Bt(&ma, &m))
	p.B = refMul3(&m, &y)
	kvaKv := refMul3(kv, &aKv)
	kvb := refMul3(kv, &b)
	for i := range 3 {
		for j := range 3 {
			lo, hi := min(i, j), max(i, j)
			p.C[i][j] = c[lo][hi] - kvb[lo][hi] - kvb[hi][lo] + kvaKv[lo][hi]
		}
	}
}

// refmul3Bt, the reference of mul3Bt: returns a bᵀ.
func refMul3Bt(a, b *mat3) mat3 {
	var o mat3
	for i := range 3 {
		for j := range 3 {
			o[i][j] = a[i][0]*b[j][0] + a[i][1]*b[j][1] + a[i][2]*b[j][2]
		}
	}
	return o
}

func refMul3(a, b *mat3) mat3 {
	var o mat3
	for i := range 3 {
		for j := range 3 {
			o[i][j] = a[i][0]*b[0][j] + a[i][1]*b[1][j] + a[i][2]*b[2][j]
		}
	}
	return o
}

// refmul3T, the reference of mul3T: returns aᵀ b.
func refMul3T(a, b *mat3) mat3 {
	var o mat3
	for i := range 3 {
		for j := range 3 {
			o[i][j] = a[0][i]*b[0][j] + a[1][i]*b[1][j] + a[2][i]*b[2][j]
		}
	}
	return o
}

// refinv3, the reference of inv3: inverts a 3×3 matrix by its adjugate.
func refInv3(m *mat3) (mat3, bool) {
	c00 := m[1][1]*m[2][2] - m[1][2]*m[2][1]
	c01 := m[1][2]*m[2][0] - m[1][0]*m[2][2]
	c02 := m[1][0]*m[2][1] - m[1][1]*m[2][0]
	det := m[0][0]*c00 + m[0][1]*c01 + m[0][2]*c02
	if !(det != 0) || math.IsInf(det, 0) {
		return mat3{}, false
	}
	d := 1 / det
	return mat3{
		{c00 * d, (m[0][2]*m[2][1] - m[0][1]*m[2][2]) * d, (m[0][1]*m[1][2] - m[0][2]*m[1][1]) * d},
		{c01 * d, (m[0][0]*m[2][2] - m[0][2]*m[2][0]) * d, (m[0][2]*m[1][0] - m[0][0]*m[1][2]) * d},
		{c02 * d, (m[0][1]*m[2][0] - m[0][0]*m[2][1]) * d, (m[0][0]*m[1][1] - m[0][1]*m[1][0]) * d},
	}, true
}

// randomTrackCov returns a covariance like a track's: position σ from
// metres to kilometres, strongly correlated along a random line of sight,
// velocity σ from 1 to 3,000 m/s.
func randomTrackCov(rng *rand.Rand) posVelCov {
	u := r3.Unit(r3.Vec{X: rng.NormFloat64(), Y: rng.NormFloat64(), Z: rng.NormFloat64()})
	sp, sv := math.Pow(10, 1+3*rng.Float64()), math.Pow(10, 3.5*rng.Float64())
	var p posVelCov
	p.A = losCov(u, sp*sp, sp*sp*math.Pow(10, 4*rng.Float64()))
	p.C = losCov(u, sv*sv*math.Pow(10, 2*rng.Float64()), sv*sv)
	for i := range 3 {
		for j := range 3 {
			p.B[i][j] = 0.3 * sp * sv * (rng.Float64() - 0.5) * 0.1
		}
	}
	return p
}

// TestCovarianceBitIdentical runs the unrolled recursion (predicted,
// update, contract) and the reference against each other on random track
// covariances and measurements: every element must be the same float64.
func TestCovarianceBitIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		p, e := randomTrackCov(rng), randomTrackCov(rng)
		pr, er := p, e
		for step := range 20 {
			dt := []float64{1, 0.5, 5, 0.37}[step%4]
			q := []float64{trackerQ, 1e4, 0}[step%3]
			u := r3.Unit(r3.Vec{X: rng.NormFloat64(), Y: rng.NormFloat64(), Z: rng.NormFloat64()})
			vr := math.Pow(10, 1+2*rng.Float64())
			info := losCov(u, 1/vr, 1/(vr*math.Pow(10, 4*rng.Float64())))
			r, ok := inv3(&info)
			rr, okr := refInv3(&info)
			if ok != okr || r != rr {
				t.Fatalf("trial %d step %d: inv3 differs", trial, step)
			}
			if !ok {
				continue
			}
			p, pr = p.predicted(dt, q), pr.refPredicted(dt, q)
			e, er = e.predicted(dt, q/2), er.refPredicted(dt, q/2)
			kp, kv, ok := p.update(&r)
			kpr, kvr, okr := pr.refUpdate(&rr)
			if ok != okr || kp != kpr || kv != kvr || p != pr {
				t.Fatalf("trial %d step %d: update differs", trial, step)
			}
			if !ok {
				continue
			}
			e.contract(&kp, &kv)
			er.refContract(&kpr, &kvr)
			if e != er {
				t.Fatalf("trial %d step %d: contract differs", trial, step)
			}
		}
	}
}

// BenchmarkFastFlushMath is one scan's covariance work of a fire-control
// track after burnout: both predictions, the update and the contraction
// of the error covariance's difference.
func BenchmarkFastFlushMath(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	p0, e0 := randomTrackCov(rng), randomTrackCov(rng)
	info := losCov(r3.Unit(r3.Vec{X: 1, Y: 2, Z: 3}), 1/100.0, 1/1e6)
	r, _ := inv3(&info)
	cpu := cpuNow()
	for b.Loop() {
		p, e := p0.predicted(1, trackerQ), e0.predicted(1, 0)
		kp, kv, _ := p.update(&r)
		e.contract(&kp, &kv)
		p0.B[0][0], e0.B[0][0] = p.B[0][0]*1e-30, e.B[0][0]*1e-30
	}
	b.ReportMetric(float64(cpuNow()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkFastFlushMathRef is BenchmarkFastFlushMath on the reference
// loops, for comparison in one binary.
func BenchmarkFastFlushMathRef(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	p0, e0 := randomTrackCov(rng), randomTrackCov(rng)
	info := losCov(r3.Unit(r3.Vec{X: 1, Y: 2, Z: 3}), 1/100.0, 1/1e6)
	r, _ := refInv3(&info)
	cpu := cpuNow()
	for b.Loop() {
		p, e := p0.refPredicted(1, trackerQ), e0.refPredicted(1, 0)
		kp, kv, _ := p.refUpdate(&r)
		e.refContract(&kp, &kv)
		p0.B[0][0], e0.B[0][0] = p.B[0][0]*1e-30, e.B[0][0]*1e-30
	}
	b.ReportMetric(float64(cpuNow()-cpu)/float64(b.N), "cpu-ns/op")
}
