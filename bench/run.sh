#!/usr/bin/env bash
# Every figure of the benchmark as one Markdown table: start-up, memory and sizes of the packaged app, then the
# rows of bench/figures/*.sh (provisioning, dashboard, release). Builds the sources (offline) for those but not the
# package: make the .deb first with `mvn -Pinstaller package`. Usage: bench/run.sh [path/to/bluegreen-wizard_*.deb]
# RUNS (default 7) cold launches per setting; IDLE_SECONDS (default 5) before reading the idle wizard's memory.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-7}
idle=${IDLE_SECONDS:-5}
deb=${1:-$(ls target/installer/bluegreen-wizard_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "No .deb: run 'mvn -Pinstaller package' or name one" >&2; exit 2; }

# Every launch opens the window on one virtual display, the same wherever this runs.
if [ -z "${BENCH_ON_XVFB:-}" ]; then
  BENCH_ON_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$deb"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
app=$work/root/opt/bluegreen-wizard
launcher=$app/bin/bluegreen-wizard
archive=$app/lib/app/bluegreen-wizard.jsa

# What the package's postinst does after installing: the CDS archive for these paths.
start=$(date +%s%N)
"$app/lib/make-cds-archive"
made_ms=$(( ($(date +%s%N) - start) / 1000000 ))
mv "$archive" "$work/app.jsa"
# For comparison, the first pass's archive: the same classes from the runtime image only (JDK and JavaFX; no
# class path, so the app's classes are left out and their "cannot find" warnings are silenced).
"$app/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=error -XX:SharedArchiveFile="$work/runtime-only.jsa" \
  -XX:SharedClassListFile="$app/lib/app/bluegreen-wizard.classlist" >/dev/null

# The floor: a window of the wizard's size with one label (bench/floor), on the same runtime with the launcher's
# options and an archive of its own classes made the package's way (a training run's class list, then a dump).
floor=$work/floor-window
options=$(grep -oE -- '-XX:[^ ]+' "$launcher" | grep -v SharedArchiveFile | tr '\n' ' ')
javac --system "$app/lib/runtime" -d "$floor" bench/floor/FirstWindowFloor.java
jar cf "$floor.jar" -C "$floor" .  # CDS takes class-path jars, not folders
"$app/lib/runtime/bin/java" $options -XX:DumpLoadedClassList="$floor.classlist" -cp "$floor.jar" FirstWindowFloor \
  2>/dev/null
"$app/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=error -XX:SharedClassListFile="$floor.classlist" \
  -XX:SharedArchiveFile="$floor.jsa" -cp "$floor.jar" >/dev/null

# One launch to the first frame: prints "<wall ms> <app ms> <launcher ms> <cpu ms>". Wall runs from exec to
# the probe's line, app from JVM start to the same frame (the app's own clock), launcher is the difference
# (spent before the JVM starts), cpu is the process's user+system time for the whole launch, which a busy
# machine changes much less than the clock times. Launches the installed command, or the command given.
launch() {
  local start line wall="" app="" command=("$@")
  [ ${#command[@]} -gt 0 ] || command=("$launcher")
  start=$(date +%s%N)
  while IFS= read -r line; do
    case $line in
      first-window-shown*) wall=$(( ($(date +%s%N) - start) / 1000000 )); app=${line#first-window-shown } ;;
      cpu*) [ -n "$wall" ] && awk -v w="$wall" -v a="$app" '{printf "%d %d %d %d\n", w, a, w-a, ($2+$3)*1000}' <<<"$line" ;;
    esac
  done < <(TIMEFORMAT='cpu %U %S'
    { time (BGWIZARD_REPORT_FIRST_WINDOW=1 BGWIZARD_EXIT_AFTER_FIRST_WINDOW=1 timeout 60 "${command[@]}" 2>&1 >/dev/null); } 2>&1)
  [ -n "$wall" ] || { echo "The window did not show within 60 s" >&2; exit 1; }
}

# Median, min and max of column $1 over stdin, in seconds.
stats() {
  sort -n -k"$1","$1" | awk -v c="$1" '{v[NR]=$c} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m/1000, v[1]/1000, v[NR]/1000, NR}'
}

# The launcher finds the archive at one path; each setting puts its archive there (or none). The settings
# take turns, so a change in the machine's load hits them alike.
use() { rm -f "$archive"; if [ -n "$1" ]; then ln -s "$1" "$archive"; fi; }
series() {
  for _ in $(seq "$runs"); do
    use "$work/app.jsa";          launch >>"$work/app"
    use "$work/runtime-only.jsa"; launch >>"$work/runtime-only"
    launch "$app/lib/runtime/bin/java" -XX:SharedArchiveFile="$floor.jsa" -Xshare:auto $options -cp "$floor.jar" \
      FirstWindowFloor >>"$work/floor"
    use "";                       launch >>"$work/none"
  done
  use "$work/app.jsa"
}

idle_rss_mb() {
  local log=$work/idle.log pid
  : >"$log"
  BGWIZARD_REPORT_FIRST_WINDOW=1 "$launcher" 2>"$log" >/dev/null &
  pid=$!
  for _ in $(seq 600); do grep -q first-window-shown "$log" && break; sleep 0.1; done
  sleep "$idle"
  awk '{printf "%.0f MB", $1/1024}' <<<"$(ps -o rss= -p "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

mb() { awk '{printf "%.1f MB", $1/1000000}' <<<"$1"; }

# CPU time the hypervisor gave to other guests while ours wanted it ("steal" in /proc/stat): on a shared
# host the clock times above grow with it, so it is printed beside them.
steal_ticks() { awk '/^cpu /{print $9}' /proc/stat; }
steal_before=$(steal_ticks)
series
steal_per_launch=$(awk -v a="$steal_before" -v b="$(steal_ticks)" -v hz="$(getconf CLK_TCK)" -v n="$((runs * 4))" \
  'BEGIN {printf "%.2f s", (b - a) / hz / n}')
rss=$(idle_rss_mb)
rm "$archive"; mv "$work/app.jsa" "$archive"

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GB," \
  "$(. /etc/os-release && echo "$PRETTY_NAME"), load average $(cut -d' ' -f1-3 /proc/loadavg) after the launches"
echo "Package: $(basename "$deb"); launches on Xvfb 1280x1024x24 from the unpacked .deb"
echo
echo "| Figure | Value | Target |"
echo "|---|---|---|"
echo "| Launch to first window, median of $runs (wall clock) | $(stats 1 <"$work/app") | ≤ 1.0 s |"
echo "| JVM start to first window, same launches (app's clock) | $(stats 2 <"$work/app") | |"
echo "| Launch to JVM start, same launches (the launcher) | $(stats 3 <"$work/app") | |"
echo "| CPU time per launch (user+system, to the first window and exit) | $(stats 4 <"$work/app") | |"
echo "| CPU time stolen by the host (other guests) per launch, all settings' launches | $steal_per_launch | |"
echo "| The floor: a one-label JavaFX window, same runtime, options and kind of archive | $(stats 1 <"$work/floor") | |"
echo "| CPU time per launch of that window | $(stats 4 <"$work/floor") | |"
echo "| Launch to first window, archive of JDK and JavaFX classes only | $(stats 1 <"$work/runtime-only") | |"
echo "| CPU time per launch, archive of JDK and JavaFX classes only | $(stats 4 <"$work/runtime-only") | |"
echo "| Launch to first window without a CDS archive | $(stats 1 <"$work/none") | |"
echo "| CPU time per launch without a CDS archive | $(stats 4 <"$work/none") | |"
echo "| Idle wizard resident memory, ${idle} s after the first window | $rss | ≤ 250 MB |"
echo "| .deb size | $(mb "$(stat -c %s "$deb")") | ≤ 100 MB |"
echo "| Installed size (/opt/bluegreen-wizard, with the archive) | $(mb "$(du -sb "$app" | cut -f1)") | |"
echo "| of which Java runtime / CDS archive | $(mb "$(du -sb "$app/lib/runtime" | cut -f1)") / $(mb "$(stat -c %s "$archive")") | |"
echo "| Making the CDS archive at install (postinst) | $(awk -v t="$made_ms" 'BEGIN {printf "%.1f s", t/1000}') | |"

# Further figures: each executable bench/figures/*.sh gets the unpacked launcher and prints its own rows.
for figure in bench/figures/*.sh; do
  if [ -x "$figure" ]; then "$figure" "$launcher"; fi
done
