package flight

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
)

func catalogMissile(t *testing.T, name string) *Missile {
	t.Helper()
	e, err := catalog.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	m, err := MissileFromCatalog(e, catalog.PickCentral)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Tolerances of the vacuum minimum-energy check. The burnout angle is
// aimed at the Kepler minimum-energy angle of the burnout point to angleTol
// (1e-5 rad) and the miss to MissTol (1 m); the measured errors are below
// 1e-4° and 1 m.
const (
	// vacuumAngleTol is the allowed burnout-angle error, rad (0.01°).
	vacuumAngleTol = 0.01 * math.Pi / 180
	// vacuumApogeeTol is the allowed apogee error, m (100 m).
	vacuumApogeeTol = 100.0
	// vacuumSpeedRelTol is the allowed relative burnout-speed error (1e-4).
	vacuumSpeedRelTol = 1e-4
)

// TestMinEnergyMissileVacuum: without drag and Earth rotation, on a sphere,
// a catalog missile flown "min-energy" burns out on the Kepler
// minimum-energy arc from its burnout point to the aim point (Bate, Mueller
// & White, Fundamentals of Astrodynamics, 1971, §6.2: for r1 = r2 the
// minimum-energy flight-path angle is γ* = (π − ψ)/4, eq. 6.2-19;
// MinEnergyArc gives the general r1 ≠ r2 case): its burnout angle, speed and
// apogee match those of that arc. On the old code the same shots with drag
// on flew a full-burn depressed arc (Shahab-3 to 745 km: 16.6°, 86 km).
func TestMinEnergyMissileVacuum(t *testing.T) {
	e := SphereEarth().NoRotation().NoDrag()
	launch := geo.LLADeg(38.08, 46.29, 0)
	for _, c := range []struct {
		missile string
		km      float64
	}{{"Shahab-3", 745}, {"Shahab-3", 400}, {"Ghadr-1", 1180}, {"Iskander-M", 250}} {
		lat, lon, _ := e.Ellipsoid.Direct(launch.Lat, launch.Lon, 270*math.Pi/180, c.km*1e3)
		aim := geo.LLA{Lat: lat, Lon: lon}
		tr, err := Solve(e, Shot{Launch: launch, Aim: aim, Missile: catalogMissile(t, c.missile)})
		if err != nil {
			t.Errorf("%s to %.0f km: %v", c.missile, c.km, err)
			continue
		}
		psi, r1, r2 := psiTo(e, tr.Burnout, aim)
		me := MinEnergyArc(e.GM, r1, r2, psi)
		apo := KeplerArc{GM: e.GM, R1: r1, R2: r2, Speed: me.Speed, Angle: me.Angle}.ApogeeRadius() - r2
		t.Logf("%s %.0f km: burnout %.4f° (Kepler %.4f°, error %.1e°), %.5f km/s (%.5f), apogee %.3f km (%.3f, error %.0f m), control %v",
			c.missile, c.km, tr.BurnoutAngle*180/math.Pi, me.Angle*180/math.Pi, math.Abs(tr.BurnoutAngle-me.Angle)*180/math.Pi, tr.BurnoutSpeed/1e3, me.Speed/1e3, tr.ApogeeAlt/1e3, apo/1e3, math.Abs(tr.ApogeeAlt-apo), tr.RangeControl)
		if d := math.Abs(tr.BurnoutAngle - me.Angle); d > vacuumAngleTol {
			t.Errorf("%s to %.0f km: burnout angle %.2f°, want Kepler minimum-energy %.2f° ± %.1f°", c.missile, c.km, tr.BurnoutAngle*180/math.Pi, me.Angle*180/math.Pi, vacuumAngleTol*180/math.Pi)
		}
		if d := math.Abs(tr.ApogeeAlt - apo); d > vacuumApogeeTol {
			t.Errorf("%s to %.0f km: apogee %.3f km, want %.3f km ± %.1f km", c.missile, c.km, tr.ApogeeAlt/1e3, apo/1e3, vacuumApogeeTol/1e3)
		}
		if d := math.Abs(tr.BurnoutSpeed-me.Speed) / me.Speed; d > vacuumSpeedRelTol {
			t.Errorf("%s to %.0f km: burnout speed %.5f km/s, want the Kepler minimum %.5f km/s ± %.2g", c.missile, c.km, tr.BurnoutSpeed/1e3, me.Speed/1e3, vacuumSpeedRelTol)
		}
	}
}

// TestMinEnergyWithDragIsNotDepressed: with the full model, the
// minimum-energy Shahab-3 (Tabriz → Kürecik, 745 km) and Ghadr-1 (Tabriz →
// Ankara, 1,180 km) cut their engines early and burn out near the Kepler
// angle, not at full burn on a depressed arc (16.6° and 14.5° before), and
// the lofted profile flies (before: "needs a full burn").
func TestMinEnergyWithDragIsNotDepressed(t *testing.T) {
	tabriz := geo.LLADeg(38.08, 46.29, 0)
	for _, c := range []struct {
		missile string
		aim     geo.LLA
	}{{"Shahab-3", geo.LLADeg(38.35, 37.79, 0)}, {"Ghadr-1", geo.LLADeg(39.93, 32.86, 0)}} {
		m := catalogMissile(t, c.missile)
		me, err := Solve(WGS84Earth(), Shot{Launch: tabriz, Aim: c.aim, Missile: m})
		if err != nil {
			t.Fatalf("%s min-energy: %v", c.missile, err)
		}
		psi, r1, r2 := psiTo(WGS84Earth(), me.Burnout, c.aim)
		kepler := MinEnergyArc(WGS84Earth().GM, r1, r2, psi).Angle
		if me.RangeControl != ThrustTermination || me.BurnoutTime-me.LaunchTime >= m.BurnTime() {
			t.Errorf("%s min-energy: range control %v, burnout at %.1f s of %.0f; want thrust termination", c.missile, me.RangeControl, me.BurnoutTime-me.LaunchTime, m.BurnTime())
		}
		if d := math.Abs(me.BurnoutAngle - kepler); d > 5*math.Pi/180 {
			t.Errorf("%s min-energy burnout angle %.1f°, want within 5° of the Kepler %.1f°", c.missile, me.BurnoutAngle*180/math.Pi, kepler*180/math.Pi)
		}
		lo, err := Solve(WGS84Earth(), Shot{Launch: tabriz, Aim: c.aim, Missile: m, Profile: Lofted})
		if err != nil {
			t.Fatalf("%s lofted: %v", c.missile, err)
		}
		de, err := Solve(WGS84Earth(), Shot{Launch: tabriz, Aim: c.aim, Missile: m, Profile: Depressed})
		if err != nil {
			t.Fatalf("%s depressed: %v", c.missile, err)
		}
		if !(lo.ApogeeAlt > me.ApogeeAlt && me.ApogeeAlt > de.ApogeeAlt) {
			t.Errorf("%s apogees lofted %.0f, min-energy %.0f, depressed %.0f km; want decreasing", c.missile, lo.ApogeeAlt/1e3, me.ApogeeAlt/1e3, de.ApogeeAlt/1e3)
		}
		if lo.Profile != Lofted || de.Profile != Depressed || me.Profile != MinEnergy {
			t.Errorf("%s profiles named %v, %v, %v", c.missile, lo.Profile, me.Profile, de.Profile)
		}
	}
}

// TestQuasiBallistic: the quasi-ballistic Iskander-M flies at its catalog
// apogee (50 km) where minimum energy would climb higher, and says it flew
// minimum energy where that is lower.
func TestQuasiBallistic(t *testing.T) {
	m := catalogMissile(t, "Iskander-M")
	kal := geo.LLADeg(54.71, 20.51, 0)
	for _, c := range []struct {
		km         float64
		wantApogee float64 // 0: flown min-energy
	}{{225, 50e3}, {60, 0}} {
		lat, lon, _ := geo.WGS84.Direct(kal.Lat, kal.Lon, 180*math.Pi/180, c.km*1e3)
		tr, err := Solve(WGS84Earth(), Shot{Launch: kal, Aim: geo.LLA{Lat: lat, Lon: lon}, Missile: m, Profile: QuasiBallistic})
		if err != nil {
			t.Fatalf("quasi-ballistic to %.0f km: %v", c.km, err)
		}
		if tr.ProfileApogee != c.wantApogee {
			t.Errorf("quasi-ballistic to %.0f km: profile apogee %.0f km, want %.0f km (%s)", c.km, tr.ProfileApogee/1e3, c.wantApogee/1e3, tr.FlownProfile())
		}
		if c.wantApogee > 0 && math.Abs(tr.ApogeeAlt-c.wantApogee) > apogeeTol {
			t.Errorf("quasi-ballistic to %.0f km: apogee %.1f km, want %.0f km", c.km, tr.ApogeeAlt/1e3, c.wantApogee/1e3)
		}
		if !strings.HasPrefix(tr.FlownProfile(), "quasi-ballistic") {
			t.Errorf("FlownProfile() = %q, want it to name the quasi-ballistic profile", tr.FlownProfile())
		}
	}
}

// TestCatalogMaxRangeInBand: each catalog ballistic missile, flown with its
// central values (due north from 35°N 50°E, so rotation neither helps nor
// hinders much), has a maximum flown range inside its catalog low–high
// range band. Before the recalibration, Sejjil-2 flew 2,290 km (band
// 1,800–2,200) and Khorramshahr 2,070 km (1,500–2,000); Iskander-M flew
// 445 km against a central 500 km (now 488 km, near its 480 km test), and
// RS-24 Yars 10,497 km (band 10,500–12,000).
func TestCatalogMaxRangeInBand(t *testing.T) {
	launch := geo.LLADeg(35, 50, 0)
	for _, e := range catalog.ByKind(catalog.KindBallisticMissile) {
		m, err := MissileFromCatalog(e, catalog.PickCentral)
		if err != nil {
			t.Fatal(err)
		}
		rng, _ := e.Param("range_km")
		lat, lon, _ := geo.WGS84.Direct(launch.Lat, launch.Lon, 0, math.Min(1.5*rng.High, 18000)*1e3)
		_, err = Solve(WGS84Earth(), Shot{Launch: launch, Aim: geo.LLA{Lat: lat, Lon: lon}, Missile: m})
		var re *RangeError
		if !errors.As(err, &re) {
			t.Errorf("%s to 1.5 × its high range: %v, want a range error", e.Name, err)
			continue
		}
		t.Logf("%s: maximum flown range %.0f km, band %.0f–%.0f km (central %.0f)", e.Name, re.MaxRange/1e3, rng.Low, rng.High, rng.Central)
		if km := re.MaxRange / 1e3; km < rng.Low || km > rng.High {
			t.Errorf("%s: maximum flown range %.0f km, want within the catalog band %.0f–%.0f km", e.Name, km, rng.Low, rng.High)
		}
	}
}

// gridCase is one missile flown from one launch point over a grid of aim
// points.
type gridCase struct {
	missile string
	launch  geo.LLA
	site    string
}

// TestAimGrid: from several launch points, at eight azimuths, and from just
// outside the minimum range to just inside the maximum range, every aim
// point is hit to within MissTol, and along each azimuth the min-energy
// flight time rises with the range. On the old code Iskander-M from
// Kaliningrad failed at azimuths 225–315° from 60 to 120 km ("newton
// iteration found no descent direction"), and its flight time fell from
// 4.4 to 3.8 min between Kaunas (218 km, east) and Redzikowo (222 km, west).
// Under -short the grid is coarse (one missile, three ranges per azimuth).
func TestAimGrid(t *testing.T) {
	cases := []gridCase{{"Iskander-M", geo.LLADeg(54.71, 20.51, 0), "Kaliningrad"}}
	nRanges := 3
	if !testing.Short() {
		cases = append(cases,
			gridCase{"Shahab-3", geo.LLADeg(38.08, 46.29, 0), "Tabriz"},
			gridCase{"Sejjil-2", geo.LLADeg(35.2, 53.9, 0), "Semnan"},
			gridCase{"Iskander-M", geo.LLADeg(1, 30, 0), "equator"},
		)
		nRanges = 6
	}
	e := WGS84Earth()
	for _, c := range cases {
		m := catalogMissile(t, c.missile)
		for az := 0.0; az < 360; az += 45 {
			azr := az * math.Pi / 180
			at := func(km float64) geo.LLA {
				lat, lon, _ := e.Ellipsoid.Direct(c.launch.Lat, c.launch.Lon, azr, km*1e3)
				return geo.LLA{Lat: lat, Lon: lon}
			}
			var re *RangeError
			_, err := Solve(e, Shot{Launch: c.launch, Aim: at(2), Missile: m})
			if !errors.As(err, &re) || re.MinRange == 0 {
				t.Errorf("%s from %s at %.0f°, 2 km: %v, want a minimum-range error", c.missile, c.site, az, err)
				continue
			}
			minKm := re.MinRange / 1e3
			// The least range depends a little on the aim point the
			// burnout angle is aimed at, so the minimum reported for an aim
			// 2 km away can be a few kilometres short: take the one
			// reported just beyond it (a range error is the solver saying
			// why not, in words).
			for range 3 {
				_, err := Solve(e, Shot{Launch: c.launch, Aim: at(minKm * 1.05), Missile: m})
				if !errors.As(err, &re) || re.MinRange == 0 {
					break
				}
				minKm = re.MinRange / 1e3
			}
			_, err = Solve(e, Shot{Launch: c.launch, Aim: at(20000), Missile: m})
			if !errors.As(err, &re) || re.MaxRange == 0 {
				t.Errorf("%s from %s at %.0f°, 20,000 km: %v, want a maximum-range error", c.missile, c.site, az, err)
				continue
			}
			maxKm := re.MaxRange / 1e3
			prev := 0.0
			var row []string
			for i := range nRanges {
				km := minKm*1.05 + (maxKm*0.99-minKm*1.05)*float64(i)/float64(nRanges-1)
				tr, err := Solve(e, Shot{Launch: c.launch, Aim: at(km), Missile: m})
				if err != nil {
					t.Errorf("%s from %s at %.0f°, %.0f km (reach %.0f–%.0f km): %v", c.missile, c.site, az, km, minKm, maxKm, err)
					continue
				}
				if strings.Contains(fmt.Sprint(err), "newton") || tr.Miss > MissTol {
					t.Errorf("%s from %s at %.0f°, %.0f km: miss %.2f m", c.missile, c.site, az, km, tr.Miss)
				}
				// Beyond the range of a full burn at the Kepler angle, the
				// least-energy shot is a full burn flattened towards the
				// maximum-range kick, and flies a little faster: the flight
				// time rises with range up to there.
				if tr.RangeControl == FullBurn {
					row = append(row, fmt.Sprintf("%.0f km %.0f s (full burn)", km, tr.FlightTime))
					continue
				}
				if tr.FlightTime <= prev {
					t.Errorf("%s from %s at %.0f°: flight time %.1f s at %.0f km, not more than %.1f s at the shorter range before", c.missile, c.site, az, tr.FlightTime, km, prev)
				}
				prev = tr.FlightTime
				row = append(row, fmt.Sprintf("%.0f km %.0f s", km, tr.FlightTime))
			}
			t.Logf("%s from %s at %3.0f°: reach %.0f–%.0f km; %s", c.missile, c.site, az, minKm, maxKm, strings.Join(row, ", "))
		}
	}
}

// TestFlightTimeEastWest: at equal range, an eastward and a westward
// min-energy Iskander-M shot from Kaliningrad take nearly the same time
// (the Earth's rotation changes the inertial, not the Earth-relative,
// geometry); before, Kaunas (218 km, east) took 4.4 min and Redzikowo (222
// km, west) 3.8 min.
func TestFlightTimeEastWest(t *testing.T) {
	m := catalogMissile(t, "Iskander-M")
	kal := geo.LLADeg(54.71, 20.51, 0)
	var times [2]float64
	for i, az := range []float64{90, 270} {
		lat, lon, _ := geo.WGS84.Direct(kal.Lat, kal.Lon, az*math.Pi/180, 220e3)
		tr, err := Solve(WGS84Earth(), Shot{Launch: kal, Aim: geo.LLA{Lat: lat, Lon: lon}, Missile: m})
		if err != nil {
			t.Fatal(err)
		}
		times[i] = tr.FlightTime
	}
	// eastWestTol: 5 %. The Earth's rotation still changes a 4-minute
	// flight a little (Coriolis, and the aim point's motion); before the
	// fix the difference was 15 %.
	const eastWestTol = 0.05
	if d := math.Abs(times[0]-times[1]) / times[0]; d > eastWestTol {
		t.Errorf("Iskander-M 220 km east %.0f s, west %.0f s: differ by %.1f %%, want < %.0f %%", times[0], times[1], 100*d, 100*eastWestTol)
	}
}

// TestQuasiBallisticGrid: the quasi-ballistic Iskander-M from Kaliningrad,
// at eight azimuths from 150 km to just inside the reach of the profile,
// hits every aim point to within MissTol, never climbs above its 50 km
// apogee (beyond apogeeTol) and takes longer the farther it flies. On the
// old code it failed at most aim points from 210 to 240 km ("the closest
// shot found misses by 0.0034 km" to Kaunas), flew min-energy with a 54.9 km
// apogee at 200 km while saying that arc was lower, and its flight time at
// azimuth 0° fell from 229 s at 190 km to 226 s at 220 km. Under -short the
// grid is coarse (three ranges per azimuth).
func TestQuasiBallisticGrid(t *testing.T) {
	m := catalogMissile(t, "Iskander-M")
	kal := geo.LLADeg(54.71, 20.51, 0)
	e := WGS84Earth()
	nRanges := 3
	if !testing.Short() {
		nRanges = 6
	}
	for az := 0.0; az < 360; az += 45 {
		azr := az * math.Pi / 180
		at := func(km float64) geo.LLA {
			lat, lon, _ := e.Ellipsoid.Direct(kal.Lat, kal.Lon, azr, km*1e3)
			return geo.LLA{Lat: lat, Lon: lon}
		}
		var re *RangeError
		_, err := Solve(e, Shot{Launch: kal, Aim: at(2000), Missile: m, Profile: QuasiBallistic})
		if !errors.As(err, &re) || re.MaxRange == 0 || !strings.Contains(re.Error(), "quasi-ballistic") {
			t.Errorf("quasi-ballistic from Kaliningrad at %.0f°, 2,000 km: %v, want the profile's maximum range", az, err)
			continue
		}
		maxKm := re.MaxRange / 1e3
		prev := 0.0
		var row []string
		for i := range nRanges {
			km := 150 + (maxKm*0.99-150)*float64(i)/float64(nRanges-1)
			tr, err := Solve(e, Shot{Launch: kal, Aim: at(km), Missile: m, Profile: QuasiBallistic})
			if err != nil {
				t.Errorf("quasi-ballistic from Kaliningrad at %.0f°, %.0f km (reach %.0f km): %v", az, km, maxKm, err)
				continue
			}
			if tr.Miss > MissTol {
				t.Errorf("quasi-ballistic at %.0f°, %.0f km: miss %.2f m", az, km, tr.Miss)
			}
			if tr.ApogeeAlt > DefaultQuasiBallisticApogee+apogeeTol {
				t.Errorf("quasi-ballistic at %.0f°, %.0f km: apogee %.1f km above the profile's 50 km (%s)", az, km, tr.ApogeeAlt/1e3, tr.FlownProfile())
			}
			if tr.FlightTime <= prev {
				t.Errorf("quasi-ballistic at %.0f°: flight time %.1f s at %.0f km, not more than %.1f s at the shorter range before", az, tr.FlightTime, km, prev)
			}
			prev = tr.FlightTime
			row = append(row, fmt.Sprintf("%.0f km %.1f s apogee %.1f km", km, tr.FlightTime, tr.ApogeeAlt/1e3))
		}
		t.Logf("quasi-ballistic from Kaliningrad at %3.0f°: reach %.0f km; %s", az, maxKm, strings.Join(row, ", "))
	}
}
