package scene

import (
	"fmt"
	"strings"
)

// Error is a problem with a scene file: where it is and what is wrong.
// Read and Validate return only *Error values.
type Error struct {
	File      string
	Line, Col int    // 1-based position in the file; 0 when unknown
	Path      string // field path, e.g. "tracks[3].points[7].t_s"; "" for the whole file
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}
