package wta

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

const smallToffolo = `2 3 2
10
20
5
0 0 0.5
0 1 0.3
0 2 0.1
1 0 0.2
1 1 0.6
1 2 0.4
`

const smallYAML = `values: [10, 20, 5]
units: [2, 2]
p:
  - [0.5, 0.3, 0.1]
  - [0.2, 0.6, 0.4]
weapons: [SAM-A, SAM-B]
targets: [t1, t2, t3]
`

func TestReadersAgree(t *testing.T) {
	a, err := ReadToffolo(strings.NewReader(smallToffolo), "small.txt")
	if err != nil {
		t.Fatalf("ReadToffolo: %v", err)
	}
	b, err := ReadYAML(strings.NewReader(smallYAML), "small.yaml")
	if err != nil {
		t.Fatalf("ReadYAML: %v", err)
	}
	if !reflect.DeepEqual(a.P, b.P) || !reflect.DeepEqual(a.Values, b.Values) || !reflect.DeepEqual(a.Units, b.Units) {
		t.Errorf("ReadToffolo = %+v, ReadYAML = %+v; want the same instance", a, b)
	}
	if got := b.TargetNames; !reflect.DeepEqual(got, []string{"t1", "t2", "t3"}) {
		t.Errorf("ReadYAML target names = %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct {
		yaml bool
		in   string
		want string // prefix of the error, with position
	}{
		{false, "", "f:1: file is empty"},
		{false, "2 3\n", "f:1:1: want a header"},
		{false, "0 3 1\n", "f:1:1: number of weapon types"},
		{false, "1 2 1\n5\nx\n0 0 .5\n0 1 .5\n", "f:3:1: value of target 1"},
		{false, "1 2 1\n5\nNaN\n0 0 .5\n0 1 .5\n", "f:3:1: value of target 1"},
		{false, "1 2 1\n5\n6\n0 0 1.5\n0 1 .5\n", "f:4:5: kill probability"},
		{false, "1 2 1\n5\n6\n0 0 .5\n0 0 .5\n", "f:5:1: kill probability of weapon type 0 at target 0 given again (first on line 4)"},
		{false, "1 2 1\n5\n6\n0 0 .5\n0 2 .5\n", "f:5:3: target j"},
		{false, "1 2 1\n5\n6\n0 0 .5\n0 1 .5\n0 1 .5\n", "f:6:1: unexpected line"},
		{false, "1000 1000 1\n5\n", "f:1:1: header promises"},
		{true, "values: [1]\nunits: [1]\np: [[0.5]]\nextra: 1\n", "f:4:1: extra: unknown field; allowed: values, units, p, weapons, targets"},
		{true, "values: [1]\nunits: [1]\n", "f:1:1: p: missing"},
		{true, "values: [1, -2]\nunits: [1]\np: [[0.5, 0.5]]\n", "f:1:13: values[1]: -2 is not in"},
		{true, "values: [1]\nunits: [1.5]\np: [[0.5]]\n", "f:2:9: units[0]: want an integer"},
		{true, "values: [1]\nunits: [1]\np:\n  - [0.5, 0.2]\n", "f:4:5: p[0]: 2 kill probabilities; want one per target (1)"},
		{true, "values: [1]\nunits: [1]\np: [[2]]\n", "f:3:6: p[0][0]: 2 is not in"},
		{true, "values: &a [1]\nunits: *a\np: [[x]]\n", "f:3:6: p[0][0]: want a number, got string \"x\""}, // anchors resolve, as in scenario files
		{true, "values: [1]\nvalues: [1]\n", "f:2:1: values: field appears more than once; first at line 1"},
		{true, "values: [1\n", "f:1:"},
		{true, "- 1\n", "f:1:1: want a mapping"},
	} {
		var err error
		if c.yaml {
			_, err = ReadYAML(strings.NewReader(c.in), "f")
		} else {
			_, err = ReadToffolo(strings.NewReader(c.in), "f")
		}
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("read %q: error %v, want prefix %q", c.in, err, c.want)
		}
	}
}

// FuzzReadToffolo checks that ReadToffolo never panics, returns either a
// valid problem or a *SyntaxError, and that what it reads writes back and
// reads again to the same problem.
func FuzzReadToffolo(f *testing.F) {
	f.Add([]byte(smallToffolo))
	f.Add([]byte("1 1 0\n0\n0 0 1\n"))
	f.Add([]byte("1 2 1\n5\n6\n0 0 .5\n0 0 .5\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadToffolo(bytes.NewReader(data), "f")
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ReadToffolo error %v is not a *SyntaxError", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("ReadToffolo returned an invalid problem: %v", err)
		}
		var buf bytes.Buffer
		if err := WriteToffolo(&buf, p); err != nil {
			t.Fatalf("WriteToffolo: %v", err)
		}
		q, err := ReadToffolo(&buf, "g")
		if err != nil || !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip: %v, %+v != %+v", err, q, p)
		}
	})
}

// FuzzReadYAML checks that ReadYAML never panics and returns either a
// valid problem or a *SyntaxError.
func FuzzReadYAML(f *testing.F) {
	f.Add([]byte(smallYAML))
	f.Add([]byte("values: [1]\nunits: [1]\np: [[0.5]]\n"))
	f.Add([]byte("values: &a [1]\nunits: *a\np: [[0.5]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadYAML(bytes.NewReader(data), "f")
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ReadYAML error %v is not a *SyntaxError", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("ReadYAML returned an invalid problem: %v", err)
		}
	})
}
