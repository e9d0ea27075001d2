package study

import (
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// ReproduceCommand is the command line that reruns s with o and gives the
// same numbers, to be run as printed from the directory the run was made
// in: an embedded scenario by its name, a file by the path it was read
// from, then --seed and --trials for a study that runs Monte Carlo trials,
// and every other option that changes the result when it is not the
// default and the study reads it (KindUses): --earth, --no-rotation,
// --no-drag, the picks, --fidelity (engine runs, when given) and
// --warning-value. A flag the study would refuse
// is never printed. --workers, --json and --out
// change no number and are left out; add --json or --out DIR to get
// results.json.
func ReproduceCommand(s *scenario.Scenario, o Options) string {
	input := s.Library
	if input == "" {
		input = s.File
		if strings.HasPrefix(input, "-") {
			input = "./" + input // a path, not a flag
		}
	}
	uses := KindUses(s)
	args := []string{"rampart", "run", shellQuote(input)}
	if uses.MonteCarlo {
		args = append(args, "--seed", strconv.FormatInt(o.Seed, 10), "--trials", strconv.Itoa(o.Trials))
	}
	if uses.Physics && o.Physics.Model == "sphere" {
		args = append(args, "--earth", "sphere")
	}
	if uses.Physics && o.Sim.Earth.Omega == 0 {
		args = append(args, "--no-rotation")
	}
	if uses.Physics && !o.Sim.Earth.Drag {
		args = append(args, "--no-drag")
	}
	switch t, d := o.Sim.ThreatPick, o.Sim.DefensePick; {
	case t == d && t != catalog.PickCentral:
		args = append(args, "--pick", t.String())
	case t != d:
		if t != catalog.PickCentral {
			args = append(args, "--pick-threat", t.String())
		}
		if d != catalog.PickCentral {
			args = append(args, "--pick-defense", d.String())
		}
	}
	if s.Analysis == nil && o.Fidelity != "" {
		args = append(args, "--fidelity", o.Fidelity)
	}
	if o.WarningValue {
		args = append(args, "--warning-value")
	}
	return strings.Join(args, " ")
}

// ShellQuote returns s as one word of a POSIX shell (see shellQuote).
func ShellQuote(s string) string { return shellQuote(s) }

// shellQuote returns s as one word of a POSIX shell: unchanged when it
// holds only characters no shell treats specially, else in single quotes.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./:@%+=,", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
