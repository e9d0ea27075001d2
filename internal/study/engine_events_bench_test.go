package study

import (
	"io"
	"testing"

	"github.com/rampart-sim/rampart/internal/parquetout"
	"github.com/rampart-sim/rampart/internal/sim"
)

// europeLikeTrial is an event log on a new spool (closed when b ends) and
// the outcome of one trial like europe's: ten flights, six shots and
// seven leakers.
func europeLikeTrial(b *testing.B) (*eventLog, *eventSpool, *sim.Outcome) {
	b.Helper()
	var flights []sim.Flight
	for _, n := range []string{"shahab3-tabriz-kurecik#1", "shahab3-tabriz-kurecik#2", "ghadr1-tabriz-ankara#1", "ghadr1-tabriz-ankara#2", "sejjil-tabriz-bucharest#1", "sejjil-tabriz-bucharest#2", "sejjil-tabriz-athens", "sejjil-kermanshah-ankara#1", "sejjil-kermanshah-ankara#2", "sejjil-semnan-ankara"} {
		flights = append(flights, sim.Flight{Name: n, LaunchTime: 60, FlightTime: 700})
	}
	world := &sim.World{Flights: flights}
	sp, err := newEventSpool([]string{"(devel) go1.26.8", "8a88b7eb74b19cb1549436c21985324a5464cda79aff364edd47206fc89ba5a4", "1"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { sp.Close() })
	l := newEventLog(world, sp)
	o := &sim.Outcome{Leaked: []bool{true, true, true, true, false, false, false, true, true, true}}
	for i := range 6 {
		o.Shots = append(o.Shots, sim.Shot{Flight: 4 + i%3, Command: "US", Launcher: "aegis-ashore-poland/SM-3 IIA", Interceptor: "SM-3 IIA", Intercept: 688.9, Launch: 171, PkPlanned: 0.5576, MissM: 2510.8, ReachM: 18043.3, Kill: i%2 == 0})
	}
	return l, sp, o
}

// BenchmarkEventSpool is the events.csv cost of one trial like europe's:
// six shots and seven leakers, spooled (issue 13: every engine run keeps
// its events, and a fast-fidelity trial is about 0.7 ms).
func BenchmarkEventSpool(b *testing.B) {
	l, _, o := europeLikeTrial(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if l.rows > MaxEventRows/2 {
			l.rows = 0 // the limit is not what is timed
		}
		l.observe(i, o)
	}
}

// BenchmarkEventsParquet is events.parquet's cost per row, converted from
// a spool of europe-like trials (six shots, seven leakers) when written.
func BenchmarkEventsParquet(b *testing.B) {
	l, sp, o := europeLikeTrial(b)
	const trials = 2000
	for i := range trials {
		l.observe(i, o)
	}
	m := parquetout.Meta{Version: "v", ScenarioSHA256: "sha", Seed: 1, Trials: trials}
	b.ReportAllocs()
	for b.Loop() {
		if err := sp.writeParquet(io.Discard, m); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*l.rows), "ns/row")
}
