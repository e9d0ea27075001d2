package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/sim"
)

// salvoZ999 is the standard normal quantile for a two-sided 99.9 % interval: a
// correct formula falls outside its Monte Carlo interval one time in 1000.
const salvoZ999 = 3.2905267314919255

// salvoExactTol is the tolerance on values computed by hand from exact binary
// fractions and powers: a few ulps through pow, exp and log1p.
const salvoExactTol = 1e-12

// salvoMCTrials is the number of Monte Carlo trials per case: enough for a
// 99.9 % interval of about ±0.01 on a probability near 1/2.
const salvoMCTrials = 40_000

// TestSalvoMonteCarlo checks every evaluation path (closed forms, binomial
// sums and the shoot-look-shoot chain) against a seeded Monte Carlo: the
// expected leakers and spent interceptors must fall in the 99.9 % normal
// interval of the sample mean, and P(no leaker) in the 99.9 % Wilson
// interval (Newcombe 1998, method 3).
func TestSalvoMonteCarlo(t *testing.T) {
	cases := []SalvoEngagement{
		{Doctrine: SalvoBarrage, Warheads: 8, Interceptors: 16, Pk: 0.7, ShotsPerLook: 2},
		{Doctrine: SalvoBarrage, Warheads: 10, Interceptors: 15, Pk: 0.5, ShotsPerLook: 2},
		{Doctrine: SalvoBarrage, Warheads: 10, Interceptors: 7, Pk: 0.8, ShotsPerLook: 3},
		{Doctrine: SalvoBarrage, Warheads: 12, Interceptors: 20, Pk: 0.6, ShotsPerLook: 2, PEngaged: 0.85},
		{Doctrine: SalvoBarrage, Warheads: 12, Interceptors: 15, Pk: 0.6, ShotsPerLook: 2, PEngaged: 0.7},
		{Doctrine: SalvoBarrage, Warheads: 5, Interceptors: 9, Pk: 0.7, ShotsPerLook: 2, PEngaged: 0.95},
		{Doctrine: SalvoBarrage, Warheads: 5, Interceptors: 9, Pk: 0.7, ShotsPerLook: 2},
		{Doctrine: SalvoSpread, Warheads: 10, Interceptors: 15, Pk: 0.5, ShotsPerLook: 2},
		{Doctrine: SalvoSpread, Warheads: 10, Interceptors: 7, Pk: 0.8, ShotsPerLook: 3},
		{Doctrine: SalvoSpread, Warheads: 12, Interceptors: 15, Pk: 0.6, ShotsPerLook: 2, PEngaged: 0.7},
		{Doctrine: SalvoShootLookShoot, Warheads: 8, Interceptors: 100, Pk: 0.6, ShotsPerLook: 1, Looks: 3},
		{Doctrine: SalvoShootLookShoot, Warheads: 10, Interceptors: 14, Pk: 0.7, ShotsPerLook: 1, Looks: 2},
		{Doctrine: SalvoShootLookShoot, Warheads: 10, Interceptors: 25, Pk: 0.5, ShotsPerLook: 2, Looks: 3},
		{Doctrine: SalvoShootLookShoot, Warheads: 15, Interceptors: 22, Pk: 0.4, ShotsPerLook: 1, Looks: 4},
		{Doctrine: SalvoShootLookShoot, Warheads: 10, Interceptors: 18, Pk: 0.8, ShotsPerLook: 2, Looks: 2, PEngaged: 0.9},
	}
	for ci, e := range cases {
		got, err := e.Outcome()
		if err != nil {
			t.Fatalf("case %d: %v", ci, err)
		}
		r := sim.TrialRand(2024, ci)
		var sumL, sumL2, sumS, sumS2 float64
		zero := 0
		for range salvoMCTrials {
			l, s := PlaySalvo(e, r)
			sumL += float64(l)
			sumL2 += float64(l * l)
			sumS += float64(s)
			sumS2 += float64(s * s)
			if l == 0 {
				zero++
			}
		}
		check := func(what string, sum, sum2, want float64) {
			mean := sum / salvoMCTrials
			sd := math.Sqrt(max(sum2/salvoMCTrials-mean*mean, 0) / salvoMCTrials)
			if math.Abs(mean-want) > salvoZ999*sd+salvoExactTol {
				t.Errorf("%+v.Outcome() %s = %.5f, want Monte Carlo %.5f ± %.5f (99.9 %%)", e, what, want, mean, salvoZ999*sd)
			}
		}
		check("ExpectedLeakers", sumL, sumL2, got.ExpectedLeakers)
		check("ExpectedSpent", sumS, sumS2, got.ExpectedSpent)
		if lo, hi := sim.Wilson(zero, salvoMCTrials, salvoZ999); got.PZeroLeakers < lo-salvoExactTol || got.PZeroLeakers > hi+salvoExactTol { // FMA can make an exact 0 a tiny negative
			t.Errorf("%+v.Outcome() PZeroLeakers = %.5f, want Monte Carlo %.5f–%.5f (99.9 %%)", e, got.PZeroLeakers, lo, hi)
		}
	}
}

// TestPLeak checks the textbook single-warhead arithmetic: two independent
// shots of Pk = 0.8 leave (0.2)² = 0.04; shoot-look-shoot with one shot per
// look and two looks spends 1 + 0.2 = 1.2 interceptors per warhead on
// average for the same 0.04.
func TestPLeak(t *testing.T) {
	if got, want := PLeak(0.8, 2), 0.04; math.Abs(got-want) > salvoExactTol {
		t.Errorf("PLeak(0.8, 2) = %g, want %g", got, want)
	}
	if got, want := PLeak(0.5, 0), 1.0; got != want {
		t.Errorf("PLeak(0.5, 0) = %g, want %g", got, want)
	}
	if got, want := ShootLookShootCost(0.8, 1, 2), 1.2; math.Abs(got-want) > salvoExactTol {
		t.Errorf("ShootLookShootCost(0.8, 1, 2) = %g, want %g", got, want)
	}
	// s = 2, L = 3, q² = 0.25: 2(1 + 0.25 + 0.0625) = 2.625.
	if got, want := ShootLookShootCost(0.5, 2, 3), 2.625; math.Abs(got-want) > salvoExactTol {
		t.Errorf("ShootLookShootCost(0.5, 2, 3) = %g, want %g", got, want)
	}
}

// TestSalvoHandValues checks outcomes worked by hand.
func TestSalvoHandValues(t *testing.T) {
	for _, c := range []struct {
		name           string
		e              SalvoEngagement
		leak, p0, cost float64
	}{
		// Pk 0.8, s 2, ample: 10 × 0.04 leakers, 0.96^10 no leaker.
		{"barrage ample", SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 10, Interceptors: 20, Pk: 0.8, ShotsPerLook: 2},
			0.4, math.Pow(0.96, 10), 20},
		// Spread, 15 for 10 at Pk 0.5: 5 get two shots (0.25), 5 get one
		// (0.5): 1.25 + 2.5 = 3.75; P0 = 0.75^5 · 0.5^5.
		{"spread short", SalvoEngagement{Doctrine: SalvoSpread, Warheads: 10, Interceptors: 15, Pk: 0.5, ShotsPerLook: 2},
			3.75, 0.007415771484375, 15},
		// Barrage, the same 15 for 10: 7 get two shots (0.25), the 8th the
		// one left (0.5), 2 none: 1.75 + 0.5 + 2 = 4.25; P0 = 0.
		{"barrage short", SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 10, Interceptors: 15, Pk: 0.5, ShotsPerLook: 2},
			4.25, 0, 15},
		// Barrage, 9 for 5 at Pk 0.7: 4 get two (0.09), the 5th one (0.3):
		// 0.36 + 0.3 = 0.66; P0 = 0.91^4 · 0.7.
		{"barrage last one short", SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 5, Interceptors: 9, Pk: 0.7, ShotsPerLook: 2},
			0.66, math.Pow(0.91, 4) * 0.7, 9},
		// One warhead engaged with probability 0.9: 0.1 + 0.9 × 0.04.
		{"barrage engaged", SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 1, Interceptors: 2, Pk: 0.8, ShotsPerLook: 2, PEngaged: 0.9},
			0.136, 0.864, 1.8},
		// No interceptors: everything leaks.
		{"no magazine", SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 7, Interceptors: 0, Pk: 0.9, ShotsPerLook: 1, Looks: 3},
			7, 0, 0},
		// W 2, N 3, s 1, L 2, Pk 0.5. Look 1 fires 2 and leaves 1 in stock;
		// 0 survive (1/4), 1 (1/2): it gets the last shot, 2 (1/4): one of
		// them gets it. E = 1/2·1/2 + 1/4·(1/2 + 1) = 0.625;
		// P0 = 1/4 + 1/2·1/2 = 0.5; spent = 2 + 3/4 = 2.75.
		{"sls short", SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 2, Interceptors: 3, Pk: 0.5, ShotsPerLook: 1, Looks: 2},
			0.625, 0.5, 2.75},
		// Ample SLS: P(leak) = 0.2² = 0.04 per warhead at 1.2 interceptors.
		{"sls ample", SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 5, Interceptors: 10, Pk: 0.8, ShotsPerLook: 1, Looks: 2},
			0.2, math.Pow(0.96, 5), 6},
	} {
		got, err := c.e.Outcome()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if math.Abs(got.ExpectedLeakers-c.leak) > salvoExactTol || math.Abs(got.PZeroLeakers-c.p0) > salvoExactTol ||
			math.Abs(got.ExpectedSpent-c.cost) > salvoExactTol {
			t.Errorf("%s: %+v.Outcome() = %.12g leakers, %.12g P0, %.12g spent; want %.12g, %.12g, %.12g",
				c.name, c.e, got.ExpectedLeakers, got.PZeroLeakers, got.ExpectedSpent, c.leak, c.p0, c.cost)
		}
	}
}

// TestSalvoChainMatchesClosedForm runs the shoot-look-shoot chain on ample
// magazines, where the closed forms are exact, including large raids where
// states are dropped.
func TestSalvoChainMatchesClosedForm(t *testing.T) {
	// chainTol: the chain sums binomial terms over many states; allow 1e-9
	// relative for rounding plus the reported bound on dropped states.
	const chainTol = 1e-9
	for _, e := range []SalvoEngagement{
		{Doctrine: SalvoShootLookShoot, Warheads: 20, Pk: 0.6, ShotsPerLook: 1, Looks: 3},
		{Doctrine: SalvoShootLookShoot, Warheads: 300, Pk: 0.7, ShotsPerLook: 2, Looks: 2, PEngaged: 0.95},
		{Doctrine: SalvoShootLookShoot, Warheads: 1550, Pk: 0.8, ShotsPerLook: 1, Looks: 3},
	} {
		e.Interceptors = salvoAmple(e)
		want := e.outcome()
		if want.Method != "closed form" {
			t.Fatalf("%+v: method %q, want closed form", e, want.Method)
		}
		got := salvoSLSChain(e.Warheads, e.Interceptors, e.ShotsPerLook, e.Looks, 1-e.Pk, e.pEngaged())
		tol := chainTol*float64(e.Warheads) + got.ErrorBound
		if math.Abs(got.ExpectedLeakers-want.ExpectedLeakers) > tol ||
			math.Abs(got.PZeroLeakers-want.PZeroLeakers) > chainTol+got.ErrorBound ||
			math.Abs(got.ExpectedSpent-want.ExpectedSpent) > chainTol*want.ExpectedSpent+got.ErrorBound*float64(e.Interceptors) {
			t.Errorf("salvoSLSChain(%+v) = %+v, want %+v", e, got, want)
		}
	}
}

// TestSalvoMonotone: more interceptors never raise the expected leakers or
// lower P(no leaker); InterceptorsFor* rely on it.
func TestSalvoMonotone(t *testing.T) {
	// monoTol: rounding noise between neighbouring magazine sizes.
	const monoTol = 1e-12
	for _, e := range []SalvoEngagement{
		{Doctrine: SalvoBarrage, Warheads: 30, Pk: 0.6, ShotsPerLook: 3, PEngaged: 0.9},
		{Doctrine: SalvoSpread, Warheads: 30, Pk: 0.6, ShotsPerLook: 3, PEngaged: 0.9},
		{Doctrine: SalvoShootLookShoot, Warheads: 30, Pk: 0.6, ShotsPerLook: 1, Looks: 3},
		{Doctrine: SalvoShootLookShoot, Warheads: 25, Pk: 0.4, ShotsPerLook: 2, Looks: 3, PEngaged: 0.95},
	} {
		ns := make([]int, salvoAmple(e)+1)
		for i := range ns {
			ns[i] = i
		}
		curve, err := SalvoExchangeCurve(e, ns)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(curve); i++ {
			a, b := curve[i-1], curve[i]
			if b.ExpectedLeakers > a.ExpectedLeakers+monoTol || b.PZeroLeakers < a.PZeroLeakers-monoTol {
				t.Errorf("SalvoExchangeCurve(%+v) at N = %d: %g leakers, P0 %g; at N = %d: %g, %g; want monotone",
					e, a.Interceptors, a.ExpectedLeakers, a.PZeroLeakers, b.Interceptors, b.ExpectedLeakers, b.PZeroLeakers)
				break
			}
		}
	}
}

// TestInterceptorsFor checks the inverse problems on the hand-worked
// cases: spread, 15 interceptors give 3.75 leakers and 14 give
// 4 × 0.25 + 6 × 0.5 = 4; barrage, 15 give 4.25 and 14 give
// 7 × 0.25 + 3 = 4.75; and that unreachable goals are errors.
func TestInterceptorsFor(t *testing.T) {
	e := SalvoEngagement{Doctrine: SalvoSpread, Warheads: 10, Pk: 0.5, ShotsPerLook: 2}
	if got, err := InterceptorsForLeakers(e, 3.75); err != nil || got != 15 {
		t.Errorf("InterceptorsForLeakers(%+v, 3.75) = %d, %v; want 15, nil", e, got, err)
	}
	bar := SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 10, Pk: 0.5, ShotsPerLook: 2}
	if got, err := InterceptorsForLeakers(bar, 4.25); err != nil || got != 15 {
		t.Errorf("InterceptorsForLeakers(%+v, 4.25) = %d, %v; want 15, nil", bar, got, err)
	}
	if got, err := InterceptorsForLeakers(e, 10); err != nil || got != 0 {
		t.Errorf("InterceptorsForLeakers(%+v, 10) = %d, %v; want 0, nil", e, got, err)
	}
	// Ample: 10 × 0.25 = 2.5 leakers at best.
	if _, err := InterceptorsForLeakers(e, 2); err == nil || !strings.Contains(err.Error(), "unreachable") {
		t.Errorf("InterceptorsForLeakers(%+v, 2) error = %v, want unreachable", e, err)
	}
	// P0 ≥ 0.9 for one warhead at Pk 0.8: a barrage of 2 gives 0.96, 1 gives 0.8.
	one := SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 1, Pk: 0.8, ShotsPerLook: 3}
	if got, err := InterceptorsForZeroLeakers(one, 0.9); err != nil || got != 2 {
		t.Errorf("InterceptorsForZeroLeakers(%+v, 0.9) = %d, %v; want 2, nil", one, got, err)
	}
	// Pe 0.5 for 10 warheads caps P0 at 0.5^10.
	blind := SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 10, Pk: 0.9, ShotsPerLook: 1, Looks: 2, PEngaged: 0.5}
	if _, err := InterceptorsForZeroLeakers(blind, 0.5); err == nil || !strings.Contains(err.Error(), "unreachable") {
		t.Errorf("InterceptorsForZeroLeakers(%+v, 0.5) error = %v, want unreachable", blind, err)
	}
	// The least N must reach the goal and N−1 must not.
	sls := SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 40, Pk: 0.7, ShotsPerLook: 1, Looks: 3}
	n, err := InterceptorsForZeroLeakers(sls, 0.3)
	if err != nil {
		t.Fatal(err)
	}
	curve, _ := SalvoExchangeCurve(sls, []int{n - 1, n})
	if curve[0].PZeroLeakers >= 0.3 || curve[1].PZeroLeakers < 0.3 {
		t.Errorf("InterceptorsForZeroLeakers(%+v, 0.3) = %d, but P0(N−1) = %g, P0(N) = %g", sls, n, curve[0].PZeroLeakers, curve[1].PZeroLeakers)
	}
}

// TestSalvoBarrageIsNotSpread checks the mission's Q6 case of 1,550
// warheads, 1,500 interceptors of Pk 0.6, two per warhead and Pe 0.83
// against figures worked by hand (issue 12 §5). Barrage: the magazine
// makes 750 full salvos; the number engaged, Binomial(1550, 0.83), has
// mean 1286.5 and sd 14.8, so it exceeds 750 with certainty to double
// precision and E = 1550 − 750·(1 − 0.4²) = 920.0. Spread: with M engaged
// (750 < M < 1500) 1500 − M warheads get two shots and 2M − 1500 get one,
// E = 1550·0.17 + (1500 − M)·0.16 + (2M − 1500)·0.4, linear in M, so
// E = 263.5 + 0.64·1286.5 − 360 = 726.86. The single-warhead arithmetic
// (P(leak) = (1 − Pk)^k for k independent shots) is that of Wilkening
// (2000), eq. 1, and of the salvo equations in general.
func TestSalvoBarrageIsNotSpread(t *testing.T) {
	// handTol: the neglected binomial tails are below 1e-30; what is left
	// is rounding in the sums over ~600 terms.
	const handTol = 1e-9
	for _, c := range []struct {
		d    SalvoDoctrine
		want float64
	}{{SalvoBarrage, 920.0}, {SalvoSpread, 726.86}} {
		e := SalvoEngagement{Doctrine: c.d, Warheads: 1550, Interceptors: 1500, Pk: 0.6, ShotsPerLook: 2, PEngaged: 0.83}
		got, err := e.Outcome()
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.ExpectedLeakers-c.want) > handTol*c.want {
			t.Errorf("%+v.Outcome().ExpectedLeakers = %.6f, want %.6f", e, got.ExpectedLeakers, c.want)
		}
		if c.d == SalvoBarrage && math.Abs(got.ExpectedSpent-1500) > handTol*1500 {
			t.Errorf("%+v.Outcome().ExpectedSpent = %.6f, want 1500", e, got.ExpectedSpent)
		}
	}
}

func TestSalvoValidate(t *testing.T) {
	bad := SalvoEngagement{Doctrine: "sls", Warheads: -1, Interceptors: -2, Pk: 1.5, ShotsPerLook: 0, Looks: 3, PEngaged: -0.1}
	err := bad.Validate()
	if err == nil {
		t.Fatalf("%+v.Validate() = nil, want errors", bad)
	}
	for _, want := range []string{
		`doctrine: "sls" is not allowed; allowed: barrage, spread, shoot-look-shoot`,
		"warheads: -1", "interceptors: -2", "pk: 1.5", "shots_per_look: 0", "p_engaged: -0.1",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%+v.Validate() = %q, want it to contain %q", bad, err, want)
		}
	}
	b := SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 1, ShotsPerLook: 1, Looks: 2}
	if err := b.Validate(); err == nil || !strings.Contains(err.Error(), "looks: 2 is not allowed for barrage") {
		t.Errorf("%+v.Validate() = %v, want a looks error", b, err)
	}
	if _, err := SalvoExchangeCurve(SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 1, ShotsPerLook: 1}, []int{3, -1}); err == nil ||
		!strings.Contains(err.Error(), "interceptors[1]") {
		t.Errorf("SalvoExchangeCurve with N = -1: error = %v, want interceptors[1]", err)
	}
}

// TestSalvoExchangeCurves compares Pk 0.5, 0.7 and 0.9 under a barrage of
// two, a spread of up to two and shoot-look-shoot (one shot, two looks)
// for 100 warheads: with an ample magazine all leave 100·q² leakers, and
// shoot-look-shoot gets there with 100·(1 + q) interceptors instead of
// 200. At N = 100 spread and shoot-look-shoot fire one shot at each
// warhead (100·q) and barrage two at each of 50 (50·q² + 50).
func TestSalvoExchangeCurves(t *testing.T) {
	var es []SalvoEngagement
	for _, pk := range []float64{0.5, 0.7, 0.9} {
		es = append(es,
			SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 100, Pk: pk, ShotsPerLook: 2},
			SalvoEngagement{Doctrine: SalvoSpread, Warheads: 100, Pk: pk, ShotsPerLook: 2},
			SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 100, Pk: pk, ShotsPerLook: 1, Looks: 2})
	}
	curves, err := SalvoExchangeCurves(es, []int{0, 100, 150, 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range curves {
		q := 1 - c.Engagement.Pk
		last := c.Points[len(c.Points)-1]
		if math.Abs(last.ExpectedLeakers-100*q*q) > 1e-9 || c.Points[0].ExpectedLeakers != 100 {
			t.Errorf("SalvoExchangeCurves %s Pk %g: %g leakers at N = 0, %g at 200; want 100, %g",
				c.Engagement.Doctrine, c.Engagement.Pk, c.Points[0].ExpectedLeakers, last.ExpectedLeakers, 100*q*q)
		}
		want100 := 100 * q
		if c.Engagement.Doctrine == SalvoBarrage {
			want100 = 50*q*q + 50
		}
		if p := c.Points[1]; math.Abs(p.ExpectedLeakers-want100) > 1e-9 {
			t.Errorf("SalvoExchangeCurves %s Pk %g at N = 100: %g leakers, want %g", c.Engagement.Doctrine, c.Engagement.Pk, p.ExpectedLeakers, want100)
		}
		if c.Engagement.Doctrine == SalvoShootLookShoot && math.Abs(last.ExpectedSpent-100*(1+q)) > 1e-9 {
			t.Errorf("SalvoExchangeCurves SLS Pk %g spent %g, want %g", c.Engagement.Pk, last.ExpectedSpent, 100*(1+q))
		}
	}
	_, err = SalvoExchangeCurves([]SalvoEngagement{es[0], {Doctrine: SalvoBarrage, Warheads: 1, ShotsPerLook: 1, Pk: 2}}, []int{1})
	if err == nil || !strings.Contains(err.Error(), "engagements[1].pk: 2 is out of range") {
		t.Errorf("SalvoExchangeCurves with Pk 2: error = %v, want engagements[1].pk", err)
	}
}

// TestSalvoBinomialPMF: C(10, 5)/2^10 = 252/1024; with a cut the kept terms
// plus the tail bound cover the whole mass and the kept terms do not exceed it.
func TestSalvoBinomialPMF(t *testing.T) {
	terms, lo, tail := salvoBinomialPMF(10, 0.5, 0, nil)
	if len(terms) != 11 || lo != 0 || tail != 0 || math.Abs(terms[5]-252.0/1024) > salvoExactTol {
		t.Errorf("salvoBinomialPMF(10, 0.5, 0) = %v from %d, tail %g; want 11 terms from 0, P(5) = %g", terms, lo, tail, 252.0/1024)
	}
	// sumTol: rounding in summing ~200 terms.
	const sumTol = 1e-12
	terms, lo, tail = salvoBinomialPMF(1550, 0.3, 1e-16, nil)
	var sum float64
	for _, v := range terms {
		sum += v
	}
	if sum > 1+sumTol || sum+tail < 1-sumTol || tail > 1e-14 || lo == 0 || lo+len(terms) > 1551 {
		t.Errorf("salvoBinomialPMF(1550, 0.3, 1e-16): %d terms from %d sum to %.17g, tail %g; want sum + tail ≥ 1, sum ≤ 1",
			len(terms), lo, sum, tail)
	}
}

func BenchmarkSalvoOutcome(b *testing.B) {
	for _, c := range []struct {
		name string
		e    SalvoEngagement
	}{
		{"barrage-1550-pe", SalvoEngagement{Doctrine: SalvoBarrage, Warheads: 1550, Interceptors: 2000, Pk: 0.7, ShotsPerLook: 2, PEngaged: 0.9}},
		{"sls-1550-L2", SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 1550, Interceptors: 2000, Pk: 0.7, ShotsPerLook: 1, Looks: 2}},
		{"sls-1550-L3-pe", SalvoEngagement{Doctrine: SalvoShootLookShoot, Warheads: 1550, Interceptors: 2000, Pk: 0.7, ShotsPerLook: 1, Looks: 3, PEngaged: 0.95}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.e.Outcome(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
