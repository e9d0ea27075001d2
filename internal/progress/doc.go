// Package progress shows how far a long run has come on the standard error
// of rampart: one phase at a time ("aiming threats", "Monte Carlo trials",
// "flyout envelopes", …), each with its label, its count and an estimate of
// the time left. On a terminal a Meter redraws one bar per phase in place;
// elsewhere (a pipe, a file) it writes a plain line every few seconds, and
// nothing at all for a phase that ends sooner.
//
// The engine and the analyses only report counts (a func(label string,
// done, total int)); the drawing is here, so that the models never know
// where their progress goes. A Meter never writes to standard output, which
// carries the results.
package progress
