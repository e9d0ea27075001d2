package scene

// validScene is a small scene that passes Validate, for the tests to break.
func validScene() *Scene {
	return &Scene{
		Version:  Version,
		Name:     "test",
		Question: "Does <it> work & how?",
		Epoch:    DefaultEpoch,
		Sites: []Site{
			{Name: "Deveselu", Kind: SiteDefense, Owner: "US", LatDeg: 44.0775, LonDeg: 24.4186, AltM: 110, Note: "SPY-1D(V), 24 × SM-3 IB"},
			{Name: "Tabriz", Kind: SiteLaunch, LatDeg: 38.08, LonDeg: 46.29},
		},
		Tracks: []Track{{
			Name: "Shahab-3 #1", Kind: TrackBallistic, Owner: "IR",
			Points: []Sample{
				{T: 0, LatDeg: 38.08, LonDeg: 46.29, AltM: 1500},
				{T: 60.5, LatDeg: 39.1, LonDeg: 44.2, AltM: 90e3},
				{T: 600, LatDeg: 44.43, LonDeg: 26.1, AltM: 80},
			},
		}},
		Areas: []Area{{
			Name: "Deveselu coverage", Kind: AreaRadar, Owner: "US", AltM: 10e3,
			Ring: [][2]float64{{40, 20}, {40, 28}, {48, 28}, {48, 20}, {40, 20}},
		}},
		Intercepts: []Intercept{{
			Threat: "Shahab-3 #1", Interceptor: "SM-3 IB", Site: "Deveselu", Owner: "US",
			T: 420.25, LatDeg: 42.5, LonDeg: 30.1, AltM: 150e3, Outcome: OutcomeKill,
		}},
	}
}
