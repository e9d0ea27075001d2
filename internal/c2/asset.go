package c2

import (
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
// (and so without allocating).
func (as Assets) ThreatenedValue(impact geo.LLA, margin float64) float64 {
	v := 0.0
	for _, a := range as {
		if Distance(a.Pos, impact) <= a.Radius+margin {
			v += a.Value
		}
	}
	return v
}

// Hit returns the indices of the assets that a warhead landing at impact
// destroys: those within their radius.
func (as Assets) Hit(impact geo.LLA, idx []int) []int {
	for i, a := range as {
		if Distance(a.Pos, impact) <= a.Radius {
			idx = append(idx, i)
		}
	}
	return idx
}

// Distance is the geodesic distance on WGS-84 between two points, m.
func Distance(a, b geo.LLA) float64 {
	s, _, _ := geo.WGS84.Inverse(a.Lat, a.Lon, b.Lat, b.Lon)
	return s
}
