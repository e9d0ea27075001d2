//go:build unix

package store

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash child: a process that writes runs into the store at
// $RAMPART_STORE_CRASH_DB until it is killed, printing "done ID" after
// each Finish returns. In mode "hook" it stops inside the Finish of its
// third run, after the second file, prints "midwrite ID" and waits to be
// killed; in mode "loop" it never stops.
const (
	crashDBEnv   = "RAMPART_STORE_CRASH_DB"
	crashModeEnv = "RAMPART_STORE_CRASH_MODE"
	// crashFileSize makes each Finish write about 2 MB, so that a kill
	// at a random time often lands inside one.
	crashFileSize = 512 << 10
)

func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("the child of TestCrash; runs only when TestCrash starts it")
	}
	ctx := context.Background()
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	hookMode := os.Getenv(crashModeEnv) == "hook"
	for i := 0; ; i++ {
		r, err := s.Create(ctx, testSpec(i))
		if err == nil {
			err = s.Start(ctx, r.ID)
		}
		if err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		if hookMode && i == 2 {
			files := 0
			finishHook = func(id int64, step string) {
				if strings.HasPrefix(step, "file ") {
					if files++; files == 2 {
						fmt.Printf("midwrite %d\n", id)
						select {} // wait for SIGKILL inside the transaction
					}
				}
			}
		}
		if err := s.Finish(ctx, r.ID, testOutcome(r.ID, crashFileSize)); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Printf("done %d\n", r.ID)
	}
}

// TestCrash kills a process writing runs with SIGKILL, inside a Finish,
// then reopens the store: every run the child finished is intact (its
// statistics, results and every file, byte for byte) and the run it was
// writing is failed as interrupted, with none of its outcome. Mode hook
// kills it at a chosen step inside the transaction; mode loop at a
// random moment (seeded, the seed printed) while it writes runs.
func TestCrash(t *testing.T) {
	if os.Getenv(crashDBEnv) != "" {
		t.Skip("in the child")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	for _, mode := range []string{"hook", "loop", "loop"} {
		t.Run(mode, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "runs.db")
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashModeEnv+"="+mode)
			cmd.Stderr = os.Stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := map[int64]bool{}
			var mid int64
			lines := bufio.NewScanner(stdout)
			killAfter := 2 + rng.IntN(3)
			for lines.Scan() {
				f := strings.Fields(lines.Text())
				if len(f) < 2 {
					continue
				}
				if f[0] == "error" {
					t.Fatalf("child: %s", lines.Text())
				}
				id, _ := strconv.ParseInt(f[1], 10, 64)
				if f[0] == "done" {
					done[id] = true
				}
				if f[0] == "midwrite" {
					mid = id
					break
				}
				if mode == "loop" && len(done) == killAfter {
					time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
					break
				}
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			// Lines printed between the decision and the kill are runs
			// that were finished too.
			for lines.Scan() {
				if f := strings.Fields(lines.Text()); len(f) == 2 && f[0] == "done" {
					id, _ := strconv.ParseInt(f[1], 10, 64)
					done[id] = true
				}
			}
			_ = cmd.Wait()
			if mode == "hook" && mid == 0 {
				t.Fatal("the child never reached the middle of its third Finish")
			}

			s, err := OpenSQLite(context.Background(), path, Options{})
			if err != nil {
				t.Fatalf("reopening after the crash: %v", err)
			}
			defer s.Close()
			runs, err := s.List(context.Background(), ListOptions{Limit: MaxListLimit})
			if err != nil {
				t.Fatal(err)
			}
			var finished, interrupted int
			for _, r := range runs {
				switch r.Status {
				case Done:
					finished++
					checkIntact(t, s, r.ID)
				case Failed:
					interrupted++
					checkEmpty(t, s, r.ID)
					if r.Error != Interrupted {
						t.Errorf("run %d error = %q, want %q", r.ID, r.Error, Interrupted)
					}
					if done[r.ID] {
						t.Errorf("run %d was finished (Finish returned) but is failed after the crash", r.ID)
					}
				default:
					t.Errorf("run %d is %s after reopening, want done or failed", r.ID, r.Status)
				}
			}
			for id := range done {
				if g, err := s.Get(context.Background(), id); err != nil || g.Status != Done {
					t.Errorf("finished run %d after the crash: %s, %v; want done", id, g.Status, err)
				}
			}
			if mid != 0 {
				if g, _ := s.Get(context.Background(), mid); g.Status != Failed {
					t.Errorf("run %d killed inside Finish is %s, want failed", mid, g.Status)
				}
			}
			// In loop mode the kill may land between two runs, where
			// nothing is being written.
			if interrupted > 1 || mode == "hook" && interrupted != 1 {
				t.Errorf("%d interrupted runs, want 1 (the one being written)", interrupted)
			}
			t.Logf("%d runs finished and intact, %d interrupted", finished, interrupted)
		})
	}
}

// checkIntact: a done run has all of testOutcome, byte for byte.
func checkIntact(t *testing.T, s Store, id int64) {
	t.Helper()
	ctx := context.Background()
	want := testOutcome(id, crashFileSize)
	g, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Statistics) != len(want.Statistics) || len(g.Files) != len(want.Files) || g.Headline != want.Headline {
		t.Errorf("done run %d: %d statistics, %d files, headline %q; want %d, %d, %q",
			id, len(g.Statistics), len(g.Files), g.Headline, len(want.Statistics), len(want.Files), want.Headline)
	}
	for _, f := range want.Files {
		got, err := s.ReadFile(ctx, id, f.Name)
		sum := sha256.Sum256(f.Data)
		if err != nil || hex.EncodeToString(sum[:]) != sha(got.Data) {
			t.Errorf("done run %d file %s: %d bytes, %v; want %d bytes as written", id, f.Name, len(got.Data), err, len(f.Data))
		}
	}
	if r, err := s.ReadFile(ctx, id, ResultsFile); err != nil || string(r.Data) != string(want.Results) {
		t.Errorf("done run %d results = %q, %v", id, r.Data, err)
	}
}

// checkEmpty: an interrupted run has none of its outcome.
func checkEmpty(t *testing.T, s Store, id int64) {
	t.Helper()
	g, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Statistics) != 0 || len(g.Files) != 0 || g.Headline != "" {
		t.Errorf("interrupted run %d is half-written: %d statistics, %d files, headline %q", id, len(g.Statistics), len(g.Files), g.Headline)
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
