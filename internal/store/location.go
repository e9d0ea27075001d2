package store

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
)

// Dialect is the kind of database behind a store.
type Dialect string

// The dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Location is where a store lives: a SQLite file, or a PostgreSQL
// server named by a URL.
type Location struct {
	Dialect Dialect
	// Path is the SQLite file (absolute or relative to the working
	// directory), for SQLite.
	Path string
	// URL is the connection URL, for PostgreSQL.
	URL string
}

// String is the location for people, with a PostgreSQL password hidden.
func (l Location) String() string {
	if l.Dialect == Postgres {
		if u, err := url.Parse(l.URL); err == nil {
			return u.Redacted()
		}
		return "postgres://…"
	}
	return l.Path
}

// ParseLocation reads a --db value: "" for DefaultPath, a postgres:// or
// postgresql:// URL for PostgreSQL, "sqlite:PATH" or a plain PATH for a
// SQLite file. Any other URL scheme, a malformed PostgreSQL URL, and a
// path with control characters or a '?' or '#' (which SQLite's URI
// names would read as a query or fragment) are refused.
func ParseLocation(s string) (Location, error) {
	if s == "" {
		p, err := DefaultPath()
		if err != nil {
			return Location{}, err
		}
		return Location{Dialect: SQLite, Path: p}, nil
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return Location{}, fmt.Errorf("--db %q has a control character", s)
	}
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://") {
		u, err := url.Parse(s)
		if err != nil {
			// The url.Error quotes the URL, password and all: keep only
			// its reason.
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return Location{}, fmt.Errorf("--db is not a valid PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE): %v", err)
		}
		if _, err := pgx.ParseConfig(s); err != nil {
			return Location{}, fmt.Errorf("--db %s is not a valid PostgreSQL URL: %w", u.Redacted(), redact(err, s))
		}
		return Location{Dialect: Postgres, URL: s}, nil
	}
	if p, ok := strings.CutPrefix(s, "sqlite:"); ok {
		s = p
		if s == "" {
			return Location{}, errors.New("--db sqlite: needs a file path (sqlite:PATH)")
		}
	} else if i := strings.Index(s, "://"); i > 0 && isScheme(s[:i]) {
		return Location{}, fmt.Errorf("--db %q: unknown scheme %q; allowed: a file path, sqlite:PATH, postgres://…", s, s[:i])
	}
	if strings.ContainsAny(s, "?#") {
		return Location{}, fmt.Errorf("--db %q: a SQLite path may not contain '?' or '#'", s)
	}
	return Location{Dialect: SQLite, Path: s}, nil
}

// isScheme reports whether s is a URL scheme (RFC 3986, section 3.1).
func isScheme(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// redact replaces a URL's password in an error message.
func redact(err error, raw string) error {
	msg := err.Error()
	if u, perr := url.Parse(raw); perr == nil && u.User != nil {
		if p, ok := u.User.Password(); ok && p != "" {
			msg = hideWord(msg, p)
		}
	}
	return errors.New(msg)
}

// hideWord replaces each occurrence of p in msg that is not part of a
// longer word with "xxxxx": a password "b" is hidden in "password=b" and
// in "a:b@host", and "database" stays "database".
func hideWord(msg, p string) string {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	var out strings.Builder
	for {
		i := strings.Index(msg, p)
		if i < 0 {
			out.WriteString(msg)
			return out.String()
		}
		before, _ := utf8.DecodeLastRuneInString(msg[:i])
		after, _ := utf8.DecodeRuneInString(msg[i+len(p):])
		first, _ := utf8.DecodeRuneInString(p)
		last, _ := utf8.DecodeLastRuneInString(p)
		inWord := (i > 0 && isWord(before) && isWord(first)) || (i+len(p) < len(msg) && isWord(after) && isWord(last))
		out.WriteString(msg[:i])
		if inWord {
			out.WriteString(p)
		} else {
			out.WriteString("xxxxx")
		}
		msg = msg[i+len(p):]
	}
}

// DefaultPath is the per-user store file: $XDG_DATA_HOME/rampart/runs.db,
// or ~/.local/share/rampart/runs.db when XDG_DATA_HOME is unset or not
// absolute (the XDG Base Directory specification).
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "rampart", "runs.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no default run store: %w; give --db PATH", err)
	}
	return filepath.Join(home, ".local", "share", "rampart", "runs.db"), nil
}

// ParseID reads a run id as given on a command line or in a URL path: a
// decimal number from 1 up, optionally written "#N".
func ParseID(s string) (int64, error) {
	t := strings.TrimPrefix(s, "#")
	if t == "" || len(t) > 19 || strings.TrimLeft(t, "0123456789") != "" {
		return 0, fmt.Errorf("run id %q is not a whole number; run ids are whole numbers from 1 (see 'rampart runs list')", s)
	}
	id, err := strconv.ParseInt(t, 10, 64)
	if err != nil || id < 1 {
		return 0, fmt.Errorf("run id %q is out of range; run ids are whole numbers from 1 (see 'rampart runs list')", s)
	}
	return id, nil
}
