package study

import (
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/report"
	"math"
	"slices"
	"strconv"
	"strings"
)

// fmtF formats x with n decimals.
func fmtF(x float64, n int) string { return strconv.FormatFloat(x, 'f', n, 64) }

// fmtF1 writes x to one decimal, without the minus sign of a value that
// rounds to zero ("0.0", not "-0.0", for a burnout at ground level).
func fmtF1(x float64) string {
	s := fmtF(x, 1)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}

// fmtPtr formats *x with n decimals, or "–" for nil.
func fmtPtr(x *float64, n int) string {
	if x == nil {
		return "–"
	}
	return fmtF(*x, n)
}

// pct formats a fraction as a percentage.
func pct(f float64) string { return strconv.FormatFloat(100*f, 'f', 0, 64) + " %" }

// directDeg returns the point s metres from (lat, lon) on the geodesic
// leaving at azimuth az, degrees, on WGS-84.
func directDeg(lat, lon, az, s float64) (float64, float64) {
	const d = math.Pi / 180
	la, lo, _ := geo.WGS84.Direct(lat*d, lon*d, az*d, s)
	return la / d, geo.WrapDeg(lo / d)
}

// inverseKm returns the geodesic distance between two points, km.
func inverseKm(lat1, lon1, lat2, lon2 float64) float64 {
	const d = math.Pi / 180
	s, _, _ := geo.WGS84.Inverse(lat1*d, lon1*d, lat2*d, lon2*d)
	return s / 1e3
}

// series returns the index of the bar series called name in c, adding one
// with every value NaN (no bar) if there is none.
func series(c *report.BarChart, name string) int {
	if k := slices.IndexFunc(c.Series, func(b report.BarSeries) bool { return b.Name == name }); k >= 0 {
		return k
	}
	vals := make([]float64, len(c.Categories))
	for i := range vals {
		vals[i] = math.NaN()
	}
	c.Series = append(c.Series, report.BarSeries{Name: name, Values: vals})
	return len(c.Series) - 1
}

// commaInt writes n with thousands separators: 1550 as "1,550".
func commaInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
