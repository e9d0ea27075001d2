package analysis

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/strict"
)

// DefaultRingPoints is the number of distinct points of a range ring: one
// per degree of azimuth.
const DefaultRingPoints = 360

// ringMaxPoints bounds the points of one ring (one per 0.01° of azimuth),
// so that a request cannot ask for an unbounded allocation.
const ringMaxPoints = 36000

// ringMaxRadius is the largest ring radius, m: half the polar meridian of
// WGS-84 (≈ 20,004 km). A geodesic circle of larger radius wraps past the
// antipode and is no longer the set of points at that distance.
const ringMaxRadius = 20003931.0

// Ring is one range ring: the geodesic circle of points at RangeKm from a
// centre, as a closed polygon.
type Ring struct {
	Missile string   `json:"missile"`
	Center  Location `json:"center"`
	RangeValue
	// Points are [lat_deg, lon_deg] pairs, n distinct points at azimuths
	// 360°·k/n clockwise from north (k = 0 … n−1) followed by the first
	// point again, so the polygon is closed. Longitudes are in [−180, 180).
	Points [][2]float64 `json:"points"`
}

// GeodesicCircle returns the closed polygon of n points at geodesic
// distance radius (m) from centre on the WGS-84 ellipsoid:
//
//	P_k = Direct(centre, α_k, radius),  α_k = 2πk/n,  k = 0 … n−1,
//
// then P_0 again. Each point is exactly at the given distance along the
// geodesic that leaves the centre at azimuth α_k (Karney's solution of the
// direct problem, package geo), so the polygon's vertices lie on the true
// ellipsoidal range ring; its edges are chords between them. Points are
// [lat_deg, lon_deg].
func GeodesicCircle(center geo.LLA, radius float64, n int) ([][2]float64, error) {
	if n < 3 || n > ringMaxPoints {
		return nil, fmt.Errorf("points %d is out of range; allowed: 3 to %d", n, ringMaxPoints)
	}
	if !(radius > 0 && radius <= ringMaxRadius) {
		return nil, fmt.Errorf("radius %g m is out of range; allowed: greater than 0, at most %.0f m", radius, ringMaxRadius)
	}
	if !(math.Abs(center.Lat) <= math.Pi/2) || math.IsNaN(center.Lon) || math.IsInf(center.Lon, 0) {
		return nil, fmt.Errorf("centre %g,%g rad is not a position", center.Lat, center.Lon)
	}
	pts := make([][2]float64, n+1)
	for k := range n {
		az := 2 * math.Pi * float64(k) / float64(n)
		lat, lon, _ := geo.WGS84.Direct(center.Lat, center.Lon, az, radius)
		pts[k] = [2]float64{lat * 180 / math.Pi, geo.WrapDeg(lon * 180 / math.Pi)}
	}
	pts[n] = pts[0]
	return pts, nil
}

// RangeRings returns one ring per range value of a catalog missile
// (RangeValues): the low, central and high values of its catalog range and
// one per claim, so the 9M729 gets rings at 480 km (low and "Russian
// claim"), 2,500 km (central, high and "US estimate") and 500 km ("INF
// threshold"). n is the number of distinct points per ring (0 means
// DefaultRingPoints).
func RangeRings(missile string, center Location, n int) ([]Ring, error) {
	if n == 0 {
		n = DefaultRingPoints
	}
	e, err := catalog.Lookup(missile)
	if err != nil {
		return nil, strict.Fieldf("missile", "%v", err)
	}
	values, err := RangeValues(e)
	if err != nil {
		return nil, strict.Fieldf("missile", "%v", err)
	}
	center, c, err := center.Resolve()
	if err != nil {
		return nil, strict.Fieldf("center", "%v", err)
	}
	out := make([]Ring, 0, len(values))
	for _, v := range values {
		pts, err := GeodesicCircle(c, v.RangeKm*1e3, n)
		if err != nil {
			return nil, fmt.Errorf("%s %s ring: %w", e.Name, v.Label, err)
		}
		out = append(out, Ring{Missile: e.Name, Center: center, RangeValue: v, Points: pts})
	}
	return out, nil
}
