package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/atomicdir"
	"github.com/rampart-sim/rampart/internal/export"
	"github.com/rampart-sim/rampart/internal/scene"
)

func init() { extraCommands = append(extraCommands, newExportCmd) }

func newExportCmd() *cobra.Command {
	var format, out string
	allowed := strings.Join(export.Formats, ", ")
	cmd := &cobra.Command{
		Use:   "export DIR --format czml|kml|geojson [--out FILE]",
		Short: "Export a run's geometry (DIR/scene.json) as CZML, KML or GeoJSON",
		Long: `Export the geometry of a run, DIR/scene.json as written by 'rampart run --out
DIR', for a globe or map: sites, flown tracks, coverage areas and intercepts.

Formats:
  czml     CesiumJS (CZML 1.0): time-tagged tracks with paths, an animated clock
  kml      Google Earth and GIS tools (OGC KML 2.2): folders, time spans, absolute altitudes
  geojson  web maps and GIS tools (RFC 7946): lon,lat order, cut at the antimeridian

The export goes to stdout, or to FILE with --out (written whole or not at all,
through a temporary file renamed into place). A FILE that is a symbolic link,
a directory or DIR/scene.json itself is refused (exit 2).
Heights are metres above the WGS-84 ellipsoid (KML reads them above sea level).`,
		Example: `  rampart run europe --out europe-run
  rampart export europe-run --format czml --out europe.czml
  rampart export europe-run --format geojson > europe.geojson`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if format == "" {
				return badInput("export: --format is required; allowed: %s", allowed)
			}
			if !slices.Contains(export.Formats, format) {
				return badInput("export: --format %q is not allowed; allowed: %s", format, allowed)
			}
			s, err := readExportScene(dir)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := export.Write(&buf, s, format); err != nil {
				return err
			}
			if out == "" {
				_, err := cmd.OutOrStdout().Write(buf.Bytes())
				return err
			}
			return writeExportFile(cmd.Context(), out, filepath.Join(dir, scene.FileName), buf.Bytes())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "export format: "+allowed+" (required)")
	fl.StringVar(&out, "out", "", "write the export to this file instead of stdout")
	return cmd
}

// readScene reads DIR/scene.json; every problem with it is bad input.
func readExportScene(dir string) (*scene.Scene, error) {
	info, err := os.Stat(dir)
	switch {
	case err != nil:
		return nil, badInput("export: %w", err)
	case !info.IsDir():
		return nil, badInput("export: %s is not a directory; give the DIR that 'rampart run --out DIR' wrote", dir)
	}
	file := filepath.Join(dir, scene.FileName)
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, badInput("export: %s has no %s; write one with 'rampart run --out %s'", dir, scene.FileName, dir)
	}
	if err != nil {
		return nil, badInput("export: %w", err)
	}
	defer f.Close()
	s, err := scene.Read(f, file)
	if err != nil {
		var se *scene.Error
		if errors.As(err, &se) {
			return nil, inputError{err}
		}
		return nil, err
	}
	return s, nil
}

// writeExportFile writes data to path whole or not at all (a temporary
// file in the same directory, renamed into place). A path that cannot be
// written at all (missing directory, a symbolic link, a directory, the
// export's own input) is bad input; a failure after that is not.
func writeExportFile(ctx context.Context, path, input string, data []byte) error {
	if samePath(path, input) {
		return badInput("export: --out %s is the export's own input %s; refusing to overwrite it", path, input)
	}
	err := atomicdir.WriteFile(ctx, path, data, 0o644)
	var te *atomicdir.TargetError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &te):
		return badInput("export: --out %w", err)
	}
	return fmt.Errorf("export: write %s: %w; nothing was written", path, err)
}

// samePath reports whether a and b are the same file on disk. The input a
// has just been read, so it exists; a b that does not exist cannot be it.
func samePath(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
