package wta

// Greedy solves p by maximum marginal return: it fires one unit at a time,
// the unit of type i at target j with the largest decrease V_j p_ij of the
// objective, V_j being target j's surviving value so far, until every unit
// is fired. Ties go to the lowest type, then the lowest target. It proves no
// lower bound.
func Greedy(p *Problem) (Solution, error) {
	if err := p.Validate(); err != nil {
		return Solution{}, err
	}
	return newSolution(p, greedyCounts(p), SolverGreedy), nil
}

func greedyCounts(p *Problem) [][]int {
	m, n := p.Weapons(), p.Targets()
	x := newCounts(m, n)
	v := append([]float64(nil), p.Values...)
	left := append([]int(nil), p.Units...)
	best := make([]int, m)
	gain := make([]float64, m)
	argmax := func(i int) {
		best[i], gain[i] = 0, v[0]*p.P[i][0]
		for j := 1; j < n; j++ {
			if g := v[j] * p.P[i][j]; g > gain[i] {
				best[i], gain[i] = j, g
			}
		}
	}
	for i := range m {
		argmax(i)
	}
	for {
		i := -1
		for k := range m {
			if left[k] > 0 && (i < 0 || gain[k] > gain[i]) {
				i = k
			}
		}
		if i < 0 {
			return x
		}
		j := best[i]
		x[i][j]++
		left[i]--
		v[j] *= 1 - p.P[i][j]
		// Only v[j] fell, so only the types whose best target was j may
		// have another best now.
		for k := range m {
			if left[k] > 0 && best[k] == j {
				argmax(k)
			}
		}
	}
}
