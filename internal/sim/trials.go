package sim

import (
	"context"
	"math"
	"sync"
	"sync/atomic"
)

// Trials runs fn for trials 0 … n−1 on up to workers goroutines and returns
// the results in trial order. Each trial must draw only from its own stream
// (TrialRand(seed, i)), so the results do not depend on workers. progress,
// if not nil, is called with the number of finished trials (from any
// goroutine, never concurrently). The first error stops the run.
func Trials[T any](ctx context.Context, n, workers int, fn func(i int) (T, error), progress func(done int)) ([]T, error) {
	out := make([]T, n)
	if n == 0 {
		return out, nil
	}
	workers = max(1, min(workers, n))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next     atomic.Int64
		done     atomic.Int64
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				r, err := fn(i)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
					return
				}
				out[i] = r
				if progress != nil {
					// Counted under the lock, so that progress never goes back.
					mu.Lock()
					progress(int(done.Add(1)))
					mu.Unlock()
				} else {
					done.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil && done.Load() < int64(n) {
		return nil, err
	}
	return out, nil
}

// trialsPerWorker is how many trials per worker TrialsInOrder lets run
// ahead of the oldest result not yet handed on: large enough that a slow
// trial rarely holds the workers up, small enough that memory does not grow
// with trials.
const trialsPerWorker = 64

// TrialsInOrder runs fn like Trials but hands each result to sink in trial
// order, from the calling goroutine, and keeps at most trialsPerWorker ×
// workers results at once: a worker starts trial i only once the results
// before i − trialsPerWorker × workers have been handed on. The workers do
// not wait for each other (there is no chunk to finish together), and sink
// runs while they go on. progress, if not nil, is called with the number of
// finished trials (never concurrently, never going back). The first error
// stops the run.
func TrialsInOrder[T any](ctx context.Context, n, workers int, fn func(i int) (T, error), sink func(i int, r T), progress func(done int)) error {
	if n == 0 {
		return nil
	}
	workers = max(1, min(workers, n))
	window := min(n, workers*trialsPerWorker)
	type slot struct {
		r    T
		full bool
	}
	var (
		mu       sync.Mutex
		changed  = sync.NewCond(&mu) // a result, a hand-over or the stop
		ring     = make([]slot, window)
		started  int  // trials handed out
		sunk     int  // results handed to sink
		finished int  // trials finished
		stop     bool // an error or ctx ended the run
		firstErr error
		wg       sync.WaitGroup
	)
	halt := func(err error) { // under mu
		if firstErr == nil {
			firstErr = err
		}
		stop = true
		changed.Broadcast()
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				for !stop && started < n && started >= sunk+window {
					changed.Wait()
				}
				if err := ctx.Err(); err != nil && !stop {
					halt(err)
				}
				if stop || started >= n {
					mu.Unlock()
					return
				}
				i := started
				started++
				mu.Unlock()

				r, err := fn(i)

				mu.Lock()
				if err != nil {
					halt(err)
					mu.Unlock()
					return
				}
				ring[i%window] = slot{r: r, full: true}
				finished++
				if progress != nil {
					progress(finished)
				}
				changed.Broadcast()
				mu.Unlock()
			}
		}()
	}
	for k := range n {
		mu.Lock()
		for !stop && !ring[k%window].full {
			changed.Wait()
		}
		if stop {
			mu.Unlock()
			break
		}
		r := ring[k%window].r
		ring[k%window] = slot{}
		mu.Unlock()
		sink(k, r)
		// Counted once sunk, so that no more than window results are
		// held at once.
		mu.Lock()
		sunk++
		changed.Broadcast()
		mu.Unlock()
	}
	wg.Wait()
	return firstErr
}

// Z95 is the standard normal quantile for a two-sided 95 % interval.
const Z95 = 1.959963984540054

// Wilson returns the Wilson score interval for a proportion of k successes
// in n trials at normal quantile z (Wilson 1927; Newcombe, Statistics in
// Medicine 17, 857–872, 1998, method 3). Unlike the normal approximation it
// stays inside [0, 1] and is usable at k = 0 or k = n. For n = 0 it returns
// [0, 1].
func Wilson(k, n int, z float64) (lo, hi float64) {
	if n <= 0 {
		return 0, 1
	}
	nf, p := float64(n), float64(k)/float64(n)
	z2 := z * z
	centre := (p + z2/(2*nf)) / (1 + z2/nf)
	half := z / (1 + z2/nf) * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// MeanCI95 is the normal-approximation 95 % interval of a mean over n
// trials from the sum and the sum of squares of the per-trial values: the
// mean ± Z95·s/√n with s the sample standard deviation (Student's t would
// differ by under 0.1 % above 1,000 trials). With fewer than two trials
// the interval is the mean itself.
func MeanCI95(n int, sum, sum2 float64) [2]float64 {
	if n == 0 {
		return [2]float64{math.NaN(), math.NaN()}
	}
	fn := float64(n)
	mean := sum / fn
	if n < 2 {
		return [2]float64{mean, mean}
	}
	sd := math.Sqrt(math.Max(0, (sum2-fn*mean*mean)/(fn-1)))
	half := Z95 * sd / math.Sqrt(fn)
	return [2]float64{mean - half, mean + half}
}
