package catalog

import (
	"strings"
)

// Units lists the allowed units.
var Units = []string{
	"km", "m", "km/s", "m/s", "kg", "kN", "s", "min", "m2", "kg/m2", "dB",
	"GHz", "kW", "deg", "K", "us", "mach", "1", "count", "g",
}

// suffixUnits maps a parameter-name suffix to its required unit.
var suffixUnits = []struct{ suffix, unit string }{
	{"_kgm2", "kg/m2"}, {"_kms", "km/s"}, {"_mps", "m/s"}, {"_mach", "mach"},
	{"_count", "count"}, {"_ghz", "GHz"}, {"_deg", "deg"}, {"_min", "min"},
	{"_km", "km"}, {"_m2", "m2"}, {"_kg", "kg"}, {"_kn", "kN"}, {"_kw", "kW"},
	{"_db", "dB"}, {"_us", "us"}, {"_m", "m"}, {"_s", "s"}, {"_k", "K"}, {"_g", "g"},
}

// unitForKey returns the unit a parameter name implies ("" if none).
func unitForKey(key string) string {
	if key == "pk" || strings.HasSuffix(key, "_pk") || strings.HasSuffix(key, "_frac") {
		return "1"
	}
	for _, su := range suffixUnits {
		if strings.HasSuffix(key, su.suffix) {
			return su.unit
		}
	}
	return ""
}
