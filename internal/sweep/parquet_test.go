package sweep

import (
	"bytes"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/rampart-sim/rampart/internal/parquetout"
)

// TestSweepSummaryParquet: a sweep's summary.parquet read back with
// parquet-go holds each point's leakers, interceptors and asset survival
// with their intervals, the varied field as a column named from its path
// (the path in the metadata), and no row for a refused point.
func TestSweepSummaryParquet(t *testing.T) {
	const path = `owners[US].doctrine.salvo`
	d := &Document{RampartVersion: "test", ScenarioSHA256: "abc", Seed: 5, Trials: 10,
		Axes: []AxisDoc{{Path: path, Values: []string{"1", "2", "3"}}},
		Rows: []Row{
			{Point: 0, Trials: 10, Settings: []Setting{{Path: path, Value: "1", Num: 1}}, LeakerUnit: "warheads",
				LeakersMean: 2.5, LeakersCI95: [2]float64{2, 3}, InterceptorsMean: 4, InterceptorsCI95: [2]float64{3.5, 4.5},
				Assets: []AssetRow{{Name: "Bucharest", PSurvive: 0.7, CI95: [2]float64{0.4, 0.9}}}},
			{Point: 1, Trials: 10, Settings: []Setting{{Path: path, Value: "2", Num: 2}}, Refused: "refused by the engine"},
			{Point: 2, Trials: 10, Settings: []Setting{{Path: path, Value: "3", Num: 3}}, LeakerUnit: "warheads",
				LeakersMean: 1.5, LeakersCI95: [2]float64{1, 2}, InterceptorsMean: 6, InterceptorsCI95: [2]float64{5.5, 6.5},
				Assets: []AssetRow{{Name: "Bucharest", PSurvive: 0.8, CI95: [2]float64{0.5, 0.95}}}},
		}}
	var buf bytes.Buffer
	if err := d.WriteSummaryParquet(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	col := parquetout.ColumnName(path)
	if got, _ := f.Lookup(parquetout.FieldKeyPrefix + col); got != path {
		t.Errorf("metadata %s = %q, want %q", parquetout.FieldKeyPrefix+col, got, path)
	}
	type row struct {
		Point int64    `parquet:"point"`
		Salvo float64  `parquet:"owners_us_doctrine_salvo"`
		Stat  string   `parquet:"statistic"`
		Value float64  `parquet:"value"`
		Lo    *float64 `parquet:"ci95_lo"`
		Hi    *float64 `parquet:"ci95_hi"`
	}
	rows, err := parquet.Read[row](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		point         int64
		salvo         float64
		stat          string
		value, lo, hi float64
	}
	wants := []want{
		{0, 1, "leakers_mean", 2.5, 2, 3}, {0, 1, "interceptors_mean", 4, 3.5, 4.5}, {0, 1, "assets[Bucharest].p_survive", 0.7, 0.4, 0.9},
		{2, 3, "leakers_mean", 1.5, 1, 2}, {2, 3, "interceptors_mean", 6, 5.5, 6.5}, {2, 3, "assets[Bucharest].p_survive", 0.8, 0.5, 0.95},
	}
	if len(rows) != len(wants) {
		t.Fatalf("%d rows, want %d (the refused point has none): %+v", len(rows), len(wants), rows)
	}
	for i, r := range rows {
		w := wants[i]
		if r.Point != w.point || r.Salvo != w.salvo || r.Stat != w.stat || r.Value != w.value || r.Lo == nil || *r.Lo != w.lo || *r.Hi != w.hi {
			t.Errorf("row %d = %+v (interval %v %v), want %+v", i, r, r.Lo, r.Hi, w)
		}
	}
}

// TestDefendedAssetsAfterRefusedPoint: the table's asset columns come from
// the first point that ran, so a refused first point (no assets) does not
// drop every P(survive) column.
func TestDefendedAssetsAfterRefusedPoint(t *testing.T) {
	rows := []Row{
		{Point: 0, Refused: "refused by the engine"},
		{Point: 1, Assets: []AssetRow{{Name: "Bucharest", Status: "defended"}, {Name: "Ankara", Status: "attacked_not_engaged"}, {Name: "Athens", Status: "defended"}}},
	}
	if got := defendedAssets(rows); len(got) != 2 || got[0] != "Bucharest" || got[1] != "Athens" {
		t.Errorf("defendedAssets = %v, want [Bucharest Athens]", got)
	}
}
