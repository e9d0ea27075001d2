package study

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFilesFailingWriterKeepsEarlier: a writer that fails after the
// first file leaves an earlier report directory untouched, no temporary
// directory, and is not reported as bad input.
func TestWriteFilesFailingWriterKeepsEarlier(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "rep")
	old := map[string]fileBody{}
	for _, n := range reportFiles {
		old[n] = bytesBody([]byte("old " + n))
	}
	if err := writeFiles(context.Background(), dir, old, createFile); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("no space left on device")
	calls := 0
	failing := func(name string) (io.WriteCloser, error) {
		f, err := createFile(name)
		if calls++; calls == 2 && err == nil {
			return &failingWriter{f, boom}, nil // a truncated file, then the failure
		}
		return f, err
	}
	fresh := map[string]fileBody{}
	for _, n := range reportFiles {
		fresh[n] = bytesBody([]byte("new " + n))
	}
	err := writeFiles(context.Background(), dir, fresh, failing)
	var ie *InputError
	if !errors.Is(err, boom) || errors.As(err, &ie) {
		t.Fatalf("err = %v, want %v and not an input error", err, boom)
	}
	for _, n := range reportFiles {
		if got, _ := os.ReadFile(filepath.Join(dir, n)); string(got) != "old "+n {
			t.Errorf("%s = %q, want the earlier report's", n, got)
		}
	}
	if es, _ := os.ReadDir(parent); len(es) != 1 {
		t.Errorf("parent holds %d entries, want only rep", len(es))
	}
}

// failingWriter writes half of what it is given, then fails with err.
type failingWriter struct {
	io.WriteCloser
	err error
}

func (f *failingWriter) Write(p []byte) (int, error) {
	n, _ := f.WriteCloser.Write(p[:len(p)/2])
	return n, f.err
}

// TestWriteFilesRefusedTargetIsInputError: a file where the directory
// should go is bad input, and the file is left alone.
func TestWriteFilesRefusedTargetIsInputError(t *testing.T) {
	file := filepath.Join(t.TempDir(), ReportFile)
	os.WriteFile(file, []byte("precious"), 0o644)
	files := map[string]fileBody{}
	for _, n := range reportFiles {
		files[n] = bytesBody([]byte(n))
	}
	for _, target := range []string{file, filepath.Join(file, "rep")} {
		var ie *InputError
		if err := writeFiles(context.Background(), target, files, createFile); !errors.As(err, &ie) {
			t.Errorf("writeFiles(%s) = %v, want an input error", target, err)
		}
	}
	if got, _ := os.ReadFile(file); string(got) != "precious" {
		t.Errorf("%s = %q, want it untouched", file, got)
	}
}
