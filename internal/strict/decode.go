package strict

import (
	"math"
	"reflect"
	"slices"
	"strings"
)

// Hook decodes a value of one Go type in place of the reflective rule, for
// types whose fields depend on each other (a part's kind decides its
// fields) or that take defaults. It may call Decoder.Struct for the
// ordinary field-by-field work.
type Hook func(d *Decoder, n *Node, v reflect.Value, path string)

// Decoder fills Go values from a Node tree. Struct fields are matched by
// their `yaml` tag, else their `json` tag, else their Go name; embedded
// structs without a tag are inlined. Every problem goes to Problems.
type Decoder struct {
	File     string
	Problems *Problems
	// Pos records where each value the file wrote starts, by path; nil
	// (set by the caller) keeps no record, for large machine-written files
	// whose validation does not place its errors.
	Pos map[string]Pos
	// Bad records the paths at which a problem was reported, so that later
	// checks do not report them again.
	Bad map[string]bool
	// Required lists, by struct type, the fields a mapping must write;
	// each one absent is reported as missing at the mapping.
	Required map[reflect.Type][]string
	hooks    map[reflect.Type]Hook
}

// NewDecoder returns a decoder reporting to ps.
func NewDecoder(file string, ps *Problems) *Decoder {
	return &Decoder{File: file, Problems: ps, Pos: map[string]Pos{}, Bad: map[string]bool{}, hooks: map[reflect.Type]Hook{}}
}

// On registers f as the hook for values of type T.
func On[T any](d *Decoder, f func(d *Decoder, n *Node, v *T, path string)) {
	d.hooks[reflect.TypeFor[T]()] = func(d *Decoder, n *Node, v reflect.Value, path string) {
		f(d, n, v.Addr().Interface().(*T), path)
	}
}

// Problemf reports a problem at pos about the value at path.
func (d *Decoder) Problemf(pos Pos, path, format string, args ...any) {
	d.Problems.Add(Problem{File: d.File, Line: pos.Line, Col: pos.Col, Path: path, Msg: sprintf(format, args...)})
}

// Fail reports a problem with the value n at path and marks path bad.
func (d *Decoder) Fail(n *Node, path, format string, args ...any) {
	d.Bad[path] = true
	var pos Pos
	if n != nil {
		pos = n.Pos
	}
	d.Problemf(pos, path, format, args...)
}

// Decode fills the value dst points to from n.
func (d *Decoder) Decode(n *Node, dst any, path string) {
	d.Value(n, reflect.ValueOf(dst).Elem(), path)
}

// Value fills v from n.
func (d *Decoder) Value(n *Node, v reflect.Value, path string) {
	if n == nil || n.Bad {
		if n != nil && n.badMsg != "" {
			d.Fail(n, path, "%s", n.badMsg)
		}
		d.Bad[path] = true
		return
	}
	if n.Pos.Line > 0 && d.Pos != nil {
		d.Pos[path] = n.Pos
	}
	if h, ok := d.hooks[v.Type()]; ok {
		h(d, n, v, path)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Kind == Null {
			d.Fail(n, path, "missing value; want %s", want(v.Type().Elem()))
			return
		}
		p := reflect.New(v.Type().Elem())
		d.Value(n, p.Elem(), path)
		v.Set(p)
	case reflect.Struct:
		d.Struct(n, v, path, StructOptions{})
	case reflect.Slice:
		d.slice(n, v, path)
	case reflect.Array:
		if n.Kind != List || len(n.Items) != v.Len() {
			d.Fail(n, path, "want a list of %d values, got %s", v.Len(), n.Describe())
			return
		}
		for i, item := range n.Items {
			d.Value(item, v.Index(i), IndexPath(path, i))
		}
	case reflect.String:
		if s, ok := d.text(n, path); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		switch {
		case n.Kind == Null:
			d.Fail(n, path, "missing value; allowed: true, false")
		case n.Type != TypeBoolean:
			d.Fail(n, path, "want true or false, got %s", n.Describe())
		default:
			v.SetBool(n.Bool)
		}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		if x, ok := d.integer(n, path); ok {
			// Clamp, so that validation reports a value that overflows
			// the Go type as out of range.
			switch {
			case v.OverflowInt(x) && x > 0:
				x = int64(1)<<(v.Type().Bits()-1) - 1
			case v.OverflowInt(x):
				x = -int64(1) << (v.Type().Bits() - 1)
			}
			v.SetInt(x)
		}
	case reflect.Float64, reflect.Float32:
		if x, ok := d.number(n, path); ok {
			v.SetFloat(x)
		}
	default:
		d.Fail(n, path, "cannot decode a value of Go type %s", v.Type())
	}
}

// want names the YAML value a Go type takes, for messages.
func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		return "an integer"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Pointer:
		return want(t.Elem())
	}
	return "a mapping of fields"
}

func (d *Decoder) text(n *Node, path string) (string, bool) {
	switch {
	case n.IsString():
		oneLine := isNameField(path)
		if r, bad := controlRune(n.Text, oneLine); bad {
			allowed := "printable text, new lines and tabs"
			if oneLine {
				allowed = "printable text on one line"
			}
			d.Fail(n, path, "holds the control character %U; allowed: %s", r, allowed)
			return "", false
		}
		return n.Text, true
	case n.Kind == Null:
		d.Fail(n, path, "missing value; want a string")
	case n.Kind == Scalar:
		d.Fail(n, path, "want a string, got %s; write %q to mean the string", n.Describe(), n.Text)
	default:
		d.Fail(n, path, "want a string, got %s", n.Describe())
	}
	return "", false
}

func (d *Decoder) number(n *Node, path string) (float64, bool) {
	switch {
	case n.Kind == Null:
		d.Fail(n, path, "missing value; want a number")
	case n.Type == TypeInteger:
		return n.Number, true
	case n.Type == TypeNumber && (math.IsInf(n.Number, 0) || math.IsNaN(n.Number)):
		d.Fail(n, path, "want a finite number, got %s", n.Text)
	case n.Type == TypeNumber:
		return n.Number, true
	default:
		d.Fail(n, path, "want a number, got %s", n.Describe())
	}
	return 0, false
}

func (d *Decoder) integer(n *Node, path string) (int64, bool) {
	switch {
	case n.Kind == Null:
		d.Fail(n, path, "missing value; want an integer")
	case n.Type == TypeInteger && n.TooLarge:
		d.Fail(n, path, "integer %s is too large", n.Text)
	case n.Type == TypeInteger:
		return n.Int, true
	case n.IsString() && !n.json && isDigits(strings.TrimLeft(strings.ReplaceAll(n.Text, "_", ""), "+-")):
		// The YAML library reads integers beyond 64 bits as strings.
		d.Fail(n, path, "integer %s is too large", n.Text)
	default:
		d.Fail(n, path, "want an integer, got %s", n.Describe())
	}
	return 0, false
}

// controlRune returns the first character of s that no input text may
// hold: C0 and C1 controls (NUL, escape, ...; new line and tab are allowed
// unless oneLine) and the bidirectional overrides and isolates, which make
// a name display as something else (U+202A-U+202E, U+2066-U+2069).
func controlRune(s string, oneLine bool) (rune, bool) {
	for _, r := range s {
		switch {
		case (r == '\n' || r == '\t') && !oneLine:
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// isNameField reports whether path names a name ("sites[2].name"), which
// must fit on one line.
func isNameField(path string) bool {
	return path == "name" || strings.HasSuffix(path, ".name")
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// slice fills a slice from a list; a null is an empty list. New elements
// start as the slice's element hook or zero value leaves them.
func (d *Decoder) slice(n *Node, v reflect.Value, path string) {
	switch n.Kind {
	case Null:
		return
	case List:
	default:
		d.Fail(n, path, "want a list, got %s", n.Describe())
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Items), len(n.Items))
	for i, item := range n.Items {
		d.Value(item, s.Index(i), IndexPath(path, i))
	}
	v.Set(s)
}

// StructOptions adjust Struct.
type StructOptions struct {
	// Allowed, when not nil, restricts the fields the file may write to
	// these names (a subset of the struct's).
	Allowed []string
	// What names the mapping in the message about an unknown field ("a
	// radar part").
	What string
	// Skip lists fields the file may write that the struct does not hold
	// (the kind of an analysis section, read elsewhere).
	Skip []string
}

// Struct fills the struct v from the mapping n field by field, reporting
// unknown fields with the allowed names and the closest of them. It
// reports whether n was a mapping.
func (d *Decoder) Struct(n *Node, v reflect.Value, path string, o StructOptions) bool {
	if n.Kind != Map {
		noun := "a mapping of fields"
		if n.json {
			noun = "an object"
		}
		if n.Kind == Null {
			d.Fail(n, path, "missing value; want %s", noun)
		} else {
			d.Fail(n, path, "want %s, got %s", noun, n.Describe())
		}
		return false
	}
	names, index := Fields(v.Type())
	allowed := names
	if o.Allowed != nil {
		allowed = o.Allowed
	}
	if len(o.Skip) > 0 {
		allowed = append(slices.Clone(o.Skip), allowed...)
	}
	for _, f := range n.Fields {
		p := JoinPath(path, f.Key)
		if slices.Contains(o.Skip, f.Key) {
			continue
		}
		i, ok := index[f.Key]
		if !ok || !slices.Contains(allowed, f.Key) {
			msg := "unknown field"
			if o.What != "" {
				msg += " for " + o.What
			}
			d.Problems.Add(Problem{File: d.File, Line: f.KeyPos.Line, Col: f.KeyPos.Col, Path: p,
				Msg: msg, Suggestion: Suggest(f.Key, allowed), Allowed: slices.Clone(allowed)})
			continue
		}
		d.Value(f.Value, v.FieldByIndex(i), p)
	}
	for _, k := range d.Required[v.Type()] {
		if n.Field(k) == nil {
			d.Fail(n, JoinPath(path, k), "missing")
		}
	}
	return true
}

// Fields returns the file names of t's fields in order, and where each is;
// the fields of embedded structs without a tag are promoted, as
// encoding/json does.
func Fields(t reflect.Type) (names []string, index map[string][]int) {
	index = map[string][]int{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			at := append(slices.Clone(prefix), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct && tagOf(f) == "" {
				walk(f.Type, at)
				continue
			}
			if name := fieldName(f); name != "" {
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

func tagOf(f reflect.StructField) string {
	if tag, ok := f.Tag.Lookup("yaml"); ok {
		return tag
	}
	return f.Tag.Get("json")
}

// fieldName returns the file name of f, or "" if the file cannot set it.
func fieldName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := tagOf(f)
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return f.Name
	}
	return name
}
