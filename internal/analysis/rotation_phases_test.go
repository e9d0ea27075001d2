package analysis

import (
	"math"
	"slices"
	"testing"
)

// TestRotationPhases splits a hand-computed schedule of 2024 (a leap year,
// 366 days) into phases:
//
//	A  ready 1 Jan (no transit, no set-up), leaves at the end of 31 Mar
//	B  starts 25 Mar, 5 days' transit and 3 to get ready: ready 2 Apr,
//	   leaves at the end of 30 Jun
//	C  ready 1 Jun, leaves at the end of 15 Jun
//	D  deployed 1–2 Sep but 5 days in transit: never ready
//
// so the phases are {A} 1 Jan–1 Apr (91 days), {} 1–2 Apr (1 day, the
// handover gap), {B} 2 Apr–1 Jun (60), {B, C} 1–16 Jun (15), {B} 16 Jun–
// 1 Jul (15, fewer than before but not between two larger sets) and {}
// 1 Jul–1 Jan 2025 (184; D's dates split it, and the pieces merge again).
func TestRotationPhases(t *testing.T) {
	p := RotationPlan{
		Year: 2024,
		Deployments: []RotationDeployment{
			{Unit: "A", LatDeg: vilnius.LatDeg, LonDeg: vilnius.LonDeg, Start: "2023-12-01", End: "2024-03-31", RadiusKm: 40},
			{Unit: "B", LatDeg: vilnius.LatDeg, LonDeg: vilnius.LonDeg, Start: "2024-03-25", End: "2024-06-30", TransitDays: 5, ReadinessDays: 3, RadiusKm: 40},
			{Unit: "C", LatDeg: kaunas.LatDeg, LonDeg: kaunas.LonDeg, Start: "2024-06-01", End: "2024-06-15", RadiusKm: 40},
			{Unit: "D", LatDeg: kaunas.LatDeg, LonDeg: kaunas.LonDeg, Start: "2024-09-01", End: "2024-09-02", TransitDays: 5, RadiusKm: 40},
		},
		Assets: []RotationAsset{vilnius},
	}
	got, err := RotationPhases(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		start, end string
		days       float64
		ready      []int
		handover   bool
	}{
		{"2024-01-01", "2024-04-01", 91, []int{0}, false},
		{"2024-04-01", "2024-04-02", 1, []int{}, true},
		{"2024-04-02", "2024-06-01", 60, []int{1}, false},
		{"2024-06-01", "2024-06-16", 15, []int{1, 2}, false},
		{"2024-06-16", "2024-07-01", 15, []int{1}, false},
		{"2024-07-01", "2025-01-01", 184, []int{}, false},
	}
	if len(got) != len(want) {
		t.Fatalf("RotationPhases: %d phases %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if !g.Start.Equal(date(w.start)) || !g.End.Equal(date(w.end)) || math.Abs(g.LengthDays-w.days) > rotDayTol ||
			!slices.Equal(g.Ready, w.ready) || g.Handover != w.handover || len(g.Units) != len(w.ready) {
			t.Errorf("phase %d = %s–%s %g days ready %v %v handover %v, want %s–%s %g days ready %v handover %v",
				i, g.Start.Format(RotationDateLayout), g.End.Format(RotationDateLayout), g.LengthDays, g.Ready, g.Units, g.Handover,
				w.start, w.end, w.days, w.ready, w.handover)
		}
	}
}

// TestRotationPhasesRefusesBadPlan: the phases validate the plan as the
// coverage does.
func TestRotationPhasesRefusesBadPlan(t *testing.T) {
	if _, err := RotationPhases(RotationPlan{Year: 1066}); err == nil {
		t.Error("RotationPhases(year 1066, no deployments) = nil error, want the plan's problems")
	}
}
