package flight_test

import (
	"fmt"

	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
)

// A minimum-energy shot of 10,000 km on the textbook sphere: the burnout
// speed and angle match Q* = 2 sin(Ψ/2)/(1+sin(Ψ/2)) and γ* = (180° − Ψ)/4.
func ExampleSolve() {
	launch := geo.LLADeg(0, 0, 0)
	lat, lon, _ := geo.Sphere.Direct(0, 0, 0.8, 10000e3)
	tr, err := flight.Solve(flight.IdealEarth(), flight.Shot{Launch: launch, Aim: geo.LLA{Lat: lat, Lon: lon}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("burnout %.0f m/s at %.1f°, apogee %.0f km, flight %.1f min, miss < 1 m: %v\n",
		tr.BurnoutSpeed, tr.BurnoutAngle*180/3.141592653589793, tr.ApogeeAlt/1e3, tr.FlightTime/60, tr.Miss < 1)
	// Output: burnout 7198 m/s at 22.5°, apogee 1320 km, flight 32.2 min, miss < 1 m: true
}
