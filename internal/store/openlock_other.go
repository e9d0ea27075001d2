//go:build !unix

package store

// lockOpen is a no-op where flock is not available: concurrent first
// opens of one new file rely on SQLite's busy timeout alone.
func lockOpen(string) (func(), error) { return func() {}, nil }
