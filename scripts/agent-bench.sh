#!/usr/bin/env bash
# Prints what the agent's wire costs on loopback: an admin command's added latency and the telemetry bytes/s.
# usage: scripts/agent-bench.sh [calls]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl device-core -am test-compile
./mvnw -q -B -pl device-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/device-core/target/agent-bench-classpath.txt"
exec java -cp "device-core/target/test-classes:device-core/target/classes:$(cat device-core/target/agent-bench-classpath.txt)" \
  org.nvmeworkbench.core.agent.AgentWireFigures "$@"
