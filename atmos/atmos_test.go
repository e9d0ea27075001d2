package atmos

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Density is At(h).Rho computed another way (one power instead of P/(R·T)).
func TestDensityMatchesAt(t *testing.T) {
	const tol = 1e-13 // a few ulps through pow/exp
	for z := zMin; z <= 1.2e6; z += 250 {
		if d, r := Density(z), At(z).Rho; relErr(d, r) > tol {
			t.Fatalf("Density(%v) = %v, At(%v).Rho = %v", z, d, z, r)
		}
	}
}

// Density and pressure strictly decrease with altitude from −5 km up.
func TestMonotone(t *testing.T) {
	prevRho, prevP := math.Inf(1), math.Inf(1)
	for i := 0; ; i++ {
		z := zMin + 10*float64(i) // 10 m steps
		if z > 1.5e6 {
			break
		}
		s := At(z)
		if !(s.Rho < prevRho) || !(s.P < prevP) {
			t.Fatalf("at %v m: ρ %v after %v, P %v after %v", z, s.Rho, prevRho, s.P, prevP)
		}
		prevRho, prevP = s.Rho, s.P
	}

	seed := rand.Uint64()
	rng := rand.New(rand.NewPCG(seed, 1))
	for range 100000 {
		a, b := -1e4+rng.Float64()*2e6, -1e4+rng.Float64()*2e6
		if a > b {
			a, b = b, a
		}
		if Density(a) < Density(b) {
			t.Fatalf("seed %d: Density(%v) = %v < Density(%v) = %v", seed, a, Density(a), b, Density(b))
		}
	}
}

// boundaries are the altitudes (m) where the model changes formula.
func boundaries() []float64 {
	var zs []float64
	for _, l := range layers[1:] {
		zs = append(zs, geometric(l.hb))
	}
	zs = append(zs, z80, z86, z8, z9, z10, zTop)
	for _, k := range rhoKnots100 {
		zs = append(zs, k.z*1000)
	}
	for _, k := range pKnots86 {
		zs = append(zs, k.z*1000)
	}
	return zs
}

func TestContinuity(t *testing.T) {
	const (
		dz = 1e-3 // m either side of the boundary
		// ρ and P change by at most |d ln ρ/dz|·2dz ≈ 2e-4/m · 2e-3 m.
		tolRhoP = 1e-6
		// The standard's rounded constants make T meet itself only to
		// ~5e-7 at 86 km (T_M·0.999579 vs T7) and ~1.3e-6 at 110 km (the
		// ellipse vs 240 K).
		tolT = 2e-6
	)
	for _, z := range boundaries() {
		lo, hi := At(z-dz), At(z+dz)
		for _, c := range []struct {
			name   string
			a, b   float64
			tolRel float64
		}{
			{"T", lo.T, hi.T, tolT},
			{"P", lo.P, hi.P, tolRhoP},
			{"Rho", lo.Rho, hi.Rho, tolRhoP},
			{"SoundSpeed", lo.SoundSpeed, hi.SoundSpeed, tolT},
		} {
			if relErr(c.b, c.a) > c.tolRel {
				t.Errorf("%s jumps at %v m: %v → %v", c.name, z, c.a, c.b)
			}
		}
	}
}

// Any altitude gives finite, non-negative values; NaN gives NaN.
func TestExtremeAltitudes(t *testing.T) {
	for _, z := range []float64{
		math.Inf(-1), -math.MaxFloat64, -1e12, -r0, -6.371e6, -5001, -5000,
		-1e-300, 0, 1e-300, 86000 - 1e-9, 86000, 1e6, 1e7, 1e12, math.MaxFloat64, math.Inf(1),
	} {
		d := Density(z)
		s := At(z)
		for _, v := range []float64{d, s.T, s.P, s.Rho, s.SoundSpeed} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Errorf("At(%v) = %+v, Density = %v", z, s, d)
				break
			}
		}
	}
	if d, want := Density(zMin-1e6), Density(zMin); d != want {
		t.Errorf("Density below −5 km = %v, want the −5 km value %v", d, want)
	}
	nan := math.NaN()
	if d, s := Density(nan), At(nan); !math.IsNaN(d) || !math.IsNaN(s.T) || !math.IsNaN(s.P) || !math.IsNaN(s.Rho) || !math.IsNaN(s.SoundSpeed) {
		t.Errorf("Density(NaN) = %v, At(NaN) = %+v, want NaN", d, s)
	}
}

func TestDensityAllocs(t *testing.T) {
	var sink float64
	if n := testing.AllocsPerRun(100, func() {
		sink += Density(1e4) + Density(5e4) + Density(1.2e5) + Density(2e6)
	}); n != 0 {
		t.Errorf("Density allocates %v times per call", n)
	}
	_ = sink
}

func BenchmarkDensity(b *testing.B) {
	for _, bc := range []struct {
		name   string
		lo, hi float64
	}{
		{"0-86km", 0, 86e3},
		{"86-1000km", 86e3, 1e6},
		{"0-200km", 0, 200e3},
	} {
		b.Run(bc.name, func(b *testing.B) {
			hs := make([]float64, 1024)
			for i := range hs {
				hs[i] = bc.lo + (bc.hi-bc.lo)*float64(i)/float64(len(hs))
			}
			b.ReportAllocs()
			var sink float64
			i := 0
			for b.Loop() {
				sink += Density(hs[i&1023])
				i++
			}
			_ = sink
		})
	}
}

func BenchmarkAt(b *testing.B) {
	b.ReportAllocs()
	var sink float64
	h := 0.0
	for b.Loop() {
		sink += At(h).Rho
		h += 97
		if h > 200e3 {
			h = 0
		}
	}
	_ = sink
}
