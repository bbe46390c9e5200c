#!/usr/bin/env bash
# Rows of bench/run.sh's table from bench/dashboard.sh (the dashboard's monitor on the sandbox, in simulated
# time), which prints its own table: its rows are passed on without its header. run.sh passes the unpacked
# launcher; this figure does not use it.
set -euo pipefail
# Maven 3.8 writes colour resets even in batch mode (dropped); stderr is kept for the message on failure.
out=$("$(dirname "$0")/../dashboard.sh" 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
rows=$(grep -E '^\| (Monitor|Delay)' <<<"$out" || true)
[ "$(grep -c . <<<"$rows")" -ge 3 ] || { echo "bench/dashboard.sh printed something else:" >&2; echo "$out" >&2; exit 1; }
echo "$rows"
