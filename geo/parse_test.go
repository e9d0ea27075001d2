package geo

import (
	"math"
	"testing"
)

func TestParseLatLon(t *testing.T) {
	const eps = 1e-12 // exact decimal input; only the degree→radian product rounds
	for _, c := range []struct {
		in       string
		lat, lon float64
	}{
		{"54.03,35.80", 54.03, 35.80},
		{"38.90, -77.04", 38.90, -77.04},
		{"38.90N,77.04W", 38.90, -77.04},
		{"33.9s , 151.2e", -33.9, 151.2},
		{"0,270", 0, -90},
	} {
		p, err := ParseLatLon(c.in)
		if err != nil {
			t.Fatalf("ParseLatLon(%q) error %v", c.in, err)
		}
		if math.Abs(p.LatDeg()-c.lat) > eps || math.Abs(p.LonDeg()-c.lon) > eps {
			t.Errorf("ParseLatLon(%q) = %g,%g, want %g,%g", c.in, p.LatDeg(), p.LonDeg(), c.lat, c.lon)
		}
	}
	for _, bad := range []string{"", "54", "a,b", "91,0", "0,360", "-10S,5", "NaN,0", "1,2,3", "Inf,0"} {
		if _, err := ParseLatLon(bad); err == nil {
			t.Errorf("ParseLatLon(%q) succeeded, want error", bad)
		}
	}
}

func FuzzParseLatLon(f *testing.F) {
	for _, s := range []string{"54.03,35.80", "38.90N,77.04W", "-90,-180", "1e3,0", ",", "N,E"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseLatLon(s)
		if err != nil {
			return
		}
		if math.Abs(p.Lat) > math.Pi/2 || p.Lon < -math.Pi || p.Lon >= math.Pi {
			t.Fatalf("ParseLatLon(%q) = %+v outside range", s, p)
		}
	})
}
