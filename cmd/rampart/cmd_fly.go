package main

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

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
aim point. A ballistic missile's profile is min-energy (the trajectory that
needs the least energy: short of its maximum range a liquid-fuelled missile
cuts its thrust early, a solid one wastes the surplus in an energy-management
weave), lofted or depressed (shaped by --apogee-km or --burnout-angle-deg),
or quasi-ballistic (a low, flat trajectory at the catalog apogee or
--apogee-km, as Iskander-M flies). A cruise missile flies the great
circle at its catalog speed and altitude, within its catalog range.

Without --missile, the flight starts at burnout above the launch point, at
the altitude --burnout-alt-km (default 0, the surface), with the speed
--burnout-speed-kms, which must lie below escape speed there (11.2 km/s at
the surface, 10.2 km/s at 1,283 km). Without
--burnout-speed-kms, rampart solves for the least burnout speed that reaches the
aim point (min-energy), or for the speed that reaches it at the given burnout
angle or apogee (lofted and depressed). Speeds are relative to the rotating
Earth; the flight-path angle is above the local horizontal.`,
		Example: `  rampart fly --from 54.03,35.80 --to 38.90,-77.04 --missile RS-24
  rampart fly --from Kozelsk --to Washington
  rampart fly --from 0,0 --to 0,90 --earth sphere --no-rotation --no-drag --json
  rampart fly --from Tabriz --to Bucharest --missile Sejjil --profile depressed --apogee-km 300
  rampart fly --from Kaliningrad --to Malbork --missile Iskander-M --profile quasi-ballistic
  rampart fly --from 0,0 --to 0,60 --burnout-alt-km 477.8 --earth sphere --no-rotation --no-drag`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" || to == "" {
				return badInput("fly: --from and --to are required (LAT,LON in degrees, or a catalog place name)")
			}
			if missile != "" && cmd.Flags().Changed("burnout-speed-kms") {
				return badInput("fly: give --missile or --burnout-speed-kms, not both")
			}
			if cmd.Flags().Changed("burnout-speed-kms") && !(speedKms > 0) {
				// 0 is the Threat's "solve for the speed": only an absent
				// flag means that.
				return badInput("fly: --burnout-speed-kms %g is out of range; allowed: greater than 0, less than %d km/s; omit the flag to solve for the speed", speedKms, scenario.MaxBurnoutSpeedKms)
			}
			// Checked in a fixed order, so that a command line with several
			// bad flags always gets the same message.
			if cmd.Flags().Changed("apogee-km") && !(apogeeKm > 0 && apogeeKm <= scenario.MaxApogeeKm) {
				// As a scenario's apogee_km; 6000 was silently ignored.
				return badInput("fly: --apogee-km %g is out of range; allowed: greater than 0, at most %d km", apogeeKm, scenario.MaxApogeeKm)
			}
			if cmd.Flags().Changed("burnout-alt-km") {
				if missile != "" {
					return badInput("fly: --burnout-alt-km applies only to a burnout-state flight (no --missile); %s is flown from launch, so the missile fixes its burnout altitude", missile)
				}
				if !(altKm >= 0 && altKm <= scenario.MaxBurnoutAltKm) {
					return badInput("fly: --burnout-alt-km %g is out of range; allowed: 0 to %d km above the launch point", altKm, scenario.MaxBurnoutAltKm)
				}
			}
			if cmd.Flags().Changed("burnout-angle-deg") && !(angleDeg > 0 && angleDeg < 90) {
				return badInput("fly: --burnout-angle-deg %g must lie in (0, 90) degrees", angleDeg)
			}
			prof := scenario.Profile(profile)
			if !isProfile(prof) {
				return badInput("fly: --profile %q is not allowed; allowed: min-energy, lofted, depressed, quasi-ballistic", profile)
			}
			if err := checkShapeFlags(cmd.Flags(), missile, prof); err != nil {
				return err
			}
			opts, err := phys.options()
			if err != nil {
				return err
			}
			advice := "try another --apogee-km, --burnout-angle-deg or --profile"
			launch, launchName, err := parsePlace("--from", from)
			if err != nil {
				return err
			}
			aim, aimName, err := parsePlace("--to", to)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("burnout-speed-kms") {
				if err := checkBurnoutSpeed(speedKms, altKm, launch); err != nil {
					return err
				}
			}
			if d, _, _ := geo.WGS84.Inverse(launch.Lat, launch.Lon, aim.Lat, aim.Lon); d < flight.MinAimDistanceM {
				return badInput("fly: --to %s is the launch point (--from %s, %.0f m away); give an aim point at least %.0f km from it", to, from, d, flight.MinAimDistanceM/1e3)
			}
			if prof == scenario.QuasiBallistic {
				// fly refuses --burnout-angle-deg with quasi-ballistic.
				advice = "try another --apogee-km or --profile"
			}
			th := scenario.Threat{
				Name: "fly", Missile: missile, BurnoutSpeedKms: speedKms, BurnoutAltKm: altKm,
				From:    scenario.Point{LatDeg: launch.LatDeg(), LonDeg: launch.LonDeg()},
				To:      scenario.Point{LatDeg: aim.LatDeg(), LonDeg: aim.LonDeg()},
				Profile: prof, ApogeeKm: apogeeKm, BurnoutAngleDeg: angleDeg, Count: 1,
			}
			f, err := study.FlyOne(th, opts)
			if err != nil {
				var se *scenario.Errors
				if errors.As(err, &se) && len(se.Problems) > 0 {
					msg := flagWords(se.Problems[0].Msg)
					if cmd.Flags().Changed("burnout-speed-kms") {
						// The shape flags are refused with a given speed.
						advice = "try another --burnout-speed-kms or --profile"
					}
					msg = strings.Replace(msg, "try another --apogee-km, --burnout-angle-deg or --profile", advice, 1)
					return badInput("fly: %s", msg)
				}
				return err
			}
			f.LaunchName, f.AimName = launchName, aimName
			out := cmd.OutOrStdout()
			if asJSON {
				return jsonout.Write(out, study.FlyDocument(f, phys.describe(opts), opts))
			}
			return study.WriteFlyText(out, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&from, "from", "", "launch point: LAT,LON in decimal degrees, or a catalog place name (required)")
	fl.StringVar(&to, "to", "", "aim point: LAT,LON in decimal degrees, or a catalog place name (required)")
	fl.StringVar(&missile, "missile", "", "catalog ballistic or cruise missile to fly from launch (see 'rampart catalog --kind ballistic-missile')")
	fl.Float64Var(&speedKms, "burnout-speed-kms", 0, "burnout speed relative to the Earth, km/s, greater than 0 and less than 11 (a margin below escape speed); omit to solve for it")
	fl.StringVar(&profile, "profile", "min-energy", "ballistic profile: min-energy, lofted, depressed or quasi-ballistic")
	fl.Float64Var(&angleDeg, "burnout-angle-deg", 0, "burnout flight-path angle above the local horizontal, degrees (lofted/depressed; default: 15° off the min-energy angle)")
	fl.Float64Var(&apogeeKm, "apogee-km", 0, "apogee height above the ellipsoid, km (lofted/depressed, instead of --burnout-angle-deg)")
	fl.Float64Var(&altKm, "burnout-alt-km", 0, "burnout altitude above the launch point, km, 0 to 5000 (burnout-state flights only)")
	fl.BoolVar(&asJSON, "json", false, "print one JSON document to stdout and nothing else")
	phys.register(fl)
	return cmd
}

// checkBurnoutSpeed refuses a --burnout-speed-kms that the flight model or
// the scenario format would refuse, in the model's words: at or above the
// escape speed at the burnout altitude (altKm above the surface) the flight
// never comes back down; scenarios accept speeds below
// scenario.MaxBurnoutSpeedKms, a margin below the 11.2 km/s surface escape
// speed. The burnout point is altKm above launch.
func checkBurnoutSpeed(speedKms, altKm float64, launch geo.LLA) error {
	bo := launch
	bo.Alt += altKm * 1e3
	esc := flight.BurnoutEscapeSpeed(flight.WGS84Earth(), bo) / 1e3
	at := "at the surface"
	if altKm > 0 {
		at = fmt.Sprintf("at the burnout altitude of %.0f km; %.1f km/s at the surface", altKm, flight.SurfaceEscapeSpeed/1e3)
	}
	if speedKms >= esc {
		return badInput("fly: --burnout-speed-kms %g: above escape speed (%.1f km/s %s): the flight would never come back down; allowed: greater than 0, less than %.1f km/s", speedKms, esc, at, math.Min(esc, scenario.MaxBurnoutSpeedKms))
	}
	if speedKms >= scenario.MaxBurnoutSpeedKms {
		return badInput("fly: --burnout-speed-kms %g is below escape speed (%.1f km/s %s) but above the %d km/s that rampart flies, a margin kept below escape speed; allowed: greater than 0, less than %d km/s", speedKms, esc, at, scenario.MaxBurnoutSpeedKms, scenario.MaxBurnoutSpeedKms)
	}
	return nil
}

// checkShapeFlags refuses the flags that would have no effect on this
// flight (issue 12: --apogee-km with min-energy, --pick without --missile
// were accepted and ignored), in a fixed order.
func checkShapeFlags(fl *pflag.FlagSet, missile string, prof scenario.Profile) error {
	set := fl.Changed
	if missile == "" {
		if set("pick") {
			return badInput("fly: --pick chooses the catalog values of --missile; a burnout-state flight (no --missile) takes its values from the flags")
		}
	} else {
		e, err := catalog.Lookup(missile)
		if err != nil {
			return inputError{fmt.Errorf("fly: --missile: %w", err)}
		}
		if e.Kind == catalog.KindCruiseMissile {
			for _, f := range []string{"profile", "apogee-km", "burnout-angle-deg", "no-rotation", "no-drag"} {
				if set(f) {
					return badInput("fly: --%s applies only to ballistic missiles; %s is a cruise missile, flown along the great circle at its catalog speed and altitude", f, e.Name)
				}
			}
			return nil
		}
	}
	switch {
	case prof == scenario.MinEnergy && (set("apogee-km") || set("burnout-angle-deg")):
		f := "apogee-km"
		if !set(f) {
			f = "burnout-angle-deg"
		}
		return badInput("fly: --%s applies only to --profile lofted or depressed; min-energy fixes the trajectory", f)
	case prof == scenario.QuasiBallistic && set("burnout-angle-deg"):
		return badInput("fly: --burnout-angle-deg does not apply to --profile quasi-ballistic, which is shaped by its apogee; give --apogee-km or neither")
	case set("apogee-km") && set("burnout-angle-deg"):
		return badInput("fly: give either --apogee-km or --burnout-angle-deg, not both")
	case set("burnout-speed-kms") && (set("apogee-km") || set("burnout-angle-deg")):
		return badInput("fly: --burnout-speed-kms and --profile %s fix the trajectory; give --apogee-km or --burnout-angle-deg, or --burnout-speed-kms, not both", prof)
	}
	return nil
}

// modelFlags are the scenario fields that the flight model's messages name
// (flight.InputError fields, the aim solver's advice), with the fly flag
// that sets each.
var modelFlags = strings.NewReplacer(
	"flight: burnout_speed_kms = ", "--burnout-speed-kms ",
	"flight: burnout_alt_km = ", "--burnout-alt-km ",
	"flight: burnout_angle_deg = ", "--burnout-angle-deg ",
	"flight: apogee_km = ", "--apogee-km ",
	"burnout_speed_kms", "--burnout-speed-kms",
	"burnout_alt_km", "--burnout-alt-km",
	"burnout_angle_deg", "--burnout-angle-deg",
	"apogee_km", "--apogee-km",
	" or profile", " or --profile",
	" of the threat ", " of the burnout-state flight ",
	// The model joins the errors of its attempts one a line; fly prints
	// one line.
	"\n", "; ",
)

// flagWords rewrites a message of the flight model, which names the
// scenario's fields (burnout_speed_kms), in the words of fly's command line
// (--burnout-speed-kms).
func flagWords(msg string) string { return modelFlags.Replace(msg) }

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
