package study

import (
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/parquetout"
)

// FuzzParseEvent: parseEvent, which reads events.csv's records back for
// events.parquet, returns an event or an error for any 15 cells, never
// panics, and reads an intercept's numbers and names as written.
func FuzzParseEvent(f *testing.F) {
	f.Add("0,intercept,sejjil#1,688.90,US,aegis/SM-3 IIA,SM-3 IIA,171.00,0.5576,2509.8,18043.3,true,43.51470,30.01511,272.345")
	f.Add("3,leak,'=x,513.06,,,,,,,,,38.35000,37.79000,0")
	f.Add("x,kill,,,,,,,,,,,,,")
	f.Fuzz(func(t *testing.T, line string) {
		rec := strings.Split(line, ",")
		if len(rec) != len(eventsHeader) {
			return // csv.Reader's FieldsPerRecord refuses other lengths first
		}
		var ev parquetout.Event
		err := parseEvent(&ev, rec, map[string]string{"'=x": "=x"})
		if err != nil {
			return
		}
		if ev.Event != parquetout.Intercept && ev.Event != parquetout.Leak {
			t.Errorf("event %q accepted", ev.Event)
		}
		if rec[2] == "'=x" && ev.Threat != "=x" {
			t.Errorf("threat %q, want the name behind the inert cell", ev.Threat)
		}
	})
}
