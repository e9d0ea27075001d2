package report

import (
	"fmt"
	"math"
	"testing"
)

func TestNiceScale(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   string
	}{
		{0, 1700, 7, "[0 500 1000 1500 2000]"},
		{0, 1550, 7, "[0 500 1000 1500 2000]"},
		{-3.2, 7.9, 5, "[-5 0 5 10]"},
		{0.1, 0.3, 5, "[0.1 0.15 0.2 0.25 0.3]"},
		{0, 0, 5, "[-1 -0.5 0 0.5 1]"},
		{40, 40, 5, "[36 38 40 42 44]"},
		{0, 365, 7, "[0 100 200 300 400]"},
	} {
		s := niceScale(tc.lo, tc.hi, tc.n)
		var labels []string
		for _, v := range s.ticks {
			labels = append(labels, s.label(v))
		}
		got := fmt.Sprint(labels)
		got = replaceMinus(got)
		if got != tc.want {
			t.Errorf("niceScale(%g, %g, %d) ticks = %s, want %s", tc.lo, tc.hi, tc.n, got, tc.want)
		}
		if s.lo > tc.lo || s.hi < tc.hi {
			t.Errorf("niceScale(%g, %g, %d) = [%g, %g], want it to cover the data", tc.lo, tc.hi, tc.n, s.lo, s.hi)
		}
	}
	s := fixedScale(0, 365, 7)
	if s.lo != 0 || s.hi != 365 || fmt.Sprint(s.ticks) != "[0 100 200 300]" {
		t.Errorf("fixedScale(0, 365, 7) = [%g, %g] ticks %v, want [0, 365] ticks [0 100 200 300]", s.lo, s.hi, s.ticks)
	}
}

func replaceMinus(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == '−' {
			r = '-'
		}
		out = append(out, r)
	}
	return string(out)
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {1550, "1550"}, {12000, "12\u2009000"}, {3.4, "3.4"}, {28.25, "28.25"},
		{1234.5678, "1235"}, {0.5, "0.5"}, {-2.5, "−2.5"}, {1e8, "1×10⁸"}, {2.5e-4, "2.5×10⁻⁴"},
		{math.NaN(), "–"}, {math.Inf(1), "∞"},
	} {
		if got := FormatNumber(tc.v); got != tc.want {
			t.Errorf("FormatNumber(%g) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
