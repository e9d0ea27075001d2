package strict

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Limits bound what Parse accepts. Real input files are a few kilobytes; the
// limits are far above any real file and keep hostile input (huge files,
// deep nesting, alias bombs) from exhausting memory, stack or time.
type Limits struct {
	// MaxBytes is the largest file accepted.
	MaxBytes int
	// MaxNesting bounds how deeply collections may nest; the parser
	// recurses once per level, so it also bounds its stack.
	MaxNesting int
	// MaxNodes bounds the nodes of the tree, counting each use of an
	// alias again. It defeats "billion laughs" alias expansion.
	MaxNodes int
}

// DefaultLimits suit a scenario or any other hand-written input file.
var DefaultLimits = Limits{MaxBytes: 1 << 20, MaxNesting: 100, MaxNodes: 250_000}

// Want describes the document a file should hold, for messages.
type Want struct {
	Value string // the top-level value: "a mapping with fields name, run, ..."
	Noun  string // what one document is: "scenario"
}

// Parse reads the one YAML (or JSON) document in data into a Node tree,
// resolving anchors, aliases, merge keys and standard tags. It returns nil and sets ps.Fatal
// when the file cannot be read at all; other problems (a repeated field, a
// bad alias) are added to ps and the rest of the tree is kept. It never
// panics.
func Parse(file string, data []byte, lim Limits, want Want, ps *Problems) (root *Node) {
	p := &parser0{file: file, lim: lim, ps: ps, anchors: map[string][]anchorDef{}}
	defer func() {
		// The YAML library is third-party code fed hostile input; a panic
		// in it must still be a reported problem, not a crash.
		if r := recover(); r != nil {
			p.fatal(Pos{}, "internal error reading YAML: %v", r)
			root = nil
		}
	}()
	return p.file0(data, want)
}

type parser0 struct {
	file    string
	lim     Limits
	ps      *Problems
	anchors map[string][]anchorDef
	nodes   int  // nodes visited
	stopped bool // the node budget ran out
}

type anchorDef struct {
	offset int // byte offset of the anchor in the file
	value  ast.Node
}

func (p *parser0) problem(pos Pos, path, format string, args ...any) {
	p.ps.Add(Problem{File: p.file, Line: pos.Line, Col: pos.Col, Path: path, Msg: sprintf(format, args...)})
}

func (p *parser0) fatal(pos Pos, format string, args ...any) {
	p.ps.Fatal = true
	p.problem(pos, "", format, args...)
}

func (p *parser0) file0(data []byte, want Want) *Node {
	if len(data) > p.lim.MaxBytes {
		p.fatal(Pos{}, "file is %d bytes; the limit is %d", len(data), p.lim.MaxBytes)
		return nil
	}
	// A UTF-8 byte-order mark is allowed at the start of a stream (YAML 1.2,
	// 5.2); some Windows editors write one.
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(data)) == 0 {
		p.fatal(Pos{}, "file is empty; want %s", want.Value)
		return nil
	}
	tokens := lexer.Tokenize(string(data))
	if at, ok := tooDeep(tokens, p.lim.MaxNesting); ok {
		p.fatal(at, "collections nest too deeply (more than %d levels)", p.lim.MaxNesting)
		return nil
	}
	// Duplicate keys are left to the tree builder, which reports them all
	// and goes on, where the parser would stop at the first.
	f, err := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		p.syntaxError(err)
		return nil
	}
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc)
		}
	}
	if len(docs) == 0 {
		p.fatal(Pos{}, "file holds no YAML document; want %s", want.Value)
		return nil
	}
	if len(docs) > 1 {
		p.fatal(nodePos(docs[1].Body), "file holds %d YAML documents; want one %s per file", len(docs), want.Noun)
		return nil
	}
	p.collectAnchors(docs[0].Body, 0)
	n := p.node(docs[0].Body, "", 0)
	if p.stopped {
		return nil
	}
	return n
}

// yaml12Float is the float of YAML 1.2's core schema (10.3.2), without
// the infinities and NaN, which the library reads already.
var yaml12Float = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// syntaxError reports a YAML syntax error with its position, without the
// source excerpt the library adds.
func (p *parser0) syntaxError(err error) {
	type tokenError interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if te, ok := err.(tokenError); ok {
		var pos Pos
		if tk := te.GetToken(); tk != nil && tk.Position != nil {
			pos = Pos{tk.Position.Line, tk.Position.Column}
		}
		p.fatal(pos, "YAML syntax: %s", te.GetMessage())
		return
	}
	p.fatal(Pos{}, "YAML syntax: %v", err)
}

// tooDeep reports whether collections nest deeper than the parser can be
// trusted with, and where. It runs on the tokens (the lexer is iterative)
// before the recursive parser, so the parser's recursion, and the tree
// builder's, stays within a few hundred frames whatever the input. Flow
// collections ('[', '{') may nest maxNesting deep. Block nesting cannot
// exceed the column of a line's first token plus the '-' and '?'
// indicators on that line, which may reach 4*maxNesting.
func tooDeep(tokens token.Tokens, maxNesting int) (Pos, bool) {
	flow, line, depth := 0, 0, 0
	for _, tk := range tokens {
		if tk == nil || tk.Position == nil {
			continue
		}
		at := Pos{tk.Position.Line, tk.Position.Column}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
			if flow > maxNesting {
				return at, true
			}
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		}
		if flow > 0 {
			continue
		}
		if at.Line != line {
			line, depth = at.Line, at.Col
		}
		if tk.Type == token.SequenceEntryType || tk.Type == token.MappingKeyType {
			depth++
		}
		if depth > 4*maxNesting {
			return at, true
		}
	}
	return Pos{}, false
}

// collectAnchors records every anchor in the tree with its offset, so that
// aliases resolve to the closest preceding anchor of their name.
func (p *parser0) collectAnchors(n ast.Node, depth int) {
	if n == nil || depth > 2*p.lim.MaxNesting {
		return
	}
	switch n := n.(type) {
	case *ast.AnchorNode:
		if name, ok := n.Name.(*ast.StringNode); ok && n.Start != nil && n.Start.Position != nil {
			p.anchors[name.Value] = append(p.anchors[name.Value], anchorDef{n.Start.Position.Offset, n.Value})
		}
		p.collectAnchors(n.Value, depth+1)
	case *ast.TagNode:
		p.collectAnchors(n.Value, depth+1)
	case *ast.MappingNode:
		for _, v := range n.Values {
			p.collectAnchors(v, depth+1)
		}
	case *ast.MappingValueNode:
		p.collectAnchors(n.Key, depth+1)
		p.collectAnchors(n.Value, depth+1)
	case *ast.SequenceNode:
		for _, v := range n.Values {
			p.collectAnchors(v, depth+1)
		}
	}
}

// resolve looks through anchors, aliases and standard tags to the node that
// holds the value, counting each node against the budget. It returns nil when
// the budget is spent or an alias or tag cannot be used.
func (p *parser0) resolve(n ast.Node, path string) ast.Node {
	for hops := 0; n != nil; hops++ {
		if p.stopped {
			return nil
		}
		p.nodes++
		if p.nodes > p.lim.MaxNodes {
			p.stopped = true
			p.fatal(nodePos(n), "document expands to more than %d nodes (aliases counted at each use)", p.lim.MaxNodes)
			return nil
		}
		if hops > 2*p.lim.MaxNesting {
			p.problem(nodePos(n), path, "aliases refer to each other in a cycle")
			return nil
		}
		switch m := n.(type) {
		case *ast.AnchorNode:
			n = m.Value
		case *ast.AliasNode:
			n = p.lookupAlias(m)
			if n == nil {
				name := ""
				if sn, ok := m.Value.(*ast.StringNode); ok {
					name = sn.Value
				}
				p.problem(nodePos(m), path, "alias *%s does not refer to an earlier anchor", name)
				return nil
			}
		case *ast.TagNode:
			tag := ""
			if m.Start != nil {
				tag = m.Start.Value
			}
			if !strings.HasPrefix(tag, "!!") {
				p.problem(nodePos(m), path, "YAML tag %s is not supported", Quote(tag))
				return nil
			}
			if tag == "!!str" {
				if v := p.resolve(m.Value, path); v != nil {
					if tk := v.GetToken(); tk != nil {
						if _, isScalar := v.(ast.ScalarNode); isScalar {
							return &ast.StringNode{BaseNode: &ast.BaseNode{}, Token: tk, Value: tk.Value}
						}
					}
					return v
				}
				return nil
			}
			n = m.Value
		case *ast.CommentGroupNode, *ast.CommentNode:
			return nil
		default:
			return n
		}
	}
	return nil
}

func (p *parser0) lookupAlias(a *ast.AliasNode) ast.Node {
	name, ok := a.Value.(*ast.StringNode)
	if !ok {
		return nil
	}
	off := math.MaxInt
	if a.Start != nil && a.Start.Position != nil {
		off = a.Start.Position.Offset
	}
	var found ast.Node
	for _, def := range p.anchors[name.Value] {
		if def.offset < off {
			found = def.value
		}
	}
	return found
}

// nodePos returns where n starts: the first key of a mapping, the marker of a
// sequence, the token of a scalar.
func nodePos(n ast.Node) Pos {
	if n == nil {
		return Pos{}
	}
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 && m.Values[0] != nil && m.Values[0].Key != nil {
			return nodePos(m.Values[0].Key)
		}
	case *ast.MappingValueNode:
		if m.Key != nil {
			return nodePos(m.Key)
		}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{}
	}
	return Pos{tk.Position.Line, tk.Position.Column}
}

// describeAST names a syntax node's YAML type for messages.
func describeAST(n ast.Node) string {
	switch m := n.(type) {
	case *ast.StringNode:
		return "string " + Quote(m.Value)
	case *ast.IntegerNode:
		return "integer " + tokenText(m)
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "number " + tokenText(m)
	case *ast.BoolNode:
		return "boolean " + tokenText(m)
	case *ast.NullNode, nil:
		return "nothing"
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	}
	return strings.ToLower(n.Type().String())
}

func tokenText(n ast.Node) string {
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

// entry is one field of a mapping.
type entry struct {
	key    string
	keyPos Pos
	value  ast.Node
}

// node converts the YAML value at path into a Node; nil when the value
// could not be read (already reported).
func (p *parser0) node(raw ast.Node, path string, depth int) *Node {
	if depth > p.lim.MaxNesting {
		p.problem(nodePos(raw), path, "collections nest too deeply")
		return nil
	}
	n := p.resolve(raw, path)
	if n == nil {
		if raw == nil {
			return &Node{Kind: Null}
		}
		return nil
	}
	pos := nodePos(n)
	switch m := n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		entries, ok := p.mapping(n, path, 0)
		if !ok {
			return nil
		}
		out := &Node{Kind: Map, Pos: pos}
		for _, e := range entries {
			v := p.node(e.value, JoinPath(path, e.key), depth+1)
			if v == nil {
				if p.stopped {
					return nil
				}
				v = &Node{Kind: Null, Pos: e.keyPos, Bad: true}
			}
			if e.value == nil || v.Pos.Line == 0 {
				v.Pos = e.keyPos // a null value is where its key is
			}
			out.Fields = append(out.Fields, Field{Key: e.key, KeyPos: e.keyPos, Value: v})
		}
		return out
	case *ast.SequenceNode:
		out := &Node{Kind: List, Pos: pos}
		for i, item := range m.Values {
			v := p.node(item, IndexPath(path, i), depth+1)
			if v == nil {
				if p.stopped {
					return nil
				}
				v = &Node{Kind: Null, Pos: nodePos(item), Bad: true}
			}
			out.Items = append(out.Items, v)
		}
		return out
	case *ast.StringNode:
		if m.Token != nil && m.Token.Type == token.StringType && yaml12Float.MatchString(m.Value) &&
			!isDigits(strings.TrimLeft(m.Value, "+-")) { // an integer beyond 64 bits: see Decoder.integer
			// YAML 1.2's core schema reads 1e3 as a float; the library
			// reads it as a string (YAML 1.1 needed a dot: 1.0e3).
			x, _ := strconv.ParseFloat(m.Value, 64) // out of range gives ±Inf, reported by the decoder
			return &Node{Kind: Scalar, Pos: pos, Type: TypeNumber, Text: m.Value, Number: x}
		}
		return &Node{Kind: Scalar, Pos: pos, Type: TypeString, Text: m.Value}
	case *ast.LiteralNode:
		text := ""
		if m.Value != nil {
			text = m.Value.Value
		}
		return &Node{Kind: Scalar, Pos: pos, Type: TypeString, Text: text, literal: true}
	case *ast.IntegerNode:
		out := &Node{Kind: Scalar, Pos: pos, Type: TypeInteger, Text: tokenText(n)}
		switch v := m.Value.(type) {
		case int64:
			out.Int, out.Number = v, float64(v)
		case uint64:
			out.Number = float64(v)
			if v <= math.MaxInt64 {
				out.Int = int64(v)
			} else {
				out.TooLarge = true
			}
		default:
			out.TooLarge = true
		}
		return out
	case *ast.FloatNode:
		return &Node{Kind: Scalar, Pos: pos, Type: TypeNumber, Text: tokenText(n), Number: m.Value}
	case *ast.InfinityNode:
		return &Node{Kind: Scalar, Pos: pos, Type: TypeNumber, Text: tokenText(n), Number: m.Value}
	case *ast.NanNode:
		return &Node{Kind: Scalar, Pos: pos, Type: TypeNumber, Text: tokenText(n), Number: math.NaN()}
	case *ast.BoolNode:
		return &Node{Kind: Scalar, Pos: pos, Type: TypeBoolean, Text: tokenText(n), Bool: m.Value}
	case *ast.NullNode:
		return &Node{Kind: Null, Pos: pos}
	}
	p.problem(pos, path, "want a value, got %s", describeAST(n))
	return nil
}

// mapping returns the fields of the mapping node n, with merge keys ("<<")
// applied. It reports duplicate fields and non-string keys. ok is false when
// n is not a mapping.
func (p *parser0) mapping(n ast.Node, path string, depth int) (entries []entry, ok bool) {
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		p.problem(nodePos(n), path, "want a mapping of fields, got %s", describeAST(n))
		return nil, false
	}
	seen := map[string]Pos{}
	var merged []entry
	for _, mv := range values {
		if mv == nil {
			continue
		}
		if mv.Key != nil && mv.Key.IsMergeKey() {
			if depth > p.lim.MaxNesting {
				p.problem(nodePos(mv.Key), path, "merge keys nest too deeply")
				continue
			}
			merged = append(merged, p.mergeEntries(mv.Value, path, depth)...)
			continue
		}
		key := p.resolve(mv.Key, path)
		if p.stopped {
			return nil, false
		}
		var name string
		switch k := key.(type) {
		case *ast.StringNode:
			name = k.Value
		default:
			p.problem(nodePos(mv.Key), path, "field name must be a string, got %s", describeAST(key))
			continue
		}
		kp := nodePos(mv.Key)
		if first, dup := seen[name]; dup {
			p.problem(kp, JoinPath(path, name), "field appears more than once; first at line %d", first.Line)
			continue
		}
		seen[name] = kp
		entries = append(entries, entry{key: name, keyPos: kp, value: mv.Value})
	}
	for _, e := range merged {
		if _, dup := seen[e.key]; !dup {
			seen[e.key] = e.keyPos
			entries = append(entries, e)
		}
	}
	return entries, true
}

// mergeEntries returns the fields a merge key's value contributes: one
// mapping, or a list of mappings of which earlier ones win.
func (p *parser0) mergeEntries(v ast.Node, path string, depth int) []entry {
	n := p.resolve(v, path)
	if n == nil {
		return nil
	}
	if seq, ok := n.(*ast.SequenceNode); ok {
		seen := map[string]bool{}
		var out []entry
		for _, item := range seq.Values {
			r := p.resolve(item, path)
			if r == nil {
				continue
			}
			es, _ := p.mapping(r, path, depth+1)
			for _, e := range es {
				if !seen[e.key] {
					seen[e.key] = true
					out = append(out, e)
				}
			}
		}
		return out
	}
	es, _ := p.mapping(n, path, depth+1)
	return es
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
