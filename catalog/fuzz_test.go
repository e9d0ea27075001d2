package catalog

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary YAML to the catalog loader: it must return data or
// an error, never panic.
func FuzzLoad(f *testing.F) {
	// Small seeds: the fuzzer mutates them far faster than whole data files.
	f.Add([]byte("sources:\n  s1: {title: \"A report\", date: 2020}\nentries:\n  - name: Kozelsk\n    kind: site\n    position: {lat: 54.03, lon: 35.78, src: s1}\n"))
	f.Add([]byte("entries:\n  - name: x\n    kind: radar\n    params: {range_km: {v: [1, 2], u: km}}\n"))
	f.Add([]byte("sources: {a: &a [*a]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = loadFS(fstest.MapFS{"data/x.yaml": {Data: data}})
	})
}
