package c2

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
)

// Sector is a polygon of geodetic points in order (not closed). Its edges
// are straight lines in (longitude, latitude), with longitudes unwrapped
// relative to the first vertex, so a sector may cross the antimeridian but
// not contain a pole.
type Sector []geo.LLA

// Contains reports whether p lies inside the sector (even–odd rule).
func (s Sector) Contains(p geo.LLA) bool {
	if len(s) < 3 {
		return false
	}
	ref := s[0].Lon
	x := unwrap(p.Lon, ref)
	in := false
	for i, j := 0, len(s)-1; i < len(s); j, i = i, i+1 {
		xi, yi := unwrap(s[i].Lon, ref), s[i].Lat
		xj, yj := unwrap(s[j].Lon, ref), s[j].Lat
		if (yi > p.Lat) != (yj > p.Lat) && x < (xj-xi)*(p.Lat-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

// unwrap returns lon shifted by a multiple of 2π to within π of ref.
func unwrap(lon, ref float64) float64 {
	d := math.Remainder(lon-ref, 2*math.Pi)
	return ref + d
}

// NearestSite returns the index of the owner whose interceptor sites lie
// nearest to p: sites[k] are owner k's sites. It returns −1 when there are
// no sites.
func NearestSite(p geo.LLA, sites [][]geo.LLA) int {
	best, bestD := -1, math.Inf(1)
	for k, ss := range sites {
		for _, s := range ss {
			if d := Distance(s, p); d < bestD {
				best, bestD = k, d
			}
		}
	}
	return best
}
