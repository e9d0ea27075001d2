package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, "sqlite"
)

// SQLiteStore is a store in one SQLite file (modernc.org/sqlite, pure
// Go). It runs in WAL mode (readers never wait for the writer), with
// synchronous=FULL (a committed run survives a power cut, not only a
// crash), foreign keys on, a busy timeout for writers of other
// processes, and BEGIN IMMEDIATE transactions (a writer takes the lock at
// the start, so two never deadlock upgrading a read).
type SQLiteStore struct{ *core }

// OpenSQLite opens, or creates, the store in the SQLite file path; its
// directory is created if missing (mode 0700: runs are the user's).
func OpenSQLite(ctx context.Context, path string, o Options) (*SQLiteStore, error) {
	if o.Lease <= 0 {
		o.Lease = DefaultLease
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = DefaultBusyTimeout
	}
	if path == "" {
		return nil, fmt.Errorf("store: no SQLite path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, &LocationError{Loc: path, Err: fmt.Errorf("is a directory, not a SQLite file")}
	} else if err != nil && o.MustExist {
		return nil, &LocationError{Loc: path, Err: fmt.Errorf("no run store here yet (store a run with 'rampart run --db %s'): %w", path, fs.ErrNotExist)}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, &LocationError{Loc: path, Err: err}
	}
	unlock, err := lockOpen(abs + ".lock")
	if err != nil {
		return nil, &LocationError{Loc: path, Err: err}
	}
	defer unlock()
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", o.BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &LocationError{Loc: path, Err: err}
	}
	var mode string
	if err := db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		db.Close()
		return nil, &LocationError{Loc: path, Err: fmt.Errorf("not a usable SQLite database (journal mode %q, %v)", mode, err)}
	}
	if err := migrate(ctx, db, SQLite); err != nil {
		db.Close()
		return nil, &LocationError{Loc: path, Err: err}
	}
	c := newCore(db, SQLite, Location{Dialect: SQLite, Path: path}, o)
	if err := c.start(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return &SQLiteStore{c}, nil
}

// LocationError is a store that cannot be opened at the location given:
// not a database, unreachable, refused. The command line exits 2 on it.
type LocationError struct {
	Loc string
	Err error
}

func (e *LocationError) Error() string { return fmt.Sprintf("run store %s: %v", e.Loc, e.Err) }
func (e *LocationError) Unwrap() error { return e.Err }
