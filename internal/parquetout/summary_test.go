package parquetout

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// sweepFields and sweepRows are a two-field sweep's summary: a number
// field and a text field, two points, one statistic without an interval.
var sweepFields = []Field{
	{Column: ColumnName(`catalog."SM-3 IIA".burnout_speed_kms`), Path: `catalog."SM-3 IIA".burnout_speed_kms`},
	{Column: "pick", Path: "--pick", Text: true},
}

func sweepRows() []SummaryRow {
	var rows []SummaryRow
	for p, speed := range []float64{3.5, 4.25} {
		v := []Value{{Num: speed}, {Text: []string{"low", "high"}[p]}}
		rows = append(rows,
			SummaryRow{Point: p, Values: v, Statistic: "assets[Bucharest].p_survive", Label: "Bucharest survives", Kind: "proportion", Trials: 1000, Value: 0.6 + 0.1*float64(p), CI95: &[2]float64{0.57, 0.63 + 0.1*float64(p)}},
			SummaryRow{Point: p, Values: v, Statistic: "headline", Label: "the headline's value", Kind: "exact", Unit: "warheads leaking per raid (mean)", Value: 7.5})
	}
	return rows
}

// TestColumnName: paths become snake_case column names.
func TestColumnName(t *testing.T) {
	for path, want := range map[string]string{
		`catalog."SM-3 IIA".burnout_speed_kms`: "catalog_sm_3_iia_burnout_speed_kms",
		"owners[nato].doctrine.salvo":          "owners_nato_doctrine_salvo",
		"3d":                                   "field_3d",
		"--pick":                               "pick",
		"":                                     "field",
	} {
		if got := ColumnName(path); got != want || !columnName.MatchString(got) {
			t.Errorf("ColumnName(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestSummaryReadBack: a sweep's summary read back with parquet-go: its
// columns in order with their types, the rows, nulls for no interval and
// no unit, the metadata with each field's path.
func TestSummaryReadBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSummary(&buf, testMeta, sweepFields, sweepRows()); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, c := range f.Schema().Fields() {
		opt := ""
		if c.Optional() {
			opt = "?"
		}
		cols = append(cols, c.Name()+":"+c.Type().Kind().String()+opt)
	}
	want := []string{"point:INT64", "catalog_sm_3_iia_burnout_speed_kms:DOUBLE", "pick:BYTE_ARRAY", "statistic:BYTE_ARRAY", "label:BYTE_ARRAY",
		"kind:BYTE_ARRAY", "unit:BYTE_ARRAY?", "trials:INT64", "value:DOUBLE", "ci95_lo:DOUBLE?", "ci95_hi:DOUBLE?"}
	if !slices.Equal(cols, want) {
		t.Errorf("columns\n%v\nwant\n%v", cols, want)
	}
	for k, v := range map[string]string{VersionKey: testMeta.Version, SeedKey: "7", TrialsKey: "3",
		FieldKeyPrefix + "catalog_sm_3_iia_burnout_speed_kms": `catalog."SM-3 IIA".burnout_speed_kms`, FieldKeyPrefix + "pick": "--pick"} {
		if got, ok := f.Lookup(k); !ok || got != v {
			t.Errorf("metadata %s = %q, %v; want %q", k, got, ok, v)
		}
	}
	type row struct {
		Point  int64    `parquet:"point"`
		Speed  float64  `parquet:"catalog_sm_3_iia_burnout_speed_kms"`
		Pick   string   `parquet:"pick"`
		Stat   string   `parquet:"statistic"`
		Unit   *string  `parquet:"unit"`
		Trials int64    `parquet:"trials"`
		Value  float64  `parquet:"value"`
		Lo     *float64 `parquet:"ci95_lo"`
		Hi     *float64 `parquet:"ci95_hi"`
	}
	rows, err := parquet.Read[row](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	in := sweepRows()
	if len(rows) != len(in) {
		t.Fatalf("%d rows, want %d", len(rows), len(in))
	}
	for i, r := range rows {
		w := in[i]
		if r.Point != int64(w.Point) || r.Speed != w.Values[0].Num || r.Pick != w.Values[1].Text || r.Stat != w.Statistic || r.Trials != int64(w.Trials) || r.Value != w.Value {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
		if (w.Unit == "") != (r.Unit == nil) || (w.CI95 == nil) != (r.Lo == nil) || w.CI95 != nil && (*r.Lo != w.CI95[0] || *r.Hi != w.CI95[1]) {
			t.Errorf("row %d: unit %v, interval %v %v; want %q, %v", i, r.Unit, r.Lo, r.Hi, w.Unit, w.CI95)
		}
	}
}

// TestSummaryRefuses: bad column names and rows that do not fit the
// fields are errors that say which.
func TestSummaryRefuses(t *testing.T) {
	for _, c := range []struct {
		fields []Field
		rows   []SummaryRow
		want   string
	}{
		{[]Field{{Column: "Speed km/s"}}, nil, "not snake_case"},
		{[]Field{{Column: "value"}}, nil, "used twice"},
		{[]Field{{Column: "a"}, {Column: "a"}}, nil, "used twice"},
		{sweepFields, []SummaryRow{{Point: 3, Statistic: "headline"}}, "row 0 (point 3, headline): 0 field values for 2 fields"},
		{nil, []SummaryRow{{Point: 1}}, "no statistic name"},
	} {
		err := WriteSummary(&bytes.Buffer{}, testMeta, c.fields, c.rows)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("fields %v: err %v, want %q", c.fields, err, c.want)
		}
	}
}
