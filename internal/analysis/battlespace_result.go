package analysis

import (
	"time"
)

// SweepEngagement is one interceptor type at one site against one
// trajectory under one cueing. Times are seconds after the threat's launch.
type SweepEngagement struct {
	Interceptor string `json:"interceptor"`
	Site        string `json:"site"`
	Trajectory  string `json:"trajectory"`
	LaunchSite  string `json:"launch_site"`
	Aim         string `json:"aim"`
	Profile     string `json:"profile"`
	Cueing      string `json:"cueing"`
	// FireControlCue: the cueing is a sensor chain with a fire-control
	// track, not a bound (Cueing.FireControl).
	FireControlCue bool     `json:"fire_control_cue"`
	CueS           *float64 `json:"cue_s"`      // null when the sensor never sees the threat
	DecisionS      *float64 `json:"decision_s"` // earliest interceptor launch
	Engageable     bool     `json:"engageable"`
	// Reason says why an engagement is not possible: "no cue: …" or "no
	// battle space".
	Reason                string   `json:"reason,omitempty"`
	FirstLaunchS          *float64 `json:"first_launch_s,omitempty"`
	LastLaunchS           *float64 `json:"last_launch_s,omitempty"`
	FirstInterceptS       *float64 `json:"first_intercept_s,omitempty"`
	LastInterceptS        *float64 `json:"last_intercept_s,omitempty"`
	MinInterceptAltKm     *float64 `json:"min_intercept_alt_km,omitempty"`
	MaxInterceptAltKm     *float64 `json:"max_intercept_alt_km,omitempty"`
	FirstInterceptRangeKm *float64 `json:"first_intercept_range_km,omitempty"` // ground range from the site
	ClosingSpeedKms       *float64 `json:"closing_speed_kms,omitempty"`        // at the first intercept
	// RequiredBurnoutSpeedKms is the lowest burnout speed of the sweep
	// (BurnoutSweep) at which the trajectory is engageable with the same
	// decision time; null when the sweep is off, there is no cue, or no
	// speed up to the sweep's maximum engages.
	RequiredBurnoutSpeedKms *float64 `json:"required_burnout_speed_kms"`
	// PredictedMissSigmaM is, for a sensor chain, the per-axis σ of the
	// track's predicted miss at the first or last intercept (intercept.MissSigma)
	// when it committed, or the best it reached if it never did;
	// HomingReachM is the kill vehicle's homing reach there
	// (Interceptor.HomingReach; −1: no divert limit).
	PredictedMissSigmaM *float64 `json:"predicted_miss_sigma_m,omitempty"`
	// The timeline of a sensor chain at the site, s after launch: the
	// space warning (WarningS), the firm track (FirmTrackS, chainFirmHits
	// detections) and the first ballistic estimate after burnout
	// (BallisticTrackS); null where the chain has none.
	WarningS        *float64 `json:"warning_s,omitempty"`
	FirmTrackS      *float64 `json:"firm_track_s,omitempty"`
	BallisticTrackS *float64 `json:"ballistic_track_s,omitempty"`
	HomingReachM    *float64 `json:"homing_reach_m,omitempty"`
}

// SweepEntry is the result for one interceptor type at one site against
// one family (launch site → aim) under one cueing.
type SweepEntry struct {
	Interceptor        string  `json:"interceptor"`
	Site               string  `json:"site"`
	LaunchSite         string  `json:"launch_site"`
	Aim                string  `json:"aim"`
	Cueing             string  `json:"cueing"`
	FireControlCue     bool    `json:"fire_control_cue"` // a sensor chain, not a bound
	CueRole            string  `json:"cue_role"`         // Cueing.Role
	Trajectories       int     `json:"trajectories"`
	Engageable         int     `json:"engageable"`
	EngageableFraction float64 `json:"engageable_fraction"`
	// RequiredBurnoutSpeedKms is the burnout speed at which every
	// trajectory of the family is engageable (the largest of the
	// trajectories' required speeds); null when some trajectory is not
	// engageable within the sweep. RequiredBurnoutSpeedAnyKms is the speed
	// at which at least one is (the smallest).
	RequiredBurnoutSpeedKms    *float64 `json:"required_burnout_speed_kms"`
	RequiredBurnoutSpeedAnyKms *float64 `json:"required_burnout_speed_any_kms"`
	// FlyoutBurnoutSpeedKms is the burnout speed of the catalog
	// interceptor's own flyout at the envelope's reference kick, the number
	// to compare the required speeds with; CatalogBurnoutSpeedKms is the
	// catalog's burnout_speed_kms at the pick.
	FlyoutBurnoutSpeedKms  float64 `json:"flyout_burnout_speed_kms"`
	CatalogBurnoutSpeedKms float64 `json:"catalog_burnout_speed_kms"`
}

// SweepCost counts the work of a sweep.
type SweepCost struct {
	Trajectories int `json:"trajectories"`
	Engagements  int `json:"engagements"`
	// Windows counts calls of intercept.Window.
	Windows int `json:"windows"`
	// BurnoutSpeeds counts the distinct (interceptor type, burnout speed)
	// pairs of the sweep, each an envelope build on first use.
	BurnoutSpeeds int `json:"burnout_speeds"`
	// Elapsed is the wall time; it is not part of the JSON output, which
	// stays reproducible bit for bit.
	Elapsed time.Duration `json:"-"`
}

// SweepResult is the output of BattleSpaceSweep.
type SweepResult struct {
	Pick         string            `json:"pick"`
	Sweep        BurnoutSweep      `json:"sweep"`
	Assumptions  []string          `json:"assumptions"`
	Trajectories []Trajectory      `json:"trajectories"`
	Entries      []SweepEntry      `json:"entries"` // interceptor, site, family, cueing order
	Summary      []SweepEntry      `json:"summary"` // over all families: launch_site and aim "*"
	Engagements  []SweepEngagement `json:"engagements"`
	// SpeedBand is the engageable fraction of every interceptor, site and
	// cueing across the interceptor's catalog burnout-speed band.
	SpeedBand []SpeedBandRow `json:"speed_band"`
	Cost      SweepCost      `json:"cost"`
}
