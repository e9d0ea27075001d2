package analysis

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// ringDistTol is the tolerance on a ring vertex's geodesic distance, m: the
// 1 mm that docs/validation.md uses for geodesics (geo's Direct and Inverse
// agree with GeodSolve to ~10⁻⁸ m; the round trip through degrees adds
// ~10⁻⁹ m).
const ringDistTol = 1e-3

// ringAzTol is the tolerance on a vertex's azimuth from the centre, rad
// (about 6×10⁻⁹ degrees).
const ringAzTol = 1e-10

func TestRingPointsAtGeodesicDistance(t *testing.T) {
	for _, c := range []struct {
		lat, lon, radius float64
	}{
		{54.71, 20.51, 480e3},   // Kaliningrad, 9M729 by Russian claim
		{54.71, 20.51, 2500e3},  // Kaliningrad, 9M729 by US estimate
		{44.08, 24.41, 1600e3},  // Deveselu, Tomahawk Block IV
		{54.48, 17.10, 2500e3},  // Redzikowo, TLAM-N
		{54.03, 35.78, 11000e3}, // Kozelsk, RS-24 central range
		{-33.9, 151.2, 5000e3},  // southern hemisphere, across the antimeridian
		{89.5, 0, 1000e3},       // near the pole
	} {
		const n = 360
		center := geo.LLADeg(c.lat, c.lon, 0)
		pts, err := GeodesicCircle(center, c.radius, n)
		if err != nil {
			t.Fatalf("GeodesicCircle(%v,%v, %v) error: %v", c.lat, c.lon, c.radius, err)
		}
		if len(pts) != n+1 || pts[n] != pts[0] {
			t.Fatalf("GeodesicCircle(%v,%v, %v): %d points, closed %v; want %d, closed", c.lat, c.lon, c.radius, len(pts), pts[n] == pts[0], n+1)
		}
		worst := 0.0
		for k, p := range pts[:n] {
			s, az, _ := geo.WGS84.Inverse(center.Lat, center.Lon, p[0]*math.Pi/180, p[1]*math.Pi/180)
			worst = math.Max(worst, math.Abs(s-c.radius))
			if math.Abs(s-c.radius) > ringDistTol {
				t.Errorf("Inverse(centre %v,%v, ring point %d) = %.6f m, want %.0f m", c.lat, c.lon, k, s, c.radius)
			}
			want := 2 * math.Pi * float64(k) / n
			if d := math.Abs(math.Remainder(az-want, 2*math.Pi)); d > ringAzTol {
				t.Errorf("azimuth of ring point %d from %v,%v = %.12f rad, want %.12f", k, c.lat, c.lon, az, want)
			}
			if !(p[1] >= -180 && p[1] < 180) {
				t.Errorf("ring point %d longitude %v, want in [-180, 180)", k, p[1])
			}
		}
		t.Logf("centre %6.2f,%7.2f radius %6.0f km: largest distance error %.2g m", c.lat, c.lon, c.radius/1e3, worst)
	}
}

// TestRingMatchesGeodSolve compares ring vertices every 45° with
// GeographicLib's GeodSolve (testdata/rings_geodsolve.txt, GeographicLib
// 2.1.2, an independent implementation).
func TestRingMatchesGeodSolve(t *testing.T) {
	f, err := os.Open("testdata/rings_geodsolve.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	cases := 0
	worst := 0.0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var v [7]float64
		fs := strings.Fields(line)
		if len(fs) != 7 {
			t.Fatalf("fixture line %q: %d fields, want 7", line, len(fs))
		}
		for i, s := range fs {
			if v[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("fixture line %q: %v", line, err)
			}
		}
		pts, err := GeodesicCircle(geo.LLADeg(v[0], v[1], 0), v[3], 8)
		if err != nil {
			t.Fatal(err)
		}
		p := pts[int(math.Round(v[2]/45))]
		d, _, _ := geo.WGS84.Inverse(p[0]*math.Pi/180, p[1]*math.Pi/180, v[4]*math.Pi/180, v[5]*math.Pi/180)
		worst = math.Max(worst, d)
		if d > ringDistTol {
			t.Errorf("GeodesicCircle(%v,%v, %v m) point at %v° = %.9f,%.9f, want GeodSolve %.9f,%.9f (%.3g m apart)",
				v[0], v[1], v[3], v[2], p[0], p[1], v[4], v[5], d)
		}
		cases++
	}
	if cases < 70 {
		t.Fatalf("read %d fixture cases, want 72", cases)
	}
	t.Logf("%d GeodSolve points, largest difference %.2g m", cases, worst)
}

func TestRangeRings9M729(t *testing.T) {
	rings, err := RangeRings("9M729", Location{Place: "Kaliningrad"}, 72)
	if err != nil {
		t.Fatalf("RangeRings(9M729, Kaliningrad) error: %v", err)
	}
	want := map[string]float64{"low": 480, "central": 2500, "high": 2500, "Russian claim": 480, "US estimate": 2500, "INF threshold": 500}
	if len(rings) != len(want) {
		t.Fatalf("RangeRings(9M729) = %d rings, want %d", len(rings), len(want))
	}
	for _, r := range rings {
		w, ok := want[r.Label]
		if !ok || r.RangeKm != w {
			t.Errorf("RangeRings(9M729) ring %q = %v km, want %v km", r.Label, r.RangeKm, w)
		}
		if r.Claim != (r.Label != "low" && r.Label != "central" && r.Label != "high") {
			t.Errorf("ring %q Claim = %v", r.Label, r.Claim)
		}
		if r.Source == "" {
			t.Errorf("ring %q has no source", r.Label)
		}
		if r.Center.Place != "Kaliningrad" || len(r.Points) != 73 {
			t.Errorf("ring %q centre %q with %d points, want Kaliningrad, 73", r.Label, r.Center.Place, len(r.Points))
		}
		c := geo.LLADeg(r.Center.LatDeg, r.Center.LonDeg, 0)
		s, _, _ := geo.WGS84.Inverse(c.Lat, c.Lon, r.Points[10][0]*math.Pi/180, r.Points[10][1]*math.Pi/180)
		if math.Abs(s-w*1e3) > ringDistTol {
			t.Errorf("ring %q point 10 at %.3f m, want %.0f m", r.Label, s, w*1e3)
		}
	}
}

func TestRangeRingsErrors(t *testing.T) {
	c := geo.LLADeg(54, 20, 0)
	for _, tc := range []struct {
		radius float64
		n      int
	}{{0, 360}, {-5, 360}, {math.NaN(), 360}, {2.1e7, 360}, {1e6, 2}, {1e6, ringMaxPoints + 1}} {
		if _, err := GeodesicCircle(c, tc.radius, tc.n); err == nil {
			t.Errorf("GeodesicCircle(radius %v, n %d) = nil error, want an error", tc.radius, tc.n)
		}
	}
	if _, err := RangeRings("Patriot radar", Location{Place: "Kaliningrad"}, 0); err == nil {
		t.Error("RangeRings(a radar) = nil error, want an error")
	}
	if _, err := RangeRings("Iskander-M", Location{Place: "Atlantis"}, 0); err == nil {
		t.Error("RangeRings(unknown place) = nil error, want an error")
	}
	if _, err := RangeRings("Iskander-M", Location{LatDeg: 95, LonDeg: 0}, 0); err == nil {
		t.Error("RangeRings(latitude 95) = nil error, want an error")
	}
}
