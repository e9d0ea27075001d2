package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The statements runs and sweeps share. Both are records with the life
// of a run (Status), an owner and a lease (heartbeat_at), and files;
// they differ in their columns and in what Finish writes besides the
// files (a run's statistics and results, a sweep's points).

// table is one kind of record: its table, the table of its files, and
// the noun its messages use.
type table struct {
	name    string // the records: "runs"
	noun    string // one record, in messages: "run"
	columns string // the columns its scan reads, in order
	files   string // its files: "files"
	fileKey string // the files' column naming the record: "run_id"
}

var (
	runTable   = table{name: "runs", noun: "run", columns: runColumns, files: "files", fileKey: "run_id"}
	sweepTable = table{name: "sweeps", noun: "sweep", columns: sweepColumns, files: "sweep_files", fileKey: "sweep_id"}
)

// leased are the tables whose live records the heartbeat renews.
var leased = []table{runTable, sweepTable}

// notFound is ErrNotFound for record id, said plainly ("no run 9").
func (t table) notFound(id int64) error { return notFoundError(fmt.Sprintf("no %s %d", t.noun, id)) }

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type scanner interface{ Scan(dest ...any) error }

// ownerColumns are the columns insert sets besides the record's own:
// queued, created now, and owned by this store's process, whose lease
// starts now.
const ownerColumns = `status, created_at, heartbeat_at, owner, owner_host, owner_pid, owner_start`

// insert stores a new queued record of t created at at, with its
// columns cols (comma separated) set to vals, and returns its id.
func (c *core) insert(ctx context.Context, t table, at time.Time, cols string, vals ...any) (int64, error) {
	vals = append(vals, string(Queued), at, at, c.owner.id, c.owner.host, c.owner.pid, c.owner.start)
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")
	var id int64
	err := c.db.QueryRowContext(ctx, c.q(`INSERT INTO `+t.name+` (`+cols+`, `+ownerColumns+`) VALUES (`+marks+`) RETURNING id`), vals...).Scan(&id)
	return id, err
}

// status is the status of record id of t (t.notFound if there is none).
func (c *core) status(ctx context.Context, ex execer, t table, id int64) (Status, error) {
	var st string
	err := ex.QueryRowContext(ctx, c.q(`SELECT status FROM `+t.name+` WHERE id = ?`), id).Scan(&st)
	if errors.Is(err, sql.ErrNoRows) {
		return "", t.notFound(id)
	}
	return Status(st), err
}

// transition moves record id of t from one of the statuses from, setting
// the assignments set (with args); it tells ErrNotFound from ErrState.
func (c *core) transition(ctx context.Context, ex execer, t table, id int64, from []Status, set string, args ...any) error {
	in := make([]string, len(from))
	for i, s := range from {
		in[i] = "'" + string(s) + "'"
	}
	args = append(args, id)
	res, err := ex.ExecContext(ctx, c.q(`UPDATE `+t.name+` SET `+set+` WHERE id = ? AND status IN (`+strings.Join(in, ", ")+`)`), args...)
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
	st, err := c.status(ctx, ex, t, id)
	if err != nil {
		return err
	}
	return fmt.Errorf("%s %d is %s: %w", t.noun, id, st, ErrState)
}

// markRunning moves queued record id of t to running.
func (c *core) markRunning(ctx context.Context, t table, id int64) error {
	at := now()
	return c.transition(ctx, c.db, t, id, []Status{Queued}, `status = 'running', started_at = ?, heartbeat_at = ?`, at, at)
}

// markFailed moves queued or running record id of t to failed with
// message msg ("failed" if empty).
func (c *core) markFailed(ctx context.Context, t table, id int64, msg string) error {
	if msg == "" {
		msg = "failed"
	}
	return c.transition(ctx, c.db, t, id, []Status{Queued, Running}, `status = 'failed', error = ?, finished_at = ?`, msg, now())
}

// markCancelled moves queued or running record id of t to cancelled.
func (c *core) markCancelled(ctx context.Context, t table, id int64) error {
	return c.transition(ctx, c.db, t, id, []Status{Queued, Running}, `status = 'cancelled', error = 'cancelled', finished_at = ?`, now())
}

// finish moves running record id of t to done, with the further
// assignments set (with args, "" for none), and calls write, in one
// transaction. op names the operation in errors; write wraps its own.
func (c *core) finish(ctx context.Context, t table, op string, id int64, write func(tx *sql.Tx) error, set string, args ...any) (err error) {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return wrap(op, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	done := `status = 'done', finished_at = ?, error = ''`
	if set != "" {
		done += ", " + set
	}
	if err := c.transition(ctx, tx, t, id, []Status{Running}, done, append([]any{now()}, args...)...); err != nil {
		return wrap(op, err)
	}
	if err := write(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return wrap(op+": commit", err)
	}
	return nil
}

// insertFile writes file f of record id of t, with its size and SHA-256.
func (c *core) insertFile(ctx context.Context, tx *sql.Tx, t table, id int64, f File) error {
	sum := sha256.Sum256(f.Data)
	data := f.Data
	if data == nil {
		data = []byte{} // the column is NOT NULL
	}
	_, err := tx.ExecContext(ctx, c.q(`INSERT INTO `+t.files+` (`+t.fileKey+`, name, media_type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?)`),
		id, f.Name, f.MediaType, len(f.Data), hex.EncodeToString(sum[:]), data)
	return err
}

// get reads record id of t with scan, and then what fill adds to it (its
// parts and files); op names the operation in errors.
func get[T any](ctx context.Context, c *core, t table, op string, id int64, scan func(scanner) (T, error), fill func(*T) error) (T, error) {
	var zero T
	r, err := scan(c.db.QueryRowContext(ctx, c.q(`SELECT `+t.columns+` FROM `+t.name+` WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return zero, t.notFound(id)
	}
	if err == nil {
		err = fill(&r)
	}
	if err != nil {
		return zero, wrap(op, err)
	}
	return r, nil
}

// fileInfos lists the files of record id of t, by name, without their data.
func (c *core) fileInfos(ctx context.Context, t table, id int64) ([]FileInfo, error) {
	return queryRows(ctx, c, func(sc scanner) (FileInfo, error) {
		var f FileInfo
		err := sc.Scan(&f.Name, &f.MediaType, &f.Size, &f.SHA256)
		return f, err
	}, `SELECT name, media_type, size, sha256 FROM `+t.files+` WHERE `+t.fileKey+` = ? ORDER BY name`, id)
}

// queryRows runs query (with args) and reads each row with scan; nil if
// there is none.
func queryRows[T any](ctx context.Context, c *core, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := c.db.QueryContext(ctx, c.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// readFile reads file name of record id of t; sql.ErrNoRows if the
// record has no such file (or there is no record id).
func (c *core) readFile(ctx context.Context, t table, id int64, name string) (File, error) {
	f := File{Name: name}
	err := c.db.QueryRowContext(ctx, c.q(`SELECT media_type, data FROM `+t.files+` WHERE `+t.fileKey+` = ? AND name = ?`), id, name).Scan(&f.MediaType, &f.Data)
	if err != nil {
		return File{}, err
	}
	return f, nil
}

// list returns the records of t that o selects, newest first, each read
// by scan (without what get adds); an empty list is empty, not nil.
func list[T any](ctx context.Context, c *core, t table, o ListOptions, scan func(scanner) (T, error)) ([]T, error) {
	query, args := `SELECT `+t.columns+` FROM `+t.name, []any{}
	if o.Status != "" {
		query += ` WHERE status = ?`
		args = append(args, string(o.Status))
	}
	query += ` ORDER BY created_at DESC, id DESC LIMIT ?`
	args = append(args, o.limit())
	out, err := queryRows(ctx, c, scan, query, args...)
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []T{}
	}
	return out, nil
}

// optUTC is a nullable time read back: nil, or the time in UTC.
func optUTC(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}
