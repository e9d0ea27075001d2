package flight

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// shiftPathTolM is how far a shifted flight may lie from the same shot
// aimed and flown at the later launch time, m: the later solve converges
// to its own point within MissTol of the aim, and its round-off (the ECI
// frame is turned by the Earth's rotation over the delay) moves the path
// by less than twice that along the flight.
const shiftPathTolM = 2 * MissTol

// TestShiftedIsTheLaterFlight (issue 13): a raid's later missile is the
// first one's flight later (Trajectory.Shifted). Its state is the first
// one's, bit for bit, at the earlier time; and it agrees with the later
// launch aimed on its own to the aim solver's tolerance, at every phase.
func TestShiftedIsTheLaterFlight(t *testing.T) {
	e, err := catalog.Lookup("Sejjil-2")
	if err != nil {
		t.Fatal(err)
	}
	shot := CatalogShot{Missile: e, Launch: geo.LLADeg(38.08, 46.29, 0), Aim: geo.LLADeg(44.43, 26.10, 0), Profile: MinEnergy}
	first, err := FlyCatalog(DefaultPhysics(), shot)
	if err != nil {
		t.Fatal(err)
	}
	const dt = 30.0
	shot.LaunchTime = dt
	later, err := FlyCatalog(DefaultPhysics(), shot)
	if err != nil {
		t.Fatal(err)
	}
	a, b := first.Ballistic, later.Ballistic
	s := a.Shifted(dt)
	if s.LaunchTime != dt || s.ImpactTime != a.ImpactTime+dt || s.BurnoutTime != a.BurnoutTime+dt {
		t.Errorf("Shifted(%g) spans %g–%g (burnout %g), want %g–%g (%g)", dt, s.LaunchTime, s.ImpactTime, s.BurnoutTime, dt, a.ImpactTime+dt, a.BurnoutTime+dt)
	}
	worst := 0.0
	for tt := -10.0; tt < b.ImpactTime+10; tt += 1.7 {
		got, want := s.At(tt), a.At(tt-dt)
		if got.Pos != want.Pos || got.Vel != want.Vel || got.Phase != want.Phase || got.T != want.T+dt {
			t.Fatalf("Shifted(%g).At(%g) = %+v, want the first flight's At(%g) = %+v, %g s later", dt, tt, got, tt-dt, want, dt)
		}
		if p, ph := s.PosAt(tt); p != got.Pos || ph != got.Phase {
			t.Fatalf("Shifted(%g).PosAt(%g) = %v %v, want At's %v %v", dt, tt, p, ph, got.Pos, got.Phase)
		}
		if tt >= b.LaunchTime && tt <= math.Min(b.ImpactTime, s.ImpactTime) {
			worst = math.Max(worst, r3.Norm(r3.Sub(got.Pos, b.At(tt).Pos)))
		}
	}
	if worst > shiftPathTolM {
		t.Errorf("shifted flight lies up to %.3f m from the later launch aimed on its own, want ≤ %g m", worst, shiftPathTolM)
	}
	t.Logf("shifted vs re-aimed: up to %.3g m apart; impact times %.6f vs %.6f s", worst, s.ImpactTime, b.ImpactTime)
}
