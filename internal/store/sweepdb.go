package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// The sweep statements of core, shared by both dialects.

func (c *core) CreateSweep(ctx context.Context, s SweepSpec) (Sweep, error) {
	t := now()
	if len(s.Axes) == 0 {
		s.Axes = []byte("[]")
	}
	w := Sweep{SweepSpec: s, Status: Queued, CreatedAt: t, Owner: c.owner.id}
	err := c.db.QueryRowContext(ctx, c.q(`INSERT INTO sweeps (scenario, scenario_sha256, rampart_version, seed, trials, fidelity, axes, points,
		reproduce, status, created_at, heartbeat_at, owner, owner_host, owner_pid, owner_start)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		s.Scenario, s.ScenarioSHA256, s.RampartVersion, s.Seed, s.Trials, s.Fidelity, string(s.Axes), s.Points,
		s.Reproduce, string(Queued), t, t, c.owner.id, c.owner.host, c.owner.pid, c.owner.start).Scan(&w.ID)
	if err != nil {
		return Sweep{}, fmt.Errorf("store: create sweep: %w", err)
	}
	return w, nil
}

func (c *core) StartSweep(ctx context.Context, id int64) error {
	t := now()
	return wrap("start sweep", c.transitionIn(ctx, c.db, "sweeps", id, []Status{Queued}, `status = 'running', started_at = ?, heartbeat_at = ?`, t, t))
}

func (c *core) FailSweep(ctx context.Context, id int64, msg string) error {
	if msg == "" {
		msg = "failed"
	}
	return wrap("fail sweep", c.transitionIn(ctx, c.db, "sweeps", id, []Status{Queued, Running}, `status = 'failed', error = ?, finished_at = ?`, msg, now()))
}

func (c *core) CancelSweep(ctx context.Context, id int64) error {
	return wrap("cancel sweep", c.transitionIn(ctx, c.db, "sweeps", id, []Status{Queued, Running}, `status = 'cancelled', error = 'cancelled', finished_at = ?`, now()))
}

func (c *core) FinishSweep(ctx context.Context, id int64, out SweepOutcome) (err error) {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("finish sweep", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err := c.transitionIn(ctx, tx, "sweeps", id, []Status{Running}, `status = 'done', finished_at = ?, error = ''`, now()); err != nil {
		return wrap("finish sweep", err)
	}
	for _, p := range out.Points {
		settings, stats := string(p.Settings), string(p.Statistics)
		if settings == "" {
			settings = "[]"
		}
		if stats == "" {
			stats = "{}"
		}
		if _, err := tx.ExecContext(ctx, c.q(`INSERT INTO sweep_points (sweep_id, point, settings, statistics, refused) VALUES (?, ?, ?, ?, ?)`),
			id, p.Point, settings, stats, p.Refused); err != nil {
			return wrap(fmt.Sprintf("finish sweep: point %d", p.Point), err)
		}
	}
	for _, f := range out.Files {
		sum := sha256.Sum256(f.Data)
		data := f.Data
		if data == nil {
			data = []byte{}
		}
		if _, err := tx.ExecContext(ctx, c.q(`INSERT INTO sweep_files (sweep_id, name, media_type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?)`),
			id, f.Name, f.MediaType, len(f.Data), hex.EncodeToString(sum[:]), data); err != nil {
			return wrap("finish sweep: file "+f.Name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return wrap("finish sweep: commit", err)
	}
	return nil
}

const sweepColumns = `id, scenario, scenario_sha256, rampart_version, seed, trials, fidelity, axes, points,
	reproduce, status, error, created_at, started_at, finished_at, owner`

func scanSweep(sc scanner) (Sweep, error) {
	var w Sweep
	var started, finished sql.NullTime
	var status, axes string
	err := sc.Scan(&w.ID, &w.Scenario, &w.ScenarioSHA256, &w.RampartVersion, &w.Seed, &w.Trials, &w.Fidelity, &axes, &w.Points,
		&w.Reproduce, &status, &w.Error, &w.CreatedAt, &started, &finished, &w.Owner)
	if err != nil {
		return Sweep{}, err
	}
	w.Axes = []byte(axes)
	w.Status = Status(status)
	w.CreatedAt = w.CreatedAt.UTC()
	if started.Valid {
		t := started.Time.UTC()
		w.StartedAt = &t
	}
	if finished.Valid {
		t := finished.Time.UTC()
		w.FinishedAt = &t
	}
	return w, nil
}

func noSweep(id int64) error { return notFoundError(fmt.Sprintf("no sweep %d", id)) }

func (c *core) GetSweep(ctx context.Context, id int64) (Sweep, error) {
	w, err := scanSweep(c.db.QueryRowContext(ctx, c.q(`SELECT `+sweepColumns+` FROM sweeps WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Sweep{}, noSweep(id)
	}
	if err != nil {
		return Sweep{}, wrap("get sweep", err)
	}
	rows, err := c.db.QueryContext(ctx, c.q(`SELECT point, settings, statistics, refused FROM sweep_points WHERE sweep_id = ? ORDER BY point`), id)
	if err != nil {
		return Sweep{}, wrap("get sweep", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p SweepPoint
		var settings, stats string
		if err := rows.Scan(&p.Point, &settings, &stats, &p.Refused); err != nil {
			return Sweep{}, wrap("get sweep", err)
		}
		p.Settings, p.Statistics = []byte(settings), []byte(stats)
		w.Rows = append(w.Rows, p)
	}
	if err := rows.Err(); err != nil {
		return Sweep{}, wrap("get sweep", err)
	}
	frows, err := c.db.QueryContext(ctx, c.q(`SELECT name, media_type, size, sha256 FROM sweep_files WHERE sweep_id = ? ORDER BY name`), id)
	if err != nil {
		return Sweep{}, wrap("get sweep", err)
	}
	defer frows.Close()
	for frows.Next() {
		var f FileInfo
		if err := frows.Scan(&f.Name, &f.MediaType, &f.Size, &f.SHA256); err != nil {
			return Sweep{}, wrap("get sweep", err)
		}
		w.Files = append(w.Files, f)
	}
	return w, wrap("get sweep", frows.Err())
}

func (c *core) ReadSweepFile(ctx context.Context, id int64, name string) (File, error) {
	f := File{Name: name}
	err := c.db.QueryRowContext(ctx, c.q(`SELECT media_type, data FROM sweep_files WHERE sweep_id = ? AND name = ?`), id, name).Scan(&f.MediaType, &f.Data)
	if errors.Is(err, sql.ErrNoRows) {
		w, gerr := c.GetSweep(ctx, id)
		if gerr != nil {
			return File{}, gerr
		}
		if !w.Status.Final() {
			return File{}, notFoundError(fmt.Sprintf("sweep %d has no %s yet (it is %s)", id, name, w.Status))
		}
		return File{}, notFoundError(fmt.Sprintf("sweep %d has no file %q", id, name))
	}
	if err != nil {
		return File{}, wrap("read sweep file", err)
	}
	return f, nil
}

func (c *core) ListSweeps(ctx context.Context, o ListOptions) ([]Sweep, error) {
	query, args := `SELECT `+sweepColumns+` FROM sweeps`, []any{}
	if o.Status != "" {
		query += ` WHERE status = ?`
		args = append(args, string(o.Status))
	}
	query += ` ORDER BY created_at DESC, id DESC LIMIT ?`
	args = append(args, o.limit())
	rows, err := c.db.QueryContext(ctx, c.q(query), args...)
	if err != nil {
		return nil, wrap("list sweeps", err)
	}
	defer rows.Close()
	out := []Sweep{}
	for rows.Next() {
		w, err := scanSweep(rows)
		if err != nil {
			return nil, wrap("list sweeps", err)
		}
		out = append(out, w)
	}
	return out, wrap("list sweeps", rows.Err())
}
