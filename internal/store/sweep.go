package store

import (
	"context"
	"encoding/json"
	"time"
)

// Sweeps keeps sweeps: a grid of Monte Carlo points over scenario fields
// and catalog values (package sweep), with each point's settings and
// headline statistics and the sweep's files (report.html, results.json,
// summary.parquet). A sweep has the statuses of a run.
type Sweeps interface {
	// CreateSweep stores spec as a new queued sweep owned by this
	// store's process.
	CreateSweep(ctx context.Context, spec SweepSpec) (Sweep, error)
	// StartSweep marks a queued sweep running.
	StartSweep(ctx context.Context, id int64) error
	// FinishSweep marks a running sweep done and writes its points and
	// files in the same transaction.
	FinishSweep(ctx context.Context, id int64, out SweepOutcome) error
	// FailSweep marks a queued or running sweep failed with message msg.
	FailSweep(ctx context.Context, id int64, msg string) error
	// CancelSweep marks a queued or running sweep cancelled.
	CancelSweep(ctx context.Context, id int64) error
	// GetSweep returns a sweep with its points and the list of its files.
	GetSweep(ctx context.Context, id int64) (Sweep, error)
	// ReadSweepFile returns one file of a sweep.
	ReadSweepFile(ctx context.Context, id int64, name string) (File, error)
	// ListSweeps returns sweeps newest first, without points or files.
	ListSweeps(ctx context.Context, o ListOptions) ([]Sweep, error)
}

// SweepSpec is what a sweep is before it runs.
type SweepSpec struct {
	Scenario       string `json:"scenario"`
	ScenarioSHA256 string `json:"scenario_sha256"`
	RampartVersion string `json:"rampart_version"`
	Seed           int64  `json:"seed"`
	// Trials is the Monte Carlo trials of each point.
	Trials   int    `json:"trials"`
	Fidelity string `json:"fidelity"`
	// Axes is the JSON list of the varied fields and their values
	// (sweep.AxisDoc).
	Axes json.RawMessage `json:"axes"`
	// Points is the number of grid points.
	Points int `json:"points"`
	// Reproduce is the command that reruns the sweep.
	Reproduce string `json:"reproduce"`
}

// Sweep is a stored sweep. Rows and Files are filled by GetSweep, not by
// ListSweeps.
type Sweep struct {
	ID int64 `json:"id"`
	SweepSpec
	Status     Status       `json:"status"`
	Error      string       `json:"error,omitempty"`
	CreatedAt  time.Time    `json:"created_at"`
	StartedAt  *time.Time   `json:"started_at"`
	FinishedAt *time.Time   `json:"finished_at"`
	Owner      string       `json:"owner"`
	Rows       []SweepPoint `json:"rows,omitempty"`
	Files      []FileInfo   `json:"files,omitempty"`
}

// SweepPoint is one stored point of a sweep.
type SweepPoint struct {
	// Point is the point's index in the grid, from 0.
	Point int `json:"point"`
	// Settings is the JSON list of the point's axis values
	// (sweep.Setting).
	Settings json.RawMessage `json:"settings"`
	// Statistics is the point's JSON row (sweep.Row): seed, trials,
	// leakers, interceptors and asset survival with their 95 % intervals.
	Statistics json.RawMessage `json:"statistics"`
	// Refused is why the engine refused the point's inputs ("" if it ran).
	Refused string `json:"refused,omitempty"`
}

// SweepOutcome is what a finished sweep adds to its record.
type SweepOutcome struct {
	Points []SweepPoint
	// Files are report.html, results.json and summary.parquet.
	Files []File
}
