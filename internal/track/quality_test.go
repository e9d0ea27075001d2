package track

import (
	"math"
	"testing"
)

func TestPositionDistance2(t *testing.T) {
	const eps = 1e-12 // exact arithmetic on a diagonal covariance
	var e Estimate
	e.X = Vec6{100, 0, 0}
	e.P[0][0], e.P[1][1], e.P[2][2] = 4, 9, 16
	d2, ok := e.PositionDistance2(Vec3{96, 3, 8})
	// (4²/4) + (3²/9) + (8²/16) = 4 + 1 + 4
	if !ok || math.Abs(d2-9) > eps {
		t.Errorf("PositionDistance2 = %g, %v, want 9, true", d2, ok)
	}
	if _, ok := (&Estimate{}).PositionDistance2(Vec3{}); ok {
		t.Error("PositionDistance2 with a zero covariance reported ok")
	}
}
