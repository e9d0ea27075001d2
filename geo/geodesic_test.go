package geo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// Tolerances against GeographicLib 2.1.2 (GeodSolve), which implements the
// same algorithm. Both are round-off limited at about 15 nm on WGS-84
// (Karney 2013), and the fixtures print 1 nm and 1e-14°, so agreement is
// expected at the nanometre level; the bounds leave a margin for platform
// rounding while still catching a wrong series term, which shows up at the
// micrometre to kilometre level.
const (
	// geodDistTol bounds distances and end points, m.
	geodDistTol = 1e-3
	// geodAziTol bounds azimuths, rad (6e-10°); nearly antipodal lines,
	// the worst conditioned, agree to 4e-13.
	geodAziTol = 1e-11
	// geodAziShift bounds the azimuth error times the length of the line,
	// m: the inputs pass through a degree→radian→degree round trip that
	// moves the ends by up to ~1e-9 m, which turns the azimuth of a short
	// line by ~1e-9 m/s12.
	geodAziShift = 1e-7
)

// aziTol is the azimuth tolerance for a line of length s12.
func aziTol(s12 float64) float64 {
	return geodAziTol + geodAziShift/math.Max(s12, geodAziShift)
}

func TestInverseGeodSolve(t *testing.T) {
	var ds, da maxErr
	classes := map[string]int{}
	for _, r := range readFixture(t, "geodsolve_inverse.txt", 8) {
		lat1, lon1, lat2, lon2 := r.rad(t, 1), r.rad(t, 2), r.rad(t, 3), r.rad(t, 4)
		wantAzi1, wantAzi2, wantS12 := r.rad(t, 5), r.rad(t, 6), r.float(t, 7)
		s12, azi1, azi2 := WGS84.Inverse(lat1, lon1, lat2, lon2)
		classes[r.fields[0]]++
		in := fmt.Sprintf("line %d %s %s %s %s", r.line, r.fields[1], r.fields[2], r.fields[3], r.fields[4])
		if e := math.Abs(s12 - wantS12); !(e <= geodDistTol) {
			t.Errorf("Inverse(%s) s12 = %.9f, want %.9f", in, s12, wantS12)
		}
		e1, e2 := angleErr(azi1, wantAzi1), angleErr(azi2, wantAzi2)
		if tol := aziTol(wantS12); !(e1 <= tol && e2 <= tol) {
			t.Errorf("Inverse(%s) azi = %.14f, %.14f, want %.14f, %.14f", in,
				azi1*180/math.Pi, azi2*180/math.Pi, wantAzi1*180/math.Pi, wantAzi2*180/math.Pi)
		}
		ds.add(math.Abs(s12-wantS12), r.line)
		da.add(math.Max(e1, e2)*math.Max(wantS12, 1), r.line)
	}
	if classes["antipodal"]+classes["cut"] < 200 {
		t.Errorf("fixture has %d nearly antipodal cases, want at least 200", classes["antipodal"]+classes["cut"])
	}
	t.Logf("cases by class %v; max |Δs12| = %.3g m (line %d); max |Δazi|·s12 = %.3g m (line %d)",
		classes, ds.v, ds.line, da.v, da.line)
}

func TestDirectGeodSolve(t *testing.T) {
	var dp, da maxErr
	for _, r := range readFixture(t, "geodsolve_direct.txt", 8) {
		lat1, lon1, azi1, s12 := r.rad(t, 1), r.rad(t, 2), r.rad(t, 3), r.float(t, 4)
		want := LLA{Lat: r.rad(t, 5), Lon: r.rad(t, 6)}
		wantAzi2 := r.rad(t, 7)
		lat2, lon2, azi2 := WGS84.Direct(lat1, lon1, azi1, s12)
		got := LLA{Lat: lat2, Lon: lon2}
		in := fmt.Sprintf("line %d %s %s %s %s", r.line, r.fields[1], r.fields[2], r.fields[3], r.fields[4])
		e := r3Dist(WGS84.ToECEF(got), WGS84.ToECEF(want))
		if !(e <= geodDistTol) {
			t.Errorf("Direct(%s) = %.14f, %.14f, want %.14f, %.14f (%.3g m off)", in,
				got.LatDeg(), got.LonDeg(), want.LatDeg(), want.LonDeg(), e)
		}
		// Near a pole the azimuth turns with the longitude, so bound it
		// like a short line of length equal to the distance from the pole.
		ea := angleErr(azi2, wantAzi2)
		if pole := WGS84.A * math.Cos(want.Lat); !(ea <= aziTol(pole)) {
			t.Errorf("Direct(%s) azi2 = %.14f, want %.14f", in, azi2*180/math.Pi, wantAzi2*180/math.Pi)
		}
		dp.add(e, r.line)
		da.add(ea, r.line)
	}
	t.Logf("max end-point error %.3g m (line %d); max |Δazi2| = %.3g rad (line %d)", dp.v, dp.line, da.v, da.line)
}

func TestGeodesicEllipsoidsGeodSolve(t *testing.T) {
	var ds, dp maxErr
	for _, r := range readFixture(t, "geodsolve_ellipsoids.txt", 10) {
		e := Ellipsoid{A: r.float(t, 0), F: r.float(t, 1)}
		in := fmt.Sprintf("line %d a=%s f=%s %s %s %s %s", r.line, r.fields[0], r.fields[1], r.fields[3], r.fields[4], r.fields[5], r.fields[6])
		switch r.fields[2] {
		case "inverse":
			wantAzi1, wantAzi2, wantS12 := r.rad(t, 7), r.rad(t, 8), r.float(t, 9)
			s12, azi1, azi2 := e.Inverse(r.rad(t, 3), r.rad(t, 4), r.rad(t, 5), r.rad(t, 6))
			if !(math.Abs(s12-wantS12) <= geodDistTol) {
				t.Errorf("Inverse(%s) s12 = %.9f, want %.9f", in, s12, wantS12)
			}
			if tol := aziTol(wantS12); !(angleErr(azi1, wantAzi1) <= tol && angleErr(azi2, wantAzi2) <= tol) {
				t.Errorf("Inverse(%s) azi = %.14f, %.14f, want %.14f, %.14f", in,
					azi1*180/math.Pi, azi2*180/math.Pi, wantAzi1*180/math.Pi, wantAzi2*180/math.Pi)
			}
			ds.add(math.Abs(s12-wantS12), r.line)
		case "direct":
			want := LLA{Lat: r.rad(t, 7), Lon: r.rad(t, 8)}
			lat2, lon2, azi2 := e.Direct(r.rad(t, 3), r.rad(t, 4), r.rad(t, 5), r.float(t, 6))
			got := LLA{Lat: lat2, Lon: lon2}
			d := r3Dist(e.ToECEF(got), e.ToECEF(want))
			if !(d <= geodDistTol) || !(angleErr(azi2, r.rad(t, 9)) <= aziTol(e.A*math.Cos(want.Lat))) {
				t.Errorf("Direct(%s) = %.14f, %.14f, %.14f, want %s, %s, %s", in,
					got.LatDeg(), got.LonDeg(), azi2*180/math.Pi, r.fields[7], r.fields[8], r.fields[9])
			}
			dp.add(d, r.line)
		default:
			t.Fatalf("line %d: unknown problem %q", r.line, r.fields[2])
		}
	}
	t.Logf("max |Δs12| = %.3g m (line %d); max end-point error %.3g m (line %d)", ds.v, ds.line, dp.v, dp.line)
}

func TestWaypointsGeodSolve(t *testing.T) {
	rows := readFixture(t, "geodsolve_waypoints.txt", 4)
	first, last := rows[0], rows[len(rows)-1]
	pts := WGS84.Waypoints(first.rad(t, 1), first.rad(t, 2), last.rad(t, 1), last.rad(t, 2), len(rows))
	if len(pts) != len(rows) {
		t.Fatalf("Waypoints(JFK, SIN, %d) returned %d points", len(rows), len(pts))
	}
	for i, r := range rows {
		want := LLA{Lat: r.rad(t, 1), Lon: r.rad(t, 2)}
		if d := r3Dist(WGS84.ToECEF(pts[i]), WGS84.ToECEF(want)); !(d <= geodDistTol) {
			t.Errorf("Waypoints(JFK, SIN, %d)[%d] = %.14f, %.14f, want %s, %s", len(rows), i,
				pts[i].LatDeg(), pts[i].LonDeg(), r.fields[1], r.fields[2])
		}
	}
	if got := WGS84.Waypoints(0, 0, 1, 1, 1); got != nil {
		t.Errorf("Waypoints(..., 1) = %v, want nil", got)
	}
}

// TestGeodesicTextbook checks published worked examples.
func TestGeodesicTextbook(t *testing.T) {
	const d = math.Pi / 180
	dms := func(deg, min, sec float64) float64 { return (deg + min/60 + sec/3600) * d }

	// GeodSolve(1) manual, EXAMPLES: JFK (40°38′23″N 73°46′44″W) to Singapore
	// Changi (1°21′33″N 103°59′22″E): 003:18:29.9 177:29:09.2 15347628,
	// rounded to 0.1″ and 1 m.
	s12, azi1, azi2 := WGS84.Inverse(dms(40, 38, 23), -dms(73, 46, 44), dms(1, 21, 33), dms(103, 59, 22))
	if math.Abs(s12-15347628) > 0.5 ||
		math.Abs(azi1-dms(3, 18, 29.9)) > 0.05/3600*d ||
		math.Abs(azi2-dms(177, 29, 9.2)) > 0.05/3600*d {
		t.Errorf("Inverse(JFK, SIN) = %.3f m, %.6f°, %.6f°, want 15347628 m, 3°18′29.9″, 177°29′09.2″", s12, azi1/d, azi2/d)
	}

	// Karney (2013), table 2: the direct problem φ1 = 40°, α1 = 30°,
	// s12 = 10 000 km gives φ2 = 41.79331020506°, λ12 = 137.84490004377°,
	// α2 = 149.09016931807° (11 decimals).
	const karneyAngTol = 0.5e-11 * d
	lat2, lon2, azi2 := WGS84.Direct(40*d, 0, 30*d, 10e6)
	if math.Abs(lat2-41.79331020506*d) > karneyAngTol ||
		math.Abs(lon2-137.84490004377*d) > karneyAngTol ||
		math.Abs(azi2-149.09016931807*d) > karneyAngTol {
		t.Errorf("Direct(40°, 0°, 30°, 10000 km) = %.11f°, %.11f°, %.11f°, want 41.79331020506°, 137.84490004377°, 149.09016931807°",
			lat2/d, lon2/d, azi2/d)
	}

	// Karney (2013), table 3: the short line φ1 = −30.12345°,
	// φ2 = −30.12344°, λ12 = 0.00005°: α1 = 77.043533542°,
	// α2 = 77.043508449°, s12 = 4.944208 m. The azimuths of a 5 m line
	// are only as good as the 1e-15 relative rounding of the radian
	// inputs allows (~1e-9°), hence 9 decimals and a tolerance of one unit
	// in the 9th: built for arm64 (fused multiply-add) azi2 comes out
	// 77.043508448°, 0.6e-9° from the table.
	const shortLineAzTol = 1e-9 * d
	s12, azi1, azi2 = WGS84.Inverse(-30.12345*d, 0, -30.12344*d, 0.00005*d)
	if math.Abs(s12-4.944208) > 0.5e-6 ||
		math.Abs(azi1-77.043533542*d) > shortLineAzTol ||
		math.Abs(azi2-77.043508449*d) > shortLineAzTol {
		t.Errorf("Inverse(−30.12345°, 0°, −30.12344°, 0.00005°) = %.6f m, %.9f°, %.9f°, want 4.944208 m, 77.043533542°, 77.043508449°",
			s12, azi1/d, azi2/d)
	}

	// Karney (2013), table 5: the nearly antipodal φ1 = −30°, φ2 = 29.9°,
	// λ12 = 179.8°, solved from the astroid start: α1 = 161.890524736°,
	// α2 = 18.090737246°, s12 = 19 989 832.827610 m.
	s12, azi1, azi2 = WGS84.Inverse(-30*d, 0, 29.9*d, 179.8*d)
	if math.Abs(s12-19989832.827610) > 0.5e-6 ||
		math.Abs(azi1-161.890524736*d) > 0.5e-9*d ||
		math.Abs(azi2-18.090737246*d) > 0.5e-9*d {
		t.Errorf("Inverse(−30°, 0°, 29.9°, 179.8°) = %.6f m, %.9f°, %.9f°, want 19989832.827610 m, 161.890524736°, 18.090737246°",
			s12, azi1/d, azi2/d)
	}
}

// TestGeodesicSpecialCases checks the meridional, equatorial, polar and
// coincident cases against closed forms.
func TestGeodesicSpecialCases(t *testing.T) {
	const d = math.Pi / 180
	// Quarter meridian of WGS-84, 10 001 965.729313 m (GeodSolve -i -p 6;
	// it is b·A1·π/2 with ε = n).
	const quarter = 10001965.729313
	if s12, azi1, azi2 := WGS84.Inverse(0, 0, math.Pi/2, 0); math.Abs(s12-quarter) > 1e-6 || azi1 != 0 || azi2 != 0 {
		t.Errorf("Inverse(0°, 0°, 90°, 0°) = %.6f, %g, %g, want %.6f, 0, 0", s12, azi1, azi2, quarter)
	}
	// Along the equator: a·Δλ.
	if s12, azi1, azi2 := WGS84.Inverse(0, 10*d, 0, 100*d); math.Abs(s12-WGS84A*90*d) > 1e-6 || azi1 != math.Pi/2 || azi2 != math.Pi/2 {
		t.Errorf("Inverse(0°, 10°, 0°, 100°) = %.6f, %g, %g, want %.6f, π/2, π/2", s12, azi1, azi2, WGS84A*90*d)
	}
	// Equatorial antipodes: the shortest path runs over a pole (2 quarter meridians).
	if s12, azi1, azi2 := WGS84.Inverse(0, 0, 0, math.Pi); math.Abs(s12-2*quarter) > 2e-6 || azi1 != 0 || azi2 != math.Pi {
		t.Errorf("Inverse(0°, 0°, 0°, 180°) = %.6f, %g, %g, want %.6f, 0, π", s12, azi1, azi2, 2*quarter)
	}
	// Coincident points.
	if s12, _, _ := WGS84.Inverse(0.3, 0.4, 0.3, 0.4); s12 != 0 {
		t.Errorf("Inverse(p, p) = %g, want 0", s12)
	}
	// Zero distance returns the start.
	if lat, lon, azi := WGS84.Direct(0.3, 0.4, 0.5, 0); math.Abs(lat-0.3) > 1e-15 || math.Abs(lon-0.4) > 1e-15 || math.Abs(azi-0.5) > 1e-15 {
		t.Errorf("Direct(0.3, 0.4, 0.5, 0) = %g, %g, %g, want 0.3, 0.4, 0.5", lat, lon, azi)
	}
	// Bad input gives NaN, not a panic or a hang.
	for _, c := range [][4]float64{{2, 0, 0, 0}, {0, 0, math.NaN(), 0}, {0, math.Inf(1), 0, 0}} {
		if s12, _, _ := WGS84.Inverse(c[0], c[1], c[2], c[3]); !math.IsNaN(s12) {
			t.Errorf("Inverse(%v) = %g, want NaN", c, s12)
		}
	}
	if lat, lon, _ := WGS84.Direct(math.NaN(), 0, 0, 1e6); !math.IsNaN(lat) || !math.IsNaN(lon) {
		t.Errorf("Direct(NaN, 0, 0, 1e6) = %g, %g, want NaN", lat, lon)
	}
}

// TestGeodesicSphere checks F = 0 against the spherical law of cosines and
// the spherical direct formulas.
func TestGeodesicSphere(t *testing.T) {
	// acos amplifies the rounding of its argument by 1/sin θ; keeping
	// sin θ ≥ 0.01 holds that to 6.4e6 m × 1e-16 / 0.01 ≈ 1e-7 m.
	const sphereDistTol = 1e-6 // m
	const sphereAziTol = 1e-12 // rad, away from the ends of the range
	seed := uint64(2013)
	rng := rand.New(rand.NewPCG(seed, 1))
	R := SphereRadius
	for n := 0; n < 2000; {
		lat1, lat2 := math.Asin(2*rng.Float64()-1), math.Asin(2*rng.Float64()-1)
		lon1, lon2 := math.Pi*(2*rng.Float64()-1), math.Pi*(2*rng.Float64()-1)
		s1, c1 := math.Sincos(lat1)
		s2, c2 := math.Sincos(lat2)
		sl, cl := math.Sincos(lon2 - lon1)
		cosTheta := s1*s2 + c1*c2*cl
		theta := math.Acos(cosTheta)
		if math.Sin(theta) < 0.01 {
			continue
		}
		n++
		wantAzi1 := math.Atan2(sl*c2, c1*s2-s1*c2*cl)
		wantAzi2 := math.Atan2(sl*c1, -s1*c2+c1*s2*cl)
		s12, azi1, azi2 := Sphere.Inverse(lat1, lon1, lat2, lon2)
		if math.Abs(s12-R*theta) > sphereDistTol || angleErr(azi1, wantAzi1) > sphereAziTol || angleErr(azi2, wantAzi2) > sphereAziTol {
			t.Fatalf("seed %d: Sphere.Inverse(%v, %v, %v, %v) = %.9f, %.15f, %.15f, want %.9f, %.15f, %.15f",
				seed, lat1, lon1, lat2, lon2, s12, azi1, azi2, R*theta, wantAzi1, wantAzi2)
		}

		// Direct: sin φ2 = sin φ1 cos δ + cos φ1 sin δ cos α1,
		// tan Δλ = sin α1 sin δ cos φ1 / (cos δ − sin φ1 sin φ2).
		azi := math.Pi * (2*rng.Float64() - 1)
		dist := 2e7 * rng.Float64()
		sd, cd := math.Sincos(dist / R)
		sa, ca := math.Sincos(azi)
		wlat := math.Asin(s1*cd + c1*sd*ca)
		wlon := lon1 + math.Atan2(sa*sd*c1, cd-s1*math.Sin(wlat))
		lat, lon, _ := Sphere.Direct(lat1, lon1, azi, dist)
		got, want := Sphere.ToECEF(LLA{Lat: lat, Lon: lon}), Sphere.ToECEF(LLA{Lat: wlat, Lon: wlon})
		if e := r3Dist(got, want); e > sphereDistTol {
			t.Fatalf("seed %d: Sphere.Direct(%v, %v, %v, %v) = %v, %v, want %v, %v (%.3g m off)",
				seed, lat1, lon1, azi, dist, lat, lon, wlat, wlon, e)
		}
	}
}

// TestGeodesicProperties checks symmetry and that Direct undoes Inverse, on
// random points.
func TestGeodesicProperties(t *testing.T) {
	seed := uint64(1)
	rng := rand.New(rand.NewPCG(seed, 2))
	for i := 0; i < 3000; i++ {
		lat1, lat2 := math.Asin(2*rng.Float64()-1), math.Asin(2*rng.Float64()-1)
		lon1, lon2 := 3*math.Pi*(2*rng.Float64()-1), 3*math.Pi*(2*rng.Float64()-1)
		if i%3 == 0 { // nearly antipodal
			lat2 = -lat1 + 0.01*(2*rng.Float64()-1)
			lon2 = lon1 + math.Pi + 0.01*(2*rng.Float64()-1)
		}
		s12, azi1, azi2 := WGS84.Inverse(lat1, lon1, lat2, lon2)
		s21, azi1r, azi2r := WGS84.Inverse(lat2, lon2, lat1, lon1)
		// Reversing the path reverses the azimuths.
		if math.Abs(s12-s21) > geodDistTol || angleErr(azi1, azi2r+math.Pi) > aziTol(s12) || angleErr(azi2, azi1r+math.Pi) > aziTol(s12) {
			t.Fatalf("seed %d: Inverse(%v, %v, %v, %v) = %v, %v, %v but reversed %v, %v, %v",
				seed, lat1, lon1, lat2, lon2, s12, azi1, azi2, s21, azi1r, azi2r)
		}
		// Direct along the inverse solution reaches the far end.
		lat, lon, azi := WGS84.Direct(lat1, lon1, azi1, s12)
		got, want := WGS84.ToECEF(LLA{Lat: lat, Lon: lon}), WGS84.ToECEF(LLA{Lat: lat2, Lon: lon2})
		if e := r3Dist(got, want); e > geodDistTol || angleErr(azi, azi2) > aziTol(WGS84A*math.Cos(lat2)) {
			t.Fatalf("seed %d: Direct(%v, %v, %v, %v) = %v, %v, %v, want %v, %v, %v (%.3g m off)",
				seed, lat1, lon1, azi1, s12, lat, lon, azi, lat2, lon2, azi2, e)
		}
		if lon < -math.Pi || lon > math.Pi || azi < -math.Pi || azi > math.Pi {
			t.Fatalf("seed %d: Direct(%v, %v, %v, %v) = %v, %v, %v outside [−π, π]", seed, lat1, lon1, azi1, s12, lat, lon, azi)
		}
	}
}

func TestGeodesicAllocs(t *testing.T) {
	other := Ellipsoid{A: 6378388, F: 1 / 297.0}
	for name, f := range map[string]func(){
		"WGS84.Inverse": func() { WGS84.Inverse(0.1, 0.2, -0.1, 3.1) },
		"WGS84.Direct":  func() { WGS84.Direct(0.1, 0.2, 0.3, 1e7) },
		"other.Inverse": func() { other.Inverse(0.1, 0.2, -0.1, 3.1) },
		"other.Direct":  func() { other.Direct(0.1, 0.2, 0.3, 1e7) },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times per call, want 0", name, n)
		}
	}
}

var sinkF float64

func BenchmarkInverse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, _, _ := WGS84.Inverse(0.7093, -1.2877, 0.0237, 1.8150) // JFK → SIN
		sinkF += s
	}
}

func BenchmarkInverseAntipodal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, _, _ := WGS84.Inverse(-0.5236, 0, 0.5219, 3.1381) // Karney table 5
		sinkF += s
	}
}

func BenchmarkDirect(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lat, _, _ := WGS84.Direct(0.7093, -1.2877, 0.0577, 15347628)
		sinkF += lat
	}
}
