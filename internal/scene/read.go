package scene

import (
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/rampart-sim/rampart/internal/strict"
)

// maxFileBytes bounds what Read takes in. A long run's scene is tens of
// megabytes (a few hundred tracks of a few thousand samples); the bound
// keeps a wrong file (a video, a disk image) from exhausting memory.
const maxFileBytes = 1 << 30

// limits are those of the strict reader for a scene: the size above, the
// nesting of the schema (a ring's pair is four levels deep) with room to
// spare, and a value count no real scene approaches (a value per byte).
var limits = strict.Limits{MaxBytes: maxFileBytes, MaxNesting: 16, MaxNodes: maxFileBytes}

// required lists, per type, the fields a scene file must write: those
// without omitempty in scene.go, except the lists, which may be absent
// (read as empty), and the scene's name and question.
var required = map[reflect.Type][]string{
	reflect.TypeFor[Scene]():     {"version", "epoch"},
	reflect.TypeFor[Site]():      {"name", "kind", "lat_deg", "lon_deg", "alt_m"},
	reflect.TypeFor[Track]():     {"name", "kind", "points"},
	reflect.TypeFor[Sample]():    {"t_s", "lat_deg", "lon_deg", "alt_m"},
	reflect.TypeFor[Area]():      {"name", "kind", "alt_m", "ring"},
	reflect.TypeFor[Intercept](): {"threat", "interceptor", "site", "t_s", "lat_deg", "lon_deg", "alt_m", "outcome"},
}

// Read reads and validates a scene.json document. file names the input in
// errors. The reader is strict: unknown, repeated or missing required
// fields, values of the wrong type and trailing data are errors. It goes
// through the project's one strict decoder (internal/strict) and reports
// every problem the file has, each an *Error naming file, field path and
// file:line:col (joined with errors.Join when there are several); the
// scene returned passes Validate. Lists that are absent or null read as
// empty, never nil.
func Read(r io.Reader, file string) (*Scene, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, &Error{File: file, Msg: fmt.Sprintf("read: %v", err)}
	}
	ps := &strict.Problems{}
	root := strict.ParseJSON(file, data, limits, ps)
	s := &Scene{}
	if root != nil {
		d := strict.NewDecoder(file, ps)
		d.Required = required
		d.Pos = nil // Validate names paths, not positions
		strict.On(d, readPair)
		d.Decode(root, s, "")
	}
	if err := ps.Err(); err != nil {
		return nil, asErrors(err)
	}
	s.normalize()
	if err := s.Validate(file); err != nil {
		return nil, err
	}
	return s, nil
}

// readPair reads a ring's [lat_deg, lon_deg] pair.
func readPair(d *strict.Decoder, n *strict.Node, v *[2]float64, path string) {
	if n.Kind != strict.List || len(n.Items) != 2 {
		what := n.Describe()
		if n.Kind == strict.List {
			what = fmt.Sprintf("%d numbers", len(n.Items))
		}
		d.Fail(n, path, "want a [lat_deg, lon_deg] pair, got %s", what)
		return
	}
	for i, item := range n.Items {
		d.Value(item, reflect.ValueOf(&v[i]).Elem(), strict.IndexPath(path, i))
	}
}

// asErrors turns the strict reader's problems into this package's *Error.
func asErrors(err error) error {
	var se *strict.Errors
	if !errors.As(err, &se) {
		return &Error{Msg: err.Error()}
	}
	out := make([]error, 0, len(se.Problems)+1)
	for _, p := range se.Problems {
		out = append(out, &Error{File: p.File, Line: p.Line, Col: p.Col, Path: p.Path, Msg: p.Text()})
	}
	if se.Omitted > 0 {
		out = append(out, &Error{File: se.Problems[0].File, Msg: fmt.Sprintf("and %d more problems", se.Omitted)})
	}
	if len(out) == 1 {
		return out[0]
	}
	return errors.Join(out...)
}
