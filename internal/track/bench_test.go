package track

import (
	"math/rand/v2"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

func benchSetup() (Estimate, Detection) {
	s := radar()
	x := ballisticState(s.Frame, 200, 400, 250, -1200, -2500, 300)
	var p Mat6
	for i := range 3 {
		p[i][i] = 300 * 300
		p[i+3][i+3] = 30 * 30
	}
	d := noisy(rand.New(rand.NewPCG(1, 1)), s.Detect(1, 1, 0, 0), &x)
	return Estimate{T: 1, X: x, P: p}, d
}

var sinkE Estimate

func BenchmarkEKFPredictBallistic(b *testing.B) {
	e, _ := benchSetup()
	f := &EKF{Motion: &Ballistic{Q: 1}}
	b.ReportAllocs()
	for b.Loop() {
		sinkE = f.Predict(e, e.T+1)
	}
}

func BenchmarkEKFPredictBallistic10s(b *testing.B) {
	e, _ := benchSetup()
	f := &EKF{Motion: &Ballistic{Q: 1}}
	b.ReportAllocs()
	for b.Loop() {
		sinkE = f.Predict(e, e.T+10)
	}
}

func BenchmarkEKFUpdateRangeAzEl(b *testing.B) {
	e, d := benchSetup()
	f := &EKF{Motion: &Ballistic{Q: 1}}
	b.ReportAllocs()
	for b.Loop() {
		sinkE, _, _ = f.Update(&e, &d)
	}
}

func BenchmarkUKFPredictBallistic(b *testing.B) {
	e, _ := benchSetup()
	f := &UKF{Motion: &Ballistic{Q: 1}}
	b.ReportAllocs()
	for b.Loop() {
		sinkE = f.Predict(e, e.T+1)
	}
}

func BenchmarkUKFUpdateRangeAzEl(b *testing.B) {
	e, d := benchSetup()
	f := &UKF{Motion: &Ballistic{Q: 1}}
	b.ReportAllocs()
	for b.Loop() {
		sinkE, _, _ = f.Update(&e, &d)
	}
}

func BenchmarkCovarianceIntersection(b *testing.B) {
	rng := rand.New(rand.NewPCG(2, 2))
	a := Estimate{P: randomSPD(rng, 300, 30)}
	c := Estimate{P: randomSPD(rng, 300, 30)}
	b.ReportAllocs()
	for b.Loop() {
		sinkE, _, _ = CovarianceIntersection(&a, &c, MinTrace)
	}
}

// BenchmarkTrackerScan20 is one scan of 20 targets by two radars after the
// tracks are established (association, 40 updates, bookkeeping).
func BenchmarkTrackerScan20(b *testing.B) {
	sc := newScenario(3, 20, geo.LLADeg(40, 20, 0), geo.LLADeg(41.5, 17, 0))
	tr, _ := NewTracker("blue", Config{})
	tm := 0.0
	for range 5 {
		tm += 2
		sc.step(2)
		if err := tr.Scan(tm, sc.detect(tm, nil)); err != nil {
			b.Fatal(err)
		}
	}
	sc.step(2)
	dets := sc.detect(tm+2, nil)
	snapshot := tr.Tracks()
	b.ReportAllocs()
	for b.Loop() {
		for i, k := range tr.tracks {
			*k = snapshot[i]
		}
		if err := tr.Scan(tm+2, dets); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrackerFuse40 fuses 40 remote reports into a tracker holding
// 40 local tracks of other objects and 40 of the same ones (gating of
// every pair, global nearest neighbour, 40 covariance intersections): a
// receiver's link update in a separate-linked raid.
func BenchmarkTrackerFuse40(b *testing.B) {
	rng := rand.New(rand.NewPCG(4, 4))
	const n = 40
	reports := make([]Report, 2*n)
	for j := range reports {
		r := remoteReport("red", j+1, Provenance{}, 0, 12)
		r.Estimate.P = randomSPD(rng, 300, 30)
		r.Estimate.X[1] = float64(j) * 20e3 // 20 km apart
		r.Estimate.X[4] = 2000
		reports[j] = r
	}
	tr, _ := NewTracker("blue", Config{})
	if err := tr.Fuse(0, reports); err != nil {
		b.Fatal(err)
	}
	snapshot := tr.Tracks()
	again := make([]Report, n)
	for j := range again {
		again[j] = reports[2*j]
		again[j].TrackID += 1000 // unnamed: gated against every track
		again[j].Estimate.X[0] += 50
	}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		tr.tracks = tr.tracks[:0]
		for i := range snapshot {
			k := snapshot[i]
			tr.tracks = append(tr.tracks, &k)
		}
		clear(tr.peers)
		if err := tr.Fuse(0, again); err != nil {
			b.Fatal(err)
		}
	}
	if b.N > 0 {
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/fuse")
	}
}
