package flight_test

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// A minimum-energy shot of 10,000 km on the textbook sphere: the burnout
// speed and angle match Q* = 2 sin(Ψ/2)/(1+sin(Ψ/2)) and γ* = (180° − Ψ)/4.
// The minimum is flat in the angle, so the angle found moves by ~0.01° and
// the apogee by ~1 km with floating-point rounding (FMA on arm64); the
// apogee is printed to 10 km.
func ExampleSolve() {
	launch := geo.LLADeg(0, 0, 0)
	lat, lon, _ := geo.Sphere.Direct(0, 0, 0.8, 10000e3)
	tr, err := flight.Solve(flight.IdealEarth(), flight.Shot{Launch: launch, Aim: geo.LLA{Lat: lat, Lon: lon}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("burnout %.0f m/s at %.1f°, apogee %.0f km, flight %.1f min, miss < 1 m: %v\n",
		tr.BurnoutSpeed, tr.BurnoutAngle*180/math.Pi, math.Round(tr.ApogeeAlt/10e3)*10, tr.FlightTime/60, tr.Miss < 1)
	// Output: burnout 7198 m/s at 22.5°, apogee 1320 km, flight 32.2 min, miss < 1 m: true
}

// A catalog Iskander-M flown from Kaliningrad to Warsaw (about 280 km) with
// the full model: staged boost, WGS-84 gravity with J2, Earth rotation and
// drag, central catalog values, a minimum-energy trajectory. The solid motor
// cannot be shut down, so it burns its full 25 s and wastes the energy it
// does not need in an energy-management weave; the least energy that
// reaches Warsaw is flown at the Kepler minimum-energy burnout angle from
// its burnout point (for 278 km from the ground, (180° − 2.5°)/4 = 44.4°;
// 42° from the burnout point 20 km downrange and 20 km up). The apogee
// below 120 km makes the whole descent reentry.
func ExampleFlyCatalog() {
	m, err := catalog.Lookup("Iskander-M")
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := flight.FlyCatalog(flight.DefaultPhysics(), flight.CatalogShot{
		Missile: m,
		Launch:  geo.LLADeg(54.71, 20.51, 0),
		Aim:     geo.LLADeg(52.23, 21.01, 0),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	tr := f.Ballistic
	fmt.Printf("range %.0f km, flight %.0f s, apogee %.0f km, burnout %.2f km/s at %.0f°, miss < 1 m: %v\n",
		f.GroundRange/1e3, f.FlightTime, f.Apogee/1e3, f.BurnoutSpeed/1e3, f.BurnoutAngle*180/math.Pi, f.Miss < 1)
	// The trajectory is continuous: At interpolates it at any time.
	s := tr.At(tr.ApogeeTime)
	fmt.Printf("at apogee (t = %.0f s): %.2fN %.2fE, %.0f km\n", s.T, s.LLA.LatDeg(), s.LLA.LonDeg(), s.LLA.Alt/1e3)
	fmt.Printf("burnout at %.1f s; %v at t = 10 s, %v at t = 200 s\n", tr.BurnoutTime, tr.At(10).Phase, tr.At(200).Phase)
	// Output:
	// range 278 km, flight 270 s, apogee 73 km, burnout 1.83 km/s at 42°, miss < 1 m: true
	// at apogee (t = 136 s): 53.46N 20.78E, 73 km
	// burnout at 25.0 s; boost at t = 10 s, reentry at t = 200 s
}
