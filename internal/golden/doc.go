// Package golden compares JSON documents with golden files by value, not
// by byte: numbers agree within a stated relative tolerance, strings,
// booleans, nulls and keys exactly, and a failure lists each difference by
// its path (threats[2].p_leak: want 0.25, got 0.5).
//
// Golden files stay small: when written (go test -update), an array longer
// than [MaxArray] is thinned to a few evenly spaced elements, its first
// and its last, stored with its length as
//
//	{"golden_thinned": LENGTH, "at": {"0": ..., "12": ..., "LENGTH-1": ...}}
//
// and compared as such: the document's array must have that length and
// agree at those indices. A trajectory or a ring is checked at a few
// points, not every point.
//
// The value of the field rampart_version ([VersionKey]), wherever it
// appears, is not compared: it names the build (commit, Go version), not a
// result. Both documents must hold it as a non-empty string.
//
// The tolerance is the caller's, a named constant with its reason; the
// comparison passes on another CPU (FMA, arm64) where the last bits of a
// float differ.
package golden
