-- Sweeps (rampart sweep --db, POST /api/sweeps) and their points, sqlite
-- dialect. Keep it column for column the same as ../postgres/00002_sweeps.sql.
-- A sweep has the life of a run (queued, running, then done, failed or
-- cancelled) and the same owner and heartbeat columns, so that Recover
-- fails a sweep whose process died. Axes, a point's settings and its
-- statistics are JSON documents (package sweep: AxisDoc, Setting, Row).

-- +goose Up
CREATE TABLE sweeps (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario        TEXT    NOT NULL,
    scenario_sha256 TEXT    NOT NULL,
    rampart_version TEXT    NOT NULL,
    seed            INTEGER NOT NULL,
    trials          INTEGER NOT NULL,
    fidelity        TEXT    NOT NULL,
    axes            TEXT    NOT NULL,
    points          INTEGER NOT NULL,
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
    owner_start     TEXT    NOT NULL DEFAULT '',
    CHECK (status <> 'done' OR finished_at IS NOT NULL)
);
CREATE INDEX sweeps_newest ON sweeps (created_at DESC, id DESC);

CREATE TABLE sweep_points (
    sweep_id   INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
    point      INTEGER NOT NULL,
    settings   TEXT    NOT NULL,
    statistics TEXT    NOT NULL,
    refused    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (sweep_id, point)
);

CREATE TABLE sweep_files (
    sweep_id   INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    media_type TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT    NOT NULL,
    data       BLOB    NOT NULL,
    PRIMARY KEY (sweep_id, name)
);

-- +goose Down
DROP TABLE sweep_files;
DROP TABLE sweep_points;
DROP TABLE sweeps;
