package study

import (
	"bytes"
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/sim"
)

// TestEventLogKeepsWholeTrials: past MaxEventRows the log keeps the events
// of whole trials only, in trial order, and its note says how many.
func TestEventLogKeepsWholeTrials(t *testing.T) {
	world := &sim.World{Flights: []sim.Flight{{Name: "a"}, {Name: "b"}}}
	l := newEventLog(world, nil)
	// Each trial: 3 shots and 2 leakers, 5 rows.
	o := &sim.Outcome{Leaked: []bool{true, true}, Shots: []sim.Shot{{Flight: 0}, {Flight: 1}, {Flight: -1}}}
	const perTrial = 5
	trials := MaxEventRows/perTrial + 10
	for i := range trials {
		l.observe(i, o)
	}
	if want := MaxEventRows / perTrial; l.trials != want {
		t.Errorf("log holds %d trials, want %d", l.trials, want)
	}
	if l.rows != l.trials*perTrial || l.rows > MaxEventRows {
		t.Errorf("log holds %d rows for %d whole trials (limit %d)", l.rows, l.trials, MaxEventRows)
	}
	note := l.note(trials)
	if want := "first 200000 of 200010 trials"; !strings.Contains(note, want) {
		t.Errorf("note %q does not say %q", note, want)
	}
	if short := newEventLog(world, nil); short.note(0) != "" {
		t.Errorf("a complete log has a note: %q", short.note(0))
	}
}

// TestEventSpoolStreams: the spooled events.csv has the header, one row a
// shot and a leaker in trial order, each ended by the provenance columns,
// formula-like cells made inert, and its file is gone once the spool is
// open (on this system) or closed.
func TestEventSpoolStreams(t *testing.T) {
	world := &sim.World{Flights: []sim.Flight{{Name: "=a"}, {Name: "b"}}}
	sp, err := newEventSpool([]string{"v1", "sha", "7"})
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	l := newEventLog(world, sp)
	o := &sim.Outcome{Leaked: []bool{false, true}, Shots: []sim.Shot{{Flight: 0, Command: "US"}}}
	for i := range 3 {
		l.observe(i, o)
	}
	var buf bytes.Buffer
	if err := sp.copyTo(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3*2 {
		t.Fatalf("%d rows, want a header and 6: %q", len(rows), rows)
	}
	if got, want := strings.Join(rows[0], ","), strings.Join(append(eventsHeader[:len(eventsHeader):len(eventsHeader)], EventsProvenance...), ","); got != want {
		t.Errorf("header %q, want %q", got, want)
	}
	for i, r := range rows[1:] {
		if r[0] != []string{"0", "0", "1", "1", "2", "2"}[i] {
			t.Errorf("row %d is of trial %s", i+1, r[0])
		}
		if tail := strings.Join(r[len(r)-3:], ","); tail != "v1,sha,7" {
			t.Errorf("row %d ends %q, want the provenance v1,sha,7", i+1, tail)
		}
	}
	if rows[1][1] != "intercept" || rows[1][2] != "'=a" || rows[2][1] != "leak" || rows[2][2] != "b" {
		t.Errorf("first trial's rows %q, %q: want the shot at '=a (made inert), then b's leak", rows[1], rows[2])
	}
	name := sp.file.Name()
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("spool file %s still there after Close: %v", name, err)
	}
}

// TestEventSpoolEncodesAsCSV: the hand-encoded rows are the bytes
// encoding/csv writes for the same cells after neutralizeCells, for
// names that need quoting or making inert and for negative numbers.
func TestEventSpoolEncodesAsCSV(t *testing.T) {
	names := []string{`a,b`, `say "hi"`, ` lead`, `\.`, `-x`, `=SUM(A1)`, `+1`, "tab\tin", `ok`}
	var flights []sim.Flight
	for _, n := range names {
		flights = append(flights, sim.Flight{Name: n, LaunchTime: -1.5, FlightTime: 3})
	}
	world := &sim.World{Flights: flights}
	sp, err := newEventSpool([]string{"v,1", "=sha", "-7"})
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	l := newEventLog(world, sp)
	var shots []sim.Shot
	leaked := make([]bool, len(names))
	for i, n := range names {
		shots = append(shots, sim.Shot{Flight: i, Command: n, Launcher: n + "/L", Interceptor: "I " + n, Intercept: -0.004, Launch: 12.345, PkPlanned: 0.5, MissM: -3, ReachM: 1e6, Kill: i%2 == 0})
		leaked[i] = i%3 == 0
	}
	l.observe(0, &sim.Outcome{Shots: shots, Leaked: leaked})
	var got bytes.Buffer
	if err := sp.copyTo(&got); err != nil {
		t.Fatal(err)
	}
	f := func(x float64, n int) string { return strconv.FormatFloat(x, 'f', n, 64) }
	rows := [][]string{append(eventsHeader[:len(eventsHeader):len(eventsHeader)], EventsProvenance...)}
	stamp := neutralizeCells([][]string{{"v,1", "=sha", "-7"}})[0]
	for _, sh := range shots {
		rows = append(rows, append(neutralizeCells([][]string{{"0", "intercept", flights[sh.Flight].Name, f(sh.Intercept, 2), sh.Command, sh.Launcher, sh.Interceptor, f(sh.Launch, 2),
			f(sh.PkPlanned, 4), f(sh.MissM, 1), f(sh.ReachM, 1), strconv.FormatBool(sh.Kill), f(sh.Pos.LatDeg(), 5), f(sh.Pos.LonDeg(), 5), f(sh.Pos.Alt/1e3, 3)}})[0], stamp...))
	}
	for i, x := range leaked {
		if x {
			fl := flights[i]
			rows = append(rows, append(neutralizeCells([][]string{{"0", "leak", fl.Name, f(fl.LaunchTime+fl.FlightTime, 2), "", "", "", "", "", "", "", "", f(fl.Impact.LatDeg(), 5), f(fl.Impact.LonDeg(), 5), "0"}})[0], stamp...))
		}
	}
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	w.WriteAll(rows)
	if got.String() != want.String() {
		t.Errorf("spooled events differ from encoding/csv's:\n got %q\nwant %q", got.String(), want.String())
	}
}
