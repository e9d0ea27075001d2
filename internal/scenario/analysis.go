package scenario

import (
	"errors"
	"reflect"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/internal/strict"
)

// Analysis is a scenario's analysis section: what `rampart run` computes
// instead of the engine's Monte Carlo. Kind names the analysis; Body holds
// the section, decoded later into the analysis's own input type with
// DecodeAnalysis, which knows nothing of the types it fills (package study
// defines them, with the table of kinds that checks Kind).
type Analysis struct {
	Kind string
	Body *strict.Node // the analysis mapping, kind included
}

// analysisKinds are the kinds the decoder accepts, registered by the
// package that runs them (study registers every kind of its table).
var analysisKinds []string

// RegisterAnalysisKind makes name a kind the decoder accepts in an
// analysis section, so that a bad kind is reported with the file's other
// problems. With no kind registered (scenario used without study) any kind
// is kept for the caller to check.
func RegisterAnalysisKind(name string) { analysisKinds = append(analysisKinds, name) }

// decodeAnalysis keeps the analysis section as a Node tree and reads its
// kind.
func decodeAnalysis(d *strict.Decoder, n *strict.Node, a *Analysis, path string) {
	if n.Kind != strict.Map {
		d.Fail(n, path, "want a mapping with a kind field, got %s", n.Describe())
		return
	}
	*a = Analysis{Body: n}
	kp := joinPath(path, "kind")
	k := n.Field("kind")
	switch {
	case k == nil:
		if len(analysisKinds) > 0 {
			d.Fail(n, kp, "%s", hint("missing", "", strings.Join(analysisKinds, ", ")))
		}
	case !k.IsString():
		d.Pos[kp] = k.Pos
		d.Fail(k, kp, "want the kind of analysis, a string, got %s", k.Describe())
	default:
		d.Pos[kp] = k.Pos
		a.Kind = k.Text
		if len(analysisKinds) > 0 && !slices.Contains(analysisKinds, a.Kind) {
			d.Fail(k, kp, "%s", notAllowed(a.Kind, analysisKinds))
		}
	}
}

// Validator is an analysis input that checks itself. Its error joins
// (errors.Join) one *strict.FieldError per problem, each naming its field
// relative to the analysis section (for example "families[0].missile").
type Validator interface {
	Validate() error
}

// DecodeAnalysis fills dst, a pointer to a struct, from the analysis
// section, strictly (package strict): fields are matched to dst's tags,
// unknown fields, missing values and values of the wrong type are problems,
// and the field named kind is skipped. If dst is a Validator its Validate
// runs next, and each problem it reports is placed at its field in the
// file. It returns nil or an *Errors holding every problem.
func (s *Scenario) DecodeAnalysis(dst any) error {
	if s.Analysis == nil || s.Analysis.Body == nil {
		return errors.New("scenario has no analysis section")
	}
	const root = "analysis"
	var ps problems
	d := strict.NewDecoder(s.File, &ps)
	d.Pos[root] = s.Analysis.Body.Pos
	d.Struct(s.Analysis.Body, reflect.ValueOf(dst).Elem(), root, strict.StructOptions{Skip: []string{"kind"}})
	if ps.Len() == 0 {
		if val, ok := dst.(Validator); ok {
			d.Place(root, val.Validate())
		}
	}
	return ps.Err()
}

// KindProblem returns the problem of an analysis kind outside allowed,
// placed at the kind field.
func (s *Scenario) KindProblem(allowed []string) error {
	const kp = "analysis.kind"
	msg := notAllowed(s.Analysis.Kind, allowed)
	if s.Analysis.Kind == "" {
		msg = hint("missing", "", strings.Join(allowed, ", "))
	}
	return &Errors{Problems: []Problem{s.Problemf(kp, "%s", msg)}}
}
