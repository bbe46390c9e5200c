#!/usr/bin/env bash
# Rows of bench/run.sh's table from bench/provision.sh (the provisioning benchmark, from the sources, in
# simulated time; see ../provision.md). run.sh passes the unpacked launcher; this figure does not use it.
set -euo pipefail
# Maven 3.8 writes colour resets even in batch mode (dropped); stderr is kept for the message on failure.
out=$("$(dirname "$0")/../provision.sh" 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
# Second field of the line starting with $1 (after the label), e.g. "13.2".
value() { sed -n "s/^ *$1 *\([0-9.]*\).*/\1/p" <<<"$out"; }
wall=$(value 'simulated wall time, 8 threads')
bound=$(value 'critical-path lower bound')
seq=$(value "seeds' one-step-at-a-time order")
calls=$(value 'API calls')
planning=$(sed -n 's/.*planning made \([0-9]*\) more.*/\1/p' <<<"$out")
[ -n "$wall" ] && [ -n "$bound" ] && [ -n "$seq" ] && [ -n "$calls" ] \
  || { echo "bench/provision.sh printed something else:" >&2; echo "$out" >&2; exit 1; }
ratio=$(awk -v w="$wall" -v b="$bound" 'BEGIN {printf "%.2f", w/b}')
echo "| Provisioning the tutorial setup (sandbox, simulated time): wall time, 8 threads | $wall s ($ratio × the critical-path bound of $bound s) | ≤ 1.1 × bound |"
echo "| Same setup one step at a time, in the seeds' order | $seq s | |"
echo "| API calls of the apply (and of planning) | $calls ($planning) | |"
again=$(sed -n 's/^ *apply with nothing changed *\([0-9]*\) *calls, \([0-9]*\) writes, \([0-9.]*\) s.*/\1 calls, \2 writes, \3 s/p' <<<"$out")
[ -n "$again" ] || { echo "bench/provision.sh printed no apply with nothing changed:" >&2; echo "$out" >&2; exit 1; }
echo "| Apply with nothing changed (plan included) | $again | no write, ≤ 30 calls |"
