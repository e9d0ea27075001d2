package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

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

The export goes to stdout, or to FILE with --out (written whole or not at all).
Heights are metres above the WGS-84 ellipsoid (KML reads them above sea level).`,
		Example: `  rampart run europe --out runs/europe
  rampart export runs/europe --format czml --out europe.czml
  rampart export runs/europe --format geojson > europe.geojson`,
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
			return writeExportFile(out, buf.Bytes())
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

// writeFileWhole writes data to path through a temporary file in the same
// directory, renamed into place, so that path is never left half written.
// A path that cannot be created is bad input; a failure after that is not.
func writeExportFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return badInput("export: --out: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("export: write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return badInput("export: --out: %w", err)
	}
	return nil
}
