package sweep

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/internal/atomicdir"
	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/parquetout"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// Files of a sweep's or sensitivity run's report directory.
const (
	ReportFile  = "report.html"
	ResultsFile = "results.json"
)

var dirFiles = []string{ReportFile, ResultsFile, parquetout.SummaryFile}

// CheckDir refuses an --out target that cannot be written (exit 2).
func CheckDir(dir string) error {
	if err := atomicdir.CheckDir(dir, dirFiles); err != nil {
		return &InputError{fmt.Errorf("--out %w", err)}
	}
	return nil
}

// AxisDoc describes one axis in the JSON document.
type AxisDoc struct {
	Path   string   `json:"path"`
	Values []string `json:"values"`
	// Catalog is the catalog value the axis replaces, for a catalog axis.
	Catalog *BandDoc `json:"catalog,omitempty"`
}

// BandDoc is a catalog value with its source.
type BandDoc struct {
	Low     float64 `json:"low"`
	Central float64 `json:"central"`
	High    float64 `json:"high"`
	Unit    string  `json:"unit"`
	Source  string  `json:"source"`
	Date    string  `json:"date"`
}

// Document is the JSON document of a sweep.
type Document struct {
	Scenario       string `json:"scenario"`
	File           string `json:"file"`
	RampartVersion string `json:"rampart_version"`
	ScenarioSHA256 string `json:"scenario_sha256"`
	Seed           int64  `json:"seed"`
	// Reproduce is the command line that reruns the sweep; a point
	// reruns with it and --point K.
	Reproduce string    `json:"reproduce"`
	Trials    int       `json:"trials"`
	Fidelity  string    `json:"fidelity"`
	Notes     []string  `json:"notes"`
	Axes      []AxisDoc `json:"axes"`
	Points    int       `json:"points"`
	Rows      []Row     `json:"rows"`
}

// NewDocument builds the document of rows run from grid g on s.
func NewDocument(s *scenario.Scenario, g *Grid, o Options, rows []Row, notes []string) *Document {
	d := &Document{Scenario: s.Name, File: s.File, RampartVersion: provenance.Version(), ScenarioSHA256: s.SHA256,
		Seed: o.Seed, Trials: o.Trials, Fidelity: o.Fidelity, Notes: notes, Points: g.Len(), Rows: rows}
	if d.Notes == nil {
		d.Notes = []string{}
	}
	if len(rows) > 0 {
		d.Fidelity = rows[0].Fidelity
	}
	for _, a := range g.Axes {
		ad := AxisDoc{Path: a.Target.Path}
		for _, v := range a.Values {
			ad.Values = append(ad.Values, v.Text)
		}
		if a.Target.IsCatalog() {
			b := a.Target.Band
			ad.Catalog = &BandDoc{b.Low, b.Central, b.High, b.Unit, b.Source, b.Date}
		}
		d.Axes = append(d.Axes, ad)
	}
	return d
}

// JSON is the document, indented, numbers rounded (package jsonout).
func (d *Document) JSON() ([]byte, error) { return jsonout.Marshal(d, "  ") }

// Unmoved names the axes along which no statistic of any row moved: a
// value the engine may not read (the catalog lists more than it models).
func (d *Document) Unmoved(g *Grid) []string {
	var out []string
	for i, a := range g.Axes {
		if len(a.Values) < 2 || len(d.Rows) < 2 {
			continue
		}
		moved := false
		// Compare rows that differ only on axis i.
		byRest := map[string]string{}
		for _, r := range d.Rows {
			key := ""
			for j, st := range r.Settings {
				if j != i {
					key += st.Value + "\x00"
				}
			}
			sig := rowSignature(r)
			if prev, ok := byRest[key]; ok && prev != sig {
				moved = true
				break
			}
			byRest[key] = sig
		}
		if !moved {
			out = append(out, a.Target.Path)
		}
	}
	return out
}

func rowSignature(r Row) string {
	s := fmt.Sprintf("%.12g %.12g", r.LeakersMean, r.InterceptorsMean)
	for _, a := range r.Assets {
		s += fmt.Sprintf(" %.12g", a.PSurvive)
	}
	return s
}

// WriteText writes the rows as a table: one line a point, the varied
// values, leakers and interceptors per raid with 95 % intervals, and each
// defended asset's P(survive) with its interval.
func WriteText(w io.Writer, d *Document) error {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	var head []string
	head = append(head, "POINT")
	for _, a := range d.Axes {
		head = append(head, strings.ToUpper(a.Path))
	}
	unit := "warheads"
	if len(d.Rows) > 0 {
		unit = d.Rows[0].LeakerUnit
	}
	head = append(head, "LEAKERS ("+unit+"/raid, 95% CI)", "INTERCEPTORS (/raid, 95% CI)")
	assets := defendedAssets(d.Rows)
	for _, a := range assets {
		head = append(head, "P(SURVIVE) "+strings.ToUpper(a))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range d.Rows {
		cells := []string{fmt.Sprint(r.Point)}
		for _, s := range r.Settings {
			cells = append(cells, s.Value)
		}
		if r.Refused != "" {
			cells = append(cells, "refused: "+r.Refused)
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
			continue
		}
		cells = append(cells, meanCI(r.LeakersMean, r.LeakersCI95), meanCI(r.InterceptorsMean, r.InterceptorsCI95))
		for _, name := range assets {
			cells = append(cells, assetCell(r, name))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d point(s) × %d trials, %s fidelity, seed %d (point K runs with its own seed; rerun one with --point K).\n",
		len(d.Rows), d.Trials, d.Fidelity, d.Seed)
	for _, n := range d.Notes {
		fmt.Fprintln(w, "Note: "+n)
	}
	return nil
}

func meanCI(m float64, ci [2]float64) string {
	return fmt.Sprintf("%s [%s–%s]", r3(m), r3(ci[0]), r3(ci[1]))
}

func r3(x float64) string { return report.FormatNumber(math.Round(x*1000) / 1000) }

// defendedAssets are the assets defended at some point, in the
// scenario's order (the first row's).
func defendedAssets(rows []Row) []string {
	if len(rows) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for _, r := range rows {
		for _, a := range r.Assets {
			if a.Status == "defended" {
				seen[a.Name] = true
			}
		}
	}
	// The scenario's asset order, from the first point that ran (a
	// refused point has no assets).
	var ordered []string
	for _, r := range rows {
		if len(r.Assets) == 0 {
			continue
		}
		for _, a := range r.Assets {
			if seen[a.Name] {
				ordered = append(ordered, a.Name)
			}
		}
		break
	}
	return ordered
}

func assetCell(r Row, name string) string {
	for _, a := range r.Assets {
		if a.Name == name {
			c := meanCI(a.PSurvive, a.CI95)
			if a.Status != "defended" {
				c += " (" + strings.ReplaceAll(a.Status, "_", " ") + ")"
			}
			return c
		}
	}
	return "-"
}

// Report builds the report of a sweep: the table, a line plot per axis
// (the statistic against the axis, one line per value of the other axes
// when there are several) and a heat map of leakers for two axes.
func Report(d *Document, g *Grid, command string) *report.Document {
	unit := "warheads"
	if len(d.Rows) > 0 {
		unit = d.Rows[0].LeakerUnit
	}
	doc := &report.Document{Title: "rampart sweep: " + d.Scenario, Scenario: d.Scenario,
		Question: fmt.Sprintf("How do leakers, interceptors and survival of %s change across the grid of %s?", d.Scenario, axisList(d)),
		Headline: report.Headline{Answer: fmt.Sprintf("%d points of %d trials each (%s fidelity); leakers per raid range from %s to %s.",
			len(d.Rows), d.Trials, d.Fidelity, r3(minLeak(d.Rows)), r3(maxLeak(d.Rows))), Value: fmt.Sprint(len(d.Rows)), Unit: "points"},
		Inputs: report.Inputs{ScenarioFile: d.File, ScenarioSHA256: d.ScenarioSHA256, Seed: d.Seed, Version: d.RampartVersion, Command: command},
	}
	var plots []report.Block
	for i, a := range g.Axes {
		if math.IsNaN(a.Values[0].Num) || len(a.Values) < 2 {
			continue
		}
		for _, stat := range []struct {
			label string
			unit  string
			get   func(Row) float64
		}{{"Leakers per raid", unit, func(r Row) float64 { return r.LeakersMean }},
			{"Interceptors per raid", "", func(r Row) float64 { return r.InterceptorsMean }}} {
			p := report.LinePlot{Caption: stat.label + " against " + a.Target.Path + " (means; other axes one line each)",
				X: report.Axis{Label: a.Target.Path, Unit: a.Target.Unit()}, Y: report.Axis{Label: stat.label, Unit: stat.unit, Zero: true}}
			lines := map[string]*report.Series{}
			var order []string
			for _, r := range d.Rows {
				key := ""
				for j, s := range r.Settings {
					if j != i {
						key = strings.TrimPrefix(key+", "+s.Path+"="+s.Value, ", ")
					}
				}
				ln, ok := lines[key]
				if !ok {
					name := key
					if name == "" {
						name = stat.label
					}
					ln = &report.Series{Name: name, Markers: true}
					lines[key] = ln
					order = append(order, key)
				}
				ln.X = append(ln.X, r.Settings[i].Num)
				y := stat.get(r)
				if r.Refused != "" {
					y = math.NaN() // breaks the line
				}
				ln.Y = append(ln.Y, y)
			}
			if len(order) > 8 {
				order = order[:8] // a readable figure; the table has every point
				p.Caption += "; the first 8 lines"
			}
			for _, k := range order {
				p.Series = append(p.Series, *lines[k])
			}
			plots = append(plots, p)
		}
	}
	if len(g.Axes) == 2 {
		hm := report.HeatMap{Caption: "Leakers per raid (mean) over " + g.Axes[0].Target.Path + " and " + g.Axes[1].Target.Path,
			XLabel: g.Axes[1].Target.Path, YLabel: g.Axes[0].Target.Path, Unit: unit}
		for _, v := range g.Axes[1].Values {
			hm.XTicks = append(hm.XTicks, v.Text)
		}
		for _, v := range g.Axes[0].Values {
			hm.YTicks = append(hm.YTicks, v.Text)
		}
		hm.Values = make([][]float64, len(hm.YTicks))
		for i := range hm.Values {
			hm.Values[i] = make([]float64, len(hm.XTicks))
			for j := range hm.Values[i] {
				hm.Values[i][j] = math.NaN()
			}
		}
		for _, r := range d.Rows {
			idx := g.Index(r.Point)
			if r.Refused == "" {
				hm.Values[idx[0]][idx[1]] = r.LeakersMean
			}
		}
		plots = append(plots, hm)
	}
	doc.Sections = append(doc.Sections, report.Section{Heading: "Plots", Text: d.Notes, Blocks: plots})
	doc.Sections = append(doc.Sections, report.Section{Heading: "Points", Blocks: []report.Block{pointTable(d)}})
	return doc
}

func axisList(d *Document) string {
	var p []string
	for _, a := range d.Axes {
		p = append(p, a.Path)
	}
	return strings.Join(p, " × ")
}

func minLeak(rows []Row) float64 {
	m := math.Inf(1)
	for _, r := range rows {
		if r.Refused == "" {
			m = math.Min(m, r.LeakersMean)
		}
	}
	return m
}

func maxLeak(rows []Row) float64 {
	m := math.Inf(-1)
	for _, r := range rows {
		if r.Refused == "" {
			m = math.Max(m, r.LeakersMean)
		}
	}
	return m
}

func pointTable(d *Document) report.Table {
	t := report.Table{Caption: "Every point: means with 95 % intervals"}
	t.Columns = append(t.Columns, report.Column{Heading: "Point", Numeric: true}, report.Column{Heading: "Seed", Numeric: true})
	for _, a := range d.Axes {
		t.Columns = append(t.Columns, report.Column{Heading: a.Path, Numeric: true})
	}
	t.Columns = append(t.Columns, report.Column{Heading: "Leakers per raid", Numeric: true}, report.Column{Heading: "Interceptors per raid", Numeric: true})
	assets := defendedAssets(d.Rows)
	for _, a := range assets {
		t.Columns = append(t.Columns, report.Column{Heading: "P(survive) " + a, Numeric: true})
	}
	for _, r := range d.Rows {
		row := []string{fmt.Sprint(r.Point), fmt.Sprint(r.Seed)}
		for _, s := range r.Settings {
			row = append(row, s.Value)
		}
		if r.Refused != "" {
			t.Rows = append(t.Rows, append(row, "refused: "+r.Refused))
			continue
		}
		row = append(row, meanCI(r.LeakersMean, r.LeakersCI95), meanCI(r.InterceptorsMean, r.InterceptorsCI95))
		for _, a := range assets {
			row = append(row, assetCell(r, a))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// WriteDir writes report.html and results.json into dir, and, when
// summary is not nil, summary.parquet from it, whole or not at all
// (package atomicdir).
func WriteDir(ctx context.Context, dir string, doc *report.Document, results []byte, summary func(io.Writer) error) error {
	var html bytes.Buffer
	if err := report.Write(&html, doc); err != nil {
		return err
	}
	return atomicdir.WriteDir(ctx, dir, dirFiles, func(tmp string) error {
		if err := os.WriteFile(filepath.Join(tmp, ReportFile), html.Bytes(), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, ResultsFile), results, 0o644); err != nil {
			return err
		}
		if summary == nil {
			return nil
		}
		f, err := os.Create(filepath.Join(tmp, parquetout.SummaryFile))
		if err != nil {
			return err
		}
		if err := summary(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}
