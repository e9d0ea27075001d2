package geo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/spatial/r3"
)

// Tolerances against GeographicLib 2.1.2 (CartConvert), which prints
// 1e-9 m and 1e-14°. Both conversions are round-off limited at the
// nanometre level; the bounds are those the simulation needs, far above
// round-off but far below any formula error.
const (
	ecefTol = 1e-3 // m, ECEF coordinates and heights
	latTol  = 1e-9 // rad, geodetic latitude and longitude (6 mm on the surface)
)

func r3Dist(a, b r3.Vec) float64 { return r3.Norm(r3.Sub(a, b)) }

func TestToECEFCartConvert(t *testing.T) {
	var worst maxErr
	for _, r := range readFixture(t, "cartconvert_forward.txt", 7) {
		p := LLA{Lat: r.rad(t, 1), Lon: r.rad(t, 2), Alt: r.float(t, 3)}
		want := r3.Vec{X: r.float(t, 4), Y: r.float(t, 5), Z: r.float(t, 6)}
		got := WGS84.ToECEF(p)
		e := r3Dist(got, want)
		if !(e <= ecefTol) {
			t.Errorf("ToECEF(line %d %s %s %s) = %.9f, want %.9f (%.3g m off)", r.line, r.fields[1], r.fields[2], r.fields[3], got, want, e)
		}
		worst.add(e, r.line)
	}
	t.Logf("max ECEF error %.3g m (line %d)", worst.v, worst.line)
}

func TestToGeodeticCartConvert(t *testing.T) {
	var dlat, dlon, dh maxErr
	for _, r := range readFixture(t, "cartconvert_reverse.txt", 7) {
		v := r3.Vec{X: r.float(t, 1), Y: r.float(t, 2), Z: r.float(t, 3)}
		want := LLA{Lat: r.rad(t, 4), Lon: r.rad(t, 5), Alt: r.float(t, 6)}
		got := WGS84.ToGeodetic(v)
		in := fmt.Sprintf("line %d %s %s %s", r.line, r.fields[1], r.fields[2], r.fields[3])
		el := math.Abs(got.Lat - want.Lat)
		// On the axis the longitude is arbitrary; weigh it by the
		// distance from the axis.
		eo := angleErr(got.Lon, want.Lon)
		if math.Hypot(v.X, v.Y) < ecefTol {
			eo = 0
		}
		eh := math.Abs(got.Alt - want.Alt)
		if !(el <= latTol && eo <= latTol && eh <= ecefTol) {
			t.Errorf("ToGeodetic(%s) = %.14f, %.14f, %.9f, want %.14f, %.14f, %.9f", in,
				got.LatDeg(), got.LonDeg(), got.Alt, want.LatDeg(), want.LonDeg(), want.Alt)
		}
		dlat.add(el, r.line)
		dlon.add(eo, r.line)
		dh.add(eh, r.line)
	}
	t.Logf("max |Δlat| %.3g rad (line %d), |Δlon| %.3g rad (line %d), |Δh| %.3g m (line %d)",
		dlat.v, dlat.line, dlon.v, dlon.line, dh.v, dh.line)
}

// randLLA draws a point uniform on the sphere at a height in [hmin, hmax].
func randLLA(rng *rand.Rand, hmin, hmax float64) LLA {
	return LLA{
		Lat: math.Asin(2*rng.Float64() - 1),
		Lon: math.Pi * (2*rng.Float64() - 1),
		Alt: hmin + (hmax-hmin)*rng.Float64(),
	}
}

func TestGeodeticRoundTrip(t *testing.T) {
	// Round-off of ToECEF and ToGeodetic together, at up to 4e7 m from the
	// centre: a few ulps of 4e7 m is ~1e-8 m.
	const tol = 1e-7 // m
	seed := uint64(3)
	rng := rand.New(rand.NewPCG(seed, 3))
	for _, e := range []Ellipsoid{WGS84, Sphere, {A: WGS84A, F: 1.0 / 50}, {A: WGS84A, F: -1.0 / 150}} {
		for i := 0; i < 10000; i++ {
			p := randLLA(rng, -5e3, 4e7)
			v := e.ToECEF(p)
			q := e.ToGeodetic(v)
			if d := r3Dist(e.ToECEF(q), v); !(d <= tol) || !(math.Abs(q.Alt-p.Alt) <= tol) {
				t.Fatalf("seed %d: %+v.ToGeodetic(ToECEF(%+v)) = %+v, %.3g m off", seed, e, p, q, d)
			}
		}
		// Near the centre a point has several normals to the surface; the
		// result must still map back to it.
		for i := 0; i < 1000; i++ {
			v := r3.Vec{X: 1e5 * (2*rng.Float64() - 1), Y: 1e5 * (2*rng.Float64() - 1), Z: 1e5 * (2*rng.Float64() - 1)}
			switch i % 4 {
			case 1:
				v.Z = 0
			case 2:
				v.X, v.Y = 0, 0
			}
			q := e.ToGeodetic(v)
			if d := r3Dist(e.ToECEF(q), v); !(d <= tol) {
				t.Fatalf("seed %d: %+v.ToECEF(ToGeodetic(%v)) is %.3g m off", seed, e, v, d)
			}
		}
	}
}

func TestENURoundTrip(t *testing.T) {
	const tol = 1e-7 // m, round-off at up to 4e7 m
	seed := uint64(4)
	rng := rand.New(rand.NewPCG(seed, 4))
	for i := 0; i < 5000; i++ {
		f := WGS84.NewENU(randLLA(rng, -1e3, 1e5))
		v := WGS84.ToECEF(randLLA(rng, -1e3, 1e7))
		l := f.FromECEF(v)
		if back := f.ToECEF(l); r3Dist(back, v) > tol {
			t.Fatalf("seed %d: ENU.ToECEF(ENU.FromECEF(%v)) = %v", seed, v, back)
		}
		// The frame is orthonormal and right-handed.
		if e := r3Dist(r3.Cross(f.E, f.N), f.U); e > 1e-15 {
			t.Fatalf("seed %d: E×N = %v, want U = %v", seed, r3.Cross(f.E, f.N), f.U)
		}
		// Az/el/range agree with the ENU components.
		az, el, rng3 := f.AzElRange(v)
		se, ce := math.Sincos(el)
		sa, ca := math.Sincos(az)
		if e := r3Dist(r3.Vec{X: rng3 * ce * sa, Y: rng3 * ce * ca, Z: rng3 * se}, l); e > tol {
			t.Fatalf("seed %d: AzElRange(%v) = %v, %v, %v, inconsistent with ENU %v", seed, v, az, el, rng3, l)
		}
	}
	// Up is the ellipsoid normal: a point straight above is at elevation 90°,
	// one due north on the surface nearby has azimuth 0.
	o := LLADeg(45, 10, 0)
	f := WGS84.NewENU(o)
	if _, el, _ := f.AzElRange(WGS84.ToECEF(LLADeg(45, 10, 1000))); math.Abs(el-math.Pi/2) > 1e-9 {
		t.Errorf("AzElRange(1 km above) elevation = %v, want π/2", el)
	}
	if az, _, _ := f.AzElRange(WGS84.ToECEF(LLADeg(45.001, 10, 0))); math.Abs(az) > 1e-9 && math.Abs(az-2*math.Pi) > 1e-9 {
		t.Errorf("AzElRange(due north) azimuth = %v, want 0", az)
	}
}

func TestECIRoundTrip(t *testing.T) {
	const (
		posTol = 1e-7 // m, round-off at 4e7 m
		velTol = 1e-9 // m/s
	)
	seed := uint64(5)
	rng := rand.New(rand.NewPCG(seed, 5))
	for i := 0; i < 5000; i++ {
		pos := WGS84.ToECEF(randLLA(rng, -1e3, 4e7))
		vel := r3.Vec{X: 1e4 * (2*rng.Float64() - 1), Y: 1e4 * (2*rng.Float64() - 1), Z: 1e4 * (2*rng.Float64() - 1)}
		tm := 86400 * 10 * rng.Float64()
		p, v := EarthRotation.ECIFromECEF(pos, vel, tm)
		p2, v2 := EarthRotation.ECEFFromECI(p, v, tm)
		if r3Dist(p2, pos) > posTol || r3Dist(v2, vel) > velTol {
			t.Fatalf("seed %d: ECEFFromECI(ECIFromECEF(%v, %v, %v)) = %v, %v", seed, pos, vel, tm, p2, v2)
		}
		// Rotation about z keeps |r| and z.
		if math.Abs(r3.Norm(p)-r3.Norm(pos)) > posTol || p.Z != pos.Z {
			t.Fatalf("seed %d: ECIFromECEF(%v, _, %v) = %v changes |r| or z", seed, pos, tm, p)
		}
	}
}

// TestECIVelocityOfFixedPoint checks that a point fixed on the Earth moves in
// ECI with v = ω × r, and that this matches the rate of change of its ECI
// position.
func TestECIVelocityOfFixedPoint(t *testing.T) {
	seed := uint64(6)
	rng := rand.New(rand.NewPCG(seed, 6))
	w := r3.Vec{Z: WGS84Omega}
	for i := 0; i < 1000; i++ {
		pos := WGS84.ToECEF(randLLA(rng, -1e3, 4e7))
		tm := 86400 * rng.Float64()
		p, v := EarthRotation.ECIFromECEF(pos, r3.Vec{}, tm)
		if want := r3.Cross(w, p); r3Dist(v, want) > 1e-9 {
			t.Fatalf("seed %d: ECIFromECEF(%v, 0, %v) velocity = %v, want ω×r = %v", seed, pos, tm, v, want)
		}
		// Central difference, h = 1 s: truncation |r|ω³h²/6 ≈ 3e-6 m/s at 4e7 m.
		const h = 1.0
		pp, _ := EarthRotation.ECIFromECEF(pos, r3.Vec{}, tm+h)
		pm, _ := EarthRotation.ECIFromECEF(pos, r3.Vec{}, tm-h)
		if fd := r3.Scale(1/(2*h), r3.Sub(pp, pm)); r3Dist(fd, v) > 1e-5 {
			t.Fatalf("seed %d: d/dt ECI position = %v, velocity = %v", seed, fd, v)
		}
	}
	// Equatorial speed at the surface: ΩE·a = 465.10 m/s.
	_, ve := EarthRotation.ECIFromECEF(r3.Vec{X: WGS84A}, r3.Vec{}, 0)
	if math.Abs(r3.Norm(ve)-465.10) > 0.005 {
		t.Errorf("ECIFromECEF(a, 0, 0) speed = %.3f m/s, want 465.10", r3.Norm(ve))
	}
}

func BenchmarkToGeodetic(b *testing.B) {
	v := WGS84.ToECEF(LLADeg(40.64, -73.78, 1e5))
	b.ReportAllocs()
	for b.Loop() {
		sinkF += WGS84.ToGeodetic(v).Lat
	}
}

func BenchmarkToECEF(b *testing.B) {
	p := LLADeg(40.64, -73.78, 1e5)
	b.ReportAllocs()
	for b.Loop() {
		sinkF += WGS84.ToECEF(p).X
	}
}

func TestToGeodeticCentre(t *testing.T) {
	// The nearest surface points to the centre are the poles, at distance b.
	got := WGS84.ToGeodetic(r3.Vec{})
	if got.Lat != math.Pi/2 || math.Abs(got.Alt+WGS84.B()) > 1e-6 {
		t.Errorf("ToGeodetic(0) = %+v, want lat π/2, height −b = %.6f", got, -WGS84.B())
	}
	if got := Sphere.ToGeodetic(r3.Vec{}); got.Lat != math.Pi/2 || got.Alt != -SphereRadius {
		t.Errorf("Sphere.ToGeodetic(0) = %+v, want lat π/2, height −R", got)
	}
}
