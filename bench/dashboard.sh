#!/bin/sh
# Dashboard monitor benchmark on the sandbox (simulated time, no AWS): calls per minute idle and active, and the
# delay from a state change in the sandbox to the snapshot that shows it.
set -e
cd "$(dirname "$0")/.."
mvn -q -o -B test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.bgwizard.bench.DashboardBenchmark
