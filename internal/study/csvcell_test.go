package study

import (
	"reflect"
	"testing"
)

// TestNeutralizeCells: formula-like cells get a leading quote (OWASP, CSV
// Injection); numbers, including negative ones, and plain text do not.
func TestNeutralizeCells(t *testing.T) {
	in := [][]string{{"=HYPERLINK(\"x\")", "+1+2", "-12.5", "+3", "@SUM(A1)", "\tx", "name", "", "a=b"}}
	want := [][]string{{"'=HYPERLINK(\"x\")", "'+1+2", "-12.5", "+3", "'@SUM(A1)", "'\tx", "name", "", "a=b"}}
	got := neutralizeCells(in)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("neutralizeCells = %q, want %q", got, want)
	}
	if in[0][0] != "=HYPERLINK(\"x\")" {
		t.Errorf("neutralizeCells changed its input: %q", in[0][0])
	}
}
