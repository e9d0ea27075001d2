package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// clock is a fake wall clock that tests move by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newClock() *clock { return &clock{t: time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)} }

// TestPlainLines: a phase longer than PlainEvery writes a labelled line
// every PlainEvery with the time left, then a last line; a short phase
// writes nothing.
func TestPlainLines(t *testing.T) {
	c := newClock()
	var buf bytes.Buffer
	m := NewPlain(&buf, c.now)
	// A short phase: 3 steps in 3 s.
	for i := 1; i <= 3; i++ {
		c.advance(time.Second)
		m.Report("aiming threats", i, 3)
	}
	if buf.Len() != 0 {
		t.Fatalf("a 3 s phase wrote %q, want nothing", buf.String())
	}
	// A long phase: 100 steps at one a second.
	m.Report("Monte Carlo trials", 0, 100)
	for i := 1; i <= 100; i++ {
		c.advance(time.Second)
		m.Report("Monte Carlo trials", i, 100)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 20 {
		t.Fatalf("100 s phase wrote %d lines, want 19 (every %v) and a last one:\n%s", len(lines), PlainEvery, buf.String())
	}
	if want := "Monte Carlo trials: 5/100 (5 %), about 1 min 40 s left"; lines[0] != want {
		// 5 s for 5 trials: 95 s left, rounded to 10 s.
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	if want := "Monte Carlo trials: 50/100 (50 %), about 50 s left"; lines[9] != want {
		t.Errorf("tenth line = %q, want %q", lines[9], want)
	}
	if want := "Monte Carlo trials: 100/100 (100 %), done in 1 min 40 s"; lines[19] != want {
		t.Errorf("last line = %q, want %q", lines[19], want)
	}
}

// TestMonotone: a report of fewer steps than one already shown (a slower
// worker's) does not move the count back, and a phase shows 100 % once.
func TestMonotone(t *testing.T) {
	c := newClock()
	var buf bytes.Buffer
	m := NewPlain(&buf, c.now)
	m.Report("flyout envelopes", 0, 100)
	c.advance(6 * time.Second)
	m.Report("flyout envelopes", 40, 100)
	c.advance(6 * time.Second)
	m.Report("flyout envelopes", 30, 100)
	c.advance(6 * time.Second)
	m.Report("flyout envelopes", 100, 100)
	m.Report("flyout envelopes", 100, 100)
	m.Report("flyout envelopes", 99, 100)
	want := "flyout envelopes: 40/100 (40 %), about 9 s left\n" +
		"flyout envelopes: 40/100 (40 %), about 18 s left\n" +
		"flyout envelopes: 100/100 (100 %), done in 18 s\n"
	if buf.String() != want {
		t.Errorf("lines =\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestBar: on a terminal, one bar per phase, labelled, redrawn in place
// with a carriage return and ended by a newline when the phase ends.
func TestBar(t *testing.T) {
	c := newClock()
	var buf bytes.Buffer
	m := NewBar(&buf, c.now)
	for _, label := range []string{"Monte Carlo trials, integrated", "Monte Carlo trials, sectoral"} {
		for i := 0; i <= 4; i++ {
			c.advance(time.Second)
			m.Report(label, i, 4)
		}
	}
	m.Close()
	out := buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("two phases drew %d lines, want 2:\n%q", len(lines), out)
	}
	for i, label := range []string{"integrated", "sectoral"} {
		draws := strings.Split(strings.TrimPrefix(lines[i], "\r"), "\r")
		if len(draws) != 5 {
			t.Errorf("phase %s: %d draws, want 5: %q", label, len(draws), lines[i])
			continue
		}
		if want := "Monte Carlo trials, " + label + " [######                  ] 1/4 (25 %), about 3 s left"; strings.TrimRight(draws[1], " ") != want {
			t.Errorf("phase %s second draw = %q, want %q", label, draws[1], want)
		}
		if want := "Monte Carlo trials, " + label + " [########################] 4/4 (100 %), done in 4 s"; strings.TrimRight(draws[4], " ") != want {
			t.Errorf("phase %s last draw = %q, want %q", label, draws[4], want)
		}
	}
}

// TestBarThrottle: steps closer together than barRedraw are not all drawn,
// but the last one is.
func TestBarThrottle(t *testing.T) {
	c := newClock()
	var buf bytes.Buffer
	m := NewBar(&buf, c.now)
	for i := 1; i <= 1000; i++ {
		c.advance(time.Millisecond)
		m.Report("Monte Carlo trials", i, 1000)
	}
	draws := strings.Count(buf.String(), "\r")
	if draws > 12 {
		t.Errorf("1000 steps in 1 s drew %d times, want at most 12 (every %v)", draws, barRedraw)
	}
	if !strings.Contains(buf.String(), "1000/1000 (100 %)") {
		t.Errorf("the last step was not drawn: %q", buf.String())
	}
}

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{300 * time.Millisecond, "under 1 s"},
		{12400 * time.Millisecond, "12 s"},
		{59700 * time.Millisecond, "1 min"},
		{95 * time.Second, "1 min 40 s"},
		{1 * time.Hour, "60 min"},
		{10*time.Hour + 20*time.Minute, "10 h 20 min"},
	} {
		if got := Duration(c.d); got != c.want {
			t.Errorf("Duration(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

// TestEmptyPhase: a phase of no steps (a scenario without threats to aim)
// shows nothing, on a terminal or not.
func TestEmptyPhase(t *testing.T) {
	c := newClock()
	for _, m := range []func(*bytes.Buffer) *Meter{
		func(b *bytes.Buffer) *Meter { return NewBar(b, c.now) },
		func(b *bytes.Buffer) *Meter { return NewPlain(b, c.now) },
	} {
		var buf bytes.Buffer
		mt := m(&buf)
		mt.Report("aiming threats", 0, 0)
		c.advance(time.Minute)
		mt.Report("aiming threats", 0, 0)
		mt.Close()
		if buf.Len() != 0 {
			t.Errorf("a phase of 0 steps wrote %q, want nothing", buf.String())
		}
	}
}
