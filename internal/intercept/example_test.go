package intercept_test

import (
	"fmt"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
	"gonum.org/v1/gonum/spatial/r3"
)

// An MRBM from Tabriz at Bucharest against SM-3 IIA at Deveselu.
func ExampleWindow() {
	e, _ := catalog.Lookup("SM-3 IIA")
	ic, _ := intercept.FromCatalog(e, catalog.PickCentral)
	tr, _ := flight.Solve(flight.WGS84Earth(), flight.Shot{
		Launch: geo.LLADeg(38.08, 46.29, 0), Aim: geo.LLADeg(44.43, 26.10, 0)})
	truth := func(t float64) (r3.Vec, r3.Vec) { s := tr.At(t); return s.Pos, s.Vel }
	path := intercept.Sample(truth, 0, tr.ImpactTime, 2)
	deveselu := geo.LLADeg(44.08, 24.41, 0)
	bs, ok := intercept.Window(deveselu, ic, path.At, 0, tr.ImpactTime, 60)
	fmt.Println(ok)
	fmt.Printf("intercepts %.0f–%.0f s, last launch %.0f s\n", bs.FirstIntercept, bs.LastIntercept, bs.LastLaunch)
	// Output:
	// true
	// intercepts 380–580 s, last launch 439 s
}
