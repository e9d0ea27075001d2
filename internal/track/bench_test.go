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
