package main

import (
	"strings"
	"testing"
)

// TestFlagValueWords: a flag value that does not parse is refused with the
// flag, the value and what it takes, exit 2, and not with the parser's own
// words (the review found "strconv.ParseInt: parsing "abc": invalid syntax").
func TestFlagValueWords(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--seed", "abc"}, `--seed "abc" is not allowed; allowed: a whole number`},
		{[]string{"run", "--trials", "1e3"}, `--trials "1e3" is not allowed; allowed: a whole number`},
		{[]string{"run", "--json=maybe"}, `--json "maybe" is not allowed; allowed: true or false`},
		{[]string{"fly", "--from", "0,0", "--to", "0,10", "--burnout-speed-kms", "fast"}, `--burnout-speed-kms "fast" is not allowed; allowed: a number`},
	} {
		code, _, errs := rampart(t, c.args...)
		if code != exitBadInput || !strings.Contains(errs, c.want) || strings.Contains(errs, "strconv") {
			t.Errorf("rampart %v = %d, %q; want exit %d and %q", c.args, code, errs, exitBadInput, c.want)
		}
	}
}
