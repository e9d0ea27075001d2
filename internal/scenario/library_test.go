package scenario

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
)

// TestLibraryValid checks every embedded scenario against the real catalog.
func TestLibraryValid(t *testing.T) {
	names := libraryNames()
	if len(names) == 0 || !slices.Contains(names, Default) {
		t.Fatalf("library holds %v, want at least the default %q", names, Default)
	}
	lib := Library()
	if len(lib) != len(names) {
		t.Errorf("Library() returned %d scenarios, want %d (one failed to parse)", len(lib), len(names))
	}
	for _, n := range names {
		s, err := Load(n)
		if err != nil {
			t.Errorf("Load(%q):\n%v", n, err)
			continue
		}
		if s.Name != n {
			t.Errorf("library/%s.yaml has name %q, want %q", n, s.Name, n)
		}
		if s.Question == "" || s.Summary == "" || len(s.Assumptions) == 0 {
			t.Errorf("%s: a library scenario needs a question, a summary and assumptions", n)
		}
	}
}

// beyondRange lists the library threats that fly beyond their missile's
// central range on purpose: the scenario asks what a range claim reaches.
var beyondRange = map[string]bool{
	"kaliningrad/9m729-berlin-russian-claim": true, // 530 km against the claimed 480 km
}

// TestLibraryReach checks that each library threat flies a great-circle
// distance within the central catalog range of its missile (with any claim
// applied), so the scenarios ask about raids the missiles can fly, except
// those listed in beyondRange, which must not reach. Distances use a
// spherical Earth of mean radius 6371 km; reachTolerance covers the
// difference from the ellipsoid (under 0.5%).
func TestLibraryReach(t *testing.T) {
	const reachTolerance = 1.005
	for _, n := range libraryNames() {
		s, err := Load(n)
		if err != nil {
			t.Fatal(err)
		}
		for i, th := range s.Threats {
			if th.Missile == "" {
				continue
			}
			m, err := catalog.Lookup(th.Missile)
			if err != nil {
				t.Fatal(err)
			}
			r, ok := m.Param("range_km")
			if !ok {
				t.Errorf("%s threats[%d]: catalog %s has no range_km", n, i, m.Name)
				continue
			}
			from, to := placeLatLon(t, th.From), placeLatLon(t, th.To)
			d := greatCircleKm(from[0], from[1], to[0], to[1])
			reaches := d <= r.Central*reachTolerance
			if want := !beyondRange[n+"/"+th.Name]; reaches != want {
				t.Errorf("%s threats[%d] %s: %s flies %.0f km against a central range of %.0f km; reaches = %v, want %v",
					n, i, th.Name, th.Missile, d, r.Central, reaches, want)
			}
		}
	}
}

func placeLatLon(t *testing.T, p Point) [2]float64 {
	t.Helper()
	if p.Place == "" {
		return [2]float64{p.LatDeg, p.LonDeg}
	}
	e, err := catalog.Lookup(p.Place)
	if err != nil {
		t.Fatal(err)
	}
	return [2]float64{e.Lat.Central, e.Lon.Central}
}

// greatCircleKm is the haversine distance on a sphere of radius 6371 km.
func greatCircleKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

func TestGreatCircleKm(t *testing.T) {
	// London (51.5074, -0.1278) to Paris (48.8566, 2.3522) is 343.5 km on
	// the 6371 km sphere (haversine, e.g. movable-type.co.uk calculator).
	if d := greatCircleKm(51.5074, -0.1278, 48.8566, 2.3522); math.Abs(d-343.5) > 0.5 {
		t.Errorf("greatCircleKm(London, Paris) = %.1f, want 343.5", d)
	}
}

func TestLoad(t *testing.T) {
	t.Run("embedded name ignores case", func(t *testing.T) {
		s, err := Load("EUROPE")
		if err != nil || s.Name != "europe" || s.File != "library/europe.yaml" {
			t.Fatalf("Load(EUROPE) = %v, %v; want the europe scenario", s, err)
		}
	})
	t.Run("file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "mine.yaml")
		doc := strings.ReplaceAll(validDoc, "AN/SPY-1D", "AN/SPY-1D(V)")
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Load(path)
		if err != nil || s.Name != "test" || s.File != path {
			t.Fatalf("Load(%s) = %v, %v", path, s, err)
		}
	})
	t.Run("catalog problems in a file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "bad.yaml")
		doc := strings.NewReplacer("Shahab-3", "Shahab-4", "AN/SPY-1D", "AN/SPY-1D(V)").Replace(validDoc)
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path)
		if got := problemLines(t, err); len(got) != 1 || !strings.HasPrefix(got[0], path+`:16:14: threats[0].missile: "Shahab-4" is not a catalog ballistic or cruise missile; did you mean "Shahab-3"?`) {
			t.Errorf("Load(bad.yaml) problems = %q", got)
		}
	})
	t.Run("neither", func(t *testing.T) {
		_, err := Load("no-such-scenario")
		var e *Errors
		if !errors.As(err, &e) {
			t.Fatalf("Load error = %v, want *Errors", err)
		}
		if want := "no-such-scenario: no embedded scenario or file of that name; embedded: air-policing, architecture, europe"; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Load error = %q, want prefix %q", err, want)
		}
	})
	t.Run("too large", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "big.yaml")
		if err := os.WriteFile(path, make([]byte, MaxFileSize+1), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path)
		var e *Errors
		if !errors.As(err, &e) || !strings.Contains(err.Error(), "larger than the limit") {
			t.Errorf("Load(big) error = %v, want an *Errors about the size limit", err)
		}
	})
	t.Run("directory", func(t *testing.T) {
		_, err := Load(t.TempDir())
		var e *Errors
		if !errors.As(err, &e) {
			t.Errorf("Load(dir) error = %v, want *Errors", err)
		}
	})
}

// TestDefaultCatalog checks the adapter against names the catalog holds.
func TestDefaultCatalog(t *testing.T) {
	cat := DefaultCatalog()
	for _, c := range []struct{ name, kind string }{
		{"Deveselu", KindSite},
		{"kurecik", KindSite},
		{"AN/TPY-2", KindRadar},
		{"SM-3 Block IIA", KindInterceptor},
		{"Sejjil", KindBallisticMissile},
		{"Tomahawk", KindCruiseMissile},
		{"9M729 (Russian claim)", KindCruiseMissile},
	} {
		if k, ok := cat.Kind(c.name); !ok || k != c.kind {
			t.Errorf("Kind(%q) = %q, %v; want %q", c.name, k, ok, c.kind)
		}
	}
	if _, ok := cat.Kind("no such thing"); ok {
		t.Errorf("Kind(no such thing) ok = true")
	}
	if names := cat.Names(KindRadar); !slices.Contains(names, "AN/TPY-2") {
		t.Errorf("Names(radar) = %v, want it to hold AN/TPY-2", names)
	}
}
