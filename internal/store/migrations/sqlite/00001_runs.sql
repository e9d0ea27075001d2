-- The run store's schema, SQLite dialect. Keep it column for column the
-- same as ../postgres/00001_runs.sql: only the types of the id, the blobs
-- and the times differ. Times are UTC.

-- +goose Up
CREATE TABLE runs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario        TEXT    NOT NULL,
    scenario_sha256 TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    rampart_version TEXT    NOT NULL,
    seed            INTEGER NOT NULL,
    trials          INTEGER NOT NULL,
    fidelity        TEXT    NOT NULL DEFAULT '',
    pick_threat     TEXT    NOT NULL,
    pick_defense    TEXT    NOT NULL,
    reproduce       TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    error           TEXT    NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    heartbeat_at    TIMESTAMP NOT NULL,
    owner           TEXT    NOT NULL,
    owner_host      TEXT    NOT NULL,
    owner_pid       INTEGER NOT NULL,
    -- owner_start tells a live owner from a process that reused its pid
    -- (Linux: the start time in /proc/PID/stat; empty elsewhere).
    owner_start     TEXT    NOT NULL DEFAULT '',
    headline        TEXT    NOT NULL DEFAULT '',
    results         BLOB,
    -- A run is done only with its results: never half-written.
    CHECK (status <> 'done' OR (results IS NOT NULL AND finished_at IS NOT NULL))
);
CREATE INDEX runs_newest ON runs (created_at DESC, id DESC);
CREATE INDEX runs_live ON runs (status) WHERE status IN ('queued', 'running');

CREATE TABLE statistics (
    run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    label     TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('proportion', 'mean', 'exact')),
    value     DOUBLE PRECISION,
    ci95_low  DOUBLE PRECISION,
    ci95_high DOUBLE PRECISION,
    unit      TEXT    NOT NULL DEFAULT '',
    trials    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, name)
);

CREATE TABLE files (
    run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    media_type TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT    NOT NULL,
    data       BLOB    NOT NULL,
    PRIMARY KEY (run_id, name)
);

-- +goose Down
DROP TABLE files;
DROP TABLE statistics;
DROP TABLE runs;
