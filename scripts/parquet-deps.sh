#!/usr/bin/env bash
# parquet-deps.sh installs what the second Parquet reader test needs
# (internal/study/parquet_hyparquet_test.go): node, and the pinned
# hyparquet npm package (a pure-JavaScript Parquet reader):
#
#   node, npm                   Debian's nodejs and npm, installed with apt-get when missing
#   test/parquet/node_modules   the pinned hyparquet (npm ci) when missing
#
# Both steps are skipped when their result is already there, so the script
# is cheap to run before every test. apt-get needs root, as on CI.
# Usage: scripts/parquet-deps.sh   (from anywhere in the repository)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "parquet-deps: installing nodejs and npm (apt-get)" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	apt-get install -y nodejs npm
fi

if [ ! -f "$root/test/parquet/node_modules/hyparquet/package.json" ]; then
	echo "parquet-deps: npm ci in test/parquet" >&2
	(cd "$root/test/parquet" && npm ci --no-audit --no-fund)
fi
