package strict

import (
	"errors"
	"strings"
)

// FieldError is a problem a model's validation found with one field of
// its input, named by its path relative to the input ("cases[2].pk").
// Validators return several joined with errors.Join.
type FieldError struct {
	Path string
	Msg  string
}

func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Fieldf returns a FieldError about the field at path.
func Fieldf(path, format string, args ...any) error {
	return &FieldError{Path: path, Msg: sprintf(format, args...)}
}

// Each calls f for every leaf error of err, looking through errors.Join
// and wrapping with %w.
func Each(err error, f func(error)) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			Each(e, f)
		}
		return
	}
	f(err)
}

// FieldErrors returns the leaf errors of err as FieldErrors. A leaf that
// is not one is about the whole input (empty Path); its text is not taken
// apart, so "catalog: no entry ..." stays a message, not a field.
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	Each(err, func(e error) {
		var fe *FieldError
		if errors.As(e, &fe) {
			out = append(out, fe)
			return
		}
		out = append(out, &FieldError{Msg: e.Error()})
	})
	return out
}

// Prefix returns err with prefix put before the path of every field error
// ("cases[2]" + "pk" is "cases[2].pk"); nil for nil.
func Prefix(prefix string, err error) error {
	return Rename(err, func(path string) (string, bool) { return joinIndexed(prefix, path), true })
}

// Rename returns err with each field error's path mapped by f; errors for
// which f returns false are dropped. nil for nil or when all are dropped.
func Rename(err error, f func(path string) (string, bool)) error {
	var out []error
	for _, fe := range FieldErrors(err) {
		if p, ok := f(fe.Path); ok {
			out = append(out, &FieldError{Path: p, Msg: fe.Msg})
		}
	}
	return errors.Join(out...)
}

// joinIndexed joins a path and a relative path that may start with an index.
func joinIndexed(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case strings.HasPrefix(path, "["):
		return prefix + path
	}
	return prefix + "." + path
}

// Place reports each field error of err (a validator's, about the value
// decoded at root) at the position of the deepest enclosing field the file
// wrote.
func (d *Decoder) Place(root string, err error) {
	for _, fe := range FieldErrors(err) {
		path := joinIndexed(root, fe.Path)
		d.Problemf(d.PosOf(path), path, "%s", fe.Msg)
	}
}

// PosOf returns where the value at path starts, or that of the nearest
// enclosing value the file wrote.
func (d *Decoder) PosOf(path string) Pos {
	for p := path; ; {
		if pos, ok := d.Pos[p]; ok {
			return pos
		}
		i := LastSep(p)
		if i < 0 {
			if pos, ok := d.Pos[""]; ok {
				return pos
			}
			return Pos{}
		}
		p = p[:i]
	}
}
