package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// PostgresStore is a store in a PostgreSQL database (jackc/pgx/v5 through
// database/sql), for a team sharing one server. The schema is that of
// SQLiteStore in PostgreSQL's types; migrations take an advisory lock.
// Its Recover relies on the lease alone: the processes sharing a server
// are on several machines, where a pid says nothing.
type PostgresStore struct{ *core }

// OpenPostgres connects to the database at url (postgres://…) and
// migrates it.
func OpenPostgres(ctx context.Context, rawURL string, o Options) (*PostgresStore, error) {
	if o.Lease <= 0 {
		o.Lease = DefaultLease
	}
	loc := Location{Dialect: Postgres, URL: rawURL}
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return nil, &LocationError{Loc: loc.String(), Err: redact(err, rawURL)}
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &LocationError{Loc: loc.String(), Err: redact(err, rawURL)}
	}
	if err := migrate(ctx, db, Postgres); err != nil {
		db.Close()
		return nil, &LocationError{Loc: loc.String(), Err: err}
	}
	c := newCore(db, Postgres, loc, o)
	if err := c.start(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return &PostgresStore{c}, nil
}
