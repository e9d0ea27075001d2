package main

import (
	"errors"
	"math"
	"testing"
)

// FuzzParsePlace: the parser of --from, --to and --at never panics; it
// gives a position in range or a bad-input error (exit 2).
func FuzzParsePlace(f *testing.F) {
	for _, s := range []string{"54.5,18.3", "54.5N,18.3E", "Redzikowo", "91,0", "1e308,0", "NaN,0", ",", "Kürecik"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, _, err := parsePlace("--from", s)
		if err != nil {
			var bi inputError
			if !errors.As(err, &bi) {
				t.Fatalf("parsePlace(%q) error %v is not bad input", s, err)
			}
			return
		}
		if !(math.Abs(p.Lat) <= math.Pi/2) || !(math.Abs(p.Lon) <= 2*math.Pi) || math.IsNaN(p.Alt) {
			t.Fatalf("parsePlace(%q) = %+v, out of range", s, p)
		}
	})
}
