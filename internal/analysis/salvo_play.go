package analysis

import "math/rand/v2"

// PlaySalvo plays one engagement shot by shot: each warhead is engaged
// with probability Pe; at each look the stock is spread over the surviving
// engaged warheads (s each, or uniformly when short) and every shot kills
// with probability Pk. It shares no code with the formulas, which it checks (the
// tests, and the salvo study's Monte Carlo column).
func PlaySalvo(e SalvoEngagement, r *rand.Rand) (leakers, spent int) {
	pe := e.PEngaged
	if pe == 0 {
		pe = 1
	}
	looks := max(e.Looks, 1)
	m := 0
	for range e.Warheads {
		if r.Float64() < pe {
			m++
		} else {
			leakers++
		}
	}
	stock := e.Interceptors
	for range looks {
		if m == 0 {
			break
		}
		shots := min(stock, e.ShotsPerLook*m)
		stock -= shots
		spent += shots
		survivors := 0
		for i := range m {
			k := shots / m
			if i < shots%m {
				k++
			}
			killed := false
			for range k {
				if r.Float64() < e.Pk {
					killed = true
				}
			}
			if !killed {
				survivors++
			}
		}
		m = survivors
	}
	return leakers + m, spent
}
