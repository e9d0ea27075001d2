package sim

// MayLook exposes the look windows to the tests of package sim_test: whether
// radar r may see flight i at t.
func (w *World) MayLook(r, i int, t float64) bool {
	win := w.windows()
	return win == nil || win[r][i].at(t) != viewHidden
}

// InSight exposes the look windows' claim that radar r has flight i in
// sight at t (within its elevation limits and above the horizon).
func (w *World) InSight(r, i int, t float64) bool {
	win := w.windows()
	return win != nil && win[r][i].at(t) == viewInSight
}

// ComputeLookWindows computes the look windows of w afresh, for their
// benchmark.
func (w *World) ComputeLookWindows() { w.lookCells() }
