package sim

import (
	"fmt"
	"strings"
)

// Fidelity is how closely a trial models sensing and tracking.
type Fidelity uint8

const (
	// FullFidelity is the measurement-level engine: every radar look,
	// every detection's noise, trackers with gating, association and
	// EKFs (World.Engage's default).
	FullFidelity Fidelity = iota
	// FastFidelity replaces measurement-level tracking by a
	// covariance-only model for sweeps (see fast.go): about 80
	// times cheaper, its headline statistics checked against full
	// fidelity by TestFastAgreesWithFull.
	FastFidelity
)

var fidelityNames = [...]string{"full", "fast"}

// String returns the fidelity's name: "full" or "fast".
func (f Fidelity) String() string {
	if int(f) < len(fidelityNames) {
		return fidelityNames[f]
	}
	return fmt.Sprintf("fidelity(%d)", f)
}

// FidelityNames returns the names ParseFidelity accepts.
func FidelityNames() []string { return append([]string(nil), fidelityNames[:]...) }

// ParseFidelity returns the fidelity called name.
func ParseFidelity(name string) (Fidelity, error) {
	for k, n := range fidelityNames {
		if n == name {
			return Fidelity(k), nil
		}
	}
	return 0, fmt.Errorf("fidelity %q: allowed values are %s", name, strings.Join(fidelityNames[:], ", "))
}
