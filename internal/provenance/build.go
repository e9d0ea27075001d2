package provenance

import (
	"runtime/debug"
	"strings"
	"sync"
)

// Field names under which documents carry the provenance of a run.
const (
	RampartVersionField = "rampart_version"
	ScenarioSHA256Field = "scenario_sha256"
	SeedField           = "seed"
)

// Build is the build information of a rampart binary.
type Build struct {
	Module    string // main module path
	Version   string // module version: a tag, a pseudo-version, or "(devel)"
	Revision  string // VCS revision (commit hash); "" when the build did not record one
	Time      string // VCS commit time, RFC 3339; "" when not recorded
	Modified  bool   // the working tree had uncommitted changes
	GoVersion string // the Go toolchain that built the binary
}

// ReadBuild returns the build information of the running binary. A binary
// built without module support (never the case for rampart) has only the
// Go version.
func ReadBuild() Build {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Build{Version: "(unknown)"}
	}
	b := Build{Module: bi.Main.Path, Version: bi.Main.Version, GoVersion: bi.GoVersion}
	if b.Version == "" {
		b.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// String is the version in one line: the module version, then the VCS
// revision and "modified" when the build recorded them and the module
// version does not already say so, then the Go version. A build in a Git
// checkout has a pseudo-version that holds the revision's first 12 digits
// and "+dirty" for a modified tree, so that it reads
//
//	v0.0.0-20261203131428-f4ff625abcd1+dirty go1.26.8
//
// and a build that records the revision apart reads
// "(devel) revision f4ff625abcd1… modified go1.26.8". Binaries built by
// go test record no revision: "(devel) go1.26.8".
func (b Build) String() string {
	parts := []string{b.Version}
	if b.Revision != "" && !strings.Contains(b.Version, b.Revision[:min(len(b.Revision), 12)]) {
		parts = append(parts, "revision "+b.Revision)
	}
	if b.Modified && !strings.HasSuffix(b.Version, "+dirty") {
		parts = append(parts, "modified")
	}
	if b.GoVersion != "" {
		parts = append(parts, b.GoVersion)
	}
	return strings.Join(parts, " ")
}

var version = sync.OnceValue(func() string { return ReadBuild().String() })

// Version is ReadBuild().String(), read once: the rampart_version of every
// output of this binary.
func Version() string { return version() }
