package wta

import (
	"errors"
	"fmt"
	"io"

	"github.com/rampart-sim/rampart/internal/strict"
)

// yamlInstance is the YAML format, field by field.
type yamlInstance struct {
	Values  []float64   `yaml:"values"`  // w_j, one per target
	Units   []int       `yaml:"units"`   // μ_i, one per weapon type
	P       [][]float64 `yaml:"p"`       // p_ij
	Weapons []yamlName  `yaml:"weapons"` // optional names of the weapon types
	Targets []yamlName  `yaml:"targets"` // optional names of the targets
}

// yamlName is a weapon or target name: a string, or a bare number or
// boolean read as written.
type yamlName string

// maxYAMLNesting bounds how deeply collections may nest in a YAML file. The
// format nests two levels (p is a list of lists).
const maxYAMLNesting = 8

// yamlLimits admit the largest instance (MaxPairs kill probabilities).
var yamlLimits = strict.Limits{MaxBytes: MaxFileSize, MaxNesting: maxYAMLNesting, MaxNodes: MaxPairs + 4*maxYAMLNesting + 2*MaxUnits}

// ReadYAML reads an instance in YAML:
//
//	values: [10, 20, 5]        # w_j, one per target
//	units: [2, 1]              # μ_i, one per weapon type
//	p:                         # p_ij: one row per weapon type, one column per target
//	  - [0.5, 0.3, 0.1]
//	  - [0.2, 0.6, 0.4]
//	weapons: [SAM-A, SAM-B]    # optional names of the weapon types
//	targets: [t1, t2, t3]      # optional names of the targets
//
// The reader is strict (package strict): unknown or repeated fields and
// values of the wrong type or out of range are errors, all reported in one
// pass. The error joins one *SyntaxError per problem, each naming file,
// line, column and field. The problem returned is valid.
func ReadYAML(r io.Reader, file string) (*Problem, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var ps strict.Problems
	root := strict.Parse(file, data, yamlLimits, strict.Want{Value: "a mapping with fields values, units and p", Noun: "instance"}, &ps)
	if root == nil {
		return nil, syntaxErrors(&ps)
	}
	d := strict.NewDecoder(file, &ps)
	strict.On(d, func(d *strict.Decoder, n *strict.Node, v *yamlName, path string) {
		if n.Kind != strict.Scalar {
			d.Fail(n, path, "want a name, got %s", n.Describe())
			return
		}
		*v = yamlName(n.Text) // a bare number is a fine name
	})
	var in yamlInstance
	d.Decode(root, &in, "")
	if ps.Len() > 0 {
		return nil, syntaxErrors(&ps)
	}
	p := in.check(d)
	if ps.Len() > 0 {
		return nil, syntaxErrors(&ps)
	}
	return p, nil
}

// check reports missing fields, shapes and ranges, then the problem's own
// validation, and returns the problem.
func (in *yamlInstance) check(d *strict.Decoder) *Problem {
	for _, f := range []struct{ name, want string }{
		{"values", "one value per target"},
		{"units", "one count per weapon type"},
		{"p", "one row of kill probabilities per weapon type"},
	} {
		if _, ok := d.Pos[f.name]; !ok {
			d.Problemf(d.PosOf(""), f.name, "missing; want %s", f.want)
		}
	}
	if d.Problems.Len() > 0 {
		return nil
	}
	for j, v := range in.Values {
		if !(v >= 0 && v <= MaxValue) {
			at := strict.IndexPath("values", j)
			d.Problemf(d.PosOf(at), at, "%g is not in [0, %g]", v, float64(MaxValue))
		}
	}
	for i, u := range in.Units {
		if u < 0 || u > MaxUnits {
			at := strict.IndexPath("units", i)
			d.Problemf(d.PosOf(at), at, "%d is not an integer in [0, %d]", u, MaxUnits)
		}
	}
	m, n := len(in.Units), len(in.Values)
	switch {
	case n == 0:
		d.Problemf(d.PosOf("values"), "values", "empty; want one value per target")
	case m == 0:
		d.Problemf(d.PosOf("units"), "units", "empty; want one count per weapon type")
	case m > MaxPairs/n:
		d.Problemf(d.PosOf("units"), "units", "%d weapon types × %d targets exceeds the limit of %d pairs", m, n, MaxPairs)
	case len(in.P) != m:
		d.Problemf(d.PosOf("p"), "p", "%d rows; want one per weapon type (%d)", len(in.P), m)
	}
	if d.Problems.Len() > 0 {
		return nil
	}
	for i, row := range in.P {
		at := strict.IndexPath("p", i)
		if len(row) != n {
			d.Problemf(d.PosOf(at), at, "%d kill probabilities; want one per target (%d)", len(row), n)
			continue
		}
		for j, x := range row {
			if !(x >= 0 && x <= 1) {
				at := strict.IndexPath(at, j)
				d.Problemf(d.PosOf(at), at, "%g is not in [0, 1]", x)
			}
		}
	}
	for _, names := range []struct {
		field string
		got   []yamlName
		want  int
	}{{"weapons", in.Weapons, m}, {"targets", in.Targets, n}} {
		if names.got != nil && len(names.got) != names.want {
			d.Problemf(d.PosOf(names.field), names.field, "%d names; want %d", len(names.got), names.want)
		}
	}
	if d.Problems.Len() > 0 {
		return nil
	}
	p := &Problem{Values: in.Values, Units: in.Units, P: in.P,
		WeaponNames: strict.Strings(in.Weapons), TargetNames: strict.Strings(in.Targets)}
	if len(in.Weapons) == 0 {
		p.WeaponNames = nil
	}
	if len(in.Targets) == 0 {
		p.TargetNames = nil
	}
	if err := p.Validate(); err != nil {
		d.Place("", err)
		return nil
	}
	return p
}

// syntaxErrors returns the problems as joined *SyntaxErrors.
func syntaxErrors(ps *strict.Problems) error {
	var e *strict.Errors
	if !errors.As(ps.Err(), &e) {
		return nil
	}
	var out []error
	for _, p := range e.Problems {
		msg := p.Text()
		if p.Path != "" {
			msg = p.Path + ": " + msg
		}
		out = append(out, &SyntaxError{File: p.File, Line: p.Line, Col: p.Col, Msg: msg})
	}
	if e.Omitted > 0 {
		out = append(out, &SyntaxError{File: e.Problems[0].File, Msg: fmt.Sprintf("... and %d more problems", e.Omitted)})
	}
	return errors.Join(out...)
}
