package c2

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
)

// EvaluationMarginM widens each asset's radius when a predicted impact point
// is judged: an assumption covering the error of a midcourse impact
// prediction (a few km for a track with 300 m and 30 m/s errors over a few
// hundred seconds), m.
const EvaluationMarginM = 20e3

// Asset is a defended asset.
type Asset struct {
	Name   string
	Owner  string
	Pos    geo.LLA
	Value  float64 // relative worth, > 0
	Radius float64 // vulnerable radius, m
}

// Assets is the list of a scenario's defended assets.
type Assets []Asset

// Threatened returns the summed value of the assets that a warhead
// predicted to land at impact threatens (within each asset's radius plus
// margin), and appends their indices to idx.
func (as Assets) Threatened(impact geo.LLA, margin float64, idx []int) (float64, []int) {
	v := 0.0
	for i, a := range as {
		if Distance(a.Pos, impact) <= a.Radius+margin {
			v += a.Value
			idx = append(idx, i)
		}
	}
	return v, idx
}

// ThreatenedValue is Threatened's value alone, without listing the assets
// (and so without allocating). An asset surely farther than its radius plus
// margin on the sphere (surelyFarther) is not measured on the ellipsoid:
// the answer is Threatened's.
func (as Assets) ThreatenedValue(impact geo.LLA, margin float64) float64 {
	v := 0.0
	for _, a := range as {
		if within(a.Pos, impact, a.Radius+margin) {
			v += a.Value
		}
	}
	return v
}

// sphereDistanceTol bounds the relative difference between the WGS-84
// geodesic distance and the great-circle distance on the sphere of radius
// geo.SphereRadius between the same latitudes and longitudes: the
// ellipsoid's radii of curvature lie between 6,335 and 6,400 km, within
// 0.6 % of 6,371 km; 2 % leaves room (TestSurelyFartherIsABound).
const sphereDistanceTol = 0.02

// surelyFarther reports whether the geodesic distance between a and b
// surely exceeds r: their great-circle distance on the sphere (haversine)
// exceeds r by more than sphereDistanceTol.
func surelyFarther(a, b geo.LLA, r float64) bool {
	sLat, sLon := math.Sin((b.Lat-a.Lat)/2), math.Sin((b.Lon-a.Lon)/2)
	h := sLat*sLat + math.Cos(a.Lat)*math.Cos(b.Lat)*sLon*sLon
	d := 2 * geo.SphereRadius * math.Asin(math.Sqrt(math.Min(1, h)))
	return d*(1-sphereDistanceTol) > r
}

// Hit returns the indices of the assets that a warhead landing at impact
// destroys: those within their radius. An asset surely farther than its
// radius on the sphere (surelyFarther) is not measured on the ellipsoid,
// as in ThreatenedValue.
func (as Assets) Hit(impact geo.LLA, idx []int) []int {
	for i, a := range as {
		if within(a.Pos, impact, a.Radius) {
			idx = append(idx, i)
		}
	}
	return idx
}

// within reports whether Distance(a, b) ≤ r, measuring on the ellipsoid
// only when the sphere does not show b surely farther (surelyFarther).
func within(a, b geo.LLA, r float64) bool {
	return !surelyFarther(a, b, r) && Distance(a, b) <= r
}

// Distance is the geodesic distance on WGS-84 between two points, m.
func Distance(a, b geo.LLA) float64 {
	s, _, _ := geo.WGS84.Inverse(a.Lat, a.Lon, b.Lat, b.Lon)
	return s
}
