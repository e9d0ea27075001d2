package radar_test

import (
	"fmt"

	"github.com/rampart-sim/rampart/radar"
)

func ExampleRequiredSNR() {
	for _, sw := range []radar.Swerling{radar.Swerling0, radar.Swerling1} {
		s, _ := radar.RequiredSNR(0.9, 1e-6, 1, sw)
		fmt.Printf("%v: %.2f dB\n", sw, radar.DB(s))
	}
	// Output:
	// Swerling 0: 13.18 dB
	// Swerling 1: 21.14 dB
}

func ExampleEquation_MaxRange() {
	e := radar.Equation{PeakPower: 1e6, PulseWidth: 1e-6, Frequency: 3e9,
		TxGain: radar.FromDB(40), RxGain: radar.FromDB(40), NoiseTemp: 500, Loss: radar.FromDB(6)}
	fmt.Printf("%.1f km\n", e.MaxRange(1, radar.FromDB(13))/1e3)
	// Output:
	// 174.1 km
}
