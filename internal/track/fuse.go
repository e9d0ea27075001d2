package track

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// CICriterion is what covariance intersection minimises over ω.
type CICriterion uint8

const (
	MinTrace CICriterion = iota // tr P
	MinDet                      // det P
)

// ErrTimeMismatch reports estimates at different times.
var ErrTimeMismatch = errors.New("track: estimates at different times")

// CovarianceIntersection fuses two estimates of the same state whose error
// cross-correlation is unknown (Julier & Uhlmann 1997; 2001):
//
//	P⁻¹ = ω A⁻¹ + (1 − ω) B⁻¹,  x = P (ω A⁻¹ a + (1 − ω) B⁻¹ b),
//
// with ω ∈ [0, 1] minimising crit by golden-section search (both criteria
// are convex in ω for tr and log det; the end points, which return a or b,
// are also tried). The result is consistent whatever the correlation. It
// returns the fused estimate and ω.
func CovarianceIntersection(a, b *Estimate, crit CICriterion) (Estimate, float64, error) {
	if a.T != b.T {
		return Estimate{}, 0, fmt.Errorf("%w: %v s and %v s", ErrTimeMismatch, a.T, b.T)
	}
	ai, _, okA := invSPD6(&a.P)
	bi, _, okB := invSPD6(&b.P)
	if !okA || !okB {
		return Estimate{}, 0, ErrNotPositiveDefinite
	}
	cost := func(w float64) float64 {
		var info Mat6
		for i := range 6 {
			for j := range 6 {
				info[i][j] = w*ai[i][j] + (1-w)*bi[i][j]
			}
		}
		p, logDet, ok := invSPD6(&info)
		if !ok {
			return math.Inf(1)
		}
		if crit == MinDet {
			return -logDet // det P = 1/det P⁻¹
		}
		return p[0][0] + p[1][1] + p[2][2] + p[3][3] + p[4][4] + p[5][5]
	}
	const invPhi = 0.6180339887498949
	lo, hi := 0.0, 1.0
	x1, x2 := hi-invPhi*(hi-lo), lo+invPhi*(hi-lo)
	f1, f2 := cost(x1), cost(x2)
	for hi-lo > 1e-6 {
		if f1 < f2 {
			hi, x2, f2 = x2, x1, f1
			x1 = hi - invPhi*(hi-lo)
			f1 = cost(x1)
		} else {
			lo, x1, f1 = x1, x2, f2
			x2 = lo + invPhi*(hi-lo)
			f2 = cost(x2)
		}
	}
	w, fw := 0.5*(lo+hi), cost(0.5*(lo+hi))
	if f := cost(0); f < fw {
		w, fw = 0, f
	}
	if f := cost(1); f < fw {
		w = 1
	}
	switch w {
	case 0:
		return *b, 0, nil
	case 1:
		return *a, 1, nil
	}
	var info Mat6
	var iv Vec6
	for i := range 6 {
		for j := range 6 {
			info[i][j] = w*ai[i][j] + (1-w)*bi[i][j]
			iv[i] += w*ai[i][j]*a.X[j] + (1-w)*bi[i][j]*b.X[j]
		}
	}
	p, _, ok := invSPD6(&info)
	if !ok {
		return Estimate{}, 0, ErrNotPositiveDefinite
	}
	return Estimate{T: a.T, X: mulVec6(&p, &iv), P: p}, w, nil
}

// Report is a track as sent over a data link: the sender's estimate at its
// own time, and the time the message was sent.
type Report struct {
	Owner    string
	TrackID  int
	Status   Status
	Estimate Estimate
	Updates  int     // detections the sender's track has used
	Sent     float64 // s
}

// Link carries track reports from one owner to another with a fixed
// latency, sending each track at most once per Period.
type Link struct {
	Latency float64 // s from sending to delivery
	Period  float64 // s between reports of one track; 0 sends every call

	queue    []Report
	lastSent map[int]float64
}

// Send queues, at time now, reports of the firm tracks in tracks that are
// due under the link's period.
func (l *Link) Send(now float64, owner string, tracks []Track) {
	if l.lastSent == nil {
		l.lastSent = make(map[int]float64)
	}
	for i := range tracks {
		k := &tracks[i]
		if k.Status != Firm {
			continue
		}
		if last, ok := l.lastSent[k.ID]; ok && now-last < l.Period {
			continue
		}
		l.lastSent[k.ID] = now
		l.queue = append(l.queue, Report{Owner: owner, TrackID: k.ID, Status: k.Status, Estimate: k.Estimate, Updates: k.Quality.Updates, Sent: now})
	}
}

// Deliver removes and returns, in sending order, the reports that have
// arrived by time now (Sent + Latency ≤ now).
func (l *Link) Deliver(now float64) []Report {
	var out []Report
	l.queue = slices.DeleteFunc(l.queue, func(r Report) bool {
		if r.Sent+l.Latency <= now {
			out = append(out, r)
			return true
		}
		return false
	})
	return out
}

// Fuse merges remote reports into the tracker at time now: each report is
// predicted to now with the tracker's filter, gated against the live local
// tracks (χ²₆ on x_a − x_b with covariance P_a + P_b), assigned by global
// nearest neighbour, and fused by covariance intersection (minimum trace).
// A report that matches no local track starts a firm local track.
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
		preds[j] = tr.filter.Predict(r.Estimate, now)
	}
	local := make([]Estimate, nt)
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
		local[i] = tr.filter.Predict(k.Estimate, now)
		for j := range preds {
			if d2, ok := trackDistance(&local[i], &preds[j]); ok && d2 <= tr.gate6 {
				row[j] = d2
			}
		}
	}
	rowCol := make([]int, nt)
	if nt > 0 {
		if _, _, err := tr.solver.Solve(cost, nt, cols, rowCol); err != nil {
			return fmt.Errorf("track: fuse at %v s: %w", now, err)
		}
	}
	used := make([]bool, nr)
	for i, k := range tr.tracks {
		j := rowCol[i]
		if j < 0 || j >= nr {
			continue
		}
		f, _, err := CovarianceIntersection(&local[i], &preds[j], MinTrace)
		if err != nil {
			continue
		}
		used[j] = true
		k.Estimate = f
		k.Remote++
		k.Misses = 0
		k.LastUpdate = now
		k.Quality = QualityOf(&k.Estimate, k.Quality.Updates)
		tr.markFireControl(k, now)
	}
	for j := range reports {
		if used[j] {
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
			LastSensor:      "link:" + reports[j].Owner,
			Remote:          1,
		}
		k.Quality = QualityOf(&k.Estimate, reports[j].Updates)
		tr.nextID++
		tr.tracks = append(tr.tracks, k)
		tr.markFireControl(k, now)
	}
	return nil
}

// trackDistance returns (a − b)ᵀ (P_a + P_b)⁻¹ (a − b).
func trackDistance(a, b *Estimate) (float64, bool) {
	s := add6(&a.P, &b.P)
	si, _, ok := invSPD6(&s)
	if !ok {
		return 0, false
	}
	var d Vec6
	for i := range 6 {
		d[i] = a.X[i] - b.X[i]
	}
	var d2 float64
	for i := range 6 {
		for j := range 6 {
			d2 += d[i] * si[i][j] * d[j]
		}
	}
	return d2, true
}
