// Package sweep runs a scenario's engine Monte Carlo over a grid of
// values (rampart sweep) and over each catalog parameter's low and high
// value one at a time (rampart sensitivity).
//
// A --vary axis is PATH=VALUES. PATH addresses either a scenario field,
// by its YAML names (owners[nato].doctrine.salvo, threats[raid].count,
// threats[0].launch_time_s; a list element by index or by name), or a
// catalog value (catalog."SM-3 IIA".burnout_speed_kms,
// catalog.Sejjil.stage1.thrust_kn). VALUES is a list (1,2,3) or an
// inclusive range lo:hi:step. Every value is checked before anything
// runs: a scenario field by the scenario's own validation, a catalog value
// against its physical bounds (catalog.Bounds).
//
// Conventions: points are numbered from 0 in row-major order (the first
// axis varies slowest); point k runs with the seed PointSeed(seed, k), so
// one point reruns alone (--point K) with the same numbers. Catalog values
// are set through catalog.Overrides, never in the shared catalog. The
// per-point results are plain rows (Row), for the table, the JSON, the
// report and later writers (Parquet).
package sweep
