package study

import (
	"bytes"
	"context"
	"encoding/csv"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/rampart-sim/rampart/internal/parquetout"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// parquetEvent is events.parquet's row as a reader outside package
// parquetout declares it, by column name.
type parquetEvent struct {
	Trial       int64    `parquet:"trial"`
	Event       string   `parquet:"event"`
	Threat      *string  `parquet:"threat"`
	TimeS       float64  `parquet:"time_s"`
	Command     *string  `parquet:"command"`
	Launcher    *string  `parquet:"launcher"`
	Interceptor *string  `parquet:"interceptor"`
	LaunchS     *float64 `parquet:"launch_s"`
	PkPlanned   *float64 `parquet:"pk_planned"`
	MissM       *float64 `parquet:"miss_m"`
	ReachM      *float64 `parquet:"reach_m"`
	Kill        *bool    `parquet:"kill"`
	LatDeg      float64  `parquet:"lat_deg"`
	LonDeg      float64  `parquet:"lon_deg"`
	AltKm       float64  `parquet:"alt_km"`
}

// csvDecimals are the decimals events.csv writes each number column
// with (engine_events.go), by column index; a Parquet value printed
// with them is the CSV's cell.
var csvDecimals = map[int]int{3: 2, 7: 2, 8: 4, 9: 1, 10: 1, 12: 5, 13: 5, 14: 3}

// cells are p as events.csv's first 15 cells would be, names not made
// inert, nulls as empty cells.
func (p *parquetEvent) cells() []string {
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	num := func(i int, x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', csvDecimals[i], 64)
	}
	kill := ""
	if p.Kill != nil {
		kill = strconv.FormatBool(*p.Kill)
	}
	alt := num(14, &p.AltKm)
	if p.Event == parquetout.Leak && p.AltKm == 0 {
		alt = "0" // events.csv's impact height
	}
	return []string{strconv.FormatInt(p.Trial, 10), p.Event, str(p.Threat), num(3, &p.TimeS), str(p.Command), str(p.Launcher), str(p.Interceptor),
		num(7, p.LaunchS), num(8, p.PkPlanned), num(9, p.MissM), num(10, p.ReachM), kill, num(12, &p.LatDeg), num(13, &p.LonDeg), alt}
}

// parquetRun runs europe's engine for trials and writes its report
// directory; it returns the result and the directory.
func parquetRun(t *testing.T, trials int) (*Result, string) {
	t.Helper()
	s, err := scenario.Load("europe")
	if err != nil {
		t.Fatal(err)
	}
	st, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(s, st, Options{Seed: 3, Trials: trials, Workers: 2, Sim: sim.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Close() })
	dir := filepath.Join(t.TempDir(), "rep")
	if err := WriteDir(context.Background(), dir, res); err != nil {
		t.Fatal(err)
	}
	return res, dir
}

// readCSV reads a report directory's events.csv, header first.
func readCSV(t *testing.T, dir string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, EventsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// openParquet opens a Parquet file of dir with parquet-go.
func openParquet(t *testing.T, dir, name string) (*parquet.File, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f, data
}

// wantMeta is the metadata every Parquet file of res carries.
func wantMeta(res *Result) map[string]string {
	return map[string]string{parquetout.VersionKey: provenance.Version(), parquetout.ScenarioSHA256Key: res.scenario.SHA256,
		parquetout.SeedKey: strconv.FormatInt(res.options.Seed, 10), parquetout.TrialsKey: strconv.Itoa(res.options.Trials)}
}

// checkMeta checks f's key-value metadata against want, exactly.
func checkMeta(t *testing.T, name string, f *parquet.File, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, kv := range f.Metadata().KeyValueMetadata {
		got[kv.Key] = kv.Value
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s metadata %v, want %v", name, got, want)
	}
}

// TestEventsParquetIsEventsCSV: an engine run's events.parquet, read back
// with parquet-go, has events.csv's rows in its order, cell for cell at
// the CSV's decimals, its snake_case columns with their types, nulls for
// a leak's shot columns, and the run's provenance in its metadata.
func TestEventsParquetIsEventsCSV(t *testing.T) {
	res, dir := parquetRun(t, 40)
	csvRows := readCSV(t, dir)
	f, data := openParquet(t, dir, EventsParquetFile)
	var cols []string
	for _, c := range f.Schema().Fields() {
		cols = append(cols, c.Name())
	}
	if !slices.Equal(cols, eventsHeader) {
		t.Errorf("columns %v, want events.csv's %v", cols, eventsHeader)
	}
	types := map[string]string{"trial": "INT64", "event": "BYTE_ARRAY", "threat": "BYTE_ARRAY", "kill": "BOOLEAN", "command": "BYTE_ARRAY", "launcher": "BYTE_ARRAY", "interceptor": "BYTE_ARRAY"}
	for _, c := range f.Schema().Fields() {
		want := types[c.Name()]
		if want == "" {
			want = "DOUBLE"
		}
		if got := c.Type().Kind().String(); got != want {
			t.Errorf("column %s is %s, want %s", c.Name(), got, want)
		}
	}
	meta := wantMeta(res)
	meta[parquetout.EventsTrialsKey] = "40"
	checkMeta(t, EventsParquetFile, f, meta)
	rows, err := parquet.Read[parquetEvent](bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(csvRows)-1 || len(rows) < 40 {
		t.Fatalf("%d Parquet rows, %d CSV rows after the header; want equal, and events in 40 trials", len(rows), len(csvRows)-1)
	}
	leaks := 0
	for i := range rows {
		got, want := rows[i].cells(), csvRows[i+1][:len(eventsHeader)]
		if !slices.Equal(got, want) {
			t.Fatalf("row %d:\nparquet %q\ncsv     %q", i+1, got, want)
		}
		if rows[i].Event == parquetout.Leak {
			leaks++
		}
	}
	if leaks == 0 || leaks == len(rows) {
		t.Errorf("%d leaks in %d rows: want both kinds of event", leaks, len(rows))
	}
}

// TestSummaryParquetIsStatistics: summary.parquet holds the run's headline
// statistics as point 0, with their intervals (null without one).
func TestSummaryParquetIsStatistics(t *testing.T) {
	res, dir := parquetRun(t, 10)
	f, data := openParquet(t, dir, SummaryParquetFile)
	checkMeta(t, SummaryParquetFile, f, wantMeta(res))
	type row struct {
		Point     int64    `parquet:"point"`
		Statistic string   `parquet:"statistic"`
		Label     string   `parquet:"label"`
		Kind      string   `parquet:"kind"`
		Unit      *string  `parquet:"unit"`
		Trials    int64    `parquet:"trials"`
		Value     float64  `parquet:"value"`
		Lo        *float64 `parquet:"ci95_lo"`
		Hi        *float64 `parquet:"ci95_hi"`
	}
	var cols []string
	for _, c := range f.Schema().Fields() {
		cols = append(cols, c.Name())
	}
	if want := []string{"point", "statistic", "label", "kind", "unit", "trials", "value", "ci95_lo", "ci95_hi"}; !slices.Equal(cols, want) {
		t.Errorf("columns %v, want %v", cols, want)
	}
	rows, err := parquet.Read[row](bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	stats := Statistics(res)
	if len(rows) != len(stats) {
		t.Fatalf("%d rows, want %d statistics", len(rows), len(stats))
	}
	for i, s := range stats {
		r := rows[i]
		unit := ""
		if r.Unit != nil {
			unit = *r.Unit
		}
		if r.Point != 0 || r.Statistic != s.Name || r.Label != s.Label || r.Kind != string(s.Kind) || unit != s.Unit || r.Trials != int64(s.Trials) || r.Value != s.Value {
			t.Errorf("row %d = %+v, want %+v at point 0", i, r, s)
		}
		if (s.CI95 == nil) != (r.Lo == nil || r.Hi == nil) || s.CI95 != nil && (*r.Lo != s.CI95[0] || *r.Hi != s.CI95[1]) {
			t.Errorf("row %d (%s): interval %v %v, want %v", i, s.Name, r.Lo, r.Hi, s.CI95)
		}
	}
}

// TestEventsParquetNames: names made inert in events.csv ("=a", "@US")
// are the scenario's in events.parquet; two names that are one cell of
// events.csv are refused, not confused.
func TestEventsParquetNames(t *testing.T) {
	write := func(names ...string) ([]parquetEvent, error) {
		var flights []sim.Flight
		for _, n := range names {
			flights = append(flights, sim.Flight{Name: n})
		}
		sp, err := newEventSpool([]string{"v1", "sha", "7"})
		if err != nil {
			t.Fatal(err)
		}
		defer sp.Close()
		l := newEventLog(&sim.World{Flights: flights}, sp)
		o := &sim.Outcome{Leaked: make([]bool, len(names)), Shots: []sim.Shot{{Flight: 0, Command: "@US", Launcher: "-L", Interceptor: "+I", Launch: -12.5}}}
		o.Leaked[len(names)-1] = true
		l.observe(0, o)
		var buf bytes.Buffer
		if err := sp.writeParquet(&buf, parquetout.Meta{Version: "v1", ScenarioSHA256: "sha", Seed: 7, Trials: 1}); err != nil {
			return nil, err
		}
		return parquet.Read[parquetEvent](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	}
	rows, err := write("=a", "'b")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || *rows[0].Threat != "=a" || *rows[0].Command != "@US" || *rows[0].Launcher != "-L" || *rows[0].Interceptor != "+I" || *rows[0].LaunchS != -12.5 || *rows[1].Threat != "'b" {
		t.Errorf("rows %+v: want the names as given", rows)
	}
	if _, err := write("=x", "'=x"); err == nil || !strings.Contains(err.Error(), `"=x" and "'=x"`) && !strings.Contains(err.Error(), `"'=x" and "=x"`) {
		t.Errorf("names =x and '=x: err %v, want them named as one cell", err)
	}
}

// TestAnalysisHasNoEventsParquet: an analysis's report directory has
// summary.parquet but no events.parquet (its events table is its own).
func TestAnalysisHasNoEventsParquet(t *testing.T) {
	s, err := scenario.Load("tomahawk")
	if err != nil {
		t.Fatal(err)
	}
	st, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(s, st, Options{Seed: 1, Trials: 2, Workers: 1, Sim: sim.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "rep")
	if err := WriteDir(context.Background(), dir, res); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, EventsParquetFile)); !os.IsNotExist(err) {
		t.Errorf("%s of an analysis: %v, want none", EventsParquetFile, err)
	}
	f, _ := openParquet(t, dir, SummaryParquetFile)
	if f.NumRows() == 0 {
		t.Errorf("%s of an analysis has no rows", SummaryParquetFile)
	}
}
