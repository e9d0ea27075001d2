//go:build unix

package store

import (
	"os"
	"syscall"
)

// lockOpen holds an exclusive advisory lock (flock) on path while a
// SQLite store is opened and migrated, so that processes opening one new
// file at once (two `rampart run --db` started together) take turns: the
// first creates the file, sets WAL mode and migrates it, and the others
// find it ready. SQLite's busy timeout does not cover all of that (the
// switch to WAL mode of a file being created can fail at once with
// SQLITE_BUSY). The returned function releases the lock.
func lockOpen(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
