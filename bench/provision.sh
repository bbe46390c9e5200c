#!/bin/sh
# Applies the tutorial setup in the sandbox with a per-call latency model, in simulated time, and prints the
# simulated wall time, the critical-path bound, the one-step-at-a-time time and the number of API calls.
# Needs the project's dependencies in ~/.m2 (works offline). See bench/provision.md.
set -e
cd "$(dirname "$0")/.."
mvn -q -o -B test-compile
mvn -q -o -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.bgwizard.bench.ProvisionBenchmark "$@"
