package study

import (
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/sim"
)

// TestEventLogKeepsWholeTrials: past MaxEventRows the log keeps the events
// of whole trials only, in trial order, and its note says how many.
func TestEventLogKeepsWholeTrials(t *testing.T) {
	world := &sim.World{Flights: []sim.Flight{{Name: "a"}, {Name: "b"}}}
	l := newEventLog(world)
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
	if rows := len(l.rows) - 1; rows != l.trials*perTrial || rows > MaxEventRows {
		t.Errorf("log holds %d rows for %d whole trials (limit %d)", rows, l.trials, MaxEventRows)
	}
	if last := l.rows[len(l.rows)-1][0]; last != "19999" {
		t.Errorf("last row is of trial %s, want 19999", last)
	}
	note := l.note(trials)
	if !strings.Contains(note, "first 20000 of 20010 trials") {
		t.Errorf("note %q does not say which trials events.csv holds", note)
	}
	if short := newEventLog(world); short.note(0) != "" {
		t.Errorf("a complete log has a note: %q", short.note(0))
	}
}
