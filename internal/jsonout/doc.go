// Package jsonout writes rampart's JSON documents (the --json output,
// results.json and scene.json) and is the one place where their numbers are
// rounded.
//
// # The rounding rule
//
// Models and analyses keep full float64 precision; only the writer rounds.
// Every number that encoding/json writes with a fraction or an exponent is
// rounded to [SignificantDigits] significant digits, except coordinates,
// which are rounded to [CoordinateDecimals] decimal places of a degree
// (about 0.1 m on the ground, the precision RFC 7946 §11.2 calls ample).
// A number is a coordinate when the nearest object key above it ends in
// "_deg" or is one of [CoordinateKeys] (the [lat, lon] pairs of rings and
// polygons). The objective values and bounds of a weapon-target
// assignment (rampart wta; [ObjectiveKeys]) keep [ObjectiveDigits]
// significant digits, to be checked against published optima. Numbers written without a fraction (counts, seeds, integral
// values) are left exactly as they are. Field order, and so the document's
// layout, is that of the Go types.
//
// Six significant digits keep every physical quantity rampart reports
// (ranges to a metre in a thousand kilometres, times to a millisecond in
// twenty minutes, probabilities to 1e-6) far below the uncertainty of the
// catalog values behind it, and keep documents stable across CPUs: the last
// bits that FMA or another architecture changes are not printed.
//
// Text tables are rounded by their own writers, column by column, to the
// decimals the column's unit needs (package report's FormatNumber).
package jsonout
