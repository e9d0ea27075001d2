package store

import (
	"context"
	"errors"
	"time"

	"github.com/rampart-sim/rampart/internal/study"
)

// finalTimeout bounds the write that ends a run (fail, cancel), which
// runs even when the run's context is cancelled.
const finalTimeout = 30 * time.Second

// Record runs fn as a stored run of spec: it creates the run, marks it
// running, calls fn, and then finishes it with fn's result (OutcomeOf),
// cancels it if ctx was cancelled, or fails it with fn's error. It
// returns the run's id (0 if it could not be created) and fn's result.
// fn's error is returned as it is; a store error after fn succeeded is
// returned with the result.
func Record(ctx context.Context, st Store, spec Spec, fn func() (*study.Result, error)) (int64, *study.Result, error) {
	r, err := st.Create(ctx, spec)
	if err != nil {
		return 0, nil, err
	}
	if err := st.Start(ctx, r.ID); err != nil {
		return r.ID, nil, err
	}
	res, runErr := fn()
	final, cancel := context.WithTimeout(context.WithoutCancel(ctx), finalTimeout)
	defer cancel()
	if runErr != nil {
		if errors.Is(runErr, context.Canceled) && ctx.Err() != nil {
			_ = st.Cancel(final, r.ID)
		} else {
			_ = st.Fail(final, r.ID, runErr.Error())
		}
		return r.ID, nil, runErr
	}
	out, err := OutcomeOf(res)
	if err != nil {
		_ = st.Fail(final, r.ID, "storing the results: "+err.Error())
		return r.ID, res, err
	}
	// Finish is not cancelled by ctx: the run is complete, so it is kept.
	if err := st.Finish(final, r.ID, out); err != nil {
		_ = st.Fail(final, r.ID, "storing the results: "+err.Error())
		return r.ID, res, err
	}
	return r.ID, res, nil
}
