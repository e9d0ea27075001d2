package catalog

// rawFile is the YAML layout of one data file.
type rawFile struct {
	Sources map[string]rawSource `yaml:"sources"`
	Entries []rawEntry           `yaml:"entries"`
}

type rawSource struct {
	Cite string `yaml:"cite"`
	Date string `yaml:"date"`
	URL  string `yaml:"url"`
}

type rawValue struct {
	V      any    `yaml:"v"`      // number or [low, central, high]
	U      string `yaml:"u"`      // unit
	Src    any    `yaml:"src"`    // source key or list of keys
	Assume string `yaml:"assume"` // derivation text; makes the value an assumption
	Date   string `yaml:"date"`   // overrides the source date
	Note   string `yaml:"note"`
}

type rawStage struct {
	Thrust rawValue `yaml:"thrust_kn"`
	Burn   rawValue `yaml:"burn_time_s"`
	Prop   rawValue `yaml:"propellant_kg"`
	Dry    rawValue `yaml:"dry_kg"`
	Src    any      `yaml:"src"`    // default for the four values
	Assume string   `yaml:"assume"` // default for the four values
	Note   string   `yaml:"note"`
	Date   string   `yaml:"date"`
}

type rawClaim struct {
	Label string   `yaml:"label"`
	Range rawValue `yaml:"range_km"`
	Note  string   `yaml:"note"`
}

type rawPos struct {
	Lat    float64 `yaml:"lat"`
	Lon    float64 `yaml:"lon"`
	Spread float64 `yaml:"spread_deg"`
	Src    any     `yaml:"src"`
	Date   string  `yaml:"date"`
	Note   string  `yaml:"note"`
}

type rawEntry struct {
	Name    string              `yaml:"name"`
	Aliases []string            `yaml:"aliases"`
	Kind    string              `yaml:"kind"`
	Country string              `yaml:"country"`
	Summary string              `yaml:"summary"`
	Tags    []string            `yaml:"tags"`
	Params  map[string]rawValue `yaml:"params"`
	Stages  []rawStage          `yaml:"stages"`
	Claims  []rawClaim          `yaml:"claims"`
	Pos     *rawPos             `yaml:"pos"`
}

type catalogData struct {
	entries []Entry
	index   map[string]int // normalized name/alias -> entry index
}
