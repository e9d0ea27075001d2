package scene

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateAcceptsValidScene(t *testing.T) {
	if err := validScene().Validate("scene.json"); err != nil {
		t.Errorf("Validate(validScene) = %v, want nil", err)
	}
}

func TestValidateErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		mutate func(s *Scene)
		want   string
	}{
		{"version", func(s *Scene) { s.Version = 0 }, "scene.json: version: 0 is not supported; want 2"},
		{"epoch", func(s *Scene) { s.Epoch = "yesterday" }, `scene.json: epoch: "yesterday" is not an RFC 3339 instant`},
		{"site lat", func(s *Scene) { s.Sites[1].LatDeg = -90.5 }, "scene.json: sites[1].lat_deg: -90.5 is outside [-90, 90]"},
		{"site lon", func(s *Scene) { s.Sites[0].LonDeg = 180.1 }, "scene.json: sites[0].lon_deg: 180.1 is outside [-180, 180]"},
		{"site kind", func(s *Scene) { s.Sites[0].Kind = "tank" }, `scene.json: sites[0].kind: "tank" is not a known kind; allowed: launch, defense, asset, aim, airbase, place`},
		{"site name", func(s *Scene) { s.Sites[0].Name = " " }, "scene.json: sites[0].name: empty"},
		{"track kind", func(s *Scene) { s.Tracks[0].Kind = "" }, `scene.json: tracks[0].kind: "" is not a known kind`},
		{"track samples", func(s *Scene) { s.Tracks[0].Points = s.Tracks[0].Points[:1] }, "scene.json: tracks[0].points: want at least 2 samples, got 1"},
		{"track time", func(s *Scene) { s.Tracks[0].Points[2].T = 60.5 }, "scene.json: tracks[0].points[2].t_s: not increasing (60.5 after 60.5)"},
		{"track lat", func(s *Scene) { s.Tracks[0].Points[1].LatDeg = 95 }, "scene.json: tracks[0].points[1].lat_deg: 95 is outside [-90, 90]"},
		{"track alt", func(s *Scene) { s.Tracks[0].Points[1].AltM = 2e9 }, "scene.json: tracks[0].points[1].alt_m: 2e+09 is not a height"},
		{"area kind", func(s *Scene) { s.Areas[0].Kind = "zone" }, `scene.json: areas[0].kind: "zone" is not a known kind; allowed: radar-coverage, range-ring, battle-space, sector`},
		{"ring short", func(s *Scene) { s.Areas[0].Ring = [][2]float64{{0, 0}, {1, 1}, {0, 0}} }, "scene.json: areas[0].ring: want a closed ring of at least 4 points, got 3"},
		{"ring open", func(s *Scene) { s.Areas[0].Ring[4] = [2]float64{40, 21} }, "scene.json: areas[0].ring: not closed"},
		{"ring lon", func(s *Scene) { s.Areas[0].Ring[2][1] = -200 }, "scene.json: areas[0].ring[2][1]: -200 is outside [-180, 180]"},
		{"ring winds twice", func(s *Scene) {
			var r [][2]float64
			for i := 0; i <= 16; i++ {
				r = append(r, [2]float64{80, LonStep(0, float64(i)*45)})
			}
			s.Areas[0].Ring = r
		}, "scene.json: areas[0].ring: winds 2 times around a pole"},
		{"intercept time", func(s *Scene) { s.Intercepts[0].T = 2e9 }, "scene.json: intercepts[0].t_s: 2e+09 is not a time"},
		{"intercept threat", func(s *Scene) { s.Intercepts[0].Threat = "" }, "scene.json: intercepts[0].threat: empty"},
		{"intercept outcome", func(s *Scene) { s.Intercepts[0].Outcome = "destroyed" }, `scene.json: intercepts[0].outcome: "destroyed" is not a known outcome; allowed: kill, miss, engageable, first-interception, interception`},
	} {
		s := validScene()
		c.mutate(s)
		err := s.Validate("scene.json")
		var se *Error
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Validate(%s) = %v, want an *Error starting %q", c.name, err, c.want)
		}
	}
}
