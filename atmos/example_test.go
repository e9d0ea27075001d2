package atmos_test

import (
	"fmt"

	"github.com/rampart-sim/rampart/atmos"
)

func ExampleAt() {
	s := atmos.At(11000)
	fmt.Printf("T %.3f K, P %.5g Pa, ρ %.5g kg/m³, a %.2f m/s\n", s.T, s.P, s.Rho, s.SoundSpeed)
	// Output: T 216.774 K, P 22700 Pa, ρ 0.3648 kg/m³, a 295.15 m/s
}

func ExampleDensity() {
	for _, km := range []float64{0, 50, 100, 300} {
		fmt.Printf("%4.0f km %.4g kg/m³\n", km, atmos.Density(km*1000))
	}
	// Output:
	//    0 km 1.225 kg/m³
	//   50 km 0.001027 kg/m³
	//  100 km 5.604e-07 kg/m³
	//  300 km 1.916e-11 kg/m³
}

// Density against Table I of the U.S. Standard Atmosphere, 1976 (geometric
// altitudes), which prints five figures: the model agrees to all of them, within
// a few parts per million.
func ExampleDensity_ussa76() {
	table := []struct{ km, rho float64 }{
		{10, 0.41351},
		{20, 0.088910},
		{30, 0.018410},
	}
	for _, r := range table {
		rho := atmos.Density(r.km * 1000)
		fmt.Printf("%2.0f km: %.5g kg/m³ (Table I %.5g), %+.0f ppm\n", r.km, rho, r.rho, (rho/r.rho-1)*1e6)
	}
	// Output:
	// 10 km: 0.41351 kg/m³ (Table I 0.41351), +1 ppm
	// 20 km: 0.08891 kg/m³ (Table I 0.08891), -1 ppm
	// 30 km: 0.01841 kg/m³ (Table I 0.01841), +9 ppm
}
