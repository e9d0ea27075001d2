// Package parquetout writes a run's results as Apache Parquet files
// (Apache Parquet format specification, parquet.apache.org/docs/file-format),
// with github.com/parquet-go/parquet-go: the per-trial events of an engine
// run (events.parquet, EventWriter) and per-point summaries of headline
// statistics (summary.parquet, WriteSummary), for a single run (one point)
// or a sweep (one point per grid point).
//
// Conventions:
//   - Long form: one row per event, and one row per (point, statistic).
//   - Column names are snake_case with the unit in the name (time_s,
//     lat_deg, alt_km, miss_m); a column with no unit is a count, a name,
//     a probability or a flag.
//   - A value that does not apply to a row is null, never 0 or "": a leak
//     has no launcher, a statistic without a 95 % interval has null
//     ci95_lo and ci95_hi.
//   - Numbers are IEEE doubles. events.parquet holds events.csv's values
//     (package study converts the CSV spool row by row when it writes
//     the file, so that the trials pay nothing for it): time 0.01 s,
//     latitude and longitude 1e-5 degree, height 1 m, miss and reach
//     0.1 m, planned Pk 1e-4.
//   - Every file carries its provenance in the footer's key-value
//     metadata (Meta): rampart_version, scenario_sha256, seed, trials, and
//     point for the file of one point of a sweep.
//   - Pages are Snappy-compressed, strings dictionary-encoded, so that
//     readers without optional codecs (hyparquet, pyarrow, DuckDB) read
//     them.
//   - Rows are streamed: a writer holds at most one row group
//     (RowGroupRows rows) in memory.
//
// The package knows Parquet and the rows' shape, nothing of the engine:
// package study turns its results into rows.
package parquetout
