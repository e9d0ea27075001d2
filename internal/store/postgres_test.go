package store

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The PostgreSQL tests run against a real server: the one at
// $RAMPART_POSTGRES_URL if set, else a throwaway one that
// scripts/postgres-test.sh starts (as an unprivileged user, on a private
// socket directory and a free loopback port) on first use and stops
// after the tests. Without PostgreSQL installed they skip, unless
// RAMPART_POSTGRES=require (make test), when they fail.

var pg struct {
	once sync.Once
	url  string
	dir  string
	err  error
	n    atomic.Int64
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pg.dir != "" {
		if out, err := exec.Command(postgresScript(), "stop", pg.dir).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "stopping the test PostgreSQL: %v\n%s", err, out)
		}
	}
	os.Exit(code)
}

func postgresScript() string {
	p, _ := filepath.Abs(filepath.Join("..", "..", "scripts", "postgres-test.sh"))
	return p
}

// postgresServer returns the URL of the test server, starting it once.
func postgresServer(t *testing.T) string {
	t.Helper()
	pg.once.Do(func() {
		if u := os.Getenv("RAMPART_POSTGRES_URL"); u != "" {
			pg.url = u
			return
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			pg.err = err
			return
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		cmd := exec.Command(postgresScript(), "start", fmt.Sprint(port))
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, "RAMPART_POSTGRES_URL="); ok {
				pg.url = v
			}
			if v, ok := strings.CutPrefix(line, "RAMPART_POSTGRES_DIR="); ok {
				pg.dir = v
			}
		}
		if err != nil || pg.url == "" {
			pg.err = fmt.Errorf("scripts/postgres-test.sh start: %v\n%s", err, stderr.String())
		}
	})
	if pg.err != nil {
		if os.Getenv("RAMPART_POSTGRES") == "require" {
			t.Fatalf("RAMPART_POSTGRES=require, and no PostgreSQL server could be started: %v", pg.err)
		}
		t.Skipf("no PostgreSQL (set RAMPART_POSTGRES=require to make this a failure; 'scripts/postgres-test.sh install' installs it): %v", pg.err)
	}
	return pg.url
}

// openPostgres opens a store in a fresh database of the test server,
// dropped after the test.
func openPostgres(t *testing.T, o Options) Store {
	t.Helper()
	s, err := OpenPostgres(context.Background(), freshDatabase(t), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// freshDatabase creates an empty database and returns its URL.
func freshDatabase(t *testing.T) string {
	t.Helper()
	base := postgresServer(t)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("rampart_test_%d_%d", os.Getpid(), pg.n.Add(1))
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			_, _ = a.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func TestPostgres(t *testing.T) {
	testStore(t, func(t *testing.T) Store { return openPostgres(t, Options{}) })
}

// TestPostgresSchemaMatchesSQLite: the two migration sets give the same
// columns, in the same order, in each table.
func TestPostgresSchemaMatchesSQLite(t *testing.T) {
	p := openPostgres(t, Options{}).(*PostgresStore)
	s := openSQLite(t, Options{}).(*SQLiteStore)
	ctx := context.Background()
	for _, table := range []string{"runs", "statistics", "files", "sweeps", "sweep_points", "sweep_files"} {
		var pcols, scols []string
		rows, err := p.db.QueryContext(ctx, `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			_ = rows.Scan(&c)
			pcols = append(pcols, c)
		}
		rows.Close()
		rows, err = s.db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			_ = rows.Scan(&c)
			scols = append(scols, c)
		}
		rows.Close()
		if strings.Join(pcols, ",") != strings.Join(scols, ",") || len(pcols) == 0 {
			t.Errorf("table %s: PostgreSQL columns %v, SQLite columns %v", table, pcols, scols)
		}
	}
}

// TestPostgresLease: on PostgreSQL a run is interrupted when its owner's
// lease runs out (a pid says nothing across machines), and not before;
// and two stores migrating one database at once both succeed.
func TestPostgresLease(t *testing.T) {
	ctx := context.Background()
	u := freshDatabase(t)
	// A lease of 1.2 s renewed every 0.3 s: three heartbeats in a row
	// would have to be late, on a loaded machine, for a false failure.
	o := Options{Lease: testLease}
	var wg sync.WaitGroup
	stores := make([]*PostgresStore, 2)
	errs := make([]error, 2)
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = OpenPostgres(ctx, u, o)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("two stores opening one new database at once: %v", err)
		}
	}
	a, b := stores[0], stores[1]
	r, _ := a.Create(ctx, testSpec(1))
	_ = a.Start(ctx, r.ID)
	time.Sleep(testLease * 4 / 3)
	if ids, err := b.Recover(ctx); err != nil || len(ids) != 0 {
		t.Errorf("Recover with a live owner = %v, %v; want none", ids, err)
	}
	a.Close()
	time.Sleep(testLease * 4 / 3)
	ids, err := b.Recover(ctx)
	if err != nil || len(ids) != 1 || ids[0] != r.ID {
		t.Errorf("Recover after the owner stopped = %v, %v; want [%d]", ids, err, r.ID)
	}
	b.Close()
}
