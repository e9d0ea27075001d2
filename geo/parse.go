package geo

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseLatLon parses "LAT,LON" in decimal degrees. Each number may carry a
// hemisphere letter instead of a sign: "54.03N,35.80E", "38.90,-77.04" and
// "38.90N, 77.04W" are all accepted. Latitude must lie in [−90, 90] and
// longitude in [−180, 360).
func ParseLatLon(s string) (LLA, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return LLA{}, fmt.Errorf("%q: want LAT,LON in decimal degrees, e.g. 54.03,35.80 or 54.03N,35.80E", s)
	}
	lat, err := parseDeg(parts[0], "NS")
	if err != nil {
		return LLA{}, fmt.Errorf("%q: latitude: %w", s, err)
	}
	lon, err := parseDeg(parts[1], "EW")
	if err != nil {
		return LLA{}, fmt.Errorf("%q: longitude: %w", s, err)
	}
	if lat < -90 || lat > 90 {
		return LLA{}, fmt.Errorf("%q: latitude %g is outside [-90, 90] degrees", s, lat)
	}
	if lon < -180 || lon >= 360 {
		return LLA{}, fmt.Errorf("%q: longitude %g is outside [-180, 360) degrees", s, lon)
	}
	return LLADeg(lat, WrapDeg(lon), 0), nil
}

// parseDeg parses one signed decimal-degree number, optionally suffixed with
// a hemisphere letter from hemi (positive first, negative second).
func parseDeg(s, hemi string) (float64, error) {
	s = strings.TrimSpace(s)
	sign := 1.0
	if n := len(s); n > 0 {
		switch c := strings.ToUpper(s[n-1:]); c {
		case hemi[:1]:
			s = strings.TrimSpace(s[:n-1])
		case hemi[1:]:
			s, sign = strings.TrimSpace(s[:n-1]), -1
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number of degrees", s)
	}
	if sign < 0 && v < 0 {
		return 0, fmt.Errorf("%q has both a minus sign and a %c", s, hemi[1])
	}
	return sign * v, nil
}
