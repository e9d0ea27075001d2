package radar

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestHypotIsMathHypot checks the looks' hypot against math.Hypot bit for
// bit: random legs over many magnitudes, zeros, infinities and NaN.
func TestHypotIsMathHypot(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	special := []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64}
	check := func(p, q float64) {
		got, want := hypot(p, q), math.Hypot(p, q)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("hypot(%g, %g) = %v, math.Hypot %v", p, q, got, want)
		}
	}
	for _, p := range special {
		for _, q := range special {
			check(p, q)
		}
	}
	for range 1_000_000 {
		p := (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(16)-4))
		q := (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(16)-4))
		check(p, q)
	}
}

// TestWrapAzimuthIsMod checks wrapAzimuth against math.Mod(x, 2π) bit for
// bit, on [-4π, 8π] and at the edges of its fast cases.
func TestWrapAzimuthIsMod(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const turn = 2 * math.Pi
	xs := []float64{0, math.Copysign(0, -1), turn, 2 * turn, 8, math.Nextafter(turn, 0), math.Nextafter(turn, 9), math.Nextafter(2*turn, 0), math.Nextafter(8, 0), -1e-300, 1e-300}
	for range 1_000_000 {
		xs = append(xs[:11], (rng.Float64()*12-4)*math.Pi)
		for _, x := range xs {
			got, want := wrapAzimuth(x), math.Mod(x, turn)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("wrapAzimuth(%v) = %v, math.Mod %v", x, got, want)
			}
		}
	}
}

// TestInSectorIsRemainder checks inSector's shortcut against the
// definition, |remainder(az − boresight, 2π)| ≤ half width, at random
// azimuths and boresights and at the sector's edges.
func TestInSectorIsRemainder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200_000 {
		r := Radar{BoresightAz: rng.Float64() * 2 * math.Pi, HalfWidthAz: rng.Float64() * math.Pi}
		azs := []float64{rng.Float64() * 2 * math.Pi, r.BoresightAz + r.HalfWidthAz, r.BoresightAz - r.HalfWidthAz,
			math.Nextafter(r.BoresightAz+r.HalfWidthAz, 9), math.Mod(r.BoresightAz+math.Pi, 2*math.Pi), 0, 2 * math.Pi}
		for _, az := range azs {
			want := math.Abs(math.Remainder(az-r.BoresightAz, 2*math.Pi)) <= r.HalfWidthAz
			if got := r.inSector(az); got != want {
				t.Fatalf("inSector(%v) with boresight %v, half width %v = %v, want %v", az, r.BoresightAz, r.HalfWidthAz, got, want)
			}
		}
	}
}

// TestAtan2MatchesMath checks atan2 against math.Atan2 bit for bit, over
// random arguments of every sign and scale and the special values.
func TestAtan2MatchesMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 9))
	special := []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, -math.MaxFloat64, 5e-324, -5e-324}
	check := func(y, x float64) {
		got, want := atan2(y, x), math.Atan2(y, x)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("atan2(%v, %v) = %v, math.Atan2 %v", y, x, got, want)
		}
	}
	for _, y := range special {
		for _, x := range special {
			check(y, x)
		}
	}
	for range 200000 {
		y := (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
		x := (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
		check(y, x)
		check(y, 1e7*x)
	}
}
