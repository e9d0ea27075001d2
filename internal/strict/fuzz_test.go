package strict

import (
	"strings"
	"testing"
)

// smallLimits are tight enough for the fuzzer to reach every limit.
var smallLimits = Limits{MaxBytes: 4096, MaxNesting: 8, MaxNodes: 200}

// FuzzParseJSON: ParseJSON and Decode never panic, always give a tree or
// report why not, and respect the limits: no tree deeper than MaxNesting
// or larger than MaxNodes comes back.
func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`{"name": "x", "tags": ["a"], "count": 2}`))
	f.Add([]byte(`[[[[[[[[[[1]]]]]]]]]]`))
	f.Add([]byte(`{"lat_deg": 1e999, "name": "a", "name": "b"}`))
	f.Add([]byte(strings.Repeat(`[1,`, 100)))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps Problems
		n := ParseJSON("f", data, smallLimits, &ps)
		if n == nil && ps.Len() == 0 {
			t.Fatalf("ParseJSON(%q) gave no tree and no problem", data)
		}
		if n == nil {
			return
		}
		if d, c := shape(n); d > smallLimits.MaxNesting+1 || c > smallLimits.MaxNodes {
			t.Fatalf("ParseJSON(%q) gave a tree %d deep with %d nodes; limits %+v", data, d, c, smallLimits)
		}
		NewDecoder("f", &ps).Decode(n, &point{}, "")
	})
}

// FuzzParseLimits: Parse (YAML) respects the limits whatever the input,
// aliases included.
func FuzzParseLimits(f *testing.F) {
	f.Add([]byte("a: &a [1, 2]\nb: [*a, *a, *a]\n"))
	f.Add([]byte(strings.Repeat("- ", 20) + "x\n"))
	f.Add([]byte("a:\n  b:\n    c:\n      d: 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps Problems
		n := Parse("f", data, smallLimits, Want{Value: "a mapping", Noun: "point"}, &ps)
		if n == nil {
			return
		}
		if d, c := shape(n); d > smallLimits.MaxNesting+2 || c > smallLimits.MaxNodes+1 {
			t.Fatalf("Parse(%q) gave a tree %d deep with %d nodes; limits %+v", data, d, c, smallLimits)
		}
	})
}

// shape returns a tree's depth and node count.
func shape(n *Node) (depth, count int) {
	if n == nil {
		return 0, 0
	}
	count = 1
	for _, f := range n.Fields {
		d, c := shape(f.Value)
		depth, count = max(depth, d), count+c
	}
	for _, it := range n.Items {
		d, c := shape(it)
		depth, count = max(depth, d), count+c
	}
	return depth + 1, count
}
