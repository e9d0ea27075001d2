package geo

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The fixtures under testdata are written by scripts/geodfixture.sh from
// GeographicLib's GeodSolve and CartConvert, an implementation independent
// of this package. Rerun the script to refresh them.

// fixtureRow is one line of a fixture: the fields and the line number.
type fixtureRow struct {
	line   int
	fields []string
}

// readFixture returns the non-comment lines of testdata/name, each of which
// must have want fields.
func readFixture(t *testing.T, name string, want int) []fixtureRow {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []fixtureRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) != want {
			t.Fatalf("%s:%d: %d fields, want %d", name, n, len(fields), want)
		}
		rows = append(rows, fixtureRow{line: n, fields: fields})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no cases", name)
	}
	return rows
}

// float parses field i as a number; "p/q" is accepted for flattenings.
func (r fixtureRow) float(t *testing.T, i int) float64 {
	t.Helper()
	s := r.fields[i]
	if num, den, ok := strings.Cut(s, "/"); ok {
		return r.parse(t, num) / r.parse(t, den)
	}
	return r.parse(t, s)
}

func (r fixtureRow) parse(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("line %d: %v", r.line, err)
	}
	return v
}

// rad reads field i, degrees, in radians.
func (r fixtureRow) rad(t *testing.T, i int) float64 {
	t.Helper()
	return r.float(t, i) * math.Pi / 180
}

// angleErr returns |a − b| reduced to [0, π], radians.
func angleErr(a, b float64) float64 {
	return math.Abs(math.Remainder(a-b, 2*math.Pi))
}

// maxErr tracks the largest error seen and where.
type maxErr struct {
	v    float64
	line int
}

func (m *maxErr) add(v float64, line int) {
	if v > m.v || math.IsNaN(v) {
		m.v, m.line = v, line
	}
}
