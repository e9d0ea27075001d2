package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/store"
)

// crashChildEnv, when set to a store path, makes the test binary a
// server child for TestCrashKeepsFinishedRuns: it serves on a loopback
// port, prints "listening ADDR", and runs until killed.
const crashChildEnv = "RAMPART_SERVE_CRASH_CHILD"

func TestMain(m *testing.M) {
	if db := os.Getenv(crashChildEnv); db != "" {
		os.Exit(crashChild(db))
	}
	os.Exit(m.Run())
}

// crashChild is rampart serve, as cmd/rampart runs it, over the SQLite
// store at db.
func crashChild(db string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, store.Location{Dialect: store.SQLite, Path: db}, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	srv, err := New(Config{Store: st, TrialWorkers: 1})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("listening %s\n", ln.Addr())
	go srv.HTTPServer("").Serve(ln)
	<-ctx.Done()
	return 0
}

// startChild starts the server child over db and returns its base URL.
func startChild(t *testing.T, db string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+db)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	addr, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
	if err != nil || !ok {
		t.Fatalf("server child said %q: %v", line, err)
	}
	go io.Copy(io.Discard, out)
	return cmd, "http://" + addr
}

func getBytes(t *testing.T, u string) (int, []byte) {
	t.Helper()
	code, _, b := getFile(t, u)
	return code, b
}

// TestCrashKeepsFinishedRuns kills the server with SIGKILL during a run:
// after a restart on the same store every finished run is intact (its
// record, results.json and files byte for byte) and the interrupted run
// is marked failed, without results.
func TestCrashKeepsFinishedRuns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "runs.db")
	cmd, base := startChild(t, db)

	// Two finished runs: an analysis and a few engine trials.
	var done []int64
	for _, req := range []RunRequest{{ScenarioInput: ScenarioInput{Scenario: "tomahawk"}},
		{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(3)}} {
		var c CreatedRun
		if code := call(t, "POST", base+"/api/runs", req, &c); code != 202 {
			t.Fatalf("POST /api/runs = %d", code)
		}
		if v, _ := waitRun(t, base, c.ID); v.Status != store.Done {
			t.Fatalf("run %d: %s %s", c.ID, v.Status, v.Error)
		}
		done = append(done, c.ID)
	}
	before := map[string][]byte{}
	for _, id := range done {
		for _, n := range append([]string{""}, fileNames...) {
			u := fmt.Sprintf("%s/api/runs/%d/files/%s", base, id, n)
			if n == "" {
				u = fmt.Sprintf("%s/api/runs/%d", base, id)
			}
			code, b := getBytes(t, u)
			if code != 200 {
				t.Fatalf("GET %s = %d", u, code)
			}
			before[fmt.Sprintf("%d/%s", id, n)] = b
		}
	}

	// A long run, killed while it runs.
	var long CreatedRun
	call(t, "POST", base+"/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(MaxServerTrials)}, &long)
	deadline := time.Now().Add(runWait)
	for {
		var v RunView
		call(t, "GET", fmt.Sprintf("%s/api/runs/%d", base, long.ID), nil, &v)
		if v.Status == store.Running && v.Progress != nil && v.Progress.Done > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %d never got going: %+v", long.ID, v)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	_, base = startChild(t, db)
	for k, want := range before {
		var id int64
		var n string
		fmt.Sscanf(strings.Replace(k, "/", " ", 1), "%d %s", &id, &n)
		u := fmt.Sprintf("%s/api/runs/%d/files/%s", base, id, n)
		if n == "" {
			u = fmt.Sprintf("%s/api/runs/%d", base, id)
		}
		code, got := getBytes(t, u)
		if code != 200 || !bytes.Equal(got, want) {
			t.Errorf("after the crash, GET %s = %d, %d bytes; want 200 and the %d bytes from before", u, code, len(got), len(want))
		}
	}
	var v RunView
	call(t, "GET", fmt.Sprintf("%s/api/runs/%d", base, long.ID), nil, &v)
	if v.Status != store.Failed || v.Error != store.Interrupted || len(v.Files) != 0 || len(v.Statistics) != 0 {
		t.Errorf("the interrupted run after restart: %s %q, %d files, %d statistics; want failed %q, none", v.Status, v.Error, len(v.Files), len(v.Statistics), store.Interrupted)
	}
	if code, _ := getBytes(t, fmt.Sprintf("%s/api/runs/%d/results", base, long.ID)); code != http.StatusConflict {
		t.Errorf("results of the interrupted run = %d, want 409", code)
	}
	t.Logf("killed the server during run %d; after restart runs %v intact, run %d %s: %s", long.ID, done, long.ID, v.Status, v.Error)
}
