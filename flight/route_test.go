package flight

import (
	"errors"
	"math"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

func TestCruiseRoute(t *testing.T) {
	e := geo.WGS84
	c := CruiseMissile{Name: "test-cruise", Speed: 240, Alt: 50, Range: 2500e3}
	from, to := geo.LLADeg(55, 20, 0), geo.LLADeg(52.2, 21, 0)
	p, err := NewCruise(e, c, []geo.LLA{from, to}, 100)
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := e.Inverse(from.Lat, from.Lon, to.Lat, to.Lon)
	if math.Abs(p.Length-want) > 1e-6 {
		t.Errorf("NewCruise length = %v, want %v", p.Length, want)
	}
	end := p.At(p.End())
	if d, _, _ := e.Inverse(end.LLA.Lat, end.LLA.Lon, to.Lat, to.Lon); d > 1e-3 || end.Phase != Landed {
		t.Errorf("At(End()) is %.3f m from the last waypoint, phase %v; want 0, landed", d, end.Phase)
	}
	mid := p.At(100 + p.Length/2/c.Speed)
	if got := r3.Norm(mid.Vel); math.Abs(got-c.Speed) > 1e-9 || mid.Phase != Cruise || mid.LLA.Alt != c.Alt {
		t.Errorf("At(mid) speed %v phase %v alt %v, want %v, cruise, %v", got, mid.Phase, mid.LLA.Alt, c.Speed, c.Alt)
	}
	// velocity is tangent to the path: the position 1 s later is ≈ pos + vel
	next := p.At(mid.T + 1)
	if d := r3.Norm(r3.Sub(r3.Add(mid.Pos, mid.Vel), next.Pos)); d > 0.01 {
		t.Errorf("At(t+1) − (pos + vel) = %.4f m, want ≈ 0", d)
	}
	if got := p.At(0); got.Phase != Landed {
		t.Errorf("At(before launch).Phase = %v, want landed", got.Phase)
	}
	_, err = NewCruise(e, c, []geo.LLA{from, geo.LLADeg(30, 20, 0)}, 0)
	var re *RangeError
	if !errors.As(err, &re) || re.MaxRange != c.Range {
		t.Errorf("NewCruise(2,780 km route, 2,500 km range) error = %v, want *RangeError", err)
	}
}

func TestRacetrack(t *testing.T) {
	e := geo.WGS84
	a := Aircraft{Name: "awacs", Speed: 200, Alt: 9000}
	rt := Racetrack{Anchor: geo.LLADeg(50, 10, 0), Heading: 30 * deg, LegLength: 100e3, TurnRate: 1.5 * deg}
	p, err := NewFlight(e, a, []geo.LLA{geo.LLADeg(49, 8, 0)}, &rt, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := a.Speed / rt.TurnRate
	period := (2*rt.LegLength + 2*math.Pi*r) / a.Speed
	t0 := p.End() + 1234
	s0, s1 := p.At(t0), p.At(t0+period)
	if d := r3.Norm(r3.Sub(s0.Pos, s1.Pos)); d > 1e-3 {
		t.Errorf("racetrack position after one period moved %.4f m, want 0", d)
	}
	// continuous, at the set speed, and never farther from the anchor than
	// the half-length plus the turn diameter
	anchor := e.ToECEF(geo.LLA{Lat: rt.Anchor.Lat, Lon: rt.Anchor.Lon, Alt: a.Alt})
	limit := rt.LegLength/2 + 2*r + 1
	prev := p.At(p.End())
	for tt := p.End() + 1; tt < p.End()+period; tt++ {
		s := p.At(tt)
		if d := r3.Norm(r3.Sub(s.Pos, prev.Pos)); math.Abs(d-a.Speed) > 0.01*a.Speed {
			t.Fatalf("racetrack step at t=%v is %.2f m, want ≈ %v", tt, d, a.Speed)
		}
		if d := r3.Norm(r3.Sub(s.Pos, anchor)); d > limit {
			t.Fatalf("racetrack point at t=%v is %.0f m from the anchor, want ≤ %.0f", tt, d, limit)
		}
		if s.Phase != Cruise || math.Abs(s.LLA.Alt-a.Alt) > 1e-6 {
			t.Fatalf("racetrack state at t=%v: phase %v alt %v", tt, s.Phase, s.LLA.Alt)
		}
		prev = s
	}
}

// TestLegLineMatchesDirect checks that a leg's stored geodesic line gives
// the point and azimuth of Ellipsoid.Direct from the leg's start bit for
// bit, on WGS84 and on an ellipsoid without a precomputed Geodesic: Path.At
// reads the line instead of solving Direct, and the engine's output must
// not change.
func TestLegLineMatchesDirect(t *testing.T) {
	for _, e := range []geo.Ellipsoid{WGS84Earth().Ellipsoid, {A: 6378000, F: 1 / 300.0}} {
		p, err := NewFlight(e, Aircraft{Name: "test", Speed: 250, Alt: 9000},
			[]geo.LLA{geo.LLADeg(54.9, 20.4, 0), geo.LLADeg(54.2, 23.1, 0), geo.LLADeg(55.6, 25.0, 0)}, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.legs {
			l := &p.legs[i]
			for k := 0; k <= 200; k++ {
				s := l.length * float64(k) / 200
				got, gotAzi := l.at(s)
				want, wantAzi := direct(e, l.from, l.azi, s)
				if got != want || gotAzi != wantAzi {
					t.Fatalf("ellipsoid %v leg %d at %g m: line gives %v %v; Direct gives %v %v", e, i, s, got, gotAzi, want, wantAzi)
				}
			}
		}
	}
}
