package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/sim"
)

// pointJSON is a place in JSON output.
type pointJSON struct {
	Place  string  `json:"place,omitempty"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
}

// flightJSON is one flown missile in JSON output. Fields that do not apply to
// a kind of missile are null.
type flightJSON struct {
	Name            string    `json:"name"`
	Missile         string    `json:"missile,omitempty"`
	Kind            string    `json:"kind"`
	Profile         string    `json:"profile,omitempty"`
	Launch          pointJSON `json:"launch"`
	Aim             pointJSON `json:"aim"`
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

// addSensing fills the sensing fields of j.
func (j *flightJSON) addSensing(f sim.Flight, s sim.Sensing) {
	rel := func(t float64) *float64 { return optional(t-f.LaunchTime, 2) }
	str := func(t float64, v string) *string {
		if math.IsNaN(t) {
			return nil
		}
		return &v
	}
	j.FirstDetectionS = rel(s.FirstDetection)
	j.FirstDetectionSensor = str(s.FirstDetection, s.FirstDetectionSensor)
	j.SpaceWarningS = rel(s.SpaceWarning)
	j.FirmTrackS = rel(s.FirmTrack)
	j.FireControlS = rel(s.FireControl)
	j.FireControlOwner = str(s.FireControl, s.FireControlOwner)
}

// addSensingStats fills the sensing fields of j with Monte Carlo means.
func (j *flightJSON) addSensingStats(ts sim.ThreatStat) {
	str := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	j.FirstDetectionS = optional(ts.FirstDetection, 2)
	j.FirstDetectionSensor = str(ts.FirstDetectionSensor)
	j.SpaceWarningS = optional(ts.SpaceWarning, 2)
	j.FirmTrackS = optional(ts.FirmTrack, 2)
	j.FireControlS = optional(ts.FireControl, 2)
	j.FireControlOwner = str(ts.FireControlOwner)
}

// writeSensingTable writes, for each flight, when it was first detected and
// by which sensor, when a track became firm and when it reached
// fire-control quality, in seconds after launch.
func writeSensingTable(w io.Writer, flights []sim.Flight, sensing []sim.Sensing) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "THREAT\tSPACE WARNING s\tFIRST DETECTION s\tSENSOR\tFIRM TRACK s\tFIRE CONTROL s\tOWNER\tIMPACT s\t")
	at := func(f sim.Flight, t float64) string {
		if math.IsNaN(t) {
			return "never"
		}
		return fmt.Sprintf("%.1f", t-f.LaunchTime)
	}
	for i, f := range flights {
		if f.OutOfReach != "" {
			continue
		}
		s := sensing[i]
		sensor, owner := s.FirstDetectionSensor, s.FireControlOwner
		if sensor == "" {
			sensor = "-"
		}
		if owner == "" {
			owner = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t\n", f.Name, at(f, s.SpaceWarning), at(f, s.FirstDetection), sensor,
			at(f, s.FirmTrack), at(f, s.FireControl), owner, f.FlightTime)
	}
	return tw.Flush()
}

func point(name string, p geo.LLA) pointJSON {
	return pointJSON{Place: name, LatDeg: round(p.LatDeg(), 6), LonDeg: round(p.LonDeg(), 6)}
}

// round rounds x to n decimals, so JSON carries meaningful digits only.
func round(x float64, n int) float64 {
	s := math.Pow(10, float64(n))
	return math.Round(x*s) / s
}

// optional returns nil for NaN, else x rounded to n decimals.
func optional(x float64, n int) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	r := round(x, n)
	return &r
}

func flightToJSON(f sim.Flight) flightJSON {
	j := flightJSON{
		Name:            f.Name,
		Missile:         f.Missile,
		Kind:            string(f.Kind),
		Profile:         f.ProfileName(),
		Launch:          point(f.LaunchName, f.Launch),
		Aim:             point(f.AimName, f.Aim),
		LaunchTimeS:     round(f.LaunchTime, 3),
		OutOfReach:      f.OutOfReach,
		RangeKm:         optional(f.GroundRange/1e3, 3),
		FlightTimeS:     optional(f.FlightTime, 2),
		ApogeeKm:        optional(f.Apogee/1e3, 3),
		BurnoutSpeedKms: optional(f.BurnoutSpeed/1e3, 4),
		BurnoutAngleDeg: optional(f.BurnoutAngle*180/math.Pi, 3),
		CruiseSpeedKms:  optional(f.CruiseSpeed/1e3, 4),
		ImpactLatDeg:    optional(f.Impact.LatDeg(), 6),
		ImpactLonDeg:    optional(f.Impact.LonDeg(), 6),
		MissKm:          optional(f.Miss/1e3, 4),
	}
	if f.OutOfReach != "" {
		j.ReachLimitKm = optional(f.ReachLimit/1e3, 1)
	}
	return j
}

// writeJSON writes v as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeFlightTable writes one line per flown missile.
func writeFlightTable(w io.Writer, flights []sim.Flight) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	var notes []string
	fmt.Fprintln(tw, "THREAT\tMISSILE\tLAUNCH\tAIM\tT0 s\tRANGE km\tFLIGHT\tAPOGEE km\tBURNOUT km/s\tMISS km\t")
	for _, f := range flights {
		missile := f.Missile
		if missile == "" {
			missile = "(burnout state)"
		}
		speed := "-"
		if !math.IsNaN(f.BurnoutSpeed) {
			speed = fmt.Sprintf("%.3f", f.BurnoutSpeed/1e3)
		} else if !math.IsNaN(f.CruiseSpeed) {
			speed = fmt.Sprintf("cruise %.3f", f.CruiseSpeed/1e3)
		}
		if f.OutOfReach != "" {
			notes = append(notes, fmt.Sprintf("(%d) %s: %s", len(notes)+1, f.Name, f.OutOfReach))
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.0f\tout of reach (%d)\t-\t-\t-\t-\t\n",
				f.Name, missile, placeLabel(f.LaunchName, f.Launch), placeLabel(f.AimName, f.Aim), f.LaunchTime, len(notes))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.0f\t%.0f\t%s\t%.1f\t%s\t%.3f\t\n",
			f.Name, missile, placeLabel(f.LaunchName, f.Launch), placeLabel(f.AimName, f.Aim),
			f.LaunchTime, f.GroundRange/1e3, clock(f.FlightTime), f.Apogee/1e3, speed, f.Miss/1e3)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(notes, "\n"))
	}
	return nil
}

func placeLabel(name string, p geo.LLA) string {
	ll := fmt.Sprintf("%.2f,%.2f", p.LatDeg(), p.LonDeg())
	if name == "" {
		return ll
	}
	return name + " (" + ll + ")"
}

// clock formats seconds as m:ss (or h:mm:ss).
func clock(s float64) string {
	t := int(math.Round(s))
	if t >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", t/3600, t/60%60, t%60)
	}
	return fmt.Sprintf("%d:%02d", t/60, t%60)
}
