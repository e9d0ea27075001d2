package golden

import (
	"encoding/json"
	"strings"
	"testing"
)

func parse(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

var tol = Tolerance{Rel: 1e-6, Abs: 1e-9}

func TestDiffFindsEachDifferenceByPath(t *testing.T) {
	want := parse(t, `{"a":1.0,"b":[1,2,{"c":"x"}],"d":true,"e":null,"gone":1}`)
	got := parse(t, `{"a":1.0000000001,"b":[1,3,{"c":"y"}],"d":"true","e":null,"new":2}`)
	d := Diff(want, got, tol)
	joined := strings.Join(d, "\n")
	for _, s := range []string{"b[1]: want 2, got 3", `b[2].c: want "x", got "y"`, `d: want true, got "true"`, "gone: missing", "new: not in the golden file"} {
		if !strings.Contains(joined, s) {
			t.Errorf("diff lacks %q:\n%s", s, joined)
		}
	}
	if strings.Contains(joined, "a:") {
		t.Errorf("a is within tolerance but was reported:\n%s", joined)
	}
	if len(d) != 5 {
		t.Errorf("%d differences, want 5:\n%s", len(d), joined)
	}
}

func TestThinnedArraysAreCheckedAtTheirSamples(t *testing.T) {
	arr := make([]any, 21)
	for i := range arr {
		arr[i] = json.Number(strings.Repeat("1", 1+i%3))
	}
	thin := Thin(map[string]any{"pts": arr})
	b, _ := json.Marshal(thin)
	if !strings.Contains(string(b), `"golden_thinned":21`) || strings.Count(string(b), ":") > 12 {
		t.Fatalf("thinned form: %s", b)
	}
	w := parse(t, string(b))
	if d := Diff(w, map[string]any{"pts": arr}, tol); len(d) != 0 {
		t.Errorf("the array differs from its own thinned form: %v", d)
	}
	changed := append([]any(nil), arr...)
	changed[20] = json.Number("7")
	if d := Diff(w, map[string]any{"pts": changed}, tol); len(d) != 1 || !strings.Contains(d[0], "pts[20]") {
		t.Errorf("a change at the last point: %v", d)
	}
	if d := Diff(w, map[string]any{"pts": arr[:20]}, tol); len(d) != 1 || !strings.Contains(d[0], "want 21 elements, got 20") {
		t.Errorf("a shorter array: %v", d)
	}
}

func TestClose(t *testing.T) {
	for _, c := range []struct {
		a, b float64
		ok   bool
	}{{1, 1 + 5e-7, true}, {1, 1 + 2e-6, false}, {0, 5e-10, true}, {0, 1e-8, false}, {-3e5, -3.000001e5, true}} {
		if Close(c.a, c.b, tol) != c.ok {
			t.Errorf("Close(%g, %g) = %v", c.a, c.b, !c.ok)
		}
	}
}

// TestVersionValueIsNotCompared: a document from another build (another
// commit or Go release) matches its golden file; a missing or empty
// version does not.
func TestVersionValueIsNotCompared(t *testing.T) {
	want := parse(t, `{"rampart_version":"(devel) go1.26.8","seed":1}`)
	if d := Diff(want, parse(t, `{"rampart_version":"v1.0.0 revision abc go1.27.0","seed":1}`), tol); len(d) != 0 {
		t.Errorf("another build's version differs: %v", d)
	}
	for _, bad := range []string{`{"seed":1}`, `{"rampart_version":"","seed":1}`, `{"rampart_version":7,"seed":1}`} {
		if d := Diff(want, parse(t, bad), tol); len(d) != 1 || !strings.HasPrefix(d[0], "rampart_version:") {
			t.Errorf("Diff(golden, %s) = %v, want one rampart_version difference", bad, d)
		}
	}
}
