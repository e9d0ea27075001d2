package wta

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// yamlFields are the fields of the YAML format, in documented order.
var yamlFields = []string{"values", "units", "p", "weapons", "targets"}

// maxYAMLNesting bounds how deeply collections may nest in a YAML file. The
// format nests two levels (p is a list of lists); the bound keeps the
// recursive parser's stack small whatever the input.
const maxYAMLNesting = 8

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
// The reader is strict: unknown or repeated fields, anchors, aliases, tags
// and values of the wrong type are errors. Errors are *SyntaxError values
// naming file, line and column. The problem returned is valid.
func ReadYAML(r io.Reader, file string) (p *Problem, err error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	defer func() {
		// The YAML library is third-party code fed hostile input: a panic
		// in it must be a reported error, not a crash.
		if r := recover(); r != nil {
			p, err = nil, &SyntaxError{File: file, Msg: fmt.Sprintf("internal error reading YAML: %v", r)}
		}
	}()
	y := &yamlReader{file: file}
	p = y.read(data)
	if y.err != nil {
		return nil, y.err
	}
	return p, nil
}

type yamlReader struct {
	file string
	err  *SyntaxError // the first problem
}

func (y *yamlReader) fail(n ast.Node, format string, a ...any) {
	if y.err != nil {
		return
	}
	y.err = &SyntaxError{File: y.file, Msg: fmt.Sprintf(format, a...)}
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			y.err.Line, y.err.Col = tk.Position.Line, tk.Position.Column
		}
	}
}

func (y *yamlReader) read(data []byte) *Problem {
	tokens := lexer.Tokenize(string(data))
	depth := 0
	for _, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			depth++
		case token.SequenceEndType, token.MappingEndType:
			depth--
		}
		// Block collections nest by indentation: bound the column too.
		deep := depth > maxYAMLNesting
		if tk.Position != nil && tk.Position.Column > 4*maxYAMLNesting && (tk.Type == token.SequenceEntryType || tk.Type == token.MappingValueType) {
			deep = true
		}
		if deep {
			y.err = &SyntaxError{File: y.file, Msg: fmt.Sprintf("collections nest too deeply; the format nests %d levels", 2)}
			if tk.Position != nil {
				y.err.Line, y.err.Col = tk.Position.Line, tk.Position.Column
			}
			return nil
		}
	}
	f, err := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		y.err = &SyntaxError{File: y.file, Msg: "YAML syntax: " + err.Error()}
		if te, ok := err.(interface {
			GetToken() *token.Token
			GetMessage() string
		}); ok {
			y.err.Msg = "YAML syntax: " + te.GetMessage()
			if tk := te.GetToken(); tk != nil && tk.Position != nil {
				y.err.Line, y.err.Col = tk.Position.Line, tk.Position.Column
			}
		}
		return nil
	}
	var body ast.Node
	docs := 0
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if docs++; docs == 1 {
				body = d.Body
			} else {
				y.fail(d.Body, "file holds more than one YAML document")
				return nil
			}
		}
	}
	if body == nil {
		y.err = &SyntaxError{File: y.file, Line: 1, Msg: "file holds no YAML document; want a mapping with fields values, units and p"}
		return nil
	}
	top, ok := body.(*ast.MappingNode)
	if !ok {
		if mv, ok1 := body.(*ast.MappingValueNode); ok1 {
			top = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
		} else {
			y.fail(body, "want a mapping with fields values, units and p, found %s", kind(body))
			return nil
		}
	}
	fields := map[string]ast.Node{}
	var firstKey ast.Node
	for _, mv := range top.Values {
		key, ok := mv.Key.(*ast.StringNode)
		if !ok {
			y.fail(mv.Key, "want a field name, found %s", kind(mv.Key))
			return nil
		}
		if firstKey == nil {
			firstKey = key
		}
		if !isField(key.Value) {
			y.fail(key, "unknown field %q; allowed: values, units, p, weapons, targets", key.Value)
			return nil
		}
		if _, dup := fields[key.Value]; dup {
			y.fail(key, "field %q given twice", key.Value)
			return nil
		}
		fields[key.Value] = mv.Value
	}
	for _, name := range yamlFields[:3] {
		if fields[name] == nil {
			y.fail(firstKey, "missing field %q", name)
			return nil
		}
	}
	p := &Problem{}
	values := y.seq(fields["values"], "values")
	for j, n := range values {
		p.Values = append(p.Values, y.number(n, fmt.Sprintf("values[%d]", j), 0, math.MaxFloat64))
	}
	units := y.seq(fields["units"], "units")
	for i, n := range units {
		p.Units = append(p.Units, y.integer(n, fmt.Sprintf("units[%d]", i), 0, MaxUnits))
	}
	if y.err == nil && len(values) == 0 {
		y.fail(fields["values"], "values is empty; want one value per target")
	}
	if y.err == nil && len(units) == 0 {
		y.fail(fields["units"], "units is empty; want one count per weapon type")
	}
	if y.err == nil && len(units) > MaxPairs/len(values) {
		y.fail(fields["units"], "%d weapon types × %d targets exceeds the limit of %d pairs", len(units), len(values), MaxPairs)
	}
	rows := y.seq(fields["p"], "p")
	if y.err == nil && len(rows) != len(units) {
		y.fail(fields["p"], "p has %d rows; want one per weapon type (%d)", len(rows), len(units))
	}
	for i, r := range rows {
		cols := y.seq(r, fmt.Sprintf("p[%d]", i))
		if y.err == nil && len(cols) != len(values) {
			y.fail(r, "p[%d] has %d kill probabilities; want one per target (%d)", i, len(cols), len(values))
		}
		if y.err != nil {
			return nil
		}
		row := make([]float64, len(cols))
		for j, n := range cols {
			row[j] = y.number(n, fmt.Sprintf("p[%d][%d]", i, j), 0, 1)
		}
		p.P = append(p.P, row)
	}
	p.WeaponNames = y.names(fields["weapons"], "weapons", len(units))
	p.TargetNames = y.names(fields["targets"], "targets", len(values))
	if y.err != nil {
		return nil
	}
	if err := p.Validate(); err != nil {
		y.fail(top, "%v", err)
		return nil
	}
	return p
}

func isField(s string) bool {
	for _, f := range yamlFields {
		if s == f {
			return true
		}
	}
	return false
}

// kind names a node's type for error messages.
func kind(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.AnchorNode, *ast.AliasNode:
		return "an anchor or alias (not supported)"
	case *ast.TagNode:
		return "a tagged value (not supported)"
	case *ast.NullNode, nil:
		return "nothing"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	}
	return "a scalar"
}

func (y *yamlReader) seq(n ast.Node, path string) []ast.Node {
	if y.err != nil {
		return nil
	}
	s, ok := n.(*ast.SequenceNode)
	if !ok {
		y.fail(n, "%s: want a list, found %s", path, kind(n))
		return nil
	}
	return s.Values
}

func (y *yamlReader) number(n ast.Node, path string, lo, hi float64) float64 {
	if y.err != nil {
		return 0
	}
	var v float64
	switch n := n.(type) {
	case *ast.IntegerNode:
		v, _ = strconv.ParseFloat(n.GetToken().Value, 64)
		if i, ok := n.Value.(int64); ok {
			v = float64(i)
		} else if u, ok := n.Value.(uint64); ok {
			v = float64(u)
		}
	case *ast.FloatNode:
		v = n.Value
	default:
		y.fail(n, "%s: want a number in [%g, %g], found %s", path, lo, hi, kind(n))
		return 0
	}
	if !(v >= lo && v <= hi) {
		y.fail(n, "%s: %g is not in [%g, %g]", path, v, lo, hi)
	}
	return v
}

func (y *yamlReader) integer(n ast.Node, path string, lo, hi int) int {
	if y.err != nil {
		return 0
	}
	in, ok := n.(*ast.IntegerNode)
	if !ok {
		y.fail(n, "%s: want an integer in [%d, %d], found %s", path, lo, hi, kind(n))
		return 0
	}
	var v int64
	switch x := in.Value.(type) {
	case int64:
		v = x
	case uint64:
		v = math.MaxInt64
		if x <= math.MaxInt64 {
			v = int64(x)
		}
	}
	if v < int64(lo) || v > int64(hi) {
		y.fail(n, "%s: %s is not an integer in [%d, %d]", path, in.GetToken().Value, lo, hi)
		return 0
	}
	return int(v)
}

func (y *yamlReader) names(n ast.Node, path string, want int) []string {
	if n == nil || y.err != nil {
		return nil
	}
	items := y.seq(n, path)
	if y.err == nil && len(items) != want {
		y.fail(n, "%s has %d names; want %d", path, len(items), want)
	}
	var names []string
	for k, it := range items {
		switch it := it.(type) {
		case *ast.StringNode:
			names = append(names, it.Value)
		case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
			names = append(names, it.GetToken().Value) // a bare number is a fine name
		default:
			y.fail(it, "%s[%d]: want a name, found %s", path, k, kind(it))
			return nil
		}
	}
	return names
}
