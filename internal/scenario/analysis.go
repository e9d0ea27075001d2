package scenario

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// Analysis is a scenario's analysis section: what `rampart run` computes
// instead of, or on top of, the engine's Monte Carlo. Kind names the
// analysis; Body holds its other fields, decoded later into the analysis's
// own input type with DecodeAnalysis, which knows nothing of the types it
// fills (package study defines them).
type Analysis struct {
	Kind string
	Body *Node // the analysis mapping, kind included
}

// AnalysisKinds lists the analysis kinds a scenario may ask for.
var AnalysisKinds = []string{"battlespace", "reach", "rotation", "salvo", "radar", "air-policing", "architecture"}

// NodeKind says what a Node holds.
type NodeKind int

// Node kinds.
const (
	NodeNull NodeKind = iota
	NodeScalar
	NodeMap
	NodeList
)

// Node is a YAML value with its position, kept for decoding later. Aliases,
// merge keys and tags are already resolved.
type Node struct {
	Kind   NodeKind
	Pos    Pos
	Type   string // scalars: "string", "integer", "number", "boolean"
	Text   string // scalars: the value as written (strings unquoted)
	Fields []NodeField
	Items  []*Node
}

// NodeField is one field of a mapping Node.
type NodeField struct {
	Key    string
	KeyPos Pos
	Value  *Node
}

// describe names the node's type for messages.
func (n *Node) describe() string {
	switch n.Kind {
	case NodeNull:
		return "nothing"
	case NodeMap:
		return "a mapping"
	case NodeList:
		return "a list"
	}
	if n.Type == "string" {
		return "string " + quote(n.Text)
	}
	return n.Type + " " + n.Text
}

// decodeAnalysis keeps the analysis section as a Node tree and checks its
// kind.
func (d *decoder) decodeAnalysis(raw ast.Node, path string) {
	n := d.node(raw, path, 0)
	if n == nil || d.stopped {
		return
	}
	if n.Kind != NodeMap {
		d.problem(n.Pos, path, "want a mapping with a kind field (allowed kinds: %s), got %s", strings.Join(AnalysisKinds, ", "), n.describe())
		d.s.bad[path] = true
		return
	}
	a := &Analysis{Body: n}
	kp := joinPath(path, "kind")
	for _, f := range n.Fields {
		if f.Key == "kind" {
			d.s.pos[kp] = f.Value.Pos
			if f.Value.Kind != NodeScalar || f.Value.Type != "string" {
				d.problem(f.Value.Pos, kp, "want one of %s, got %s", strings.Join(AnalysisKinds, ", "), f.Value.describe())
				d.s.bad[kp] = true
				return
			}
			a.Kind = f.Value.Text
		}
	}
	if a.Kind == "" {
		d.problem(n.Pos, kp, "missing; allowed: %s", strings.Join(AnalysisKinds, ", "))
		d.s.bad[kp] = true
	} else if !slices.Contains(AnalysisKinds, a.Kind) {
		d.problem(d.s.pos[kp], kp, "%s", notAllowed(a.Kind, AnalysisKinds))
		d.s.bad[kp] = true
	}
	d.s.Analysis = a
}

// node converts the YAML value at path into a Node, resolving aliases and
// merge keys; nil when the value could not be read (already reported).
func (d *decoder) node(raw ast.Node, path string, depth int) *Node {
	if depth > maxNesting {
		d.fail(raw, path, "collections nest too deeply")
		return nil
	}
	n := d.resolve(raw, path)
	if n == nil {
		if raw == nil {
			return &Node{Kind: NodeNull}
		}
		return nil
	}
	d.at(path, n)
	pos := nodePos(n)
	switch m := n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		entries, ok := d.mapping(n, path)
		if !ok {
			return nil
		}
		out := &Node{Kind: NodeMap, Pos: pos}
		for _, e := range entries {
			p := joinPath(path, e.key)
			v := d.node(e.value, p, depth+1)
			if v == nil {
				continue
			}
			out.Fields = append(out.Fields, NodeField{Key: e.key, KeyPos: e.keyPos, Value: v})
		}
		return out
	case *ast.SequenceNode:
		out := &Node{Kind: NodeList, Pos: pos}
		for i, item := range m.Values {
			v := d.node(item, indexPath(path, i), depth+1)
			if v == nil {
				v = &Node{Kind: NodeNull, Pos: nodePos(item)}
			}
			out.Items = append(out.Items, v)
		}
		return out
	case *ast.StringNode:
		return &Node{Kind: NodeScalar, Pos: pos, Type: "string", Text: m.Value}
	case *ast.LiteralNode:
		text := ""
		if m.Value != nil {
			text = m.Value.Value
		}
		return &Node{Kind: NodeScalar, Pos: pos, Type: "string", Text: text}
	case *ast.IntegerNode:
		return &Node{Kind: NodeScalar, Pos: pos, Type: "integer", Text: tokenText(n)}
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return &Node{Kind: NodeScalar, Pos: pos, Type: "number", Text: tokenText(n)}
	case *ast.BoolNode:
		return &Node{Kind: NodeScalar, Pos: pos, Type: "boolean", Text: strconv.FormatBool(m.Value)}
	case *ast.NullNode:
		return &Node{Kind: NodeNull, Pos: pos}
	}
	d.fail(n, path, "want a value, got %s", describe(n))
	return nil
}

// Validator is an analysis input that checks itself. Its error is one
// problem per line, each "path: message" with path relative to the
// analysis section (for example "families[0].missile: ...").
type Validator interface {
	Validate() error
}

// DecodeAnalysis fills dst, a pointer to a struct, from the analysis
// section, strictly: fields are matched to dst's json tags, unknown fields,
// missing values and values of the wrong type are problems, and the field
// named kind is skipped. If dst is a Validator its Validate runs next, and
// each problem it reports is placed at its field in the file. It returns nil
// or an *Errors holding every problem.
func (s *Scenario) DecodeAnalysis(dst any) error {
	if s.Analysis == nil {
		return errors.New("scenario has no analysis section")
	}
	const root = "analysis"
	ad := &analysisDecoder{s: s, pos: map[string]Pos{}}
	v := reflect.ValueOf(dst).Elem()
	ad.value(s.Analysis.Body, v, root, true)
	if len(ad.probs.list) == 0 {
		if val, ok := dst.(Validator); ok {
			if err := val.Validate(); err != nil {
				for _, line := range strings.Split(err.Error(), "\n") {
					ad.validationProblem(root, line)
				}
			}
		}
	}
	return ad.probs.err()
}

type analysisDecoder struct {
	s     *Scenario
	pos   map[string]Pos
	probs problems
}

func (ad *analysisDecoder) problem(pos Pos, path, format string, args ...any) {
	ad.probs.add(Problem{File: ad.s.File, Line: pos.Line, Col: pos.Col, Path: path, Msg: sprintf(format, args...)})
}

// validationProblem places one "path: message" line of a Validate error
// at the deepest field of path the file contains.
func (ad *analysisDecoder) validationProblem(root, line string) {
	line = strings.TrimSpace(line)
	if line == "" {
		return
	}
	path, msg := root, line
	if i := strings.Index(line, ": "); i > 0 && !strings.ContainsAny(line[:i], " \"") {
		path, msg = joinPath(root, line[:i]), line[i+2:]
	}
	for p := path; ; {
		if pos, ok := ad.pos[p]; ok {
			ad.problem(pos, path, "%s", msg)
			return
		}
		i := lastSep(p)
		if i < 0 {
			ad.problem(Pos{}, path, "%s", msg)
			return
		}
		p = p[:i]
	}
}

// jsonName returns the json field name of f, or "" if json ignores it.
func jsonName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return f.Name
	}
	return name
}

// structFields returns the json names of t's fields in order, and where
// each is; the fields of embedded structs without a json name are
// promoted, as encoding/json does.
func structFields(t reflect.Type) (names []string, index map[string][]int) {
	index = map[string][]int{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			at := append(slices.Clone(prefix), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
				walk(f.Type, at)
				continue
			}
			if name := jsonName(f); name != "" {
				if _, dup := index[name]; !dup {
					names = append(names, name)
				}
				index[name] = at
			}
		}
	}
	walk(t, nil)
	return names, index
}

// value decodes n into v, recording positions.
func (ad *analysisDecoder) value(n *Node, v reflect.Value, path string, top bool) {
	ad.pos[path] = n.Pos
	if n.Kind == NodeNull && v.Kind() != reflect.Pointer && v.Kind() != reflect.Slice {
		ad.problem(n.Pos, path, "missing value")
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Kind == NodeNull {
			return
		}
		p := reflect.New(v.Type().Elem())
		ad.value(n, p.Elem(), path, false)
		v.Set(p)
	case reflect.Struct:
		if n.Kind != NodeMap {
			ad.problem(n.Pos, path, "want a mapping of fields, got %s", n.describe())
			return
		}
		names, index := structFields(v.Type())
		for _, f := range n.Fields {
			if top && f.Key == "kind" {
				continue
			}
			i, ok := index[f.Key]
			if !ok {
				allowed := names
				if top {
					allowed = append([]string{"kind"}, names...)
				}
				ad.problem(f.KeyPos, joinPath(path, f.Key), "%s", hint("unknown field "+quote(f.Key), suggest(f.Key, allowed), strings.Join(allowed, ", ")))
				continue
			}
			ad.value(f.Value, v.FieldByIndex(i), joinPath(path, f.Key), false)
		}
	case reflect.Slice:
		if n.Kind == NodeNull {
			return
		}
		if n.Kind != NodeList {
			ad.problem(n.Pos, path, "want a list, got %s", n.describe())
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Items), len(n.Items))
		for i, item := range n.Items {
			ad.value(item, s.Index(i), indexPath(path, i), false)
		}
		v.Set(s)
	case reflect.Array:
		if n.Kind != NodeList || len(n.Items) != v.Len() {
			ad.problem(n.Pos, path, "want a list of %d values, got %s", v.Len(), n.describe())
			return
		}
		for i, item := range n.Items {
			ad.value(item, v.Index(i), indexPath(path, i), false)
		}
	case reflect.String:
		if n.Kind != NodeScalar {
			ad.problem(n.Pos, path, "want a string, got %s", n.describe())
			return
		}
		v.SetString(n.Text)
	case reflect.Bool:
		if n.Type != "boolean" {
			ad.problem(n.Pos, path, "want true or false, got %s", n.describe())
			return
		}
		v.SetBool(n.Text == "true")
	case reflect.Int, reflect.Int64, reflect.Int32:
		x, err := strconv.ParseInt(strings.ReplaceAll(n.Text, "_", ""), 0, 64)
		if n.Type != "integer" || err != nil || v.OverflowInt(x) {
			ad.problem(n.Pos, path, "want an integer, got %s", n.describe())
			return
		}
		v.SetInt(x)
	case reflect.Float64:
		x, err := strconv.ParseFloat(strings.ReplaceAll(n.Text, "_", ""), 64)
		if (n.Type != "integer" && n.Type != "number") || err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			ad.problem(n.Pos, path, "want a finite number, got %s", n.describe())
			return
		}
		v.SetFloat(x)
	default:
		ad.problem(n.Pos, path, "cannot decode a value of Go type %s", v.Type())
	}
}
