package radar_test

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
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

// The 4/3-Earth radar horizon of an antenna 30 m up: a sea-skimming cruise
// missile at 50 m comes over it at about 52 km, a ballistic missile at
// 100 km altitude at about 1,330 km. The rule of thumb 4.12(√ha + √ht) km
// agrees for the low target; for the high one it is 4 km short.
func ExampleHorizonRange() {
	re := radar.RefractionK * radar.EarthRadius
	for _, ht := range []float64{50, 100e3} {
		fmt.Printf("target at %6.0f m: %7.1f km (approx %7.1f km)\n", ht,
			radar.HorizonRange(30, ht, re)/1e3, radar.HorizonRangeApprox(30, ht, re)/1e3)
	}
	// Output:
	// target at     50 m:    51.7 km (approx    51.7 km)
	// target at 100000 m:  1329.8 km (approx  1326.0 km)
}

// The Aegis Ashore SPY-1D(V) at Redzikowo, Poland, built from the catalog,
// looking at a 0.1 m² target 100 km above Kaliningrad (245 km away), at
// the same height 900 km away over Belarus (beyond its instrumented range),
// and 1 km above Kaliningrad (below the radar's 0.5° minimum elevation, and
// below its horizon too, which Observe checks later). Swerling 1 at one pulse:
// Pd = Pfa^(1/(1+SNR)) = 0.62 at 14.5 dB.
func ExampleFromCatalog() {
	e, err := catalog.Lookup("SPY-1D")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := radar.FromCatalog(e, catalog.PickCentral, geo.LLADeg(54.48, 17.10, 50), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: instrumented range %.0f km\n", r.Name, r.MaxRange/1e3)
	for _, t := range []geo.LLA{
		geo.LLADeg(54.71, 20.51, 100e3),
		geo.LLADeg(53.9, 30.9, 100e3),
		geo.LLADeg(54.71, 20.51, 1e3),
	} {
		ob := r.Observe(geo.WGS84.ToECEF(t), 0.1)
		fmt.Printf("%4.0f km, el %4.1f°: %v", ob.Range/1e3, ob.ApparentEl*180/math.Pi, ob.Visibility)
		if ob.Visibility == radar.Visible {
			fmt.Printf(", SNR %.1f dB, Pd %.2f", radar.DB(ob.SNR), ob.Pd)
		}
		fmt.Println()
	}
	// Output:
	// AN/SPY-1D(V): instrumented range 600 km
	//  245 km, el 23.4°: visible, SNR 22.5 dB, Pd 0.92
	//  913 km, el  2.2°: out of range
	//  222 km, el -0.5°: below min elevation
}
