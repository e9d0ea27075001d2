package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzAPIBodies sends arbitrary bodies to the routes that read one: every
// answer is JSON, and none is a 5xx (bad input is a 4xx).
func FuzzAPIBodies(f *testing.F) {
	for _, seed := range []string{
		`{"scenario":"europe"}`,
		`{"yaml":"name: x\nquestion: q\n"}`,
		`{"yaml":"name: [\n"}`,
		`{"from":"Tabriz","to":"Bucharest","missile":"Sejjil-2"}`,
		`{"from":"91,0","to":"0,0"}`,
		`{"from":"0,0","to":"0,0.001","burnout_speed_kms":12}`,
		`{"site":"Redzikowo","radar":"AN/SPY-1D(V)","altitudes_km":[-1]}`,
		`{"site":"<script>","missile":"\u0000"}`,
		`{"scenario":"europe","trials":0}`,
		`{"scenario":"kaliningrad","seed":-5}`,
		`{"scenario":"europe","vary":["owners[US].doctrine.salvo=1,2"],"trials":1}`,
		`{"scenario":"europe","vary":["catalog.\"SM-3 IB\".pk=0:1:0.0000001"]}`,
		`{"scenario":"europe","vary":["threats[0].count=1:3:0"]}`,
		`[]`, `null`, `"x"`, `{"yaml": 5}`, `{}{}`,
	} {
		for _, route := range []string{"/api/validate", "/api/fly", "/api/explore", "/api/runs", "/api/sweeps"} {
			f.Add(route, seed)
		}
	}
	srv, _ := testServer(f, Config{QueueLimit: 1})
	routes := map[string]bool{"/api/validate": true, "/api/fly": true, "/api/explore": true, "/api/runs": true, "/api/sweeps": true}
	f.Fuzz(func(t *testing.T, route, body string) {
		if !routes[route] {
			return
		}
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, route, strings.NewReader(body)))
		if rec.Code >= 500 {
			t.Fatalf("POST %s %q = %d: %s", route, body, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("POST %s %q = %d, not JSON: %q", route, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 {
			var e ErrorBody
			if json.Unmarshal(rec.Body.Bytes(), &e); e.Error == "" {
				t.Fatalf("POST %s %q = %d without an error message: %s", route, body, rec.Code, rec.Body)
			}
		}
	})
}
