package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// runJSON is the --json document of rampart run.
type runJSON struct {
	Scenario     string         `json:"scenario"`
	File         string         `json:"file"`
	Question     string         `json:"question"`
	Headline     study.Headline `json:"headline"`
	Seed         int64          `json:"seed"`
	Trials       int            `json:"trials"`
	Architecture string         `json:"architecture"`
	Physics      earthJSON      `json:"physics"`
	Assets       []assetJSON    `json:"assets"`
	Threats      []threatJSON   `json:"threats"`
	Totals       totalsJSON     `json:"totals"`
	Commands     []commandJSON  `json:"commands"`
	Sensors      []sensorJSON   `json:"sensors"`
	EarlyWarning *earlyWarnJSON `json:"early_warning,omitempty"`
}

type assetJSON struct {
	Name     string     `json:"name"`
	Owner    string     `json:"owner,omitempty"`
	Value    float64    `json:"value"`
	PSurvive float64    `json:"p_survive"`
	CI95     [2]float64 `json:"p_survive_ci95"`
}

// threatJSON is one missile: its flight, its fate over the trials, and
// its sensing times (means over the trials that reached them, seconds
// after its launch; null if none did).
type threatJSON struct {
	flightJSON
	PLeak            *float64    `json:"p_leak"`
	PLeakCI95        *[2]float64 `json:"p_leak_ci95"`
	InterceptorsMean float64     `json:"interceptors_mean"`
	PDetected        float64     `json:"p_detected"`
	PFireControl     float64     `json:"p_fire_control"`
}

type totalsJSON struct {
	InterceptorsMean      float64 `json:"interceptors_mean"`
	LeakersMean           float64 `json:"leakers_mean"`
	DoubleEngagementsMean float64 `json:"double_engagements_mean"`
	SectorLeakersMean     float64 `json:"sector_leakers_mean"`
	SurvivingValueMean    float64 `json:"surviving_value_mean"`
	TotalValue            float64 `json:"total_value"`
}

type commandJSON struct {
	Name      string   `json:"name"`
	Picture   string   `json:"picture"`
	Launchers []string `json:"launchers"`
	Rounds    int      `json:"rounds"`
	Salvo     int      `json:"salvo"`
	SLS       bool     `json:"shoot_look_shoot"`
	Reserve   int      `json:"reserve"`
	Sectoral  bool     `json:"sectoral"`
}

// earlyWarnJSON is the value of shared early warning (--warning-value).
type earlyWarnJSON struct {
	SurvivingValueShared float64    `json:"surviving_value_shared"`
	SurvivingValueAlone  float64    `json:"surviving_value_alone"`
	Difference           float64    `json:"difference"`
	DifferenceCI95       [2]float64 `json:"difference_ci95"`
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

// runFlags are the Monte Carlo settings of rampart run.
type runFlags struct {
	asJSON       bool
	trials       int
	seed         int64
	workers      int
	warningValue bool
	out          string
}

func newRunCmd() *cobra.Command {
	var rf runFlags
	var phys physicsFlags
	cmd := &cobra.Command{
		Use:   "run [SCENARIO|FILE]",
		Short: "Run a scenario: fly the threats, then the whole defense loop as a Monte Carlo",
		Long: `Run a scenario: an embedded one by name (see 'rampart scenarios'), or a YAML
file. Without an argument, run the default scenario, "` + scenario.Default + `".

Every missile of every threat is flown: ballistic missiles from their catalog
stages, aimed at the aim point on the chosen profile; cruise missiles along the
great circle at their catalog speed and altitude.

Then the whole loop runs, once per trial: radars detect (exact Swerling
statistics, 4/3-Earth horizon, field of regard, cued by space-based launch
warning), trackers build fire-control tracks, each command evaluates each
track's predicted impact point against the defended assets, assigns salvos
to threats (one salvo per threat per look, the best expected value removed),
launches when the battle space allows, updates the kill vehicle in flight,
draws each intercept against the truth (homing reach and single-shot Pk),
assesses the kill and, under shoot-look-shoot, re-engages survivors while the
window lasts. The scenario's run.architecture decides who commands:
integrated (one command, one picture), sectoral (one joint picture, each owner
fires only at threats predicted to land in its sector) or separate-linked
(each owner its own picture, tracks shared over the scenario's links, each
fires alone).

Trial i draws from a random stream derived from (seed, i), so the results are
the same whatever the number of workers. The tables give each asset's survival
probability with its 95 % Wilson interval, each missile's leak probability,
interceptors fired at it and mean sensing times (seconds after its launch),
and the totals: interceptors, leakers, double engagements (one missile fired
at by two commands) and leakers a sector boundary let through.

With --warning-value the trials run a second time with no sharing between
owners (no links, each owner's own picture and space warning), on the same
streams, and the difference in surviving asset value is reported.

With --out DIR a report directory is written: report.html (self-contained,
offline: map, altitude plot, tables, every catalog parameter used with its
source), results.json (the --json document), events.csv (every shot and leak
of every trial) and scene.json (the geometry; see 'rampart export').

With --json, one JSON document goes to stdout and nothing else: scenario,
seed, trials, assets[] (name, p_survive, p_survive_ci95), threats[] (the
flight fields, p_leak, interceptors_mean, first_detection_s, space_warning_s,
firm_track_s, fire_control_s, ...), totals (interceptors_mean, leakers_mean,
double_engagements_mean, ...), commands[] and sensors[]. A progress bar goes
to stderr when stderr is a terminal.`,
		Example: `  rampart run
  rampart run --trials 1000 --seed 7
  rampart run architecture --warning-value --json
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
			s, st, err := study.Load(name)
			if err != nil {
				return err
			}
			seed, trials := s.Run.Seed, s.Run.Trials
			if cmd.Flags().Changed("seed") {
				if rf.seed < 0 || rf.seed > scenario.MaxSeed {
					return badInput("--seed %d is out of range; allowed: 0 to %d", rf.seed, int64(scenario.MaxSeed))
				}
				seed = rf.seed
			}
			if cmd.Flags().Changed("trials") {
				if rf.trials < 1 || rf.trials > scenario.MaxTrials {
					return badInput("--trials %d is out of range; allowed: 1 to %d", rf.trials, scenario.MaxTrials)
				}
				trials = rf.trials
			}
			if rf.workers < 0 {
				return badInput("--workers %d is out of range; allowed: 0 (all cores) or more", rf.workers)
			}
			workers := rf.workers
			if workers == 0 {
				workers = runtime.GOMAXPROCS(0)
			}
			if st != nil {
				return runStudy(cmd, s, st, rf, phys, opts, seed, trials, workers)
			}
			world, err := study.BuildWorld(s, opts)
			if err != nil {
				return err
			}
			monteCarlo := func(w *sim.World) (*sim.Summary, error) {
				bar := newProgress(cmd.ErrOrStderr(), trials)
				defer bar.done()
				return w.MonteCarlo(cmd.Context(), seed, trials, workers, bar.update)
			}
			sum, err := monteCarlo(world)
			if err != nil {
				return err
			}
			var warn *sim.SharingValue
			if rf.warningValue {
				if s.Run.Architecture == scenario.Integrated {
					return badInput("--warning-value compares owners sharing warning with owners alone; it needs run.architecture sectoral or separate-linked, and %s is integrated", s.File)
				}
				alone := opts
				alone.NoSharing = true
				w2, err := study.BuildWorld(s, alone)
				if err != nil {
					return err
				}
				sum2, err := monteCarlo(w2)
				if err != nil {
					return err
				}
				v := sim.CompareSharing(sum, sum2)
				warn = &v
			}
			out := cmd.OutOrStdout()
			doc := runDocument(s, world, sum, warn, phys.describe(opts))
			if rf.out != "" {
				if err := writeReportDir(rf.out, s, world, sum, doc); err != nil {
					return err
				}
			}
			if rf.asJSON {
				return writeJSON(out, doc)
			}
			return writeRunText(out, s, world, sum, warn, phys, opts)
		},
	}
	cmd.Flags().BoolVar(&rf.asJSON, "json", false, "print one JSON document to stdout and nothing else")
	cmd.Flags().IntVar(&rf.trials, "trials", 0, "Monte Carlo trials (default: the scenario's run.trials)")
	cmd.Flags().Int64Var(&rf.seed, "seed", 0, "random seed (default: the scenario's run.seed)")
	cmd.Flags().IntVar(&rf.workers, "workers", 0, "parallel workers (default 0: one per core); results do not depend on it")
	cmd.Flags().StringVar(&rf.out, "out", "", "also write a report directory: report.html, results.json, events.csv and scene.json (for rampart export)")
	cmd.Flags().BoolVar(&rf.warningValue, "warning-value", false, "also run without sharing between owners and report the value of shared early warning")
	phys.register(cmd.Flags())
	cmd.SetContext(context.Background())
	return cmd
}

func runDocument(s *scenario.Scenario, world *sim.World, sum *sim.Summary, warn *sim.SharingValue, phys earthJSON) runJSON {
	doc := runJSON{
		Scenario: s.Name, File: s.File, Question: s.Question, Headline: study.EngineHeadline(s, sum),
		Seed: sum.Seed, Trials: sum.Trials, Architecture: string(s.Run.Architecture),
		Physics: phys,
		Assets:  []assetJSON{}, Threats: []threatJSON{}, Commands: []commandJSON{}, Sensors: []sensorJSON{},
		Totals: totalsJSON{
			InterceptorsMean: round(sum.InterceptorsMean, 4), LeakersMean: round(sum.LeakersMean, 4),
			DoubleEngagementsMean: round(sum.DoubleEngagementsMean, 4), SectorLeakersMean: round(sum.SectorLeakersMean, 4),
			SurvivingValueMean: round(sum.SurvivingValueMean, 4), TotalValue: sum.TotalValue,
		},
	}
	for _, a := range sum.Assets {
		doc.Assets = append(doc.Assets, assetJSON{Name: a.Name, Owner: a.Owner, Value: a.Value,
			PSurvive: round(a.PSurvive, 4), CI95: [2]float64{round(a.CI95[0], 4), round(a.CI95[1], 4)}})
	}
	nf := float64(sum.Trials)
	for i, f := range world.Flights {
		ts := sum.Threats[i]
		j := threatJSON{flightJSON: flightToJSON(f), InterceptorsMean: round(ts.InterceptorsMean, 4),
			PDetected: round(float64(ts.Detected)/nf, 4), PFireControl: round(float64(ts.FireControlled)/nf, 4)}
		if f.OutOfReach == "" {
			p := round(ts.PLeak, 4)
			ci := [2]float64{round(ts.CI95[0], 4), round(ts.CI95[1], 4)}
			j.PLeak, j.PLeakCI95 = &p, &ci
		}
		j.addSensingStats(ts)
		doc.Threats = append(doc.Threats, j)
	}
	for _, c := range world.Commands {
		cj := commandJSON{Name: c.Name, Picture: c.Picture, Launchers: []string{}, Salvo: c.Doctrine.Salvo,
			SLS: c.Doctrine.ShootLookShoot, Reserve: c.Doctrine.Reserve, Sectoral: c.Sectoral}
		for _, l := range c.Launchers {
			cj.Launchers = append(cj.Launchers, world.Launchers[l].ID)
			cj.Rounds += world.Launchers[l].Rounds
		}
		doc.Commands = append(doc.Commands, cj)
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
	if warn != nil {
		doc.EarlyWarning = &earlyWarnJSON{
			SurvivingValueShared: round(warn.WithMean, 4), SurvivingValueAlone: round(warn.WithoutMean, 4),
			Difference: round(warn.DiffMean, 4), DifferenceCI95: [2]float64{round(warn.DiffCI95[0], 4), round(warn.DiffCI95[1], 4)},
		}
	}
	return doc
}

func writeRunText(out io.Writer, s *scenario.Scenario, world *sim.World, sum *sim.Summary, warn *sim.SharingValue, phys physicsFlags, opts sim.Options) error {
	h := study.EngineHeadline(s, sum)
	fmt.Fprintf(out, "scenario %s: %s\n\nheadline: %s\n\n", s.Name, s.Question, h.Answer)
	if err := writeFlightTable(out, world.Flights); err != nil {
		return err
	}
	fmt.Fprintf(out, "\ndefense: %s architecture; %d trials, seed %d\n\n", s.Run.Architecture, sum.Trials, sum.Seed)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ASSET\tOWNER\tVALUE\tP(SURVIVE)\t95% CI\t")
	for _, a := range sum.Assets {
		owner := a.Owner
		if owner == "" {
			owner = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%g\t%.3f\t%.3f–%.3f\t\n", a.Name, owner, a.Value, a.PSurvive, a.CI95[0], a.CI95[1])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out)
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "THREAT\tP(LEAK)\tINTERCEPTORS\tDETECTED s\tFIRE CONTROL s\tBY\tIMPACT s\t")
	sec := func(v float64) string {
		if math.IsNaN(v) {
			return "never"
		}
		return fmt.Sprintf("%.1f", v)
	}
	for i, f := range world.Flights {
		if f.OutOfReach != "" {
			continue
		}
		ts := sum.Threats[i]
		by := ts.FireControlOwner
		if by == "" {
			by = "-"
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.2f\t%s\t%s\t%s\t%.1f\t\n", f.Name, ts.PLeak, ts.InterceptorsMean, sec(ts.FirstDetection), sec(ts.FireControl), by, f.FlightTime)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nper trial: %.2f interceptors fired, %.2f leakers, %.2f double engagements, %.2f sector-boundary leakers; surviving value %.2f of %g\n",
		sum.InterceptorsMean, sum.LeakersMean, sum.DoubleEngagementsMean, sum.SectorLeakersMean, sum.SurvivingValueMean, sum.TotalValue)
	if warn != nil {
		fmt.Fprintf(out, "value of shared early warning: surviving value %.2f shared vs %.2f alone: %+.2f (95%% CI %+.2f to %+.2f)\n",
			warn.WithMean, warn.WithoutMean, warn.DiffMean, warn.DiffCI95[0], warn.DiffCI95[1])
	}
	short := 0
	for _, f := range world.Flights {
		if f.OutOfReach != "" {
			short++
		}
	}
	fmt.Fprintf(out, "%d missiles, %d out of reach; physics: %s Earth, J2 %v, rotation %v, drag %v; catalog values: %s.\n",
		len(world.Flights), short, phys.earth, opts.Earth.J2 != 0, opts.Earth.Omega != 0, opts.Earth.Drag, opts.Pick)
	return nil
}

// progress draws a progress bar on a terminal; elsewhere it does nothing.
type progress struct {
	w     io.Writer
	total int
	last  int
	on    bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

const barWidth = 40

func (p *progress) update(done int) {
	if !p.on {
		return
	}
	pct := done * 100 / max(p.total, 1)
	if pct == p.last && done != p.total {
		return
	}
	p.last = pct
	n := done * barWidth / max(p.total, 1)
	bar := make([]byte, barWidth)
	for i := range bar {
		bar[i] = ' '
		if i < n {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.w, "\r[%s] %3d%% %d/%d trials", bar, pct, done, p.total)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintln(p.w)
	}
}
