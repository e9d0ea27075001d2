package sweep

import (
	"io"
	"math"

	"github.com/rampart-sim/rampart/internal/parquetout"
)

// WriteSummaryParquet writes the sweep's rows as summary.parquet
// (package parquetout): one row a statistic a point, in long form, a
// column for each varied field (doubles, or strings for a field whose
// values are not numbers), and the sweep's provenance in the metadata.
// A refused point has no statistics and so no rows.
func (d *Document) WriteSummaryParquet(w io.Writer) error {
	fields := make([]parquetout.Field, len(d.Axes))
	for i, a := range d.Axes {
		fields[i] = parquetout.Field{Column: parquetout.ColumnName(a.Path), Path: a.Path, Text: textAxis(d.Rows, i)}
	}
	var rows []parquetout.SummaryRow
	for _, r := range d.Rows {
		if r.Refused != "" {
			continue
		}
		values := make([]parquetout.Value, len(r.Settings))
		for i, s := range r.Settings {
			values[i] = parquetout.Value{Num: s.Num, Text: s.Value}
		}
		add := func(stat, label, kind, unit string, v float64, ci [2]float64) {
			rows = append(rows, parquetout.SummaryRow{Point: r.Point, Values: values, Statistic: stat, Label: label,
				Kind: kind, Unit: unit, Trials: r.Trials, Value: v, CI95: &ci})
		}
		add("leakers_mean", r.LeakerUnit+" leaking per raid (mean)", "mean", r.LeakerUnit, r.LeakersMean, r.LeakersCI95)
		add("interceptors_mean", "interceptors fired per raid (mean)", "mean", "interceptors", r.InterceptorsMean, r.InterceptorsCI95)
		for _, a := range r.Assets {
			add("assets["+a.Name+"].p_survive", "P("+a.Name+" survives)", "proportion", "", a.PSurvive, a.CI95)
		}
	}
	return parquetout.WriteSummary(w, parquetout.Meta{Version: d.RampartVersion, ScenarioSHA256: d.ScenarioSHA256,
		Seed: d.Seed, Trials: d.Trials}, fields, rows)
}

// textAxis reports whether axis i of rows has a value that is not a
// number (a catalog pick, a doctrine name): its column is then strings.
func textAxis(rows []Row, i int) bool {
	for _, r := range rows {
		if i < len(r.Settings) && math.IsNaN(r.Settings[i].Num) {
			return true
		}
	}
	return false
}
