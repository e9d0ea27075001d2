package study

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/parquetout"
)

// The second reader of the Parquet files is hyparquet, a pure-JavaScript
// Parquet reader written independently of parquet-go, run by node on
// test/parquet/read.mjs. It needs node and test/parquet/node_modules, both
// installed by scripts/parquet-deps.sh (make parquet-deps). Without them
// the test skips, unless RAMPART_PARQUET=require (make test, CI), when it
// fails.
const (
	// nodeTimeout bounds one read: node's start and a file of a few
	// hundred rows take well under a second; a hung reader fails here.
	nodeTimeout = 60 * time.Second
	// coordTolerance is the agreement wanted of a CSV coordinate cell and
	// hyparquet's double: the CSV's last decimal (1e-5 degree), halved.
	coordTolerance = 0.5e-5
)

var parquetReaderDir = filepath.Join("..", "..", "test", "parquet")

// hyparquetFile is what read.mjs prints of a file.
type hyparquetFile struct {
	Metadata map[string]string `json:"metadata"`
	Columns  []struct {
		Name, Type, Repetition string
	} `json:"columns"`
	NumRows int     `json:"num_rows"`
	Rows    [][]any `json:"rows"`
}

// needHyparquet returns node's path, or skips the test (fails it under
// RAMPART_PARQUET=require) when node or hyparquet is missing.
func needHyparquet(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	var missing []string
	if err != nil {
		missing = append(missing, "node")
	}
	if _, err := os.Stat(filepath.Join(parquetReaderDir, "node_modules", "hyparquet", "package.json")); err != nil {
		missing = append(missing, filepath.Join(parquetReaderDir, "node_modules", "hyparquet"))
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("hyparquet test: %v missing; run scripts/parquet-deps.sh (make parquet-deps)", missing)
		if os.Getenv("RAMPART_PARQUET") == "require" {
			t.Fatal(msg + " (RAMPART_PARQUET=require)")
		}
		t.Skip(msg)
	}
	return node
}

// readHyparquet reads file with hyparquet.
func readHyparquet(t *testing.T, node, file string) hyparquetFile {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), nodeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "read.mjs", abs)
	cmd.Dir = parquetReaderDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node read.mjs %s: %v\n%s", file, err, stderr.Bytes())
	}
	var f hyparquetFile
	if err := json.Unmarshal(out, &f); err != nil {
		t.Fatalf("read.mjs output: %v", err)
	}
	return f
}

// TestParquetHyparquet: hyparquet reads an engine run's events.parquet
// and summary.parquet: the row counts, the columns and their types, the
// metadata, and the values of the first and last event (against
// events.csv) and of every statistic (against Statistics).
func TestParquetHyparquet(t *testing.T) {
	node := needHyparquet(t)
	res, dir := parquetRun(t, 20)

	ev := readHyparquet(t, node, filepath.Join(dir, EventsParquetFile))
	csvRows := readCSV(t, dir)
	if ev.NumRows != len(csvRows)-1 || len(ev.Rows) != ev.NumRows {
		t.Fatalf("hyparquet: %d rows (%d read), events.csv %d", ev.NumRows, len(ev.Rows), len(csvRows)-1)
	}
	var names []string
	for _, c := range ev.Columns {
		names = append(names, c.Name)
		want := "DOUBLE"
		switch c.Name {
		case "trial":
			want = "INT64"
		case "event", "threat", "command", "launcher", "interceptor":
			want = "BYTE_ARRAY"
		case "kill":
			want = "BOOLEAN"
		}
		if c.Type != want {
			t.Errorf("hyparquet: column %s is %s, want %s", c.Name, c.Type, want)
		}
	}
	if !slices.Equal(names, eventsHeader) {
		t.Errorf("hyparquet: columns %v, want %v", names, eventsHeader)
	}
	meta := wantMeta(res)
	meta[parquetout.EventsTrialsKey] = "20"
	if !maps.Equal(ev.Metadata, meta) {
		t.Errorf("hyparquet: metadata %v, want %v", ev.Metadata, meta)
	}
	for _, i := range []int{0, len(ev.Rows) - 1} {
		checkHyparquetEvent(t, i, ev.Rows[i], csvRows[i+1])
	}

	sum := readHyparquet(t, node, filepath.Join(dir, SummaryParquetFile))
	if !maps.Equal(sum.Metadata, wantMeta(res)) {
		t.Errorf("hyparquet: summary metadata %v, want %v", sum.Metadata, wantMeta(res))
	}
	stats := Statistics(res)
	if sum.NumRows != len(stats) || len(sum.Rows) != len(stats) {
		t.Fatalf("hyparquet: summary %d rows, want %d statistics", sum.NumRows, len(stats))
	}
	for i, s := range stats {
		r := sum.Rows[i]
		lo, hi := any(nil), any(nil)
		if s.CI95 != nil {
			lo, hi = s.CI95[0], s.CI95[1]
		}
		unit := any(nil)
		if s.Unit != "" {
			unit = s.Unit
		}
		want := []any{0.0, s.Name, s.Label, string(s.Kind), unit, float64(s.Trials), s.Value, lo, hi}
		if fmt.Sprint(r) != fmt.Sprint(want) {
			t.Errorf("hyparquet: summary row %d = %v, want %v", i, r, want)
		}
	}
}

// checkHyparquetEvent compares hyparquet's row i with its events.csv row.
func checkHyparquetEvent(t *testing.T, i int, got []any, csvRow []string) {
	t.Helper()
	for j, name := range eventsHeader {
		cell, v := csvRow[j], got[j]
		switch x := v.(type) {
		case nil:
			if cell != "" {
				t.Errorf("row %d %s: hyparquet null, events.csv %q", i, name, cell)
			}
		case string:
			if x != cell {
				t.Errorf("row %d %s: hyparquet %q, events.csv %q", i, name, x, cell)
			}
		case bool:
			if strconv.FormatBool(x) != cell {
				t.Errorf("row %d %s: hyparquet %v, events.csv %q", i, name, x, cell)
			}
		case float64:
			want, err := strconv.ParseFloat(cell, 64)
			if err != nil || math.Abs(x-want) > coordTolerance {
				t.Errorf("row %d %s: hyparquet %v, events.csv %q", i, name, x, cell)
			}
		default:
			t.Errorf("row %d %s: hyparquet %T %v", i, name, v, v)
		}
	}
}

// TestSweepSummaryHyparquet: hyparquet reads a sweep-shaped summary (a
// number and a text field as columns, two points, a statistic without
// interval or unit): columns in order, nulls, the fields' paths and the
// point in the metadata.
func TestSweepSummaryHyparquet(t *testing.T) {
	node := needHyparquet(t)
	fields := []parquetout.Field{{Column: "sm_3_burnout_speed_kms", Path: `catalog."SM-3 IIA".burnout_speed_kms`}, {Column: "pick", Text: true}}
	var rows []parquetout.SummaryRow
	for p, speed := range []float64{3.5, 6} {
		v := []parquetout.Value{{Num: speed}, {Text: []string{"low", "high"}[p]}}
		rows = append(rows,
			parquetout.SummaryRow{Point: p, Values: v, Statistic: "assets[Bucharest].p_survive", Label: "Bucharest survives", Kind: "proportion", Trials: 1000, Value: 0.5 + 0.25*float64(p), CI95: &[2]float64{0.47, 0.53 + 0.25*float64(p)}},
			parquetout.SummaryRow{Point: p, Values: v, Statistic: "headline", Label: "the headline's value", Kind: "exact", Value: 7})
	}
	point := 1
	m := parquetout.Meta{Version: "v1.2.3", ScenarioSHA256: "ab12", Seed: 9, Trials: 1000, Point: &point}
	file := filepath.Join(t.TempDir(), SummaryParquetFile)
	var buf bytes.Buffer
	if err := parquetout.WriteSummary(&buf, m, fields, rows); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got := readHyparquet(t, node, file)
	wantMeta := map[string]string{"rampart_version": "v1.2.3", "scenario_sha256": "ab12", "seed": "9", "trials": "1000", "point": "1",
		"field.sm_3_burnout_speed_kms": `catalog."SM-3 IIA".burnout_speed_kms`}
	if !maps.Equal(got.Metadata, wantMeta) {
		t.Errorf("metadata %v, want %v", got.Metadata, wantMeta)
	}
	var cols []string
	for _, c := range got.Columns {
		cols = append(cols, c.Name+":"+c.Type+":"+c.Repetition)
	}
	wantCols := []string{"point:INT64:REQUIRED", "sm_3_burnout_speed_kms:DOUBLE:REQUIRED", "pick:BYTE_ARRAY:REQUIRED", "statistic:BYTE_ARRAY:REQUIRED",
		"label:BYTE_ARRAY:REQUIRED", "kind:BYTE_ARRAY:REQUIRED", "unit:BYTE_ARRAY:OPTIONAL", "trials:INT64:REQUIRED", "value:DOUBLE:REQUIRED",
		"ci95_lo:DOUBLE:OPTIONAL", "ci95_hi:DOUBLE:OPTIONAL"}
	if !slices.Equal(cols, wantCols) {
		t.Errorf("columns\n%v\nwant\n%v", cols, wantCols)
	}
	want := [][]any{
		{0.0, 3.5, "low", "assets[Bucharest].p_survive", "Bucharest survives", "proportion", nil, 1000.0, 0.5, 0.47, 0.53},
		{0.0, 3.5, "low", "headline", "the headline's value", "exact", nil, 0.0, 7.0, nil, nil},
		{1.0, 6.0, "high", "assets[Bucharest].p_survive", "Bucharest survives", "proportion", nil, 1000.0, 0.75, 0.47, 0.78},
		{1.0, 6.0, "high", "headline", "the headline's value", "exact", nil, 0.0, 7.0, nil, nil},
	}
	if got.NumRows != len(want) || fmt.Sprint(got.Rows) != fmt.Sprint(want) {
		t.Errorf("rows (%d)\n%v\nwant\n%v", got.NumRows, got.Rows, want)
	}
}
