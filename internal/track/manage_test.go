package track

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/geo"
)

func TestInitiatorMofN(t *testing.T) {
	in := Initiator{M: 3, N: 5}
	tests := []struct {
		hits           string // oldest first
		confirm, fails bool
	}{
		{"1", false, false},
		{"11", false, false},
		{"111", true, false},
		{"1011", true, false},
		{"10101", true, false},
		{"1001", false, false}, // one scan left, needs one more hit
		{"1000", false, true},  // can no longer reach 3 of 5
		{"10010", false, true},
		{"11000", false, true},
		{"110", false, false},
	}
	for _, tc := range tests {
		var h uint64
		for _, c := range tc.hits {
			h <<= 1
			if c == '1' {
				h |= 1
			}
		}
		n := len(tc.hits)
		if got := in.Confirmed(h, n); got != tc.confirm {
			t.Errorf("Confirmed(%s) = %v, want %v", tc.hits, got, tc.confirm)
		}
		if got := in.Failed(h, n); got != tc.fails {
			t.Errorf("Failed(%s) = %v, want %v", tc.hits, got, tc.fails)
		}
	}
}

func TestDeleter(t *testing.T) {
	d := Deleter{Misses: 3, MaxPosSigma: 1000}
	tests := []struct {
		misses int
		sigma  float64
		want   bool
	}{
		{0, 10, false}, {2, 999, false}, {3, 10, true}, {0, 1001, true}, {0, math.NaN(), true},
	}
	for _, tc := range tests {
		if got := d.Delete(tc.misses, Quality{PosSigma: tc.sigma}); got != tc.want {
			t.Errorf("Delete(%d misses, σ %v) = %v, want %v", tc.misses, tc.sigma, got, tc.want)
		}
	}
}

// scenario flies ballistic targets past radars and makes their detections.
type scenario struct {
	rng     *rand.Rand
	sensors []Sensor
	targets []Vec6
	model   *Ballistic
	offset  []float64 // per sensor: its detections are this much before t, s
}

func (s *scenario) step(dt float64) {
	for i := range s.targets {
		s.targets[i] = s.model.PropagateState(s.targets[i], dt)
	}
}

// detect returns a detection of each target by each sensor at time t,
// except for targets with see[i] false.
func (s *scenario) detect(t float64, see []bool) []Detection {
	var out []Detection
	for k, sn := range s.sensors {
		dt := 0.0
		if k < len(s.offset) {
			dt = s.offset[k]
		}
		for i := range s.targets {
			if see != nil && !see[i] {
				continue
			}
			x := s.model.PropagateState(s.targets[i], -dt)
			out = append(out, noisy(s.rng, sn.Detect(t-dt, 1, 0, 0), &x))
		}
	}
	return out
}

func newScenario(seed uint64, nTargets int, sites ...geo.LLA) *scenario {
	s := &scenario{rng: rand.New(rand.NewPCG(seed, 11)), model: &Ballistic{}}
	for i, site := range sites {
		s.sensors = append(s.sensors, NewSensor(string(rune('A'+i)), site, 20, 1e-3, 1e-3))
	}
	f := geo.WGS84.NewENU(geo.LLADeg(40, 20, 0))
	for i := range nTargets {
		s.targets = append(s.targets, ballisticState(f, 300+40*float64(i), 200, 200, -2000, -1000, 500))
	}
	return s
}

func TestTrackerLifecycle(t *testing.T) {
	const seed = 99
	sc := newScenario(seed, 1, geo.LLADeg(40, 20, 0))
	tr, err := NewTracker("blue", Config{})
	if err != nil {
		t.Fatal(err)
	}
	tm := 0.0
	var firmAt, fcAt float64
	for scan := 1; scan <= 40; scan++ {
		tm += 2
		sc.step(2)
		see := []bool{scan <= 30}
		if err := tr.Scan(tm, sc.detect(tm, see)); err != nil {
			t.Fatalf("seed %d: Scan(%v) error %v", seed, tm, err)
		}
		ks := tr.Tracks()
		switch {
		case scan <= 30:
			if len(ks) != 1 {
				t.Fatalf("seed %d scan %d: %d tracks, want 1: %+v", seed, scan, len(ks), ks)
			}
			k := ks[0]
			want := Tentative
			if scan >= 3 {
				want = Firm
			}
			if k.Status != want {
				t.Errorf("seed %d scan %d: status %v, want %v", seed, scan, k.Status, want)
			}
			if k.FireControl && fcAt == 0 {
				fcAt = tm
			}
			if k.Status == Firm && firmAt == 0 {
				firmAt = k.Confirmed
			}
			if k.Initiated != 2 {
				t.Errorf("seed %d scan %d: Initiated = %v, want 2", seed, scan, k.Initiated)
			}
		case scan == 33:
			if len(ks) != 1 || ks[0].Status != Deleted {
				t.Errorf("seed %d scan %d (3 misses): tracks %+v, want one deleted", seed, scan, ks)
			}
		case scan > 33:
			if len(ks) != 0 {
				t.Errorf("seed %d scan %d: %d tracks, want 0", seed, scan, len(ks))
			}
		}
		if scan == 30 {
			k := ks[0]
			e := k.Estimate
			var d2 float64
			for i := range 3 {
				d := e.X[i] - sc.targets[0][i]
				d2 += d * d
			}
			t.Logf("after 30 scans: position error %.0f m, quality %+v, firm at %v s, fire control at %v s (field %v)",
				math.Sqrt(d2), k.Quality, firmAt, fcAt, k.FireControlTime)
			if !k.FireControl || k.FireControlTime != fcAt {
				t.Errorf("seed %d: fire control = %v at %v, want true at %v", seed, k.FireControl, k.FireControlTime, fcAt)
			}
			if math.Sqrt(d2) > 3*k.Quality.PosSigma {
				t.Errorf("seed %d: position error %.0f m > 3 × RSS σ %.0f m", seed, math.Sqrt(d2), k.Quality.PosSigma)
			}
		}
	}
	if firmAt != 6 {
		t.Errorf("seed %d: Confirmed = %v, want 6 (third scan)", seed, firmAt)
	}
}

// TestTrackerTentativeFalseAlarm: a lone detection starts a tentative track
// that is deleted once 3 of 5 is out of reach (after the fourth scan).
func TestTrackerTentativeFalseAlarm(t *testing.T) {
	s := radar()
	x := ballisticState(s.Frame, 100, 100, 50, 0, 0, 0)
	tr, _ := NewTracker("blue", Config{Filter: &EKF{Motion: ConstantVelocity{Q: 1}}})
	d := s.Detect(1, 0, 0, 0)
	d.Z = d.Measure(&x)
	if err := tr.Scan(1, []Detection{d}); err != nil {
		t.Fatal(err)
	}
	for scan := 2; scan <= 5; scan++ {
		if err := tr.Scan(float64(scan), nil); err != nil {
			t.Fatal(err)
		}
		ks := tr.Tracks()
		want := Tentative
		if scan == 4 {
			want = Deleted
		}
		if scan == 5 {
			if len(ks) != 0 {
				t.Errorf("scan 5: %d tracks, want 0", len(ks))
			}
			continue
		}
		if len(ks) != 1 || ks[0].Status != want {
			t.Errorf("scan %d: tracks %+v, want one %v", scan, ks, want)
		}
	}
}

// TestTrackerDeletesOnCovarianceGrowth coasts a firm track until its RSS
// position σ passes the bound.
func TestTrackerDeletesOnCovarianceGrowth(t *testing.T) {
	const seed = 5
	sc := newScenario(seed, 1, geo.LLADeg(40, 20, 0))
	tr, _ := NewTracker("blue", Config{Deleter: Deleter{Misses: 1000, MaxPosSigma: 2000}, Filter: &EKF{Motion: &Ballistic{Q: 100}}})
	tm := 0.0
	for scan := 1; scan <= 200; scan++ {
		tm++
		sc.step(1)
		var dets []Detection
		if scan <= 10 {
			dets = sc.detect(tm, nil)
		}
		if err := tr.Scan(tm, dets); err != nil {
			t.Fatal(err)
		}
		ks := tr.Tracks()
		if len(ks) == 0 {
			t.Fatalf("seed %d scan %d: track gone before deletion was reported", seed, scan)
		}
		if ks[0].Status == Deleted {
			if ks[0].Quality.PosSigma <= 2000 {
				t.Errorf("seed %d: deleted at σ %v, want > 2000", seed, ks[0].Quality.PosSigma)
			}
			return
		}
	}
	t.Errorf("seed %d: track never deleted by covariance growth", seed)
}

// TestTrackerMultiSensorFusion: two radars see two targets; the tracker
// holds exactly two firm tracks, each updated by both sensors, and more
// accurate than with one radar.
func TestTrackerMultiSensorFusion(t *testing.T) {
	const seed = 12
	run := func(sites ...geo.LLA) ([]Track, []Vec6) {
		sc := newScenario(seed, 2, sites...)
		sc.offset = []float64{0, 0.5} // the second radar looks 0.5 s earlier
		tr, _ := NewTracker("blue", Config{})
		tm := 0.0
		for range 20 {
			tm += 2
			sc.step(2)
			if err := tr.Scan(tm, sc.detect(tm, nil)); err != nil {
				t.Fatal(err)
			}
		}
		return tr.Tracks(), sc.targets
	}
	one, _ := run(geo.LLADeg(40, 20, 0))
	two, truth := run(geo.LLADeg(40, 20, 0), geo.LLADeg(41.5, 17, 0))
	if len(one) != 2 || len(two) != 2 {
		t.Fatalf("seed %d: %d tracks with one radar, %d with two, want 2 and 2", seed, len(one), len(two))
	}
	for i := range two {
		if two[i].Status != Firm || one[i].Status != Firm {
			t.Errorf("seed %d: track %d status %v / %v, want firm", seed, i, one[i].Status, two[i].Status)
		}
		if two[i].Quality.Updates < 35 {
			t.Errorf("seed %d: fused track %d used %d detections, want ≥ 35 (two radars × 20 scans)", seed, i, two[i].Quality.Updates)
		}
		if two[i].Quality.PosSigma >= one[i].Quality.PosSigma {
			t.Errorf("seed %d: track %d RSS σ with two radars %.0f m, want < one radar %.0f m", seed, i, two[i].Quality.PosSigma, one[i].Quality.PosSigma)
		}
	}
	t.Logf("RSS position σ one radar %.0f m, two radars %.0f m; truth %v", one[0].Quality.PosSigma, two[0].Quality.PosSigma, truth[0][:3])
}

// TestTrackerFuseOverLink: owner A tracks with its radar and reports over a
// link with 1.5 s latency; owner B (another radar) fuses the reports by
// covariance intersection; owner C (no sensors) adopts them.
func TestTrackerFuseOverLink(t *testing.T) {
	const seed = 21
	scA := newScenario(seed, 1, geo.LLADeg(40, 20, 0))
	scB := newScenario(seed+1, 1, geo.LLADeg(41.5, 17, 0))
	a, _ := NewTracker("A", Config{})
	b, _ := NewTracker("B", Config{})
	c, _ := NewTracker("C", Config{})
	ab := &Link{Latency: 1.5}
	ac := &Link{Latency: 1.5}
	tm := 0.0
	var beforeFuse float64
	for scan := range 20 {
		tm += 2
		scA.step(2)
		scB.step(2)
		if err := a.Scan(tm, scA.detect(tm, nil)); err != nil {
			t.Fatal(err)
		}
		if err := b.Scan(tm, scB.detect(tm, nil)); err != nil {
			t.Fatal(err)
		}
		if err := c.Scan(tm, nil); err != nil {
			t.Fatal(err)
		}
		ab.Send(tm, a.Owner, a.Tracks())
		ac.Send(tm, a.Owner, a.Tracks())
		now := tm + 1.5
		reps := ab.Deliver(now)
		if scan == 19 {
			beforeFuse = b.Filter().Predict(b.Tracks()[0].Estimate, now).P[0][0]
		}
		for _, r := range reps {
			if r.Estimate.T != tm {
				t.Errorf("report estimate at %v, want %v", r.Estimate.T, tm)
			}
		}
		if err := b.Fuse(now, reps); err != nil {
			t.Fatal(err)
		}
		if err := c.Fuse(now, ac.Deliver(now)); err != nil {
			t.Fatal(err)
		}
	}
	kb, kc := b.Tracks(), c.Tracks()
	if len(kb) != 1 || kb[0].Remote == 0 {
		t.Fatalf("seed %d: B tracks %+v, want one with remote reports fused", seed, kb)
	}
	if kb[0].Estimate.P[0][0] > beforeFuse {
		t.Errorf("seed %d: B's P[0][0] after fusion %v, want ≤ %v before", seed, kb[0].Estimate.P[0][0], beforeFuse)
	}
	if len(kc) != 1 || kc[0].Status != Firm || !strings.HasPrefix(kc[0].LastSensor, "link:") {
		t.Errorf("seed %d: C tracks %+v, want one firm track from the link", seed, kc)
	}
}

func TestTrackerRejectsBadInput(t *testing.T) {
	if _, err := NewTracker("x", Config{Initiator: Initiator{M: 5, N: 3}}); err == nil {
		t.Errorf("NewTracker(5 of 3) error = nil, want an error")
	}
	if _, err := NewTracker("x", Config{GateProb: 1.5}); err == nil {
		t.Errorf("NewTracker(GateProb 1.5) error = nil, want an error")
	}
	tr, _ := NewTracker("x", Config{})
	s := radar()
	bad := []Detection{s.Detect(1, math.NaN(), 0, 0), s.Detect(1, -5, 0, 0), s.Detect(5, 1e5, 0, 0)}
	zeroR := s.Detect(1, 1e5, 0, 0)
	zeroR.R = Mat3{}
	bad = append(bad, zeroR)
	for i, d := range bad {
		if err := tr.Scan(2, []Detection{d}); err == nil {
			t.Errorf("Scan(bad detection %d: %+v) error = nil, want an error", i, d.Z)
		}
	}
}

// TestTrackerGlobalNearestNeighbour: along one axis, tracks A at 0 m and B
// at 1000 m; detections at 600 m and 1700 m (σ ≈ 300 m). Greedy
// nearest-pair-first gives B the 600 m detection and leaves A without one
// (1700 m is outside its gate); the global assignment pairs A–600, B–1700.
func TestTrackerGlobalNearestNeighbour(t *testing.T) {
	tr, _ := NewTracker("blue", Config{Filter: &EKF{Motion: ConstantVelocity{Q: 1}}})
	base := Vec6{6.4e6, 0, 0, 0, 0, 0}
	var p Mat6
	for i := range 3 {
		p[i][i] = 280 * 280
		p[i+3][i+3] = 1
	}
	for i, off := range []float64{0, 1000} {
		x := base
		x[1] += off
		tr.tracks = append(tr.tracks, &Track{ID: i + 1, Estimate: Estimate{X: x, P: p}, Status: Firm,
			Confirmed: 0, FireControlTime: math.NaN(), Scans: 5, hits: 31})
	}
	tr.nextID = 3
	r := Mat3{{1e4, 0, 0}, {0, 1e4, 0}, {0, 0, 1e4}}
	var dets []Detection
	for _, off := range []float64{600, 1700} {
		dets = append(dets, Detection{Sensor: "s", Kind: PositionECEF, Z: Vec3{base[0], base[1] + off, base[2]}, R: r})
	}
	if err := tr.Scan(0, dets); err != nil {
		t.Fatal(err)
	}
	ks := tr.Tracks()
	if len(ks) != 2 {
		t.Fatalf("Scan: %d tracks, want 2 (no new track): %+v", len(ks), ks)
	}
	for i, want := range []float64{600, 1700} {
		if ks[i].Misses != 0 || math.Abs(ks[i].Estimate.X[1]-want) > 300 {
			t.Errorf("track %d: y = %.0f m, misses %d, want near %.0f m, 0 misses", ks[i].ID, ks[i].Estimate.X[1], ks[i].Misses, want)
		}
	}
}

// TestGateThreshold against the χ² table (Abramowitz & Stegun, Handbook of
// Mathematical Functions, table 26.8): χ²₃(0.999) = 16.266, χ²₆(0.999) =
// 22.458, χ²₃(0.95) = 7.815.
func TestGateThreshold(t *testing.T) {
	const tableTol = 5e-4 // the table gives three decimals
	tests := []struct {
		pg   float64
		dim  int
		want float64
	}{{0.999, 3, 16.266}, {0.999, 6, 22.458}, {0.95, 3, 7.815}}
	for _, tc := range tests {
		if got := GateThreshold(tc.pg, tc.dim); math.Abs(got-tc.want) > tableTol {
			t.Errorf("GateThreshold(%v, %d) = %.4f, want %.3f", tc.pg, tc.dim, got, tc.want)
		}
	}
	if got := GateThreshold(0.95, 3); math.Abs(got-chi2_3_95) > 1e-9 {
		t.Errorf("GateThreshold(0.95, 3) = %v, want chi2_3_95 = %v", got, chi2_3_95)
	}
}

func TestFireControlMet(t *testing.T) {
	c := DefaultFireControl()
	good := Quality{PosSigma: 200, VelSigma: 20, Updates: 8}
	tests := []struct {
		s    Status
		q    Quality
		want bool
	}{
		{Firm, good, true},
		{Tentative, good, false},
		{Deleted, good, false},
		{Firm, Quality{PosSigma: 301, VelSigma: 20, Updates: 8}, false},
		{Firm, Quality{PosSigma: 200, VelSigma: 31, Updates: 8}, false},
		{Firm, Quality{PosSigma: 200, VelSigma: 20, Updates: 4}, false},
		{Firm, Quality{PosSigma: math.NaN(), VelSigma: 20, Updates: 8}, false},
	}
	for _, tc := range tests {
		if got := c.Met(tc.s, tc.q); got != tc.want {
			t.Errorf("DefaultFireControl().Met(%v, %+v) = %v, want %v", tc.s, tc.q, got, tc.want)
		}
	}
	// QualityOf: diagonal P, σ = (30, 40, 0) m → RSS 50 m, 95% axis √(7.815)·40.
	e := Estimate{}
	e.P[0][0], e.P[1][1], e.P[3][3] = 900, 1600, 4
	q := QualityOf(&e, 3)
	if math.Abs(q.PosSigma-50) > 1e-12 || math.Abs(q.VelSigma-2) > 1e-12 || math.Abs(q.PosAxis95()-40*math.Sqrt(chi2_3_95)) > 1e-9 || q.Updates != 3 {
		t.Errorf("QualityOf(diag 900, 1600, 0, 4) = %+v, want RSS 50 m, 2 m/s, axis %.3f m, 3 updates", q, 40*math.Sqrt(chi2_3_95))
	}
}

// TestScanRejectsNonFinite checks that a detection with a measurement or
// time that is NaN or ±Inf is an error.
func TestScanRejectsNonFinite(t *testing.T) {
	bad := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	for _, v := range bad {
		for field := range 4 {
			tr, err := NewTracker("blue", Config{})
			if err != nil {
				t.Fatal(err)
			}
			s := NewSensor("r1", geo.LLA{Lat: 0.9, Lon: 0.4}, 10, 1e-3, 1e-3)
			d := s.Detect(1, 100e3, 0.5, 0.2)
			if field < 3 {
				d.Z[field] = v
			} else {
				d.Time = v
			}
			if err := tr.Scan(2, []Detection{d}); err == nil {
				t.Errorf("Scan accepted a detection with field %d = %v", field, v)
			}
		}
	}
}

// TestOrderByGroupTimeIsStableSort checks the scan's dwell order against
// one stable sort by (group, time), with ties, for groups shorter and
// longer than insertionSortMax.
func TestOrderByGroupTimeIsStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 10))
	for trial := range 200 {
		n := 1 + rng.IntN(300)
		ng := 1 + rng.IntN(5)
		tr := &Tracker{sensorFirst: make([]sensorTime, ng)}
		dets := make([]Detection, n)
		for i := range dets {
			dets[i].Time = float64(rng.IntN(1 + trial%20))
			tr.group = append(tr.group, rng.IntN(ng))
		}
		tr.orderByGroupTime(dets)
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(a, b int) int {
			if c := tr.group[a] - tr.group[b]; c != 0 {
				return c
			}
			return cmp.Compare(dets[a].Time, dets[b].Time)
		})
		if !slices.Equal(tr.order, want) {
			t.Fatalf("trial %d: order %v, want %v", trial, tr.order, want)
		}
	}
}
