package flight

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// decay is y′ = −y, y(t) = e^{−t}.
func decay(_ float64, y [1]float64) [1]float64 { return [1]float64{-y[0]} }

// oscillator is the harmonic oscillator x″ = −x: (x, v)(t) = (cos t, −sin t).
func oscillator(_ float64, y [2]float64) [2]float64 { return [2]float64{y[1], -y[0]} }

func TestDOPRI5Decay(t *testing.T) {
	// The global error of a 5(4) pair run at RelTol = AbsTol = 1e-10 stays
	// within a small multiple of the tolerance over ten e-folds.
	const tol = 1e-10
	const wantTol = 20 * tol
	d := DOPRI5[[1]float64]{F: decay, RelTol: tol, AbsTol: tol}
	d.Reset(0, [1]float64{1}, 0)
	for d.T < 10 {
		if err := d.Step(10); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := d.Y[0], math.Exp(-10); math.Abs(got-want) > wantTol {
		t.Errorf("DOPRI5 y′=−y, y(10) = %.15g, want %.15g", got, want)
	}
	if d.T != 10 {
		t.Errorf("DOPRI5 final T = %v, want 10 exactly", d.T)
	}
	t.Logf("decay: %d steps, %d evaluations", d.Steps, d.Evals)
}

func TestDOPRI5DenseOutput(t *testing.T) {
	// The continuous extension is of order 4; with tolerance 1e-9 and the
	// resulting steps (~0.1–0.3), interpolation error is about 1e-9.
	const tol = 1e-9
	const denseTol = 1e-8
	d := DOPRI5[[2]float64]{F: oscillator, RelTol: tol, AbsTol: tol}
	d.Reset(0, [2]float64{1, 0}, 0)
	var worst float64
	for d.T < 20 {
		if err := d.Step(20); err != nil {
			t.Fatal(err)
		}
		for k := range 10 {
			tt := d.Last.T + d.Last.H*float64(k)/10
			y := d.Last.At(tt)
			worst = math.Max(worst, math.Abs(y[0]-math.Cos(tt)))
			worst = math.Max(worst, math.Abs(y[1]+math.Sin(tt)))
		}
	}
	if worst > denseTol {
		t.Errorf("DOPRI5 dense output worst error = %.3g, want ≤ %.3g", worst, denseTol)
	}
	t.Logf("oscillator: %d steps, worst dense error %.3g", d.Steps, worst)
}

func TestDOPRI5EventLocation(t *testing.T) {
	// Zeros of x = cos t lie at t = π/2 + kπ; located on the dense output to
	// the requested time tolerance plus the interpolation error (~1e-9).
	const tol = 1e-10
	const eventTol = 1e-8
	d := DOPRI5[[2]float64]{F: oscillator, RelTol: tol, AbsTol: tol}
	d.Reset(0, [2]float64{1, 0}, 0)
	g := func(_ float64, y [2]float64) float64 { return y[0] }
	g0 := g(0, d.Y)
	k := 0
	for d.T < 10 {
		if err := d.Step(10); err != nil {
			t.Fatal(err)
		}
		g1 := g(d.T, d.Y)
		if (g0 > 0) != (g1 > 0) {
			te, _ := LocateEvent(&d.Last, g, g0, g1, 1e-12)
			want := math.Pi/2 + float64(k)*math.Pi
			if math.Abs(te-want) > eventTol {
				t.Errorf("LocateEvent(cos t = 0) #%d = %.12f, want %.12f", k, te, want)
			}
			k++
		}
		g0 = g1
	}
	if k != 3 {
		t.Errorf("LocateEvent found %d zeros of cos t in [0, 10], want 3", k)
	}
}

func TestRK4Order(t *testing.T) {
	// Halving the step of a fourth-order method divides the error by 2⁴ = 16;
	// the observed order on the oscillator lies within 0.1 of 4.
	const orderTol = 0.1
	errAt := func(n int) float64 {
		y := IntegrateRK4(oscillator, 0, [2]float64{1, 0}, 2, n)
		return math.Hypot(y[0]-math.Cos(2), y[1]+math.Sin(2))
	}
	for _, n := range []int{20, 40, 80} {
		e1, e2 := errAt(n), errAt(2*n)
		order := math.Log2(e1 / e2)
		if math.Abs(order-4) > orderTol {
			t.Errorf("RK4 observed order (n=%d→%d) = %.3f, want 4", n, 2*n, order)
		}
	}
}

// BenchmarkDOPRI5Step is one accepted step of the ballistic equations
// (J2 gravity, coasting above the atmosphere) at the step size the
// controller chose.
func BenchmarkDOPRI5Step(b *testing.B) {
	g := newEngine(WGS84Earth())
	y := burnoutState(g.earth, geo.LLA{Alt: 300e3}, 0, 7000, 0.4, 0.5)
	g.integ.Reset(0, y, 0)
	for range 5 {
		if err := g.integ.Step(1e9); err != nil {
			b.Fatal(err)
		}
	}
	saved := g.integ // includes the first-same-as-last stage
	b.ReportAllocs()
	for b.Loop() {
		g.integ = saved
		if err := g.integ.Step(1e9); err != nil {
			b.Fatal(err)
		}
	}
}
