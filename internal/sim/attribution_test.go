package sim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/sim"
)

// TestShotAttributedToItsTarget is the regression test of a mixed raid's
// wrong attribution, in patriot-rotation's phase 1 geometry: a Patriot
// battery east of Vilnius facing 120° (Belarus), a stream of two 9M729
// 30 s apart (7.5 km apart) from Minsk at Vilnius, and two 9M729 from
// Kaliningrad at Šiauliai Air Base, which the battery never sees (behind
// its sector, 200 km off). The kill vehicle homes on the object nearest
// its handed-over prediction at the intercept time; choosing it by the
// offset across the closing velocity alone took the next missile of the
// stream (7.5 km down the near head-on line of sight) and, once that was
// destroyed, a Kaliningrad missile 280 km down the line. So: no shot, and
// no interceptor, is counted against the unseen pair, and every shot's
// flight is the object nearest its planned intercept point at the
// intercept time.
func TestShotAttributedToItsTarget(t *testing.T) {
	vilnius, siauliai := geo.LLADeg(54.69, 25.28, 0), geo.LLADeg(55.89, 23.4, 0)
	seen := sim.Threat{Name: "minsk-vilnius", Missile: entry(t, "9M729"), Launch: geo.LLADeg(53.9, 27.56, 0), Aim: vilnius, Alt: 300, Count: 2, Interval: 30}
	unseen := sim.Threat{Name: "kaliningrad-siauliai", Missile: entry(t, "9M729"), Launch: geo.LLADeg(54.71, 20.51, 0), Aim: siauliai, Alt: 300, Count: 2, Interval: 30}
	battery := geo.LLADeg(54.66, 25.42, 0)
	spec := airSpec(t, 120, seen, unseen)
	spec.Sites[0].Pos = battery
	spec.Assets = append(spec.Assets, c2.Asset{Name: "Šiauliai Air Base", Owner: "LT", Pos: siauliai, Value: 5, Radius: 5e3})
	w, err := sim.Build(spec, sim.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	dist := func(i int, at float64, x geo.LLA) float64 {
		p, _ := w.Flights[i].Mover().PosAt(at)
		q := geo.WGS84.ToECEF(x)
		return math.Sqrt((p.X-q.X)*(p.X-q.X) + (p.Y-q.Y)*(p.Y-q.Y) + (p.Z-q.Z)*(p.Z-q.Z))
	}
	shots := 0
	for trial := range 40 {
		out, err := w.Engage(rand.New(rand.NewPCG(uint64(trial), 15)))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range out.Shots {
			shots++
			if s.Flight < 0 {
				t.Errorf("trial %d: shot at %.1f s attributed to nothing", trial, s.Launch)
				continue
			}
			f := &w.Flights[s.Flight]
			if f.Threat != 0 {
				t.Errorf("trial %d: shot at %.1f s attributed to %s, which the battery never sees", trial, s.Launch, f.Name)
			}
			other := 1 - s.Flight // the stream's other missile
			if other >= 0 && s.Intercept <= w.Flights[other].LaunchTime+w.Flights[other].FlightTime &&
				dist(other, s.Intercept, s.Pos) < dist(s.Flight, s.Intercept, s.Pos) {
				t.Errorf("trial %d: shot at %.1f s attributed to %s, %.1f km from its planned intercept point; %s was %.1f km from it",
					trial, s.Launch, f.Name, dist(s.Flight, s.Intercept, s.Pos)/1e3, w.Flights[other].Name, dist(other, s.Intercept, s.Pos)/1e3)
			}
		}
		for i := range w.Flights {
			if w.Flights[i].Threat == 1 && out.Interceptors[i] > 0 {
				t.Errorf("trial %d: %d interceptors counted at unseen %s", trial, out.Interceptors[i], w.Flights[i].Name)
			}
		}
	}
	if shots == 0 {
		t.Fatal("no shot fired at the seen stream")
	}
}
