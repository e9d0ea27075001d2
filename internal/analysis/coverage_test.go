package analysis

import (
	"math"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/radar"
)

// Tolerances of the coverage tests.
const (
	// footprintEdgeTol bounds the error of a footprint edge in ground range,
	// m: the bisection's covRangeTol plus round-off in the geodesic round
	// trip (nanometres).
	footprintEdgeTol = 2 * covRangeTol
	// skolnikApproxTol is the relative tolerance between the footprint and
	// the textbook horizon R ≈ √(2kRh_a) + √(2kRh) = 4.12(√h_a + √h) km
	// (Skolnik, Introduction to Radar Systems, 3rd ed., ch. 8): the
	// approximation drops the term (5/12)·h/kR (0.5 % at 100 km) and uses
	// the mean radius, which differs from the ellipsoid's radius of curvature
	// by up to 0.7 % (0.35 % in the square root).
	skolnikApproxTol = 0.01
	// covElevationTol is the tolerance on the apparent elevation at an edge
	// set by an elevation limit, degrees: 1 m of bisection at ~1,000 km
	// moves the elevation by ~10⁻⁴ degrees.
	covElevationTol = 1e-3
	// sightingHorizonTol bounds the ground-range error of a first sighting
	// set by the horizon, m: covTimeTol of 0.01 s of climb at up to 2 km/s
	// moves the horizon distance by √(r_e/2h)·20 m, under 400 m above 5 km.
	sightingHorizonTol = 1000
	// covSightingElTol bounds the elevation error of a first sighting set by
	// the minimum elevation, degrees: a missile climbing at ~1 km/s 700 km
	// away rises ~0.08°/s, so covTimeTol (0.01 s) is ~10⁻³°.
	covSightingElTol = 2e-3
)

// testRadar builds an all-azimuth radar at 54° N, 20° E, antenna height
// ha (m), one pulse, Swerling 1, Pfa 10⁻⁶, whose range equation gives
// detectRange (m) for a 1 m² target at Pd 0.9. Its pulse is 1 µs, so its
// blind range (radar.BlindRange, cτ/2) is 150 m: a footprint's inner
// edge at the altitudes tested is 0.
func covTestRadar(t *testing.T, ha, detectRange float64) *radar.Radar {
	t.Helper()
	det, err := radar.NewDetector(1e-6, 1, radar.Swerling1, false)
	if err != nil {
		t.Fatal(err)
	}
	eq := radar.Equation{PulseWidth: 1e-6, Frequency: 3e9, TxGain: 1e4, RxGain: 1e4, NoiseTemp: 500, Loss: 1}
	eq.PeakPower = 1
	// SNR ∝ Pt: scale the peak power so that the closed-form required SNR
	// is met at detectRange.
	eq.PeakPower = covRequiredSNR() / eq.SNR(1, detectRange)
	r := &radar.Radar{
		Name: "test", Site: geo.LLADeg(54, 20, ha), Equation: eq, Detector: det,
		HalfWidthAz: math.Pi, MinEl: -math.Pi / 2, MaxEl: math.Pi / 2, MaxRange: 1e8,
		Beamwidth: 0.02, Bandwidth: 1e6, SearchFrame: 10, TrackInterval: 1,
	}
	if err := r.Init(); err != nil {
		t.Fatal(err)
	}
	return r
}

// testRequiredSNR is the single-pulse SNR for Pd 0.9 at Pfa 10⁻⁶ on a
// Swerling 1 target in closed form, ln(Pfa)/ln(Pd) − 1 = 130.1 (21.14 dB;
// docs/validation.md), independent of the radar package's bisection.
func covRequiredSNR() float64 { return math.Log(1e-6)/math.Log(0.9) - 1 }

// horizonGround is the ground distance of the 4/3-Earth horizon between
// heights ha and h along azimuth az from latitude lat, on the osculating
// sphere of the ellipsoid in that azimuth (Euler's radius).
func covHorizonGround(lat, az, ha, h float64) float64 {
	e := geo.WGS84
	m, n := e.MeridianRadius(lat), e.PrimeVerticalRadius(lat)
	s, c := math.Sin(az), math.Cos(az)
	re := radar.RefractionK * m * n / (m*s*s + n*c*c)
	return re * (math.Acos(re/(re+ha)) + math.Acos(re/(re+h)))
}

// TestFootprintHorizonLimited: with power to spare, the footprint is the
// 4/3-Earth horizon.
func TestCoverageFootprintHorizonLimited(t *testing.T) {
	const ha = 30.0
	r := covTestRadar(t, ha, 1e7)
	for _, hKm := range []float64{1, 10, 100} {
		fp, err := RadarFootprint(r, FootprintOptions{AltitudeKm: hKm, RCSM2: 1, Azimuths: 8})
		if err != nil {
			t.Fatalf("RadarFootprint(h %v km) error: %v", hKm, err)
		}
		for _, ray := range fp.Rays {
			az := ray.AzimuthDeg * math.Pi / 180
			want := covHorizonGround(r.Site.Lat, az, ha, hKm*1e3)
			got := ray.MaxGroundRangeKm * 1e3
			if math.Abs(got-want) > footprintEdgeTol || ray.Limit != "horizon" {
				t.Errorf("RadarFootprint(h %v km) at %v° = %.1f m (%s), want horizon %.1f m", hKm, ray.AzimuthDeg, got, ray.Limit, want)
			}
			approx := radar.HorizonRangeApprox(ha, hKm*1e3, radar.RefractionK*radar.EarthRadius)
			if math.Abs(got-approx) > skolnikApproxTol*approx {
				t.Errorf("RadarFootprint(h %v km) at %v° = %.1f km, want 4.12(√ha+√h) = %.1f km within %v", hKm, ray.AzimuthDeg, got/1e3, approx/1e3, skolnikApproxTol)
			}
			if ray.MinGroundRangeKm != 0 {
				t.Errorf("RadarFootprint(h %v km) at %v°: inner edge %.1f km, want 0", hKm, ray.AzimuthDeg, ray.MinGroundRangeKm)
			}
		}
		t.Logf("h %5.0f km: horizon %.1f km (4.12(√ha+√h) = %.1f km)", hKm, fp.Rays[0].MaxGroundRangeKm,
			radar.HorizonRangeApprox(ha, hKm*1e3, radar.RefractionK*radar.EarthRadius)/1e3)
		if len(fp.Polygon) != 9 || fp.Polygon[8] != fp.Polygon[0] {
			t.Errorf("polygon of %d points, closed %v; want 9, closed", len(fp.Polygon), fp.Polygon[8] == fp.Polygon[0])
		}
	}
}

// TestFootprintDetectionLimited: a small radar runs out of signal before
// the horizon; the slant range at the edge is the range-equation range.
func TestCoverageFootprintDetectionLimited(t *testing.T) {
	const rd = 200e3 // m, vs 1 m² at Pd 0.9
	r := covTestRadar(t, 0, rd)
	e := geo.WGS84
	for _, c := range []struct{ hKm, rcs float64 }{{10, 1}, {10, 0.1}, {30, 5}} {
		// R ∝ σ^{1/4}.
		want := rd * math.Pow(c.rcs, 0.25)
		fp, err := RadarFootprint(r, FootprintOptions{AltitudeKm: c.hKm, RCSM2: c.rcs, Azimuths: 4})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(fp.DetectionRangeKm*1e3-want) > 1e-6*want {
			t.Errorf("RadarFootprint(σ %v).DetectionRangeKm = %.4f, want %.4f", c.rcs, fp.DetectionRangeKm, want/1e3)
		}
		site := e.ToECEF(r.Site)
		for _, ray := range fp.Rays {
			lat, lon, _ := e.Direct(r.Site.Lat, r.Site.Lon, ray.AzimuthDeg*math.Pi/180, ray.MaxGroundRangeKm*1e3)
			p := e.ToECEF(geo.LLA{Lat: lat, Lon: lon, Alt: c.hKm * 1e3})
			slant := math.Sqrt((p.X-site.X)*(p.X-site.X) + (p.Y-site.Y)*(p.Y-site.Y) + (p.Z-site.Z)*(p.Z-site.Z))
			if math.Abs(slant-want) > footprintEdgeTol || ray.Limit != "detection" {
				t.Errorf("RadarFootprint(h %v km, σ %v) at %v°: slant range %.1f m (%s), want %.1f m (detection)", c.hKm, c.rcs, ray.AzimuthDeg, slant, ray.Limit, want)
			}
		}
	}
}

// TestFootprintFieldOfRegard: the azimuth sector and the elevation limits.
func TestCoverageFootprintFieldOfRegard(t *testing.T) {
	r := covTestRadar(t, 0, 1e7)
	r.BoresightAz, r.HalfWidthAz = math.Pi/2, 30*math.Pi/180
	r.MinEl, r.MaxEl = 3*math.Pi/180, 60*math.Pi/180
	if err := r.Init(); err != nil {
		t.Fatal(err)
	}
	fp, err := RadarFootprint(r, FootprintOptions{AltitudeKm: 100, RCSM2: 1, Azimuths: 36})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fp.SectorDeg-60) > 1e-9 || math.Abs(fp.BoresightDeg-90) > 1e-9 {
		t.Errorf("sector %v° at %v°, want 60° at 90°", fp.SectorDeg, fp.BoresightDeg)
	}
	for _, ray := range fp.Rays {
		// Rays on the sector's edges (60° and 120°) may fall either side in
		// floating point; they are not checked.
		off := math.Abs(ray.AzimuthDeg-90) - 30
		if math.Abs(off) < 1e-6 {
			continue
		}
		if off > 0 {
			if ray.MaxGroundRangeKm != 0 || ray.Limit != "azimuth" {
				t.Errorf("ray at %v° outside the sector = %+v, want no coverage (azimuth)", ray.AzimuthDeg, ray)
			}
			continue
		}
		if ray.Limit != "min-elevation" || math.Abs(ray.ElevationDeg-3) > covElevationTol {
			t.Errorf("ray at %v°: edge at elevation %.5f° (%s), want 3° (min-elevation)", ray.AzimuthDeg, ray.ElevationDeg, ray.Limit)
		}
		// The 60° elevation limit cuts out the cone overhead: ~h/tan 60° =
		// 58 km on a flat Earth, a little less on the curved one.
		if !(ray.MinGroundRangeKm > 50 && ray.MinGroundRangeKm < 60) {
			t.Errorf("ray at %v°: inner edge %.2f km, want 50–60 km", ray.AzimuthDeg, ray.MinGroundRangeKm)
		}
		if h := covHorizonGround(r.Site.Lat, ray.AzimuthDeg*math.Pi/180, 0, 100e3) / 1e3; ray.MaxGroundRangeKm >= h {
			t.Errorf("ray at %v°: %.1f km, want inside the horizon %.1f km", ray.AzimuthDeg, ray.MaxGroundRangeKm, h)
		}
	}
}

// TestFootprintCatalogRadars logs the footprints of the catalog radars at
// their sites (question 7) and checks their shape.
func TestCoverageFootprintCatalogRadars(t *testing.T) {
	for _, c := range []struct {
		site     RadarSite
		hKm, rcs float64
		sector   float64
	}{
		{RadarSite{Radar: "AN/TPY-2", At: Location{Place: "Kürecik"}}, 300, 0.01, 120},
		{RadarSite{Radar: "AN/TPY-2", At: Location{Place: "Kürecik"}}, 100, 5, 120},
		{RadarSite{Radar: "AN/SPY-1D(V)", At: Location{Place: "Redzikowo"}}, 300, 0.01, 360},
		{RadarSite{Radar: "AN/SPY-1D(V)", At: Location{Place: "Deveselu"}}, 10, 1, 360},
		{RadarSite{Radar: "Voronezh-DM", At: Location{Place: "Pionersky"}}, 300, 0.1, 120},
		{RadarSite{Radar: "Voronezh-DM", At: Location{Place: "Armavir"}}, 300, 0.1, 120},
	} {
		r, s, err := c.site.Build(catalog.PickCentral)
		if err != nil {
			t.Fatalf("%s: %v", c.site.Label(), err)
		}
		fp, err := RadarFootprint(r, FootprintOptions{AltitudeKm: c.hKm, RCSM2: c.rcs, Azimuths: 72})
		if err != nil {
			t.Fatal(err)
		}
		limits := map[string]int{}
		for _, ray := range fp.Rays {
			limits[ray.Limit]++
			if ray.MaxGroundRangeKm > 0 && ray.SlantRangeKm > fp.DetectionRangeKm*(1+1e-6) {
				t.Errorf("%s: ray at %v° reaches %.0f km slant, beyond the detection range %.0f km", s.Label(), ray.AzimuthDeg, ray.SlantRangeKm, fp.DetectionRangeKm)
			}
		}
		if math.Abs(fp.SectorDeg-c.sector) > 1e-9 {
			t.Errorf("%s: sector %v°, want %v°", s.Label(), fp.SectorDeg, c.sector)
		}
		t.Logf("%-28s boresight %3.0f°, h %3.0f km, σ %5.2f m²: detection %5.0f km, horizon %5.0f km, instrumented %5.0f km → ground ≤ %5.0f km; limits %v",
			s.Label(), fp.BoresightDeg, c.hKm, c.rcs, fp.DetectionRangeKm, fp.HorizonRangeKm, fp.InstrumentedRangeKm, fp.MaxGroundRangeKm, limits)
	}
	// A sector radar without a boresight is an error, not a silent north.
	if _, _, err := (RadarSite{Radar: "AN/TPY-2", At: Location{Place: "Redzikowo"}}).Build(catalog.PickCentral); err == nil {
		t.Error("Build(AN/TPY-2 at Redzikowo, no boresight) = nil error, want an error")
	}
}

func TestCoverageFootprintErrors(t *testing.T) {
	r := covTestRadar(t, 0, 1e5)
	for _, o := range []FootprintOptions{
		{AltitudeKm: -1, RCSM2: 1}, {AltitudeKm: 10, RCSM2: 0}, {AltitudeKm: 10, RCSM2: 1, Pd: 1},
		{AltitudeKm: 10, RCSM2: 1, Pfa: 2}, {AltitudeKm: 10, RCSM2: 1, Azimuths: 2}, {AltitudeKm: math.NaN(), RCSM2: 1},
	} {
		if _, err := RadarFootprint(r, o); err == nil {
			t.Errorf("RadarFootprint(%+v) = nil error, want an error", o)
		}
	}
	if _, err := RadarFootprint(nil, FootprintOptions{AltitudeKm: 1, RCSM2: 1}); err == nil {
		t.Error("RadarFootprint(nil) = nil error, want an error")
	}
}

// TestRadarSightings: the AN/TPY-2 at Kürecik, facing Iran, sees an
// Iranian MRBM in boost as it climbs over the horizon, and does not see a
// Russian ICBM flying north-west, far outside its sector.
func TestCoverageSightings(t *testing.T) {
	trajs, err := FlyFamilies([]Family{
		{Missile: "Sejjil-2", LaunchSite: "Tabriz", Aim: "Bucharest"},
		{Missile: "RS-24 Yars", LaunchSite: "Kozelsk", Aim: "Washington DC"},
	}, flight.Physics{})
	if err != nil {
		t.Fatal(err)
	}
	radars := []RadarSite{
		{Radar: "AN/TPY-2", At: Location{Place: "Kürecik"}},
		{Radar: "Voronezh-DM", At: Location{Place: "Armavir"}},
		{Radar: "Voronezh-DM", At: Location{Place: "Pionersky"}},
	}
	got, err := RadarSightings(radars, trajs, SightingOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 6 {
		t.Fatalf("RadarSightings = %d sightings, want 6", len(got))
	}
	for _, s := range got {
		if s.Seen {
			t.Logf("%-12s at %-9s sees %-40s at %6.1f s (%s, %5.0f km up, %5.0f km away; burnout %.0f s), until %6.1f s, %5.0f s covered",
				s.Radar, s.RadarSite, s.Trajectory, *s.FirstSeenS, s.FirstSeenPhase, *s.FirstSeenAltKm, *s.FirstSeenRangeKm, s.BurnoutS, *s.LastSeenS, s.CoveredS)
		} else {
			t.Logf("%-12s at %-9s never sees %s (%s)", s.Radar, s.RadarSite, s.Trajectory, s.Limit)
		}
	}
	// TPY-2 vs the Sejjil: seen in boost; the first sighting is a real
	// switch of coverage; when the horizon sets it, the missile is on the
	// 4/3-Earth horizon.
	r, tpy, err := radars[0].Build(catalog.PickCentral)
	if err != nil {
		t.Fatal(err)
	}
	s := got[0]
	if !s.Seen || !s.SeenInBoost || s.FirstSeenPhase != flight.Boost.String() {
		t.Fatalf("TPY-2 at Kürecik vs %s = %+v, want seen in boost", s.Trajectory, s)
	}
	tj := &trajs[0]
	t0 := tj.flight.LaunchTime
	at := func(dt float64) (radar.Observation, flight.State, bool) {
		st := tj.flight.At(t0 + dt)
		ob, ok := covSees(r, st.Pos, tj.rcs(st.Phase), DefaultCoveragePd)
		return ob, st, ok
	}
	first, st, ok := at(*s.FirstSeenS)
	before, _, okBefore := at(*s.FirstSeenS - 2*covTimeTol)
	if !ok || okBefore {
		t.Errorf("coverage at FirstSeenS %.3f s = %v, %.2f s earlier = %v; want true, false", *s.FirstSeenS, ok, 2*covTimeTol, okBefore)
	}
	t.Logf("just before the first sighting the limit was %s", covLimit(before))
	switch before.Visibility {
	case radar.BelowMinEl:
		// The missile climbs through the radar's lowest elevation.
		if d := math.Abs(first.ApparentEl-r.MinEl) * 180 / math.Pi; d > covSightingElTol {
			t.Errorf("first sighting at elevation %.4f°, want the radar's minimum %.4f°", first.ApparentEl*180/math.Pi, r.MinEl*180/math.Pi)
		}
	case radar.BelowHorizon:
		g, az, _ := geo.WGS84.Inverse(r.Site.Lat, r.Site.Lon, st.LLA.Lat, st.LLA.Lon)
		want := covHorizonGround(r.Site.Lat, az, r.Site.Alt, st.LLA.Alt)
		if math.Abs(g-want) > sightingHorizonTol {
			t.Errorf("first sighting at %.1f km ground range, %.1f km up: want on the horizon, %.1f km", g/1e3, st.LLA.Alt/1e3, want/1e3)
		}
	}
	// The same radar without its elevation floor: the horizon sets the
	// first sighting.
	low := *r
	low.MinEl = -math.Pi / 2
	if err := low.Init(); err != nil {
		t.Fatal(err)
	}
	sc := covSample(&low, tj, DefaultCoveragePd, DefaultSightingStepS, true)
	if !sc.seen {
		t.Fatal("TPY-2 without an elevation floor never sees the Sejjil")
	}
	pre := low.Observe(tj.flight.At(sc.first-2*covTimeTol).Pos, tj.rcsBoost)
	g, az, _ := geo.WGS84.Inverse(low.Site.Lat, low.Site.Lon, sc.firstState.LLA.Lat, sc.firstState.LLA.Lon)
	want := covHorizonGround(low.Site.Lat, az, low.Site.Alt, sc.firstState.LLA.Alt)
	t.Logf("without the elevation floor: first seen %.2f s after launch at %.1f km up, %.1f km ground range (horizon %.1f km); limit before: %s",
		sc.first-t0, sc.firstState.LLA.Alt/1e3, g/1e3, want/1e3, covLimit(pre))
	if pre.Visibility != radar.BelowHorizon || math.Abs(g-want) > sightingHorizonTol || sc.first > tj.flight.LaunchTime+*s.FirstSeenS {
		t.Errorf("TPY-2 without elevation floor: first sighting at %.1f km ground, %.1f km up after %s; want on the 4/3-Earth horizon (%.1f km), no later than with the floor",
			g/1e3, sc.firstState.LLA.Alt/1e3, covLimit(pre), want/1e3)
	}
	if got[1].Seen {
		t.Errorf("TPY-2 at Kürecik (boresight %v°) sees %s, want not (outside its sector)", *tpy.BoresightDeg, got[1].Trajectory)
	}
}
