package parquetout

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// SummaryFile is the name of the summaries' Parquet file in a report
// directory.
const SummaryFile = "summary.parquet"

// Field is a varied field of a sweep: one column of summary.parquet,
// after point, holding each point's value of the field.
type Field struct {
	// Column is the column's name: snake_case, with the unit in it
	// (ColumnName makes one from a path).
	Column string
	// Path is the field as the sweep named it (--vary PATH=…), written in
	// the metadata under "field." + Column; "" for none.
	Path string
	// Text makes the column strings (a catalog pick, a parameter's name);
	// else it is doubles.
	Text bool
}

// FieldKeyPrefix starts the metadata key of a varied field's path.
const FieldKeyPrefix = "field."

// Value is a point's value of one Field: Num for a number column, Text
// for a text column.
type Value struct {
	Num  float64
	Text string
}

// SummaryRow is one row of summary.parquet: one statistic of one point.
type SummaryRow struct {
	Point int
	// Values are the point's values of the writer's fields, in order.
	Values []Value
	// Statistic is the number's name, unique within a point
	// ("assets[Bucharest].p_survive", "headline"); Label says it in words.
	Statistic, Label string
	// Kind is proportion, mean or exact; Unit the value's unit ("" for a
	// probability or a count).
	Kind, Unit string
	// Trials is the Monte Carlo trials behind Value (0 for exact).
	Trials int
	Value  float64
	// CI95 is the 95 % interval, or nil when there is none (null).
	CI95 *[2]float64
}

// summaryColumns are summary.parquet's columns after the fields.
var summaryColumns = []string{"statistic", "label", "kind", "unit", "trials", "value", "ci95_lo", "ci95_hi"}

// columnName is the form of a column name: snake_case.
var columnName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// ColumnName makes a snake_case column name from a field path: letters
// lowercased, every run of other characters one underscore
// (`catalog."SM-3 IIA".burnout_speed_kms` → catalog_sm_3_iia_burnout_speed_kms).
func ColumnName(path string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(path) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			under = false
			continue
		}
		under = true
	}
	s := b.String()
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		s = "field_" + s
	}
	return strings.TrimSuffix(s, "_")
}

// WriteSummary writes rows as summary.parquet to out: columns point,
// then one per field, then statistic, label, kind, unit, trials, value,
// ci95_lo, ci95_hi; metadata m and each field's path.
func WriteSummary(out io.Writer, m Meta, fields []Field, rows []SummaryRow) error {
	kv, err := m.pairs()
	if err != nil {
		return err
	}
	typ, err := summaryType(fields)
	if err != nil {
		return err
	}
	opts := []parquet.WriterOption{
		parquet.Compression(&snappy.Codec{}),
		parquet.CreatedBy("rampart", m.Version, ""),
		parquet.SchemaOf(reflect.New(typ).Interface()),
	}
	for _, p := range kv {
		opts = append(opts, parquet.KeyValueMetadata(p[0], p[1]))
	}
	for _, f := range fields {
		if f.Path != "" {
			opts = append(opts, parquet.KeyValueMetadata(FieldKeyPrefix+f.Column, f.Path))
		}
	}
	w := parquet.NewWriter(out, opts...)
	for i, r := range rows {
		v, err := summaryValue(typ, fields, &r)
		if err != nil {
			return fmt.Errorf("%s: row %d (point %d, %s): %w", SummaryFile, i, r.Point, r.Statistic, err)
		}
		if err := w.Write(v.Interface()); err != nil {
			return fmt.Errorf("%s: %w", SummaryFile, err)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: %w", SummaryFile, err)
	}
	return nil
}

// summaryType is the Go struct whose schema is summary.parquet's: its
// fields in column order (a struct keeps its order, where a
// parquet.Group sorts its columns by name).
func summaryType(fields []Field) (reflect.Type, error) {
	var sf []reflect.StructField
	add := func(name string, t reflect.Type, opts string) {
		sf = append(sf, reflect.StructField{Name: "F" + strconv.Itoa(len(sf)), Type: t, Tag: reflect.StructTag(`parquet:"` + name + opts + `"`)})
	}
	seen := map[string]bool{"point": true}
	for _, c := range summaryColumns {
		seen[c] = true
	}
	add("point", reflect.TypeFor[int64](), "")
	for i, f := range fields {
		switch {
		case !columnName.MatchString(f.Column):
			return nil, fmt.Errorf("%s: field %d: column name %q is not snake_case ([a-z][a-z0-9_]*)", SummaryFile, i, f.Column)
		case seen[f.Column]:
			return nil, fmt.Errorf("%s: field %d: column name %q is used twice (point and %s are the summary's own)", SummaryFile, i, f.Column, strings.Join(summaryColumns, ", "))
		}
		seen[f.Column] = true
		if f.Text {
			add(f.Column, reflect.TypeFor[string](), ",dict")
		} else {
			add(f.Column, reflect.TypeFor[float64](), "")
		}
	}
	add("statistic", reflect.TypeFor[string](), ",dict")
	add("label", reflect.TypeFor[string](), ",dict")
	add("kind", reflect.TypeFor[string](), ",dict")
	add("unit", reflect.TypeFor[string](), ",dict,optional")
	add("trials", reflect.TypeFor[int64](), "")
	add("value", reflect.TypeFor[float64](), "")
	add("ci95_lo", reflect.TypeFor[*float64](), "")
	add("ci95_hi", reflect.TypeFor[*float64](), "")
	return reflect.StructOf(sf), nil
}

// summaryValue is row r as a value of typ.
func summaryValue(typ reflect.Type, fields []Field, r *SummaryRow) (reflect.Value, error) {
	if len(r.Values) != len(fields) {
		return reflect.Value{}, fmt.Errorf("%d field values for %d fields", len(r.Values), len(fields))
	}
	if r.Statistic == "" {
		return reflect.Value{}, errors.New("no statistic name")
	}
	v := reflect.New(typ).Elem()
	v.Field(0).SetInt(int64(r.Point))
	for i, f := range fields {
		if f.Text {
			v.Field(1 + i).SetString(r.Values[i].Text)
		} else {
			v.Field(1 + i).SetFloat(r.Values[i].Num)
		}
	}
	n := 1 + len(fields)
	for i, s := range []string{r.Statistic, r.Label, r.Kind, r.Unit} {
		v.Field(n + i).SetString(s)
	}
	v.Field(n + 4).SetInt(int64(r.Trials))
	v.Field(n + 5).SetFloat(r.Value)
	if r.CI95 != nil {
		lo, hi := r.CI95[0], r.CI95[1]
		v.Field(n + 6).Set(reflect.ValueOf(&lo))
		v.Field(n + 7).Set(reflect.ValueOf(&hi))
	}
	return v, nil
}
