package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// migrations holds one migration set per dialect: migrations/sqlite and
// migrations/postgres, the same schema in each dialect's types.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// SchemaVersion is the version of the newest migration; a store is at it
// once opened.
const SchemaVersion = 1

// migrate applies the migrations of dialect d that db lacks. On
// PostgreSQL an advisory session lock serialises two processes migrating
// at once; on SQLite the write lock does.
func migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	sub, err := fs.Sub(migrations, "migrations/"+string(d))
	if err != nil {
		return err
	}
	var opts []goose.ProviderOption
	gd := goose.DialectSQLite3
	if d == Postgres {
		gd = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(gd, db, sub, opts...)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	v, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	if v > SchemaVersion {
		return fmt.Errorf("store: the database's schema is version %d, newer than this rampart's %d; use a newer rampart", v, SchemaVersion)
	}
	return nil
}
