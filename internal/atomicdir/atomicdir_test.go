package atomicdir

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

var names = []string{"a.txt", "b.txt"}

// fillAB writes a.txt and b.txt with the given contents.
func fillAB(a, b string) func(string) error {
	return func(dir string) error {
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(a), 0o644); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "b.txt"), []byte(b), 0o644)
	}
}

// entries are the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range es {
		n = append(n, e.Name())
	}
	return n
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteDirNewAndReplace(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "rep")
	if err := WriteDir(context.Background(), target, names, fillAB("1", "2")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(target, "a.txt")); got != "1" {
		t.Errorf("a.txt = %q", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o755 {
		t.Errorf("mode = %v, want 0755", fi.Mode().Perm())
	}
	if err := WriteDir(context.Background(), target, names, fillAB("3", "4")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(target, "b.txt")); got != "4" {
		t.Errorf("replaced b.txt = %q", got)
	}
	if got := entries(t, parent); len(got) != 1 || got[0] != "rep" {
		t.Errorf("parent holds %q, want only rep (no temporary or old directory)", got)
	}
}

// TestWriteDirFailureKeepsEarlier: a fill that fails midway leaves the
// earlier report as it was and no temporary directory.
func TestWriteDirFailureKeepsEarlier(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "rep")
	if err := WriteDir(context.Background(), target, names, fillAB("old-a", "old-b")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteDir(context.Background(), target, names, func(dir string) error {
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("new-a, trunc"), 0o644); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if a, b := readFile(t, filepath.Join(target, "a.txt")), readFile(t, filepath.Join(target, "b.txt")); a != "old-a" || b != "old-b" {
		t.Errorf("earlier report = %q, %q; want it untouched", a, b)
	}
	if got := entries(t, parent); len(got) != 1 {
		t.Errorf("parent holds %q, want only rep", got)
	}
}

// TestWriteDirCancelled: a context cancelled while the files are being
// written (SIGINT) leaves no target and no temporary directory.
func TestWriteDirCancelled(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "rep")
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteDir(ctx, target, names, func(dir string) error {
		err := fillAB("1", "2")(dir)
		cancel()
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := entries(t, parent); len(got) != 0 {
		t.Errorf("parent holds %q, want nothing", got)
	}
	// Already cancelled: nothing is even created.
	if err := WriteDir(ctx, target, names, fillAB("1", "2")); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := entries(t, parent); len(got) != 0 {
		t.Errorf("parent holds %q, want nothing", got)
	}
}

func TestWriteDirRefusesTargets(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "report.html")
	os.WriteFile(file, []byte("precious"), 0o644)
	elsewhere := t.TempDir()
	os.WriteFile(filepath.Join(elsewhere, "a.txt"), []byte("precious"), 0o644)
	link := filepath.Join(parent, "link")
	if err := os.Symlink(elsewhere, link); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(parent, "home")
	os.Mkdir(other, 0o755)
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("precious"), 0o644)
	sub := filepath.Join(parent, "withsub")
	os.MkdirAll(filepath.Join(sub, "a.txt"), 0o755) // a known name, but a directory
	for _, c := range []struct{ name, target string }{
		{"existing file", file},
		{"symbolic link", link},
		{"directory of other files", other},
		{"directory with a subdirectory", sub},
		{"parent is a regular file", filepath.Join(file, "rep")}, // fails as root too
		{"parent missing", filepath.Join(parent, "no", "rep")},
	} {
		err := WriteDir(context.Background(), c.target, names, fillAB("x", "y"))
		var te *TargetError
		if !errors.As(err, &te) {
			t.Errorf("%s: err = %v, want a *TargetError", c.name, err)
		}
	}
	if readFile(t, file) != "precious" || readFile(t, filepath.Join(elsewhere, "a.txt")) != "precious" ||
		readFile(t, filepath.Join(other, "notes.txt")) != "precious" {
		t.Error("a refused target was changed")
	}
	if got := entries(t, parent); len(got) != 4 {
		t.Errorf("parent holds %q, want the 4 originals and no temporary", got)
	}
}

// TestWriteDirReadOnlyParent: permission bits do not stop root, so this
// case is skipped there (the regular-file parent case covers root).
func TestWriteDirReadOnlyParent(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores permission bits")
	}
	parent := t.TempDir()
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(parent, 0o755)
	var te *TargetError
	if err := WriteDir(context.Background(), filepath.Join(parent, "rep"), names, fillAB("x", "y")); !errors.As(err, &te) {
		t.Errorf("err = %v, want a *TargetError", err)
	}
}

func TestWriteFile(t *testing.T) {
	parent := t.TempDir()
	path := filepath.Join(parent, "out.json")
	if err := WriteFile(context.Background(), path, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), path, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "two" {
		t.Errorf("out.json = %q", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v", fi.Mode().Perm())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteFile(ctx, path, []byte("three"), 0o644); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	if got := readFile(t, path); got != "two" {
		t.Errorf("after a cancelled write out.json = %q, want it untouched", got)
	}
	target := filepath.Join(parent, "target")
	os.WriteFile(target, []byte("precious"), 0o644)
	link := filepath.Join(parent, "link.json")
	os.Symlink(target, link)
	for _, p := range []string{link, parent, filepath.Join(path, "x.json")} {
		var te *TargetError
		if err := WriteFile(context.Background(), p, []byte("x"), 0o644); !errors.As(err, &te) {
			t.Errorf("WriteFile(%s): err = %v, want a *TargetError", p, err)
		}
	}
	if readFile(t, target) != "precious" {
		t.Error("the symbolic link's target was overwritten")
	}
	if got := entries(t, parent); len(got) != 3 {
		t.Errorf("parent holds %q, want out.json, target, link.json only", got)
	}
}
