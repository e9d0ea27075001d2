package report

import (
	"math"
	"strconv"
	"strings"
)

// trimFloat formats v with at most dec decimals, dropping trailing zeros
// and a negative zero.
func trimFloat(v float64, dec int) string {
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// FormatNumber renders a table value: NaN as "–", integers in full with
// thin-space thousands separators, others with four significant digits
// (scientific notation outside 10⁻³ to 10⁷).
func FormatNumber(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "−∞"
	case v == 0:
		return "0"
	}
	a := math.Abs(v)
	if a >= 1e7 || a < 1e-3 {
		s := strconv.FormatFloat(v, 'e', 3, 64)
		m, e, _ := strings.Cut(s, "e")
		if strings.Contains(m, ".") {
			m = strings.TrimRight(strings.TrimRight(m, "0"), ".")
		}
		n, _ := strconv.Atoi(e)
		return minus(m) + "×10" + superscript(n)
	}
	if v == math.Trunc(v) {
		return minus(group(strconv.FormatFloat(v, 'f', 0, 64)))
	}
	dec := max(0, 3-int(math.Floor(math.Log10(a))))
	return minus(group(trimFloat(v, dec)))
}

// group inserts thin spaces between thousands of a number of five or more
// integer digits ("12 000", but "1500").
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) >= 5 {
		var b strings.Builder
		for i, r := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteString("\u2009")
			}
			b.WriteRune(r)
		}
		intPart = b.String()
	}
	if hasFrac {
		return sign + intPart + "." + frac
	}
	return sign + intPart
}

// minus replaces a leading hyphen by a true minus sign.
func minus(s string) string {
	if strings.HasPrefix(s, "-") {
		return "−" + s[1:]
	}
	return s
}

// superscript writes an integer exponent in superscript digits.
func superscript(n int) string {
	const sup = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	digits := []rune(sup)
	s := strconv.Itoa(n)
	var b strings.Builder
	for _, r := range s {
		if r == '-' {
			b.WriteRune('⁻')
			continue
		}
		b.WriteRune(digits[r-'0'])
	}
	return b.String()
}

// fixedFloat formats v with exactly dec decimals.
func fixedFloat(v float64, dec int) string { return strconv.FormatFloat(v, 'f', dec, 64) }

// roundTo rounds v to dec decimals.
func roundTo(v float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	return math.Round(v*p) / p
}
