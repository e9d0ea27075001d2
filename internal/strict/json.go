package strict

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
)

// ParseJSON reads the one JSON value in data into the same Node tree Parse
// builds from YAML, for machine-written files (scene.json) where the YAML
// parser is too slow: encoding/json reads tens of megabytes a second. A
// repeated field is reported and its first value kept; a number beyond
// float64 is reported; data after the value is an error. A syntax error
// or a limit reached sets ps.Fatal and returns nil. JSON nodes describe
// themselves in JSON's words ("an object", "a number").
func ParseJSON(file string, data []byte, lim Limits, ps *Problems) *Node {
	p := &jsonParser{file: file, data: data, lim: lim, ps: ps, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	if len(data) > lim.MaxBytes {
		p.fatal(Pos{}, "file is %d bytes; the limit is %d", len(data), lim.MaxBytes)
		return nil
	}
	n := p.value(0)
	if n == nil {
		return nil
	}
	if off := p.next(); off < len(data) {
		p.fatal(p.pos(off), "trailing data after the JSON value")
		return nil
	}
	return n
}

type jsonParser struct {
	file  string
	data  []byte
	lim   Limits
	ps    *Problems
	dec   *json.Decoder
	nodes int
	at    []step // where the parser is, for the few messages that need a path
	// line and lineStart cache the last position computed; offsets only
	// grow, so positions cost time linear in the file.
	line, lineStart, lineOff int
}

func (p *jsonParser) fatal(pos Pos, format string, args ...any) {
	p.ps.Fatal = true
	p.ps.Add(Problem{File: p.file, Line: pos.Line, Col: pos.Col, Msg: sprintf(format, args...)})
}

// next is the byte offset of the next token: the decoder's offset after
// the separators and white space before it.
func (p *jsonParser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// pos turns a byte offset into a 1-based line and column (in bytes).
func (p *jsonParser) pos(off int) Pos {
	off = min(off, len(p.data))
	if off < p.lineOff || p.line == 0 {
		p.line, p.lineStart, p.lineOff = 1, 0, 0
	}
	for i := p.lineOff; i < off; i++ {
		if p.data[i] == '\n' {
			p.line++
			p.lineStart = i + 1
		}
	}
	p.lineOff = off
	return Pos{p.line, off - p.lineStart + 1}
}

// token reads the next token and where it starts; on a syntax error it
// reports it and returns ok false.
func (p *jsonParser) token() (tok json.Token, at Pos, ok bool) {
	start := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		msg := err.Error()
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			start = int(se.Offset)
		case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
			start, msg = len(p.data), "unexpected end of file"
		}
		pos := p.pos(start)
		p.ps.Fatal = true
		p.ps.Add(Problem{File: p.file, Line: pos.Line, Col: pos.Col, Path: p.path(), Msg: msg})
		return nil, Pos{}, false
	}
	return tok, p.pos(start), true
}

func (p *jsonParser) value(depth int) *Node {
	tok, at, ok := p.token()
	if !ok {
		return nil
	}
	p.nodes++
	if p.nodes > p.lim.MaxNodes {
		p.fatal(at, "file holds more than %d values", p.lim.MaxNodes)
		return nil
	}
	n := &Node{Pos: at, json: true}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= p.lim.MaxNesting {
			p.fatal(at, "collections nest too deeply (more than %d levels)", p.lim.MaxNesting)
			return nil
		}
		if t == '{' {
			return p.object(n, depth)
		}
		return p.list(n, depth)
	case nil:
		n.Kind = Null
	case bool:
		n.Kind, n.Type, n.Bool, n.Text = Scalar, TypeBoolean, t, strconv.FormatBool(t)
	case string:
		n.Kind, n.Type, n.Text = Scalar, TypeString, t
	case json.Number:
		n.Kind, n.Text = Scalar, string(t)
		p.number(n)
	}
	return n
}

// number types a number as an integer (no fraction or exponent) or a
// number, reporting one beyond float64.
func (p *jsonParser) number(n *Node) {
	x, err := strconv.ParseFloat(n.Text, 64)
	if err != nil || math.IsInf(x, 0) {
		// Reported by the decoder, which knows the path; the parser
		// builds none, for speed.
		n.Bad, n.badMsg = true, "number "+n.Text+" is out of range"
		return
	}
	n.Number = x
	if strings.ContainsAny(n.Text, ".eE") {
		n.Type = TypeNumber
		return
	}
	n.Type = TypeInteger
	i, err := strconv.ParseInt(n.Text, 10, 64)
	n.Int, n.TooLarge = i, err != nil
}

func (p *jsonParser) object(n *Node, depth int) *Node {
	n.Kind = Map
	for p.dec.More() {
		tok, at, ok := p.token()
		if !ok {
			return nil
		}
		key := tok.(string) // object keys are always strings
		p.at = append(p.at, step{key: key, isKey: true})
		v := p.value(depth + 1)
		p.at = p.at[:len(p.at)-1]
		if v == nil {
			return nil
		}
		if n.Field(key) != nil {
			p.ps.Add(Problem{File: p.file, Line: at.Line, Col: at.Col, Path: JoinPath(p.path(), key), Msg: "repeated field"})
			continue
		}
		n.Fields = append(n.Fields, Field{Key: key, KeyPos: at, Value: v})
	}
	if _, _, ok := p.token(); !ok {
		return nil
	}
	return n
}

func (p *jsonParser) list(n *Node, depth int) *Node {
	n.Kind = List
	for i := 0; p.dec.More(); i++ {
		p.at = append(p.at, step{index: i})
		v := p.value(depth + 1)
		p.at = p.at[:len(p.at)-1]
		if v == nil {
			return nil
		}
		n.Items = append(n.Items, v)
	}
	if _, _, ok := p.token(); !ok {
		return nil
	}
	return n
}

// step is one step of a path: a field key, or else a list index.
type step struct {
	key   string
	index int
	isKey bool
}

// path spells where the parser is: "tracks[3].points".
func (p *jsonParser) path() string {
	path := ""
	for _, s := range p.at {
		if s.isKey {
			path = JoinPath(path, s.key)
		} else {
			path = IndexPath(path, s.index)
		}
	}
	return path
}

// describeJSON names a JSON node's type in JSON's words.
func describeJSON(n *Node) string {
	switch n.Kind {
	case Null:
		return "null"
	case Map:
		return "an object"
	case List:
		return "a list"
	}
	switch n.Type {
	case TypeString:
		return "a string"
	case TypeBoolean:
		return "a boolean"
	}
	return "number " + n.Text
}
