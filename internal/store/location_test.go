package store

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestParseLocation(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	for _, c := range []struct {
		in      string
		dialect Dialect
		path    string
		bad     string // a word of the error
	}{
		{in: "", dialect: SQLite, path: "/data/rampart/runs.db"},
		{in: "runs.db", dialect: SQLite, path: "runs.db"},
		{in: "/var/lib/rampart/runs.db", dialect: SQLite, path: "/var/lib/rampart/runs.db"},
		{in: "sqlite:team.db", dialect: SQLite, path: "team.db"},
		{in: "postgres://u:secret@db.example:5432/rampart", dialect: Postgres},
		{in: "postgresql://localhost/rampart?sslmode=disable", dialect: Postgres},
		{in: "mysql://localhost/rampart", bad: "unknown scheme"},
		{in: "postgres://u:secret@db:notaport/x", bad: "not a valid PostgreSQL URL"},
		{in: "runs.db?mode=ro", bad: "'?'"},
		{in: "sqlite:", bad: "needs a file path"},
		{in: "runs\n.db", bad: "control character"},
	} {
		l, err := ParseLocation(c.in)
		if c.bad != "" {
			if err == nil || !strings.Contains(err.Error(), c.bad) {
				t.Errorf("ParseLocation(%q) = %+v, %v; want an error about %s", c.in, l, err, c.bad)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("ParseLocation(%q) error shows the password: %v", c.in, err)
			}
			continue
		}
		if err != nil || l.Dialect != c.dialect || c.dialect == SQLite && l.Path != c.path || c.dialect == Postgres && l.URL != c.in {
			t.Errorf("ParseLocation(%q) = %+v, %v; want %s %s", c.in, l, err, c.dialect, c.path)
		}
		if strings.Contains(l.String(), "secret") {
			t.Errorf("Location(%q).String() = %q shows the password", c.in, l.String())
		}
	}
}

func TestDefaultPathWithoutXDG(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "relative/is/ignored")
	t.Setenv("HOME", "/home/ann")
	if p, err := DefaultPath(); err != nil || p != filepath.FromSlash("/home/ann/.local/share/rampart/runs.db") {
		t.Errorf("DefaultPath() = %q, %v; want ~/.local/share/rampart/runs.db", p, err)
	}
}

func TestParseID(t *testing.T) {
	for in, want := range map[string]int64{"1": 1, "42": 42, "#7": 7, "007": 7, "9223372036854775807": 1<<63 - 1} {
		if got, err := ParseID(in); err != nil || got != want {
			t.Errorf("ParseID(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "+1", "1.5", "x", "#", "9223372036854775808", " 1", "1e3", "١"} {
		if got, err := ParseID(in); err == nil {
			t.Errorf("ParseID(%q) = %d, want an error", in, got)
		}
	}
}

// FuzzParseID: ParseID never panics, accepts only ids from 1, and reads
// back what it formats.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{"1", "#12", "0", "-3", "99999999999999999999", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseID(s)
		if err != nil {
			return
		}
		if id < 1 {
			t.Fatalf("ParseID(%q) = %d < 1", s, id)
		}
		if back, err := ParseID(strconv.FormatInt(id, 10)); err != nil || back != id {
			t.Fatalf("ParseID(FormatInt(%d)) = %d, %v", id, back, err)
		}
	})
}

// FuzzParseLocation: ParseLocation never panics; a PostgreSQL location
// keeps the URL as given and its String hides the password; a SQLite
// path is non-empty, without '?', '#' or a URL scheme.
func FuzzParseLocation(f *testing.F) {
	for _, s := range []string{"", "runs.db", "sqlite:x.db", "postgres://u:p@h:5432/d?sslmode=disable",
		"postgresql:///d?host=/tmp", "mysql://x", "file:x?mode=ro", "C:\\runs.db", "postgres://[::1", "a://b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLocation(s)
		if err != nil {
			return
		}
		_ = l.String()
		switch l.Dialect {
		case Postgres:
			if l.URL != s {
				t.Fatalf("ParseLocation(%q).URL = %q", s, l.URL)
			}
		case SQLite:
			if s != "" && (l.Path == "" || strings.ContainsAny(l.Path, "?#")) {
				t.Fatalf("ParseLocation(%q).Path = %q", s, l.Path)
			}
		default:
			t.Fatalf("ParseLocation(%q) dialect %q", s, l.Dialect)
		}
	})
}

// TestRedactHidesThePasswordNotWords: a one-letter password is hidden
// where it stands alone, and the words that contain it are kept
// ("database", not "dataxxxxxase").
func TestRedactHidesThePasswordNotWords(t *testing.T) {
	raw := "postgres://a:b@127.0.0.1:1/x"
	err := redact(errors.New("failed to connect to `user=a database=x`: password=b; url postgres://a:b@127.0.0.1:1/x"), raw)
	want := "failed to connect to `user=a database=x`: password=xxxxx; url postgres://a:xxxxx@127.0.0.1:1/x"
	if err.Error() != want {
		t.Errorf("redact = %q\n want %q", err, want)
	}
	if got := redact(errors.New("auth failed for s3cr3t!"), "postgres://ann:s3cr3t!@db/x").Error(); got != "auth failed for xxxxx" {
		t.Errorf("redact = %q", got)
	}
}
