// Package natstest starts an embedded NATS server for tests of the
// cluster transport (internal/cluster) and of the commands that use it
// (cmd/rampart).
package natstest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// readyWait is how long Server waits for the embedded server to accept
// connections before failing the test; it starts in milliseconds.
const readyWait = 10 * time.Second

// Server starts an embedded NATS server with JetStream on 127.0.0.1, a
// random port, its store in a temporary directory of t; it is shut down
// when t ends. It returns the client URL.
func Server(t testing.TB) string {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(readyWait) {
		t.Fatal("embedded NATS server not ready after 10 s")
	}
	t.Cleanup(ns.Shutdown)
	return ns.ClientURL()
}
