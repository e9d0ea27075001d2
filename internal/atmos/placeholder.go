package atmos

import "math"

// Density is a placeholder exponential atmosphere until the USSA-76 model lands.
func Density(h float64) float64 { return 1.225 * math.Exp(-h/7200) }
