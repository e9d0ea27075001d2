package study

import (
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
	f := func(x float64, n int) string { return strconv.FormatFloat(x, 'f', n, 64) }
	trial := strconv.Itoa(t)
	for _, sh := range o.Shots {
		threat := ""
		if sh.Flight >= 0 {
			threat = l.world.Flights[sh.Flight].Name
		}
		l.spool.write([]string{trial, "intercept", threat, f(sh.Intercept, 2), sh.Command, sh.Launcher, sh.Interceptor, f(sh.Launch, 2),
			f(sh.PkPlanned, 4), f(sh.MissM, 1), f(sh.ReachM, 1), strconv.FormatBool(sh.Kill), f(sh.Pos.LatDeg(), 5), f(sh.Pos.LonDeg(), 5), f(sh.Pos.Alt/1e3, 3)})
	}
	for i, leaked := range o.Leaked {
		if !leaked {
			continue
		}
		fl := l.world.Flights[i]
		l.spool.write([]string{trial, "leak", fl.Name, f(fl.LaunchTime+fl.FlightTime, 2), "", "", "", "", "", "", "", "", f(fl.Impact.LatDeg(), 5), f(fl.Impact.LonDeg(), 5), "0"})
	}
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
// WriteDir copies into the report directory.
type eventSpool struct {
	file  *os.File
	name  string // still to remove on Close; "" once removed
	csv   *csv.Writer
	stamp []string // the EventsProvenance values
	err   error    // the first write error
}

// newEventSpool opens a spool and writes the header. stamp is the
// EventsProvenance values that end every row.
func newEventSpool(stamp []string) (*eventSpool, error) {
	f, err := os.CreateTemp("", "rampart-events-*.csv")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", EventsFile, err)
	}
	s := &eventSpool{file: f, name: f.Name(), csv: csv.NewWriter(f), stamp: neutralizeCells([][]string{stamp})[0]}
	if os.Remove(f.Name()) == nil {
		s.name = ""
	}
	s.err = s.csv.Write(append(eventsHeader[:len(eventsHeader):len(eventsHeader)], EventsProvenance...))
	return s, nil
}

// write appends one row and the provenance columns, formula-like cells
// made inert; the first error is kept for copyTo.
func (s *eventSpool) write(row []string) {
	if s.err != nil {
		return
	}
	s.err = s.csv.Write(append(neutralizeCells([][]string{row})[0], s.stamp...))
}

// copyTo writes the whole spool to w.
func (s *eventSpool) copyTo(w io.Writer) error {
	if s.err != nil {
		return s.err
	}
	s.csv.Flush()
	if err := s.csv.Error(); err != nil {
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
