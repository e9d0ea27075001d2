package flight

import "github.com/rampart-sim/rampart/geo"

// inverse returns the geodesic distance and forward azimuths between two
// points on e (Karney's algorithm, in package geo).
func inverse(e geo.Ellipsoid, a, b geo.LLA) (s12, azi1, azi2 float64) {
	return e.Inverse(a.Lat, a.Lon, b.Lat, b.Lon)
}

// direct returns the point at distance s12 along the geodesic leaving p at
// azimuth azi1, and the forward azimuth there.
func direct(e geo.Ellipsoid, p geo.LLA, azi1, s12 float64) (q geo.LLA, azi2 float64) {
	lat, lon, azi2 := e.Direct(p.Lat, p.Lon, azi1, s12)
	return geo.LLA{Lat: lat, Lon: lon, Alt: p.Alt}, azi2
}
