package analysis

import "fmt"

// A hypothetical year of Patriot rotation in Lithuania (not a real
// schedule): three batteries in turn near Vilnius, defended radius the
// PAC-3 MSE's catalog range against aircraft and cruise missiles.
func ExampleRotationCoverage() {
	dep := func(unit, owner, start, end string) RotationDeployment {
		return RotationDeployment{Unit: unit, Owner: owner, LatDeg: 54.64, LonDeg: 25.1,
			Start: start, End: end, TransitDays: 6, ReadinessDays: 2, System: "PAC-3 MSE"}
	}
	plan := RotationPlan{
		Year:       2025,
		RangeParam: RotationRangeAir,
		Deployments: []RotationDeployment{
			dep("Battery 1", "DE", "2024-11-01", "2025-04-30"),
			dep("Battery 2", "NL", "2025-04-24", "2025-08-31"),
			dep("Battery 3", "ES", "2025-08-28", "2026-01-31"),
		},
		Assets: []RotationAsset{
			{Name: "Vilnius", LatDeg: 54.69, LonDeg: 25.28},
			{Name: "Kaunas", LatDeg: 54.9, LonDeg: 23.89},
		},
	}
	res, err := RotationCoverage(plan)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range res.Assets {
		fmt.Printf("%s: covered %.1f%% of %d\n", a.Asset, 100*a.CoveredFrac, res.Year)
		for _, g := range a.Gaps {
			fmt.Printf("  %s gap %s – %s (%.0f days) %v → %v\n", g.Kind,
				g.Start.Format(RotationDateLayout), g.End.Format(RotationDateLayout), g.LengthDays, g.BeforeUnits, g.AfterUnits)
		}
	}
	// Output:
	// Vilnius: covered 98.6% of 2025
	//   handover gap 2025-05-01 – 2025-05-02 (1 days) [Battery 1] → [Battery 2]
	//   handover gap 2025-09-01 – 2025-09-05 (4 days) [Battery 2] → [Battery 3]
	// Kaunas: covered 0.0% of 2025
	//   never gap 2025-01-01 – 2026-01-01 (365 days) [] → []
}
