package study

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/rampart-sim/rampart/internal/parquetout"
	"github.com/rampart-sim/rampart/internal/provenance"
)

// Parquet files of a report directory (package parquetout): an engine
// run's events, and the headline statistics of any run as one point.
const (
	EventsParquetFile  = parquetout.EventsFile
	SummaryParquetFile = parquetout.SummaryFile
)

// parquetMeta is the provenance of res's Parquet files.
func parquetMeta(res *Result) parquetout.Meta {
	m := parquetout.Meta{Version: provenance.Version(), ScenarioSHA256: res.scenario.SHA256, Seed: res.options.Seed}
	if KindUses(res.scenario).MonteCarlo {
		m.Trials = res.options.Trials
	}
	return m
}

// writeSummaryParquet writes res's headline statistics (Statistics) as
// summary.parquet: one point (0), no varied fields.
func writeSummaryParquet(w io.Writer, res *Result) error {
	var rows []parquetout.SummaryRow
	for _, s := range Statistics(res) {
		rows = append(rows, parquetout.SummaryRow{Statistic: s.Name, Label: s.Label,
			Kind: string(s.Kind), Unit: s.Unit, Trials: s.Trials, Value: s.Value, CI95: s.CI95})
	}
	return parquetout.WriteSummary(w, parquetMeta(res), nil, rows)
}

// writeEventsParquet writes an engine run's events as events.parquet,
// row by row from the events.csv spool: the same rows with the same
// values (events.csv's decimals), its names as the scenario spells them
// (not made inert), its provenance columns in the metadata.
func writeEventsParquet(w io.Writer, res *Result) error {
	if res.spool == nil {
		if res.spoolErr != nil {
			return res.spoolErr
		}
		return errors.New("the run's result was closed (Result.Close) before its files were written")
	}
	return res.spool.writeParquet(w, parquetMeta(res))
}

// writeParquet converts the spool's rows into events.parquet on w.
func (s *eventSpool) writeParquet(w io.Writer, m parquetout.Meta) error {
	if s.err != nil {
		return s.err
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	fi, err := s.file.Stat()
	if err != nil {
		return err
	}
	names, err := s.names()
	if err != nil {
		return err
	}
	r := csv.NewReader(bufio.NewReaderSize(io.NewSectionReader(s.file, 0, fi.Size()), 64<<10))
	r.ReuseRecord = true
	header := append(slices.Clip(eventsHeader), EventsProvenance...)
	r.FieldsPerRecord = len(header)
	rec, err := r.Read()
	if err != nil || !slices.Equal(rec, header) {
		return fmt.Errorf("events spool: header %q, want %q (%v)", rec, header, err)
	}
	pw, err := parquetout.NewEventWriter(w, m)
	if err != nil {
		return err
	}
	var ev parquetout.Event
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("events spool: %w", err)
		}
		if err := parseEvent(&ev, rec, names); err != nil {
			line, _ := r.FieldPos(0)
			return fmt.Errorf("events spool line %d: %w", line, err)
		}
		if err := pw.Write(&ev); err != nil {
			return err
		}
	}
	return pw.Close(s.trials)
}

// names maps each name's cell of events.csv (made inert) back to the
// name. Two names with one cell (a threat "=x" and another "'=x") cannot
// be told apart, and are refused.
func (s *eventSpool) names() (map[string]string, error) {
	out := make(map[string]string, len(s.fields))
	for name := range s.fields {
		cell := neutralizeCells([][]string{{name}})[0][0]
		if other, ok := out[cell]; ok && other != name {
			return nil, fmt.Errorf("names %q and %q are the same cell %q of events.csv; rename one to write events.parquet", other, name, cell)
		}
		out[cell] = name
	}
	return out, nil
}

// parseEvent reads one events.csv record (eventsHeader's columns) into ev.
func parseEvent(ev *parquetout.Event, rec []string, names map[string]string) error {
	name := func(cell string) string {
		if n, ok := names[cell]; ok {
			return n
		}
		return cell
	}
	var err error
	num := func(i int) float64 {
		if err != nil {
			return 0
		}
		var x float64
		if x, err = strconv.ParseFloat(rec[i], 64); err != nil {
			err = fmt.Errorf("%s: %w", eventsHeader[i], err)
		}
		return x
	}
	trial, terr := strconv.Atoi(rec[0])
	if terr != nil {
		return fmt.Errorf("trial: %w", terr)
	}
	*ev = parquetout.Event{Trial: trial, Event: rec[1], Threat: name(rec[2]), TimeS: num(3), LatDeg: num(12), LonDeg: num(13), AltKm: num(14)}
	switch rec[1] {
	case parquetout.Intercept:
		ev.Command, ev.Launcher, ev.Interceptor = name(rec[4]), name(rec[5]), name(rec[6])
		ev.LaunchS, ev.PkPlanned, ev.MissM, ev.ReachM = num(7), num(8), num(9), num(10)
		if err == nil {
			ev.Kill, err = strconv.ParseBool(rec[11])
		}
	case parquetout.Leak:
	default:
		return fmt.Errorf("event %q, want %s or %s", rec[1], parquetout.Intercept, parquetout.Leak)
	}
	return err
}
