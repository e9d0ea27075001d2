package scene

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// maxFileBytes bounds what Read takes in. A long run's scene is tens of
// megabytes (a few hundred tracks of a few thousand samples); the bound
// keeps a wrong file (a video, a disk image) from exhausting memory.
const maxFileBytes = 1 << 30

// Read reads and validates a scene.json document. file names the input in
// errors. The reader is strict: unknown, repeated or missing required
// fields, values of the wrong type and trailing data are errors. Every
// error is an *Error naming file and field path, and file:line:col where
// the problem is in the text; the scene returned passes Validate. Lists that
// are absent or null read as empty, never nil.
func Read(r io.Reader, file string) (*Scene, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, &Error{File: file, Msg: fmt.Sprintf("read: %v", err)}
	}
	if len(data) > maxFileBytes {
		return nil, &Error{File: file, Msg: fmt.Sprintf("larger than %d bytes", maxFileBytes)}
	}
	d := &decoder{file: file, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	d.dec.UseNumber()
	s := d.scene()
	if d.err == nil {
		if _, err := d.dec.Token(); err != io.EOF {
			d.failAt("", "trailing data after the scene object")
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if err := s.Validate(file); err != nil {
		return nil, err
	}
	return s, nil
}

// decoder reads the scene schema from a JSON token stream, keeping the
// first problem.
type decoder struct {
	file string
	data []byte
	dec  *json.Decoder
	err  *Error
}

// failAt records a problem at the start of the next token.
func (d *decoder) failAt(path, format string, a ...any) {
	if d.err != nil {
		return
	}
	line, col := d.position(d.nextOffset())
	d.err = &Error{File: d.file, Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, a...)}
}

// nextOffset is the byte offset of the next token: the decoder's offset
// after the separators and white space that precede it.
func (d *decoder) nextOffset() int {
	off := int(d.dec.InputOffset())
	for off < len(d.data) {
		switch d.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// position turns a byte offset into a 1-based line and column (in bytes).
func (d *decoder) position(off int) (line, col int) {
	off = min(off, len(d.data))
	line = 1 + bytes.Count(d.data[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(d.data[:off], '\n')
	return line, col
}

// token reads the next token; on a syntax error it records the problem.
func (d *decoder) token(path string) (json.Token, bool) {
	if d.err != nil {
		return nil, false
	}
	start := d.nextOffset()
	tok, err := d.dec.Token()
	if err != nil {
		msg := err.Error()
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			start = int(se.Offset)
		case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
			start, msg = len(d.data), "unexpected end of file"
		}
		line, col := d.position(start)
		d.err = &Error{File: d.file, Line: line, Col: col, Path: path, Msg: msg}
		return nil, false
	}
	return tok, true
}

// describe names a token's JSON type for messages.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		if t == '[' {
			return "a list"
		}
		return fmt.Sprintf("%q", string(t))
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", tok)
}

// object reads an object whose fields are those of fields (name → reader),
// rejecting unknown and repeated ones and reporting missing required ones.
func (d *decoder) object(path string, required []string, fields map[string]func(path string)) {
	if d.err != nil {
		return
	}
	off := d.nextOffset()
	tok, ok := d.token(path)
	if !ok {
		return
	}
	if tok != json.Delim('{') {
		d.failAtOffset(off, path, "want an object, got %s", describe(tok))
		return
	}
	seen := map[string]bool{}
	for d.err == nil && d.dec.More() {
		koff := d.nextOffset()
		tok, ok := d.token(path)
		if !ok {
			return
		}
		key := tok.(string) // object keys are always strings
		fpath := join(path, key)
		read, known := fields[key]
		switch {
		case !known:
			d.failAtOffset(koff, fpath, "unknown field")
			return
		case seen[key]:
			d.failAtOffset(koff, fpath, "repeated field")
			return
		}
		seen[key] = true
		read(fpath)
	}
	if _, ok := d.token(path); !ok {
		return
	}
	for _, k := range required {
		if !seen[k] {
			d.failAtOffset(off, join(path, k), "missing")
			return
		}
	}
}

// failAtOffset records a problem at a byte offset.
func (d *decoder) failAtOffset(off int, path, format string, a ...any) {
	if d.err != nil {
		return
	}
	line, col := d.position(off)
	d.err = &Error{File: d.file, Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, a...)}
}

// list reads a list (or null, read as empty), calling elem for each element.
func (d *decoder) list(path string, elem func(i int, path string)) {
	if d.err != nil {
		return
	}
	off := d.nextOffset()
	tok, ok := d.token(path)
	if !ok || tok == nil {
		return
	}
	if tok != json.Delim('[') {
		d.failAtOffset(off, path, "want a list, got %s", describe(tok))
		return
	}
	for i := 0; d.err == nil && d.dec.More(); i++ {
		elem(i, fmt.Sprintf("%s[%d]", path, i))
	}
	d.token(path)
}

// number reads a finite number.
func (d *decoder) number(path string) float64 {
	off := d.nextOffset()
	tok, ok := d.token(path)
	if !ok {
		return 0
	}
	n, isNum := tok.(json.Number)
	if !isNum {
		d.failAtOffset(off, path, "want a number, got %s", describe(tok))
		return 0
	}
	x, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(x, 0) {
		d.failAtOffset(off, path, "number %s is out of range", n)
		return 0
	}
	return x
}

// integer reads a whole number.
func (d *decoder) integer(path string) int {
	off := d.nextOffset()
	tok, ok := d.token(path)
	if !ok {
		return 0
	}
	n, isNum := tok.(json.Number)
	if !isNum {
		d.failAtOffset(off, path, "want a whole number, got %s", describe(tok))
		return 0
	}
	i, err := strconv.ParseInt(string(n), 10, 32)
	if err != nil {
		d.failAtOffset(off, path, "want a whole number, got %s", n)
		return 0
	}
	return int(i)
}

// text reads a string.
func (d *decoder) text(path string) string {
	off := d.nextOffset()
	tok, ok := d.token(path)
	if !ok {
		return ""
	}
	s, isStr := tok.(string)
	if !isStr {
		d.failAtOffset(off, path, "want a string, got %s", describe(tok))
	}
	return s
}

// boolean reads true or false.
func (d *decoder) boolean(path string) bool {
	off := d.nextOffset()
	tok, ok := d.token(path)
	if !ok {
		return false
	}
	b, isBool := tok.(bool)
	if !isBool {
		d.failAtOffset(off, path, "want true or false, got %s", describe(tok))
	}
	return b
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
