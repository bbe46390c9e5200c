#!/usr/bin/env bash
# Rows of bench/run.sh's table from bench/release.sh (a release of the tutorial setup in the sandbox, simulated
# time, with the setup's defaults and the console's). run.sh passes the unpacked launcher; this figure does not
# use it.
set -euo pipefail
# Maven 3.8 writes colour resets even in batch mode (dropped); stderr is kept for the message on failure.
out=$("$(dirname "$0")/../release.sh" 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
rows=$(grep -E '^\| Release' <<<"$out" || true)
[ "$(grep -c . <<<"$rows")" -eq 2 ] || { echo "bench/release.sh printed something else:" >&2; echo "$out" >&2; exit 1; }
echo "$rows"
