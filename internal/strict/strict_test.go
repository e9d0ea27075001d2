package strict

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

type point struct {
	Name   string   `yaml:"name"`
	LatDeg float64  `yaml:"lat_deg"`
	Count  int      `yaml:"count"`
	Tags   []string `yaml:"tags"`
	Az     *float64 `yaml:"azimuth_deg"`
}

func decode(t *testing.T, src string, dst any) []string {
	t.Helper()
	var ps Problems
	n := Parse("f.yaml", []byte(src), DefaultLimits, Want{Value: "a mapping", Noun: "point"}, &ps)
	if n != nil {
		NewDecoder("f.yaml", &ps).Decode(n, dst, "")
	}
	var out []string
	var e *Errors
	if errors.As(ps.Err(), &e) {
		for _, p := range e.Problems {
			out = append(out, p.String())
		}
	}
	return out
}

// TestDecode fills a struct by its tags, resolving anchors and merge keys.
func TestDecode(t *testing.T) {
	var p point
	got := decode(t, "base: &b {name: x, count: 3}\n", &struct {
		Base point `yaml:"base"`
	}{})
	if len(got) != 0 {
		t.Fatalf("problems: %q", got)
	}
	if got := decode(t, "name: a\nlat_deg: 54.5\ncount: 2\ntags: [u, v]\nazimuth_deg: 90\n", &p); len(got) != 0 {
		t.Fatalf("problems: %q", got)
	}
	az := 90.0
	want := point{Name: "a", LatDeg: 54.5, Count: 2, Tags: []string{"u", "v"}, Az: &az}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("decoded %+v, want %+v", p, want)
	}
}

// TestProblems: every problem of a document in one pass, with position,
// path, message, suggestion and allowed names.
func TestProblems(t *testing.T) {
	var p point
	got := decode(t, "name: 12\nlat_dg: 1\ncount: 1.5\ntags: x\nazimuth_deg: .inf\nname: b\n", &p)
	want := []string{
		`f.yaml:1:7: name: want a string, got integer 12; write "12" to mean the string`,
		`f.yaml:2:1: lat_dg: unknown field; did you mean "lat_deg"? allowed: name, lat_deg, count, tags, azimuth_deg`,
		`f.yaml:3:8: count: want an integer, got number 1.5`,
		`f.yaml:4:7: tags: want a list, got string "x"`,
		`f.yaml:5:14: azimuth_deg: want a finite number, got .inf`,
		`f.yaml:6:1: name: field appears more than once; first at line 1`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLimits: an alias bomb and two documents are refused, not expanded.
func TestLimits(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i, prev := 0, "a"; i < 8; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	if got := decode(t, bomb, &map[string]any{}); len(got) == 0 || !strings.Contains(got[0], "expands to more than") {
		t.Errorf("alias bomb: %q", got)
	}
	if got := decode(t, "name: a\n---\nname: b\n", &point{}); len(got) != 1 || !strings.Contains(got[0], "want one point per file") {
		t.Errorf("two documents: %q", got)
	}
}

// TestFieldErrors: validators' errors are placed at their fields.
func TestFieldErrors(t *testing.T) {
	// A plain error is about the value at the prefix; its text is not
	// taken apart even when it reads "word: message".
	err := Prefix("cases[2]", errors.Join(Fieldf("pk", "%g is out of range", 1.5), errors.New("catalog: no entry")))
	var got []string
	for _, fe := range FieldErrors(err) {
		got = append(got, fe.Error())
	}
	want := []string{"cases[2].pk: 1.5 is out of range", "cases[2]: catalog: no entry"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FieldErrors = %q, want %q", got, want)
	}
}

// FuzzParse: Parse and Decode never panic and always either give a tree
// or report why not.
func FuzzParse(f *testing.F) {
	f.Add([]byte("name: a\ncount: 2\n"))
	f.Add([]byte("a: &a {<<: *a}\n"))
	f.Add([]byte(`{"name": "x", "tags": ["a"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps Problems
		n := Parse("f", data, DefaultLimits, Want{Value: "a mapping", Noun: "point"}, &ps)
		if n == nil && ps.Len() == 0 {
			t.Fatalf("Parse(%q) gave no tree and no problem", data)
		}
		if n != nil {
			NewDecoder("f", &ps).Decode(n, &point{}, "")
		}
	})
}

// TestYAML12Floats: the core schema's floats (YAML 1.2, 10.3.2) read as
// numbers though the library reads 1e3 as a string; a quoted one stays a
// string; a leading byte-order mark is not part of the first key.
func TestYAML12Floats(t *testing.T) {
	for src, want := range map[string]float64{
		"lat_deg: 1e3": 1e3, "lat_deg: 1E3": 1e3, "lat_deg: 1e308": 1e308,
		"lat_deg: 5e-324": 5e-324, "lat_deg: -2.5e+2": -250, "\xEF\xBB\xBFlat_deg: 7": 7,
	} {
		var p point
		if got := decode(t, src, &p); len(got) != 0 || p.LatDeg != want {
			t.Errorf("%q: lat_deg %g, problems %q; want %g and none", src, p.LatDeg, got, want)
		}
	}
	var p point
	if got := decode(t, `name: 1e3`, &p); len(got) != 1 || !strings.Contains(got[0], `write "1e3" to mean the string`) {
		t.Errorf("name: 1e3 gave %q, want a want-a-string problem", got)
	}
	if got := decode(t, `name: "1e3"`, &p); len(got) != 0 || p.Name != "1e3" {
		t.Errorf(`name: "1e3" gave %q, %q`, got, p.Name)
	}
	if got := decode(t, `lat_deg: 1e999`, &p); len(got) != 1 || !strings.Contains(got[0], "want a finite number") {
		t.Errorf("lat_deg: 1e999 gave %q, want a finite-number problem", got)
	}
}

// TestControlCharacters: NUL, escape, a right-to-left override and (in a
// name) a new line are refused; a new line in other text is not.
func TestControlCharacters(t *testing.T) {
	for _, src := range []string{"name: \"a\\0b\"", "name: \"a\\x1bb\"", "name: \"a\\u202Eb\"", "name: \"a\\nb\"", "tags: [\"x\\u2066\"]"} {
		var p point
		if got := decode(t, src, &p); len(got) != 1 || !strings.Contains(got[0], "control character") {
			t.Errorf("%s gave %q, want a control-character problem", src, got)
		}
	}
	var v struct {
		Note string `yaml:"note"`
	}
	if got := decode(t, "note: \"line 1\\nline 2\\tx\"", &v); len(got) != 0 {
		t.Errorf("a note with a new line gave %q, want none", got)
	}
}

// TestAliasedProblemOnce: the same problem at the same place under other
// paths (a YAML anchor used through aliases) is reported once, at its
// first use, with the count of the others (the review found one line per
// salvo case that used the anchor).
func TestAliasedProblemOnce(t *testing.T) {
	var ps Problems
	for i := range 3 {
		ps.Add(Problem{File: "f.yaml", Line: 4, Col: 7, Path: IndexPath("cases", i) + ".warheads", Msg: "-1 is out of range"})
	}
	ps.Add(Problem{File: "f.yaml", Line: 4, Col: 7, Path: "cases[0].name", Msg: "another problem"})
	ps.Add(Problem{File: "f.yaml", Path: "run", Msg: "no place"})
	ps.Add(Problem{File: "f.yaml", Path: "run2", Msg: "no place"})
	err := ps.Err().(*Errors)
	if len(err.Problems) != 4 {
		t.Fatalf("%d problems, want 4 (the aliased three as one): %v", len(err.Problems), err)
	}
	if got, want := err.Problems[2].String(), "f.yaml:4:7: cases[0].warheads (and 2 other uses of this anchored value): -1 is out of range"; got != want {
		t.Errorf("aliased problem reads %q, want %q", got, want)
	}
}
