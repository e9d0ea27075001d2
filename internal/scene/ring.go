package scene

import "math"

// LonStep is the change of longitude from lon1 to lon2 the short way round,
// in (−180, 180]: the step along a ring or track edge, which never spans
// more than half the globe.
func LonStep(lon1, lon2 float64) float64 {
	d := math.Mod(lon2-lon1, 360)
	switch {
	case d > 180:
		d -= 360
	case d <= -180:
		d += 360
	}
	return d
}

// PoleWinding is how many times a closed ring of [lat, lon] points winds
// eastward around the North Pole, each edge taken the short way round in
// longitude: 0 for a ring that encloses neither pole, +1 for one that runs
// once eastward around the North Pole (and so, seen from above the South
// Pole, westward around it), −1 for westward.
func PoleWinding(ring [][2]float64) int {
	sum := 0.0
	for i := 1; i < len(ring); i++ {
		sum += LonStep(ring[i-1][1], ring[i][1])
	}
	return int(math.Round(sum / 360))
}
