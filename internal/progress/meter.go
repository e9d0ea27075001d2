package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Meter shows the progress of a run's phases on w. A phase is known by
// its label: the first report of a new label ends the phase before it.
// Within a phase the count shown never goes back, so a late report from a
// slower worker cannot make the bar jump. Report may be called from any
// goroutine.
type Meter struct {
	mu  sync.Mutex
	w   io.Writer
	bar bool             // draw a bar in place (a terminal), else plain lines
	now func() time.Time // the wall clock, or a fake one in tests
	cur *phase
}

// phase is the state of the phase being shown.
type phase struct {
	label       string
	done, total int
	start       time.Time
	shown       time.Time // last time anything was written for it
	written     bool      // something was written for it
	width       int       // length of the bar line last drawn
	finished    bool
}

// PlainEvery is how often a plain-line Meter writes a phase's progress,
// and how long a phase must have run before its first line: a phase that
// ends sooner writes nothing.
const PlainEvery = 5 * time.Second

// barRedraw is the shortest time between two draws of a bar, so that a
// phase of many fast steps does not flood the terminal.
const barRedraw = 100 * time.Millisecond

// barWidth is the bar's width in characters.
const barWidth = 24

// New returns a Meter on w: a bar when w is a terminal, plain lines
// otherwise.
func New(w io.Writer) *Meter {
	return &Meter{w: w, bar: IsTerminal(w), now: time.Now}
}

// NewPlain returns a Meter that writes plain lines on w, reading the time
// from now.
func NewPlain(w io.Writer, now func() time.Time) *Meter {
	return &Meter{w: w, now: now}
}

// NewBar returns a Meter that draws a bar on w, reading the time from now.
func NewBar(w io.Writer, now func() time.Time) *Meter {
	return &Meter{w: w, bar: true, now: now}
}

// IsTerminal reports whether w is a character device (a terminal).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Report records that done of the total steps of the phase label are
// finished. A phase of no steps is not shown.
func (m *Meter) Report(label string, done, total int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if total <= 0 {
		return // nothing to do, nothing to show
	}
	now := m.now()
	p := m.cur
	if p == nil || p.label != label {
		m.end()
		p = &phase{label: label, start: now}
		m.cur = p
	}
	if p.finished {
		return
	}
	p.total = total
	p.done = max(p.done, min(done, p.total))
	p.finished = p.done == p.total
	if m.bar {
		m.drawBar(p, now)
	} else {
		m.writeLine(p, now)
	}
	if p.finished {
		m.end()
	}
}

// Close ends the phase being shown: on a terminal it ends the bar's line.
func (m *Meter) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.end()
}

// end closes the current phase.
func (m *Meter) end() {
	p := m.cur
	m.cur = nil
	if p == nil || !p.written {
		return
	}
	if m.bar {
		fmt.Fprintln(m.w)
	}
}

// drawBar redraws the bar of p in place.
func (m *Meter) drawBar(p *phase, now time.Time) {
	if p.written && !p.finished && now.Sub(p.shown) < barRedraw {
		return
	}
	n := 0
	if p.total > 0 {
		n = p.done * barWidth / p.total
	}
	line := fmt.Sprintf("%s [%s%s] %s", p.label, strings.Repeat("#", n), strings.Repeat(" ", barWidth-n), status(p, now))
	pad := max(0, p.width-len(line))
	fmt.Fprintf(m.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.width = len(line)
	p.shown, p.written = now, true
}

// writeLine writes a plain line for p once it has run PlainEvery, then
// every PlainEvery, and a last line when a phase that wrote one ends.
func (m *Meter) writeLine(p *phase, now time.Time) {
	due := p.start.Add(PlainEvery)
	if p.written {
		due = p.shown.Add(PlainEvery)
	}
	if now.Before(due) && !(p.finished && p.written) {
		return
	}
	fmt.Fprintf(m.w, "%s: %s\n", p.label, status(p, now))
	p.shown, p.written = now, true
}

// status is the count, the percentage and the time left (or taken).
func status(p *phase, now time.Time) string {
	pct := 100
	if p.total > 0 {
		pct = p.done * 100 / p.total
	}
	s := fmt.Sprintf("%d/%d (%d %%)", p.done, p.total, pct)
	elapsed := now.Sub(p.start)
	switch {
	case p.finished:
		return s + ", done in " + Duration(elapsed)
	case p.done == 0:
		return s + ", time left not yet known"
	}
	left := time.Duration(float64(elapsed) * float64(p.total-p.done) / float64(p.done))
	if left < time.Second {
		return s + ", under 1 s left"
	}
	return s + ", about " + Duration(left) + " left"
}

// Duration rounds d for people: whole seconds below a minute (and "under
// a second"), then minutes and seconds to the nearest 10 s below ten
// minutes, whole minutes below ten hours, else hours and minutes.
func Duration(d time.Duration) string {
	switch {
	case d < time.Second:
		return "under 1 s"
	case d.Round(time.Second) < time.Minute:
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	case d.Round(10*time.Second) < 10*time.Minute:
		r := d.Round(10 * time.Second)
		m, s := int(r/time.Minute), int(r%time.Minute/time.Second)
		if s == 0 {
			return fmt.Sprintf("%d min", m)
		}
		return fmt.Sprintf("%d min %d s", m, s)
	case d.Round(time.Minute) < 10*time.Hour:
		return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
	}
	r := d.Round(time.Minute)
	return fmt.Sprintf("%d h %d min", int(r/time.Hour), int(r%time.Hour/time.Minute))
}
