package intercept

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/track"
	"gonum.org/v1/gonum/spatial/r3"
)

func TestHomingPkLimits(t *testing.T) {
	const pk, reach = 0.7, 5000.0
	if got := HomingPk(pk, 0, reach); got != pk {
		t.Errorf("HomingPk(σ = 0) = %v, want %v", got, pk)
	}
	if got := HomingPk(pk, 1e-6, reach); math.Abs(got-pk) > 1e-12 {
		t.Errorf("HomingPk(σ → 0) = %v, want %v", got, pk)
	}
	if got := HomingPk(pk, 100*reach, reach); got > 1e-4*pk {
		t.Errorf("HomingPk(σ = 100 R) = %v, want ~0", got)
	}
	if got := HomingPk(pk, 1000, math.Inf(1)); got != pk {
		t.Errorf("HomingPk(R = ∞) = %v, want %v", got, pk)
	}
	// σ = R: 1 − e^{−1/2}.
	if got, want := HomingPk(pk, reach, reach), pk*(1-math.Exp(-0.5)); math.Abs(got-want) > 1e-12 {
		t.Errorf("HomingPk(σ = R) = %v, want %v", got, want)
	}
	seed := uint64(7)
	rng := rand.New(rand.NewPCG(seed, 2))
	for range 1000 {
		s1, s2 := 1e4*rng.Float64(), 1e4*rng.Float64()
		r1, r2 := 1e4*rng.Float64(), 1e4*rng.Float64()
		if s1 > s2 {
			s1, s2 = s2, s1
		}
		if r1 > r2 {
			r1, r2 = r2, r1
		}
		if HomingPk(pk, s1, reach) < HomingPk(pk, s2, reach) {
			t.Fatalf("HomingPk rises with σ: %v → %v (seed %d)", s1, s2, seed)
		}
		if HomingPk(pk, 2000, r1) > HomingPk(pk, 2000, r2) {
			t.Fatalf("HomingPk falls with R: %v → %v (seed %d)", r1, r2, seed)
		}
	}
}

func TestMissSigmaProjection(t *testing.T) {
	var est track.Estimate
	est.X = track.Vec6{7e6, 0, 0, 0, 7e3, 0}
	for i := range 3 {
		est.P[i][i] = 100 * 100
		est.P[i+3][i+3] = 1
	}
	m := &track.Ballistic{}
	if got := MissSigma(est, m, est.T, r3.Vec{X: 1}); math.Abs(got-100) > 1e-9 {
		t.Errorf("MissSigma(isotropic 100 m, dt 0) = %v, want 100", got)
	}
	// All the error along the closing direction: no miss.
	est.P = track.Mat6{}
	est.P[0][0] = 1e6
	if got := MissSigma(est, m, est.T, r3.Vec{X: 2}); got != 0 {
		t.Errorf("MissSigma(error along closing) = %v, want 0", got)
	}
	if got := MissSigma(est, m, est.T, r3.Vec{Y: 1}); math.Abs(got-math.Sqrt(1e6/2)) > 1e-9 {
		t.Errorf("MissSigma(error across closing) = %v, want %v", got, math.Sqrt(1e6/2))
	}
	// Velocity error grows the predicted position error.
	est.P = track.Mat6{}
	for i := range 3 {
		est.P[i][i] = 100 * 100
		est.P[i+3][i+3] = 10 * 10
	}
	s0 := MissSigma(est, m, est.T, r3.Vec{X: 1})
	s100 := MissSigma(est, m, est.T+100, r3.Vec{X: 1})
	if !(s100 > 5*s0) {
		t.Errorf("MissSigma after 100 s with 10 m/s velocity σ = %v, want ≫ %v", s100, s0)
	}
}

func TestEffectivePk(t *testing.T) {
	ic := interceptor(t, "SM-3 IIA", catalog.PickCentral)
	x := Intercept{T: 500, FlyoutTime: 300, Closing: r3.Vec{Y: 6000}, ClosingSpeed: 6000}
	reach := ic.HomingReach(x.ClosingSpeed, x.FlyoutTime)
	// R = ½ · 600 m/s · 350 km / 6 km/s = 17.5 km
	if want := 0.5 * ic.Divert * ic.SeekerRange / 6000; math.Abs(reach-want) > 1e-9 {
		t.Errorf("HomingReach = %v, want %v", reach, want)
	}
	est := track.Estimate{T: 500, X: track.Vec6{6.8e6, 0, 0, 0, 6e3, 0}}
	for i := range 3 {
		est.P[i][i] = 1
	}
	if got := ic.EffectivePk(x, est, &track.Ballistic{}); math.Abs(got-ic.PkSSP()) > 1e-9 {
		t.Errorf("EffectivePk(1 m track) = %v, want Pk_ssp %v", got, ic.PkSSP())
	}
	for i := range 3 {
		est.P[i][i] = 1e6 * 1e6 // 1,000 km
	}
	if got := ic.EffectivePk(x, est, &track.Ballistic{}); got > 1e-3 {
		t.Errorf("EffectivePk(1,000 km track) = %v, want ~0", got)
	}
	// Short coast caps the homing time.
	if r := ic.HomingReach(6000, ic.burnTime()+1); r != 0.5*ic.Divert {
		t.Errorf("HomingReach with 1 s of coast = %v, want %v", r, 0.5*ic.Divert)
	}
}

func TestPredictTrackMatchesTruth(t *testing.T) {
	_, tr := mrbm.path(t)
	t0 := tr.BurnoutTime + 60
	s := tr.At(t0)
	est := track.Estimate{T: t0, X: track.Vec6{s.Pos.X, s.Pos.Y, s.Pos.Z, s.Vel.X, s.Vel.Y, s.Vel.Z}}
	p := PredictTrack(est, &track.Ballistic{}, tr.ReentryTime, 5)
	for tt := t0; tt < tr.ReentryTime; tt += 37 {
		got, _ := p.At(tt)
		if d := r3.Norm(r3.Sub(got, tr.At(tt).Pos)); d > 100 {
			t.Errorf("PredictTrack at %.0f s off truth by %.1f m", tt, d)
		}
	}
}
