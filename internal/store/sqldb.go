package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// core is the implementation the two dialects share: the statements, in
// '?' placeholder form (rebound to $n for PostgreSQL; table.go for those
// of runs and sweeps alike, rundb.go and sweepdb.go for their own), and
// the lease: the heartbeat and Recover (this file).
type core struct {
	db      *sql.DB
	dialect Dialect
	loc     Location
	owner   owner
	lease   time.Duration
	// checkPID is whether Recover may fail a run whose owner's pid is
	// gone from this machine before its lease runs out (SQLite: a local
	// file is shared by processes of one machine).
	checkPID bool

	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

func newCore(db *sql.DB, d Dialect, loc Location, o Options) *core {
	return &core{db: db, dialect: d, loc: loc, owner: newOwner(), lease: o.Lease,
		checkPID: d == SQLite, stop: make(chan struct{}), done: make(chan struct{})}
}

// now is the time the store writes: UTC, to the microsecond (what
// PostgreSQL keeps), so that a time read back equals the time written.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// q rebinds a statement's '?' placeholders for the dialect.
func (c *core) q(s string) string {
	if c.dialect != Postgres {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// start begins the heartbeat and recovers interrupted runs.
func (c *core) start(ctx context.Context) error {
	if _, err := c.Recover(ctx); err != nil {
		return err
	}
	go c.heartbeat()
	return nil
}

// heartbeat renews the lease of this owner's live runs every lease/4.
func (c *core) heartbeat() {
	defer close(c.done)
	t := time.NewTicker(c.lease / 4)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), c.lease/4)
			for _, t := range leased {
				_, _ = c.db.ExecContext(ctx, c.q(`UPDATE `+t.name+` SET heartbeat_at = ? WHERE owner = ? AND status IN ('queued', 'running')`), now(), c.owner.id)
			}
			cancel()
		}
	}
}

func (c *core) Location() Location { return c.loc }

// wrap names the operation in a store error, keeping ErrNotFound and
// ErrState visible to errors.Is.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var nf notFoundError
	if errors.As(err, &nf) {
		return err
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

func (c *core) Close() error {
	c.closeOnce.Do(func() {
		close(c.stop)
		<-c.done
		c.closeErr = c.db.Close()
	})
	return c.closeErr
}

func (c *core) Recover(ctx context.Context) ([]int64, error) {
	if _, err := c.recover(ctx, sweepTable); err != nil {
		return nil, err
	}
	return c.recover(ctx, runTable)
}

// recover is Recover on table t.
func (c *core) recover(ctx context.Context, t table) ([]int64, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT id, owner, owner_host, owner_pid, owner_start, heartbeat_at FROM `+t.name+` WHERE status IN ('queued', 'running')`)
	if err != nil {
		return nil, wrap("recover", err)
	}
	cutoff := now().Add(-c.lease)
	var dead []int64
	for rows.Next() {
		var id int64
		var ownerID, host, start string
		var pid int
		var beat time.Time
		if err := rows.Scan(&id, &ownerID, &host, &pid, &start, &beat); err != nil {
			rows.Close()
			return nil, wrap("recover", err)
		}
		if ownerID == c.owner.id {
			continue
		}
		gone := c.checkPID && host == c.owner.host && pid != c.owner.pid && !processAlive(pid, start)
		if gone || beat.Before(cutoff) {
			dead = append(dead, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, wrap("recover", err)
	}
	var failed []int64
	for _, id := range dead {
		err := c.markFailed(ctx, t, id, Interrupted)
		if errors.Is(err, ErrState) || errors.Is(err, ErrNotFound) {
			continue // finished meanwhile
		}
		if err != nil {
			return failed, wrap("recover", err)
		}
		failed = append(failed, id)
	}
	return failed, nil
}
