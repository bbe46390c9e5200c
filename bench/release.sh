#!/bin/sh
# How long a release takes in the simulated account (simulated time, no AWS): commit to production on the new
# version and commit to the end of the pipeline run, with the setup's defaults and the console's. See
# bench/README.md ("Release") for where each duration comes from.
set -e
cd "$(dirname "$0")/.."
mvn -q -o -B test-compile
mvn -q -o -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.bgwizard.bench.ReleaseBenchmark "$@"
