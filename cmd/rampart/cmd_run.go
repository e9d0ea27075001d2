package main

import (
	"fmt"
	"math"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
)

// runJSON is the --json document of rampart run.
type runJSON struct {
	Scenario string       `json:"scenario"`
	File     string       `json:"file"`
	Question string       `json:"question"`
	Seed     int64        `json:"seed"`
	Trials   int          `json:"trials"`
	Physics  earthJSON    `json:"physics"`
	Sensors  []sensorJSON `json:"sensors"`
	Threats  []flightJSON `json:"threats"`
}

// sensorJSON is one radar of the run.
type sensorJSON struct {
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

func newRunCmd() *cobra.Command {
	var asJSON bool
	var phys physicsFlags
	cmd := &cobra.Command{
		Use:   "run [SCENARIO|FILE]",
		Short: "Run a scenario: fly every threat and print a table (or JSON)",
		Long: `Run a scenario: an embedded one by name (see 'rampart scenarios'), or a YAML
file. Without an argument, run the default scenario, "` + scenario.Default + `".

Every missile of every threat is flown: ballistic missiles from their catalog
stages, aimed at the aim point on the chosen profile; cruise missiles along the
great circle at their catalog speed and altitude. The table gives, for each
missile, the launch and aim points, ground range (km), flight time (m:ss),
apogee (km above the ellipsoid), Earth-relative burnout speed (km/s) and the
miss distance of the impact from the aim point (km).

Then the scenario's sensors run: radars look at each missile on their search
and track schedules (with exact Swerling detection statistics, 4/3-Earth
horizon and field of regard), space-based launch warning cues them, and each
owner's tracker (EKF, gating, optimal association, M-of-N initiation) builds
tracks, fused across linked owners. A second table gives, in seconds after
each missile's launch, the space warning, the first detection and its sensor,
the first firm track and the first fire-control-quality track and its owner.
Randomness comes from the scenario's run seed (trial 0), so a rerun is
identical.

With --json, one JSON document goes to stdout and nothing else. Each entry of
threats[] has the flight fields (range_km, flight_time_s, apogee_km,
burnout_speed_kms, miss_km, ...) and the sensing fields first_detection_s,
first_detection_sensor, firm_track_s, fire_control_s and fire_control_owner
(seconds after that missile's launch; null where never reached).`,
		Example: `  rampart run
  rampart run redzikowo-icbm --json
  rampart run my-raid.yaml --pick high`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := scenario.Default
			if len(args) == 1 {
				name = args[0]
			}
			opts, err := phys.options()
			if err != nil {
				return err
			}
			s, err := scenario.Load(name)
			if err != nil {
				return err
			}
			world, err := sim.Build(s, opts)
			if err != nil {
				return err
			}
			flights := world.Flights
			sensing, err := world.Sense(sim.TrialRand(s.Run.Seed, 0))
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				doc := runJSON{
					Scenario: s.Name, File: s.File, Question: s.Question,
					Seed: s.Run.Seed, Trials: s.Run.Trials,
					Physics: phys.describe(opts),
					Threats: make([]flightJSON, len(flights)),
				}
				for i, f := range flights {
					doc.Threats[i] = flightToJSON(f)
					doc.Threats[i].addSensing(f, sensing[i])
				}
				for _, u := range world.Radars {
					r := u.Radar
					doc.Sensors = append(doc.Sensors, sensorJSON{
						ID: u.ID, Type: u.Type, Owner: u.Owner,
						LatDeg: round(r.Site.LatDeg(), 6), LonDeg: round(r.Site.LonDeg(), 6),
						BoresightDeg: round(r.BoresightAz*180/math.Pi, 2),
						SearchFrameS: r.SearchFrame, TrackUpdateS: r.TrackInterval,
						MaxRangeKm: round(r.MaxRange/1e3, 1), TrackCapacity: r.MaxTracks,
					})
				}
				return writeJSON(out, doc)
			}
			fmt.Fprintf(out, "scenario %s: %s\n\n", s.Name, s.Question)
			if err := writeFlightTable(out, flights); err != nil {
				return err
			}
			fmt.Fprintf(out, "\nsensing (seed %d; times in seconds after each missile's launch):\n\n", s.Run.Seed)
			if err := writeSensingTable(out, flights, sensing); err != nil {
				return err
			}
			short := 0
			for _, f := range flights {
				if f.OutOfReach != "" {
					short++
				}
			}
			fmt.Fprintf(out, "\n%d missiles, %d out of reach; physics: %s Earth, J2 %v, rotation %v, drag %v; catalog values: %s.\n",
				len(flights), short, phys.earth, opts.Earth.J2 != 0, opts.Earth.Omega != 0, opts.Earth.Drag, opts.Pick)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON document to stdout and nothing else")
	phys.register(cmd.Flags())
	return cmd
}
