package study

import (
	"math"
	"strconv"
)

// plural writes n and the word for it: "1 gap", "2 gaps".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Numbers in headlines are rounded for people: a probability to two
// decimals (0.83, not 0.8333), a mean to one decimal at 1 and above and
// two below (7.6 interceptors, 0.35 leakers), a count as an integer. The
// JSON document's results keep package jsonout's precision; the headline's
// value is rounded as its sentence is (PeopleRound).

// roundP formats a probability to two decimals.
func roundP(p float64) string { return strconv.FormatFloat(p, 'f', 2, 64) }

// roundMean formats a mean: "0" for zero, two decimals below 1, one
// decimal from 1 to 100, none above.
func roundMean(x float64) string {
	if x == 0 {
		return "0"
	}
	return strconv.FormatFloat(PeopleRound(x), 'f', peopleDecimals(x), 64)
}

// peopleDecimals is the decimals a headline gives x: 2 below 1 in
// magnitude, 1 below 100, 0 above.
func peopleDecimals(x float64) int {
	switch a := math.Abs(x); {
	case a < 1:
		return 2
	case a < 100:
		return 1
	}
	return 0
}

// PeopleRound rounds a headline value by peopleDecimals: 0.8333 becomes
// 0.83, 7.625 becomes 7.6, 726.9 becomes 727. NaN and infinities are kept.
func PeopleRound(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, float64(peopleDecimals(x)))
	return math.Round(x*p) / p
}
