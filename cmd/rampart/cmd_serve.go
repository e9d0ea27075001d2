package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/server"
	"github.com/rampart-sim/rampart/internal/store"
)

func init() { extraCommands = append(extraCommands, newServeCmd) }

func newServeCmd() *cobra.Command {
	var addr, db string
	var workers, queue int
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--db PATH|postgres://…]",
		Short: "Serve the web map and the HTTP API, keeping runs in the run store",
		Long: `Serve the web map (Explore, Fly, Run, History) and the HTTP API
(docs/api.md, docs/openapi.yaml) on --addr, by default the loopback
interface only. The page is embedded in the binary and needs no network:
MapLibre GL JS, the Natural Earth borders and every script come from this
server, and its Content-Security-Policy allows nothing else.

Runs are kept in the run store at --db: a SQLite file (default
$XDG_DATA_HOME/rampart/runs.db) or a postgres:// URL; 'rampart runs'
reads the same store. At start, runs left queued or running by a server
that stopped are marked failed.

Limits: --workers runs at once (default 1), --queue more waiting (default
16; one more is refused with 429), request bodies of at most 6 MiB (413),
every request but a progress stream answered within 60 s.

Stop with Ctrl-C: runs in flight are marked failed, finished runs are kept.`,
		Example: `  rampart serve
  rampart serve --addr 127.0.0.1:9000 --db runs.db
  rampart serve --db postgres://rampart@db.example/rampart`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if workers < 1 || workers > 64 {
				return badInput("--workers %d is out of range; allowed: 1 to 64", workers)
			}
			if queue < 1 || queue > 1000 {
				return badInput("--queue %d is out of range; allowed: 1 to 1000", queue)
			}
			loc, err := store.ParseLocation(db)
			if err != nil {
				return badInput("--db: %w", err)
			}
			// Listen before opening the store: a bad --addr creates no
			// store file.
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return badInput("--addr %s: %w", addr, err)
			}
			defer ln.Close()
			ctx := cmd.Context()
			st, err := store.Open(ctx, loc, store.Options{})
			if err != nil {
				// A file that is not a store, or a server that cannot
				// be reached, is bad input (exit 2), as for rampart runs.
				var le *store.LocationError
				if errors.As(err, &le) {
					return badInput("--db: %w", err)
				}
				return fmt.Errorf("--db: %w", err)
			}
			defer st.Close()
			tcp, _ := ln.Addr().(*net.TCPAddr)
			loopback := tcp != nil && tcp.IP.IsLoopback()
			srv, err := server.New(server.Config{Store: st, Workers: workers, QueueLimit: queue, LoopbackHosts: loopback})
			if err != nil {
				return err
			}
			defer srv.Close()
			hs := srv.HTTPServer(addr)
			fmt.Fprintf(cmd.ErrOrStderr(), "rampart serve: http://%s/ (run store: %s)\n", ln.Addr(), loc)
			if tcp != nil && !loopback {
				fmt.Fprintf(cmd.ErrOrStderr(), "rampart serve: warning: listening beyond loopback on %s; the server has no accounts, so anyone who can reach it can run and read runs\n", tcp)
			}
			done := make(chan error, 1)
			go func() { done <- hs.Serve(ln) }()
			select {
			case err := <-done:
				if !errors.Is(err, http.ErrServerClosed) {
					return err
				}
			case <-ctx.Done():
				fmt.Fprintln(cmd.ErrOrStderr(), "rampart serve: stopping")
				srv.Close() // cancels the runs in flight and ends the progress streams
				sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				hs.Shutdown(sctx)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port); the default is loopback only")
	cmd.Flags().StringVar(&db, "db", "", "run store: a SQLite file PATH, or a postgres:// URL (default $XDG_DATA_HOME/rampart/runs.db)")
	cmd.Flags().IntVar(&workers, "workers", 1, "runs executed at once")
	cmd.Flags().IntVar(&queue, "queue", server.DefaultQueueLimit, "runs that may wait for a worker; more are refused with 429")
	return cmd
}
