package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The sweep statements of core, shared by both dialects; what runs and
// sweeps do alike is in table.go.

func (c *core) CreateSweep(ctx context.Context, s SweepSpec) (Sweep, error) {
	t := now()
	if len(s.Axes) == 0 {
		s.Axes = []byte("[]")
	}
	w := Sweep{SweepSpec: s, Status: Queued, CreatedAt: t, Owner: c.owner.id}
	var err error
	w.ID, err = c.insert(ctx, sweepTable, t, `scenario, scenario_sha256, rampart_version, seed, trials, fidelity, axes, points, reproduce`,
		s.Scenario, s.ScenarioSHA256, s.RampartVersion, s.Seed, s.Trials, s.Fidelity, string(s.Axes), s.Points, s.Reproduce)
	if err != nil {
		return Sweep{}, fmt.Errorf("store: create sweep: %w", err)
	}
	return w, nil
}

func (c *core) StartSweep(ctx context.Context, id int64) error {
	return wrap("start sweep", c.markRunning(ctx, sweepTable, id))
}

func (c *core) FailSweep(ctx context.Context, id int64, msg string) error {
	return wrap("fail sweep", c.markFailed(ctx, sweepTable, id, msg))
}

func (c *core) CancelSweep(ctx context.Context, id int64) error {
	return wrap("cancel sweep", c.markCancelled(ctx, sweepTable, id))
}

func (c *core) FinishSweep(ctx context.Context, id int64, out SweepOutcome) error {
	return c.finish(ctx, sweepTable, "finish sweep", id, func(tx *sql.Tx) error {
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
			if err := c.insertFile(ctx, tx, sweepTable, id, f); err != nil {
				return wrap("finish sweep: file "+f.Name, err)
			}
		}
		return nil
	}, "")
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
	w.StartedAt, w.FinishedAt = optUTC(started), optUTC(finished)
	return w, nil
}

func (c *core) GetSweep(ctx context.Context, id int64) (Sweep, error) {
	return get(ctx, c, sweepTable, "get sweep", id, scanSweep, func(w *Sweep) (err error) {
		if w.Rows, err = c.points(ctx, id); err != nil {
			return err
		}
		w.Files, err = c.fileInfos(ctx, sweepTable, id)
		return err
	})
}

// points are the points of sweep id, in grid order.
func (c *core) points(ctx context.Context, id int64) ([]SweepPoint, error) {
	return queryRows(ctx, c, func(sc scanner) (SweepPoint, error) {
		var p SweepPoint
		var settings, stats string
		err := sc.Scan(&p.Point, &settings, &stats, &p.Refused)
		p.Settings, p.Statistics = []byte(settings), []byte(stats)
		return p, err
	}, `SELECT point, settings, statistics, refused FROM sweep_points WHERE sweep_id = ? ORDER BY point`, id)
}

func (c *core) ReadSweepFile(ctx context.Context, id int64, name string) (File, error) {
	f, err := c.readFile(ctx, sweepTable, id, name)
	if errors.Is(err, sql.ErrNoRows) {
		st, err := c.status(ctx, c.db, sweepTable, id)
		if err != nil {
			return File{}, wrap("read sweep file", err)
		}
		if !st.Final() {
			return File{}, notFoundError(fmt.Sprintf("sweep %d has no %s yet (it is %s)", id, name, st))
		}
		return File{}, notFoundError(fmt.Sprintf("sweep %d has no file %q", id, name))
	}
	if err != nil {
		return File{}, wrap("read sweep file", err)
	}
	return f, nil
}

func (c *core) ListSweeps(ctx context.Context, o ListOptions) ([]Sweep, error) {
	ws, err := list(ctx, c, sweepTable, o, scanSweep)
	return ws, wrap("list sweeps", err)
}
