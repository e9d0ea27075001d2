package study

import (
	"math"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/sim"
)

// PointJSON is a place in a JSON document.
type PointJSON struct {
	Place  string  `json:"place,omitempty"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
}

// FlightJSON is one flown missile in a JSON document. Fields that do not
// apply to a kind of missile are null.
type FlightJSON struct {
	Name            string    `json:"name"`
	Missile         string    `json:"missile,omitempty"`
	Kind            string    `json:"kind"`
	Profile         string    `json:"profile,omitempty"`
	Launch          PointJSON `json:"launch"`
	Aim             PointJSON `json:"aim"`
	LaunchTimeS     float64   `json:"launch_time_s"`
	OutOfReach      string    `json:"out_of_reach,omitempty"`
	ReachLimitKm    *float64  `json:"reach_limit_km,omitempty"`
	RangeKm         *float64  `json:"range_km"`
	FlightTimeS     *float64  `json:"flight_time_s"`
	ApogeeKm        *float64  `json:"apogee_km"`
	BurnoutSpeedKms *float64  `json:"burnout_speed_kms"`
	BurnoutAngleDeg *float64  `json:"burnout_angle_deg"`
	CruiseSpeedKms  *float64  `json:"cruise_speed_kms"`
	ImpactLatDeg    *float64  `json:"impact_lat_deg"`
	ImpactLonDeg    *float64  `json:"impact_lon_deg"`
	MissKm          *float64  `json:"miss_km"`

	// Sensing, in seconds after this missile's launch; null when never.
	FirstDetectionS      *float64 `json:"first_detection_s"`
	FirstDetectionSensor *string  `json:"first_detection_sensor"`
	SpaceWarningS        *float64 `json:"space_warning_s"`
	FirmTrackS           *float64 `json:"firm_track_s"`
	FireControlS         *float64 `json:"fire_control_s"`
	FireControlOwner     *string  `json:"fire_control_owner"`
}

// NewFlightJSON describes a flown missile, without its sensing.
func NewFlightJSON(f sim.Flight) FlightJSON {
	j := FlightJSON{
		Name:            f.Name,
		Missile:         f.Missile,
		Kind:            string(f.Kind),
		Profile:         f.ProfileName(),
		Launch:          point(f.LaunchName, f.Launch),
		Aim:             point(f.AimName, f.Aim),
		LaunchTimeS:     f.LaunchTime,
		OutOfReach:      f.OutOfReach,
		RangeKm:         optional(f.GroundRange / 1e3),
		FlightTimeS:     optional(f.FlightTime),
		ApogeeKm:        optional(f.Apogee / 1e3),
		BurnoutSpeedKms: optional(f.BurnoutSpeed / 1e3),
		BurnoutAngleDeg: optional(f.BurnoutAngle * 180 / math.Pi),
		CruiseSpeedKms:  optional(f.CruiseSpeed / 1e3),
		ImpactLatDeg:    optional(f.Impact.LatDeg()),
		ImpactLonDeg:    optional(f.Impact.LonDeg()),
		MissKm:          optional(f.Miss / 1e3),
	}
	if f.OutOfReach != "" {
		j.ReachLimitKm = optional(f.ReachLimit / 1e3)
	}
	return j
}

// addSensingStats fills the sensing fields of j with Monte Carlo means.
func (j *FlightJSON) addSensingStats(ts sim.ThreatStat) {
	str := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	j.FirstDetectionS = optional(ts.FirstDetection)
	j.FirstDetectionSensor = str(ts.FirstDetectionSensor)
	j.SpaceWarningS = optional(ts.SpaceWarning)
	j.FirmTrackS = optional(ts.FirmTrack)
	j.FireControlS = optional(ts.FireControl)
	j.FireControlOwner = str(ts.FireControlOwner)
}

func point(name string, p geo.LLA) PointJSON {
	return PointJSON{Place: name, LatDeg: p.LatDeg(), LonDeg: p.LonDeg()}
}

// optional returns nil for NaN (JSON null), else &x.
func optional(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	return &x
}

// FlyJSON is the JSON document of one flight (rampart fly --json).
// rampart fly reads no scenario file and draws no random numbers: its
// inputs are its flags, echoed in launch, aim, missile, profile and
// physics, so ScenarioSHA256 and Seed are null (no input file, no seed).
type FlyJSON struct {
	RampartVersion string  `json:"rampart_version"`
	ScenarioSHA256 *string `json:"scenario_sha256"`
	Seed           *int64  `json:"seed"`
	Physics        Physics `json:"physics"`
	FlightJSON
	BurnoutTimeS       *float64 `json:"burnout_time_s"`
	BurnoutAltKm       *float64 `json:"burnout_alt_km"`
	ApogeeTimeS        *float64 `json:"apogee_time_s"`
	InertialBurnoutKms *float64 `json:"inertial_burnout_speed_kms"`
	BurnoutAzimuthDeg  *float64 `json:"burnout_azimuth_deg"`
	ImpactSpeedKms     *float64 `json:"impact_speed_kms"`
	ImpactAngleDeg     *float64 `json:"impact_angle_deg"`
	SolverPropagations int      `json:"solver_propagations"`
	// ProfileFlown names the profile as flown (a quasi-ballistic shot's
	// apogee); RangeControl how a staged missile fell short of its
	// full-burn range: "thrust termination", "energy management" or
	// "full burn".
	ProfileFlown        string   `json:"profile_flown,omitempty"`
	RangeControl        string   `json:"range_control,omitempty"`
	GreatCircleRangeKm  float64  `json:"aim_range_km"`
	CatalogRangeKmLimit *float64 `json:"catalog_range_km,omitempty"`
}

// FlyDocument is the JSON document of the flight f flown with o.
func FlyDocument(f sim.Flight, phys Physics, o sim.Options) FlyJSON {
	d := FlyJSON{RampartVersion: provenance.Version(), Physics: phys, FlightJSON: NewFlightJSON(f)}
	s, _, _ := o.Earth.Ellipsoid.Inverse(f.Launch.Lat, f.Launch.Lon, f.Aim.Lat, f.Aim.Lon)
	d.GreatCircleRangeKm = s / 1e3
	if tr := f.Ballistic; tr != nil {
		d.BurnoutTimeS = optional(tr.BurnoutTime - tr.LaunchTime)
		d.BurnoutAltKm = optional(tr.Burnout.Alt / 1e3)
		d.ApogeeTimeS = optional(tr.ApogeeTime - tr.LaunchTime)
		d.InertialBurnoutKms = optional(tr.InertialBurnoutSpeed / 1e3)
		d.BurnoutAzimuthDeg = optional(tr.BurnoutAzimuth * 180 / math.Pi)
		d.ImpactSpeedKms = optional(tr.ImpactSpeed / 1e3)
		d.ImpactAngleDeg = optional(tr.ImpactAngle * 180 / math.Pi)
		d.SolverPropagations = tr.Flights
		d.ProfileFlown = tr.FlownProfile()
		if tr.Name != "" {
			d.RangeControl = tr.RangeControl.String()
		}
	}
	if !math.IsNaN(f.ReachableRangeMax) {
		d.CatalogRangeKmLimit = optional(f.ReachableRangeMax / 1e3)
	}
	return d
}
