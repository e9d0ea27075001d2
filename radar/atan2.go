package radar

import "math"

// atan2 is math.Atan2, bit for bit: for finite y ≠ 0 and finite x ≠ 0 it
// takes math.Atan2's own path (math.Atan(y/x), moved by ±π for x < 0)
// without its tests for the special cases, which it leaves to math.Atan2
// (TestAtan2MatchesMath). A look's azimuth and elevation take it.
func atan2(y, x float64) float64 {
	const maxFinite = math.MaxFloat64
	if !(y != 0 && x != 0 && math.Abs(y) <= maxFinite && math.Abs(x) <= maxFinite) {
		return math.Atan2(y, x)
	}
	q := math.Atan(y / x)
	if x < 0 {
		if q <= 0 {
			return q + math.Pi
		}
		return q - math.Pi
	}
	return q
}
