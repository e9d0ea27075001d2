package analysis

import (
	"slices"
	"time"
)

// RotationPhase is an interval of the plan's year in which the set of
// ready deployments does not change: the unit of a rotation's engine runs
// (one raid a phase). The phases of a year follow one another without gap
// or overlap, from 1 January to 1 January of the next year, and two
// neighbours never hold the same ready set.
type RotationPhase struct {
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"` // exclusive
	LengthDays float64   `json:"length_days"`
	// Ready are the indices (in RotationPlan.Deployments) of the
	// deployments ready throughout the phase, in schedule order; Units
	// are their unit names.
	Ready []int    `json:"ready"`
	Units []string `json:"units"`
	// Handover is set for a phase between two others that holds fewer
	// ready deployments than each of them: the gap (or the thinning) of a
	// handover.
	Handover bool `json:"handover"`
}

// RotationPhases splits the plan's year at every moment a deployment
// becomes ready or leaves (the same ready period as RotationCoverage)
// and returns the phases, merged where neighbours hold the same ready
// set. A deployment that is never ready (ready after its end) appears in
// no phase.
func RotationPhases(p RotationPlan) ([]RotationPhase, error) {
	units, err := p.resolve()
	if err != nil {
		return nil, err
	}
	y0 := time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	y1 := y0.AddDate(1, 0, 0)
	cuts := []time.Time{y0, y1}
	for _, u := range units {
		for _, t := range []time.Time{u.ready, u.end} {
			if t.After(y0) && t.Before(y1) {
				cuts = append(cuts, t)
			}
		}
	}
	slices.SortFunc(cuts, func(a, b time.Time) int { return a.Compare(b) })
	cuts = slices.CompactFunc(cuts, func(a, b time.Time) bool { return a.Equal(b) })

	var out []RotationPhase
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		ready := []int{}
		for i, u := range units {
			// The cuts hold every ready and end time, so a unit is ready
			// throughout [a, b) or not at all.
			if !u.ready.After(a) && !u.end.Before(b) && u.ready.Before(u.end) {
				ready = append(ready, i)
			}
		}
		if n := len(out); n > 0 && slices.Equal(out[n-1].Ready, ready) {
			out[n-1].End = b
			out[n-1].LengthDays = rotDurationDays(b.Sub(out[n-1].Start))
			continue
		}
		names := []string{}
		for _, i := range ready {
			names = append(names, units[i].d.Unit)
		}
		out = append(out, RotationPhase{Start: a, End: b, LengthDays: rotDurationDays(b.Sub(a)), Ready: ready, Units: names})
	}
	for k := 1; k+1 < len(out); k++ {
		n := len(out[k].Ready)
		out[k].Handover = n < len(out[k-1].Ready) && n < len(out[k+1].Ready)
	}
	return out, nil
}
