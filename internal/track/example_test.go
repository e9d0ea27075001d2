package track_test

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/track"
	"gonum.org/v1/gonum/spatial/r3"
)

// A radar watches a target; the tracker confirms it on the third scan.
func ExampleTracker() {
	radar := track.NewSensor("tpy", geo.LLADeg(40, 20, 0), 20, 1e-3, 1e-3)
	tr, err := track.NewTracker("blue", track.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Target 400 km north at 150 km altitude, flying south at 2 km/s
	// (noise-free detections for a reproducible example).
	p := radar.Frame.ToECEF(r3.Vec{X: 0, Y: 400e3, Z: 150e3})
	v := radar.Frame.Unrotate(r3.Vec{X: 0, Y: -2000, Z: 0})
	x := track.Vec6{p.X, p.Y, p.Z, v.X, v.Y, v.Z}
	model := &track.Ballistic{}
	for scan := 1; scan <= 12; scan++ {
		t := 2 * float64(scan)
		x = model.PropagateState(x, 2)
		az, el, rng := radar.Frame.AzElRange(r3.Vec{X: x[0], Y: x[1], Z: x[2]})
		if err := tr.Scan(t, []track.Detection{radar.Detect(t, rng, az, el)}); err != nil {
			fmt.Println(err)
			return
		}
		k := tr.Tracks()[0]
		if scan == 3 || scan == 12 {
			fmt.Printf("scan %d: track %d %v, fire control %v, position σ under 1 km %v\n",
				scan, k.ID, k.Status, k.FireControl, k.Quality.PosSigma < 1000 && !math.IsNaN(k.Confirmed))
		}
	}
	// Output:
	// scan 3: track 1 firm, fire control false, position σ under 1 km true
	// scan 12: track 1 firm, fire control true, position σ under 1 km true
}
