package export

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/internal/scene"
)

// starArea is an area whose ring is star-shaped around (lat, lon), so
// simple, with radii (degrees) from the bytes of radii.
func starArea(lat, lon float64, radii []byte) scene.Area {
	n := len(radii)
	a := scene.Area{Name: "star", Kind: scene.AreaSector}
	for i := 0; i <= n; i++ {
		r := 1 + float64(radii[i%n])/16
		th := 2 * math.Pi * float64(i%n) / float64(n)
		x := lon + r*math.Cos(th)
		x -= 360 * math.Ceil((x-180)/360) // into (−180, 180]
		a.Ring = append(a.Ring, [2]float64{lat + r*math.Sin(th), x})
	}
	return a
}

// FuzzSplitArea checks that cutting a simple polygon at the antimeridian
// keeps its area, leaves every piece in [−180, 180], and never panics.
func FuzzSplitArea(f *testing.F) {
	f.Add(20.0, 179.0, []byte{16, 200, 16, 200, 16, 200})
	f.Add(-45.0, -179.5, []byte{255, 0, 255, 0, 255, 0, 255, 0})
	f.Add(0.0, 180.0, []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, lat, lon float64, radii []byte) {
		if len(radii) < 3 || len(radii) > 64 || !(math.Abs(lat) <= 60) || !(math.Abs(lon) <= 180) {
			return
		}
		a := starArea(lat, lon, radii)
		if err := (&scene.Scene{Version: scene.Version, Epoch: scene.DefaultEpoch, Areas: []scene.Area{a}}).Validate("f"); err != nil {
			t.Fatalf("starArea is invalid: %v", err)
		}
		want := math.Abs(signedArea(unwrapped(a.Ring, 0)))
		got := 0.0
		for _, p := range splitArea(a) {
			got += math.Abs(signedArea(p))
			for _, v := range p {
				if v.x < -180 || v.x > 180 {
					t.Fatalf("splitArea(%v) vertex %v outside [-180, 180]", a.Ring, v)
				}
			}
		}
		if math.Abs(got-want) > splitAreaTolerance*want {
			t.Errorf("splitArea(%v) twice the area = %g, want %g", a.Ring, got, want)
		}
	})
}

// splitAreaTolerance is relative: cut points are interpolated in floating
// point, which moves areas by a few ulps of the coordinates.
const splitAreaTolerance = 1e-9

func TestClipConcave(t *testing.T) {
	// An E open to the east cut by x = 1: the spine and three prongs.
	e := []vertex{{0, 0, 0}, {3, 0, 0}, {3, 1, 0}, {2, 1, 0}, {2, 2, 0}, {3, 2, 0}, {3, 3, 0}, {2, 3, 0}, {2, 4, 0}, {3, 4, 0}, {3, 5, 0}, {0, 5, 0}}
	east := clip(e, 2.5, func(v vertex) bool { return v.x > 2.5 })
	west := clip(e, 2.5, func(v vertex) bool { return v.x <= 2.5 })
	if len(east) != 3 || len(west) != 1 {
		t.Fatalf("clip(E at x = 2.5) = %d east, %d west pieces, want 3 and 1", len(east), len(west))
	}
	total := 0.0
	for _, p := range append(east, west...) {
		total += signedArea(p)
	}
	if want := signedArea(e); math.Abs(total-want) > areaTolerance {
		t.Errorf("clip(E) pieces' twice the area = %g, want %g", total, want)
	}
}
