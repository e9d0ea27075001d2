package study

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/sim"
)

// WriteFlyText writes the summary of one flight (rampart fly).
func WriteFlyText(w io.Writer, f sim.Flight) error {
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
		fmt.Fprintf(w, "  burnout       %.3f km/s Earth-relative (%.3f km/s inertial), %.2f° above horizontal, azimuth %.2f°, at %.1f s and %s km altitude\n",
			tr.BurnoutSpeed/1e3, tr.InertialBurnoutSpeed/1e3, tr.BurnoutAngle*180/math.Pi, tr.BurnoutAzimuth*180/math.Pi, tr.BurnoutTime-tr.LaunchTime, fmtF1(tr.Burnout.Alt/1e3))
		fmt.Fprintf(w, "  apogee        %s km at %.1f s\n", fmtF1(tr.ApogeeAlt/1e3), tr.ApogeeTime-tr.LaunchTime)
		fmt.Fprintf(w, "  impact        %.4f,%.4f at %.3f km/s, %.1f°\n", f.Impact.LatDeg(), f.Impact.LonDeg(), tr.ImpactSpeed/1e3, tr.ImpactAngle*180/math.Pi)
	} else {
		fmt.Fprintf(w, "  cruise        %.3f km/s at %.0f m; range limit %.0f km\n", f.CruiseSpeed/1e3, f.Apogee, f.ReachableRangeMax/1e3)
		fmt.Fprintf(w, "  impact        %.4f,%.4f\n", f.Impact.LatDeg(), f.Impact.LonDeg())
	}
	fmt.Fprintf(w, "  miss          %.3f km\n", f.Miss/1e3)
	return nil
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
