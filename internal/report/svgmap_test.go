package report

import (
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scene"
)

// TestFitView checks the projection chosen for regional and wide scenes,
// and that every site falls inside the frame.
func TestFitView(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *scene.Scene
		want string
	}{
		{"baltic", balticScene(), "Lambert"},
		{"icbm", icbmScene(), "azimuthal"},
	} {
		m := Map{Scene: tc.s}
		v, err := fitView(m.points(), DefaultMapWidth, "")
		if err != nil {
			t.Fatalf("fitView(%s) error %v", tc.name, err)
		}
		if !strings.Contains(v.proj.Name(), tc.want) {
			t.Errorf("fitView(%s) projection %q, want %s", tc.name, v.proj.Name(), tc.want)
		}
		for _, x := range tc.s.Sites {
			p, ok := v.project(LatLon{x.LatDeg, x.LonDeg})
			if !ok || !v.frame().contains(p) {
				t.Errorf("fitView(%s): %s at %v, outside the %gx%g frame", tc.name, x.Name, p, v.w, v.h)
			}
		}
		if r := v.h / v.w; r < minAspect-1e-3 || r > maxAspect+1e-3 {
			t.Errorf("fitView(%s) aspect %.3f, want within [%g, %g]", tc.name, r, minAspect, maxAspect)
		}
	}
	if _, err := fitView(Map{Scene: icbmScene()}.points(), DefaultMapWidth, ProjectionConic); err == nil {
		t.Errorf("fitView(icbm, conic) = nil error, want one: the extent reaches the pole")
	}
}

// maxJumpFrac bounds a step between consecutive points of a drawn ring,
// as a fraction of the frame width: a ring split wrongly at the
// antimeridian jumps across the whole frame.
const maxJumpFrac = 0.2

// TestAntimeridian draws a ring and a track across 180° and checks that no
// edge jumps across the map.
func TestAntimeridian(t *testing.T) {
	c := LatLon{62, 179}
	var l []LatLon
	for lon := 170.0; lon <= 190; lon++ {
		l = append(l, LatLon{62, wrapPi(lon*deg) / deg})
	}
	ring := circle(c, 800)
	for _, proj := range []string{ProjectionConic, ProjectionAzimuthal} {
		v, err := fitView(append(append([]LatLon{}, ring...), l...), 600, proj)
		if err != nil {
			t.Fatalf("fitView(Bering, %s) error %v", proj, err)
		}
		check := func(what string, pts []XY) {
			for i := 1; i < len(pts); i++ {
				if d := math.Hypot(pts[i].X-pts[i-1].X, pts[i].Y-pts[i-1].Y); d > maxJumpFrac*v.w {
					t.Errorf("%s %s: step %d of %.0f px, want under %.0f", proj, what, i, d, maxJumpFrac*v.w)
				}
			}
		}
		px := v.ring(ring, nil)
		if len(px) < 10 {
			t.Fatalf("%s: ring drawn with %d points", proj, len(px))
		}
		check("ring", px)
		runs := v.line(l)
		if len(runs) != 1 {
			t.Errorf("%s: line across 180° drawn as %d runs, want 1", proj, len(runs))
		}
		for _, r := range runs {
			check("line", r)
		}
	}
}

// TestEnclosingCountry draws a view inside Russia: its land must cover
// the whole frame.
func TestEnclosingCountry(t *testing.T) {
	b, err := LoadBorders()
	if err != nil {
		t.Fatal(err)
	}
	ru, _ := b.Country("Russia")
	p := LatLon{60, 90}
	v, err := fitView([]LatLon{p}, 400, "")
	if err != nil {
		t.Fatal(err)
	}
	var area float64
	for _, poly := range ru.Polygons {
		if !poly.Contains(p) {
			continue
		}
		px := v.ring(poly[0], poly.Contains)
		for i := range px {
			a, b := px[i], px[(i+1)%len(px)]
			area += (a.X*b.Y - b.X*a.Y) / 2
		}
	}
	grown := (v.w + 2*clipPadPx) * (v.h + 2*clipPadPx)
	if math.Abs(math.Abs(area)-grown) > 1e-6*grown {
		t.Errorf("land of a view inside Russia covers %.0f px², want the whole %.0f", math.Abs(area), grown)
	}
}
