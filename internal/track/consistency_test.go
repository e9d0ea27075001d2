package track

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// Filter consistency by Monte Carlo (Bar-Shalom, Li & Kirubarajan,
// Estimation with Applications to Tracking and Navigation, 2001, §5.4):
// over M runs with matched noise, M·(average NEES at step k) is χ² with M·n
// degrees of freedom (n = 6 for NEES, 3 for NIS), so the average lies in
// [χ²_{Mn}(0.025), χ²_{Mn}(0.975)]/M with probability 0.95 at each step.
//
// Averages at successive steps of the same runs are strongly correlated
// (the filter's memory spans many steps), so here each checked step k gets
// its own M runs of length k: the per-step averages are then independent,
// the number inside the bounds is binomial(K, 0.95), and the grand average
// over all checked steps is χ²_{MKn}/(MK).

// minInside is the fraction of the K = 20 checked steps whose averages
// must fall inside the per-step 95% bounds: P(binomial(20, 0.95) < 15) =
// 0.0003, so ten such checks fail by chance with probability 0.003.
const minInside = 0.75

// grandP is the probability of the two-sided bounds on the grand averages:
// ten checks (five cases, NEES and NIS) fail by chance with probability 0.01.
const grandP = 0.999

type mcCase struct {
	name   string
	filter Filter
	// truth returns the deterministic next true state, dt after x.
	truth func(x Vec6, t, dt float64) Vec6
	q     func(x Vec6, dt float64) Mat6 // truth process noise
	det   Detection                     // model of the detections; Z is replaced
	x0    Vec6
	p0    Mat6
	dt    float64
	steps int // checked steps are every steps/20
}

type mcResult struct {
	nees, nis []float64 // averages over runs at each checked step
}

// run simulates one run of n steps and returns the last NEES and NIS.
func (c *mcCase) run(t *testing.T, rng *rand.Rand, n int, seed uint64) (float64, float64) {
	x := c.x0
	dx := sampleGaussian(t, rng, &c.p0)
	e := Estimate{T: 0, P: c.p0}
	for i := range 6 {
		e.X[i] = c.x0[i] + dx[i]
	}
	tm := 0.0
	var nis float64
	for k := range n {
		x = c.truth(x, tm, c.dt)
		q := c.q(x, c.dt)
		w := sampleGaussian(t, rng, &q)
		for i := range 6 {
			x[i] += w[i]
		}
		tm += c.dt
		d := c.det
		d.Time = tm
		d = noisy(rng, d, &x)
		pred := c.filter.Predict(e, tm)
		post, in, err := c.filter.Update(&pred, &d)
		if err != nil {
			t.Fatalf("%s seed %d: Update at step %d: %v", c.name, seed, k, err)
		}
		e = post
		nis = in.D2
	}
	return nees(t, &x, &e), nis
}

func runMC(t *testing.T, c mcCase, runs int, seed uint64) mcResult {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 99))
	var res mcResult
	stride := max(c.steps/20, 1)
	for k := stride; k <= c.steps; k += stride {
		var sn, si float64
		for range runs {
			a, b := c.run(t, rng, k, seed)
			sn += a
			si += b
		}
		res.nees = append(res.nees, sn/float64(runs))
		res.nis = append(res.nis, si/float64(runs))
	}
	return res
}

func bounds(runs, dim int) (lo, hi float64) { return boundsP(runs, dim, 0.95) }

// boundsP returns the two-sided bounds of probability p on the average of
// runs χ²_dim variables.
func boundsP(runs, dim int, p float64) (lo, hi float64) {
	c := distuv.ChiSquared{K: float64(runs * dim)}
	return c.Quantile((1-p)/2) / float64(runs), c.Quantile((1+p)/2) / float64(runs)
}

func fractionInside(v []float64, lo, hi float64) float64 {
	n := 0
	for _, x := range v {
		if x >= lo && x <= hi {
			n++
		}
	}
	return float64(n) / float64(len(v))
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func consistencyCases() []mcCase {
	s := radar()
	x0 := ballisticState(s.Frame, 200, 400, 250, -1200, -2500, 300)
	var p0 Mat6
	for i := range 3 {
		p0[i][i] = 500 * 500
		p0[i+3][i+3] = 50 * 50
	}
	bal := &Ballistic{Q: 1}
	cv := ConstantVelocity{Q: 0.5}
	posDet := Detection{Kind: PositionECEF, R: Mat3{{400, 50, 0}, {50, 900, -100}, {0, -100, 2500}}}
	raeDet := s.Detect(0, 1, 0, 0)
	cvx0 := ballisticState(s.Frame, 50, 80, 10, 200, -150, 5)
	var cvp0 Mat6
	for i := range 3 {
		cvp0[i][i] = 100 * 100
		cvp0[i+3][i+3] = 20 * 20
	}
	balTruth := func(x Vec6, _, dt float64) Vec6 { return bal.PropagateState(x, dt) }
	cvTruth := func(x Vec6, _, dt float64) Vec6 { y, _ := cv.Propagate(x, dt); return y }
	return []mcCase{
		{name: "KF/CV/position", filter: &KF{Motion: cv}, truth: cvTruth, q: cv.Noise, det: posDet, x0: cvx0, p0: cvp0, dt: 1, steps: 40},
		{name: "EKF/CV/range-az-el", filter: &EKF{Motion: cv}, truth: cvTruth, q: cv.Noise, det: raeDet, x0: cvx0, p0: cvp0, dt: 1, steps: 40},
		{name: "EKF/ballistic/range-az-el", filter: &EKF{Motion: bal}, truth: balTruth, q: bal.Noise, det: raeDet, x0: x0, p0: p0, dt: 2, steps: 40},
		{name: "UKF/ballistic/range-az-el", filter: &UKF{Motion: bal}, truth: balTruth, q: bal.Noise, det: raeDet, x0: x0, p0: p0, dt: 2, steps: 40},
		{name: "UKF/CV/range-az-el", filter: &UKF{Motion: cv}, truth: cvTruth, q: cv.Noise, det: raeDet, x0: cvx0, p0: cvp0, dt: 1, steps: 40},
		// The engine's tracker filter: one constant-acceleration step for
		// short predictions, standard-form update.
		{name: "EKF/ballistic-engine/range-az-el", filter: &EKF{Motion: &Ballistic{Q: 1, ShortStep: 2}, StandardForm: true}, truth: balTruth, q: bal.Noise, det: raeDet, x0: x0, p0: p0, dt: 1, steps: 40},
	}
}

func TestConsistencyNEESNIS(t *testing.T) {
	runs := 200
	if testing.Short() {
		runs = 50
	}
	for i, c := range consistencyCases() {
		t.Run(c.name, func(t *testing.T) {
			seed := uint64(1000 + i)
			r := runMC(t, c, runs, seed)
			lo6, hi6 := bounds(runs, 6)
			lo3, hi3 := bounds(runs, 3)
			fe, fn := fractionInside(r.nees, lo6, hi6), fractionInside(r.nis, lo3, hi3)
			k := len(r.nees)
			glo6, ghi6 := bounds(runs*k, 6)
			glo3, ghi3 := bounds(runs*k, 3)
			t.Logf("%s: %d runs at each of %d steps, seed %d: NEES %.2f in [%.2f, %.2f] (per step [%.2f, %.2f], %.0f%% inside); NIS %.2f in [%.2f, %.2f] (per step [%.2f, %.2f], %.0f%% inside)",
				c.name, runs, k, seed, mean(r.nees), glo6, ghi6, lo6, hi6, 100*fe, mean(r.nis), glo3, ghi3, lo3, hi3, 100*fn)
			if lo, hi := boundsP(runs*k, 6, grandP); mean(r.nees) < lo || mean(r.nees) > hi {
				t.Errorf("%s seed %d: grand average NEES = %.3f, want within %v bounds [%.3f, %.3f]", c.name, seed, mean(r.nees), grandP, lo, hi)
			}
			if lo, hi := boundsP(runs*k, 3, grandP); mean(r.nis) < lo || mean(r.nis) > hi {
				t.Errorf("%s seed %d: grand average NIS = %.3f, want within %v bounds [%.3f, %.3f]", c.name, seed, mean(r.nis), grandP, lo, hi)
			}
			if fe < minInside {
				t.Errorf("%s seed %d: NEES inside bounds at %.2f of steps, want ≥ %.2f; averages %v", c.name, seed, fe, minInside, r.nees)
			}
			if fn < minInside {
				t.Errorf("%s seed %d: NIS inside bounds at %.2f of steps, want ≥ %.2f; averages %v", c.name, seed, fn, minInside, r.nis)
			}
		})
	}
}

// TestConsistencyMismatched gives the filter far too little process noise
// for a weaving or thrusting truth: NEES must exceed the upper bound.
func TestConsistencyMismatched(t *testing.T) {
	runs := 100
	if testing.Short() {
		runs = 30
	}
	s := radar()
	cv := ConstantVelocity{Q: 1e-3}
	weave := func(x Vec6, tm, dt float64) Vec6 {
		// 30 m/s² (≈3 g) sinusoidal weave along the radar's east axis.
		y, _ := ConstantVelocity{}.Propagate(x, dt)
		a := 30 * math.Sin(0.3*tm)
		e := s.Frame.E
		for i, u := range [3]float64{e.X, e.Y, e.Z} {
			y[i] += 0.5 * a * u * dt * dt
			y[i+3] += a * u * dt
		}
		return y
	}
	bal := &Ballistic{Q: 1e-3}
	thrust := func(x Vec6, tm, dt float64) Vec6 {
		// Unmodelled 20 m/s² thrust along the velocity.
		y := (&Ballistic{}).PropagateState(x, dt)
		v := math.Sqrt(x[3]*x[3] + x[4]*x[4] + x[5]*x[5])
		for i := range 3 {
			y[i] += 0.5 * 20 * x[i+3] / v * dt * dt
			y[i+3] += 20 * x[i+3] / v * dt
		}
		return y
	}
	small := func(_ Vec6, dt float64) Mat6 { return whiteAccelNoise(1e-3, dt) }
	var p0 Mat6
	for i := range 3 {
		p0[i][i] = 100 * 100
		p0[i+3][i+3] = 20 * 20
	}
	cases := []mcCase{
		{name: "KF/weave", filter: &KF{Motion: cv}, truth: weave, q: small,
			det: Detection{Kind: PositionECEF, R: Mat3{{400, 0, 0}, {0, 400, 0}, {0, 0, 400}}},
			x0:  ballisticState(s.Frame, 50, 80, 10, 250, 0, 0), p0: p0, dt: 1, steps: 40},
		{name: "EKF/thrust", filter: &EKF{Motion: bal}, truth: thrust, q: small, det: s.Detect(0, 1, 0, 0),
			x0: ballisticState(s.Frame, 100, 200, 100, 1000, 2000, 1000), p0: p0, dt: 1, steps: 40},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seed := uint64(2000 + i)
			r := runMC(t, c, runs, seed)
			_, hi := bounds(runs, 6)
			tail := r.nees[len(r.nees)/2:]
			t.Logf("%s: %d runs, seed %d: mean NEES over the second half %.1f, upper bound %.2f", c.name, runs, seed, mean(tail), hi)
			if frac := fractionInside(tail, 0, hi); frac > 0.1 {
				t.Errorf("%s seed %d: NEES at or below the upper bound %.2f at %.2f of late steps, want ≤ 0.10; averages %v", c.name, seed, hi, frac, tail)
			}
		})
	}
}
