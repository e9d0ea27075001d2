package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Update, set by go test -update, rewrites the golden files instead of
// comparing with them.
var Update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// MaxArray is the longest array a golden file holds whole.
const MaxArray = 8

// thinnedSamples is the number of interior elements kept of a thinned array.
const thinnedSamples = 3

// maxShown is the number of differences a failure lists.
const maxShown = 25

// Tolerance is how far a number may be from its golden value: within Rel
// of it relatively, or within Abs absolutely (for values near zero).
type Tolerance struct {
	Rel, Abs float64
}

// JSON compares the JSON document got with the golden file at path, or
// rewrites the file under -update.
func JSON(t testing.TB, path string, got []byte, tol Tolerance) {
	t.Helper()
	var g any
	if err := unmarshal(got, &g); err != nil {
		t.Fatalf("the document is not JSON: %v", err)
	}
	if *Update {
		b, err := json.MarshalIndent(Thin(g), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with go test -update)", err)
	}
	var w any
	if err := unmarshal(data, &w); err != nil {
		t.Fatalf("golden file %s: %v", path, err)
	}
	if diffs := Diff(w, g, tol); len(diffs) > 0 {
		shown := diffs[:min(len(diffs), maxShown)]
		more := ""
		if len(diffs) > maxShown {
			more = fmt.Sprintf("\n  … and %d more", len(diffs)-maxShown)
		}
		t.Errorf("%d differences from %s (relative tolerance %g, absolute %g):\n  %s%s\nIf the change is intended, rerun with -update and review the diff of the golden file.",
			len(diffs), path, tol.Rel, tol.Abs, strings.Join(shown, "\n  "), more)
	}
}

func unmarshal(data []byte, v *any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

// Thin returns v with every array longer than MaxArray replaced by its
// thinned form.
func Thin(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Thin(e)
		}
		return out
	case []any:
		if len(x) <= MaxArray {
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = Thin(e)
			}
			return out
		}
		at := map[string]any{}
		for _, i := range sampleIndices(len(x)) {
			at[strconv.Itoa(i)] = Thin(x[i])
		}
		return map[string]any{"golden_thinned": len(x), "at": at}
	}
	return v
}

// sampleIndices are the indices kept of an array of length n.
func sampleIndices(n int) []int {
	idx := []int{0, n - 1}
	for k := 1; k <= thinnedSamples; k++ {
		idx = append(idx, k*(n-1)/(thinnedSamples+1))
	}
	slices.Sort(idx)
	return slices.Compact(idx)
}

// Diff lists the differences between the golden value want and got, one
// line each, by path.
func Diff(want, got any, tol Tolerance) []string {
	var d []string
	diff(&d, "", want, got, tol)
	return d
}

func diff(d *[]string, path string, want, got any, tol Tolerance) {
	at := path
	if at == "" {
		at = "(document)"
	}
	switch w := want.(type) {
	case map[string]any:
		if n, ok := w["golden_thinned"]; ok && len(w) == 2 {
			diffThinned(d, path, at, n, w["at"], got, tol)
			return
		}
		g, ok := got.(map[string]any)
		if !ok {
			*d = append(*d, fmt.Sprintf("%s: want an object, got %s", at, describe(got)))
			return
		}
		for _, k := range sortedKeys(w) {
			gv, ok := g[k]
			if !ok {
				*d = append(*d, fmt.Sprintf("%s: missing", join(path, k)))
				continue
			}
			if k == VersionKey {
				diffVersion(d, join(path, k), w[k], gv)
				continue
			}
			diff(d, join(path, k), w[k], gv, tol)
		}
		for _, k := range sortedKeys(g) {
			if _, ok := w[k]; !ok {
				*d = append(*d, fmt.Sprintf("%s: not in the golden file (got %s)", join(path, k), describe(g[k])))
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			*d = append(*d, fmt.Sprintf("%s: want an array, got %s", at, describe(got)))
			return
		}
		if len(g) != len(w) {
			*d = append(*d, fmt.Sprintf("%s: want %d elements, got %d", at, len(w), len(g)))
			return
		}
		for i := range w {
			diff(d, fmt.Sprintf("%s[%d]", path, i), w[i], g[i], tol)
		}
	case json.Number:
		g, ok := got.(json.Number)
		if !ok {
			*d = append(*d, fmt.Sprintf("%s: want %s, got %s", at, w, describe(got)))
			return
		}
		wf, err1 := w.Float64()
		gf, err2 := g.Float64()
		if err1 != nil || err2 != nil || !Close(wf, gf, tol) {
			*d = append(*d, fmt.Sprintf("%s: want %s, got %s (relative difference %.2g)", at, w, g, relDiff(wf, gf)))
		}
	default:
		if fmt.Sprint(want) != fmt.Sprint(got) || describeKind(want) != describeKind(got) {
			*d = append(*d, fmt.Sprintf("%s: want %s, got %s", at, describe(want), describe(got)))
		}
	}
}

// VersionKey is the field that names the rampart build that wrote a
// document (package provenance). Its value changes with every commit and
// Go release, not with the results, so the comparison asks only that both
// documents have it as a non-empty string.
const VersionKey = "rampart_version"

func diffVersion(d *[]string, at string, want, got any) {
	w, _ := want.(string)
	g, _ := got.(string)
	if w == "" || g == "" {
		*d = append(*d, fmt.Sprintf("%s: want a version string, got %s (golden %s)", at, describe(got), describe(want)))
	}
}

func diffThinned(d *[]string, path, at string, n, samples, got any, tol Tolerance) {
	g, ok := got.([]any)
	if !ok {
		*d = append(*d, fmt.Sprintf("%s: want an array, got %s", at, describe(got)))
		return
	}
	num, _ := n.(json.Number)
	length, err := num.Int64()
	if err != nil {
		*d = append(*d, fmt.Sprintf("%s: bad golden_thinned length %v", at, n))
		return
	}
	if int64(len(g)) != length {
		*d = append(*d, fmt.Sprintf("%s: want %d elements, got %d", at, length, len(g)))
		return
	}
	m, _ := samples.(map[string]any)
	for _, k := range sortedKeys(m) {
		i, err := strconv.Atoi(k)
		if err != nil || i < 0 || i >= len(g) {
			*d = append(*d, fmt.Sprintf("%s: bad golden sample index %q", at, k))
			continue
		}
		diff(d, fmt.Sprintf("%s[%d]", path, i), m[k], g[i], tol)
	}
}

// Close reports whether got is within tol of want.
func Close(want, got float64, tol Tolerance) bool {
	if want == got {
		return true
	}
	diff := math.Abs(want - got)
	return diff <= tol.Abs || diff <= tol.Rel*math.Max(math.Abs(want), math.Abs(got))
}

func relDiff(a, b float64) float64 {
	m := math.Max(math.Abs(a), math.Abs(b))
	if m == 0 {
		return 0
	}
	return math.Abs(a-b) / m
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Sample indices sort as numbers, keys as strings.
	slices.SortFunc(keys, func(a, b string) int {
		ai, ea := strconv.Atoi(a)
		bi, eb := strconv.Atoi(b)
		if ea == nil && eb == nil {
			return ai - bi
		}
		return strings.Compare(a, b)
	})
	return keys
}

func describeKind(v any) string { return fmt.Sprintf("%T", v) }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case map[string]any:
		return fmt.Sprintf("an object of %d keys", len(x))
	case []any:
		return fmt.Sprintf("an array of %d elements", len(x))
	}
	return fmt.Sprint(v)
}
