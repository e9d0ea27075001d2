package study

import (
	"errors"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
)

// decode parses a scenario file text and decodes its analysis section.
func decode(t *testing.T, text string) (Study, error) {
	t.Helper()
	s, err := scenario.Parse("test.yaml", []byte(text))
	if err != nil {
		return nil, err
	}
	return Decode(s)
}

// TestDecodeProblemsAtTheirFields: unknown fields, wrong types and
// failed validation are each reported at their line and field, with the
// allowed values, and all at once.
func TestDecodeProblemsAtTheirFields(t *testing.T) {
	text := `name: bad
analysis:
  kind: salvo
  interceptors: [0, 10]
  max_leakrs: 1
  cases:
    - {name: a, doctrine: volley, warheads: 10, interceptors: 5, pk: 0.5, shots_per_look: 1}
    - {name: b, doctrine: barrage, warheads: ten, interceptors: 5, pk: 0.5, shots_per_look: 1}
`
	_, err := decode(t, text)
	var bad *scenario.Errors
	if !errors.As(err, &bad) {
		t.Fatalf("error = %v, want *scenario.Errors", err)
	}
	got := err.Error()
	for _, want := range []string{
		`test.yaml:5:3: analysis.max_leakrs: unknown field; did you mean "max_leakers"?`,
		`test.yaml:8:`, `analysis.cases[1].warheads: want an integer, got string "ten"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	// Validation runs once decoding is clean; its problems carry positions too.
	text = strings.Replace(strings.Replace(text, "max_leakrs", "max_leakers", 1), "warheads: ten", "warheads: 10", 1)
	_, err = decode(t, text)
	if err == nil || !strings.Contains(err.Error(), "test.yaml:7:") || !strings.Contains(err.Error(), "analysis.cases[0].doctrine") || !strings.Contains(err.Error(), "barrage") {
		t.Errorf("validation problem = %v, want it at line 7, analysis.cases[0].doctrine, naming the allowed doctrines", err)
	}
}

func TestDecodeKind(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"name: x\nanalysis: {kind: sweep}\n", `"sweep" is not allowed`},
		{"name: x\nanalysis: {families: []}\n", "analysis.kind: missing; allowed: battlespace, reach"},
		{"name: x\nanalysis: [1, 2]\n", "want a mapping with a kind field"},
	} {
		_, err := decode(t, tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error = %v, want %q", tc.text, err, tc.want)
		}
	}
}

// TestDecodeLibrary: every library analysis decodes and validates.
func TestDecodeLibrary(t *testing.T) {
	n := 0
	for _, s := range scenario.Library() {
		st, err := Decode(s)
		if err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
		if st != nil {
			n++
		}
	}
	if n < 7 {
		t.Errorf("%d library scenarios have an analysis, want at least 7", n)
	}
}

// TestMarshalDocument: the common fields come first, then the results,
// in one object.
func TestMarshalDocument(t *testing.T) {
	b, err := MarshalDocument(Document{Scenario: "x", Kind: "salvo", Headline: Headline{Value: 1}}, struct {
		Cases []int `json:"cases"`
	}{[]int{1}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.HasPrefix(s, "{\n  \"scenario\": \"x\"") || !strings.Contains(s, "\"assumptions\": [],") || !strings.HasSuffix(s, "\"cases\": [\n    1\n  ]\n}\n") {
		t.Errorf("document:\n%s", s)
	}
}

// FuzzDecode: any file either decodes or gives problems; it never panics.
func FuzzDecode(f *testing.F) {
	for _, s := range scenario.Library() {
		if s.Analysis != nil {
			f.Add("name: fuzz\nanalysis:\n  kind: " + s.Analysis.Kind + "\n")
		}
	}
	f.Add("name: x\nanalysis:\n  kind: salvo\n  interceptors: [0, 1]\n  cases: [{name: a, doctrine: barrage, warheads: 1, pk: 0.5, shots_per_look: 1}]\n")
	f.Add("name: x\nanalysis:\n  kind: reach\n  missiles: [Iskander-M]\n  sites: [{place: Kaliningrad}]\n  focus: [Warsaw]\n  ring_points: 1e400\n")
	f.Add("name: x\nanalysis: &a\n  kind: rotation\n  deployments: *a\n")
	f.Fuzz(func(t *testing.T, text string) {
		s, err := scenario.Parse("fuzz.yaml", []byte(text))
		if err != nil {
			return
		}
		_, err = Decode(s)
		var bad *scenario.Errors
		if err != nil && !errors.As(err, &bad) {
			t.Fatalf("error is not *scenario.Errors: %v", err)
		}
	})
}
