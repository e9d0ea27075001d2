package report

import "math"

// niceNum returns a "nice" number (1, 2 or 5 times a power of ten) near x:
// the nearest when round is set, else the smallest not below x.
// Heckbert, "Nice numbers for graph labels", Graphics Gems (1990).
func niceNum(x float64, round bool) float64 {
	e := math.Floor(math.Log10(x))
	p := math.Pow(10, e)
	f := x / p
	var nf float64
	switch {
	case round && f < 1.5, !round && f <= 1:
		nf = 1
	case round && f < 3, !round && f <= 2:
		nf = 2
	case round && f < 7, !round && f <= 5:
		nf = 5
	default:
		nf = 10
	}
	return nf * p
}

// scale is a linear axis range with round ticks.
type scale struct {
	lo, hi float64   // the axis range (a multiple of step when auto)
	step   float64   // tick spacing
	ticks  []float64 // tick values in [lo, hi]
	dec    int       // decimals needed to print a tick
}

// niceScale returns an axis covering [lo, hi] with about n round ticks,
// extended outward to whole steps (Heckbert's loose labelling).
func niceScale(lo, hi float64, n int) scale {
	lo, hi = widen(lo, hi)
	step := niceNum(niceNum(hi-lo, false)/float64(max(n-1, 1)), true)
	k0, k1 := math.Floor(lo/step+tickSlack), math.Ceil(hi/step-tickSlack)
	return ticksOn(k0*step, k1*step, step)
}

// fixedScale returns round ticks inside the fixed range [lo, hi].
func fixedScale(lo, hi float64, n int) scale {
	lo, hi = widen(lo, hi)
	step := niceNum(niceNum(hi-lo, false)/float64(max(n-1, 1)), true)
	return ticksOn(lo, hi, step)
}

// tickSlack absorbs rounding when data sit on a tick (e.g. 0.30000000000000004
// should not open a new step): a millionth of a step is far below a pixel.
const tickSlack = 1e-6

func ticksOn(lo, hi, step float64) scale {
	s := scale{lo: lo, hi: hi, step: step, dec: max(0, -int(math.Floor(math.Log10(step)+tickSlack)))}
	for k := math.Ceil(lo/step - tickSlack); k*step <= hi+step*tickSlack; k++ {
		v := k * step
		if math.Abs(v) < step*tickSlack {
			v = 0
		}
		s.ticks = append(s.ticks, v)
	}
	return s
}

// widen makes an empty or inverted range usable.
func widen(lo, hi float64) (float64, float64) {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return 0, 1
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		d := math.Max(math.Abs(lo)*0.1, 1)
		return lo - d, hi + d
	}
	return lo, hi
}

// label formats a tick value with the scale's decimals.
func (s scale) label(v float64) string { return minus(group(trimFloat(v, s.dec))) }

// at maps v in [lo, hi] to [a, b].
func (s scale) at(v, a, b float64) float64 { return a + (v-s.lo)/(s.hi-s.lo)*(b-a) }
