package flight

import (
	"errors"
	"math"
	"testing"
	"time"
)

// stepUntil runs d.Step to tEnd in a goroutine, so that a hang fails the
// test instead of stalling it.
func stepUntil[S Vector](t *testing.T, d *DOPRI5[S], tEnd float64) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		for d.T < tEnd {
			if err := d.Step(tEnd); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("DOPRI5 did not return within 10 s")
		return nil
	}
}

// Issue 11: an infinite initial speed (1e306 km/s in m/s) made every error
// norm NaN, and the step control looped forever.
func TestDOPRI5NonFiniteState(t *testing.T) {
	f := func(_ float64, y [2]float64) [2]float64 { return [2]float64{y[1], -y[0]} }
	kms := 1e306
	for _, y0 := range [][2]float64{{0, math.Inf(1)}, {math.NaN(), 1}, {0, kms * 1e3}} {
		d := DOPRI5[[2]float64]{F: f, RelTol: 1e-9, AbsTol: 1e-9, MaxStep: 600}
		d.Reset(0, y0, 0.5)
		if err := stepUntil(t, &d, 3600); !errors.Is(err, ErrNonFinite) {
			t.Errorf("y0 = %v: err = %v, want ErrNonFinite", y0, err)
		}
	}
	// A derivative that turns NaN mid-flight.
	g := func(t float64, y [1]float64) [1]float64 {
		if t > 1 {
			return [1]float64{math.NaN()}
		}
		return [1]float64{-y[0]}
	}
	d := DOPRI5[[1]float64]{F: g, RelTol: 1e-9, AbsTol: 1e-9}
	d.Reset(0, [1]float64{1}, 0.1)
	if err := stepUntil(t, &d, 10); err == nil {
		t.Error("NaN derivative: no error")
	}
}

func TestDOPRI5MaxSteps(t *testing.T) {
	f := func(_ float64, y [1]float64) [1]float64 { return [1]float64{-y[0]} }
	d := DOPRI5[[1]float64]{F: f, RelTol: 1e-9, AbsTol: 1e-9, MaxStep: 1e-3, MaxSteps: 100}
	d.Reset(0, [1]float64{1}, 0)
	if err := stepUntil(t, &d, 10); !errors.Is(err, ErrTooManySteps) || d.Steps != 100 {
		t.Errorf("err = %v after %d steps, want ErrTooManySteps after 100", err, d.Steps)
	}
}
