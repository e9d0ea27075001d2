package study

import (
	"math"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// EngineResults are the engine's results in its JSON document, after the
// common fields.
type EngineResults struct {
	Trials int `json:"trials"`
	// Fidelity is the engine's fidelity that ran: "full" or "fast".
	Fidelity     string            `json:"fidelity"`
	Architecture string            `json:"architecture"`
	Assets       []AssetJSON       `json:"assets"`
	Threats      []ThreatJSON      `json:"threats"`
	Totals       TotalsJSON        `json:"totals"`
	Commands     []CommandJSON     `json:"commands"`
	Sensors      []SensorJSON      `json:"sensors"`
	EarlyWarning *EarlyWarningJSON `json:"early_warning,omitempty"`
	// Engagements lists, for raids with cruise missiles or aircraft, what
	// each interceptor type did against each threat.
	Engagements []EngagementJSON `json:"engagements,omitempty"`
	// EventsTrials and EventsNote are set when MaxEventRows cut events.csv
	// short: how many trials' events it holds, in words.
	EventsTrials *int   `json:"events_trials,omitempty"`
	EventsNote   string `json:"events_note,omitempty"`
}

// ThreatJSON is one missile: its flight, its fate over the trials, and
// its sensing times (means over the trials that reached them, seconds
// after its launch; null if none did).
type ThreatJSON struct {
	FlightJSON
	PLeak            *float64    `json:"p_leak"`
	PLeakCI95        *[2]float64 `json:"p_leak_ci95"`
	InterceptorsMean float64     `json:"interceptors_mean"`
	PDetected        float64     `json:"p_detected"`
	PFireControl     float64     `json:"p_fire_control"`
}

// TotalsJSON are the means per trial over the whole raid.
// The _ci95 fields are the normal 95 % intervals of the means beside them.
type TotalsJSON struct {
	InterceptorsMean       float64    `json:"interceptors_mean"`
	InterceptorsCI95       [2]float64 `json:"interceptors_mean_ci95"`
	LeakersMean            float64    `json:"leakers_mean"`
	LeakersCI95            [2]float64 `json:"leakers_mean_ci95"`
	DoubleEngagementsMean  float64    `json:"double_engagements_mean"`
	SectorLeakersMean      float64    `json:"sector_leakers_mean"`
	SurvivingValueMean     float64    `json:"surviving_value_mean"`
	SurvivingValueMeanCI95 [2]float64 `json:"surviving_value_mean_ci95"`
	TotalValue             float64    `json:"total_value"`
}

// CommandJSON is one command of the run and its doctrine.
type CommandJSON struct {
	Name      string   `json:"name"`
	Picture   string   `json:"picture"`
	Launchers []string `json:"launchers"`
	Rounds    int      `json:"rounds"`
	Salvo     int      `json:"salvo"`
	// SalvoCruise and SalvoAircraft are the salvos at cruise missiles and
	// aircraft when the doctrine sets them apart.
	SalvoCruise   int  `json:"salvo_cruise,omitempty"`
	SalvoAircraft int  `json:"salvo_aircraft,omitempty"`
	SLS           bool `json:"shoot_look_shoot"`
	Reserve       int  `json:"reserve"`
	Sectoral      bool `json:"sectoral"`
}

// EarlyWarningJSON is the value of shared early warning (--warning-value).
type EarlyWarningJSON struct {
	SurvivingValueShared float64    `json:"surviving_value_shared"`
	SurvivingValueAlone  float64    `json:"surviving_value_alone"`
	Difference           float64    `json:"difference"`
	DifferenceCI95       [2]float64 `json:"difference_ci95"`
}

// SensorJSON is one radar of the run.
type SensorJSON struct {
	ID            string  `json:"id"`
	Type          string  `json:"type"`
	Owner         string  `json:"owner"`
	LatDeg        float64 `json:"lat_deg"`
	LonDeg        float64 `json:"lon_deg"`
	BoresightDeg  float64 `json:"boresight_az_deg"`
	SearchFrameS  float64 `json:"search_frame_s"`
	TrackUpdateS  float64 `json:"track_update_s"`
	MaxRangeKm    float64 `json:"instrumented_range_km"`
	TrackCapacity int     `json:"track_capacity"`
}

// engineResults builds the engine's results from its world and summary.
func engineResults(s *scenario.Scenario, world *sim.World, sum *sim.Summary, warn *sim.SharingValue, events *eventLog, engagements []EngagementJSON) EngineResults {
	r := EngineResults{
		Trials: sum.Trials, Fidelity: world.Options.Fidelity.String(), Architecture: string(s.Run.Architecture),
		Assets: engineAssetsJSON(AssetFates(world, sum)), Commands: []CommandJSON{}, Sensors: []SensorJSON{},
		Totals: totalsJSON(sum),
	}
	if note := events.note(sum.Trials); note != "" {
		n := events.trials
		r.EventsTrials, r.EventsNote = &n, note
	}
	r.Threats = threatsJSON(world, sum)
	for _, c := range world.Commands {
		cj := CommandJSON{Name: c.Name, Picture: c.Picture, Launchers: []string{}, Salvo: c.Doctrine.Salvo,
			SalvoCruise: c.Doctrine.SalvoCruise, SalvoAircraft: c.Doctrine.SalvoAircraft,
			SLS: c.Doctrine.ShootLookShoot, Reserve: c.Doctrine.Reserve, Sectoral: c.Sectoral}
		for _, l := range c.Launchers {
			cj.Launchers = append(cj.Launchers, world.Launchers[l].ID)
			cj.Rounds += world.Launchers[l].Rounds
		}
		r.Commands = append(r.Commands, cj)
	}
	for _, u := range world.Radars {
		rd := u.Radar
		r.Sensors = append(r.Sensors, SensorJSON{
			ID: u.ID, Type: u.Type, Owner: u.Owner,
			LatDeg: rd.Site.LatDeg(), LonDeg: rd.Site.LonDeg(),
			BoresightDeg: rd.BoresightAz * 180 / math.Pi,
			SearchFrameS: rd.SearchFrame, TrackUpdateS: rd.TrackInterval,
			MaxRangeKm: rd.MaxRange / 1e3, TrackCapacity: rd.MaxTracks,
		})
	}
	r.Engagements = engagements
	if warn != nil {
		r.EarlyWarning = &EarlyWarningJSON{
			SurvivingValueShared: warn.WithMean, SurvivingValueAlone: warn.WithoutMean,
			Difference: warn.DiffMean, DifferenceCI95: warn.DiffCI95,
		}
	}
	return r
}

// totalsJSON are sum's means per raid.
func totalsJSON(sum *sim.Summary) TotalsJSON {
	return TotalsJSON{
		InterceptorsMean: sum.InterceptorsMean, InterceptorsCI95: sum.InterceptorsCI95,
		LeakersMean: sum.LeakersMean, LeakersCI95: sum.LeakersCI95,
		DoubleEngagementsMean: sum.DoubleEngagementsMean, SectorLeakersMean: sum.SectorLeakersMean,
		SurvivingValueMean: sum.SurvivingValueMean, SurvivingValueMeanCI95: sum.SurvivingValueCI95, TotalValue: sum.TotalValue,
	}
}

// threatsJSON lists each missile's flight and fate over the trials.
func threatsJSON(world *sim.World, sum *sim.Summary) []ThreatJSON {
	out := []ThreatJSON{}
	nf := float64(sum.Trials)
	for i, f := range world.Flights {
		ts := sum.Threats[i]
		j := ThreatJSON{FlightJSON: NewFlightJSON(f), InterceptorsMean: ts.InterceptorsMean,
			PDetected: float64(ts.Detected) / nf, PFireControl: float64(ts.FireControlled) / nf}
		if f.OutOfReach == "" {
			p, ci := ts.PLeak, ts.CI95
			j.PLeak, j.PLeakCI95 = &p, &ci
		}
		j.addSensingStats(ts)
		out = append(out, j)
	}
	return out
}

// engineAssetsJSON lists each asset's survival and status.
func engineAssetsJSON(fates []AssetFate) []AssetJSON {
	out := []AssetJSON{}
	for _, x := range fates {
		n, r := x.Attackers, x.InReach
		out = append(out, AssetJSON{Name: x.Name, Owner: x.Owner, Value: x.Value, PSurvive: x.PSurvive,
			CI95: [2]float64{x.CI95[0], x.CI95[1]}, Status: x.Status, Attackers: &n, InReach: &r})
	}
	return out
}
