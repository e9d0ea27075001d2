package study

import (
	"context"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// architectureSummary runs the library's architecture scenario under arch,
// with or without sharing, for trials trials from seed 1.
func architectureSummary(t *testing.T, arch scenario.Architecture, noSharing bool, trials int) *sim.Summary {
	t.Helper()
	s, err := scenario.Load("architecture")
	if err != nil {
		t.Fatal(err)
	}
	sc := *s
	sc.Run.Architecture = arch
	o := sim.DefaultOptions()
	o.NoSharing = noSharing
	w, err := BuildWorld(&sc, o)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := w.MonteCarlo(context.Background(), 1, trials, 2, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestArchitectureScenario: in the library's architecture scenario both
// owners can engage some missiles, so separately they sometimes both fire
// at one (double engagements) and in sectors one is sometimes barred from a
// missile that then leaks (sector leakers); and each linked picture holds
// about as many tracks per missile as the joint picture does.
//
// On the old link, which sent every track every tick and started a new
// track from every report that matched none, including the echoes of the
// receiver's own, each separate-linked picture held up to 96 firm tracks at
// once for 6 missiles against 14 in the sectoral picture; and in the old
// scenario no missile was in reach of both owners (0 double engagements).
func TestArchitectureScenario(t *testing.T) {
	// maxRatio is how many more tracks per missile a linked picture may
	// hold at once than the joint one: a remote report that gates with no
	// local track (in boost, when the two owners' estimates disagree most)
	// still starts one, which lives a reporting period after its last
	// report. Measured 1.36 (3.17 against 2.33 over 4 trials); the old link
	// gave 6.9 (16 against 2.33).
	const maxRatio = 1.5
	const trials = 12
	sec := architectureSummary(t, scenario.Sectoral, false, trials)
	sep := architectureSummary(t, scenario.SeparateLinked, false, trials)
	t.Logf("over %d trials: most firm tracks at once per missile per picture: sectoral %.2f, separate-linked %.2f; double engagements %.2f; sector leakers %.2f",
		trials, sec.TracksPerMissileMean, sep.TracksPerMissileMean, sep.DoubleEngagementsMean, sec.SectorLeakersMean)
	if sep.TracksPerMissileMean > maxRatio*sec.TracksPerMissileMean {
		t.Errorf("separate-linked holds %.2f firm tracks per missile per picture, want at most %.2f × sectoral's %.2f",
			sep.TracksPerMissileMean, maxRatio, sec.TracksPerMissileMean)
	}
	if !(sep.DoubleEngagementsMean > 0) {
		t.Errorf("separate-linked: %.2f double engagements per raid, want > 0 (a missile in reach of both owners)", sep.DoubleEngagementsMean)
	}
	if !(sec.SectorLeakersMean > 0) {
		t.Errorf("sectoral: %.2f sector leakers per raid, want > 0 (the nearest-site rule bars the destroyer)", sec.SectorLeakersMean)
	}
}

// TestSharedWarningNotHarmful: sharing tracks and warning does not make the
// defense significantly worse: the upper end of the 95 % interval of the
// paired difference in surviving value (with sharing minus without, on the
// same streams) is not below 0, under either architecture; and in sectors,
// where sharing joins both owners' sensors into one picture, its mean is
// above 0. The old link and scenario gave sectoral −1.58 (95 % CI −3.19 to
// +0.02) over 60 trials; measured now +2.00 (+0.19 to +3.81), and
// separate-linked −0.33 (−2.24 to +1.57).
func TestSharedWarningNotHarmful(t *testing.T) {
	if testing.Short() {
		t.Skip("statistical: 4 × 60 trials of the engine")
	}
	const trials = 60
	for _, arch := range []scenario.Architecture{scenario.Sectoral, scenario.SeparateLinked} {
		with := architectureSummary(t, arch, false, trials)
		without := architectureSummary(t, arch, true, trials)
		v := sim.CompareSharing(with, without)
		t.Logf("%s: shared warning worth %+.2f (95 %% CI %+.2f to %+.2f) over %d trials", arch, v.DiffMean, v.DiffCI95[0], v.DiffCI95[1], trials)
		if arch == scenario.Sectoral && !(v.DiffMean > 0) {
			t.Errorf("sectoral: shared warning worth %+.2f, want > 0", v.DiffMean)
		}
		if v.DiffCI95[1] < 0 {
			t.Errorf("%s: shared warning worth %+.2f (95 %% CI %+.2f to %+.2f), want an interval reaching 0 or above", arch, v.DiffMean, v.DiffCI95[0], v.DiffCI95[1])
		}
	}
}
