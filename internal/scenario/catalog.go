package scenario

import "strings"

// Catalog is what validation needs from the equipment and place catalog: the
// kind of a name, and the names of a kind (for "did you mean" suggestions
// and lists of allowed values). Lookups ignore case and accept aliases, as
// the catalog does. DefaultCatalog adapts the embedded catalog.
type Catalog interface {
	// Kind returns the kind of the catalog entry called name, one of the
	// Kind constants, and whether there is such an entry.
	Kind(name string) (kind string, ok bool)
	// Names returns the canonical names of the entries of kind, sorted.
	Names(kind string) []string
}

// Catalog kinds a scenario refers to.
const (
	KindSite             = "site"
	KindBallisticMissile = "ballistic-missile"
	KindCruiseMissile    = "cruise-missile"
	KindInterceptor      = "interceptor"
	KindRadar            = "radar"
	KindAircraft         = "aircraft"
)

// kindNoun names a catalog kind in prose.
func kindNoun(kind string) string {
	switch kind {
	case KindBallisticMissile:
		return "ballistic missile"
	case KindCruiseMissile:
		return "cruise missile"
	case "":
		return "entry"
	}
	return kind
}

// article returns noun with "a" or "an" before it.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// placer is what a Catalog may also do: give a site's position, so that
// validation can check the distance between two points as the run will.
type placer interface {
	Position(name string) (latDeg, lonDeg float64, ok bool)
}
