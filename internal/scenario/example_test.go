package scenario_test

import (
	"errors"
	"fmt"

	"github.com/rampart-sim/rampart/internal/scenario"
)

func ExampleParse() {
	data := []byte(`name: demo
threats:
  - name: raid
    burnout_speed_kms: 4.5
    from: {lat_deg: 38.08, lon_deg: 46.29}
    to: {lat_deg: 44.43, lon_deg: 26.10}
    profile: lofted
    apogee_km: 900
    count: 3
    interval_s: 30
`)
	s, err := scenario.Parse("demo.yaml", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	t := s.Threats[0]
	fmt.Printf("%s: %d missiles at %.1f km/s, %s to %.0f km\n", t.Name, t.Count, t.BurnoutSpeedKms, t.Profile, t.ApogeeKm)
	// Output:
	// raid: 3 missiles at 4.5 km/s, lofted to 900 km
}

func ExampleErrors() {
	data := []byte(`name: demo
run: {trials: 0}
threats:
  - name: raid
    burnout_speed_kms: 4.5
    from: {lat_deg: 38.08, lon_deg: 46.29}
    to: {lat_deg: 44.43, lon_deg: 26.10}
    profile: minimum
    cout: 3
`)
	_, err := scenario.Parse("demo.yaml", data)
	var bad *scenario.Errors
	if errors.As(err, &bad) { // the CLI exits with code 2
		for _, p := range bad.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// demo.yaml:2:15: run.trials: 0 is out of range; allowed: 1 to 1000000
	// demo.yaml:8:14: threats[0].profile: "minimum" is not allowed; allowed: min-energy, lofted, depressed, quasi-ballistic
	// demo.yaml:9:5: threats[0].cout: unknown field; did you mean "count"? allowed: name, missile, aircraft, burnout_speed_kms, burnout_alt_km, from, to, route, altitude_m, profile, apogee_km, burnout_angle_deg, launch_time_s, count, interval_s
}
