#!/usr/bin/env bash
# borders.sh regenerates internal/report/data/borders-50m.bin, the country
# borders embedded in the HTML report, from Natural Earth's 1:50m Admin 0
# countries as redistributed in TopoJSON by the world-atlas npm package.
#
#   world-atlas 2.0.2 (ISC licence, Mike Bostock), countries-50m.json
#   = Natural Earth 4.1.0, 1:50m Admin 0 countries (public domain)
#
# The tarball is fetched with `npm pack` into a temporary directory (no
# node_modules is left anywhere) and converted by the Go test helper
# TestGenerateBorders (internal/report/borders_gen_test.go). The tests do
# not run this script; they read the committed file.
#
# Needs bash, npm, tar and Go 1.26.
# Usage: scripts/borders.sh   (from anywhere in the repository)
set -euo pipefail

pkg=world-atlas
version=${WORLD_ATLAS_VERSION:-2.0.2}
ne=4.1.0 # the Natural Earth edition world-atlas $version is built from (its README)
file=countries-50m.json

root=$(cd "$(dirname "$0")/.." && pwd)
export PATH=/usr/local/go/bin:$PATH
for tool in npm tar go; do
	command -v "$tool" >/dev/null || { echo "borders: $tool not found" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null)
tar -xzf "$tmp/$pkg-$version.tgz" -C "$tmp" "package/$file"
sha=$(sha256sum "$tmp/package/$file" | cut -c1-64)

cd "$root"
go test ./internal/report/ -count=1 -run '^TestGenerateBorders$' -v \
	-topojson "$tmp/package/$file" \
	-provenance "source=npm:$pkg@$version/$file sha256=$sha naturalearth=$ne/50m/admin0 licence=public-domain"
ls -l internal/report/data/borders-50m.bin
