package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// runStudy runs a scenario's analysis section and writes its outputs: the
// --json document, the text summary and the --out directory.
func runStudy(cmd *cobra.Command, s *scenario.Scenario, st study.Study, rf runFlags, phys physicsFlags, opts sim.Options, seed int64, trials, workers int) error {
	if rf.warningValue {
		return badInput("--warning-value applies to engine runs; %s runs the %s analysis (for the architecture analysis set warning_value: true in its analysis section)", s.File, s.Analysis.Kind)
	}
	bars := map[string]*progress{}
	o := study.Options{Context: cmd.Context(), Sim: opts, Seed: seed, Trials: trials, Workers: workers,
		Progress: func(label string, done, total int) {
			b := bars[label]
			if b == nil {
				b = newProgress(cmd.ErrOrStderr(), total)
				bars[label] = b
			}
			b.update(done)
			if done == total {
				b.done()
			}
		}}
	res, err := st.Run(s, o)
	if err != nil {
		return err
	}
	doc := study.Document{Scenario: s.Name, File: s.File, Question: s.Question, Kind: res.Kind, Seed: seed,
		Headline: res.Headline, Assumptions: s.Assumptions, Physics: phys.describe(opts)}
	data, err := study.MarshalDocument(doc, res.Results)
	if err != nil {
		return err
	}
	if rf.out != "" {
		if err := writeStudyDir(rf.out, s, res, data, opts, seed, trials); err != nil {
			return err
		}
	}
	out := cmd.OutOrStdout()
	if rf.asJSON {
		_, err := out.Write(data)
		return err
	}
	return writeStudyText(out, s, res)
}

// writeStudyText prints the headline and every table of the report.
func writeStudyText(w io.Writer, s *scenario.Scenario, res *study.Result) error {
	fmt.Fprintf(w, "scenario %s (%s analysis): %s\n\n", s.Name, res.Kind, s.Question)
	fmt.Fprintf(w, "headline: %s\n  value: %s %s\n", res.Headline.Answer, report.FormatNumber(res.Headline.Value), res.Headline.Unit)
	for _, sec := range res.Sections {
		for _, b := range sec.Blocks {
			var t *report.Table
			switch x := b.(type) {
			case report.Table:
				t = &x
			case *report.Table:
				t = x
			}
			if t == nil || len(t.Rows) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s\n", t.Caption)
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			var head []string
			for _, c := range t.Columns {
				h := strings.ToUpper(c.Heading)
				if c.Unit != "" {
					h += " (" + c.Unit + ")"
				}
				head = append(head, h)
			}
			fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
			for _, r := range t.Rows {
				fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
			}
			if err := tw.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeStudyDir writes report.html, results.json, events.csv and scene.json.
func writeStudyDir(dir string, s *scenario.Scenario, res *study.Result, results []byte, opts sim.Options, seed int64, trials int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return badInput("--out %s: %v", dir, err)
	}
	files := map[string][]byte{"results.json": results}
	var buf bytes.Buffer
	if err := scene.Write(&buf, res.Scene); err != nil {
		return fmt.Errorf("scene.json: %w", err)
	}
	files[scene.FileName] = bytes.Clone(buf.Bytes())
	buf.Reset()
	cw := csv.NewWriter(&buf)
	if err := cw.WriteAll(res.Events); err != nil {
		return err
	}
	files["events.csv"] = bytes.Clone(buf.Bytes())
	buf.Reset()
	d := &report.Document{
		Title: "rampart: " + s.Name, Scenario: s.Name, Question: s.Question, Assumptions: s.Assumptions,
		Headline:   report.Headline{Answer: res.Headline.Answer, Value: report.FormatNumber(res.Headline.Value), Unit: res.Headline.Unit},
		Parameters: study.Parameters(res.Systems, opts.Pick),
		Inputs: report.Inputs{ScenarioFile: s.File, Seed: seed, Command: fmt.Sprintf("rampart run %s --seed %d --trials %d", s.File, seed, trials),
			Settings: []report.Setting{{Name: "analysis", Value: res.Kind}, {Name: "catalog pick", Value: opts.Pick.String()}}},
	}
	if s.Summary != "" {
		d.Sections = append(d.Sections, report.Section{Heading: "Scenario", Text: []string{s.Summary}})
	}
	d.Sections = append(d.Sections, res.Sections...)
	if err := report.Write(&buf, d); err != nil {
		return fmt.Errorf("report.html: %w", err)
	}
	files["report.html"] = bytes.Clone(buf.Bytes())
	for _, n := range []string{"events.csv", "report.html", "results.json", scene.FileName} {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
	}
	return nil
}
