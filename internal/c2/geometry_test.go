package c2

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

func TestSectorContains(t *testing.T) {
	deg := func(lat, lon float64) geo.LLA { return geo.LLADeg(lat, lon, 0) }
	box := Sector{deg(40, 20), deg(40, 30), deg(50, 30), deg(50, 20)}
	// A sector across the antimeridian (Chukotka to Alaska).
	dateline := Sector{deg(60, 170), deg(60, -170), deg(70, -170), deg(70, 170)}
	for _, c := range []struct {
		s    Sector
		p    geo.LLA
		want bool
		name string
	}{
		{box, deg(44.43, 26.10), true, "Bucharest in the box"},
		{box, deg(52.23, 21.01), false, "Warsaw north of it"},
		{box, deg(45, 35), false, "east of it"},
		{dateline, deg(65, 179), true, "west of the antimeridian"},
		{dateline, deg(65, -179), true, "east of the antimeridian"},
		{dateline, deg(65, 160), false, "outside, west"},
		{Sector{deg(0, 0), deg(1, 1)}, deg(0.5, 0.5), false, "two points are no polygon"},
	} {
		if got := c.s.Contains(c.p); got != c.want {
			t.Errorf("%s: Contains(%.2f, %.2f) = %v, want %v", c.name, c.p.LatDeg(), c.p.LonDeg(), got, c.want)
		}
	}
}

func TestNearestSite(t *testing.T) {
	deveselu, redzikowo, bucharest := geo.LLADeg(44.08, 24.40, 0), geo.LLADeg(54.48, 17.10, 0), geo.LLADeg(44.43, 26.10, 0)
	sites := [][]geo.LLA{{redzikowo}, {deveselu}}
	if got := NearestSite(bucharest, sites); got != 1 {
		t.Errorf("NearestSite(Bucharest) = %d, want 1 (Deveselu)", got)
	}
	if got := NearestSite(bucharest, nil); got != -1 {
		t.Errorf("NearestSite(no sites) = %d, want -1", got)
	}
}

// impactTol is the accuracy of PredictImpact's bisection, s.
const impactTol = 0.011

// TestPredictImpact: a point falling straight down at 1 km/s from 100 km
// above a known place lands there 100 s later.
func TestPredictImpact(t *testing.T) {
	ground := geo.LLADeg(44.43, 26.10, 0)
	top := geo.WGS84.ToECEF(geo.LLADeg(44.43, 26.10, 100e3))
	down := r3.Unit(r3.Sub(geo.WGS84.ToECEF(ground), top))
	path := func(t float64) (r3.Vec, r3.Vec) {
		return r3.Add(top, r3.Scale(1000*t, down)), r3.Scale(1000, down)
	}
	tImp, p, ok := PredictImpact(path, 0, 300, 7)
	if !ok || math.Abs(tImp-100) > impactTol {
		t.Fatalf("PredictImpact = %.3f s, %v; want 100 s", tImp, ok)
	}
	if d := Distance(p, ground); d > 20 {
		t.Errorf("impact %.1f m from the point below, want within 20 m", d)
	}
	if _, _, ok := PredictImpact(path, 0, 50, 7); ok {
		t.Error("PredictImpact found an impact after the end of the path")
	}
}

func TestAssetsThreatenedAndHit(t *testing.T) {
	as := Assets{
		{Name: "Bucharest", Pos: geo.LLADeg(44.43, 26.10, 0), Value: 10, Radius: 5e3},
		{Name: "Deveselu", Pos: geo.LLADeg(44.08, 24.40, 0), Value: 5, Radius: 5e3},
	}
	near := geo.LLADeg(44.50, 26.10, 0) // about 7.8 km north of Bucharest
	v, idx := as.Threatened(near, EvaluationMarginM, nil)
	if v != 10 || len(idx) != 1 || idx[0] != 0 {
		t.Errorf("Threatened(7.8 km from Bucharest) = %g %v, want 10 [0]", v, idx)
	}
	if hit := as.Hit(near, nil); len(hit) != 0 {
		t.Errorf("Hit(7.8 km from Bucharest, radius 5 km) = %v, want none", hit)
	}
	if hit := as.Hit(geo.LLADeg(44.43, 26.12, 0), nil); len(hit) != 1 {
		t.Errorf("Hit(1.6 km from Bucharest) = %v, want [0]", hit)
	}
}
