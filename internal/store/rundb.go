package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/internal/study"
)

// The run statements of core, shared by both dialects; what runs and
// sweeps do alike is in table.go.

// finishHook, when set (by tests), is called inside Finish's transaction
// after each step, to let a test kill the process there.
var finishHook func(id int64, step string)

func hook(id int64, step string) {
	if finishHook != nil {
		finishHook(id, step)
	}
}

func (c *core) Create(ctx context.Context, s Spec) (Run, error) {
	t := now()
	r := Run{Spec: s, Status: Queued, CreatedAt: t, Owner: c.owner.id}
	var err error
	r.ID, err = c.insert(ctx, runTable, t, `scenario, scenario_sha256, kind, rampart_version, seed, trials, fidelity, pick_threat, pick_defense, reproduce`,
		s.Scenario, s.ScenarioSHA256, s.Kind, s.RampartVersion, s.Seed, s.Trials, s.Fidelity, s.PickThreat, s.PickDefense, s.Reproduce)
	if err != nil {
		return Run{}, fmt.Errorf("store: create run: %w", err)
	}
	return r, nil
}

func (c *core) Start(ctx context.Context, id int64) error {
	return wrap("start", c.markRunning(ctx, runTable, id))
}

func (c *core) Fail(ctx context.Context, id int64, msg string) error {
	return wrap("fail", c.markFailed(ctx, runTable, id, msg))
}

func (c *core) Cancel(ctx context.Context, id int64) error {
	return wrap("cancel", c.markCancelled(ctx, runTable, id))
}

func (c *core) Finish(ctx context.Context, id int64, out Outcome) error {
	if out.Results == nil {
		return fmt.Errorf("store: finish run %d: no results", id)
	}
	return c.finish(ctx, runTable, "finish", id, func(tx *sql.Tx) error {
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
				continue // it is Results
			}
			if err := c.insertFile(ctx, tx, runTable, id, f); err != nil {
				return wrap("finish: file "+f.Name, err)
			}
			hook(id, "file "+f.Name)
		}
		return nil
	}, `headline = ?, results = ?`, out.Headline, out.Results)
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
	r.StartedAt, r.FinishedAt = optUTC(started), optUTC(finished)
	return r, nil
}

func (c *core) Get(ctx context.Context, id int64) (Run, error) {
	return get(ctx, c, runTable, "get", id, scanRun, func(r *Run) (err error) {
		if r.Statistics, err = c.statistics(ctx, id); err != nil {
			return err
		}
		r.Files, err = c.fileInfos(ctx, runTable, id)
		return err
	})
}

// statistics are the statistics of run id, in their order.
func (c *core) statistics(ctx context.Context, id int64) ([]Statistic, error) {
	return queryRows(ctx, c, func(sc scanner) (Statistic, error) {
		var s Statistic
		var kind string
		var v, lo, hi sql.NullFloat64
		if err := sc.Scan(&s.Name, &s.Label, &kind, &v, &lo, &hi, &s.Unit, &s.Trials); err != nil {
			return Statistic{}, err
		}
		s.Kind, s.Value = study.StatisticKind(kind), fromNull(v)
		if lo.Valid || hi.Valid {
			s.CI95 = &[2]float64{fromNull(lo), fromNull(hi)}
		}
		return s, nil
	}, `SELECT name, label, kind, value, ci95_low, ci95_high, unit, trials FROM statistics WHERE run_id = ? ORDER BY ordinal`, id)
}

func (c *core) ReadFile(ctx context.Context, id int64, name string) (File, error) {
	var f File
	var err error
	if name == ResultsFile {
		f = File{Name: name, MediaType: "application/json"}
		err = c.db.QueryRowContext(ctx, c.q(`SELECT results FROM runs WHERE id = ?`), id).Scan(&f.Data)
		if err == nil && f.Data == nil {
			return File{}, notFoundError(fmt.Sprintf("run %d has no %s yet", id, name))
		}
	} else {
		f, err = c.readFile(ctx, runTable, id, name)
	}
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := c.status(ctx, c.db, runTable, id); err != nil {
			return File{}, fmt.Errorf("store: read file: %w", err)
		}
		return File{}, notFoundError(fmt.Sprintf("run %d has no file %q", id, name))
	}
	if err != nil {
		return File{}, wrap("read file", err)
	}
	return f, nil
}

func (c *core) List(ctx context.Context, o ListOptions) ([]Run, error) {
	rs, err := list(ctx, c, runTable, o, scanRun)
	return rs, wrap("list", err)
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
