package wta

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// MaxFileSize is the largest input file the readers accept, in bytes. The
// largest published instance is 1.8 MB.
const MaxFileSize = 64 << 20

// SyntaxError is a problem in an input file, with its position.
type SyntaxError struct {
	File      string
	Line, Col int // 1-based; 0 when unknown
	Msg       string
}

func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

func readAll(r io.Reader, file string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(data) > MaxFileSize {
		return nil, &SyntaxError{File: file, Msg: fmt.Sprintf("file is larger than the limit of %d bytes", MaxFileSize)}
	}
	return data, nil
}

// field is one whitespace-separated word of a line and its 1-based column.
type field struct {
	text string
	col  int
}

// lineReader yields the non-blank lines of a text file split into fields.
type lineReader struct {
	file   string
	rest   []byte
	line   int // number of the current line
	fields []field
}

// next advances to the next non-blank line and reports whether there is one.
func (lr *lineReader) next() bool {
	for len(lr.rest) > 0 {
		var raw []byte
		raw, lr.rest, _ = bytes.Cut(lr.rest, []byte{'\n'})
		lr.line++
		lr.fields = lr.fields[:0]
		for c := 0; c < len(raw); {
			if isSpace(raw[c]) {
				c++
				continue
			}
			start := c
			for c < len(raw) && !isSpace(raw[c]) {
				c++
			}
			lr.fields = append(lr.fields, field{string(raw[start:c]), start + 1})
		}
		if len(lr.fields) > 0 {
			return true
		}
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

func (lr *lineReader) errorf(col int, format string, a ...any) error {
	return &SyntaxError{File: lr.file, Line: lr.line, Col: col, Msg: fmt.Sprintf(format, a...)}
}

// want checks that the current line has k fields named by what.
func (lr *lineReader) want(k int, what string) error {
	if len(lr.fields) != k {
		col := 1
		if len(lr.fields) > k {
			col = lr.fields[k].col
		}
		return lr.errorf(col, "want %s (%d numbers), found %d", what, k, len(lr.fields))
	}
	return nil
}

func (lr *lineReader) int(f field, what string, lo, hi int) (int, error) {
	v, err := strconv.Atoi(f.text)
	if err != nil || v < lo || v > hi {
		return 0, lr.errorf(f.col, "%s %q: want an integer in [%d, %d]", what, f.text, lo, hi)
	}
	return v, nil
}

// float parses a decimal number (digits, '.', sign, exponent: no NaN, Inf
// or hexadecimal) in [lo, hi].
func (lr *lineReader) float(f field, what string, lo, hi float64) (float64, error) {
	ok := strings.Trim(f.text, "0123456789.eE+-") == ""
	v, err := strconv.ParseFloat(f.text, 64)
	if !ok || err != nil || !(v >= lo && v <= hi) {
		return 0, lr.errorf(f.col, "%s %q: want a number in [%g, %g]", what, f.text, lo, hi)
	}
	return v, nil
}

// ReadToffolo reads an instance in the text format of Andersen, Pavlikov &
// Toffolo (2022), github.com/tuliotoffolo/wta:
//
//	m n mu       weapon types, targets, units of every type
//	w_0          n lines: value of each target, a number in [0, MaxValue]
//	…
//	i j p_ij     m·n lines, one per pair in any order: kill probability
//
// Blank lines are ignored. Every pair must appear exactly once. Errors are
// *SyntaxError values naming file, line and column. The problem returned is
// valid.
func ReadToffolo(r io.Reader, file string) (*Problem, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	lr := &lineReader{file: file, rest: data}
	if !lr.next() {
		return nil, &SyntaxError{File: file, Line: 1, Msg: "file is empty; want a header line \"m n mu\""}
	}
	if err := lr.want(3, `a header "m n mu"`); err != nil {
		return nil, err
	}
	m, err := lr.int(lr.fields[0], "number of weapon types m", 1, MaxPairs)
	if err != nil {
		return nil, err
	}
	n, err := lr.int(lr.fields[1], "number of targets n", 1, MaxPairs/m)
	if err != nil {
		return nil, err
	}
	mu, err := lr.int(lr.fields[2], "units of each weapon type mu", 0, MaxUnits/m)
	if err != nil {
		return nil, err
	}
	// Each value and pair needs a line: check before allocating m·n.
	if lines := bytes.Count(data, []byte{'\n'}) + 1; lines < 1+n+m*n {
		return nil, lr.errorf(1, "header promises %d values and %d kill probabilities, but the file has only %d lines", n, m*n, lines)
	}
	p := &Problem{Values: make([]float64, n), Units: make([]int, m), P: make([][]float64, m)}
	for i := range m {
		p.Units[i] = mu
		p.P[i] = make([]float64, n)
	}
	for j := range n {
		if !lr.next() {
			return nil, lr.errorf(0, "file ends after %d of %d target values", j, n)
		}
		if err := lr.want(1, "the value of target "+strconv.Itoa(j)); err != nil {
			return nil, err
		}
		if p.Values[j], err = lr.float(lr.fields[0], "value of target "+strconv.Itoa(j), 0, MaxValue); err != nil {
			return nil, err
		}
	}
	seen := make([]int32, m*n) // line of each pair, 0 if not seen
	for k := range m * n {
		if !lr.next() {
			return nil, lr.errorf(0, "file ends after %d of %d kill probabilities; %s", k, m*n, missing(seen, n))
		}
		if err := lr.want(3, `a kill probability "i j p_ij"`); err != nil {
			return nil, err
		}
		i, err := lr.int(lr.fields[0], "weapon type i", 0, m-1)
		if err != nil {
			return nil, err
		}
		j, err := lr.int(lr.fields[1], "target j", 0, n-1)
		if err != nil {
			return nil, err
		}
		if prev := seen[i*n+j]; prev != 0 {
			return nil, lr.errorf(lr.fields[0].col, "kill probability of weapon type %d at target %d given again (first on line %d)", i, j, prev)
		}
		seen[i*n+j] = int32(min(lr.line, math.MaxInt32))
		if p.P[i][j], err = lr.float(lr.fields[2], "kill probability p_ij", 0, 1); err != nil {
			return nil, err
		}
	}
	if lr.next() {
		return nil, lr.errorf(1, "unexpected line after all %d kill probabilities", m*n)
	}
	return p, nil
}

// missing names the first pair not yet seen.
func missing(seen []int32, n int) string {
	for k, l := range seen {
		if l == 0 {
			return fmt.Sprintf("weapon type %d at target %d is missing", k/n, k%n)
		}
	}
	return "none is missing"
}

// WriteToffolo writes p in the format ReadToffolo reads. Every weapon type
// must have the same number of units, as the format has one mu. Numbers are
// written in the shortest form that reads back exactly.
func WriteToffolo(w io.Writer, p *Problem) error {
	if err := p.Validate(); err != nil {
		return err
	}
	for _, u := range p.Units {
		if u != p.Units[0] {
			return fmt.Errorf("wta: the text format needs equal units for every weapon type; have %d and %d", p.Units[0], u)
		}
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%d %d %d\n", p.Weapons(), p.Targets(), p.Units[0])
	for _, v := range p.Values {
		fmt.Fprintln(bw, strconv.FormatFloat(v, 'g', -1, 64))
	}
	for i, row := range p.P {
		for j, pij := range row {
			fmt.Fprintf(bw, "%d %d %s\n", i, j, strconv.FormatFloat(pij, 'g', -1, 64))
		}
	}
	return bw.Flush()
}
