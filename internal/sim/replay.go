package sim

import (
	"context"
	"fmt"
)

// TrialRange runs trials lo … hi−1 of a Monte Carlo with seed, trial i on
// TrialRand(seed, i) as MonteCarlo runs it, on up to workers goroutines,
// and hands each outcome to sink in trial order: one shard of a run split
// across processes (package shard). progress counts the range's trials.
// The first error of a trial or of sink stops the run.
func (w *World) TrialRange(ctx context.Context, seed int64, lo, hi, workers int, progress func(done int), sink func(trial int, o *Outcome) error) error {
	if lo < 0 || hi < lo {
		return fmt.Errorf("trial range %d–%d is empty or negative", lo, hi)
	}
	var sinkErr error
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	err := TrialsInOrder(ctx, hi-lo, workers, func(k int) (*Outcome, error) {
		return w.Engage(TrialRand(seed, lo+k))
	}, func(k int, o *Outcome) {
		if sinkErr != nil {
			return
		}
		if sinkErr = sink(lo+k, o); sinkErr != nil {
			cancel()
		}
	}, progress)
	if sinkErr != nil {
		return sinkErr
	}
	return err
}

// Replay summarises trials 0 … trials−1 whose outcomes were computed
// elsewhere (TrialRange on other processes), taking trial i's from next(i)
// in trial order: the same fold as MonteCarlo, so the Summary is the same,
// to the bit, as MonteCarlo's over the same trials. observe is as for
// MonteCarlo.
func (w *World) Replay(ctx context.Context, seed int64, trials int, progress func(done int), next func(trial int) (*Outcome, error), observe func(trial int, o *Outcome)) (*Summary, error) {
	t := w.newTally(seed, trials)
	for i := range trials {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		o, err := next(i)
		if err != nil {
			return nil, err
		}
		if err := w.checkOutcome(o); err != nil {
			return nil, &OutcomeError{Trial: i, Err: err}
		}
		t.add(o)
		if observe != nil {
			observe(i, o)
		}
		if progress != nil {
			progress(i + 1)
		}
	}
	return t.summary(), nil
}

// checkOutcome refuses an outcome whose per-flight and per-asset slices do
// not match w: one from another world would index out of range.
func (w *World) checkOutcome(o *Outcome) error {
	if o == nil {
		return fmt.Errorf("no outcome")
	}
	n := len(w.Flights)
	for _, c := range []struct {
		what string
		got  int
	}{{"sensing", len(o.Sensing)}, {"leaked", len(o.Leaked)}, {"interceptors", len(o.Interceptors)},
		{"engagers", len(o.Engagers)}, {"sector_barred", len(o.SectorBarred)}} {
		if c.got != n {
			return fmt.Errorf("outcome has %d %s entries for %d flights", c.got, c.what, n)
		}
	}
	if len(o.AssetLost) != len(w.Assets) {
		return fmt.Errorf("outcome has %d asset entries for %d assets", len(o.AssetLost), len(w.Assets))
	}
	for k, s := range o.Shots {
		if s.Flight < -1 || s.Flight >= n {
			return fmt.Errorf("shot %d names flight %d of %d", k, s.Flight, n)
		}
	}
	return nil
}

// OutcomeError is a replayed outcome that does not fit the world: one from
// another scenario, or a damaged shard.
type OutcomeError struct {
	Trial int
	Err   error
}

func (e *OutcomeError) Error() string { return fmt.Sprintf("trial %d: %v", e.Trial, e.Err) }
func (e *OutcomeError) Unwrap() error { return e.Err }
