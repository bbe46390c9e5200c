#!/usr/bin/env bash
# Rows of bench/run.sh's table from bench/dashboard.sh (the dashboard's monitor on the sandbox, in simulated
# time). run.sh passes the unpacked launcher; this figure does not use it.
set -euo pipefail
# Maven 3.8 writes colour resets even in batch mode (dropped); stderr is kept for the message on failure.
out=$("$(dirname "$0")/../dashboard.sh" 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
idle=$(sed -n 's/^calls_per_minute_idle=\([0-9.]*\).*/\1/p' <<<"$out")
active=$(sed -n 's/^calls_per_minute_active=\([0-9.]*\).*/\1/p' <<<"$out")
from_idle=$(sed -n 's/^delay_seconds_from_idle=\([0-9-]*\).*/\1/p' <<<"$out")
max=$(sed -n 's/^delay_seconds_while_active max=\([0-9-]*\).*/\1/p' <<<"$out")
mean=$(sed -n 's/^delay_seconds_while_active .*mean=\([0-9.]*\).*/\1/p' <<<"$out")
[ -n "$idle" ] && [ -n "$active" ] && [ -n "$max" ] && [ -n "$mean" ] \
  || { echo "bench/dashboard.sh printed something else:" >&2; echo "$out" >&2; exit 1; }
echo "| Dashboard API calls per minute, idle / during a deployment | $idle / $active | ≤ 60 (1 call/s on average) |"
echo "| Dashboard: state change to the snapshot showing it, during a deployment | max $max s (mean $mean s) | ≤ 5 s |"
echo "| Same, for the first change after idling | $from_idle s | |"
