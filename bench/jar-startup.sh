#!/usr/bin/env bash
# Launch to first window of the wizard from the built jar (`java -jar target/bluegreen-wizard.jar`), under Xvfb.
# Builds nothing: run `mvn package -DskipTests` first. Prints the median of RUNS (default 7) cold launches.
# Issue 5's target on this machine: median <= 1.5 s. (The installed package is measured by bench/run.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-7}
jar=target/bluegreen-wizard.jar
[ -f "$jar" ] || { echo "No $jar: run 'mvn package -DskipTests'" >&2; exit 2; }
if [ -z "${BENCH_ON_XVFB:-}" ]; then
  BENCH_ON_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi

# One cold launch: "<wall ms> <cpu ms>": wall clock from exec to the app's "first-window-shown" line (the app
# exits right after), and the process's user+system CPU time, which a loaded machine distorts much less.
launch() {
  local start line wall="" command=("$@")
  [ ${#command[@]} -gt 0 ] || command=(java -jar "$jar")
  start=$(date +%s%N)
  while IFS= read -r line; do
    case $line in
      first-window-shown*) wall=$(( ($(date +%s%N) - start) / 1000000 )) ;;
      cpu*) [ -n "$wall" ] && awk -v w="$wall" '{printf "%d %d\n", w, ($2+$3)*1000}' <<<"$line" ;;
    esac
  done < <(TIMEFORMAT='cpu %U %S'
    { time (BGWIZARD_REPORT_FIRST_WINDOW=1 BGWIZARD_EXIT_AFTER_FIRST_WINDOW=1 timeout 60 "${command[@]}" 2>&1 \
      >/dev/null); } 2>&1)
  [ -n "$wall" ] || { echo "The window did not show within 60 s" >&2; exit 1; }
}

stats() {
  sort -n -k"$1","$1" | awk -v c="$1" '{v[NR]=$c} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m/1000, v[1]/1000, v[NR]/1000, NR}'
}

out=$(mktemp)
floor=$(mktemp -d)
trap 'rm -rf "$out" "$floor"' EXIT
# The floor: a window of the wizard's size with one label (bench/floor), JavaFX from the same jars, same JVM.
javafx=$(ls target/lib/javafx-*.jar | tr '\n' ':')
javac -cp "$javafx" -d "$floor" bench/floor/FirstWindowFloor.java
# CPU time the hypervisor gave to other guests meanwhile ("steal" in /proc/stat): it lengthens the wall clock.
steal_ticks() { awk '/^cpu /{print $9}' /proc/stat; }
steal_before=$(steal_ticks)
for _ in $(seq "$runs"); do
  launch >>"$out"
  launch java -cp "$floor:$javafx" FirstWindowFloor >>"$floor/times"
done
steal=$(awk -v a="$steal_before" -v b="$(steal_ticks)" -v hz="$(getconf CLK_TCK)" -v n="$((runs * 2))" \
  'BEGIN {printf "%.2f s", (b - a) / hz / n}')
echo "| Figure | Value | Target |"
echo "|---|---|---|"
echo "| Launch to first window, \`java -jar\` (median) | $(stats 1 <"$out") | <= 1.5 s |"
echo "| CPU time of that launch (median) | $(stats 2 <"$out") | |"
echo "| The floor: a one-label JavaFX window from the same jars (median) | $(stats 1 <"$floor/times") | |"
echo "| CPU time of that launch (median) | $(stats 2 <"$floor/times") | |"
echo "| CPU time stolen by the host (other guests) per launch | $steal | |"
echo "| Load average when measured | $(cut -d' ' -f1-3 /proc/loadavg) | |"
