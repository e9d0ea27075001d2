package study

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
)

// engineSections are the report's sections of an engine run: the outcome
// (asset survival, each missile's fate) and the raid's geometry.
func engineSections(s *scenario.Scenario, world *sim.World, sum *sim.Summary, sc *scene.Scene, eventsNote string, engagements []EngagementJSON) []report.Section {
	assets := report.Table{Caption: "Asset survival (95 % Wilson score intervals). Status: defended (a missile in reach was aimed at it and the defense engaged), attacked, not engaged, not attacked, or out of reach (every missile aimed at it falls short).", Columns: []report.Column{
		{Heading: "asset"}, {Heading: "owner"}, {Heading: "value", Numeric: true}, {Heading: "status"}, {Heading: "missiles aimed", Numeric: true}, {Heading: "P(survive)", Numeric: true}, {Heading: "95 % CI", Numeric: true}}}
	for _, a := range AssetFates(world, sum) {
		assets.Rows = append(assets.Rows, []string{a.Name, a.Owner, report.FormatNumber(a.Value), a.Status.Words(), strconv.Itoa(a.Attackers), fmt.Sprintf("%.3f", a.PSurvive), fmt.Sprintf("%.3f–%.3f", a.CI95[0], a.CI95[1])})
	}
	threats := report.Table{Caption: "Missiles: leak probability, interceptors fired, mean sensing times after launch", Columns: []report.Column{
		{Heading: "missile"}, {Heading: "P(leak)", Numeric: true}, {Heading: "interceptors", Numeric: true},
		{Heading: "detected", Unit: "s", Numeric: true}, {Heading: "fire control", Unit: "s", Numeric: true}, {Heading: "flight", Unit: "s", Numeric: true}}}
	for i, f := range world.Flights {
		if f.OutOfReach != "" {
			threats.Rows = append(threats.Rows, []string{f.Name, "out of reach", "", "", "", ""})
			continue
		}
		ts := sum.Threats[i]
		threats.Rows = append(threats.Rows, []string{f.Name, fmt.Sprintf("%.3f", ts.PLeak), fmt.Sprintf("%.2f", ts.InterceptorsMean), seconds(ts.FirstDetection), seconds(ts.FireControl), fmt.Sprintf("%.1f", f.FlightTime)})
	}
	totals := fmt.Sprintf("Per trial: %.2f interceptors fired, %.2f leakers, %.2f double engagements, %.2f sector-boundary leakers.",
		sum.InterceptorsMean, sum.LeakersMean, sum.DoubleEngagementsMean, sum.SectorLeakersMean)
	totals += fmt.Sprintf(" Mean surviving value %.1f of %g (%s architecture, %s fidelity).", sum.SurvivingValueMean, sum.TotalValue, s.Run.Architecture, world.Options.Fidelity)
	if world.Options.Fidelity == sim.FastFidelity {
		totals += " " + fastCaveat
	}
	text := []string{totals}
	if eventsNote != "" {
		text = append(text, eventsNote)
	}
	blocks := []report.Block{assets, threats}
	if engagements != nil {
		blocks = append(blocks, engagementTable(engagements))
	}
	return []report.Section{
		{Heading: "Outcome", Text: text, Blocks: blocks},
		report.SceneSection("Geometry of the raid (intercepts of trial 0)", sc),
	}
}

// seconds formats a time in seconds, or "never" for NaN.
func seconds(v float64) string {
	if math.IsNaN(v) {
		return "never"
	}
	return fmt.Sprintf("%.1f", v)
}

// writeEngineText writes the text summary of an engine run.
func writeEngineText(out io.Writer, s *scenario.Scenario, world *sim.World, sum *sim.Summary, warn *sim.SharingValue, eventsNote string, engagements []EngagementJSON, o Options) error {
	h := EngineHeadline(s, world, sum)
	fmt.Fprintf(out, "scenario %s: %s\n\nheadline: %s\n\n", s.Name, s.Question, h.Answer)
	nf := min(len(world.Flights), MaxTextRows)
	if err := writeFlightTable(out, world.Flights[:nf]); err != nil {
		return err
	}
	moreRows(out, nf, len(world.Flights))
	fmt.Fprintf(out, "\ndefense: %s architecture; %d trials, seed %d, %s fidelity\n", s.Run.Architecture, sum.Trials, sum.Seed, world.Options.Fidelity)
	if world.Options.Fidelity == sim.FastFidelity {
		fmt.Fprintln(out, fastCaveat)
	}
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ASSET\tOWNER\tVALUE\tSTATUS\tAIMED AT\tP(SURVIVE)\t95% CI\t")
	for _, a := range AssetFates(world, sum) {
		owner := a.Owner
		if owner == "" {
			owner = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%g\t%s\t%d\t%.2f\t%.2f–%.2f\t\n", a.Name, owner, a.Value, a.Status.Words(), a.Attackers, a.PSurvive, a.CI95[0], a.CI95[1])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out)
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "THREAT\tP(LEAK)\tINTERCEPTORS\tDETECTED s\tFIRE CONTROL s\tBY\tIMPACT s\t")
	shown, inReach := 0, 0
	for i, f := range world.Flights {
		if f.OutOfReach != "" {
			continue
		}
		if inReach++; shown == MaxTextRows {
			continue
		}
		shown++
		ts := sum.Threats[i]
		by := ts.FireControlOwner
		if by == "" {
			by = "-"
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%s\t%s\t%s\t%s\t%.1f\t\n", f.Name, ts.PLeak, roundMean(ts.InterceptorsMean), seconds(ts.FirstDetection), seconds(ts.FireControl), by, f.FlightTime)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	moreRows(out, shown, inReach)
	if engagements != nil {
		if err := writeEngagements(out, engagements); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "\nper trial (means): %s interceptors fired, %s leakers, %s double engagements, %s sector-boundary leakers; surviving value %s of %g\n",
		roundMean(sum.InterceptorsMean), roundMean(sum.LeakersMean), roundMean(sum.DoubleEngagementsMean), roundMean(sum.SectorLeakersMean), roundMean(sum.SurvivingValueMean), sum.TotalValue)
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
	noun := "missiles"
	if airRaid(world) {
		noun = "threats"
	}
	fmt.Fprintf(out, "%d %s, %d out of reach; physics: %s Earth, J2 %s, rotation %s, drag %s; catalog values: threats %s, defense %s.\n",
		len(world.Flights), noun, short, o.Physics.Model, onOff(o.Sim.Earth.J2 != 0), onOff(o.Sim.Earth.Omega != 0), onOff(o.Sim.Earth.Drag), o.Sim.ThreatPick, o.Sim.DefensePick)
	if eventsNote != "" {
		fmt.Fprintln(out, eventsNote)
	}
	return nil
}

// fastCaveat says what the fast fidelity is checked for and what not.
const fastCaveat = "Fast fidelity: P(survive), P(leak) and interceptors per raid are checked against full fidelity (make test-long); track and fire-control times are the covariance-only model's and are not (they can differ by tens of seconds)."

// onOff writes a model switch for people: "on" or "off".
func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
