package scenario

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// fakeCatalog is a small Catalog for tests that must not depend on the
// contents of the real one.
type fakeCatalog map[string]string // name -> kind

var testCatalog = fakeCatalog{
	"Deveselu":  KindSite,
	"Redzikowo": KindSite,
	"Kürecik":   KindSite,
	"Tabriz":    KindSite,
	"Bucharest": KindSite,
	"Ankara":    KindSite,
	"AN/SPY-1D": KindRadar,
	"AN/TPY-2":  KindRadar,
	"SM-3 IB":   KindInterceptor,
	"SM-3 IIA":  KindInterceptor,
	"Shahab-3":  KindBallisticMissile,
	"Sejjil":    KindBallisticMissile,
	"Tomahawk":  KindCruiseMissile,
	"Su-27":     KindAircraft,
}

func (c fakeCatalog) Kind(name string) (string, bool) {
	for n, k := range c {
		if strings.EqualFold(n, name) {
			return k, true
		}
	}
	return "", false
}

func (c fakeCatalog) Names(kind string) []string {
	var out []string
	for n, k := range c {
		if k == kind {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// validDoc is a small valid scenario; tests break it one line at a time.
// Line numbers in expected messages refer to it.
const validDoc = `name: test
run: {seed: 1, trials: 1, duration_s: 600}
owners:
  - name: US
sites:
  - name: Deveselu
    owner: US
    place: Deveselu
    platforms:
      - name: aegis
        parts:
          - {kind: radar, type: AN/SPY-1D}
          - {kind: launcher, interceptor: SM-3 IB, rounds: 24}
threats:
  - name: t1
    missile: Shahab-3
    from: {place: Tabriz}
    to: {place: Bucharest}
    profile: min-energy
assets:
  - {name: Bucharest, place: Bucharest, value: 10, owner: US}
`

// edit returns validDoc with old replaced by new, failing the test if old is
// not in it exactly once.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if n := strings.Count(validDoc, old); n != 1 {
		t.Fatalf("edit: %q occurs %d times in validDoc, want 1", old, n)
	}
	return strings.Replace(validDoc, old, new, 1)
}

// problemLines returns the lines of err, which must be an *Errors.
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var e *Errors
	if !errors.As(err, &e) {
		t.Fatalf("error %T (%v) is not an *Errors", err, err)
	}
	return strings.Split(e.Error(), "\n")
}

// Position gives Tabriz its catalog position (sites.yaml), so validation
// can measure distances from it; other places have none here.
func (c fakeCatalog) Position(name string) (latDeg, lonDeg float64, ok bool) {
	if strings.EqualFold(name, "Tabriz") {
		return 38.08, 46.29, true
	}
	return 0, 0, false
}
