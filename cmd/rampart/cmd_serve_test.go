package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// serveUntilListening runs rampart serve with args until it says where it
// listens, asks GET /api/scenarios there, then stops it as Ctrl-C would.
// It returns the exit code, the server's stderr and the status of the
// request (0 if it never listened).
func serveUntilListening(t *testing.T, args ...string) (code int, stderr string, status int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, append([]string{"serve"}, args...), io.Discard, pw)
		pw.Close()
	}()
	var lines []string
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		line := sc.Text()
		lines = append(lines, line)
		if _, rest, ok := strings.Cut(line, "http://"); ok && status == 0 {
			url := "http://" + strings.Fields(rest)[0]
			if resp, err := http.Get(url + "api/scenarios"); err == nil {
				status = resp.StatusCode
				resp.Body.Close()
			} else {
				status = -1
			}
			cancel()
		}
	}
	return <-done, strings.Join(lines, "\n"), status
}

// serveExample runs a rampart serve example of a --help or of README.md:
// on a free loopback port instead of its --addr, with the default store
// in a scratch directory.
func serveExample(t *testing.T, ex example, args []string) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	args = slices.Clone(args[1:])
	if i := indexOf(args, "--addr"); i >= 0 {
		args[i+1] = "127.0.0.1:0"
	} else {
		args = append(args, "--addr", "127.0.0.1:0")
	}
	code, errs, status := serveUntilListening(t, args...)
	if code != exitOK || status != http.StatusOK {
		t.Errorf("%s: %q = exit %d, GET /api/scenarios %d; want 0 and 200: %s", ex.source, ex.line, code, status, errs)
	}
}

// TestServeFlags checks each flag of rampart serve, which does not end by
// itself and so has no probe in TestEveryFlagHasAnEffect: --addr and --db
// change where it listens and keeps its runs, as it prints; bad values of
// each are refused with exit 2. What --workers and --queue bound is
// tested in internal/server (TestQueueFullAndCancel, TestLoad).
func TestServeFlags(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	code, errs, status := serveUntilListening(t, "--addr", "127.0.0.1:0", "--db", dir+"/a.db", "--workers", "2", "--queue", "3")
	if code != exitOK || status != 200 || !strings.Contains(errs, "run store: "+dir+"/a.db") || !strings.Contains(errs, "http://127.0.0.1:") {
		t.Errorf("serve --addr 127.0.0.1:0 --db a.db = %d, status %d, %q", code, status, errs)
	}
	notStore := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notStore, []byte("not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--addr", "not-an-address"},
		{"--db", "mysql://x/y"},
		{"--db", notStore},
		{"--db", "postgres://ann:secret@127.0.0.1:1/rampart?connect_timeout=5"},
		{"--workers", "0"},
		{"--queue", "0"},
		{"--queue", "many"},
		{"extra-argument"},
	} {
		code, _, errs := rampart(t, append([]string{"serve"}, args...)...)
		if code != exitBadInput || errs == "" {
			t.Errorf("rampart serve %q = %d, %q; want exit 2 with a message", args, code, errs)
		}
	}
	// None of them made the default store.
	if _, err := os.Stat(filepath.Join(dir, "rampart", "runs.db")); err == nil {
		t.Errorf("a refused rampart serve created the default store %s", filepath.Join(dir, "rampart", "runs.db"))
	}
}
