package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/rampart-sim/rampart/internal/strict"
)

// SalvoDoctrine is a firing doctrine.
type SalvoDoctrine string

// The firing doctrines.
const (
	// SalvoBarrage fires ShotsPerLook interceptors at each engaged warhead
	// in turn while interceptors last: a short magazine engages
	// ⌊N/s⌋ warheads fully (and one more with the N mod s left over) and
	// leaves the rest unengaged.
	SalvoBarrage SalvoDoctrine = "barrage"
	// SalvoSpread fires one interceptor at each engaged warhead, then
	// seconds, and so on up to ShotsPerLook each: a short magazine is spread
	// evenly over all engaged warheads.
	SalvoSpread SalvoDoctrine = "spread"
	// SalvoShootLookShoot fires ShotsPerLook interceptors per look at every
	// surviving engaged warhead, for up to Looks looks; at the look where
	// the stock runs short it is spread evenly over the survivors.
	SalvoShootLookShoot SalvoDoctrine = "shoot-look-shoot"
)

// SalvoDoctrines lists the allowed doctrines.
var SalvoDoctrines = []SalvoDoctrine{SalvoBarrage, SalvoSpread, SalvoShootLookShoot}

// oneLook reports whether the doctrine fires a single look.
func (d SalvoDoctrine) oneLook() bool { return d == SalvoBarrage || d == SalvoSpread }

// Limits on a SalvoEngagement, to bound the work of the exact evaluation.
const (
	MaxSalvoWarheads     = 20_000
	MaxSalvoLooks        = 10
	MaxSalvoShotsPerLook = 100
)

// salvoPruneProb is the probability below which a state of the
// shoot-look-shoot chain is dropped; the dropped mass is reported.
const salvoPruneProb = 1e-16

// SalvoEngagement is one raid meeting one magazine. See the package
// documentation for the model and its formulas.
type SalvoEngagement struct {
	Doctrine     SalvoDoctrine `json:"doctrine"`
	Warheads     int           `json:"warheads"`       // W ≥ 0, one RV each, no decoys
	Interceptors int           `json:"interceptors"`   // N ≥ 0, the magazine
	Pk           float64       `json:"pk"`             // single-shot kill probability, [0, 1]
	ShotsPerLook int           `json:"shots_per_look"` // s ≥ 1: the salvo per warhead (per look)
	// Looks is L ≥ 1 for shoot-look-shoot; for barrage it must be 0 or 1.
	Looks int `json:"looks,omitempty"`
	// PEngaged is the probability that a warhead is engaged at all
	// (detected, tracked, discriminated, assigned), independently for each
	// warhead, in [0, 1]. 0 (unset) is read as 1; a defense that engages
	// nothing is Interceptors = 0.
	PEngaged float64 `json:"p_engaged,omitempty"`
}

// SalvoOutcome is the result of one engagement.
type SalvoOutcome struct {
	Interceptors    int     `json:"interceptors"`                // N
	ExpectedLeakers float64 `json:"expected_leakers"`            // expected surviving warheads
	PZeroLeakers    float64 `json:"p_zero_leakers"`              // probability that no warhead survives
	ExpectedSpent   float64 `json:"expected_interceptors_spent"` // expected interceptors fired
	// Method says how the numbers were obtained: "closed form",
	// "binomial sum" (closed forms summed over the number of engaged
	// warheads) or "dp" (the exact shoot-look-shoot chain).
	Method string `json:"method"`
	// ErrorBound bounds the error of ExpectedLeakers from dropped
	// improbable states (0 unless Method is "dp"); the error of
	// PZeroLeakers and ExpectedSpent/N is below ErrorBound/W.
	ErrorBound float64 `json:"error_bound"`
}

// Validate reports every problem with e, naming the field.
func (e SalvoEngagement) Validate() error {
	var errs []error
	bad := func(path, format string, a ...any) { errs = append(errs, strict.Fieldf(path, format, a...)) }
	if !slices.Contains(SalvoDoctrines, e.Doctrine) {
		bad("doctrine", "%q is not allowed; allowed: %s, %s, %s", e.Doctrine, SalvoBarrage, SalvoSpread, SalvoShootLookShoot)
	}
	if e.Warheads < 0 || e.Warheads > MaxSalvoWarheads {
		bad("warheads", "%d is out of range; allowed: 0 to %d", e.Warheads, MaxSalvoWarheads)
	}
	if e.Interceptors < 0 {
		bad("interceptors", "%d is negative; allowed: 0 or more", e.Interceptors)
	}
	if !(e.Pk >= 0 && e.Pk <= 1) {
		bad("pk", "%g is out of range; allowed: 0 to 1", e.Pk)
	}
	if e.ShotsPerLook < 1 || e.ShotsPerLook > MaxSalvoShotsPerLook {
		bad("shots_per_look", "%d is out of range; allowed: 1 to %d", e.ShotsPerLook, MaxSalvoShotsPerLook)
	}
	switch e.Doctrine {
	case SalvoBarrage, SalvoSpread:
		if e.Looks != 0 && e.Looks != 1 {
			bad("looks", "%d is not allowed for %s; allowed: 0 or 1 (use shoot-look-shoot for more looks)", e.Looks, e.Doctrine)
		}
	case SalvoShootLookShoot:
		if e.Looks < 1 || e.Looks > MaxSalvoLooks {
			bad("looks", "%d is out of range for shoot-look-shoot; allowed: 1 to %d", e.Looks, MaxSalvoLooks)
		}
	}
	if !(e.PEngaged >= 0 && e.PEngaged <= 1) {
		bad("p_engaged", "%g is out of range; allowed: 0 to 1 (0 means 1)", e.PEngaged)
	}
	return errors.Join(errs...)
}

// looks returns L, reading 0 as 1.
func (e SalvoEngagement) looks() int { return max(e.Looks, 1) }

// pEngaged returns Pe, reading 0 as 1.
func (e SalvoEngagement) pEngaged() float64 {
	if e.PEngaged == 0 {
		return 1
	}
	return e.PEngaged
}

// PLeak returns the probability that a warhead given shots independent
// shots of kill probability pk survives them: (1−pk)^shots. Pk = 0.8 and
// two shots give 0.04. With shoot-look-shoot and an ample magazine the
// leak probability is PLeak(pk, s·L).
func PLeak(pk float64, shots int) float64 {
	return math.Pow(1-pk, float64(shots))
}

// ShootLookShootCost returns the expected interceptors fired per engaged
// warhead under shoot-look-shoot with s shots per look and up to looks
// looks and an ample magazine: s·Σ_{j=0}^{L−1} q^(s·j), q = 1−pk. Pk = 0.8,
// s = 1, L = 2 gives 1.2.
func ShootLookShootCost(pk float64, s, looks int) float64 {
	p := math.Pow(1-pk, float64(s)) // survival of one look
	var sum, pj float64 = 0, 1
	for range looks {
		sum += pj
		pj *= p
	}
	return float64(s) * sum
}

// Outcome evaluates the engagement: expected leakers, probability of no
// leaker and expected interceptors spent.
func (e SalvoEngagement) Outcome() (SalvoOutcome, error) {
	if err := e.Validate(); err != nil {
		return SalvoOutcome{}, err
	}
	return e.outcome(), nil
}

// outcome evaluates a valid engagement.
func (e SalvoEngagement) outcome() SalvoOutcome {
	w, n, s, l := e.Warheads, e.Interceptors, e.ShotsPerLook, e.looks()
	q, pe := 1-e.Pk, e.pEngaged()
	out := SalvoOutcome{Interceptors: n}
	if e.Doctrine.oneLook() {
		l = 1
	}
	// Ample magazine: N ≥ s·W·L covers every outcome; each warhead is
	// independent and the closed forms are exact.
	if int64(n) >= int64(s)*int64(w)*int64(l) {
		pl := math.Pow(q, float64(s*l))
		out.ExpectedLeakers = float64(w) * (1 - pe + pe*pl)
		out.PZeroLeakers = math.Pow(pe*(1-pl), float64(w))
		out.ExpectedSpent = float64(w) * pe * ShootLookShootCost(e.Pk, s, l)
		out.Method = "closed form"
		return out
	}
	if e.Doctrine == SalvoBarrage {
		return salvoBarrageShort(w, n, s, q, pe)
	}
	if e.Doctrine == SalvoSpread {
		if pe == 1 {
			out.ExpectedLeakers, out.PZeroLeakers = salvoSpreadLeakers(w, n, q)
			out.ExpectedSpent = float64(n) // N < s·W: the whole magazine
			out.Method = "closed form"
			return out
		}
		pmf, lo, _ := salvoBinomialPMF(w, pe, 0, nil)
		for i, pm := range pmf {
			m := lo + i
			shots := min(n, s*m)
			el, _ := salvoSpreadLeakers(m, shots, q)
			out.ExpectedLeakers += pm * (float64(w-m) + el)
			out.ExpectedSpent += pm * float64(shots)
		}
		_, p0 := salvoSpreadLeakers(w, min(n, s*w), q)
		out.PZeroLeakers = math.Pow(pe, float64(w)) * p0
		out.Method = "binomial sum"
		return out
	}
	return salvoSLSChain(w, n, s, l, q, pe)
}

// salvoBarrageShort evaluates a barrage of s per engaged warhead with a
// magazine n < s·w. With a = ⌊n/s⌋ full salvos and r = n mod s left over,
// m engaged warheads leave min(m, a)·q^s + (m − min(m, a)) − [m > a](1 − q^r)
// leakers, so with M ~ Binomial(w, pe) engaged
//
//	E[leakers] = w − (1 − q^s)·E[min(M, a)] − (1 − q^r)·P(M > a)
//	E[spent]   = E[min(n, s·M)]
//
// and no warhead leaks only if all w are engaged and a = w − 1 with r > 0
// (the last warhead gets the r left over): P0 = pe^w (1 − q^s)^(w−1) (1 − q^r).
// With pe = 1 this is a closed form; otherwise the expectations are summed
// over the binomial.
func salvoBarrageShort(w, n, s int, q, pe float64) SalvoOutcome {
	a, r := n/s, n%s
	ks, kr := 1-math.Pow(q, float64(s)), 1-math.Pow(q, float64(r))
	out := SalvoOutcome{Interceptors: n}
	if a == w-1 && r > 0 {
		out.PZeroLeakers = math.Exp(float64(w)*math.Log(pe) + float64(a)*math.Log(ks) + math.Log(kr))
	}
	if pe == 1 {
		out.ExpectedLeakers = float64(w) - ks*float64(a) - kr
		out.ExpectedSpent = float64(n)
		out.Method = "closed form"
		return out
	}
	pmf, lo, _ := salvoBinomialPMF(w, pe, 0, nil)
	var minMA, pAbove float64
	for i, pm := range pmf {
		m := lo + i
		minMA += pm * float64(min(m, a))
		if m > a {
			pAbove += pm
		}
		out.ExpectedSpent += pm * float64(min(n, s*m))
	}
	out.ExpectedLeakers = float64(w) - ks*minMA - kr*pAbove
	out.Method = "binomial sum"
	return out
}

// salvoSpreadLeakers returns the expected leakers and the probability of no
// leaker when shots interceptors are spread uniformly over m warheads in
// one look: a = ⌊shots/m⌋, r = shots mod m, r warheads get a+1 shots and
// m−r get a.
func salvoSpreadLeakers(m, shots int, q float64) (expected, pZero float64) {
	if m == 0 {
		return 0, 1
	}
	a, r := shots/m, shots%m
	hi, lo := math.Pow(q, float64(a+1)), math.Pow(q, float64(a))
	expected = float64(r)*hi + float64(m-r)*lo
	// (1−x)^k as exp(k·log1p(−x)) keeps precision for small x and large k.
	pZero = math.Exp(float64(r)*math.Log1p(-hi) + float64(m-r)*math.Log1p(-lo))
	return expected, pZero
}

// salvoSLSGroup labels the states of the shoot-look-shoot chain that share a
// stock n of interceptors and the flag all (every warhead was engaged; only
// those states can end with no leaker). A layer of the chain maps each
// group to the probabilities of m = 0, 1, ... surviving engaged warheads.
type salvoSLSGroup struct {
	n   int
	all bool
}

// salvoSLSChain evaluates shoot-look-shoot with a finite magazine exactly, as a
// Markov chain over (survivors, stock); see the package documentation.
func salvoSLSChain(w, n, s, l int, q, pe float64) SalvoOutcome {
	out := SalvoOutcome{Interceptors: n, Method: "dp"}
	var dropped float64
	layer := map[salvoSLSGroup][]float64{}
	if pe == 1 {
		v := make([]float64, w+1)
		v[w] = 1
		layer[salvoSLSGroup{n, true}] = v
	} else {
		some, full := make([]float64, w+1), make([]float64, w+1)
		pmf, lo, tail := salvoBinomialPMF(w, pe, salvoPruneProb, nil)
		dropped += tail
		for i, pm := range pmf {
			m := lo + i
			out.ExpectedLeakers += pm * float64(w-m) // never engaged
			if m == w {
				full[m] = pm
			} else {
				some[m] = pm
			}
		}
		layer[salvoSLSGroup{n, false}] = some
		layer[salvoSLSGroup{n, true}] = full
	}
	pLook := math.Pow(q, float64(s)) // survival of one look
	buf := make([]float64, w+1)      // large enough for every binomial below
	var groups []salvoSLSGroup
	for look := 1; len(layer) > 0; look++ {
		// Visit groups in a fixed order so that sums are reproducible.
		groups = groups[:0]
		for g := range layer {
			groups = append(groups, g)
		}
		slices.SortFunc(groups, func(a, b salvoSLSGroup) int {
			if a.n != b.n {
				return a.n - b.n
			}
			if a.all == b.all {
				return 0
			}
			if a.all {
				return 1
			}
			return -1
		})
		next := map[salvoSLSGroup][]float64{}
		for _, g := range groups {
			for m, p := range layer[g] {
				switch {
				case p == 0:
					continue
				case m == 0:
					if g.all {
						out.PZeroLeakers += p
					}
					continue
				case look == l || g.n < s*m:
					// Last look, or the stock runs short at this one: spread
					// what is left uniformly; nothing remains for later looks.
					shots := min(g.n, s*m)
					el, p0 := salvoSpreadLeakers(m, shots, q)
					out.ExpectedLeakers += p * el
					out.ExpectedSpent += p * float64(shots)
					if g.all {
						out.PZeroLeakers += p * p0
					}
					continue
				}
				out.ExpectedSpent += p * float64(s*m)
				terms, lo, tail := salvoBinomialPMF(m, pLook, salvoPruneProb/p, buf)
				dropped += p * tail
				ng := salvoSLSGroup{g.n - s*m, g.all}
				t := next[ng]
				if len(t) < m+1 {
					t = append(t, make([]float64, m+1-len(t))...)
				}
				for i, pm := range terms {
					t[lo+i] += p * pm
				}
				next[ng] = t
			}
		}
		layer = next
	}
	out.ErrorBound = dropped * float64(max(w, 1))
	return out
}

// salvoBinomialPMF returns the terms of X ~ Binomial(n, p) that are at
// least cut: terms[i] = P(X = lo+i), reusing buf; tail bounds the sum of
// the terms left out. Terms are built outward from the mode by the ratio
// recurrence and scaled to sum to 1 − tail; the ratios shrink away from the
// mode, so the tail beyond a term t whose next ratio is r is at most
// t/(1−r). With cut = 0 every term is returned and tail is 0.
func salvoBinomialPMF(n int, p, cut float64, buf []float64) (terms []float64, lo int, tail float64) {
	buf = slices.Grow(buf[:0], n+1)[:n+1]
	switch {
	case p <= 0:
		buf[0] = 1
		return buf[:1], 0, 0
	case p >= 1:
		buf[n] = 1
		return buf[n:], n, 0
	}
	mode := min(int(float64(n+1)*p), n)
	lg := func(x int) float64 { v, _ := math.Lgamma(float64(x) + 1); return v }
	buf[mode] = math.Exp(lg(n) - lg(mode) - lg(n-mode) + float64(mode)*math.Log(p) + float64(n-mode)*math.Log1p(-p))
	odds := p / (1 - p)
	lo, hi := mode, mode
	for k := mode; k < n; k++ {
		t := buf[k] * float64(n-k) / float64(k+1) * odds
		if t < cut {
			r := float64(n-k-1) / float64(k+2) * odds // < 1 above the mode
			tail += t / (1 - r)
			break
		}
		buf[k+1], hi = t, k+1
	}
	for k := mode; k > 0; k-- {
		t := buf[k] * float64(k) / float64(n-k+1) / odds
		if t < cut {
			r := float64(k-1) / float64(n-k+2) / odds // < 1 below the mode
			tail += t / (1 - r)
			break
		}
		buf[k-1], lo = t, k-1
	}
	// The mode term carries the rounding of lgamma (~1e-12 relative at
	// n ~ 1e3) and the ratios are exact to a few ulps: fix the scale so that
	// the kept terms sum to 1 − tail.
	terms = buf[lo : hi+1]
	var sum float64
	for _, v := range terms {
		sum += v
	}
	scale := (1 - min(tail, 1)) / sum
	for i := range terms {
		terms[i] *= scale
	}
	return terms, lo, tail
}

// SalvoExchangeCurve evaluates e for each magazine size in interceptors
// (e.Interceptors is ignored): the exchange curve of expected leakers (and
// probability of no leaker, and interceptors spent) against N.
func SalvoExchangeCurve(e SalvoEngagement, interceptors []int) ([]SalvoOutcome, error) {
	e.Interceptors = 0
	if err := e.Validate(); err != nil {
		return nil, err
	}
	var errs []error
	for i, n := range interceptors {
		if n < 0 {
			errs = append(errs, strict.Fieldf(fmt.Sprintf("interceptors[%d]", i), "%d is negative; allowed: 0 or more", n))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := make([]SalvoOutcome, len(interceptors))
	for i, n := range interceptors {
		e.Interceptors = n
		out[i] = e.outcome()
	}
	return out, nil
}

// SalvoCurve is one exchange curve: an engagement's outcomes against the
// magazine size.
type SalvoCurve struct {
	Engagement SalvoEngagement `json:"engagement"` // Interceptors is unused
	Points     []SalvoOutcome  `json:"points"`
}

// SalvoExchangeCurves evaluates several engagements (say one per Pk and
// doctrine to compare) on the same magazine sizes. Problems are reported
// against engagements[i].
func SalvoExchangeCurves(engagements []SalvoEngagement, interceptors []int) ([]SalvoCurve, error) {
	var errs []error
	for i, e := range engagements {
		e.Interceptors = 0
		err := e.Validate()
		if err == nil {
			continue
		}
		errs = append(errs, strict.Prefix(strict.IndexPath("engagements", i), err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := make([]SalvoCurve, len(engagements))
	for i, e := range engagements {
		pts, err := SalvoExchangeCurve(e, interceptors)
		if err != nil {
			return nil, err
		}
		e.Interceptors = 0
		out[i] = SalvoCurve{Engagement: e, Points: pts}
	}
	return out, nil
}

// salvoAmple returns the magazine that covers every outcome of e: s·W·L.
func salvoAmple(e SalvoEngagement) int {
	l := e.looks()
	if e.Doctrine.oneLook() {
		l = 1
	}
	return e.ShotsPerLook * e.Warheads * l
}

// salvoLeast returns the least N in [0, salvoAmple(e)] with ok(outcome(N)),
// by bisection: the outcome improves monotonically with N. It returns
// false when even the ample magazine does not reach the goal.
func salvoLeast(e SalvoEngagement, ok func(SalvoOutcome) bool) (int, SalvoOutcome, bool) {
	hi := salvoAmple(e)
	e.Interceptors = hi
	best := e.outcome()
	if !ok(best) {
		return 0, best, false
	}
	lo := -1 // ok fails at lo (or lo is below the range), holds at hi
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		e.Interceptors = mid
		if o := e.outcome(); ok(o) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, best, true
}

// InterceptorsForLeakers returns the least magazine N for which the
// expected number of leakers is at most maxLeakers (e.Interceptors is
// ignored). If even an ample magazine (s·W·L) cannot reach it, because Pk,
// s, L or Pe limit the defense, the error says what is reachable.
func InterceptorsForLeakers(e SalvoEngagement, maxLeakers float64) (int, error) {
	e.Interceptors = 0
	if err := e.Validate(); err != nil {
		return 0, err
	}
	if !(maxLeakers >= 0) {
		return 0, strict.Fieldf("max_leakers", "%g is out of range; allowed: 0 or more", maxLeakers)
	}
	n, best, ok := salvoLeast(e, func(o SalvoOutcome) bool { return o.ExpectedLeakers <= maxLeakers })
	if !ok {
		return 0, strict.Fieldf("max_leakers", "%g is unreachable: even %d interceptors leave %.6g expected leakers; raise pk, shots_per_look, looks or p_engaged",
			maxLeakers, best.Interceptors, best.ExpectedLeakers)
	}
	return n, nil
}

// InterceptorsForZeroLeakers returns the least magazine N for which the
// probability that no warhead leaks is at least pZero (e.Interceptors is
// ignored). If even an ample magazine cannot reach it the error says what
// is reachable.
func InterceptorsForZeroLeakers(e SalvoEngagement, pZero float64) (int, error) {
	e.Interceptors = 0
	if err := e.Validate(); err != nil {
		return 0, err
	}
	if !(pZero >= 0 && pZero <= 1) {
		return 0, strict.Fieldf("p_zero_leakers", "%g is out of range; allowed: 0 to 1", pZero)
	}
	n, best, ok := salvoLeast(e, func(o SalvoOutcome) bool { return o.PZeroLeakers >= pZero })
	if !ok {
		return 0, strict.Fieldf("p_zero_leakers", "%g is unreachable: even %d interceptors give %.6g; raise pk, shots_per_look, looks or p_engaged",
			pZero, best.Interceptors, best.PZeroLeakers)
	}
	return n, nil
}
