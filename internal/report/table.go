package report

import (
	"fmt"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
)

// Table is a block: a captioned table of preformatted cells (use
// FormatNumber for numbers).
type Table struct {
	Caption string
	Columns []Column
	Rows    [][]string // at most len(Columns) cells a row
	Notes   []string   // printed under the table
}

// Column is a table column. Numeric columns are right-aligned.
type Column struct {
	Heading string
	Unit    string // shown under the heading
	Numeric bool
}

func (t *Table) check() error {
	for i, r := range t.Rows {
		if len(r) > len(t.Columns) {
			return fmt.Errorf("table %q: row %d has %d cells for %d columns", t.Caption, i+1, len(r), len(t.Columns))
		}
	}
	return nil
}

// Parameter is one model parameter as used in the run, with its sourced
// band: every number behind a report is listed with where it came from.
type Parameter struct {
	System  string // e.g. "SM-3 Block IIA"
	Name    string // e.g. "burnout_speed_kms"
	Low     float64
	Central float64
	High    float64
	Unit    string
	Used    float64 // the value the run used
	Source  string  // citation, or "assumption: derivation"
	Date    string  // of the source, YYYY or YYYY-MM
	Note    string
}

// ParameterFrom returns the report row of a catalog value used at used.
func ParameterFrom(system, name string, v catalog.Value, used float64) Parameter {
	return Parameter{
		System: system, Name: name,
		Low: v.Low, Central: v.Central, High: v.High, Unit: v.Unit,
		Used: used, Source: v.Source, Date: v.Date, Note: v.Note,
	}
}

// Assumed reports whether the value is derived or assumed rather than
// published (its source starts with "assumption").
func (p Parameter) Assumed() bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(p.Source)), "assumption")
}

// OutsideBand reports whether the value used lies outside [Low, High].
func (p Parameter) OutsideBand() bool { return p.Used < p.Low || p.Used > p.High }

// parameterRow is a Parameter formatted for the page.
type parameterRow struct {
	Parameter
	LowS, CentralS, HighS, UsedS string
}

func parameterRows(ps []Parameter) []parameterRow {
	out := make([]parameterRow, len(ps))
	for i, p := range ps {
		out[i] = parameterRow{p, FormatNumber(p.Low), FormatNumber(p.Central), FormatNumber(p.High), FormatNumber(p.Used)}
	}
	return out
}
