package scene

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Write validates s and writes it as scene.json. The output is
// deterministic: fields in the order of the types in scene.go, one-space
// indentation, numbers in encoding/json's shortest round-trip form (so Read
// gives back exactly the values written), no HTML escaping, absent lists as
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
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(&c); err != nil {
		return fmt.Errorf("write scene: %w", err)
	}
	return nil
}
