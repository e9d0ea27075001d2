package flight

import "testing"

// BenchmarkICBMFlight is one whole flight (boost with drag, free flight with
// J2, reentry with drag) of ~10,000 km with recording and sampling off.
func BenchmarkICBMFlight(b *testing.B) {
	g := newEngine(WGS84Earth())
	l := Launch{Site: kozelsk, Missile: testICBM, Steering: Steering{Azimuth: 5.6, Kick: 43 * deg}}
	res, err := g.fly(&l, false)
	if err != nil {
		b.Fatal(err)
	}
	tr := summarise(g.earth, &res, l.Site, l.Site, false)
	b.Logf("range %.0f km, flight %.1f min, %d steps in coast", tr.GroundRange/1e3, tr.FlightTime/60, g.integ.Steps)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.fly(&l, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFly is the public Fly, which records the dense output for At.
func BenchmarkFly(b *testing.B) {
	l := Launch{Site: kozelsk, Missile: testICBM, Steering: Steering{Azimuth: 5.6, Kick: 43 * deg}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Fly(WGS84Earth(), l); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSolveMinEnergy(b *testing.B) {
	s := Shot{Launch: kozelsk, Aim: washington}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Solve(WGS84Earth(), s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSolveMissile(b *testing.B) {
	s := Shot{Launch: kozelsk, Aim: washington, Missile: testICBM}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Solve(WGS84Earth(), s); err != nil {
			b.Fatal(err)
		}
	}
}
