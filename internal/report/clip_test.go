package report

import (
	"math"
	"testing"
)

// capTol is how far a cut point may sit outside the cap: the chord's
// crossing, renormalised, errs by ~(edge length)², under 1e-4 rad for
// the 1° edges used.
const capTol = 1e-4

// planarContains reports whether q is inside the polygon (even–odd).
func planarContains(poly []XY, q XY) bool {
	in := false
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		if (a.Y > q.Y) != (b.Y > q.Y) && q.X < a.X+(q.Y-a.Y)*(b.X-a.X)/(b.Y-a.Y) {
			in = !in
		}
	}
	return in
}

// circle returns a closed ring of radius rKm about c.
func circle(c LatLon, rKm float64) []LatLon {
	var out []LatLon
	for _, p := range ringAround(c, rKm) {
		out = append(out, LatLon{p[0], p[1]})
	}
	return out
}

// TestClipRing cuts rings to a 10° cap about 0° N, 0° E.
func TestClipRing(t *testing.T) {
	k := newViewCap(LatLon{0, 0}, 10*deg)
	aeqd := AzimuthalEquidistant{Centre: LatLon{0, 0}}
	project := func(pts []vec3) []XY {
		var out []XY
		for _, p := range pts {
			q, _ := aeqd.Forward(p.latLon())
			out = append(out, q)
		}
		return out
	}
	inside := circle(LatLon{1, 1}, 300)
	if got := k.clipRing(toUnits(inside)); len(got) != len(inside) {
		t.Errorf("clipRing(ring inside) has %d points, want %d", len(got), len(inside))
	}
	if got := k.clipRing(toUnits(circle(LatLon{40, 40}, 300))); got != nil {
		t.Errorf("clipRing(ring outside) = %d points, want nil", len(got))
	}
	// A 15° circle about 0° N, 10° E: partly outside the cap.
	cut := k.clipRing(toUnits(densify(circle(LatLon{0, 10}, 15*deg*earthRadiusM/1e3), densifyStepDeg)))
	if len(cut) < 10 {
		t.Fatalf("clipRing(crossing ring) has %d points", len(cut))
	}
	for _, p := range cut {
		if a := angle(p, k.c); a > k.r+capTol {
			t.Errorf("clipRing(crossing ring) point %v is %.6f° from the centre, beyond the 10° cap", p.latLon(), a/deg)
		}
	}
	poly := project(cut)
	for _, tc := range []struct {
		p    LatLon
		want bool
	}{
		{LatLon{0, 5}, true},   // in both
		{LatLon{0, -8}, false}, // in the cap, outside the ring
		{LatLon{8, 3}, true},   // in both, near the cap's edge
	} {
		q, _ := aeqd.Forward(tc.p)
		if got := planarContains(poly, q); got != tc.want {
			t.Errorf("clipRing(crossing ring) contains %v = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// TestClipLine cuts a meridian to the cap: one run, ends on the edge.
func TestClipLine(t *testing.T) {
	k := newViewCap(LatLon{0, 0}, 10*deg)
	var l []LatLon
	for lat := -30.0; lat <= 30; lat++ {
		l = append(l, LatLon{lat, 0})
	}
	runs := k.clipLine(toUnits(l))
	if len(runs) != 1 {
		t.Fatalf("clipLine(meridian) = %d runs, want 1", len(runs))
	}
	r := runs[0]
	for _, e := range []vec3{r[0], r[len(r)-1]} {
		if a := angle(e, k.c); math.Abs(a-k.r) > capTol {
			t.Errorf("clipLine(meridian) end %v is %.6f° from the centre, want 10°", e.latLon(), a/deg)
		}
	}
}

// TestRectClip checks the planar clips on a 10×10 square.
func TestRectClip(t *testing.T) {
	r := rect{0, 0, 10, 10}
	got := r.clipPolygon([]XY{{5, 5}, {15, 5}, {5, 15}})
	want := []XY{{5, 5}, {10, 5}, {10, 10}, {5, 10}}
	if !sameRing(got, want) {
		t.Errorf("clipPolygon(triangle) = %v, want %v", got, want)
	}
	if got := r.clipPolygon([]XY{{20, 20}, {30, 20}, {30, 30}}); len(got) != 0 {
		t.Errorf("clipPolygon(outside) = %v, want none", got)
	}
	runs := r.clipLine([]XY{{-5, 5}, {5, 5}, {15, 5}, {15, 8}, {5, 8}})
	if len(runs) != 2 || runs[0][0] != (XY{0, 5}) || runs[0][len(runs[0])-1] != (XY{10, 5}) || runs[1][0] != (XY{10, 8}) {
		t.Errorf("clipLine(zigzag) = %v, want [(0,5) (5,5) (10,5)] [(10,8) (5,8)]", runs)
	}
}

// sameRing reports whether a and b hold the same points in the same
// cyclic order.
func sameRing(a, b []XY) bool {
	if len(a) != len(b) {
		return false
	}
	for s := range a {
		ok := true
		for i := range b {
			if a[(s+i)%len(a)] != b[i] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
