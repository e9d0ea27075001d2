package provenance

import (
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestSHA256 checks the digest against the "abc" example of FIPS 180-4
// (NIST, Secure Hash Standard, 2015; example B.1 of FIPS 180-2).
func TestSHA256(t *testing.T) {
	const want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if got := SHA256([]byte("abc")); got != want {
		t.Errorf("SHA256(abc) = %s, want %s", got, want)
	}
}

func TestBuildString(t *testing.T) {
	for _, c := range []struct {
		b    Build
		want string
	}{
		{Build{Version: "(devel)", GoVersion: "go1.26.8"}, "(devel) go1.26.8"},
		{Build{Version: "v1.2.3", GoVersion: "go1.26.0"}, "v1.2.3 go1.26.0"},
		// The pseudo-version holds the revision and the modified flag.
		{Build{Version: "v0.0.0-20261203131428-f4ff625abcd1+dirty", Revision: "f4ff625abcd1e2", Modified: true, GoVersion: "go1.26.8"},
			"v0.0.0-20261203131428-f4ff625abcd1+dirty go1.26.8"},
		{Build{Version: "(devel)", Revision: "f4ff625abcd1e2", Modified: true, GoVersion: "go1.26.8"},
			"(devel) revision f4ff625abcd1e2 modified go1.26.8"},
		{Build{Version: "v1.2.3", Revision: "f4ff625abcd1e2", GoVersion: "go1.26.8"},
			"v1.2.3 revision f4ff625abcd1e2 go1.26.8"},
	} {
		if got := c.b.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.b, got, c.want)
		}
	}
}

// TestVersionFromBuildInfo: the version is read from the binary's build
// information, so it names the Go toolchain that built it.
func TestVersionFromBuildInfo(t *testing.T) {
	v := Version()
	if !strings.HasSuffix(v, runtime.Version()) {
		t.Errorf("Version() = %q, want it to end with the Go version %s", v, runtime.Version())
	}
	if b := ReadBuild(); b.Module != "github.com/rampart-sim/rampart" || b.Version == "" {
		t.Errorf("ReadBuild() = %+v, want the rampart module and a version", b)
	}
}

func TestTeeSHA256(t *testing.T) {
	r, sum := TeeSHA256(strings.NewReader("abc"))
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	if got, want := sum(), SHA256([]byte("abc")); got != want {
		t.Errorf("TeeSHA256(abc) = %s, want %s", got, want)
	}
}
