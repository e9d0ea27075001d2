package sim

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/spatial/r3"
)

// Look windows: when each radar may see each flight, and when it surely
// has it in sight. They depend on the geometry alone, not on a trial's
// random draws, so a world computes them once and every trial skips the
// looks that fall outside them. A skipped look is one radar.Look would
// have found not visible, and such a look draws no random number; a look
// in sight skips the line of sight (radar.LookInSight), which would have
// passed. So the results are the same bit for bit.
const (
	// windowCellS is the width of a look-window cell, s.
	windowCellS = 2.0
	// windowSpeedMargin scales the highest sampled speed of a flight into
	// the bound on its speed within a cell: the speed of a missile varies
	// by far less than 10 % within a 2 s cell.
	windowSpeedMargin = 1.1
)

// lookWindows holds, per radar and flight, the cells of the flight in
// which the radar may see it; built on first use and shared by the trials.
type lookWindows struct {
	once  sync.Once
	cells [][]lookCells // [radar][flight]
}

// cellView is what a radar may see of a flight within one cell.
type cellView uint8

const (
	viewUnknown cellView = iota // anything: Look decides
	viewHidden                  // nothing (radar.Hidden)
	viewInSight                 // the flight is in sight throughout (radar.Clear): range and sector decide
)

// lookCells covers one flight from t0 in cells of windowCellS: view[k] is
// what the radar may see of the flight in cell k.
type lookCells struct {
	t0   float64
	view []cellView
}

// at returns what the radar may see of the flight at t; viewUnknown
// outside the cells.
func (c *lookCells) at(t float64) cellView {
	k := math.Floor((t - c.t0) / windowCellS)
	if !(k >= 0 && k < float64(len(c.view))) {
		return viewUnknown
	}
	return c.view[int(k)]
}

// windows returns the look windows of w, computing them on first use; nil
// for a world not made by Build.
func (w *World) windows() [][]lookCells {
	lw := w.looks
	if lw == nil {
		return nil
	}
	lw.once.Do(func() { lw.cells = w.lookCells() })
	return lw.cells
}

// lookCells computes the look windows: each flight sampled at the middle
// of each cell, and radar.Hidden asked whether anything within the
// distance the flight covers in half a cell can be seen, and if so
// radar.Clear whether everything there is in sight.
func (w *World) lookCells() [][]lookCells {
	type sampled struct {
		t0     float64
		pos    []r3.Vec
		margin float64
	}
	flights := make([]sampled, len(w.Flights))
	for i := range w.Flights {
		f := &w.Flights[i]
		mv := f.Mover()
		if mv == nil || !(f.FlightTime > 0) || math.IsInf(f.FlightTime, 0) {
			continue
		}
		n := int(math.Ceil(f.FlightTime/windowCellS)) + 1
		s := sampled{t0: f.LaunchTime, pos: make([]r3.Vec, n)}
		vmax := 0.0
		for k := range n {
			t := f.LaunchTime + float64(k)*windowCellS
			for _, tt := range []float64{t, t + windowCellS/2} {
				st := mv.At(tt)
				vmax = math.Max(vmax, r3.Norm(st.Vel))
				if tt != t {
					s.pos[k] = st.Pos
				}
			}
		}
		vmax = math.Max(vmax, r3.Norm(mv.At(f.LaunchTime+f.FlightTime).Vel))
		s.margin = windowSpeedMargin * vmax * windowCellS / 2
		flights[i] = s
	}
	out := make([][]lookCells, len(w.Radars))
	for r, u := range w.Radars {
		out[r] = make([]lookCells, len(w.Flights))
		for i, s := range flights {
			if s.pos == nil {
				continue
			}
			c := lookCells{t0: s.t0, view: make([]cellView, len(s.pos))}
			for k, p := range s.pos {
				switch {
				case u.Radar.Hidden(p, s.margin):
					c.view[k] = viewHidden
				case u.Radar.Clear(p, s.margin):
					c.view[k] = viewInSight
				}
			}
			out[r][i] = c
		}
	}
	return out
}
