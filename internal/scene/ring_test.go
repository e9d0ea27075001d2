package scene

import "testing"

func TestLonStep(t *testing.T) {
	for _, c := range []struct{ a, b, want float64 }{
		{0, 10, 10}, {10, 0, -10}, {179, -179, 2}, {-179, 179, -2},
		{0, 180, 180}, {180, 0, -180 + 360}, {-180, 180, 0}, {90, -90, 180}, // -180 and 180 are the same meridian
	} {
		if got := LonStep(c.a, c.b); got != c.want {
			t.Errorf("LonStep(%g, %g) = %g, want %g", c.a, c.b, got, c.want)
		}
	}
}

func TestPoleWinding(t *testing.T) {
	square := [][2]float64{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}
	across := [][2]float64{{0, 179}, {0, -179}, {1, -179}, {1, 179}, {0, 179}}
	var east, west [][2]float64
	for i := 0; i <= 8; i++ {
		east = append(east, [2]float64{70, LonStep(0, float64(i)*45)})
		west = append(west, [2]float64{-70, LonStep(0, -float64(i)*45)})
	}
	for _, c := range []struct {
		name string
		ring [][2]float64
		want int
	}{{"square", square, 0}, {"across the antimeridian", across, 0}, {"eastward round the north pole", east, 1}, {"westward", west, -1}} {
		if got := PoleWinding(c.ring); got != c.want {
			t.Errorf("PoleWinding(%s) = %d, want %d", c.name, got, c.want)
		}
	}
}
