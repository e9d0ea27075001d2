package geo_test

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/geo"
)

const deg = math.Pi / 180

// The geodesic from Warsaw to Moscow on the WGS-84 ellipsoid, and the same
// pair of points on the 6371 km sphere: the ellipsoid's path is 0.3 % longer,
// because at these latitudes both of its radii of curvature exceed 6371 km.
// (An independent Vincenty computation gives 1154.597 km, 63.560° and 77.036°.)
func ExampleEllipsoid_Inverse() {
	warsaw := geo.LLADeg(52.23, 21.01, 0)
	moscow := geo.LLADeg(55.76, 37.62, 0)
	s, azi1, azi2 := geo.WGS84.Inverse(warsaw.Lat, warsaw.Lon, moscow.Lat, moscow.Lon)
	fmt.Printf("WGS-84: %.1f km, leaving at %.2f°, arriving at %.2f°\n", s/1e3, azi1/deg, azi2/deg)
	s, _, _ = geo.Sphere.Inverse(warsaw.Lat, warsaw.Lon, moscow.Lat, moscow.Lon)
	fmt.Printf("sphere: %.1f km\n", s/1e3)

	// Direct inverts Inverse: from Warsaw at azi1 for s12 m lands in Moscow.
	s, azi1, _ = geo.WGS84.Inverse(warsaw.Lat, warsaw.Lon, moscow.Lat, moscow.Lon)
	lat, lon, _ := geo.WGS84.Direct(warsaw.Lat, warsaw.Lon, azi1, s)
	fmt.Printf("Direct: %.4fN %.4fE\n", lat/deg, lon/deg)
	// Output:
	// WGS-84: 1154.6 km, leaving at 63.56°, arriving at 77.04°
	// sphere: 1151.1 km
	// Direct: 55.7600N 37.6200E
}

// Where a target 100 km above Kaliningrad appears from Redzikowo, Poland:
// the azimuth, elevation and slant range in the site's east-north-up frame.
func ExampleENU_AzElRange() {
	site, err := geo.ParseLatLon("54.48N, 17.10E")
	if err != nil {
		fmt.Println(err)
		return
	}
	enu := geo.WGS84.NewENU(site)
	target := geo.WGS84.ToECEF(geo.LLADeg(54.71, 20.51, 100e3))
	az, el, rng := enu.AzElRange(target)
	fmt.Printf("az %.1f°, el %.1f°, range %.1f km\n", az/deg, el/deg, rng/1e3)

	// ToGeodetic inverts ToECEF.
	back := geo.WGS84.ToGeodetic(target)
	fmt.Printf("%.2fN %.2fE %.1f km\n", back.LatDeg(), back.LonDeg(), back.Alt/1e3)
	// Output:
	// az 82.0°, el 23.1°, range 244.9 km
	// 54.71N 20.51E 100.0 km
}
