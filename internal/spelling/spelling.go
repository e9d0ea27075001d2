// Package spelling measures how far apart two names are, so that error
// messages can suggest the name a user probably meant.
package spelling

// MaxRunes bounds the inputs Distance compares letter by letter; longer
// inputs get their length difference plus MaxRunes, which keeps the cost
// bounded for hostile input.
const MaxRunes = 64

// Distance is the Levenshtein edit distance between a and b, in runes
// (insertions, deletions and substitutions each cost 1).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > MaxRunes || len(rb) > MaxRunes {
		return MaxRunes + max(len(ra), len(rb)) - min(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
