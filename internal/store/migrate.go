package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"time"

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
const SchemaVersion = 2

// migrate applies the migrations of dialect d that db lacks. On
// PostgreSQL an advisory session lock serialises two processes migrating
// at once. SQLite has no such lock: two processes opening a new file
// together may both try the first migration; the loser's transaction
// rolls back ("table runs already exists"), and it tries again, when it
// finds the migration applied.
func migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	const attempts = 10
	var err error
	for i := range attempts {
		if err = migrateOnce(ctx, db, d); err == nil || d != SQLite || ctx.Err() != nil || !lostRace(err) {
			return err
		}
		time.Sleep(time.Duration(20*(i+1)) * time.Millisecond)
	}
	return err
}

func migrateOnce(ctx context.Context, db *sql.DB, d Dialect) error {
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

// lostRace reports whether a SQLite migration failed because another
// process was migrating the same file.
func lostRace(err error) bool {
	m := err.Error()
	return strings.Contains(m, "already exists") || strings.Contains(m, "database is locked") || strings.Contains(m, "SQLITE_BUSY")
}
