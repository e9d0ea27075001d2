package store

import (
	"errors"
	"time"

	"github.com/rampart-sim/rampart/internal/study"
)

// Status is where a run is in its life: Queued, then Running, then one
// of Done, Failed or Cancelled, which are final.
type Status string

// The statuses of a run.
const (
	Queued    Status = "queued"
	Running   Status = "running"
	Done      Status = "done"
	Failed    Status = "failed"
	Cancelled Status = "cancelled"
)

// Statuses are every status, in life order.
var Statuses = []Status{Queued, Running, Done, Failed, Cancelled}

// Final reports whether s is a final status (done, failed, cancelled).
func (s Status) Final() bool { return s == Done || s == Failed || s == Cancelled }

// Interrupted is the error message of a run that Recover found queued or
// running with no live owner: its process crashed or was killed.
const Interrupted = "interrupted: the process running it stopped before it finished"

// Errors callers branch on (an HTTP server maps them to 404 and 409).
var (
	// ErrNotFound: no run has that id, or the run has no such file.
	ErrNotFound = errors.New("not found")
	// ErrState: the run is not in a status the operation allows
	// (finishing a run that is not running, cancelling a done run).
	ErrState = errors.New("run is not in a state that allows this")
)

// Statistic is one headline statistic of a run (study.Statistics).
type Statistic = study.Statistic

// Spec is what a run is before it runs: its scenario, provenance and
// settings. Create stores it as a queued run.
type Spec struct {
	Scenario       string `json:"scenario"`
	ScenarioSHA256 string `json:"scenario_sha256"`
	// Kind is the study: "engine" or the analysis kind.
	Kind           string `json:"kind"`
	RampartVersion string `json:"rampart_version"`
	Seed           int64  `json:"seed"`
	Trials         int    `json:"trials"`
	// Fidelity is the engine's ("full", "fast"); "" for an analysis.
	Fidelity    string `json:"fidelity"`
	PickThreat  string `json:"pick_threat"`
	PickDefense string `json:"pick_defense"`
	// Reproduce is the command that reruns the run.
	Reproduce string `json:"reproduce"`
}

// Run is a stored run. Statistics and Files are filled by Get, not by
// List.
type Run struct {
	ID int64 `json:"id"`
	Spec
	Status     Status     `json:"status"`
	Error      string     `json:"error,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	StartedAt  *time.Time `json:"started_at"`
	FinishedAt *time.Time `json:"finished_at"`
	// Owner names the process that created the run (host, pid).
	Owner      string      `json:"owner"`
	Headline   string      `json:"headline"`
	Statistics []Statistic `json:"statistics,omitempty"`
	Files      []FileInfo  `json:"files,omitempty"`
}

// File is one file of a finished run.
type File struct {
	Name      string
	MediaType string
	Data      []byte
}

// FileInfo describes a stored file without its data.
type FileInfo struct {
	Name      string `json:"name"`
	MediaType string `json:"media_type"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
}

// Outcome is what a finished run adds to its record, written by Finish in
// one transaction.
type Outcome struct {
	Headline   string
	Statistics []Statistic
	// Results is the run's JSON document (results.json).
	Results []byte
	// Files are the report's other files and the exports; results.json
	// is Results, and ReadFile serves it under ResultsFile.
	Files []File
}

// ResultsFile is the name under which ReadFile serves a run's Results.
const ResultsFile = study.ResultsFile

// ListOptions select the runs List returns.
type ListOptions struct {
	// Limit is the most runs returned, newest first; 0 means
	// DefaultListLimit, and more than MaxListLimit is MaxListLimit.
	Limit int
	// Status, if set, returns only runs of that status.
	Status Status
}

// List limits.
const (
	DefaultListLimit = 20
	MaxListLimit     = 1000
)

func (o ListOptions) limit() int {
	switch {
	case o.Limit <= 0:
		return DefaultListLimit
	case o.Limit > MaxListLimit:
		return MaxListLimit
	}
	return o.Limit
}

// notFoundError is an ErrNotFound with its own message: "no run 9", not
// "store: get: run 9: not found".
type notFoundError string

func (e notFoundError) Error() string        { return string(e) }
func (e notFoundError) Is(target error) bool { return target == ErrNotFound }
