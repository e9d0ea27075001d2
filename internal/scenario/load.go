package scenario

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/rampart-sim/rampart/internal/provenance"
)

// Default is the name of the scenario "rampart run" runs when it is given
// none.
const Default = "europe"

//go:embed library/*.yaml
var libraryFS embed.FS

// Parse reads a scenario from data. filename is used in problem reports only.
// Parse checks syntax, the schema (unknown fields, types) and every rule that
// needs no catalog; Check adds the catalog rules. On bad input it returns nil
// and an *Errors holding every problem found.
func Parse(filename string, data []byte) (*Scenario, error) {
	return Check(filename, data, nil)
}

// Check is Parse followed by Validate with cat, reporting the problems of
// both in one *Errors. A nil cat skips the catalog rules.
func Check(filename string, data []byte, cat Catalog) (*Scenario, error) {
	s, ps := parse(filename, data)
	if ps.Fatal || ps.Full() {
		return nil, ps.Err()
	}
	validate(s, cat, ps)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	s.bad = nil
	s.SHA256 = provenance.SHA256(data)
	return s, nil
}

// Load reads the embedded scenario called nameOrPath, or else the file at
// that path, and checks it against the embedded catalog (DefaultCatalog).
// All bad input, including a name that is neither, yields an *Errors.
func Load(nameOrPath string) (*Scenario, error) {
	return LoadWith(nameOrPath, DefaultCatalog())
}

// LoadWith is Load checking against cat instead of the embedded catalog.
func LoadWith(nameOrPath string, cat Catalog) (*Scenario, error) {
	if data, file, ok := libraryFile(nameOrPath); ok {
		s, err := Check(file, data, cat)
		if err != nil {
			return nil, err
		}
		s.Library = strings.TrimSuffix(path.Base(file), ".yaml")
		return s, nil
	}
	data, err := readFile(nameOrPath)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = fmt.Sprintf("no embedded scenario or file of that name; embedded: %s", strings.Join(libraryNames(), ", "))
		}
		return nil, &Errors{Problems: []Problem{{File: nameOrPath, Msg: msg}}}
	}
	return Check(nameOrPath, data, cat)
}

// readFile reads a scenario file, refusing files over MaxFileSize without
// reading them whole.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the report
		}
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than the limit of %d bytes", MaxFileSize)
	}
	return data, nil
}

// libraryFile returns the embedded file of the scenario called name,
// ignoring case.
func libraryFile(name string) (data []byte, file string, ok bool) {
	if name == "" || strings.ContainsAny(name, `/\`) {
		return nil, "", false
	}
	for _, n := range libraryNames() {
		if strings.EqualFold(n, name) {
			file = "library/" + n + ".yaml"
			data, err := libraryFS.ReadFile(file)
			return data, file, err == nil
		}
	}
	return nil, "", false
}

// libraryNames returns the names of the embedded scenarios, sorted.
func libraryNames() []string {
	entries, _ := libraryFS.ReadDir("library")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

var library = sync.OnceValue(func() []*Scenario {
	var out []*Scenario
	for _, n := range libraryNames() {
		file := path.Join("library", n+".yaml")
		data, err := libraryFS.ReadFile(file)
		if err != nil {
			continue
		}
		// The library is checked against the catalog by the tests; here
		// only the parse is needed, and a broken entry is left out rather
		// than stopping the program.
		if s, err := Parse(file, data); err == nil {
			s.Library = n
			out = append(out, s)
		}
	}
	return out
})

// Library returns the embedded scenarios, sorted by name: the shipped
// analyses, each with the question it answers. The scenarios are shared;
// callers must not modify them (Load returns a private copy).
func Library() []*Scenario {
	return slices.Clone(library())
}

// LibraryText returns the file of the embedded scenario called name
// (ignoring case) as written, for a reader to see or edit, and its path
// ("library/europe.yaml").
func LibraryText(name string) (data []byte, file string, ok bool) {
	return libraryFile(name)
}
