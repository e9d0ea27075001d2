package scenario

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Input limits. A scenario is a few kilobytes; the limits are far above any
// real file and keep hostile input (huge files, deep nesting, alias bombs)
// from exhausting memory, stack or time.
const (
	// MaxFileSize is the largest scenario file accepted, in bytes.
	MaxFileSize = 1 << 20
	// maxNesting bounds how deeply collections may nest. The format itself
	// nests six levels (sites, platforms, parts); the parser recurses once
	// per level, so the bound also bounds its stack.
	maxNesting = 100
	// maxNodes bounds the nodes visited while decoding, counting each use of
	// an alias again. It defeats "billion laughs" alias expansion.
	maxNodes = 250_000
)

// Field names of each mapping in the format, in the order the reference
// documents them.
var (
	scenarioFields = []string{"name", "question", "summary", "assumptions", "run", "owners", "sites", "space_sensors", "links", "threats", "assets", "analysis"}
	spaceFields    = []string{"name", "owner", "delay_s", "min_alt_km", "sigma_km"}
	linkFields     = []string{"owners", "latency_s"}
	runFields      = []string{"seed", "trials", "duration_s", "architecture"}
	ownerFields    = []string{"name", "doctrine", "sector"}
	doctrineFields = []string{"salvo", "shoot_look_shoot", "kill_assessment_s", "reserve", "reserve_min_value"}
	pointFields    = []string{"place", "lat_deg", "lon_deg", "alt_m"}
	siteFields     = []string{"name", "owner", "place", "lat_deg", "lon_deg", "alt_m", "platforms"}
	platformFields = []string{"name", "parts"}
	radarFields    = []string{"kind", "type", "azimuth_deg"}
	launcherFields = []string{"kind", "interceptor", "rounds"}
	partFields     = []string{"kind", "type", "azimuth_deg", "interceptor", "rounds"}
	threatFields   = []string{"name", "missile", "burnout_speed_kms", "from", "to", "profile", "apogee_km", "burnout_angle_deg", "launch_time_s", "count", "interval_s"}
	assetFields    = []string{"name", "place", "lat_deg", "lon_deg", "alt_m", "value", "owner", "radius_km"}
)

// extensionPrefix starts the names of top-level fields the format ignores.
const extensionPrefix = "x-"

// extension walks an ignored extension field so that its nodes count
// against the budget like any other.
func (d *decoder) extension(n ast.Node) {
	d.resolve(n, "")
}

// Defaults for fields a file may leave out.
const (
	DefaultSeed      = 1
	DefaultTrials    = 1
	DefaultDurationS = 3600
)

// decoder turns the YAML syntax tree into a Scenario, strictly: it reports
// unknown fields, duplicate fields and values of the wrong type, and goes on
// decoding after each so that one pass finds every problem.
type decoder struct {
	file    string
	probs   problems
	s       *Scenario
	anchors map[string][]anchorDef
	nodes   int  // nodes visited
	stopped bool // the node budget ran out
}

type anchorDef struct {
	offset int // byte offset of the anchor in the file
	value  ast.Node
}

// entry is one field of a mapping.
type entry struct {
	key    string
	keyPos Pos
	value  ast.Node
}

func (d *decoder) problem(pos Pos, path, format string, args ...any) {
	d.probs.add(Problem{File: d.file, Line: pos.Line, Col: pos.Col, Path: path, Msg: sprintf(format, args...)})
}

// fatal reports a problem with the file as a whole, after which nothing
// more can be checked: it is too large, not YAML, or not a scenario.
func (d *decoder) fatal(pos Pos, format string, args ...any) {
	d.probs.fatal = true
	d.problem(pos, "", format, args...)
}

// fail reports a problem with the value at path and marks path as bad.
func (d *decoder) fail(n ast.Node, path, format string, args ...any) {
	d.s.bad[path] = true
	d.problem(nodePos(n), path, format, args...)
}

// parse decodes data. It returns the (possibly partial) scenario and the
// problems found; it never panics.
func parse(filename string, data []byte) (s *Scenario, ps *problems) {
	d := &decoder{
		file:    filename,
		s:       &Scenario{File: filename, pos: map[string]Pos{}, bad: map[string]bool{}},
		anchors: map[string][]anchorDef{},
	}
	defer func() {
		// The YAML library is third-party code fed hostile input; a panic
		// in it must still be a reported problem, not a crash.
		if r := recover(); r != nil {
			d.fatal(Pos{}, "internal error reading YAML: %v", r)
			s, ps = d.s, &d.probs
		}
	}()
	d.decodeFile(data)
	return d.s, &d.probs
}

func (d *decoder) decodeFile(data []byte) {
	if len(data) > MaxFileSize {
		d.fatal(Pos{}, "file is %d bytes; the limit is %d", len(data), MaxFileSize)
		return
	}
	if len(bytes.TrimSpace(data)) == 0 {
		d.fatal(Pos{}, "file is empty; want a mapping with fields %s", strings.Join(scenarioFields, ", "))
		return
	}
	tokens := lexer.Tokenize(string(data))
	if p, ok := tooDeep(tokens); ok {
		d.fatal(p, "collections nest too deeply (more than %d levels)", maxNesting)
		return
	}
	// Duplicate keys are left to the decoder, which reports them all and
	// goes on, where the parser would stop at the first.
	f, err := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		d.syntaxError(err)
		return
	}
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc)
		}
	}
	if len(docs) == 0 {
		d.fatal(Pos{}, "file holds no YAML document; want a mapping with fields %s", strings.Join(scenarioFields, ", "))
		return
	}
	if len(docs) > 1 {
		d.fatal(nodePos(docs[1].Body), "file holds %d YAML documents; want one scenario per file", len(docs))
		return
	}
	d.collectAnchors(docs[0].Body, 0)
	d.decodeScenario(docs[0].Body)
}

// syntaxError reports a YAML syntax error with its position, without the
// source excerpt the library adds.
func (d *decoder) syntaxError(err error) {
	type tokenError interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if te, ok := err.(tokenError); ok {
		var pos Pos
		if tk := te.GetToken(); tk != nil && tk.Position != nil {
			pos = Pos{tk.Position.Line, tk.Position.Column}
		}
		d.fatal(pos, "YAML syntax: %s", te.GetMessage())
		return
	}
	d.fatal(Pos{}, "YAML syntax: %v", err)
}

// tooDeep reports whether collections nest deeper than the parser can be
// trusted with, and where. It runs on the tokens (the lexer is iterative)
// before the recursive parser, so the parser's recursion, and the decoder's,
// stays within a few hundred frames whatever the input. Flow collections
// ('[', '{') may nest maxNesting deep. Block nesting cannot exceed the
// column of a line's first token plus the '-' and '?' indicators on that
// line, which may reach 4*maxNesting.
func tooDeep(tokens token.Tokens) (Pos, bool) {
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
func (d *decoder) collectAnchors(n ast.Node, depth int) {
	if n == nil || depth > 2*maxNesting {
		return
	}
	switch n := n.(type) {
	case *ast.AnchorNode:
		if name, ok := n.Name.(*ast.StringNode); ok && n.Start != nil && n.Start.Position != nil {
			d.anchors[name.Value] = append(d.anchors[name.Value], anchorDef{n.Start.Position.Offset, n.Value})
		}
		d.collectAnchors(n.Value, depth+1)
	case *ast.TagNode:
		d.collectAnchors(n.Value, depth+1)
	case *ast.MappingNode:
		for _, v := range n.Values {
			d.collectAnchors(v, depth+1)
		}
	case *ast.MappingValueNode:
		d.collectAnchors(n.Key, depth+1)
		d.collectAnchors(n.Value, depth+1)
	case *ast.SequenceNode:
		for _, v := range n.Values {
			d.collectAnchors(v, depth+1)
		}
	}
}

// resolve looks through anchors, aliases and standard tags to the node that
// holds the value, counting each node against the budget. It returns nil when
// the budget is spent or an alias or tag cannot be used.
func (d *decoder) resolve(n ast.Node, path string) ast.Node {
	for hops := 0; n != nil; hops++ {
		if d.stopped {
			return nil
		}
		d.nodes++
		if d.nodes > maxNodes {
			d.stopped = true
			d.fatal(nodePos(n), "document expands to more than %d nodes (aliases counted at each use)", maxNodes)
			return nil
		}
		if hops > 2*maxNesting {
			d.fail(n, path, "aliases refer to each other in a cycle")
			return nil
		}
		switch m := n.(type) {
		case *ast.AnchorNode:
			n = m.Value
		case *ast.AliasNode:
			n = d.lookupAlias(m)
			if n == nil {
				name := ""
				if sn, ok := m.Value.(*ast.StringNode); ok {
					name = sn.Value
				}
				d.fail(m, path, "alias *%s does not refer to an earlier anchor", name)
				return nil
			}
		case *ast.TagNode:
			tag := ""
			if m.Start != nil {
				tag = m.Start.Value
			}
			if !strings.HasPrefix(tag, "!!") {
				d.fail(m, path, "YAML tag %s is not supported", quote(tag))
				return nil
			}
			if tag == "!!str" {
				if v := d.resolve(m.Value, path); v != nil {
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

func (d *decoder) lookupAlias(a *ast.AliasNode) ast.Node {
	name, ok := a.Value.(*ast.StringNode)
	if !ok {
		return nil
	}
	off := math.MaxInt
	if a.Start != nil && a.Start.Position != nil {
		off = a.Start.Position.Offset
	}
	var found ast.Node
	for _, def := range d.anchors[name.Value] {
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

// describe names a node's YAML type for messages, with the value for
// scalars: `integer 12`, `string "x"`, `list`, `mapping`.
func describe(n ast.Node) string {
	switch m := n.(type) {
	case *ast.StringNode:
		return "string " + quote(m.Value)
	case *ast.LiteralNode:
		return "text block"
	case *ast.IntegerNode:
		return "integer " + tokenText(m)
	case *ast.FloatNode:
		return "number " + tokenText(m)
	case *ast.InfinityNode, *ast.NanNode:
		return "number " + tokenText(m)
	case *ast.BoolNode:
		return "boolean " + tokenText(m)
	case *ast.NullNode:
		return "nothing"
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case nil:
		return "nothing"
	}
	return strings.ToLower(n.Type().String())
}

func tokenText(n ast.Node) string {
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

// mapping returns the fields of the mapping node n, with merge keys ("<<")
// applied. It reports duplicate fields and non-string keys. ok is false when
// n is not a mapping.
func (d *decoder) mapping(n ast.Node, path string) (entries []entry, ok bool) {
	return d.mappingDepth(n, path, 0)
}

func (d *decoder) mappingDepth(raw ast.Node, path string, depth int) (entries []entry, ok bool) {
	n := d.resolve(raw, path)
	if n == nil {
		return nil, false
	}
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		d.fail(n, path, "want a mapping of fields, got %s", describe(n))
		return nil, false
	}
	seen := map[string]Pos{}
	var merged []entry
	for _, mv := range values {
		if mv == nil {
			continue
		}
		if mv.Key != nil && mv.Key.IsMergeKey() {
			if depth > maxNesting {
				d.fail(mv.Key, path, "merge keys nest too deeply")
				continue
			}
			merged = append(merged, d.mergeEntries(mv.Value, path, depth)...)
			continue
		}
		key := d.resolve(mv.Key, path)
		if d.stopped {
			return nil, false
		}
		var name string
		switch k := key.(type) {
		case *ast.StringNode:
			name = k.Value
		default:
			d.problem(nodePos(mv.Key), path, "field name must be a string, got %s", describe(key))
			continue
		}
		kp := nodePos(mv.Key)
		if first, dup := seen[name]; dup {
			d.problem(kp, joinPath(path, name), "field appears more than once; first at line %d", first.Line)
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
func (d *decoder) mergeEntries(v ast.Node, path string, depth int) []entry {
	n := d.resolve(v, path)
	if n == nil {
		return nil
	}
	if seq, ok := n.(*ast.SequenceNode); ok {
		seen := map[string]bool{}
		var out []entry
		for _, item := range seq.Values {
			es, _ := d.mappingDepth(item, path, depth+1)
			for _, e := range es {
				if !seen[e.key] {
					seen[e.key] = true
					out = append(out, e)
				}
			}
		}
		return out
	}
	es, _ := d.mappingDepth(n, path, depth+1)
	return es
}

// checkFields reports the fields not in allowed, suggesting the closest
// allowed name. what says what the mapping is, for the message.
func (d *decoder) checkFields(entries []entry, path string, allowed []string, what string) []entry {
	out := entries[:0:0]
	for _, e := range entries {
		if containsString(allowed, e.key) {
			out = append(out, e)
			continue
		}
		msg := "unknown field"
		if what != "" {
			msg += " for " + what
		}
		d.problem(e.keyPos, joinPath(path, e.key), "%s", hint(msg, suggest(e.key, allowed), strings.Join(allowed, ", ")))
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinPath(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// seq returns the items of the list at path. A null value is an empty list.
func (d *decoder) seq(raw ast.Node, path string) []ast.Node {
	n := d.resolve(raw, path)
	switch m := n.(type) {
	case nil:
		return nil
	case *ast.NullNode:
		return nil
	case *ast.SequenceNode:
		return m.Values
	default:
		d.fail(n, path, "want a list, got %s", describe(n))
		return nil
	}
}

// str decodes a string value.
func (d *decoder) str(raw ast.Node, path string) string {
	n := d.resolve(raw, path)
	d.at(path, n)
	switch m := n.(type) {
	case nil:
		return ""
	case *ast.StringNode:
		return m.Value
	case *ast.LiteralNode:
		if m.Value != nil {
			return m.Value.Value
		}
		return ""
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		text := tokenText(n)
		d.fail(n, path, "want a string, got %s; write %s to mean the string", describe(n), strconv.Quote(text))
	case *ast.NullNode:
		d.fail(n, path, "missing value; want a string")
	default:
		d.fail(n, path, "want a string, got %s", describe(n))
	}
	return ""
}

// num decodes a number value; integers are numbers too.
func (d *decoder) num(raw ast.Node, path string) float64 {
	n := d.resolve(raw, path)
	d.at(path, n)
	switch m := n.(type) {
	case nil:
		return 0
	case *ast.FloatNode:
		if math.IsInf(m.Value, 0) || math.IsNaN(m.Value) {
			d.fail(n, path, "want a finite number, got %s", tokenText(n))
			return 0
		}
		return m.Value
	case *ast.IntegerNode:
		switch v := m.Value.(type) {
		case int64:
			return float64(v)
		case uint64:
			return float64(v)
		}
		d.fail(n, path, "want a number, got %s", describe(n))
	case *ast.InfinityNode, *ast.NanNode:
		d.fail(n, path, "want a finite number, got %s", tokenText(n))
	case *ast.NullNode:
		d.fail(n, path, "missing value; want a number")
	default:
		d.fail(n, path, "want a number, got %s", describe(n))
	}
	return 0
}

// integer decodes an integer value that fits in an int64.
func (d *decoder) integer(raw ast.Node, path string) int64 {
	n := d.resolve(raw, path)
	d.at(path, n)
	switch m := n.(type) {
	case nil:
		return 0
	case *ast.IntegerNode:
		switch v := m.Value.(type) {
		case int64:
			return v
		case uint64:
			if v <= math.MaxInt64 {
				return int64(v)
			}
		}
		d.fail(n, path, "integer %s is too large", tokenText(n))
	case *ast.NullNode:
		d.fail(n, path, "missing value; want an integer")
	case *ast.StringNode:
		if isDigits(strings.TrimLeft(strings.ReplaceAll(m.Value, "_", ""), "+-")) {
			// The YAML library reads integers beyond 64 bits as strings.
			d.fail(n, path, "integer %s is too large", m.Value)
			return 0
		}
		d.fail(n, path, "want an integer, got %s", describe(n))
	default:
		d.fail(n, path, "want an integer, got %s", describe(n))
	}
	return 0
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// intField decodes an integer into an int, clamping values that overflow
// int (on 32-bit platforms) so validation reports them as out of range.
func (d *decoder) intField(raw ast.Node, path string) int {
	v := d.integer(raw, path)
	return int(max(min(v, math.MaxInt), math.MinInt))
}

// at records where the value at path starts.
func (d *decoder) at(path string, n ast.Node) {
	if p := nodePos(n); p.Line > 0 {
		d.s.pos[path] = p
	}
}

// elem records the position of a list element or nested mapping.
func (d *decoder) elem(n ast.Node, path string) {
	d.at(path, d.peek(n))
}

// peek resolves n without counting it against the budget or reporting.
func (d *decoder) peek(n ast.Node) ast.Node {
	for hops := 0; n != nil && hops < 2*maxNesting; hops++ {
		switch m := n.(type) {
		case *ast.AnchorNode:
			n = m.Value
		case *ast.AliasNode:
			n = d.lookupAlias(m)
		case *ast.TagNode:
			n = m.Value
		default:
			return n
		}
	}
	return n
}

func (d *decoder) decodeScenario(n ast.Node) {
	s := d.s
	s.Run = Run{Seed: DefaultSeed, Trials: DefaultTrials, DurationS: DefaultDurationS, Architecture: Integrated}
	entries, ok := d.mapping(n, "")
	if !ok {
		d.probs.fatal = true // not a mapping: nothing to validate
		return
	}
	d.elem(n, "")
	// Top-level fields named x-... are extensions the format ignores: a
	// place for anchors that other fields merge or alias.
	var fields []entry
	for _, e := range entries {
		if strings.HasPrefix(e.key, extensionPrefix) {
			d.extension(e.value)
			continue
		}
		fields = append(fields, e)
	}
	for _, e := range d.checkFields(fields, "", scenarioFields, "") {
		p := e.key
		switch e.key {
		case "name":
			s.Name = d.str(e.value, p)
		case "question":
			s.Question = d.str(e.value, p)
		case "summary":
			s.Summary = d.str(e.value, p)
		case "assumptions":
			d.elem(e.value, p)
			for i, item := range d.seq(e.value, p) {
				s.Assumptions = append(s.Assumptions, d.str(item, indexPath(p, i)))
			}
		case "run":
			d.decodeRun(e.value, p)
		case "owners":
			s.Owners = decodeList(d, e.value, p, d.decodeOwner)
		case "sites":
			s.Sites = decodeList(d, e.value, p, d.decodeSite)
		case "space_sensors":
			s.SpaceSensors = decodeList(d, e.value, p, d.decodeSpaceSensor)
		case "links":
			s.Links = decodeList(d, e.value, p, d.decodeLink)
		case "threats":
			s.Threats = decodeList(d, e.value, p, d.decodeThreat)
		case "assets":
			s.Assets = decodeList(d, e.value, p, d.decodeAsset)
		case "analysis":
			d.decodeAnalysis(e.value, p)
		}
		if d.stopped {
			return
		}
	}
}

// decodeList decodes the sequence at path, each element with one.
func decodeList[T any](d *decoder, n ast.Node, path string, one func(ast.Node, string) T) []T {
	d.elem(n, path)
	var out []T
	for i, item := range d.seq(n, path) {
		out = append(out, one(item, indexPath(path, i)))
	}
	return out
}

func (d *decoder) decodeRun(n ast.Node, path string) {
	d.elem(n, path)
	entries, _ := d.mapping(n, path)
	r := &d.s.Run
	for _, e := range d.checkFields(entries, path, runFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "seed":
			r.Seed = d.integer(e.value, p)
		case "trials":
			r.Trials = d.intField(e.value, p)
		case "duration_s":
			r.DurationS = d.num(e.value, p)
		case "architecture":
			r.Architecture = Architecture(d.str(e.value, p))
		}
	}
}

func (d *decoder) decodeOwner(n ast.Node, path string) Owner {
	d.elem(n, path)
	o := Owner{Doctrine: DefaultDoctrine()}
	entries, _ := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, ownerFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "name":
			o.Name = d.str(e.value, p)
		case "doctrine":
			o.Doctrine = d.decodeDoctrine(e.value, p)
		case "sector":
			o.Sector = decodeList(d, e.value, p, d.decodePoint)
		}
	}
	return o
}

func (d *decoder) decodeDoctrine(n ast.Node, path string) Doctrine {
	d.elem(n, path)
	dc := DefaultDoctrine()
	entries, _ := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, doctrineFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "salvo":
			dc.Salvo = d.intField(e.value, p)
		case "shoot_look_shoot":
			dc.ShootLookShoot = d.boolean(e.value, p)
		case "kill_assessment_s":
			dc.KillAssessmentS = d.num(e.value, p)
		case "reserve":
			dc.Reserve = d.intField(e.value, p)
		case "reserve_min_value":
			dc.ReserveMinValue = d.num(e.value, p)
		}
	}
	return dc
}

// boolean decodes true or false.
func (d *decoder) boolean(raw ast.Node, path string) bool {
	n := d.resolve(raw, path)
	d.at(path, n)
	switch m := n.(type) {
	case nil:
	case *ast.BoolNode:
		return m.Value
	case *ast.NullNode:
		d.fail(n, path, "missing value; allowed: true, false")
	default:
		d.fail(n, path, "want true or false, got %s", describe(n))
	}
	return false
}

func (d *decoder) decodeSpaceSensor(n ast.Node, path string) SpaceSensor {
	d.elem(n, path)
	var ss SpaceSensor
	entries, _ := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, spaceFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "name":
			ss.Name = d.str(e.value, p)
		case "owner":
			ss.Owner = d.str(e.value, p)
		case "delay_s":
			ss.DelayS = d.num(e.value, p)
		case "min_alt_km":
			ss.MinAltKm = d.num(e.value, p)
		case "sigma_km":
			ss.SigmaKm = d.num(e.value, p)
		}
	}
	return ss
}

func (d *decoder) decodeLink(n ast.Node, path string) Link {
	d.elem(n, path)
	var l Link
	entries, _ := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, linkFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "owners":
			d.elem(e.value, p)
			for i, item := range d.seq(e.value, p) {
				l.Owners = append(l.Owners, d.str(item, indexPath(p, i)))
			}
		case "latency_s":
			l.LatencyS = d.num(e.value, p)
		}
	}
	return l
}

// pointField decodes one of the fields place, lat_deg, lon_deg, alt_m into
// pt. It reports whether key was one of them.
func (d *decoder) pointField(pt *Point, key string, v ast.Node, path string) bool {
	p := joinPath(path, key)
	switch key {
	case "place":
		pt.Place = d.str(v, p)
	case "lat_deg":
		pt.LatDeg = d.num(v, p)
	case "lon_deg":
		pt.LonDeg = d.num(v, p)
	case "alt_m":
		pt.AltM = d.num(v, p)
	default:
		return false
	}
	return true
}

// checkPoint reports a point that gives both a place and coordinates, or
// only one coordinate. These depend on which fields the file wrote, so the
// decoder checks them; Validate checks the values.
func (d *decoder) checkPoint(path string) {
	_, place := d.s.pos[joinPath(path, "place")]
	lp, lat := d.s.pos[joinPath(path, "lat_deg")]
	op, lon := d.s.pos[joinPath(path, "lon_deg")]
	switch {
	case place && (lat || lon):
		at, f := lp, "lat_deg"
		if !lat {
			at, f = op, "lon_deg"
		}
		d.s.bad[joinPath(path, "place")] = true
		d.problem(at, joinPath(path, f), "give either place or lat_deg and lon_deg, not both")
	case lat && !lon:
		d.s.bad[joinPath(path, "lon_deg")] = true
		d.problem(d.s.Pos(path), joinPath(path, "lon_deg"), "missing; lat_deg needs lon_deg")
	case lon && !lat:
		d.s.bad[joinPath(path, "lat_deg")] = true
		d.problem(d.s.Pos(path), joinPath(path, "lat_deg"), "missing; lon_deg needs lat_deg")
	case !place && !lat && !lon && !d.s.bad[path]:
		d.s.bad[joinPath(path, "place")] = true
		d.problem(d.s.Pos(path), joinPath(path, "place"), "missing; give place (a catalog site) or lat_deg and lon_deg")
	}
}

func (d *decoder) decodeSite(n ast.Node, path string) Site {
	d.elem(n, path)
	var st Site
	entries, ok := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, siteFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "name":
			st.Name = d.str(e.value, p)
		case "owner":
			st.Owner = d.str(e.value, p)
		case "platforms":
			d.elem(e.value, p)
			for i, item := range d.seq(e.value, p) {
				st.Platforms = append(st.Platforms, d.decodePlatform(item, indexPath(p, i)))
			}
		default:
			d.pointField(&st.Point, e.key, e.value, path)
		}
	}
	if ok {
		d.checkPoint(path)
	}
	return st
}

func (d *decoder) decodePlatform(n ast.Node, path string) Platform {
	d.elem(n, path)
	var pl Platform
	entries, _ := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, platformFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "name":
			pl.Name = d.str(e.value, p)
		case "parts":
			d.elem(e.value, p)
			for i, item := range d.seq(e.value, p) {
				pl.Parts = append(pl.Parts, d.decodePart(item, indexPath(p, i)))
			}
		}
	}
	return pl
}

func (d *decoder) decodePart(n ast.Node, path string) Part {
	d.elem(n, path)
	var pt Part
	entries, _ := d.mapping(n, path)
	// The kind decides which other fields are allowed.
	allowed, what := partFields, "a part"
	for _, e := range entries {
		if e.key == "kind" {
			pt.Kind = PartKind(d.str(e.value, joinPath(path, "kind")))
			switch pt.Kind {
			case Radar:
				allowed, what = radarFields, "a radar part"
			case Launcher:
				allowed, what = launcherFields, "a launcher part"
			}
		}
	}
	for _, e := range d.checkFields(entries, path, allowed, what) {
		p := joinPath(path, e.key)
		switch e.key {
		case "type":
			pt.Type = d.str(e.value, p)
		case "azimuth_deg":
			az := d.num(e.value, p)
			pt.AzimuthDeg = &az
		case "interceptor":
			pt.Interceptor = d.str(e.value, p)
		case "rounds":
			pt.Rounds = d.intField(e.value, p)
		}
	}
	return pt
}

func (d *decoder) decodePoint(n ast.Node, path string) Point {
	d.elem(n, path)
	var pt Point
	if str, ok := d.peek(n).(*ast.StringNode); ok {
		d.fail(str, path, "want a mapping; write {place: %s} for a catalog site, or {lat_deg: LAT, lon_deg: LON}", quote(str.Value))
		return pt
	}
	entries, ok := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, pointFields, "") {
		d.pointField(&pt, e.key, e.value, path)
	}
	if ok {
		d.checkPoint(path)
	}
	return pt
}

func (d *decoder) decodeThreat(n ast.Node, path string) Threat {
	d.elem(n, path)
	t := Threat{Profile: MinEnergy, Count: 1}
	entries, _ := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, threatFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "name":
			t.Name = d.str(e.value, p)
		case "missile":
			t.Missile = d.str(e.value, p)
		case "burnout_speed_kms":
			t.BurnoutSpeedKms = d.num(e.value, p)
		case "from":
			t.From = d.decodePoint(e.value, p)
		case "to":
			t.To = d.decodePoint(e.value, p)
		case "profile":
			t.Profile = Profile(d.str(e.value, p))
		case "apogee_km":
			t.ApogeeKm = d.num(e.value, p)
		case "burnout_angle_deg":
			t.BurnoutAngleDeg = d.num(e.value, p)
		case "launch_time_s":
			t.LaunchTimeS = d.num(e.value, p)
		case "count":
			t.Count = d.intField(e.value, p)
		case "interval_s":
			t.IntervalS = d.num(e.value, p)
		}
	}
	return t
}

func (d *decoder) decodeAsset(n ast.Node, path string) Asset {
	d.elem(n, path)
	var a Asset
	entries, ok := d.mapping(n, path)
	for _, e := range d.checkFields(entries, path, assetFields, "") {
		p := joinPath(path, e.key)
		switch e.key {
		case "name":
			a.Name = d.str(e.value, p)
		case "value":
			a.Value = d.num(e.value, p)
		case "owner":
			a.Owner = d.str(e.value, p)
		case "radius_km":
			a.RadiusKm = d.num(e.value, p)
		default:
			d.pointField(&a.Point, e.key, e.value, path)
		}
	}
	if ok {
		d.checkPoint(path)
	}
	return a
}
