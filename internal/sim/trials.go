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

// trialsPerWorker is how many results TrialsInOrder holds per worker
// before handing them on: large enough that workers rarely wait at a chunk's
// end, small enough that memory does not grow with trials.
const trialsPerWorker = 64

// TrialsInOrder runs fn like Trials but hands each result to sink in trial
// order, from one goroutine, and keeps at most trialsPerWorker × workers
// results at once: the trials run in chunks of that size. progress, if not
// nil, is called with the number of finished trials.
func TrialsInOrder[T any](ctx context.Context, n, workers int, fn func(i int) (T, error), sink func(i int, r T), progress func(done int)) error {
	chunk := max(1, workers) * trialsPerWorker
	for lo := 0; lo < n; lo += chunk {
		var p func(int)
		if progress != nil {
			p = func(done int) { progress(lo + done) }
		}
		res, err := Trials(ctx, min(chunk, n-lo), workers, func(i int) (T, error) { return fn(lo + i) }, p)
		if err != nil {
			return err
		}
		for i, r := range res {
			sink(lo+i, r)
		}
	}
	return nil
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
