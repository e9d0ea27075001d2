package track

import (
	"fmt"
	"math"
)

// Fuse merges remote reports into the tracker at time now. Each report is
// predicted to now with the tracker's filter (its manoeuvre filter for a
// report of a manoeuvring track) and fused by covariance
// intersection (minimum trace) into one local track:
//
//   - a report that comes back to its origin (its Origin owner is this
//     tracker's) is the echo of a local track: it is fused into that
//     track if it still lives and gates, and is otherwise dropped; it
//     never starts a track;
//   - a report from a remote track already fused into a live local track
//     (by the sender's track ID, or by the origin it carries) is fused
//     into that track again if it gates;
//   - the others are gated against the live local tracks (χ²₆ on
//     x_a − x_b with covariance P_a + P_b) and assigned by global nearest
//     neighbour. A report that matches none starts a firm local track whose
//     Origin is the report's.
//
// Reports fused into the same local track are fused one after another, in
// the order given.
func (tr *Tracker) Fuse(now float64, reports []Report) error {
	nt, nr := len(tr.tracks), len(reports)
	if nr == 0 {
		return nil
	}
	preds := make([]Estimate, nr)
	for j := range reports {
		r := &reports[j]
		if r.Estimate.T > now {
			return fmt.Errorf("track: fuse at %v s: report %d (owner %q, track %d) has time %v s", now, j, r.Owner, r.TrackID, r.Estimate.T)
		}
		if _, ok := chol6(&r.Estimate.P); !ok {
			return fmt.Errorf("track: fuse at %v s: report %d (owner %q, track %d): %w", now, j, r.Owner, r.TrackID, ErrNotPositiveDefinite)
		}
		preds[j] = tr.reportFilter(r).Predict(r.Estimate, now)
	}
	local := make([]Estimate, nt)
	byID := make(map[int]int, nt) // live local track ID -> index
	for i, k := range tr.tracks {
		if k.Status == Deleted {
			continue
		}
		local[i] = tr.filterFor(k).Predict(k.Estimate, now)
		byID[k.ID] = i
	}
	gated := func(i, j int) bool {
		_, ok := gatedDistance(&local[i], &preds[j], tr.gate6)
		return ok
	}

	// Reports that name their local track.
	target := make([]int, nr) // local index, −1 for none
	drop := make([]bool, nr)
	for j := range reports {
		r := &reports[j]
		target[j] = -1
		o := r.origin()
		id, named := 0, false
		if o.Owner == tr.Owner {
			id, named, drop[j] = o.TrackID, true, true
		} else if id, named = tr.peers[r.sender()]; !named {
			id, named = tr.peers[o]
		}
		if !named {
			continue
		}
		if i, ok := byID[id]; ok && gated(i, j) {
			target[j], drop[j] = i, false
		}
	}

	// Global nearest neighbour for the rest.
	cols := nr + nt
	cost := make([]float64, nt*cols)
	inf := math.Inf(1)
	for i, k := range tr.tracks {
		row := cost[i*cols : (i+1)*cols]
		for j := range row {
			row[j] = inf
		}
		row[nr+i] = tr.gate6
		if k.Status == Deleted {
			continue
		}
		for j := range preds {
			if target[j] < 0 && !drop[j] {
				if d2, ok := gatedDistance(&local[i], &preds[j], tr.gate6); ok {
					row[j] = d2
				}
			}
		}
	}
	if nt > 0 {
		rowCol := make([]int, nt)
		if _, _, err := tr.solver.Solve(cost, nt, cols, rowCol); err != nil {
			return fmt.Errorf("track: fuse at %v s: %w", now, err)
		}
		for i, j := range rowCol {
			if j >= 0 && j < nr {
				target[j] = i
			}
		}
	}

	if tr.peers == nil {
		tr.peers = make(map[Provenance]int)
	}
	for j := range reports {
		r := &reports[j]
		if drop[j] {
			continue
		}
		o := r.origin()
		if i := target[j]; i >= 0 {
			k := tr.tracks[i]
			f, _, err := CovarianceIntersection(&local[i], &preds[j], MinTrace)
			if err != nil {
				continue
			}
			local[i] = f
			k.Estimate = f
			k.Remote++
			k.Misses = 0
			if k.Own == 0 {
				// Fed only by reports: the sender's model is the best guess.
				tr.setManoeuvring(k, r.Manoeuvring, &f)
			}
			k.LastUpdate = now
			k.remoteUntil = math.Max(k.remoteUntil, now+r.Period)
			k.Quality = QualityOf(&k.Estimate, k.Quality.Updates)
			tr.markFireControl(k, now)
			tr.peers[r.sender()] = k.ID
			if o.Owner != tr.Owner {
				tr.peers[o] = k.ID
			}
			continue
		}
		k := &Track{
			ID:              tr.nextID,
			Estimate:        preds[j],
			Status:          Firm,
			Initiated:       now,
			Confirmed:       now,
			FireControlTime: math.NaN(),
			LastUpdate:      now,
			LastSensor:      "link:" + r.Owner,
			Remote:          1,
			Origin:          o,
			remoteUntil:     now + r.Period,
		}
		k.Quality = QualityOf(&k.Estimate, r.Updates)
		tr.setManoeuvring(k, r.Manoeuvring, &k.Estimate)
		tr.nextID++
		tr.tracks = append(tr.tracks, k)
		tr.markFireControl(k, now)
		tr.peers[r.sender()] = k.ID
		tr.peers[o] = k.ID
	}
	return nil
}

// reportFilter returns the filter that predicts report r.
func (tr *Tracker) reportFilter(r *Report) Filter {
	if r.Manoeuvring && tr.man.filter != nil {
		return tr.man.filter
	}
	return tr.filter
}

// setManoeuvring sets whether track k, with estimate e, uses the
// manoeuvre filter; switching on starts the quiescent filter's test from e.
func (tr *Tracker) setManoeuvring(k *Track, on bool, e *Estimate) {
	on = on && tr.man.filter != nil
	if on && !k.Manoeuvring {
		k.restartQuiet(e)
	}
	if !on && k.Manoeuvring {
		k.onset = tr.man.onsetMean
	}
	k.Manoeuvring = on
}
