package catalog

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Format writes a full text rendering of the entry: header, summary, every
// parameter with low/central/high, unit, source, date and note, stages,
// claims and position. It is what `rampart catalog NAME` prints.
func (e Entry) Format(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  [%s]  %s\n", e.Name, e.Kind, e.Country)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(&b, "aliases: %s\n", strings.Join(e.Aliases, ", "))
	}
	if len(e.Tags) > 0 {
		fmt.Fprintf(&b, "tags:    %s\n", strings.Join(e.Tags, ", "))
	}
	if e.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", wrap(e.Summary, 78, ""))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	cites := []string{}
	citeIndex := map[string]int{}
	ref := func(v Value) string {
		key := v.Source
		i, ok := citeIndex[key]
		if !ok {
			cites = append(cites, key)
			i = len(cites)
			citeIndex[key] = i
		}
		s := fmt.Sprintf("[%d]", i)
		if v.Note != "" {
			s += " " + v.Note
		}
		return s
	}
	line := func(name string, v Value) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, fmtNum(v.Low), fmtNum(v.Central), fmtNum(v.High), v.Unit, v.Date, ref(v))
	}
	if e.Kind == KindSite || !e.Lat.IsZero() {
		fmt.Fprintf(tw, "\nposition\tlow\tcentral\thigh\tunit\tdate\tsource/note\n")
		line("lat", e.Lat)
		line("lon", e.Lon)
	}
	if len(e.Params) > 0 {
		fmt.Fprintf(tw, "\nparameter\tlow\tcentral\thigh\tunit\tdate\tsource/note\n")
		for _, k := range e.ParamKeys() {
			line(k, e.Params[k])
		}
	}
	for i, s := range e.Stages {
		fmt.Fprintf(tw, "\nstage %d (Isp ≈ %.0f s)\tlow\tcentral\thigh\tunit\tdate\tsource/note\n", i+1, s.Isp(PickCentral))
		line("thrust_kn", s.ThrustKN)
		line("burn_time_s", s.BurnTimeS)
		line("propellant_kg", s.PropellantKg)
		line("dry_kg", s.DryKg)
	}
	if len(e.Claims) > 0 {
		fmt.Fprintf(tw, "\nclaim (range_km)\tlow\tcentral\thigh\tunit\tdate\tsource/note\n")
		for _, c := range e.Claims {
			line(c.Label, c.RangeKm)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	b.Reset()
	if len(e.Stages) > 0 {
		if dv, err := e.IdealDeltaV(PickCentral); err == nil {
			fmt.Fprintf(&b, "\nderived: launch mass %.0f kg, ideal Δv %.2f km/s (central values, no gravity/drag losses)", e.LaunchMassKg(PickCentral), dv)
			if r, ok := e.Params["range_km"]; ok && e.Kind == KindBallisticMissile {
				fmt.Fprintf(&b, "; minimum-energy burnout speed for %s km: %.2f km/s", fmtNum(r.Central), MinEnergyBurnoutSpeed(r.Central))
			}
			b.WriteString("\n")
		}
	}
	if len(cites) > 0 {
		b.WriteString("\nsources:\n")
		for i, c := range cites {
			fmt.Fprintf(&b, "%s\n", wrap(fmt.Sprintf("[%d] %s", i+1, c), 78, "    "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// FormatList writes a compact one-line-per-entry listing (kind, name,
// country, aliases, summary), as printed by `rampart catalog`.
func FormatList(w io.Writer, entries []Entry) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "KIND\tNAME\tCOUNTRY\tALIASES\tSUMMARY\n")
	for _, e := range entries {
		al := strings.Join(e.Aliases, ", ")
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Kind, e.Name, e.Country, truncate(al, 32), truncate(firstSentence(e.Summary), 70))
	}
	return tw.Flush()
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func wrap(s string, width int, indent string) string {
	words := strings.Fields(s)
	var b strings.Builder
	col := 0
	for i, wd := range words {
		l := len([]rune(wd))
		if i > 0 {
			if col+1+l > width {
				b.WriteString("\n" + indent)
				col = len(indent)
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(wd)
		col += l
	}
	return b.String()
}
