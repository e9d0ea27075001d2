package store

import (
	"context"
	"fmt"
	"time"
)

// Store keeps runs. Its two implementations, *SQLiteStore and
// *PostgresStore, share one schema (migrations/) and one set of
// statements; they differ in how they connect, migrate and lock, and in
// how Recover decides that a run's process is gone.
//
// Every method is safe for concurrent use, and every write is one
// transaction: a reader sees a run before or after an operation, never
// in between.
type Store interface {
	// Create stores spec as a new queued run, owned by this store's
	// process, and returns it.
	Create(ctx context.Context, spec Spec) (Run, error)
	// Start marks a queued run running.
	Start(ctx context.Context, id int64) error
	// Finish marks a running run done and writes its outcome (headline,
	// statistics, results, files) in the same transaction.
	Finish(ctx context.Context, id int64, out Outcome) error
	// Fail marks a queued or running run failed with message msg.
	Fail(ctx context.Context, id int64, msg string) error
	// Cancel marks a queued or running run cancelled.
	Cancel(ctx context.Context, id int64) error
	// Get returns a run with its statistics and the list of its files.
	Get(ctx context.Context, id int64) (Run, error)
	// ReadFile returns one file of a run (ResultsFile for its results).
	ReadFile(ctx context.Context, id int64, name string) (File, error)
	// List returns runs newest first, without statistics or files.
	List(ctx context.Context, o ListOptions) ([]Run, error)
	// Compare returns the differences, b minus a, of the headline
	// statistics of runs a and b (Compare).
	Compare(ctx context.Context, a, b int64) (Comparison, error)
	// Recover marks failed, with the message Interrupted, every queued
	// or running run and sweep whose process is gone, and returns the
	// runs' ids. Open calls it.
	Recover(ctx context.Context) ([]int64, error)
	// Sweeps keeps sweeps and their points (sweep.go).
	Sweeps

	// Location is where the store lives.
	Location() Location
	// Close stops the heartbeat and closes the database.
	Close() error
}

// Options tune a store; the zero value is the default.
type Options struct {
	// Lease is how long a queued or running run stays claimed by its
	// process after the process's last heartbeat; Recover fails runs
	// whose lease has run out. 0 means DefaultLease. The heartbeat
	// comes every Lease/4.
	Lease time.Duration
	// BusyTimeout is how long a SQLite write waits for another
	// process's write (0: DefaultBusyTimeout).
	BusyTimeout time.Duration
	// MustExist refuses to create a SQLite file that is not there (the
	// error wraps fs.ErrNotExist): readers should not leave an empty
	// store behind.
	MustExist bool
}

// Defaults of Options.
const (
	DefaultLease       = 60 * time.Second
	DefaultBusyTimeout = 10 * time.Second
)

// Open opens (creating it if needed) the store at loc, applies the
// migrations it lacks, and runs Recover.
func Open(ctx context.Context, loc Location, o Options) (Store, error) {
	if o.Lease <= 0 {
		o.Lease = DefaultLease
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = DefaultBusyTimeout
	}
	switch loc.Dialect {
	case SQLite:
		return OpenSQLite(ctx, loc.Path, o)
	case Postgres:
		return OpenPostgres(ctx, loc.URL, o)
	}
	return nil, fmt.Errorf("store: unknown dialect %q", loc.Dialect)
}
