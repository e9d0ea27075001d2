// Package store keeps rampart's runs: what ran (scenario, its SHA-256,
// rampart version, seed, trials, fidelity, picks), when, how it ended,
// its headline and headline statistics, its results.json and its files
// (report.html, events.csv, scene.json and the CZML, KML and GeoJSON
// exports), so that runs can be listed, shown and compared later, from
// the command line (rampart runs) or a server.
//
// # Backends
//
// Open takes a Location (ParseLocation reads a --db value):
//
//	SQLiteStore    a file, by default DefaultPath
//	               ($XDG_DATA_HOME/rampart/runs.db); pure Go
//	               (modernc.org/sqlite); WAL, synchronous=FULL, foreign
//	               keys, busy timeout, BEGIN IMMEDIATE
//	PostgresStore  a postgres:// URL (jackc/pgx/v5 through database/sql),
//	               for a team's shared server
//
// Both keep the same schema, created by the migrations embedded under
// migrations/, one set per dialect, applied by pressly/goose when a
// store is opened. Both run the same statements (written with '?'
// placeholders, rebound to $n for PostgreSQL).
//
// # Life of a run
//
//	Create → queued → Start → running → Finish → done
//	                                  ↘ Fail → failed
//	queued or running → Cancel → cancelled
//	queued or running, owner gone → Recover → failed (Interrupted)
//
// A transition from the wrong status returns an error wrapping ErrState;
// an unknown id, ErrNotFound.
//
// # Never half-written
//
// Finish writes the run's status, headline, results, statistics and
// files in one transaction, and the schema refuses a done run without
// results: after a crash at any instant a run is either done with all
// its outcome, or not done and without any of it. A process that dies
// leaves its runs queued or running; Recover, which Open calls, marks
// them failed with the message Interrupted. A run belongs to the process
// that created it (its owner: host, boot, pid, nonce), which renews a
// lease on its live runs every Lease/4 while the store is open. A run is
// interrupted when its lease ran out, or, for SQLite, at once when its
// owner no longer runs on this machine (gone, a zombie, or its pid
// reused by a process with another start time: processAlive). TestCrash kills a writer with
// SIGKILL inside Finish and checks both halves.
//
// # Conventions
//
// Times are UTC, to the microsecond. Ids are whole numbers from 1
// (ParseID). Statistics are those of study.Statistics, by name; Compare
// gives b minus a with Newcombe's interval for proportions and the
// normal one for means (see Method). NaN values are stored as NULL.
package store
