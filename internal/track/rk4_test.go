package track

import (
	"math"
	"math/rand/v2"
	"testing"
)

// rk4Textbook is the classical Runge–Kutta step written as the textbook
// loop over the six components, as rk4 was before it formed only the
// accelerations (issue 13): rk4 must round exactly as it does.
func rk4Textbook(c *ballisticConst, x Vec6, h float64) Vec6 {
	k1 := c.deriv(&x)
	var y Vec6
	for i := range 6 {
		y[i] = x[i] + h/2*k1[i]
	}
	k2 := c.deriv(&y)
	for i := range 6 {
		y[i] = x[i] + h/2*k2[i]
	}
	k3 := c.deriv(&y)
	for i := range 6 {
		y[i] = x[i] + h*k3[i]
	}
	k4 := c.deriv(&y)
	for i := range 6 {
		x[i] += h / 6 * (k1[i] + 2*k2[i] + 2*k3[i] + k4[i])
	}
	return x
}

// TestRK4BitIdentical checks that rk4 gives the textbook loop's result
// bit for bit, over states from low orbit-crossing to reentry and steps
// of either sign: the simulation's output must not move (issue 13).
func TestRK4BitIdentical(t *testing.T) {
	m := &Ballistic{}
	c := newBallisticConst(m.constants())
	rng := rand.New(rand.NewPCG(13, 13))
	for range 2000 {
		r := 6.4e6 + rng.Float64()*1.5e6
		u := Vec3{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		n := math.Sqrt(u[0]*u[0] + u[1]*u[1] + u[2]*u[2])
		x := Vec6{r * u[0] / n, r * u[1] / n, r * u[2] / n,
			7e3 * rng.NormFloat64(), 7e3 * rng.NormFloat64(), 7e3 * rng.NormFloat64()}
		h := (rng.Float64() - 0.2) * 5
		got, want := rk4(&c, x, h), rk4Textbook(&c, x, h)
		for i := range 6 {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("rk4(%v, %g)[%d] = %v, textbook loop %v", x, h, i, got[i], want[i])
			}
		}
	}
}

// BenchmarkBallisticPredictPath is a command's impact prediction of one
// midcourse track: 43 five-second steps of the ballistic model (issue 13).
func BenchmarkBallisticPredictPath(b *testing.B) {
	e, _ := benchSetup()
	m := &Ballistic{}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		x := e.X
		for range 43 {
			x = m.PropagateState(x, 5)
		}
		sinkE.X = x
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}
