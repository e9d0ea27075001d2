package catalog

import "testing"

// TestKindA: messages say "an interceptor", "a radar", never "a interceptor".
func TestKindA(t *testing.T) {
	for k, want := range map[Kind]string{KindInterceptor: "an interceptor", KindAircraft: "an aircraft", KindRadar: "a radar",
		KindSite: "a site", KindBallisticMissile: "a ballistic-missile", KindCruiseMissile: "a cruise-missile", "": "a "} {
		if got := k.A(); got != want {
			t.Errorf("%q.A() = %q, want %q", k, got, want)
		}
	}
}
