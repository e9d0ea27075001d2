package export

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// czmlDoc is a CZML document read back for the checks.
type czmlDoc []struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Version      string `json:"version"`
	Availability string `json:"availability"`
	Clock        *struct {
		Interval    string `json:"interval"`
		CurrentTime string `json:"currentTime"`
	} `json:"clock"`
	Position *struct {
		Epoch               string    `json:"epoch"`
		CartographicDegrees []float64 `json:"cartographicDegrees"`
	} `json:"position"`
	Point *json.RawMessage       `json:"point"`
	Label *struct{ Text string } `json:"label"`
	Path  *struct {
		LeadTime  float64 `json:"leadTime"`
		TrailTime float64 `json:"trailTime"`
	} `json:"path"`
	Polygon *struct {
		Positions struct {
			CartographicDegrees []float64 `json:"cartographicDegrees"`
		} `json:"positions"`
		Height float64 `json:"height"`
	} `json:"polygon"`
}

func TestCZMLPackets(t *testing.T) {
	s := testScene(t)
	var doc czmlDoc
	if err := json.Unmarshal(export(t, s, CZML), &doc); err != nil {
		t.Fatalf("WriteCZML output is not a JSON array of packets: %v", err)
	}
	if want := 1 + len(s.Sites) + len(s.Tracks) + len(s.Areas) + len(s.Intercepts); len(doc) != want {
		t.Fatalf("WriteCZML = %d packets, want %d", len(doc), want)
	}
	// The document packet comes first (CZML Guide, "The document packet").
	d := doc[0]
	const wantInterval = "2025-12-31T23:59:00Z/2026-01-01T00:17:30Z" // earliest sample −60 s; last 1020 s + clockTailS
	if d.ID != "document" || d.Version != "1.0" || d.Clock == nil || d.Clock.Interval != wantInterval || d.Clock.CurrentTime != "2025-12-31T23:59:00Z" {
		t.Fatalf("document packet = %+v, want id document, version 1.0, clock interval %s", d, wantInterval)
	}
	ids := map[string]bool{}
	for _, p := range doc {
		if ids[p.ID] {
			t.Errorf("packet id %q repeated", p.ID)
		}
		ids[p.ID] = true
	}
	for i, x := range s.Sites {
		p := doc[1+i]
		if p.Name != x.Name || p.Point == nil || p.Label == nil || p.Label.Text != x.Name || p.Position == nil ||
			len(p.Position.CartographicDegrees) != 3 || p.Position.CartographicDegrees[0] != x.LonDeg || p.Position.CartographicDegrees[1] != x.LatDeg {
			t.Errorf("site packet %s = %+v, want a labelled point at lon %g lat %g", p.ID, p, x.LonDeg, x.LatDeg)
		}
	}
	epoch, _ := time.Parse(time.RFC3339, s.Epoch)
	for i, tr := range s.Tracks {
		p := doc[1+len(s.Sites)+i]
		if p.Position == nil || p.Path == nil || p.Position.Epoch != s.Epoch {
			t.Errorf("track packet %s = %+v, want a position with epoch %s and a path", p.ID, p, s.Epoch)
			continue
		}
		cd := p.Position.CartographicDegrees
		if len(cd) != 4*len(tr.Points) {
			t.Errorf("track packet %s has %d numbers, want 4 × %d samples [t, lon, lat, h]", p.ID, len(cd), len(tr.Points))
			continue
		}
		for j, x := range tr.Points {
			if cd[4*j] != x.T || cd[4*j+1] != round(x.LonDeg, degreeDecimals) || cd[4*j+2] != round(x.LatDeg, degreeDecimals) {
				t.Errorf("track packet %s sample %d = %v, want [%g %g %g …]", p.ID, j, cd[4*j:4*j+4], x.T, x.LonDeg, x.LatDeg)
			}
		}
		first, last := tr.Points[0].T, tr.Points[len(tr.Points)-1].T
		want := instant(epoch, first) + "/" + instant(epoch, last)
		if p.Availability != want || p.Path.LeadTime != 0 || p.Path.TrailTime != last-first {
			t.Errorf("track packet %s availability %s, path lead %g trail %g; want %s, 0, %g", p.ID, p.Availability, p.Path.LeadTime, p.Path.TrailTime, want, last-first)
		}
	}
	for i, a := range s.Areas {
		p := doc[1+len(s.Sites)+len(s.Tracks)+i]
		if p.Polygon == nil || len(p.Polygon.Positions.CartographicDegrees) != 3*(len(a.Ring)-1) || p.Polygon.Height != a.AltM {
			t.Errorf("area packet %s = %+v, want a polygon of %d positions at %g m", p.ID, p.Polygon, len(a.Ring)-1, a.AltM)
		}
	}
	stop := strings.Split(wantInterval, "/")[1]
	for i, x := range s.Intercepts {
		p := doc[1+len(s.Sites)+len(s.Tracks)+len(s.Areas)+i]
		if want := instant(epoch, x.T) + "/" + stop; p.Availability != want || p.Point == nil {
			t.Errorf("intercept packet %s availability %s, want %s and a point", p.ID, p.Availability, want)
		}
	}
}

// instant is epoch + t in RFC 3339, independently of clock.instant.
func instant(epoch time.Time, t float64) string {
	return epoch.Add(time.Duration(t * float64(time.Second))).Format(time.RFC3339Nano)
}

func TestCZMLOnePacketALine(t *testing.T) {
	out := string(export(t, testScene(t), CZML))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "[" || lines[len(lines)-1] != "]" || !strings.HasPrefix(lines[1], `{"id":"document"`) {
		t.Errorf("WriteCZML layout = %q … %q, want [, the document packet, one packet a line, ]", lines[0], lines[len(lines)-1])
	}
}
