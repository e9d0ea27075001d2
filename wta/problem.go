package wta

import (
	"errors"
	"fmt"
)

// Size limits. The solvers allocate per unit and per (type, target) pair;
// the limits keep a hostile or mistaken input from exhausting memory. The
// published instances (200 types × 400 targets, 3 units a type) are far
// below them.
const (
	MaxPairs = 10_000_000 // m·n
	MaxUnits = 1_000_000  // Σ_i μ_i
	// MaxValue bounds a target's value w_j. The objective and bounds sum
	// values; near MaxFloat64 the sums overflowed to +Inf after the input
	// was accepted (issue 11). MaxValue·MaxPairs is far below MaxFloat64.
	MaxValue = 1e12
)

// Problem is one static weapon-target assignment instance.
type Problem struct {
	Values []float64   // w_j ≥ 0, value of target j
	Units  []int       // μ_i ≥ 0, units of weapon type i
	P      [][]float64 // P[i][j] ∈ [0, 1], kill probability of one unit of type i at target j

	WeaponNames []string // optional, one per weapon type
	TargetNames []string // optional, one per target
}

// Weapons returns the number of weapon types m.
func (p *Problem) Weapons() int { return len(p.Units) }

// Targets returns the number of targets n.
func (p *Problem) Targets() int { return len(p.Values) }

// TotalUnits returns Σ_i μ_i.
func (p *Problem) TotalUnits() int {
	t := 0
	for _, u := range p.Units {
		t += u
	}
	return t
}

// TotalValue returns Σ_j w_j, the surviving value when nothing is fired.
func (p *Problem) TotalValue() float64 {
	t := 0.0
	for _, w := range p.Values {
		t += w
	}
	return t
}

// Validate reports the first problem with p's shape or numbers: at least
// one weapon type and one target, values in [0, MaxValue], non-negative
// units, probabilities in [0, 1], names (if any) one per type or target, and
// the size limits MaxPairs and MaxUnits.
func (p *Problem) Validate() error {
	m, n := len(p.Units), len(p.Values)
	if m == 0 {
		return errors.New("wta: no weapon types")
	}
	if n == 0 {
		return errors.New("wta: no targets")
	}
	if m > MaxPairs/n {
		return fmt.Errorf("wta: %d weapon types × %d targets exceeds the limit of %d pairs", m, n, MaxPairs)
	}
	for j, w := range p.Values {
		if !(w >= 0 && w <= MaxValue) {
			return fmt.Errorf("wta: value of target %d is %g; want a number in [0, %g]", j, w, float64(MaxValue))
		}
	}
	total := 0
	for i, u := range p.Units {
		if u < 0 {
			return fmt.Errorf("wta: weapon type %d has %d units; want ≥ 0", i, u)
		}
		if u > MaxUnits-total {
			return fmt.Errorf("wta: more than %d units in all", MaxUnits)
		}
		total += u
	}
	if len(p.P) != m {
		return fmt.Errorf("wta: %d rows of kill probabilities for %d weapon types", len(p.P), m)
	}
	for i, row := range p.P {
		if len(row) != n {
			return fmt.Errorf("wta: weapon type %d has %d kill probabilities for %d targets", i, len(row), n)
		}
		for j, pij := range row {
			if !(pij >= 0 && pij <= 1) {
				return fmt.Errorf("wta: kill probability of weapon type %d at target %d is %g; want a number in [0, 1]", i, j, pij)
			}
		}
	}
	if p.WeaponNames != nil && len(p.WeaponNames) != m {
		return fmt.Errorf("wta: %d weapon names for %d weapon types", len(p.WeaponNames), m)
	}
	if p.TargetNames != nil && len(p.TargetNames) != n {
		return fmt.Errorf("wta: %d target names for %d targets", len(p.TargetNames), n)
	}
	return nil
}

// Objective returns F(x) = Σ_j w_j Π_i (1 − p_ij)^(x_ij) for the units
// x[i][j] of type i fired at target j. It does not check feasibility; see
// Feasible.
func (p *Problem) Objective(x [][]int) float64 {
	f := 0.0
	for j, w := range p.Values {
		v := w
		for i := range p.Units {
			for range x[i][j] {
				v *= 1 - p.P[i][j]
			}
		}
		f += v
	}
	return f
}

// Feasible reports whether x has p's shape, non-negative entries and fires
// at most μ_i units of each type i.
func (p *Problem) Feasible(x [][]int) error {
	if len(x) != len(p.Units) {
		return fmt.Errorf("wta: assignment has %d rows for %d weapon types", len(x), len(p.Units))
	}
	for i, row := range x {
		if len(row) != len(p.Values) {
			return fmt.Errorf("wta: assignment row %d has %d entries for %d targets", i, len(row), len(p.Values))
		}
		used := 0
		for j, k := range row {
			if k < 0 {
				return fmt.Errorf("wta: assignment fires %d units of type %d at target %d", k, i, j)
			}
			used += k
		}
		if used > p.Units[i] {
			return fmt.Errorf("wta: assignment fires %d units of type %d, which has %d", used, i, p.Units[i])
		}
	}
	return nil
}
