package scene

import (
	"fmt"
	"io"
	"slices"

	"github.com/rampart-sim/rampart/internal/jsonout"
)

// Write validates s and writes it as scene.json. The output is
// deterministic: fields in the order of the types in scene.go, one-space
// indentation, numbers rounded by package jsonout's rule (coordinates to
// 1e-6°, everything else to 6 significant digits; Read of the file gives
// back the rounded values), no HTML escaping, absent lists as
// [] and a final newline. An invalid scene is not written: the error is
// Validate's, with the file name "scene".
func Write(w io.Writer, s *Scene) error {
	if err := s.Validate("scene"); err != nil {
		return err
	}
	c := *s
	c.Tracks = slices.Clone(s.Tracks)
	c.Areas = slices.Clone(s.Areas)
	c.normalize()
	b, err := jsonout.Marshal(&c, " ")
	if err != nil {
		return fmt.Errorf("write scene: %w", err)
	}
	_, err = w.Write(b)
	return err
}
