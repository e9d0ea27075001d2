package report

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// Document is one report: the question and its headline answer, the
// assumptions, sections of text, maps, plots and tables, every parameter
// with its source, and the inputs that reproduce the run.
type Document struct {
	Title       string // defaults to "rampart: " + Scenario
	Scenario    string // scenario name
	Question    string // the question the scenario answers
	Headline    Headline
	Assumptions []string
	Sections    []Section
	Parameters  []Parameter
	Inputs      Inputs
}

// Headline is the answer to the question, in a sentence and a number.
type Headline struct {
	Question string // defaults to Document.Question
	Answer   string // one or two sentences
	Value    string // the headline number, formatted by the caller
	Unit     string
}

// Section is a heading, paragraphs, then blocks.
type Section struct {
	Heading string
	Text    []string // paragraphs
	Blocks  []Block
}

// Block is a Map, LinePlot, Timeline, BarChart or Table (pointer or value).
type Block interface {
	renderBlock(r *renderer) (template.HTML, error)
}

// Inputs are what reproduces the run: the same scenario, version and seed
// give the same numbers.
type Inputs struct {
	ScenarioFile string // name or path of the scenario
	ScenarioText string // the scenario file as run
	// ScenarioSHA256 is the SHA-256 of the scenario file as read, in
	// lowercase hexadecimal (sha256sum's form).
	ScenarioSHA256 string
	Seed           int64
	Version        string // rampart version
	Command        string // the command line that made the report
	Settings       []Setting
}

// Setting is one further input, e.g. {"pick", "central"}.
type Setting struct {
	Name, Value string
}

//go:embed page.tmpl
var pageTemplate string

//go:embed page.css
var pageCSS string

var page = template.Must(template.New("page").Parse(pageTemplate))

// renderer numbers figures and tables and gives SVG ids, in document order.
type renderer struct {
	figures, tables int
	colours         map[string]string // entity → colour, in order of first use
}

// colour gives each entity (an owner, a system, a series key) one palette
// colour for the whole document, in order of first appearance, so that it
// looks the same in every figure.
func (r *renderer) colour(key string) string {
	if key == "" {
		return noOwnerColour
	}
	if r.colours == nil {
		r.colours = map[string]string{}
	}
	c, ok := r.colours[key]
	if !ok {
		c = palette[len(r.colours)%len(palette)]
		r.colours[key] = c
	}
	return c
}

func (r *renderer) nextFigure() (n int, id string) {
	r.figures++
	return r.figures, fmt.Sprintf("fig%d", r.figures)
}

// figure wraps an SVG in a numbered, captioned figure.
func (r *renderer) figure(n int, id, svg, caption, note string) (template.HTML, error) {
	var b bytes.Buffer
	err := page.ExecuteTemplate(&b, "figure", struct {
		N             int
		ID            string
		SVG           template.HTML
		Caption, Note string
	}{n, id, template.HTML(svg), caption, note}) // svg is built escaped by svgWriter
	return template.HTML(b.String()), err
}

func (m Map) renderBlock(r *renderer) (template.HTML, error) {
	n, id := r.nextFigure()
	m.colour = r.colour
	f, err := m.render(id)
	if err != nil {
		return "", err
	}
	return r.figure(n, id, f.svg, m.Caption, "Projection: "+f.projection+". Borders: Natural Earth 1:50m (public domain).")
}

func (p LinePlot) renderBlock(r *renderer) (template.HTML, error) {
	if lo, hi, ok := p.flat(); ok {
		// A flat figure tells the reader nothing a sentence does not.
		level := FormatNumber(lo) + unitSuffix(p.Y.Unit)
		if hi != lo {
			level = "between " + FormatNumber(lo) + " and " + FormatNumber(hi) + unitSuffix(p.Y.Unit)
		}
		return template.HTML("<p class=\"note\">" + template.HTMLEscapeString(fmt.Sprintf("%s: %s for every series (flat at the scale of a figure, so none is drawn).",
			p.Caption, level)) + "</p>"), nil
	}
	p.Series = mergeIdentical(p.Series)
	n, id := r.nextFigure()
	p.colour = r.colour
	svg, err := p.render(id)
	if err != nil {
		return "", err
	}
	return r.figure(n, id, svg, p.Caption, "")
}

func (t Timeline) renderBlock(r *renderer) (template.HTML, error) {
	n, id := r.nextFigure()
	t.colour = r.colour
	svg, err := t.render(id)
	if err != nil {
		return "", err
	}
	return r.figure(n, id, svg, t.Caption, "")
}

func (c BarChart) renderBlock(r *renderer) (template.HTML, error) {
	n, id := r.nextFigure()
	c.colour = r.colour
	svg, err := c.render(id)
	if err != nil {
		return "", err
	}
	return r.figure(n, id, svg, c.Caption, "")
}

func (t Table) renderBlock(r *renderer) (template.HTML, error) {
	if err := t.check(); err != nil {
		return "", err
	}
	r.tables++
	var b bytes.Buffer
	err := page.ExecuteTemplate(&b, "table", struct {
		N  int
		ID string
		T  Table
	}{r.tables, fmt.Sprintf("tab%d", r.tables), t})
	return template.HTML(b.String()), err
}

// pageSection is a rendered Section.
type pageSection struct {
	ID      string
	Heading string
	Text    []string
	Blocks  []template.HTML
}

// Write renders d as one self-contained HTML page: inline CSS and SVG, no
// script, nothing fetched. Output is deterministic. Nothing is written if
// a block fails.
func Write(w io.Writer, d *Document) error {
	if d == nil {
		return errors.New("report: nil document")
	}
	var r renderer
	secs := make([]pageSection, len(d.Sections))
	for i, s := range d.Sections {
		secs[i] = pageSection{ID: fmt.Sprintf("s%d", i+1), Heading: s.Heading, Text: s.Text}
		for j, b := range s.Blocks {
			if b == nil {
				return fmt.Errorf("report: section %q: block %d is nil", s.Heading, j+1)
			}
			h, err := b.renderBlock(&r)
			if err != nil {
				return fmt.Errorf("report: section %q: %w", s.Heading, err)
			}
			secs[i].Blocks = append(secs[i].Blocks, h)
		}
	}
	title := d.Title
	if title == "" {
		title = strings.TrimSpace("rampart: " + d.Scenario)
	}
	hl := d.Headline
	if hl.Question == "" {
		hl.Question = d.Question
	}
	var b bytes.Buffer
	err := page.Execute(&b, struct {
		Title    string
		CSS      template.CSS
		D        *Document
		Headline Headline
		Sections []pageSection
		Params   []parameterRow
		Borders  string
	}{title, template.CSS(pageCSS), d, hl, secs, parameterRows(d.Parameters), bordersCredit})
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// bordersCredit names the map data in the page footer.
const bordersCredit = "Natural Earth 1:50m Admin 0 countries, version 4.1.0 (public domain), via the world-atlas 2.0.2 TopoJSON"
