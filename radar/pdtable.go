package radar

import (
	"math"
	"sync/atomic"
)

// A dwell is detected when a uniform draw u falls below Pd. Pd costs a
// series of up to a few hundred terms, but the draw only needs to know on
// which side of Pd u lies, and that is usually plain from Pd at two
// nearby SNRs: Pd increases with SNR, so for snr between grid points a and
// b, Pd(a) ≤ Pd(snr) ≤ Pd(b). pdTable holds Pd on a grid and computes Pd
// itself only for the rare u between the two; the decision is the one
// Detector.Pd would give, bit for bit.
//
// The grid is uniform in log₂ SNR, pdSubOctave points an octave (0.047
// dB), read off the bits of the float64: the index of snr is its exponent
// and leading mantissa bits, which orders positive floats as their values.
const (
	// pdSubBits is log₂ of the grid points per octave of SNR.
	pdSubBits = 6
	pdShift   = 52 - pdSubBits
	// pdMinExp and pdMaxExp bound the tabulated single-pulse SNR to
	// [2⁻⁴⁰, 2⁶⁴) (−120 to +193 dB); outside it Pd is computed.
	pdMinExp = -40
	pdMaxExp = 64
	// pdSlack widens each bracket: Detector.Pd, as computed, may differ
	// from the exact (monotone) Pd by its rounding, a few hundred terms
	// of relative error 2⁻⁵³ with weights summing to one (below 1e-13),
	// and the series' truncation (below 1e-18 by its construction); 1e-9
	// is far above both and costs a draw in 10⁹ an exact evaluation.
	pdSlack = 1e-9
)

// pdTable tabulates one detector's Pd, filling each grid point on first
// use. It may be shared by concurrent trials: a point is computed by a
// pure function, so two goroutines filling it store the same bits.
type pdTable struct {
	det Detector
	lo  uint64          // grid index of 2^pdMinExp
	pd  []atomic.Uint64 // Float64bits of Pd at each grid point; 0 if not yet computed
}

func newPdTable(d Detector) *pdTable {
	lo := math.Float64bits(math.Ldexp(1, pdMinExp)) >> pdShift
	hi := math.Float64bits(math.Ldexp(1, pdMaxExp)) >> pdShift
	return &pdTable{det: d, lo: lo, pd: make([]atomic.Uint64, hi-lo+1)}
}

// at returns Pd at grid point k of the table.
func (t *pdTable) at(k int) float64 {
	if b := t.pd[k].Load(); b != 0 {
		return math.Float64frombits(b)
	}
	p := t.det.Pd(math.Float64frombits((t.lo + uint64(k)) << pdShift))
	t.pd[k].Store(math.Float64bits(p)) // Pd ≥ Pfa > 0, so never the 0 of "not computed"
	return p
}

// detected reports whether u < t.det.Pd(snr), computing Pd only when the
// grid does not decide it.
func (t *pdTable) detected(snr, u float64) bool {
	if snr > 0 && !math.IsInf(snr, 1) {
		j := math.Float64bits(snr) >> pdShift
		if j >= t.lo {
			if k := int(j - t.lo); k+1 < len(t.pd) {
				if u < t.at(k)-pdSlack {
					return true
				}
				if u >= t.at(k+1)+pdSlack {
					return false
				}
			}
		}
	}
	return u < t.det.Pd(snr)
}
