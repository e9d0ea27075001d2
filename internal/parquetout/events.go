package parquetout

import (
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// EventsFile is the name of the events' Parquet file in a report directory.
const EventsFile = "events.parquet"

// Event kinds (the event column).
const (
	Intercept = "intercept" // an interceptor's shot at a threat, hit or miss
	Leak      = "leak"      // a threat that reached its aim point
)

// RowGroupRows is the most rows a writer holds in memory before it writes
// them to the file as a row group (a few MB of columns for events).
const RowGroupRows = 1 << 14

// Event is one row of events.parquet: the same rows, in the same order, as
// events.csv, without its provenance columns (they are the file's
// metadata). A leak has no shot: its command, launcher, interceptor,
// launch_s, pk_planned, miss_m, reach_m and kill are written as null,
// whatever the fields hold.
type Event struct {
	Trial       int     // trial index, from 0
	Event       string  // Intercept or Leak
	Threat      string  // the threat's flight name; "" (null) for a shot at no flight
	TimeS       float64 // intercept time, or the leaker's impact time, s after the scenario epoch
	Command     string  // the command that fired
	Launcher    string  // launcher id
	Interceptor string  // interceptor type
	LaunchS     float64 // interceptor launch time, s after the scenario epoch
	PkPlanned   float64 // kill probability the command planned the shot with
	MissM       float64 // miss distance, m
	ReachM      float64 // the interceptor's reach at the intercept, m
	Kill        bool    // the shot killed its threat
	LatDeg      float64 // intercept point, or impact point: geodetic latitude (WGS-84), degrees north
	LonDeg      float64 // longitude, degrees east
	AltKm       float64 // height above the WGS-84 ellipsoid, km (0 for an impact)
}

// eventRow is an Event as written: its columns, in order, with nulls.
type eventRow struct {
	Trial       int64    `parquet:"trial"`
	Event       string   `parquet:"event,dict"`
	Threat      string   `parquet:"threat,dict,optional"`
	TimeS       float64  `parquet:"time_s"`
	Command     string   `parquet:"command,dict,optional"`
	Launcher    string   `parquet:"launcher,dict,optional"`
	Interceptor string   `parquet:"interceptor,dict,optional"`
	LaunchS     *float64 `parquet:"launch_s"`
	PkPlanned   *float64 `parquet:"pk_planned"`
	MissM       *float64 `parquet:"miss_m"`
	ReachM      *float64 `parquet:"reach_m"`
	Kill        *bool    `parquet:"kill"`
	LatDeg      float64  `parquet:"lat_deg"`
	LonDeg      float64  `parquet:"lon_deg"`
	AltKm       float64  `parquet:"alt_km"`
}

// shot holds a buffered row's shot values, which its pointers point to.
type shot struct {
	launch, pk, miss, reach float64
	kill                    bool
}

// EventWriter streams Events to a Parquet file: rows are buffered a few
// hundred at a time, and the Parquet writer writes a row group every
// RowGroupRows rows; Close writes the footer.
type EventWriter struct {
	w     *parquet.GenericWriter[eventRow]
	rows  []eventRow
	shots []shot // rows[i]'s pointers point into shots[i]
	err   error
}

// eventBuffer is the rows an EventWriter buffers before it hands them on.
const eventBuffer = 512

// NewEventWriter starts an events file on out with m's metadata.
func NewEventWriter(out io.Writer, m Meta) (*EventWriter, error) {
	kv, err := m.pairs()
	if err != nil {
		return nil, err
	}
	opts := []parquet.WriterOption{
		parquet.Compression(&snappy.Codec{}),
		parquet.MaxRowsPerRowGroup(RowGroupRows),
		parquet.CreatedBy("rampart", m.Version, ""),
	}
	for _, p := range kv {
		opts = append(opts, parquet.KeyValueMetadata(p[0], p[1]))
	}
	return &EventWriter{w: parquet.NewGenericWriter[eventRow](out, opts...), rows: make([]eventRow, 0, eventBuffer), shots: make([]shot, eventBuffer)}, nil
}

// Write adds one event (ev is copied). The first error is kept and
// returned by every later call and by Close.
func (e *EventWriter) Write(ev *Event) error {
	if e.err != nil {
		return e.err
	}
	r := eventRow{Trial: int64(ev.Trial), Event: ev.Event, Threat: ev.Threat, TimeS: ev.TimeS, LatDeg: ev.LatDeg, LonDeg: ev.LonDeg, AltKm: ev.AltKm}
	if ev.Event != Leak {
		sh := &e.shots[len(e.rows)]
		*sh = shot{launch: ev.LaunchS, pk: ev.PkPlanned, miss: ev.MissM, reach: ev.ReachM, kill: ev.Kill}
		r.Command, r.Launcher, r.Interceptor = ev.Command, ev.Launcher, ev.Interceptor
		r.LaunchS, r.PkPlanned, r.MissM, r.ReachM, r.Kill = &sh.launch, &sh.pk, &sh.miss, &sh.reach, &sh.kill
	}
	e.rows = append(e.rows, r)
	if len(e.rows) == cap(e.rows) {
		e.flush()
	}
	return e.err
}

// flush hands the buffered rows to the Parquet writer.
func (e *EventWriter) flush() {
	if e.err == nil && len(e.rows) > 0 {
		_, e.err = e.w.Write(e.rows)
	}
	e.rows = e.rows[:0]
}

// Close writes the remaining rows and the footer, with eventsTrials (the
// trials whose events the file holds) in the metadata.
func (e *EventWriter) Close(eventsTrials int) error {
	e.flush()
	if e.err != nil {
		return e.err
	}
	// The caller names the file in its errors (study's report directory).
	e.w.SetKeyValueMetadata(EventsTrialsKey, strconv.Itoa(eventsTrials))
	return e.w.Close()
}
