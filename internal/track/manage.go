package track

import (
	"math"
	"math/bits"
)

// Status is a track's place in its life cycle.
type Status uint8

const (
	Tentative Status = iota // initiated, not yet confirmed
	Firm                    // confirmed by M of N
	Deleted                 // dropped; reported for one scan, then removed
)

func (s Status) String() string {
	switch s {
	case Tentative:
		return "tentative"
	case Firm:
		return "firm"
	case Deleted:
		return "deleted"
	}
	return "unknown"
}

// Initiator starts tentative tracks and confirms them by M of N.
//
// Two-point initiation: a detection not used by any track starts a
// tentative track with the detection's position (converted to ECEF with
// covariance J R Jᵀ) and zero velocity with per-axis σ VelSigma. The next
// detection gated with it then fixes the velocity: with σ_v·Δt much larger
// than the position errors, the filter update reduces to the two-point
// difference v = (p₂ − p₁)/Δt with covariance (R₁ + R₂)/Δt² (two-point
// differencing, Bar-Shalom et al. 2001, ch. 5), and the filter keeps the gravity of the ballistic model
// over Δt.
//
// A tentative track becomes firm once it has been updated in M of its first
// N scans (counting the scan that started it), and is deleted as soon as
// that can no longer happen (Blackman & Popoli 1999).
type Initiator struct {
	M, N     int     // confirmation rule; 0 means 3 of 5
	VelSigma float64 // per-axis velocity σ of a new track, m/s; 0 means 3000
}

func (in Initiator) mn() (m, n int) {
	if in.M == 0 && in.N == 0 {
		return 3, 5
	}
	return in.M, in.N
}

// Start returns the estimate of a track initiated by d.
func (in Initiator) Start(d *Detection) Estimate {
	vs := in.VelSigma
	if vs == 0 {
		vs = 3000
	}
	p, c := d.PositionECEF()
	e := Estimate{T: d.Time, X: Vec6{p[0], p[1], p[2]}}
	for i := range 3 {
		for j := range 3 {
			e.P[i][j] = c[i][j]
		}
		e.P[i+3][i+3] = vs * vs
	}
	return e
}

// Confirmed reports whether a track whose last scans are the low bits of
// hits (bit 0 the latest scan; scans the number of scans since initiation)
// has met M of N.
func (in Initiator) Confirmed(hits uint64, scans int) bool {
	m, n := in.mn()
	w := min(scans, n)
	return bits.OnesCount64(hits&(1<<w-1)) >= m
}

// Failed reports whether the track can no longer reach M hits within its
// first N scans.
func (in Initiator) Failed(hits uint64, scans int) bool {
	m, n := in.mn()
	w := min(scans, n)
	got := bits.OnesCount64(hits & (1<<w - 1))
	return got+(n-w) < m
}

// Deleter drops firm tracks after Misses consecutive scans without an
// update, or once the RSS position σ exceeds MaxPosSigma.
type Deleter struct {
	Misses      int     // 0 means 3
	MaxPosSigma float64 // m; 0 means 20 km
}

// Delete reports whether a firm track with misses consecutive missed scans
// and quality q should be deleted.
func (d Deleter) Delete(misses int, q Quality) bool {
	k := d.Misses
	if k == 0 {
		k = 3
	}
	bound := d.MaxPosSigma
	if bound == 0 {
		bound = 20e3
	}
	return misses >= k || !(q.PosSigma <= bound) || math.IsNaN(q.VelSigma)
}
