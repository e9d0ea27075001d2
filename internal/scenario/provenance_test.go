package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

// TestLoadRecordsProvenance: a loaded scenario knows the SHA-256 of its
// file's bytes as read and whether it is an embedded one, so that outputs
// can name the input and print a command that loads the same file.
func TestLoadRecordsProvenance(t *testing.T) {
	sum := func(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }
	data, err := libraryFS.ReadFile("library/europe.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load("Europe")
	if err != nil {
		t.Fatal(err)
	}
	if s.Library != "europe" || s.SHA256 != sum(data) {
		t.Errorf("Load(Europe): Library %q, SHA256 %s; want europe, %s", s.Library, s.SHA256, sum(data))
	}
	path := filepath.Join(t.TempDir(), "europe.yaml")
	edited := append(append([]byte(nil), data...), "\n# edited\n"...)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Library != "" || f.SHA256 != sum(edited) || f.SHA256 == s.SHA256 {
		t.Errorf("Load(%s): Library %q, SHA256 %s; want \"\", %s", path, f.Library, f.SHA256, sum(edited))
	}
	for _, l := range Library() {
		if l.Library == "" || l.SHA256 == "" {
			t.Errorf("Library(): %s has Library %q, SHA256 %q", l.Name, l.Library, l.SHA256)
		}
	}
}
