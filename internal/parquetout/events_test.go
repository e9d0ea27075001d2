package parquetout

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// testMeta is the metadata of the tests' files.
var testMeta = Meta{Version: "v0.0.0-test go1.26", ScenarioSHA256: "8a88b7eb74b19cb1549436c21985324a5464cda79aff364edd47206fc89ba5a4", Seed: 7, Trials: 3}

// testEvents are events like an engine run's: shots, a hit, leaks.
func testEvents(n int) []Event {
	var out []Event
	for i := range n {
		if i%3 == 2 {
			out = append(out, Event{Trial: i / 3, Event: Leak, Threat: "sejjil-tabriz-athens", TimeS: 760.25, LatDeg: 37.98, LonDeg: 23.72})
			continue
		}
		out = append(out, Event{Trial: i / 3, Event: Intercept, Threat: "ghadr1-tabriz-ankara#1", TimeS: 688.9 + float64(i), Command: "US",
			Launcher: "aegis-ashore-poland/SM-3 IIA", Interceptor: "SM-3 IIA", LaunchS: 0, PkPlanned: 0.5576, MissM: 2510.8,
			ReachM: 18043.3, Kill: i%2 == 0, LatDeg: 41.5, LonDeg: -30.25, AltKm: 152.125})
	}
	return out
}

// writeEvents writes evs as an events file and returns its bytes.
func writeEvents(t testing.TB, m Meta, evs []Event) []byte {
	var buf bytes.Buffer
	w, err := NewEventWriter(&buf, m)
	if err != nil {
		t.Fatal(err)
	}
	for i := range evs {
		if err := w.Write(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(m.Trials); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestEventsReadBack writes more events than one buffer and one row
// group, and reads them back with parquet-go: the same rows, columns,
// types, nulls and metadata.
func TestEventsReadBack(t *testing.T) {
	evs := testEvents(RowGroupRows + eventBuffer + 5)
	data := writeEvents(t, testMeta, evs)
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.RowGroups()); got != 2 {
		t.Errorf("%d row groups, want 2 (RowGroupRows %d)", got, RowGroupRows)
	}
	wantCols := []string{"trial:INT64", "event:BYTE_ARRAY", "threat:BYTE_ARRAY", "time_s:DOUBLE", "command:BYTE_ARRAY", "launcher:BYTE_ARRAY",
		"interceptor:BYTE_ARRAY", "launch_s:DOUBLE", "pk_planned:DOUBLE", "miss_m:DOUBLE", "reach_m:DOUBLE", "kill:BOOLEAN",
		"lat_deg:DOUBLE", "lon_deg:DOUBLE", "alt_km:DOUBLE"}
	var cols []string
	for _, c := range f.Schema().Fields() {
		cols = append(cols, c.Name()+":"+c.Type().Kind().String())
	}
	if !reflect.DeepEqual(cols, wantCols) {
		t.Errorf("columns\n%v\nwant\n%v", cols, wantCols)
	}
	for k, v := range map[string]string{VersionKey: testMeta.Version, ScenarioSHA256Key: testMeta.ScenarioSHA256, SeedKey: "7", TrialsKey: "3", EventsTrialsKey: "3"} {
		if got, ok := f.Lookup(k); !ok || got != v {
			t.Errorf("metadata %s = %q, %v; want %q", k, got, ok, v)
		}
	}
	if _, ok := f.Lookup(PointKey); ok {
		t.Errorf("metadata has %s outside a sweep", PointKey)
	}
	rows, err := parquet.Read[eventRow](bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(evs) {
		t.Fatalf("%d rows, want %d", len(rows), len(evs))
	}
	for i, r := range rows {
		if got := fromRow(r); got != evs[i] {
			t.Fatalf("row %d = %+v, want %+v", i, got, evs[i])
		}
		if leak := evs[i].Event == Leak; leak != (r.LaunchS == nil && r.Kill == nil && r.Command == "") {
			t.Fatalf("row %d (%s): shot columns null = %v", i, evs[i].Event, !leak)
		}
	}
}

// fromRow is the Event that r was written from.
func fromRow(r eventRow) Event {
	ev := Event{Trial: int(r.Trial), Event: r.Event, Threat: r.Threat, TimeS: r.TimeS, Command: r.Command, Launcher: r.Launcher,
		Interceptor: r.Interceptor, LatDeg: r.LatDeg, LonDeg: r.LonDeg, AltKm: r.AltKm}
	if r.LaunchS != nil {
		ev.LaunchS, ev.PkPlanned, ev.MissM, ev.ReachM, ev.Kill = *r.LaunchS, *r.PkPlanned, *r.MissM, *r.ReachM, *r.Kill
	}
	return ev
}

// TestEventsPointMetadata: a sweep point's file says its point.
func TestEventsPointMetadata(t *testing.T) {
	m := testMeta
	p := 12
	m.Point = &p
	data := writeEvents(t, m, testEvents(4))
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Lookup(PointKey); got != "12" {
		t.Errorf("metadata %s = %q, want 12", PointKey, got)
	}
}

// TestEventsEmpty: a run without events writes a valid file of no rows.
func TestEventsEmpty(t *testing.T) {
	data := writeEvents(t, testMeta, nil)
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if n := f.NumRows(); n != 0 {
		t.Errorf("%d rows, want 0", n)
	}
}

// TestMetaRequired: a file without its provenance is refused.
func TestMetaRequired(t *testing.T) {
	if _, err := NewEventWriter(&bytes.Buffer{}, Meta{Seed: 1}); err == nil {
		t.Error("NewEventWriter without version and SHA-256: no error")
	}
}

// BenchmarkEventWriter is events.parquet's cost per row, rows like
// europe's.
func BenchmarkEventWriter(b *testing.B) {
	evs := testEvents(13)
	f, err := os.Create(filepath.Join(b.TempDir(), EventsFile))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w, err := NewEventWriter(f, testMeta)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w.Write(&evs[i%len(evs)])
	}
	if err := w.Close(b.N); err != nil {
		b.Fatal(err)
	}
}
