package study

import "github.com/rampart-sim/rampart/internal/scenario"

// CheckOptions refuses, as bad input, the options that Run would refuse
// before running anything (a pick the study does not use, a fidelity or
// --warning-value for an analysis), so that a caller that runs later (the
// server's queue) can answer at once.
func CheckOptions(s *scenario.Scenario, st Study, o Options) error {
	if _, engine := st.(*Engine); o.WarningValue && !engine {
		return badInput("warning-value applies to engine runs; %s runs the %s analysis", s.File, s.Analysis.Kind)
	}
	if _, engine := st.(*Engine); o.Fidelity != "" && !engine {
		return badInput("fidelity has no effect here: %s runs the %s analysis, which has one fidelity", s.File, s.Analysis.Kind)
	}
	if _, err := EngineFidelity(s, o); err != nil {
		if _, engine := st.(*Engine); engine {
			return err
		}
	}
	return checkPicks(s, st, o)
}
