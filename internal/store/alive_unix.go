//go:build unix && !linux

package store

import (
	"errors"
	"syscall"
)

// processStart is empty here: the start time of a process is not read.
func processStart(int) string { return "" }

// processAlive reports whether a process with this pid exists on this
// machine (signal 0 checks without sending; EPERM means it exists under
// another user). A zombie counts as alive until it is reaped, and a pid
// reused by another process as alive: the lease covers both.
func processAlive(pid int, _ string) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
