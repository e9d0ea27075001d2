package track

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/rampart-sim/rampart/assign"
)

// TestGateIndexKeepsEveryCoarseGatePair checks the gate index's claim:
// every track that farApart keeps for some detection of a dwell is among
// the dwell's candidates, for tracks spread and clustered, with narrow and
// wide covariances and old and new estimate times, as tracks move and are
// added during a scan.
func TestGateIndexKeepsEveryCoarseGatePair(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2))
	tr, err := NewTracker("test", Config{})
	if err != nil {
		t.Fatal(err)
	}
	base := Vec3{4.0e6, 1.5e6, 4.7e6}
	randomEstimate := func(spread, tlo float64) Estimate {
		var e Estimate
		e.T = tlo - 2*rng.Float64()
		sp := math.Pow(10, 1+3*rng.Float64())   // 10 m to 10 km
		sv := math.Pow(10, 0.5+3*rng.Float64()) // 3 m/s to 3 km/s
		for a := range 3 {
			e.X[a] = base[a] + spread*rng.NormFloat64()
			e.X[a+3] = 3000 * rng.NormFloat64()
			e.P[a][a] = sp * sp * (0.2 + rng.Float64())
			e.P[a+3][a+3] = sv * sv * (0.2 + rng.Float64())
		}
		return e
	}
	kept := 0
	for _, spread := range []float64{5e3, 100e3, 2e6} {
		listed, tested := 0, 0
		for scan := range 20 {
			tlo := float64(scan)
			thi := tlo + 1
			tr.tracks = tr.tracks[:0]
			for range 150 {
				e := randomEstimate(spread, tlo)
				tr.tracks = append(tr.tracks, &Track{Estimate: e})
			}
			tr.index.reset(tr.tracks, tlo, thi, tr.gate3)
			for dwell := range 40 {
				switch rng.IntN(3) {
				case 0: // a track updated in the scan
					i := rng.IntN(len(tr.tracks))
					e := randomEstimate(spread, tlo)
					e.T = tlo + rng.Float64()
					tr.tracks[i].Estimate = e
					tr.index.moved(i, &tr.tracks[i].Estimate)
				case 1: // a track started in the scan
					e := randomEstimate(spread, tlo)
					e.T = tlo + rng.Float64()
					e.P[3][3], e.P[4][4], e.P[5][5] = 9e6, 9e6, 9e6
					tr.tracks = append(tr.tracks, &Track{Estimate: e})
					tr.index.add(len(tr.tracks)-1, &tr.tracks[len(tr.tracks)-1].Estimate)
				}
				nd := 1 + rng.IntN(3)
				if dwell%7 == 0 {
					nd = 60 + rng.IntN(10) // past the 64 bits of gateIndex.near
				}
				tr.detPos = tr.detPos[:0]
				td := tlo + rng.Float64()
				for range nd {
					k := tr.tracks[rng.IntN(len(tr.tracks))]
					var p Vec3
					s := math.Pow(10, 1+3*rng.Float64())
					for a := range 3 {
						p[a] = k.Estimate.X[a] + k.Estimate.X[a+3]*(td-k.Estimate.T) + 3*s*rng.NormFloat64()
					}
					tr.detPos = append(tr.detPos, detPosition{t: td, p: p, tr: 3 * s * s})
				}
				cand := tr.index.candidates(tr.detPos, len(tr.tracks))
				if !slices.IsSorted(cand) {
					t.Fatalf("candidates %v are not in increasing order", cand)
				}
				if nd < 60 { // the pruning figure is for small dwells
					listed += len(cand)
					tested += len(tr.tracks)
				}
				for i, k := range tr.tracks {
					for j := range tr.detPos {
						if sp, sv := spreads(&k.Estimate); tr.farApart(&k.Estimate, sp, sv, j) {
							continue
						}
						kept++
						if _, ok := slices.BinarySearch(cand, i); !ok {
							t.Fatalf("spread %g m, scan %d, dwell %d: farApart keeps detection %d for track %d, which is not a candidate", spread, scan, dwell, j, i)
						}
						if tr.index.near[i]&nearBit(j) == 0 {
							t.Fatalf("spread %g m, scan %d, dwell %d: farApart keeps detection %d for track %d, which the index lists for detections %b only", spread, scan, dwell, j, i, tr.index.near[i])
						}
					}
				}
			}
		}
		t.Logf("spread %g m: %d candidates of %d tracks", spread, listed, tested)
		if spread == 2e6 && 10*listed > tested {
			t.Errorf("spread %g m: %d candidates of %d tracks; the index prunes almost nothing", spread, listed, tested)
		}
	}
	if kept == 0 {
		t.Fatal("no pair passed the coarse gate; the test checks nothing")
	}
}

// TestScanWorkLocalToEachDetection checks that a dwell's association
// works on the tracks near its detection only: with 200 objects 300 km
// apart, each seen in its own dwell, the tracker keeps one firm track per
// object and its assignment cost matrix stays one track by two columns,
// where solving over every track took 200 × 201 costs a dwell.
func TestScanWorkLocalToEachDetection(t *testing.T) {
	const objects = 200
	rng := rand.New(rand.NewPCG(13, 3))
	tr, err := NewTracker("test", Config{Filter: &KF{Motion: ConstantVelocity{Q: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	var r Mat3
	for a := range 3 {
		r[a][a] = 50 * 50
	}
	for scan := 1; scan <= 6; scan++ {
		T := float64(scan)
		var dets []Detection
		for i := range objects {
			p := Vec3{3.0e6 + 300e3*float64(i), 1.0e6, 4.5e6}
			for a := range 3 {
				p[a] += 50 * rng.NormFloat64()
			}
			dets = append(dets, Detection{Time: T - 1 + float64(i+1)/(2*objects), Sensor: "r1", Kind: PositionECEF, Z: p, R: r})
		}
		if err := tr.Scan(T, dets); err != nil {
			t.Fatal(err)
		}
	}
	firm := 0
	for _, k := range tr.Tracks() {
		if k.Status == Firm {
			firm++
		}
	}
	if firm != objects {
		t.Errorf("%d firm tracks of %d objects, want one each", firm, objects)
	}
	const maxCost = 8 // one track by its detection and non-assignment columns, with room
	if c := cap(tr.cost); c > maxCost {
		t.Errorf("assignment cost matrix grew to %d costs, want at most %d: the dwell's assignment is solved over distant tracks", c, maxCost)
	}
}

// TestReducedAssignmentMatchesFull checks the reduced assignment of a pass
// against the problem over every track, as the tracker solved it before
// (every track a row, every detection and every track's non-assignment
// column a column): the same pairs, for random dwells with clustered
// gates, tracks of both statuses, deleted tracks and used detections.
func TestReducedAssignmentMatchesFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 6))
	tr, err := NewTracker("test", Config{})
	if err != nil {
		t.Fatal(err)
	}
	var full assign.Solver
	pairs := 0
	for trial := range 2000 {
		nt, nd := 1+rng.IntN(30), 1+rng.IntN(6)
		tr.tracks = tr.tracks[:0]
		for range nt {
			st := []Status{Firm, Tentative, Deleted}[rng.IntN(3)]
			tr.tracks = append(tr.tracks, &Track{Status: st})
		}
		// Candidates: a random subset, in increasing order.
		tr.cand = tr.cand[:0]
		for i := range nt {
			if rng.IntN(4) > 0 {
				tr.cand = append(tr.cand, i)
			}
		}
		tr.d2 = tr.d2[:0]
		for range tr.cand {
			for range nd {
				v := math.Inf(1)
				if rng.IntN(3) == 0 {
					v = tr.gate3 * rng.Float64()
				}
				tr.d2 = append(tr.d2, v)
			}
		}
		tr.used = tr.used[:0]
		for range nd {
			tr.used = append(tr.used, rng.IntN(5) == 0)
		}
		for _, pass := range []Status{Firm, Tentative} {
			if err := tr.solvePass(nd, pass); err != nil {
				t.Fatal(err)
			}
			got := map[int]int{}
			for r, ci := range tr.rows {
				if c := tr.rowCol[r]; c >= 0 && c < len(tr.cols) {
					got[tr.cand[ci]] = tr.cols[c]
				}
			}
			// The full problem.
			cols := nd + nt
			cost := make([]float64, nt*cols)
			for i := range cost {
				cost[i] = math.Inf(1)
			}
			for i := range nt {
				cost[i*cols+nd+i] = tr.gate3
			}
			for r, i := range tr.cand {
				if tr.tracks[i].Status != pass {
					continue
				}
				for j := range nd {
					if !tr.used[j] {
						cost[i*cols+j] = tr.d2[r*nd+j]
					}
				}
			}
			rowCol := make([]int, nt)
			if _, _, err := full.Solve(cost, nt, cols, rowCol); err != nil {
				t.Fatal(err)
			}
			want := map[int]int{}
			for i, j := range rowCol {
				if j >= 0 && j < nd && tr.tracks[i].Status == pass {
					want[i] = j
				}
			}
			if len(got) != len(want) {
				t.Fatalf("trial %d, pass %v: reduced assignment %v, full %v", trial, pass, got, want)
			}
			for i, j := range want {
				if got[i] != j {
					t.Fatalf("trial %d, pass %v: reduced assignment %v, full %v", trial, pass, got, want)
				}
			}
			pairs += len(want)
		}
	}
	if pairs == 0 {
		t.Fatal("no pair assigned; the test checks nothing")
	}
}
