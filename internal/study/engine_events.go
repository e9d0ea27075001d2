package study

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/rampart-sim/rampart/internal/sim"
)

// MaxEventRows bounds the rows of an engine run's events.csv (about 200 MB
// on disk; nothing of it is held in memory). A run whose events would
// exceed it keeps those of its first trials, whole trials only, and says
// so (Result.Note and the results' events_trials).
const MaxEventRows = 1_000_000

// eventsHeader is the header of an engine run's events.csv, before the
// EventsProvenance columns.
var eventsHeader = []string{"trial", "event", "threat", "time_s", "command", "launcher", "interceptor", "launch_s", "pk_planned", "miss_m", "reach_m", "kill", "lat_deg", "lon_deg", "alt_km"}

// eventLog counts the rows of events.csv (one per shot and per leaker of
// each trial, in trial order, up to MaxEventRows) and, when it has a
// spool, streams them there as the trials finish, so that memory does not
// grow with the trial count (issue 13).
type eventLog struct {
	world  *sim.World
	rows   int  // data rows so far
	trials int  // trials whose events are all counted (and spooled)
	full   bool // a trial's events did not fit; later trials are skipped
	spool  *eventSpool
}

// newEventLog is a log that only counts; with spool it also writes.
func newEventLog(world *sim.World, spool *eventSpool) *eventLog {
	return &eventLog{world: world, spool: spool}
}

// observe adds trial t's events, or none if they do not all fit.
func (l *eventLog) observe(t int, o *sim.Outcome) {
	if l.full {
		return
	}
	leaks := 0
	for _, x := range o.Leaked {
		if x {
			leaks++
		}
	}
	if l.rows+len(o.Shots)+leaks > MaxEventRows {
		l.full = true
		return
	}
	l.rows += len(o.Shots) + leaks
	l.trials++
	if l.spool == nil {
		return
	}
	sp := l.spool
	sp.trials = l.trials
	for _, sh := range o.Shots {
		threat := ""
		if sh.Flight >= 0 {
			threat = l.world.Flights[sh.Flight].Name
		}
		b := strconv.AppendInt(sp.row, int64(t), 10)
		b = append(b, ",intercept,"...)
		b = append(b, sp.field(threat)...)
		b = appendNumber(b, sh.Intercept, 2)
		b = append(b, ',')
		b = append(b, sp.field(sh.Command)...)
		b = append(b, ',')
		b = append(b, sp.field(sh.Launcher)...)
		b = append(b, ',')
		b = append(b, sp.field(sh.Interceptor)...)
		b = appendNumber(b, sh.Launch, 2)
		b = appendNumber(b, sh.PkPlanned, 4)
		b = appendNumber(b, sh.MissM, 1)
		b = appendNumber(b, sh.ReachM, 1)
		b = append(b, ',')
		b = strconv.AppendBool(b, sh.Kill)
		b = appendNumber(b, sh.Pos.LatDeg(), 5)
		b = appendNumber(b, sh.Pos.LonDeg(), 5)
		b = appendNumber(b, sh.Pos.Alt/1e3, 3)
		sp.end(b)
	}
	for i, leaked := range o.Leaked {
		if !leaked {
			continue
		}
		fl := l.world.Flights[i]
		b := strconv.AppendInt(sp.row, int64(t), 10)
		b = append(b, ",leak,"...)
		b = append(b, sp.field(fl.Name)...)
		b = appendNumber(b, fl.LaunchTime+fl.FlightTime, 2)
		b = append(b, ",,,,,,,,"...)
		b = appendNumber(b, fl.Impact.LatDeg(), 5)
		b = appendNumber(b, fl.Impact.LonDeg(), 5)
		b = append(b, ",0"...)
		sp.end(b)
	}
}

// appendNumber appends a comma and x with n decimals: a number needs no
// quoting in CSV and is never made inert (neutralizeCells leaves numbers).
func appendNumber(b []byte, x float64, n int) []byte {
	return strconv.AppendFloat(append(b, ','), x, 'f', n, 64)
}

// note says, when the log was cut short, which trials it holds.
func (l *eventLog) note(trials int) string {
	if l.trials == trials {
		return ""
	}
	return fmt.Sprintf("events.csv holds the events of the first %d of %d trials (its limit is %d rows); the statistics use every trial.", l.trials, trials, MaxEventRows)
}

// eventSpool is events.csv being written: a temporary file, removed from
// its directory as soon as it is open where the system allows it, that
// WriteDir copies into the report directory. Rows are encoded by hand,
// as encoding/csv would encode them after neutralizeCells, with each
// name's encoding kept: a trial's rows then cost about a microsecond
// each, not the run's time (the fast fidelity's trial is 0.7 ms).
type eventSpool struct {
	file   *os.File
	name   string // still to remove on Close; "" once removed
	w      *bufio.Writer
	stamp  []byte            // ",version,sha,seed\n", encoded
	fields map[string][]byte // each name's encoded cell
	row    []byte            // the row being built, reused
	trials int               // trials whose events are all spooled
	err    error             // the first write error
}

// newEventSpool opens a spool and writes the header. stamp is the
// EventsProvenance values that end every row.
func newEventSpool(stamp []string) (*eventSpool, error) {
	f, err := os.CreateTemp("", "rampart-events-*.csv")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", EventsFile, err)
	}
	s := &eventSpool{file: f, name: f.Name(), w: bufio.NewWriterSize(f, 64<<10), fields: map[string][]byte{}}
	if os.Remove(f.Name()) == nil {
		s.name = ""
	}
	s.stamp = append([]byte{','}, encodeRecord(neutralizeCells([][]string{stamp})[0])...)
	_, s.err = s.w.Write(encodeRecord(append(eventsHeader[:len(eventsHeader):len(eventsHeader)], EventsProvenance...)))
	return s, nil
}

// encodeRecord is one CSV record as encoding/csv writes it, newline ended.
func encodeRecord(cells []string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(cells) // a bytes.Buffer does not fail
	w.Flush()
	return buf.Bytes()
}

// field is name's cell: made inert, then quoted as encoding/csv would.
func (s *eventSpool) field(name string) []byte {
	if name == "" {
		return nil
	}
	if b, ok := s.fields[name]; ok {
		return b
	}
	b := encodeRecord(neutralizeCells([][]string{{name}})[0])
	b = b[:len(b)-1] // without the newline
	s.fields[name] = b
	return b
}

// end finishes row b with the provenance columns and writes it; the
// first error is kept for copyTo.
func (s *eventSpool) end(b []byte) {
	b = append(b, s.stamp...)
	s.row = b[:0]
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// copyTo writes the whole spool to w.
func (s *eventSpool) copyTo(w io.Writer) error {
	if s.err != nil {
		return s.err
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.file)
	return err
}

// Close closes the spool and removes its file.
func (s *eventSpool) Close() error {
	err := s.file.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	return err
}
