package study

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/sim"
)

// EngagementJSON is what one interceptor type did against one threat over
// the trials: shots fired and kills drawn (means per trial), and the mean
// intercept point of its shots. A kill is a shot whose end game was drawn
// a success against a target still in flight; every other shot is a miss.
type EngagementJSON struct {
	Threat      string  `json:"threat"`
	Kind        string  `json:"kind"` // catalog kind of the threat: ballistic-missile, cruise-missile, aircraft
	Interceptor string  `json:"interceptor"`
	ShotsMean   float64 `json:"shots_mean"`
	KillsMean   float64 `json:"kills_mean"`
	// Mean planned intercept point of the shots (geodetic mean of their
	// latitudes, longitudes and altitudes).
	InterceptLatDeg float64 `json:"intercept_lat_deg"`
	InterceptLonDeg float64 `json:"intercept_lon_deg"`
	InterceptAltKm  float64 `json:"intercept_alt_km"`
}

// engagementTally sums, in trial order, the shots of each interceptor type
// at each flight.
type engagementTally struct {
	world  *sim.World
	trials int
	by     map[[2]string]*engagementSum // flight name, interceptor
	order  [][2]string                  // keys in order of first shot
}

type engagementSum struct {
	flight        int
	shots, kills  int
	lat, lon, alt float64
}

// newEngagementTally is the tally of w's engagements, which a report
// lists for an air raid only (airRaid); for any other raid it is nil,
// which observes nothing and has no rows.
func newEngagementTally(w *sim.World) *engagementTally {
	if !airRaid(w) {
		return nil
	}
	return &engagementTally{world: w, by: map[[2]string]*engagementSum{}}
}

// observe adds trial t's shots.
func (e *engagementTally) observe(_ int, o *sim.Outcome) {
	if e == nil {
		return
	}
	e.trials++
	for _, s := range o.Shots {
		if s.Flight < 0 {
			continue
		}
		k := [2]string{e.world.Flights[s.Flight].Name, s.Interceptor}
		sum := e.by[k]
		if sum == nil {
			sum = &engagementSum{flight: s.Flight}
			e.by[k] = sum
			e.order = append(e.order, k)
		}
		sum.shots++
		if s.Kill {
			sum.kills++
		}
		sum.lat += s.Pos.Lat
		sum.lon += s.Pos.Lon
		sum.alt += s.Pos.Alt
	}
}

// rows returns the engagements in flight order, then interceptor order of
// first shot (nil for a nil tally: not an air raid).
func (e *engagementTally) rows() []EngagementJSON {
	if e == nil {
		return nil
	}
	out := []EngagementJSON{}
	n := float64(max(e.trials, 1))
	for i, f := range e.world.Flights {
		for _, k := range e.order {
			s := e.by[k]
			if s.flight != i {
				continue
			}
			ns := float64(s.shots)
			out = append(out, EngagementJSON{
				Threat: f.Name, Kind: string(f.Kind), Interceptor: k[1],
				ShotsMean: float64(s.shots) / n, KillsMean: float64(s.kills) / n,
				InterceptLatDeg: round6(s.lat / ns * 180 / math.Pi), InterceptLonDeg: round6(s.lon / ns * 180 / math.Pi),
				InterceptAltKm: round6(s.alt / ns / 1e3),
			})
		}
	}
	return out
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// airRaid reports whether world has a cruise missile or an aircraft: its
// report then lists the engagements and calls the leakers threats, not
// warheads.
func airRaid(world *sim.World) bool {
	for _, f := range world.Flights {
		if f.Kind == catalog.KindCruiseMissile || f.Kind == catalog.KindAircraft {
			return true
		}
	}
	return false
}

// leakerUnit is what leaks from world's raid: "warheads", or "threats"
// for an air raid (cruise missiles and aircraft carry no warhead of the
// model).
func leakerUnit(world *sim.World) string {
	if airRaid(world) {
		return "threats"
	}
	return "warheads"
}

// writeEngagements writes the engagement table of an air raid's text
// report.
func writeEngagements(out io.Writer, rows []EngagementJSON) error {
	fmt.Fprintln(out, "\nengagements (means per trial; intercept point: mean of the shots' planned points; a kill is a drawn end-game success):")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "THREAT\tKIND\tINTERCEPTOR\tSHOTS\tKILLS\tINTERCEPT AT\tALT km\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.2f,%.2f\t%.2f\t\n", r.Threat, strings.ReplaceAll(r.Kind, "-", " "), r.Interceptor,
			roundMean(r.ShotsMean), roundMean(r.KillsMean), r.InterceptLatDeg, r.InterceptLonDeg, r.InterceptAltKm)
	}
	if len(rows) == 0 {
		fmt.Fprintln(tw, "none\t\t\t\t\t\t\t")
	}
	return tw.Flush()
}

// engagementTable is the engagement table of an air raid's report.
func engagementTable(rows []EngagementJSON) report.Table {
	t := report.Table{Caption: "Engagements: what each interceptor type did against each threat (means per trial; intercept point: mean of the shots' planned points; a kill is a drawn end-game success)", Columns: []report.Column{
		{Heading: "threat"}, {Heading: "kind"}, {Heading: "interceptor"}, {Heading: "shots", Numeric: true}, {Heading: "kills", Numeric: true},
		{Heading: "intercept lat", Unit: "deg", Numeric: true}, {Heading: "intercept lon", Unit: "deg", Numeric: true}, {Heading: "intercept alt", Unit: "km", Numeric: true}}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Threat, strings.ReplaceAll(r.Kind, "-", " "), r.Interceptor, fmt.Sprintf("%.2f", r.ShotsMean), fmt.Sprintf("%.2f", r.KillsMean),
			fmt.Sprintf("%.3f", r.InterceptLatDeg), fmt.Sprintf("%.3f", r.InterceptLonDeg), fmt.Sprintf("%.2f", r.InterceptAltKm)})
	}
	return t
}
