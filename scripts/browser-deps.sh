#!/usr/bin/env bash
# browser-deps.sh installs what the browser tests need: the CesiumJS test
# (internal/export/browser_test.go) and the tests of rampart serve's page
# (internal/server/browser_test.go, driven from Go by chromedp; MapLibre is
# vendored in the tree, so they need no npm):
#
#   /usr/bin/chromium           Debian's chromium, installed with apt-get when missing
#   test/browser/node_modules   the pinned npm cesium package (npm ci) when missing
#
# Both steps are skipped when their result is already there, so the script
# is cheap to run before every test. apt-get needs root, as on CI.
# Usage: scripts/browser-deps.sh   (from anywhere in the repository)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x /usr/bin/chromium ]; then
	echo "browser-deps: installing chromium (apt-get)" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	apt-get install -y chromium
fi

if [ ! -d "$root/test/browser/node_modules" ]; then
	command -v npm >/dev/null || { echo "browser-deps: npm not found" >&2; exit 1; }
	echo "browser-deps: npm ci in test/browser" >&2
	(cd "$root/test/browser" && npm ci --no-audit --no-fund)
fi
