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
	// windowSubCells is how many sub-cells a cell that is neither hidden
	// nor in sight is split into, each decided alike with the margin of
	// its own width: near the horizon or the range limit a 2 s cell's
	// margin (a few km) leaves it undecided, and every look in it pays
	// the line of sight (about 1.3 µs); 8 sub-cells of 0.25 s decide most
	// of them (europe: 605 such looks a trial, of which 179 detected).
	// A power of two, so that the sub-cell index of t is the cell's
	// scaled exactly (see lookCells.at).
	windowSubCells = 8
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
	viewSplit                   // decided per sub-cell (lookCells.sub)
)

// lookCells covers one flight from t0 in cells of windowCellS: view[k] is
// what the radar may see of the flight in cell k. A cell whose view is
// viewSplit has windowSubCells sub-cells, from sub[split[k]].
type lookCells struct {
	t0    float64
	view  []cellView
	split []int32 // per cell: its first sub-cell in sub, where split
	sub   []cellView
	// runEnd[k], for a hidden cell k, is the first cell after it that is
	// not hidden (len(view) if none).
	runEnd []int32
}

// hiddenRunSlackS is kept between hiddenUntil and the end of the run of
// hidden cells, s: far more than the rounding of at's cell index for
// times of a few thousand seconds (about 1e-12 s), so that every time
// before hiddenUntil lies in a hidden cell.
const hiddenRunSlackS = 1e-6

// hiddenUntil returns, for a time t at which at finds the flight hidden in
// a whole cell, a time until which every later look finds it hidden too:
// the end of the run of hidden cells holding t, less hiddenRunSlackS. It
// returns t (no run) where t is not in a hidden cell.
func (c *lookCells) hiddenUntil(t float64) float64 {
	k := math.Floor((t - c.t0) / windowCellS)
	if !(k >= 0 && k < float64(len(c.view))) || c.view[int(k)] != viewHidden {
		return t
	}
	return c.t0 + float64(c.runEnd[int(k)])*windowCellS - hiddenRunSlackS
}

// at returns what the radar may see of the flight at t; viewUnknown
// outside the cells.
func (c *lookCells) at(t float64) cellView {
	x := (t - c.t0) / windowCellS
	k := math.Floor(x)
	if !(k >= 0 && k < float64(len(c.view))) {
		return viewUnknown
	}
	v := c.view[int(k)]
	if v != viewSplit {
		return v
	}
	// x·windowSubCells is exact (a power of two), so the sub-cell lies
	// in cell k.
	j := int(math.Floor(x*windowSubCells) - k*windowSubCells)
	return c.sub[int(c.split[int(k)])+min(max(j, 0), windowSubCells-1)]
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
		mv     Mover
	}
	flights := make([]sampled, len(w.Flights))
	for i := range w.Flights {
		f := &w.Flights[i]
		mv := f.Mover()
		if mv == nil || !(f.FlightTime > 0) || math.IsInf(f.FlightTime, 0) {
			continue
		}
		n := int(math.Ceil(f.FlightTime/windowCellS)) + 1
		s := sampled{t0: f.LaunchTime, pos: make([]r3.Vec, n), mv: mv}
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
			view := func(p r3.Vec, margin float64) cellView {
				switch {
				case u.Radar.Hidden(p, margin):
					return viewHidden
				case u.Radar.Clear(p, margin):
					return viewInSight
				}
				return viewUnknown
			}
			for k, p := range s.pos {
				c.view[k] = view(p, s.margin)
				if c.view[k] != viewUnknown {
					continue
				}
				// Split the cell: each sub-cell's midpoint, with the
				// margin of half a sub-cell at the same speed bound.
				var sub [windowSubCells]cellView
				decided := false
				for j := range sub {
					t := s.t0 + float64(k)*windowCellS + (float64(j)+0.5)*windowCellS/windowSubCells
					sp, _ := s.mv.PosAt(t)
					sub[j] = view(sp, s.margin/windowSubCells)
					decided = decided || sub[j] != viewUnknown
				}
				if !decided {
					continue
				}
				if c.split == nil {
					c.split = make([]int32, len(s.pos))
				}
				c.view[k], c.split[k] = viewSplit, int32(len(c.sub))
				c.sub = append(c.sub, sub[:]...)
			}
			c.runEnd = make([]int32, len(c.view))
			end := int32(len(c.view))
			for k := len(c.view) - 1; k >= 0; k-- {
				if c.view[k] != viewHidden {
					end = int32(k)
				}
				c.runEnd[k] = end
			}
			out[r][i] = c
		}
	}
	return out
}
