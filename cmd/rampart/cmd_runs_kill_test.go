//go:build unix

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/store"
)

// TestRunDBKilled: rampart run --db killed with SIGKILL during its trials
// leaves the run failed as interrupted when the store is next opened,
// and an earlier finished run intact; SIGINT leaves it cancelled.
func TestRunDBKilled(t *testing.T) {
	db := filepath.Join(t.TempDir(), "runs.db")
	if code, _, errs := rampart(t, "run", "kaliningrad", "--db", db); code != exitOK {
		t.Fatalf("run --db = %d, %s", code, errs)
	}
	_, before, _ := rampart(t, "runs", "show", "1", "--db", db, "--file", "report.html")
	for i, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		cmd := exec.Command(os.Args[0], "run", "--trials", "1000000", "--workers", "1", "--db", db)
		cmd.Env = append(os.Environ(), "RAMPART_TEST_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		id := int64(i + 2)
		waitStatus(t, db, id, store.Running, 30*time.Second)
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("rampart run did not stop within 30 s of %v", sig)
		}
		s, err := store.OpenSQLite(context.Background(), db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Get(context.Background(), id)
		s.Close()
		want, msg := store.Failed, store.Interrupted
		if sig == syscall.SIGINT {
			want, msg = store.Cancelled, "cancelled"
		}
		if err != nil || r.Status != want || r.Error != msg || len(r.Files) != 0 || len(r.Statistics) != 0 {
			t.Errorf("after %v: run %d = %s %q, %d files, %d statistics, %v; want %s %q and nothing written",
				sig, id, r.Status, r.Error, len(r.Files), len(r.Statistics), err, want, msg)
		}
	}
	code, after, _ := rampart(t, "runs", "show", "1", "--db", db, "--file", "report.html")
	if code != exitOK || after != before || len(after) == 0 {
		t.Errorf("the finished run's report changed after the kills (exit %d)", code)
	}
}

// waitStatus waits until run id of the store at db has status want.
func waitStatus(t *testing.T, db string, id int64, want store.Status, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if s, err := store.OpenSQLite(context.Background(), db, store.Options{MustExist: true}); err == nil {
			r, err := s.Get(context.Background(), id)
			s.Close()
			if err == nil && r.Status == want {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("run %d never became %s within %v", id, want, limit)
}
