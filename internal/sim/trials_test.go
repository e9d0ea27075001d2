package sim

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"
)

func TestTrialsIndependentOfWorkers(t *testing.T) {
	const n = 500
	draw := func(i int) (float64, error) {
		r := TrialRand(42, i)
		var s float64
		for range 100 {
			s += r.Float64()
		}
		return s, nil
	}
	one, err := Trials(context.Background(), n, 1, draw, nil)
	if err != nil {
		t.Fatal(err)
	}
	var seen int
	many, err := Trials(context.Background(), n, 7, draw, func(d int) { seen = max(seen, d) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(one, many) {
		t.Error("Trials with 1 and 7 workers gave different results")
	}
	if seen != n {
		t.Errorf("progress reached %d, want %d", seen, n)
	}
}

func TestTrialsStopsOnError(t *testing.T) {
	bad := errors.New("bad trial")
	_, err := Trials(context.Background(), 100, 3, func(i int) (int, error) {
		if i == 17 {
			return 0, bad
		}
		return i, nil
	}, nil)
	if !errors.Is(err, bad) {
		t.Errorf("Trials error = %v, want %v", err, bad)
	}
}

// TestWilson checks the worked examples of Newcombe (1998), Table I, method
// 3 (Wilson score, 95 %): 81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605,
// 0/20 → 0–0.1611, printed to four decimals.
func TestWilson(t *testing.T) {
	const tol = 5e-5 // the table's rounding to four decimals
	for _, c := range []struct {
		k, n   int
		lo, hi float64
	}{{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0, 0.1611}} {
		lo, hi := Wilson(c.k, c.n, Z95)
		if math.Abs(lo-c.lo) > tol || math.Abs(hi-c.hi) > tol {
			t.Errorf("Wilson(%d, %d) = %.4f–%.4f, want %.4f–%.4f", c.k, c.n, lo, hi, c.lo, c.hi)
		}
	}
	if lo, hi := Wilson(0, 0, Z95); lo != 0 || hi != 1 {
		t.Errorf("Wilson(0, 0) = %g–%g, want 0–1", lo, hi)
	}
}

// TestWilsonCoverage: over many binomial samples the 95 % interval covers
// the true proportion about 95 % of the time (Newcombe 1998 reports a mean
// coverage of 0.952 for method 3); accept 93–97 %.
func TestWilsonCoverage(t *testing.T) {
	const p, n, samples = 0.3, 50, 4000
	r := TrialRand(9, 0)
	covered := 0
	for range samples {
		k := 0
		for range n {
			if r.Float64() < p {
				k++
			}
		}
		if lo, hi := Wilson(k, n, Z95); lo <= p && p <= hi {
			covered++
		}
	}
	if c := float64(covered) / samples; c < 0.93 || c > 0.97 {
		t.Errorf("coverage = %.3f, want 0.93–0.97", c)
	}
}

// TestTrialsInOrder: results reach the sink in trial order, progress ends
// at n, and no more than trialsPerWorker × workers results are held at
// once.
func TestTrialsInOrder(t *testing.T) {
	const n, workers = 1000, 3
	var (
		got      []int
		last     int
		inFlight int // results produced but not yet sunk
		peak     int
	)
	var mu = make(chan struct{}, 1)
	err := TrialsInOrder(context.Background(), n, workers, func(i int) (int, error) {
		mu <- struct{}{}
		inFlight++
		peak = max(peak, inFlight)
		<-mu
		return i * i, nil
	}, func(i, r int) {
		mu <- struct{}{}
		inFlight--
		<-mu
		if r != i*i {
			t.Errorf("trial %d: result %d", i, r)
		}
		got = append(got, i)
	}, func(done int) {
		if done < last {
			t.Errorf("progress went back from %d to %d", last, done)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n || !slices.IsSorted(got) || got[n-1] != n-1 {
		t.Fatalf("sink saw %d trials, sorted %v", len(got), slices.IsSorted(got))
	}
	if last != n {
		t.Errorf("progress ended at %d, want %d", last, n)
	}
	if limit := workers * trialsPerWorker; peak > limit {
		t.Errorf("held %d results at once, more than the window (%d)", peak, limit)
	}
}

// TestTrialsInOrderStops: an error stops the run and is returned, a
// cancelled context stops it too, and the sink never sees a trial past
// the failing one.
func TestTrialsInOrderStops(t *testing.T) {
	bad := errors.New("bad trial")
	maxSunk := -1
	err := TrialsInOrder(context.Background(), 5000, 2, func(i int) (int, error) {
		if i == 300 {
			return 0, bad
		}
		return i, nil
	}, func(i, _ int) { maxSunk = max(maxSunk, i) }, nil)
	if !errors.Is(err, bad) {
		t.Errorf("TrialsInOrder error = %v, want %v", err, bad)
	}
	if maxSunk >= 300 {
		t.Errorf("the sink saw trial %d, past the failing trial 300", maxSunk)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sunk := 0
	err = TrialsInOrder(ctx, 100000, 2, func(i int) (int, error) {
		if i == 1000 {
			cancel()
		}
		return i, nil
	}, func(int, int) { sunk++ }, nil)
	if !errors.Is(err, context.Canceled) || sunk >= 100000 {
		t.Errorf("cancelled run: error %v after %d trials, want %v before the end", err, sunk, context.Canceled)
	}
}

// TestMeanCI95: the normal interval of a mean against a hand calculation
// (values 1…5: mean 3, sample s.d. √2.5 = 1.58114, half-width
// 1.959964 × 1.58114 / √5 = 1.38590), the degenerate cases, and a
// constant series, whose interval is the point.
func TestMeanCI95(t *testing.T) {
	const tol = 1e-5 // the hand calculation's rounding
	ci := MeanCI95(5, 1+2+3+4+5, 1+4+9+16+25)
	if math.Abs(ci[0]-1.61410) > tol || math.Abs(ci[1]-4.38590) > tol {
		t.Errorf("MeanCI95(1…5) = %v, want [1.61410, 4.38590]", ci)
	}
	if ci := MeanCI95(1, 7, 49); ci != [2]float64{7, 7} {
		t.Errorf("one trial: %v, want [7, 7]", ci)
	}
	if ci := MeanCI95(0, 0, 0); !math.IsNaN(ci[0]) || !math.IsNaN(ci[1]) {
		t.Errorf("no trials: %v, want NaN", ci)
	}
	if ci := MeanCI95(10000, 6*10000, 36*10000); ci != [2]float64{6, 6} {
		t.Errorf("constant 6: %v, want [6, 6]", ci)
	}
}
