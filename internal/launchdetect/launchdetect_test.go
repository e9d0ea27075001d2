package launchdetect

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

func icbm(t *testing.T) *flight.Trajectory {
	t.Helper()
	tr, err := flight.Solve(flight.WGS84Earth(), flight.Shot{
		Launch: geo.LLADeg(54.03, 35.80, 0), Aim: geo.LLADeg(38.90, -77.04, 0), LaunchTime: 100,
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestObserveBoostingMissile(t *testing.T) {
	// A staged missile climbs through 10 km during boost.
	m := &flight.Missile{Name: "test", Payload: 1000, Beta: 10000,
		Stages: []flight.Stage{{Thrust: 1.2e6, BurnTime: 60, PropellantMass: 27000, DryMass: 2900},
			{Thrust: 4.4e5, BurnTime: 62, PropellantMass: 9700, DryMass: 1150},
			{Thrust: 2.1e5, BurnTime: 60, PropellantMass: 4300, DryMass: 520}}}
	tr, err := flight.Solve(flight.WGS84Earth(), flight.Shot{
		Launch: geo.LLADeg(54.03, 35.80, 0), Aim: geo.LLADeg(38.90, -77.04, 0), Missile: m, LaunchTime: 100})
	if err != nil {
		t.Fatal(err)
	}
	s := Sensor{Name: "sbirs", Owner: "US"}.WithDefaults()
	rng := rand.New(rand.NewPCG(1, 2))
	w, ok := s.Observe(tr, rng)
	if !ok {
		t.Fatal("Observe(boosting ICBM) = no warning")
	}
	if got := tr.At(w.SeenAt).LLA.Alt; math.Abs(got-s.MinAlt) > 200 {
		t.Errorf("altitude at first sight = %.0f m, want %.0f m", got, s.MinAlt)
	}
	if w.Time != w.SeenAt+s.Delay || w.SeenAt <= tr.LaunchTime || w.SeenAt >= tr.BurnoutTime {
		t.Errorf("warning at %.1f s, seen %.1f s; launch %.1f, burnout %.1f", w.Time, w.SeenAt, tr.LaunchTime, tr.BurnoutTime)
	}
	d, _, _ := geo.WGS84.Inverse(w.Launch.Lat, w.Launch.Lon, tr.Launch.Lat, tr.Launch.Lon)
	if d > 5*s.Sigma {
		t.Errorf("launch-point error %.0f m, want within 5σ = %.0f m", d, 5*s.Sigma)
	}
	// Kozelsk → Washington heads north-west at launch.
	if az := w.Azimuth * 180 / math.Pi; az < 270 || az > 360 {
		t.Errorf("boost azimuth = %.1f°, want north-west", az)
	}
}

func TestNoWarningWithoutBoost(t *testing.T) {
	// A burnout-state flight has no boost phase to see.
	s := Sensor{}.WithDefaults()
	if _, ok := s.Observe(icbm(t), rand.New(rand.NewPCG(1, 2))); ok {
		t.Error("Observe(burnout-state flight) gave a warning")
	}
	if _, ok := s.Observe(nil, nil); ok {
		t.Error("Observe(nil) gave a warning")
	}
}

// TestLaunchErrorStatistics checks the drawn launch-point error against its
// 1σ: the mean squared error per axis is σ² within a 5 % sampling band.
func TestLaunchErrorStatistics(t *testing.T) {
	const n = 4000
	const band = 0.05 // 2σ of a chi-square mean over 2n draws is ≈ 2·√(1/n) = 3 %
	m := &flight.Missile{Name: "test", Payload: 700, Beta: 5000,
		Stages: []flight.Stage{{Thrust: 2.7e5, BurnTime: 120, PropellantMass: 14000, DryMass: 1850}}}
	tr, err := flight.Solve(flight.WGS84Earth(), flight.Shot{Launch: geo.LLADeg(38.08, 46.29, 0), Aim: geo.LLADeg(39.93, 32.86, 0), Missile: m})
	if err != nil {
		t.Fatal(err)
	}
	s := Sensor{Sigma: 3000}.WithDefaults()
	rng := rand.New(rand.NewPCG(7, 7))
	e := geo.WGS84.NewENU(tr.Launch)
	var sum float64
	for range n {
		w, ok := s.Observe(tr, rng)
		if !ok {
			t.Fatal("no warning")
		}
		l := e.FromECEF(geo.WGS84.ToECEF(w.Launch))
		sum += l.X*l.X + l.Y*l.Y
	}
	if got := sum / (2 * n); math.Abs(got/(s.Sigma*s.Sigma)-1) > band {
		t.Errorf("launch error variance = %.3g m², want %.3g m² ± %.0f %%", got, s.Sigma*s.Sigma, band*100)
	}
}
