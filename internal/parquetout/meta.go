package parquetout

import (
	"errors"
	"strconv"

	"github.com/rampart-sim/rampart/internal/provenance"
)

// Metadata keys of every file (the footer's key-value metadata).
const (
	VersionKey        = provenance.RampartVersionField // the rampart version that wrote it
	ScenarioSHA256Key = provenance.ScenarioSHA256Field // SHA-256 of the scenario file, hex
	SeedKey           = provenance.SeedField           // the seed of the trials, decimal
	TrialsKey         = "trials"                       // Monte Carlo trials behind the numbers, decimal
	PointKey          = "point"                        // a sweep's point index, decimal; absent outside a sweep
	EventsTrialsKey   = "events_trials"                // events.parquet only: trials whose events it holds
)

// Meta is a file's provenance, written as its key-value metadata.
type Meta struct {
	Version        string // provenance.Version()
	ScenarioSHA256 string
	Seed           int64
	Trials         int
	// Point is the sweep point the file belongs to, or nil for a run that
	// is not part of a sweep (or a file holding every point of one).
	Point *int
}

// pairs are m's key-value metadata, in a fixed order.
func (m Meta) pairs() ([][2]string, error) {
	if m.Version == "" || m.ScenarioSHA256 == "" {
		return nil, errors.New("parquet metadata: the rampart version and the scenario's SHA-256 are required")
	}
	kv := [][2]string{
		{VersionKey, m.Version},
		{ScenarioSHA256Key, m.ScenarioSHA256},
		{SeedKey, strconv.FormatInt(m.Seed, 10)},
		{TrialsKey, strconv.Itoa(m.Trials)},
	}
	if m.Point != nil {
		kv = append(kv, [2]string{PointKey, strconv.Itoa(*m.Point)})
	}
	return kv, nil
}
