// Package strict reads rampart's input files, YAML or JSON, strictly: it
// turns a document into a tree of positioned values (Parse) and fills Go
// values from it by reflection over their `yaml` struct tags (Decoder),
// reporting every problem in one pass as structured Problems: file, line
// and column, field path, message, the allowed values and a "did you
// mean" suggestion.
//
// Conventions:
//   - Field paths are written as in the file: "threats[2].from.lat_deg".
//   - Positions count lines and columns from 1; a zero Line is unknown.
//   - Unknown fields, repeated fields, values of the wrong type, missing
//     values and non-finite numbers are problems; decoding goes on after
//     each, so one pass finds them all (up to MaxProblems).
//   - A null list is an empty list. Numbers accept integers; strings do
//     not accept numbers (write "12" to mean the string).
//   - Aliases, anchors and merge keys (<<) are resolved; the tree is
//     bounded in size, nesting and node count (Limits), so hostile input
//     cannot exhaust memory, stack or time.
//
// Models do not import this package: they report their own validation
// problems as FieldErrors (errors.Join of them), which the decoder places
// at the field in the file.
//
// The YAML syntax is goccy/go-yaml's (https://github.com/goccy/go-yaml);
// JSON documents parse as YAML 1.2 flow collections.
package strict
