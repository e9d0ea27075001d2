// Package atomicdir writes outputs whole or not at all: a report directory
// is filled in a fresh temporary directory beside its target and renamed
// into place when complete; a single file is written to a temporary file
// in the same directory and renamed. On any failure, or when the context
// is cancelled (SIGINT), the temporary is removed and an earlier output at
// the target is left as it was.
//
// Nothing inside an output is ever followed: every file is created fresh
// in a fresh directory. A target that is a symbolic link, or a directory
// target that is a regular file, is refused with a *TargetError.
//
// Replacing an earlier report directory: the old one is renamed aside
// (to a hidden sibling), the new one renamed in, then the old one removed.
// If the second rename fails the old one is renamed back. A crash between
// the two renames can leave the old report in the hidden sibling
// ".NAME.tmp-*-old", never a half-written NAME.
package atomicdir

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// TargetError reports a target that cannot be written to at all: a
// symbolic link, a file where a directory is wanted (or the reverse), a
// directory that is not an earlier output, or a parent that is missing or
// not writable. Callers treat it as bad input.
type TargetError struct {
	Path string
	Err  error
}

func (e *TargetError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *TargetError) Unwrap() error { return e.Err }

func refuse(path, format string, a ...any) error {
	return &TargetError{Path: path, Err: fmt.Errorf(format, a...)}
}

// WriteDir creates the directory target through fill, which writes the
// output's files into the empty directory it is given. If target already
// exists it must be a directory holding only regular files named in names
// (an earlier output, or an empty directory); it is then replaced whole.
func WriteDir(ctx context.Context, target string, names []string, fill func(dir string) error) (err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	exists, err := checkDirTarget(target, names)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	parent, base := filepath.Split(filepath.Clean(target))
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-*")
	if err != nil {
		return &TargetError{Path: target, Err: err}
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	syncDir(tmp)
	if err := ctx.Err(); err != nil {
		return err
	}
	if !exists {
		if err := os.Rename(tmp, target); err != nil {
			return &TargetError{Path: target, Err: err}
		}
		syncDir(parent)
		return nil
	}
	old := tmp + "-old"
	if err := os.Rename(target, old); err != nil {
		return &TargetError{Path: target, Err: fmt.Errorf("cannot move the earlier output aside: %w", err)}
	}
	if err := os.Rename(tmp, target); err != nil {
		if rerr := os.Rename(old, target); rerr != nil {
			return fmt.Errorf("%s: %w; the earlier output is in %s (%v)", target, err, old, rerr)
		}
		return &TargetError{Path: target, Err: err}
	}
	syncDir(parent)
	return os.RemoveAll(old)
}

// CheckDir refuses a target WriteDir would refuse, so that a command can
// report a bad output path before a long computation rather than after.
func CheckDir(target string, names []string) error {
	_, err := checkDirTarget(target, names)
	return err
}

// checkDirTarget reports whether target exists, and refuses it if it is
// not a directory of an earlier output.
func checkDirTarget(target string, names []string) (bool, error) {
	fi, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &TargetError{Path: target, Err: err}
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return false, refuse(target, "is a symbolic link; give a new or an earlier output directory")
	case !fi.IsDir():
		return false, refuse(target, "exists and is not a directory; refusing to replace it")
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return false, &TargetError{Path: target, Err: err}
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !slices.Contains(names, e.Name()) {
			return false, refuse(target, "is a directory that is not an earlier output (it holds %s); refusing to replace it", e.Name())
		}
	}
	return true, nil
}

// WriteFile writes data to path through a temporary file in the same
// directory, renamed into place, so that path is never half written. An
// existing regular file at path is replaced; a symbolic link or a
// directory is refused.
func WriteFile(ctx context.Context, path string, data []byte, perm fs.FileMode) (err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if fi, err := os.Lstat(path); err == nil {
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			return refuse(path, "is a symbolic link; refusing to write through it")
		case !fi.Mode().IsRegular():
			return refuse(path, "exists and is not a regular file")
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return &TargetError{Path: path, Err: err}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &TargetError{Path: path, Err: err}
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(perm); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return &TargetError{Path: path, Err: err}
	}
	return nil
}

// syncDir flushes a directory's entries to disk, as far as the file
// system allows; it is best effort (power loss is not what this package
// guards against, interrupts and failures are).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
