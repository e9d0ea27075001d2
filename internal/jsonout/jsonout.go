package jsonout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// SignificantDigits is the precision of every number that is not a
// coordinate.
const SignificantDigits = 6

// CoordinateDecimals is the number of decimal places of a latitude or
// longitude in degrees: 1e-6° is 0.11 m of latitude.
const CoordinateDecimals = 6

// CoordinateKeys are the keys, besides those ending in "_deg", whose
// numbers are coordinates in degrees.
var CoordinateKeys = []string{"ring", "points", "polygon"}

// ObjectiveDigits is the precision of the objective values and bounds of a
// weapon-target assignment (keys in [ObjectiveKeys]): published optima of
// the benchmark instances are given to 1e-6 on values of thousands, so
// they are checked to 1e-7 relative and need ten significant digits.
const ObjectiveDigits = 10

// ObjectiveKeys are the keys whose numbers get ObjectiveDigits.
var ObjectiveKeys = []string{"objective", "lower_bound", "gap_to_bound"}

// maxDepth bounds the nesting of a document; rampart's are a few levels deep.
const maxDepth = 64

// Marshal returns v as JSON indented by indent, its numbers rounded by the
// package's rule, no HTML escaping, with a final newline.
func Marshal(v any, indent string) ([]byte, error) {
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	compact, err := Round(raw.Bytes())
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", indent); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// Write writes Marshal(v, "  ") to w.
func Write(w io.Writer, v any) error {
	b, err := Marshal(v, "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Round returns the JSON document data, compact, with every number rounded
// by the package's rule. Keys and strings are kept as they are.
func Round(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out bytes.Buffer
	// Each open container: whether it is an object, whether the next
	// token in an object is a key, the key in force, and whether a
	// value has been written (for commas).
	type frame struct {
		object, wantKey, written bool
		key                      string
	}
	var stack []frame
	key := func() string {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].object {
				return stack[i].key
			}
		}
		return ""
	}
	values := 0 // complete top-level values read
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			break
		}
		if err != nil {
			return nil, err
		}
		if len(stack) == 0 {
			// A document is one value: a second would be written run on
			// to the first ("10 0.1" as 100.1).
			if values++; values > 1 {
				return nil, fmt.Errorf("jsonout: data after the document's one value")
			}
		}
		top := len(stack) - 1
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:top]
			out.WriteByte(byte(d))
			if len(stack) > 0 {
				p := &stack[len(stack)-1]
				p.written = true
				p.wantKey = p.object
			}
			continue
		}
		if top >= 0 {
			f := &stack[top]
			if f.object && f.wantKey {
				if f.written {
					out.WriteByte(',')
				}
				k, _ := tok.(string)
				f.key, f.wantKey = k, false
				writeString(&out, k)
				out.WriteByte(':')
				continue
			}
			if !f.object && f.written {
				out.WriteByte(',')
			}
		}
		switch x := tok.(type) {
		case json.Delim:
			if len(stack) >= maxDepth {
				return nil, fmt.Errorf("jsonout: document nested deeper than %d", maxDepth)
			}
			out.WriteByte(byte(x))
			stack = append(stack, frame{object: x == '{', wantKey: x == '{'})
			continue
		case json.Number:
			out.WriteString(roundNumber(string(x), key()))
		case string:
			writeString(&out, x)
		case bool:
			out.WriteString(strconv.FormatBool(x))
		case nil:
			out.WriteString("null")
		}
		if top >= 0 {
			stack[top].written = true
			if stack[top].object {
				stack[top].wantKey = true
			}
		}
	}
	return out.Bytes(), nil
}

// isCoordinate reports whether the numbers under key are degrees of
// latitude or longitude.
func isCoordinate(key string) bool {
	return strings.HasSuffix(key, "_deg") || slices.Contains(CoordinateKeys, key)
}

// roundNumber rounds the JSON number s, under key, by the package's rule.
func roundNumber(s, key string) string {
	if !strings.ContainsAny(s, ".eE") {
		return s
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(x, 0) {
		return s
	}
	var r float64
	switch {
	case isCoordinate(key):
		r = RoundDecimals(x, CoordinateDecimals)
	case slices.Contains(ObjectiveKeys, key):
		r = RoundSignificant(x, ObjectiveDigits)
	default:
		r = RoundSignificant(x, SignificantDigits)
	}
	if r == 0 {
		r = 0 // -0 rounds to 0: a sign on nothing is noise
	}
	b, _ := json.Marshal(r)
	return string(b)
}

// RoundSignificant rounds x to n significant digits (half away from zero,
// in decimal, as strconv does).
func RoundSignificant(x float64, n int) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'e', n-1, 64), 64)
	return r
}

// RoundDecimals rounds x to n decimal places.
func RoundDecimals(x float64, n int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', n, 64), 64)
	return r
}

// writeString writes s as a JSON string without HTML escaping.
func writeString(out *bytes.Buffer, s string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}
