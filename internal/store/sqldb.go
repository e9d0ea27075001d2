package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rampart-sim/rampart/internal/study"
)

// core is the implementation the two dialects share: the statements, in
// '?' placeholder form (rebound to $n for PostgreSQL), and the heartbeat.
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

// finishHook, when set (by tests), is called inside Finish's transaction
// after each step, to let a test kill the process there.
var finishHook func(id int64, step string)

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
			for _, table := range []string{"runs", "sweeps"} {
				_, _ = c.db.ExecContext(ctx, c.q(`UPDATE `+table+` SET heartbeat_at = ? WHERE owner = ? AND status IN ('queued', 'running')`), now(), c.owner.id)
			}
			cancel()
		}
	}
}

func (c *core) Location() Location { return c.loc }

func (c *core) Close() error {
	c.closeOnce.Do(func() {
		close(c.stop)
		<-c.done
		c.closeErr = c.db.Close()
	})
	return c.closeErr
}

func (c *core) Create(ctx context.Context, s Spec) (Run, error) {
	t := now()
	r := Run{Spec: s, Status: Queued, CreatedAt: t, Owner: c.owner.id}
	err := c.db.QueryRowContext(ctx, c.q(`INSERT INTO runs (scenario, scenario_sha256, kind, rampart_version, seed, trials, fidelity,
		pick_threat, pick_defense, reproduce, status, created_at, heartbeat_at, owner, owner_host, owner_pid, owner_start)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		s.Scenario, s.ScenarioSHA256, s.Kind, s.RampartVersion, s.Seed, s.Trials, s.Fidelity,
		s.PickThreat, s.PickDefense, s.Reproduce, string(Queued), t, t, c.owner.id, c.owner.host, c.owner.pid, c.owner.start).Scan(&r.ID)
	if err != nil {
		return Run{}, fmt.Errorf("store: create run: %w", err)
	}
	return r, nil
}

// transition moves run id from one of the statuses from to to, setting
// the extra assignments; it tells ErrNotFound from ErrState.
func (c *core) transition(ctx context.Context, ex execer, id int64, from []Status, set string, args ...any) error {
	return c.transitionIn(ctx, ex, "runs", id, from, set, args...)
}

// transitionIn is transition on table runs or sweeps.
func (c *core) transitionIn(ctx context.Context, ex execer, table string, id int64, from []Status, set string, args ...any) error {
	in := make([]string, len(from))
	for i, s := range from {
		in[i] = "'" + string(s) + "'"
	}
	args = append(args, id)
	res, err := ex.ExecContext(ctx, c.q(`UPDATE `+table+` SET `+set+` WHERE id = ? AND status IN (`+strings.Join(in, ", ")+`)`), args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	var st string
	err = ex.QueryRowContext(ctx, c.q(`SELECT status FROM `+table+` WHERE id = ?`), id).Scan(&st)
	noun := strings.TrimSuffix(table, "s")
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundError(fmt.Sprintf("no %s %d", noun, id))
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%s %d is %s: %w", noun, id, st, ErrState)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (c *core) Start(ctx context.Context, id int64) error {
	t := now()
	return wrap("start", c.transition(ctx, c.db, id, []Status{Queued}, `status = 'running', started_at = ?, heartbeat_at = ?`, t, t))
}

func (c *core) Fail(ctx context.Context, id int64, msg string) error {
	if msg == "" {
		msg = "failed"
	}
	return wrap("fail", c.transition(ctx, c.db, id, []Status{Queued, Running}, `status = 'failed', error = ?, finished_at = ?`, msg, now()))
}

func (c *core) Cancel(ctx context.Context, id int64) error {
	return wrap("cancel", c.transition(ctx, c.db, id, []Status{Queued, Running}, `status = 'cancelled', error = 'cancelled', finished_at = ?`, now()))
}

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

func (c *core) Finish(ctx context.Context, id int64, out Outcome) (err error) {
	if out.Results == nil {
		return fmt.Errorf("store: finish run %d: no results", id)
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("finish", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err := c.transition(ctx, tx, id, []Status{Running}, `status = 'done', finished_at = ?, headline = ?, results = ?, error = ''`,
		now(), out.Headline, out.Results); err != nil {
		return wrap("finish", err)
	}
	hook(id, "run")
	for i, s := range out.Statistics {
		var lo, hi sql.NullFloat64
		if s.CI95 != nil {
			lo, hi = nullFloat(s.CI95[0]), nullFloat(s.CI95[1])
		}
		if _, err := tx.ExecContext(ctx, c.q(`INSERT INTO statistics (run_id, ordinal, name, label, kind, value, ci95_low, ci95_high, unit, trials)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), id, i, s.Name, s.Label, string(s.Kind), nullFloat(s.Value), lo, hi, s.Unit, s.Trials); err != nil {
			return wrap("finish: statistic "+s.Name, err)
		}
	}
	hook(id, "statistics")
	for _, f := range out.Files {
		if f.Name == ResultsFile {
			continue
		}
		sum := sha256.Sum256(f.Data)
		data := f.Data
		if data == nil {
			data = []byte{}
		}
		if _, err := tx.ExecContext(ctx, c.q(`INSERT INTO files (run_id, name, media_type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?)`),
			id, f.Name, f.MediaType, len(f.Data), hex.EncodeToString(sum[:]), data); err != nil {
			return wrap("finish: file "+f.Name, err)
		}
		hook(id, "file "+f.Name)
	}
	if err := tx.Commit(); err != nil {
		return wrap("finish: commit", err)
	}
	return nil
}

func hook(id int64, step string) {
	if finishHook != nil {
		finishHook(id, step)
	}
}

// nullFloat stores NaN as NULL (SQLite has no NaN).
func nullFloat(x float64) sql.NullFloat64 {
	return sql.NullFloat64{Float64: x, Valid: !math.IsNaN(x)}
}

func fromNull(x sql.NullFloat64) float64 {
	if !x.Valid {
		return math.NaN()
	}
	return x.Float64
}

const runColumns = `id, scenario, scenario_sha256, kind, rampart_version, seed, trials, fidelity, pick_threat, pick_defense,
	reproduce, status, error, created_at, started_at, finished_at, owner, headline`

type scanner interface{ Scan(dest ...any) error }

func scanRun(sc scanner) (Run, error) {
	var r Run
	var started, finished sql.NullTime
	var status string
	err := sc.Scan(&r.ID, &r.Scenario, &r.ScenarioSHA256, &r.Kind, &r.RampartVersion, &r.Seed, &r.Trials, &r.Fidelity,
		&r.PickThreat, &r.PickDefense, &r.Reproduce, &status, &r.Error, &r.CreatedAt, &started, &finished, &r.Owner, &r.Headline)
	if err != nil {
		return Run{}, err
	}
	r.Status = Status(status)
	r.CreatedAt = r.CreatedAt.UTC()
	if started.Valid {
		t := started.Time.UTC()
		r.StartedAt = &t
	}
	if finished.Valid {
		t := finished.Time.UTC()
		r.FinishedAt = &t
	}
	return r, nil
}

func (c *core) Get(ctx context.Context, id int64) (Run, error) {
	r, err := scanRun(c.db.QueryRowContext(ctx, c.q(`SELECT `+runColumns+` FROM runs WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, wrap("get", notFound(id))
	}
	if err != nil {
		return Run{}, wrap("get", err)
	}
	rows, err := c.db.QueryContext(ctx, c.q(`SELECT name, label, kind, value, ci95_low, ci95_high, unit, trials
		FROM statistics WHERE run_id = ? ORDER BY ordinal`), id)
	if err != nil {
		return Run{}, wrap("get", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s Statistic
		var kind string
		var v, lo, hi sql.NullFloat64
		if err := rows.Scan(&s.Name, &s.Label, &kind, &v, &lo, &hi, &s.Unit, &s.Trials); err != nil {
			return Run{}, wrap("get", err)
		}
		s.Kind, s.Value = study.StatisticKind(kind), fromNull(v)
		if lo.Valid || hi.Valid {
			s.CI95 = &[2]float64{fromNull(lo), fromNull(hi)}
		}
		r.Statistics = append(r.Statistics, s)
	}
	if err := rows.Err(); err != nil {
		return Run{}, wrap("get", err)
	}
	frows, err := c.db.QueryContext(ctx, c.q(`SELECT name, media_type, size, sha256 FROM files WHERE run_id = ? ORDER BY name`), id)
	if err != nil {
		return Run{}, wrap("get", err)
	}
	defer frows.Close()
	for frows.Next() {
		var f FileInfo
		if err := frows.Scan(&f.Name, &f.MediaType, &f.Size, &f.SHA256); err != nil {
			return Run{}, wrap("get", err)
		}
		r.Files = append(r.Files, f)
	}
	return r, wrap("get", frows.Err())
}

func (c *core) ReadFile(ctx context.Context, id int64, name string) (File, error) {
	f := File{Name: name}
	var err error
	if name == ResultsFile {
		f.MediaType = "application/json"
		var data []byte
		err = c.db.QueryRowContext(ctx, c.q(`SELECT results FROM runs WHERE id = ?`), id).Scan(&data)
		if err == nil && data == nil {
			return File{}, notFoundError(fmt.Sprintf("run %d has no %s yet", id, name))
		}
		f.Data = data
	} else {
		err = c.db.QueryRowContext(ctx, c.q(`SELECT media_type, data FROM files WHERE run_id = ? AND name = ?`), id, name).Scan(&f.MediaType, &f.Data)
	}
	if errors.Is(err, sql.ErrNoRows) {
		if _, gerr := c.Get(ctx, id); gerr != nil {
			return File{}, fmt.Errorf("store: read file: %w", gerr)
		}
		return File{}, notFoundError(fmt.Sprintf("run %d has no file %q", id, name))
	}
	if err != nil {
		return File{}, wrap("read file", err)
	}
	return f, nil
}

func (c *core) List(ctx context.Context, o ListOptions) ([]Run, error) {
	query, args := `SELECT `+runColumns+` FROM runs`, []any{}
	if o.Status != "" {
		query += ` WHERE status = ?`
		args = append(args, string(o.Status))
	}
	query += ` ORDER BY created_at DESC, id DESC LIMIT ?`
	args = append(args, o.limit())
	rows, err := c.db.QueryContext(ctx, c.q(query), args...)
	if err != nil {
		return nil, wrap("list", err)
	}
	defer rows.Close()
	out := []Run{}
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, wrap("list", err)
		}
		out = append(out, r)
	}
	return out, wrap("list", rows.Err())
}

func (c *core) Compare(ctx context.Context, a, b int64) (Comparison, error) {
	ra, err := c.Get(ctx, a)
	if err != nil {
		return Comparison{}, err
	}
	rb, err := c.Get(ctx, b)
	if err != nil {
		return Comparison{}, err
	}
	return Compare(ra, rb), nil
}

func (c *core) Recover(ctx context.Context) ([]int64, error) {
	if _, err := c.recoverIn(ctx, "sweeps"); err != nil {
		return nil, err
	}
	return c.recoverIn(ctx, "runs")
}

// recoverIn is Recover on table runs or sweeps.
func (c *core) recoverIn(ctx context.Context, table string) ([]int64, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT id, owner, owner_host, owner_pid, owner_start, heartbeat_at FROM `+table+` WHERE status IN ('queued', 'running')`)
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
		err := c.transitionIn(ctx, c.db, table, id, []Status{Queued, Running}, `status = 'failed', error = ?, finished_at = ?`, Interrupted, now())
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
