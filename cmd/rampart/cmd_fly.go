package main

import (
	"errors"
	"fmt"
	"math"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// flyJSON is the --json document of rampart fly.
type flyJSON struct {
	Physics earthJSON `json:"physics"`
	flightJSON
	BurnoutTimeS        *float64 `json:"burnout_time_s"`
	ApogeeTimeS         *float64 `json:"apogee_time_s"`
	InertialBurnoutKms  *float64 `json:"inertial_burnout_speed_kms"`
	BurnoutAzimuthDeg   *float64 `json:"burnout_azimuth_deg"`
	ImpactSpeedKms      *float64 `json:"impact_speed_kms"`
	ImpactAngleDeg      *float64 `json:"impact_angle_deg"`
	SolverPropagations  int      `json:"solver_propagations"`
	GreatCircleRangeKm  float64  `json:"aim_range_km"`
	CatalogRangeKmLimit *float64 `json:"catalog_range_km,omitempty"`
}

func newFlyCmd() *cobra.Command {
	var (
		from, to, missile, profile string
		speedKms, angleDeg         float64
		apogeeKm, altKm            float64
		asJSON                     bool
		phys                       physicsFlags
	)
	cmd := &cobra.Command{
		Use:   "fly --from LAT,LON --to LAT,LON [--missile NAME | --burnout-speed-kms V]",
		Short: "Fly one missile from a launch point to an aim point",
		Long: `Fly one missile from a launch point to an aim point and print its range,
flight time, apogee, burnout state and impact.

--from and --to take decimal degrees "LAT,LON" (north and east positive, or
with N/S/E/W letters: 54.03N,35.80E) or a catalog place name ("Kozelsk").

With --missile, the named catalog missile (see 'rampart catalog') is flown
from launch through its boost stages, free flight and reentry, aimed at the
aim point. A ballistic missile's profile is min-energy (the burnout angle that
needs the least energy; thrust is cut early when the aim is short of the
missile's maximum range), lofted or depressed. A cruise missile flies the great
circle at its catalog speed and altitude, within its catalog range.

Without --missile, the flight starts at burnout at the launch point, at
--burnout-alt-km (0 by default), with the speed --burnout-speed-kms. Without
--burnout-speed-kms, rampart solves for the least burnout speed that reaches the
aim point (min-energy), or for the speed that reaches it at the given burnout
angle or apogee (lofted and depressed). Speeds are relative to the rotating
Earth; the flight-path angle is above the local horizontal.`,
		Example: `  rampart fly --from 54.03,35.80 --to 38.90,-77.04 --missile RS-24
  rampart fly --from Kozelsk --to Washington
  rampart fly --from 0,0 --to 0,90 --earth sphere --no-rotation --no-drag --json
  rampart fly --from Tabriz --to Bucharest --missile Sejjil --profile depressed --apogee-km 150`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" || to == "" {
				return badInput("fly: --from and --to are required (LAT,LON in degrees, or a catalog place name)")
			}
			if missile != "" && cmd.Flags().Changed("burnout-speed-kms") {
				return badInput("fly: give --missile or --burnout-speed-kms, not both")
			}
			for flag, v := range map[string]float64{"burnout-speed-kms": speedKms, "apogee-km": apogeeKm, "burnout-alt-km": altKm} {
				if cmd.Flags().Changed(flag) && !(v >= 0 && !math.IsInf(v, 0)) {
					return badInput("fly: --%s %g must be a non-negative number", flag, v)
				}
			}
			if cmd.Flags().Changed("burnout-angle-deg") && !(angleDeg > 0 && angleDeg < 90) {
				return badInput("fly: --burnout-angle-deg %g must lie in (0, 90) degrees", angleDeg)
			}
			prof := scenario.Profile(profile)
			if !isProfile(prof) {
				return badInput("fly: --profile %q is not allowed; allowed: min-energy, lofted, depressed", profile)
			}
			opts, err := phys.options()
			if err != nil {
				return err
			}
			launch, launchName, err := parsePlace("--from", from)
			if err != nil {
				return err
			}
			aim, aimName, err := parsePlace("--to", to)
			if err != nil {
				return err
			}
			if missile != "" {
				if _, err := catalog.Lookup(missile); err != nil {
					return inputError{fmt.Errorf("fly: --missile: %w", err)}
				}
			}
			th := scenario.Threat{
				Name: "fly", Missile: missile, BurnoutSpeedKms: speedKms,
				From:    scenario.Point{LatDeg: launch.LatDeg(), LonDeg: launch.LonDeg(), AltM: altKm * 1e3},
				To:      scenario.Point{LatDeg: aim.LatDeg(), LonDeg: aim.LonDeg()},
				Profile: prof, ApogeeKm: apogeeKm, BurnoutAngleDeg: angleDeg, Count: 1,
			}
			f, err := study.FlyOne(th, opts)
			if err != nil {
				var se *scenario.Errors
				if errors.As(err, &se) && len(se.Problems) > 0 {
					return badInput("fly: %s", se.Problems[0].Msg)
				}
				return err
			}
			f.LaunchName, f.AimName = launchName, aimName
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, flyDoc(f, phys.describe(opts), opts))
			}
			return writeFlyText(cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&from, "from", "", "launch point: LAT,LON in decimal degrees, or a catalog place name (required)")
	fl.StringVar(&to, "to", "", "aim point: LAT,LON in decimal degrees, or a catalog place name (required)")
	fl.StringVar(&missile, "missile", "", "catalog ballistic or cruise missile to fly from launch (see 'rampart catalog --kind ballistic-missile')")
	fl.Float64Var(&speedKms, "burnout-speed-kms", 0, "burnout speed relative to the Earth, km/s; omit to solve for it")
	fl.StringVar(&profile, "profile", "min-energy", "ballistic profile: min-energy, lofted or depressed")
	fl.Float64Var(&angleDeg, "burnout-angle-deg", 0, "burnout flight-path angle above the local horizontal, degrees (lofted/depressed; default: 15° off the min-energy angle)")
	fl.Float64Var(&apogeeKm, "apogee-km", 0, "apogee height above the ellipsoid, km (lofted/depressed, instead of --burnout-angle-deg)")
	fl.Float64Var(&altKm, "burnout-alt-km", 0, "burnout altitude above the ellipsoid, km (without --missile)")
	fl.BoolVar(&asJSON, "json", false, "print one JSON document to stdout and nothing else")
	phys.register(fl)
	return cmd
}

func isProfile(p scenario.Profile) bool {
	for _, q := range scenario.Profiles {
		if p == q {
			return true
		}
	}
	return false
}

// parsePlace parses LAT,LON or looks up a catalog place.
func parsePlace(flag, s string) (geo.LLA, string, error) {
	p, err := geo.ParseLatLon(s)
	if err == nil {
		return p, "", nil
	}
	e, lerr := catalog.Lookup(s)
	if lerr != nil || e.Kind != catalog.KindSite {
		return geo.LLA{}, "", badInput("fly: %s %q is neither LAT,LON in degrees (%v) nor a catalog place", flag, s, err)
	}
	return geo.LLADeg(e.Lat.Central, e.Lon.Central, 0), e.Name, nil
}

func flyDoc(f sim.Flight, phys earthJSON, opts sim.Options) flyJSON {
	d := flyJSON{Physics: phys, flightJSON: flightToJSON(f)}
	d.GreatCircleRangeKm = round(aimRange(f, opts)/1e3, 3)
	if tr := f.Ballistic; tr != nil {
		d.BurnoutTimeS = optional(tr.BurnoutTime-tr.LaunchTime, 2)
		d.ApogeeTimeS = optional(tr.ApogeeTime-tr.LaunchTime, 2)
		d.InertialBurnoutKms = optional(tr.InertialBurnoutSpeed/1e3, 4)
		d.BurnoutAzimuthDeg = optional(tr.BurnoutAzimuth*180/math.Pi, 3)
		d.ImpactSpeedKms = optional(tr.ImpactSpeed/1e3, 4)
		d.ImpactAngleDeg = optional(tr.ImpactAngle*180/math.Pi, 3)
		d.SolverPropagations = tr.Flights
	}
	if !math.IsNaN(f.ReachableRangeMax) {
		d.CatalogRangeKmLimit = optional(f.ReachableRangeMax/1e3, 1)
	}
	return d
}

func aimRange(f sim.Flight, opts sim.Options) float64 {
	s, _, _ := opts.Earth.Ellipsoid.Inverse(f.Launch.Lat, f.Launch.Lon, f.Aim.Lat, f.Aim.Lon)
	return s
}

func writeFlyText(cmd *cobra.Command, f sim.Flight) error {
	w := cmd.OutOrStdout()
	name := f.Missile
	if name == "" {
		name = "burnout-state flight"
	}
	if f.Ballistic != nil {
		fmt.Fprintf(w, "%s, %s profile\n", name, f.Profile)
	} else {
		fmt.Fprintf(w, "%s, great-circle cruise route\n", name)
	}
	fmt.Fprintf(w, "  launch        %s\n", placeLabel(f.LaunchName, f.Launch))
	fmt.Fprintf(w, "  aim           %s\n", placeLabel(f.AimName, f.Aim))
	fmt.Fprintf(w, "  range         %.1f km\n", f.GroundRange/1e3)
	fmt.Fprintf(w, "  flight time   %.1f s (%s)\n", f.FlightTime, clock(f.FlightTime))
	if tr := f.Ballistic; tr != nil {
		fmt.Fprintf(w, "  burnout       %.3f km/s Earth-relative (%.3f km/s inertial), %.2f° above horizontal, azimuth %.2f°, at %.1f s\n",
			tr.BurnoutSpeed/1e3, tr.InertialBurnoutSpeed/1e3, tr.BurnoutAngle*180/math.Pi, tr.BurnoutAzimuth*180/math.Pi, tr.BurnoutTime-tr.LaunchTime)
		fmt.Fprintf(w, "  apogee        %.1f km at %.1f s\n", tr.ApogeeAlt/1e3, tr.ApogeeTime-tr.LaunchTime)
		fmt.Fprintf(w, "  impact        %.4f,%.4f at %.3f km/s, %.1f°\n", f.Impact.LatDeg(), f.Impact.LonDeg(), tr.ImpactSpeed/1e3, tr.ImpactAngle*180/math.Pi)
	} else {
		fmt.Fprintf(w, "  cruise        %.3f km/s at %.0f m; range limit %.0f km\n", f.CruiseSpeed/1e3, f.Apogee, f.ReachableRangeMax/1e3)
		fmt.Fprintf(w, "  impact        %.4f,%.4f\n", f.Impact.LatDeg(), f.Impact.LonDeg())
	}
	fmt.Fprintf(w, "  miss          %.3f km\n", f.Miss/1e3)
	return nil
}
