package catalog_test

import (
	"fmt"

	"github.com/rampart-sim/rampart/catalog"
)

// Lookup ignores case, spaces, hyphens and diacritics. Every value is a
// band (low, central, high) with a unit and a source; derived values are
// marked as assumptions.
func ExampleLookup() {
	site, err := catalog.Lookup("kurecik")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s (%s, %s): %.2fN %.2fE\n", site.Name, site.Kind, site.Country, site.Lat.Central, site.Lon.Central)

	m, err := catalog.Lookup("iskander m")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := m.Param("range_km")
	fmt.Printf("%s range %g–%g %s, central %g, assumption %v\n", m.Name, r.Low, r.High, r.Unit, r.Central, r.IsAssumption())
	bc, _ := m.Param("ballistic_coefficient_kgm2")
	fmt.Printf("ballistic coefficient %g %s at PickLow, assumption %v\n", bc.At(catalog.PickLow), bc.Unit, bc.IsAssumption())
	fmt.Printf("%d stage(s), launch mass %.0f kg (central)\n", len(m.Stages), m.LaunchMassKg(catalog.PickCentral))
	// Output:
	// Kürecik (site, Turkey): 38.35N 37.79E
	// Iskander-M range 400–500 km, central 500, assumption false
	// ballistic coefficient 3000 kg/m2 at PickLow, assumption true
	// 1 stage(s), launch mass 3950 kg (central)
}

// Disputed ranges are claims: the 9M729's range by Russian claim and by
// the US/Western estimate.
func ExampleEntry_WithClaim() {
	e, err := catalog.Lookup("9M729")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, label := range []string{"Russian claim", "US estimate"} {
		c, err := e.WithClaim(label)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %.0f km\n", label, c.Central("range_km"))
	}
	// The same through Lookup.
	c, _ := catalog.Lookup("9M729 (Russian claim)")
	fmt.Printf("Lookup: %.0f km\n", c.Central("range_km"))
	// Output:
	// Russian claim: 480 km
	// US estimate: 2500 km
	// Lookup: 480 km
}
