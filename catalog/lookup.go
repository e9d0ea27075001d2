package catalog

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/rampart-sim/rampart/internal/spelling"
)

var loadOnce = sync.OnceValues(func() (*catalogData, error) { return loadFS(dataFS) })

// Load parses and validates the embedded data (once). All other functions
// use it; the package tests call it so that bad data fails the build's
// tests rather than a user's run.
func Load() ([]Entry, error) {
	d, err := loadOnce()
	if err != nil {
		return nil, err
	}
	return d.entries, nil
}

// MustLoad is Load that panics on error.
func MustLoad() []Entry {
	e, err := Load()
	if err != nil {
		panic(err)
	}
	return e
}

func mustData() *catalogData {
	d, err := loadOnce()
	if err != nil {
		panic(err)
	}
	return d
}

// All returns every entry sorted by Kind (catalog order) then Name. The
// returned entries share no mutable state with the catalog except Params
// maps, which callers must not modify (use Entry.WithClaim or copy).
// All panics if the embedded data is invalid, which the package tests
// rule out.
func All() []Entry {
	d := mustData()
	return append([]Entry(nil), d.entries...)
}

// ByKind returns the entries of kind k, sorted by Name.
func ByKind(k Kind) []Entry {
	var out []Entry
	for _, e := range mustData().entries {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

// Names returns the canonical names of the entries of kind k, sorted. An
// empty kind returns all names.
func Names(k Kind) []string {
	var out []string
	for _, e := range mustData().entries {
		if k == "" || e.Kind == k {
			out = append(out, e.Name)
		}
	}
	return out
}

// Lookup finds an entry by canonical name or alias. Matching ignores case,
// spaces, hyphens, underscores, dots, slashes and common diacritics
// ("kurecik" finds "Kürecik"). "NAME (CLAIM)" returns the entry with that
// claim applied, e.g. "9M729 (Russian claim)". On failure the error lists
// close matches, or the allowed names when there are none.
func Lookup(name string) (Entry, error) {
	d, err := loadOnce()
	if err != nil {
		return Entry{}, err
	}
	if i, ok := d.index[normalize(name)]; ok {
		return d.entries[i], nil
	}
	if base, label, ok := splitClaim(name); ok {
		if i, ok := d.index[normalize(base)]; ok {
			return d.entries[i].WithClaim(label)
		}
	}
	sugg := d.suggest(name, 6)
	if len(sugg) > 0 {
		return Entry{}, fmt.Errorf("catalog: no entry %q; did you mean: %s", name, strings.Join(sugg, ", "))
	}
	return Entry{}, fmt.Errorf("catalog: no entry %q; known names: %s", name, strings.Join(Names(""), ", "))
}

// splitClaim splits "NAME (LABEL)".
func splitClaim(s string) (base, label string, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	i := strings.LastIndex(s, "(")
	if i <= 0 {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1]), true
}

func (d *catalogData) suggest(q string, most int) []string {
	nq := normalize(q)
	type cand struct {
		name  string
		score int
	}
	best := map[string]int{}
	for key, i := range d.index {
		name := d.entries[i].Name
		score := spelling.Distance(nq, key)
		if nq != "" && (strings.Contains(key, nq) || strings.Contains(nq, key)) {
			score = min(score, 1)
		}
		if s, ok := best[name]; !ok || score < s {
			best[name] = score
		}
	}
	limit := max(2, len([]rune(nq))/3)
	var cs []cand
	for n, s := range best {
		if s <= limit {
			cs = append(cs, cand{n, s})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score < cs[j].score
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for i := 0; i < len(cs) && i < most; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

var fold = map[rune]string{
	'ä': "a", 'á': "a", 'à': "a", 'â': "a", 'ã': "a", 'å': "a", 'ą': "a", 'ā': "a",
	'ç': "c", 'č': "c", 'ć': "c",
	'ď': "d", 'đ': "d",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ē': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'į': "i", 'ı': "i", 'ī': "i",
	'ł': "l", 'ľ': "l", 'ĺ': "l",
	'ñ': "n", 'ń': "n", 'ň': "n", 'ņ': "n",
	'ö': "o", 'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ø': "o", 'ő': "o",
	'ř': "r", 'ŕ': "r",
	'š': "s", 'ś': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ü': "u", 'ú': "u", 'ù': "u", 'û': "u", 'ů': "u", 'ű': "u", 'ū': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ž': "z", 'ź': "z", 'ż': "z",
	'ğ': "g", 'ģ': "g", 'ķ': "k", 'ļ': "l",
}

// normalize lower-cases s, folds common Latin diacritics and drops
// characters that do not distinguish names (spaces, hyphens, underscores,
// dots, slashes, apostrophes, commas).
func normalize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '-', '_', '.', '/', '\'', ',', '\t', '‐', '–', '—':
			continue
		}
		if f, ok := fold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
