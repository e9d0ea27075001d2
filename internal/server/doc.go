// Package server is rampart serve: the HTTP API (docs/api.md,
// docs/openapi.yaml), live run progress as server-sent events, and the
// embedded web map (web/, MapLibre GL JS vendored under web/vendor).
//
// Every run goes through the results layer (package study) as rampart run
// does, and is kept in the run store (package store). The server is
// bounded: a queue of at most Config.QueueLimit runs waiting for
// Config.Workers workers (429 beyond it), request bodies of at most
// MaxBodyBytes (413 beyond it), and a time limit on every handler but the
// progress stream (Config.HandlerTimeout; http.Server's header, read and
// idle timeouts). Errors are JSON: {"error": message, "problems": [...]},
// the problems being the scenario decoder's, each with its line and
// column.
//
// The page works with no network: its scripts, styles and map data come
// from the server alone, and the Content-Security-Policy allows nothing
// else (CSP).
package server
