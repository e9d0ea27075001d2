//go:build !amd64

package radar

import "math"

// hypot is math.Hypot (see hypot_amd64.go).
func hypot(p, q float64) float64 { return math.Hypot(p, q) }
