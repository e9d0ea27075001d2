package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/study"
)

// openSQLite opens a store in a fresh file of t.TempDir().
func openSQLite(t *testing.T, o Options) Store {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "runs.db"), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSQLite(t *testing.T) {
	testStore(t, func(t *testing.T) Store { return openSQLite(t, Options{}) })
}

// testSpec is the spec of the i-th test run.
func testSpec(i int) Spec {
	return Spec{Scenario: "europe", ScenarioSHA256: fmt.Sprintf("%064x", i), Kind: "engine", RampartVersion: "test",
		Seed: int64(i), Trials: 100, Fidelity: "full", PickThreat: "central", PickDefense: "central", Reproduce: "rampart run europe"}
}

// testOutcome is an outcome whose files hold size bytes each, derived
// from id so that a reader can check them.
func testOutcome(id int64, size int) Outcome {
	lo, hi := 0.8, 0.95
	out := Outcome{Headline: fmt.Sprintf("run %d: Bucharest survives", id),
		Statistics: []Statistic{
			{Name: "headline", Label: "h", Kind: study.Mean, Value: 0.9, Trials: 100},
			{Name: "assets[Bucharest].p_survive", Label: "Bucharest survives", Kind: study.Proportion, Value: 0.9, CI95: &[2]float64{lo, hi}, Trials: 100},
			{Name: "totals.leakers_mean", Label: "leakers", Kind: study.Mean, Value: math.NaN(), Trials: 100},
			{Name: "exact", Label: "exact", Kind: study.Exact, Value: math.Inf(1), Unit: "km"},
		},
		Results: []byte(fmt.Sprintf(`{"run": %d}`, id)),
	}
	for _, n := range []string{"report.html", "events.csv", "scene.json", "export.czml"} {
		out.Files = append(out.Files, File{Name: n, MediaType: "text/plain", Data: fileData(id, n, size)})
	}
	return out
}

func fileData(id int64, name string, size int) []byte {
	b := bytes.Repeat([]byte(fmt.Sprintf("%d/%s;", id, name)), size/8+1)
	return b[:size]
}

// testStore is the behaviour both implementations must have.
func testStore(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("Sweeps", func(t *testing.T) { testSweeps(t, open(t)) })
	t.Run("Lifecycle", func(t *testing.T) {
		s := open(t)
		r, err := s.Create(ctx, testSpec(1))
		if err != nil {
			t.Fatal(err)
		}
		if r.ID < 1 || r.Status != Queued {
			t.Fatalf("Create = id %d, status %s; want id ≥ 1, queued", r.ID, r.Status)
		}
		if err := s.Finish(ctx, r.ID, testOutcome(r.ID, 10)); !errors.Is(err, ErrState) {
			t.Errorf("Finish(queued) = %v, want ErrState", err)
		}
		if err := s.Start(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.Start(ctx, r.ID); !errors.Is(err, ErrState) {
			t.Errorf("Start(running) = %v, want ErrState", err)
		}
		out := testOutcome(r.ID, 3000)
		if err := s.Finish(ctx, r.ID, out); err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != Done || got.StartedAt == nil || got.FinishedAt == nil || got.Headline != out.Headline || got.Spec != testSpec(1) {
			t.Errorf("Get = %+v, want done with times, the headline and the spec", got)
		}
		if !got.CreatedAt.Equal(r.CreatedAt) {
			t.Errorf("Get created = %v, want %v", got.CreatedAt, r.CreatedAt)
		}
		if len(got.Statistics) != len(out.Statistics) {
			t.Fatalf("Get statistics = %d, want %d", len(got.Statistics), len(out.Statistics))
		}
		for i, st := range got.Statistics {
			w := out.Statistics[i]
			same := st.Name == w.Name && st.Kind == w.Kind && st.Unit == w.Unit && st.Trials == w.Trials &&
				(st.Value == w.Value || math.IsNaN(st.Value) && math.IsNaN(w.Value)) && (st.CI95 == nil) == (w.CI95 == nil)
			if same && st.CI95 != nil {
				same = *st.CI95 == *w.CI95
			}
			if !same {
				t.Errorf("statistic %d = %+v, want %+v", i, st, w)
			}
		}
		if len(got.Files) != len(out.Files) {
			t.Errorf("Get files = %d, want %d", len(got.Files), len(out.Files))
		}
		for _, f := range out.Files {
			rf, err := s.ReadFile(ctx, r.ID, f.Name)
			if err != nil || !bytes.Equal(rf.Data, f.Data) || rf.MediaType != f.MediaType {
				t.Errorf("ReadFile(%s) = %d bytes, %v; want %d bytes", f.Name, len(rf.Data), err, len(f.Data))
			}
		}
		res, err := s.ReadFile(ctx, r.ID, ResultsFile)
		if err != nil || !bytes.Equal(res.Data, out.Results) {
			t.Errorf("ReadFile(results.json) = %q, %v; want %q", res.Data, err, out.Results)
		}
		if _, err := s.ReadFile(ctx, r.ID, "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("ReadFile(nope) = %v, want ErrNotFound", err)
		}
		if err := s.Cancel(ctx, r.ID); !errors.Is(err, ErrState) {
			t.Errorf("Cancel(done) = %v, want ErrState", err)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		s := open(t)
		for name, err := range map[string]error{
			"Get":      func() error { _, err := s.Get(ctx, 999); return err }(),
			"Start":    s.Start(ctx, 999),
			"Fail":     s.Fail(ctx, 999, "x"),
			"Cancel":   s.Cancel(ctx, 999),
			"Finish":   s.Finish(ctx, 999, testOutcome(999, 1)),
			"ReadFile": func() error { _, err := s.ReadFile(ctx, 999, "report.html"); return err }(),
			"Compare":  func() error { _, err := s.Compare(ctx, 999, 998); return err }(),
		} {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("%s(999) = %v, want ErrNotFound", name, err)
			}
		}
	})
	t.Run("FailCancel", func(t *testing.T) {
		s := open(t)
		a, _ := s.Create(ctx, testSpec(1))
		b, _ := s.Create(ctx, testSpec(2))
		if err := s.Start(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.Fail(ctx, a.ID, "boom"); err != nil {
			t.Fatal(err)
		}
		if err := s.Cancel(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		ga, _ := s.Get(ctx, a.ID)
		gb, _ := s.Get(ctx, b.ID)
		if ga.Status != Failed || ga.Error != "boom" || ga.FinishedAt == nil {
			t.Errorf("failed run = %s %q", ga.Status, ga.Error)
		}
		if gb.Status != Cancelled || gb.FinishedAt == nil {
			t.Errorf("cancelled run = %s", gb.Status)
		}
		if _, err := s.ReadFile(ctx, a.ID, ResultsFile); !errors.Is(err, ErrNotFound) {
			t.Errorf("ReadFile(failed run's results) = %v, want ErrNotFound", err)
		}
		if err := s.Start(ctx, b.ID); !errors.Is(err, ErrState) {
			t.Errorf("Start(cancelled) = %v, want ErrState", err)
		}
	})
	t.Run("FinishIsAtomic", func(t *testing.T) {
		s := open(t)
		r, _ := s.Create(ctx, testSpec(1))
		_ = s.Start(ctx, r.ID)
		out := testOutcome(r.ID, 10)
		out.Files = append(out.Files, out.Files[0]) // a duplicate name: the insert fails midway
		if err := s.Finish(ctx, r.ID, out); err == nil {
			t.Fatal("Finish with a duplicate file succeeded")
		}
		g, err := s.Get(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if g.Status != Running || len(g.Statistics) != 0 || len(g.Files) != 0 || g.Headline != "" {
			t.Errorf("after a failed Finish: %s, %d statistics, %d files, headline %q; want running and nothing written",
				g.Status, len(g.Statistics), len(g.Files), g.Headline)
		}
		if err := s.Finish(ctx, r.ID, testOutcome(r.ID, 10)); err != nil {
			t.Errorf("Finish after a failed one = %v", err)
		}
	})
	t.Run("ListNewestFirst", func(t *testing.T) {
		s := open(t)
		var ids []int64
		for i := range 5 {
			r, err := s.Create(ctx, testSpec(i))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}
		got, err := s.List(ctx, ListOptions{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].ID != ids[4] || got[1].ID != ids[3] || got[2].ID != ids[2] {
			t.Errorf("List(limit 3) ids = %v, want %v", runIDs(got), []int64{ids[4], ids[3], ids[2]})
		}
		_ = s.Cancel(ctx, ids[1])
		got, _ = s.List(ctx, ListOptions{Status: Cancelled})
		if len(got) != 1 || got[0].ID != ids[1] {
			t.Errorf("List(cancelled) = %v, want [%d]", runIDs(got), ids[1])
		}
	})
	t.Run("Compare", func(t *testing.T) {
		s := open(t)
		var ids []int64
		for i, p := range []float64{0.5, 0.8} {
			r, _ := s.Create(ctx, testSpec(i))
			_ = s.Start(ctx, r.ID)
			out := testOutcome(r.ID, 1)
			st := wilsonStat(int(p*100), 100)
			st.Name = "assets[Bucharest].p_survive"
			out.Statistics[1] = st
			if err := s.Finish(ctx, r.ID, out); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}
		c, err := s.Compare(ctx, ids[0], ids[1])
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, d := range c.Differences {
			if d.Name == "assets[Bucharest].p_survive" {
				found = true
				if math.Abs(d.Difference-0.3) > 1e-12 || d.Method != NewcombeWilson || d.CI95 == nil || !(d.CI95[0] < 0.3 && 0.3 < d.CI95[1]) {
					t.Errorf("Bucharest difference = %+v, want 0.3 inside a Newcombe interval", d)
				}
			}
		}
		if !found || len(c.Differences) != 4 {
			t.Errorf("Compare = %d differences, want 4 with Bucharest's", len(c.Differences))
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		s := open(t)
		const n = 8
		errs := make(chan error, n)
		for i := range n {
			go func() {
				r, err := s.Create(ctx, testSpec(i))
				if err == nil {
					err = s.Start(ctx, r.ID)
				}
				if err == nil {
					err = s.Finish(ctx, r.ID, testOutcome(r.ID, 1000))
				}
				errs <- err
			}()
		}
		for range n {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		got, _ := s.List(ctx, ListOptions{Status: Done})
		if len(got) != n {
			t.Errorf("done runs = %d, want %d", len(got), n)
		}
	})
}

func runIDs(rs []Run) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// TestRecoverKeepsLiveRuns: a second store on the same file (rampart runs
// list while rampart run --db writes) leaves the first one's running run
// alone; once the first is closed and its lease has run out, the run is
// interrupted.
func TestRecoverKeepsLiveRuns(t *testing.T) {
	testRecoverAfterLease(t, "run", func(t *testing.T, s Store) int64 {
		ctx := context.Background()
		r, _ := s.Create(ctx, testSpec(1))
		_ = s.Start(ctx, r.ID)
		return r.ID
	}, func(s Store, id int64) (Status, string) {
		g, _ := s.Get(context.Background(), id)
		return g.Status, g.Error
	})
}

// testRecoverAfterLease: a store opened on the file of a store whose
// record (a run or a sweep: noun) is running leaves it running while the
// first store renews its lease; once the first is closed and its lease
// has run out, a store opened then fails it as interrupted. begin creates
// and starts the record in s and returns its id; read returns a record's
// status and error.
func testRecoverAfterLease(t *testing.T, noun string, begin func(t *testing.T, s Store) int64, read func(s Store, id int64) (Status, string)) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "runs.db")
	// A lease of 1.2 s renewed every 0.3 s: three heartbeats in a row
	// would have to be late, on a loaded machine, for a false failure.
	o := Options{Lease: testLease}
	a, err := OpenSQLite(ctx, path, o)
	if err != nil {
		t.Fatal(err)
	}
	id := begin(t, a)
	time.Sleep(testLease * 4 / 3) // longer than the lease: the heartbeat must have renewed it
	b, err := OpenSQLite(ctx, path, o)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := read(b, id); st != Running {
		t.Errorf("a live %s after another store opened = %s, want running", noun, st)
	}
	b.Close()
	a.Close()
	time.Sleep(testLease * 4 / 3)
	c, err := OpenSQLite(ctx, path, o)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if st, msg := read(c, id); st != Failed || msg != Interrupted {
		t.Errorf("a %s whose lease ran out = %s %q, want failed %q", noun, st, msg, Interrupted)
	}
}

// TestOpenRefusesNonDatabase: a file that is not SQLite is refused with a
// LocationError, and left as it was.
func TestOpenRefusesNonDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	text := []byte("not a database, just some text that is long enough to be read as a header\n")
	if err := writeFile(path, text); err != nil {
		t.Fatal(err)
	}
	_, err := OpenSQLite(context.Background(), path, Options{})
	var le *LocationError
	if !errors.As(err, &le) {
		t.Errorf("OpenSQLite(text file) = %v, want a LocationError", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, text) {
		t.Errorf("OpenSQLite changed the text file it refused: %q", got)
	}
	if _, err := OpenSQLite(context.Background(), t.TempDir(), Options{}); !errors.As(err, &le) {
		t.Errorf("OpenSQLite(directory) = %v, want a LocationError", err)
	}
}

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

// testLease is the short lease of the recovery tests.
const testLease = 1200 * time.Millisecond

// TestSQLiteConcurrentOpen: several stores opening one new file at once
// (two rampart run --db started together) all migrate it and open.
func TestSQLiteConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "runs.db")
	const n = 4
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := OpenSQLite(context.Background(), path, Options{})
			if err == nil {
				_, err = s.Create(context.Background(), testSpec(1))
				s.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestNewerSchemaRefused: a store migrated by a newer rampart (a
// migration this binary lacks) is refused, not written to.
func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "runs.db")
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, 1)`, SchemaVersion+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = OpenSQLite(ctx, path, Options{})
	var le *LocationError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "newer") {
		t.Errorf("OpenSQLite(newer schema) = %v, want a LocationError saying newer", err)
	}
}

// TestNotFoundSaysSoPlainly: an unknown id reads "no run 999", not
// "store: get: run 999: not found", and is still ErrNotFound.
func TestNotFoundSaysSoPlainly(t *testing.T) {
	s, err := Open(context.Background(), Location{Dialect: SQLite, Path: filepath.Join(t.TempDir(), "runs.db")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Get(context.Background(), 999)
	if !errors.Is(err, ErrNotFound) || err.Error() != "no run 999" {
		t.Errorf("Get(999) = %v, want ErrNotFound saying \"no run 999\"", err)
	}
}
