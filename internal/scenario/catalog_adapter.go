package scenario

import "github.com/rampart-sim/rampart/catalog"

// DefaultCatalog returns the embedded equipment and place catalog (package
// catalog) as a Catalog. Load checks scenarios against it.
func DefaultCatalog() Catalog { return embeddedCatalog{} }

// embeddedCatalog adapts package catalog to Catalog.
type embeddedCatalog struct{}

// Kind implements Catalog. Names resolve as catalog.Lookup resolves them:
// ignoring case, spacing and diacritics, through aliases, and with a
// "(CLAIM)" suffix naming a disputed claim.
func (embeddedCatalog) Kind(name string) (string, bool) {
	if _, err := catalog.Load(); err != nil {
		return "", false
	}
	e, err := catalog.Lookup(name)
	if err != nil {
		return "", false
	}
	return string(e.Kind), true
}

// Names implements Catalog.
func (embeddedCatalog) Names(kind string) []string {
	if _, err := catalog.Load(); err != nil || kind == "" {
		return nil
	}
	return catalog.Names(catalog.Kind(kind))
}

// Position implements placer: the central position of a catalog site.
func (embeddedCatalog) Position(name string) (latDeg, lonDeg float64, ok bool) {
	if _, err := catalog.Load(); err != nil {
		return 0, 0, false
	}
	e, err := catalog.Lookup(name)
	if err != nil || !e.Placed() {
		return 0, 0, false
	}
	return e.Lat.Central, e.Lon.Central, true
}
