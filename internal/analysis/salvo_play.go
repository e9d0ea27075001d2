package analysis

import "math/rand/v2"

// PlaySalvo plays one engagement shot by shot: each warhead is engaged
// with probability Pe and every shot kills with probability Pk. Under
// barrage the engaged warheads are taken in turn and each gets s shots
// while the stock lasts (the last one what is left); under spread and at
// each look of shoot-look-shoot the stock is dealt out one shot per
// surviving engaged warhead per round, up to s each. It shares no code
// with the formulas, which it checks (the tests, and the salvo study's
// Monte Carlo column).
func PlaySalvo(e SalvoEngagement, r *rand.Rand) (leakers, spent int) {
	pe := e.PEngaged
	if pe == 0 {
		pe = 1
	}
	looks := max(e.Looks, 1)
	if e.Doctrine != SalvoShootLookShoot {
		looks = 1
	}
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
		shots := make([]int, m) // shots at each surviving engaged warhead
		if e.Doctrine == SalvoBarrage {
			for i := range shots {
				k := min(stock, e.ShotsPerLook)
				shots[i], stock, spent = k, stock-k, spent+k
			}
		} else {
			for round := 0; round < e.ShotsPerLook && stock > 0; round++ {
				for i := 0; i < m && stock > 0; i++ {
					shots[i]++
					stock--
					spent++
				}
			}
		}
		survivors := 0
		for _, k := range shots {
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
