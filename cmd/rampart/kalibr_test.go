package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKalibrRouteRuns: a Kalibr (3M-14) fired from the Baltic off
// Kaliningrad on a route through a turning point, added to the mixed-raid
// example, passes validate and runs in the engine, which flies it at its
// catalog speed and the scenario's altitude and engages it. The example
// file itself is left as it is (other tests and BenchmarkEngageMixed use
// it).
func TestKalibrRouteRuns(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "scenarios", "mixed-raid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const slcm = `  - name: slcm
    missile: Kalibr
    from: {lat_deg: 54.9, lon_deg: 19.6}
    route:
      - {lat_deg: 55.4, lon_deg: 22.5}
    to: {place: Vilnius}
    altitude_m: 50
    launch_time_s: 120
    count: 2
    interval_s: 15
`
	body := strings.Replace(string(src), "assets:\n", slcm+"assets:\n", 1)
	if body == string(src) {
		t.Fatal("mixed-raid.yaml has no assets: line to insert before")
	}
	file := writeTemp(t, "kalibr.yaml", body)
	engagements := validateAndRun(t, file, 4)
	engaged := false
	for _, e := range engagements {
		if strings.HasPrefix(e.Threat, "slcm#") {
			if e.Kind != "cruise-missile" {
				t.Errorf("%s kind %q, want cruise-missile", e.Threat, e.Kind)
			}
			// The intercept point is on the flown path, at the scenario's 50 m.
			const altTolKm = 0.01 // 10 m: the planned point's rounding and the route's great-circle sag
			if e.ShotsMean > 0 && e.Interceptor != "" && e.AltKm > 0.05-altTolKm && e.AltKm < 0.05+altTolKm {
				engaged = true
			}
		}
	}
	if !engaged {
		t.Errorf("no engagement of the Kalibr at 50 m in %+v", engagements)
	}
}
