package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input panics, that every failure is an *Errors
// of well-formed problems, that results are deterministic, and that what
// Check accepts also passes Validate on its own.
func FuzzParse(f *testing.F) {
	for _, n := range libraryNames() {
		data, err := libraryFS.ReadFile("library/" + n + ".yaml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(validDoc))
	for _, c := range problemCases {
		if c.old != validDoc {
			f.Add([]byte(edit(&testing.T{}, c.old, c.new)))
		}
	}
	for _, s := range []string{
		"", "{}", "[]", "~", "name: &a [*a]", "a: *b", "<<: *x", "x-a: &a {n: 1}\n<<: *a\n",
		"name: !!str 12", "name: !!binary aGk=", "run: {seed: 0x10}", "? [a]\n: b",
		"name: |\n  x\n", "--- \n...\n---\n", "%YAML 1.2\n---\nname: x\n", "\t- a",
		"threats: [{<<: [*a, *b]}]", "sites: [{platforms: [{parts: [{kind: radar, azimuth_deg: .nan}]}]}]",
		"sites: [{antenna_height_m: .nan, platforms: [{parts: [{kind: radar}]}]}]", "sites: [{antenna_height_m: -1e309}]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Check("f.yaml", data, testCatalog)
		if err == nil {
			if s == nil {
				t.Fatal("Check returned nil scenario and nil error")
			}
			if verr := Validate(s, testCatalog); verr != nil {
				t.Fatalf("Check accepted a scenario Validate rejects:\n%v", verr)
			}
			return
		}
		var e *Errors
		if !errors.As(err, &e) {
			t.Fatalf("Check error %T is not *Errors: %v", err, err)
		}
		if s != nil {
			t.Fatal("Check returned a scenario with an error")
		}
		if len(e.Problems) == 0 {
			t.Fatal("*Errors with no problems")
		}
		for _, p := range e.Problems {
			if p.File != "f.yaml" || p.Msg == "" || p.Line < 0 || p.Col < 0 {
				t.Fatalf("malformed problem %+v", p)
			}
		}
		_, err2 := Check("f.yaml", data, testCatalog)
		if err2 == nil || err2.Error() != err.Error() {
			t.Fatalf("Check is not deterministic:\n%v\nthen\n%v", err, err2)
		}
	})
}
