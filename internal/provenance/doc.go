// Package provenance names what made an output, so that a reader can rerun
// it: the rampart build (from the Go build information that the go command
// embeds in every binary, runtime/debug.ReadBuildInfo), the SHA-256 of the
// input file as it was read, and the seed.
//
// Every JSON document, report, events file and export of rampart carries
// these three, under the field names RampartVersionField,
// ScenarioSHA256Field and SeedField.
package provenance
