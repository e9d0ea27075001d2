package flight

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

// Burnout-state flights that start above the ground, checked against the
// ballistic-missile relations of Bate, Mueller & White, Fundamentals of
// Astrodynamics (Dover, 1971), ch. 6, for burnout and reentry at the same
// radius r, with Q = v²r/μ:
//
//	sin(Ψmax/2) = Q/(2 − Q)                       maximum range at speed v (§6.2)
//	γ = (π − Ψ)/4                                 its flight-path angle (§6.2)
//	cos(Ψ/2) = (1 − Q cos²γ)/√(1 + Q(Q−2) cos²γ)  free-flight range (§6.2)
//	t = 2√(a³/μ)(π − E₁ + e sin E₁)               time of free flight (§6.3)
//
// with a = r/(2 − Q), e = √(1 + Q(Q−2) cos²γ), cos ν₁ = (Q cos²γ − 1)/e and
// cos E₁ = (e + cos ν₁)/(1 + e cos ν₁) (ν₁ = π − Ψ/2, the burnout true anomaly). The relations are coded here again,
// apart from kepler.go, so that the check does not lean on the code it
// checks. The inputs of the first case are those of BMW Example 6.2-1 as we
// recall it (burnout at 258 nm with 24,300 ft/s; the book's own printed
// answer was not available to us, so the expected figures are computed from
// the equations above, not copied from the book).

// Tolerances of the burnout-altitude checks.
const (
	// bmwSpeedRelTol: the minimum-energy speed is flat in the burnout
	// angle, so the solver's angle bracket (minEnergyAngleTol, 1e-4 rad)
	// costs under 1e-8 of the speed; the 1 m miss tolerance about 1e-7.
	bmwSpeedRelTol = 1e-6
	// bmwAngleTol is the solver's minimum-energy bracket, minEnergyAngleTol
	// (0.006°), with a factor 2 for the miss tolerance.
	bmwAngleTol = 2 * minEnergyAngleTol
	// bmwTimeRelTol: dt/dγ near the minimum-energy angle is about 3,000 s
	// per radian for these arcs, so the solver's angle bracket (1e-4 rad)
	// moves the flight time by up to 0.3 s in 2,500 s (measured 1.2e-4).
	bmwTimeRelTol = 2.5e-4
	// bmwRangeTol is the range-angle residual of a solved arc: the 1 m miss
	// tolerance over the radius (1.5e-7 rad) with margin.
	bmwRangeTol = 1e-6 // rad
	// bmwFixedTimeRelTol: with the angle taken from the solved flight, the
	// flight time is the propagation's own error (DOPRI5, RelTol 1e-10)
	// plus the 1 m miss; 1e-6 leaves a margin of 100.
	bmwFixedTimeRelTol = 1e-6
)

// bmwTimeOfFlight is BMW §6.3 for burnout and reentry at radius r.
func bmwTimeOfFlight(gm, r, q, gamma float64) float64 {
	c2 := math.Cos(gamma) * math.Cos(gamma)
	a := r / (2 - q)
	e := math.Sqrt(1 + q*(q-2)*c2)
	cosNu := (q*c2 - 1) / e
	cosE := (e + cosNu) / (1 + e*cosNu)
	E := math.Acos(cosE)
	return 2 * math.Sqrt(a*a*a/gm) * (math.Pi - E + e*math.Sin(E))
}

// bmwMaxRange returns BMW's maximum free-flight range angle at Q and its
// flight-path angle (§6.2).
func bmwMaxRange(q float64) (psi, gamma float64) {
	psi = 2 * math.Asin(q/(2-q))
	return psi, (math.Pi - psi) / 4
}

func TestBurnoutAltitudeMaximumRangeBMW(t *testing.T) {
	const (
		ft = 0.3048 // m
		nm = 1852.0 // m
	)
	for _, c := range []struct {
		name  string
		alt   float64 // m
		speed float64 // m/s
	}{
		{"BMW Example 6.2-1: 258 nm, 24,300 ft/s", 258 * nm, 24300 * ft},
		{"1,282.7 km, 6.5 km/s", 1282.7e3, 6500},
		{"surface, 7 km/s", 0, 7000},
	} {
		r := geo.SphereRadius + c.alt
		q := c.speed * c.speed * r / geo.SphereGM
		psi, gamma := bmwMaxRange(q)
		wantT := bmwTimeOfFlight(geo.SphereGM, r, q, gamma)
		// The least speed that reaches Ψmax at the burnout altitude is the
		// speed whose maximum range Ψmax is.
		tr, err := Solve(IdealEarth(), Shot{
			Launch: geo.LLADeg(0, 0, 0), BurnoutAlt: c.alt,
			Aim:     geo.LLA{Lon: psi, Alt: c.alt},
			Profile: MinEnergy,
		})
		if err != nil {
			t.Fatalf("%s: Solve: %v", c.name, err)
		}
		if got := tr.Burnout.Alt; math.Abs(got-c.alt) > 1e-3 {
			t.Errorf("%s: burnout altitude %.3f m, want %.3f m", c.name, got, c.alt)
		}
		if got := tr.BurnoutSpeed; math.Abs(got-c.speed) > bmwSpeedRelTol*c.speed {
			t.Errorf("%s: min-energy speed to Ψmax = %.3f°: %.4f m/s, want %.4f m/s (BMW §6.2)", c.name, psi/deg, got, c.speed)
		}
		if got := tr.BurnoutAngle; math.Abs(got-gamma) > bmwAngleTol {
			t.Errorf("%s: burnout angle %.5f°, want %.5f° (BMW §6.2)", c.name, got/deg, gamma/deg)
		}
		if got := tr.FlightTime; math.Abs(got-wantT) > bmwTimeRelTol*wantT {
			t.Errorf("%s: flight time %.3f s, want %.3f s (BMW §6.3)", c.name, got, wantT)
		}
		t.Logf("%s: Q %.5f, Ψmax %.4f° (%.0f km on the ground), γ %.4f°, t %.2f s; errors: speed %.1e, angle %.4f°, time %.1e",
			c.name, q, psi/deg, psi*geo.SphereRadius/1e3, gamma/deg, wantT,
			math.Abs(tr.BurnoutSpeed/c.speed-1), math.Abs(tr.BurnoutAngle-gamma)/deg, math.Abs(tr.FlightTime/wantT-1))
	}
}

func TestBurnoutAltitudeFixedSpeedBMW(t *testing.T) {
	// A given speed and range from 1,282.7 km: the solved angle satisfies
	// the free-flight range equation and the flight time is BMW §6.3, on
	// both branches.
	const alt, speed = 1282.7e3, 6000.0
	r := geo.SphereRadius + alt
	q := speed * speed * r / geo.SphereGM
	psiMax, _ := bmwMaxRange(q)
	psi := 0.8 * psiMax
	for _, prof := range []Profile{Depressed, Lofted} {
		tr, err := Solve(IdealEarth(), Shot{
			Launch: geo.LLADeg(0, 0, 0), BurnoutAlt: alt, BurnoutSpeed: speed,
			Aim: geo.LLA{Lon: psi, Alt: alt}, Profile: prof,
		})
		if err != nil {
			t.Fatalf("%v: Solve: %v", prof, err)
		}
		gamma := tr.BurnoutAngle
		if got := FreeFlightRangeBMW(q, gamma); math.Abs(got-psi) > bmwRangeTol {
			t.Errorf("%v: range angle at the solved γ %.4f° is %.7f rad, want %.7f (BMW §6.2)", prof, gamma/deg, got, psi)
		}
		if got, want := tr.FlightTime, bmwTimeOfFlight(geo.SphereGM, r, q, gamma); math.Abs(got-want) > bmwFixedTimeRelTol*want {
			t.Errorf("%v: flight time %.4f s, want %.4f s (BMW §6.3)", prof, got, want)
		}
		t.Logf("%v from %.1f km at %.1f km/s to %.2f°: γ %.4f°, t %.2f s; errors: range %.1e rad, time %.1e", prof, alt/1e3, speed/1e3, psi/deg, gamma/deg, tr.FlightTime,
			math.Abs(FreeFlightRangeBMW(q, gamma)-psi), math.Abs(tr.FlightTime/bmwTimeOfFlight(geo.SphereGM, r, q, gamma)-1))
	}
}

// FreeFlightRangeBMW is BMW §6.2, coded apart from FreeFlightRange.
func FreeFlightRangeBMW(q, gamma float64) float64 {
	c2 := math.Cos(gamma) * math.Cos(gamma)
	return 2 * math.Acos((1-q*c2)/math.Sqrt(1+q*(q-2)*c2))
}

func TestBurnoutAltitudeChangesFlight(t *testing.T) {
	// The same shot from 0 and from 1,282.7 km differs (issue 12: fly's
	// --burnout-alt-km was accepted and ignored).
	fly := func(alt float64) *Trajectory {
		tr, err := Solve(WGS84Earth(), Shot{Launch: geo.LLADeg(0, 0, 0), Aim: geo.LLADeg(0, 30, 0), BurnoutAlt: alt})
		if err != nil {
			t.Fatalf("Solve(alt %g): %v", alt, err)
		}
		return tr
	}
	a, b := fly(0), fly(1282.7e3)
	if a.BurnoutSpeed == b.BurnoutSpeed || a.FlightTime == b.FlightTime || b.Burnout.Alt < 1282e3 {
		t.Errorf("burnout at 0 and 1,282.7 km: speed %v vs %v, time %v vs %v, burnout altitude %v; want different flights", a.BurnoutSpeed, b.BurnoutSpeed, a.FlightTime, b.FlightTime, b.Burnout.Alt)
	}
}

func TestBurnoutAboveEscapeSpeed(t *testing.T) {
	for _, c := range []struct {
		alt, speed float64
		want       string
	}{
		{0, 11300, "above escape speed (11.2 km/s at the surface)"},
		{1282.7e3, 10500, "above escape speed (10.2 km/s at the burnout altitude of 1283 km; 11.2 km/s at the surface)"},
	} {
		_, err := Solve(WGS84Earth(), Shot{Launch: geo.LLADeg(0, 0, 0), Aim: geo.LLADeg(0, 30, 0), BurnoutAlt: c.alt, BurnoutSpeed: c.speed})
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != "burnout_speed_kms" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Solve(%g m/s at %g km) = %v; want an InputError on burnout_speed_kms saying %q", c.speed, c.alt/1e3, err, c.want)
		}
		_, err = Fly(WGS84Earth(), Launch{Site: geo.LLADeg(0, 0, c.alt), Speed: c.speed, Angle: 0.5})
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Fly(%g m/s at %g km) = %v; want %q", c.speed, c.alt/1e3, err, c.want)
		}
	}
	// Below escape speed Earth-relative, above it inertially: eastward at
	// the equator the rotation adds 0.47 km/s.
	_, err := Solve(WGS84Earth(), Shot{Launch: geo.LLADeg(0, 0, 0), Aim: geo.LLADeg(0, 30, 0), BurnoutSpeed: 10900})
	if err == nil || !strings.Contains(err.Error(), "above escape speed") || !strings.Contains(err.Error(), "Earth's rotation") {
		t.Errorf("Solve(10.9 km/s east) = %v; want a message that the rotation lifts it above escape speed", err)
	}
}

func TestBurnoutAltitudeRange(t *testing.T) {
	for _, alt := range []float64{-1, MaxBurnoutAlt + 1, math.NaN()} {
		_, err := Solve(WGS84Earth(), Shot{Launch: geo.LLADeg(0, 0, 0), Aim: geo.LLADeg(0, 30, 0), BurnoutAlt: alt})
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != "burnout_alt_km" {
			t.Errorf("Solve(burnout altitude %g m) = %v; want an InputError on burnout_alt_km", alt, err)
		}
	}
}
