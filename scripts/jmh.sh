#!/usr/bin/env bash
# Runs device-core's JMH benchmarks (classes under device-core/src/test/java/**/bench and sim).
# usage: scripts/jmh.sh [JMH options], e.g. scripts/jmh.sh IoPathBenchmark -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl device-core -am install -DskipTests
./mvnw -q -B -pl device-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=device-core/target/jmh-classpath.txt
exec java -cp "device-core/target/test-classes:device-core/target/classes:$(cat device-core/target/jmh-classpath.txt)" \
  org.openjdk.jmh.Main "$@"
