#!/bin/bash
# ci-vfio.sh - proves the VFIO backend for real: boots a QEMU (TCG) guest whose emulated NVMe
# controller sits behind an emulated IOMMU and is bound to vfio-pci, and runs guest-checks.sh there
# (the CLI against vfio:$NVME_BDF, then the JUnit class VfioQemuIT). Prints a summary; exits non-zero
# on any failure or skip.
#
# Expects the project already built on the host (CI runs `./mvnw -B verify` first); with
# a private build directory, set BUILD_DIR (e.g. BUILD_DIR=target-vfio). Caches the guest kernel,
# the classpath and the JUnit console launcher under target/qemu-vfio.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BUILD=${BUILD_DIR:-target}
WORK=$ROOT/target/qemu-vfio
RES=$WORK/results
JUNIT_VERSION=1.11.4   # the platform that goes with JUnit Jupiter 5.11.4 (parent pom)
log() { echo "[ci-vfio $(date +%T)] $*" >&2; }
start=$(date +%s)

classes=$ROOT/device-core/$BUILD/classes
tests=$ROOT/device-core/$BUILD/test-classes
if [ ! -f "$tests/org/nvmeworkbench/core/vfio/VfioQemuIT.class" ] || [ ! -f "$classes/org/nvmeworkbench/core/vfio/VfioPciFunction.class" ]; then
  log "device-core is not built in device-core/$BUILD: run './mvnw -q -B -DskipTests install' first (or set BUILD_DIR)"
  exit 2
fi
mkdir -p "$WORK/lib"

# Classpath for plain java in the guest. JUnit's own jars stay out: the console launcher bundles
# them, and two copies of the Jupiter engine make the launcher refuse to start.
mvnq() { "$ROOT/mvnw" -q -B -o "$@" 2>/dev/null || "$ROOT/mvnw" -q -B "$@"; }
mvnq dependency:build-classpath -pl device-core -Dmdep.outputFile="$WORK/cp.txt" \
  -DexcludeGroupIds=org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian >/dev/null
echo "$classes:$tests:$(cat "$WORK/cp.txt")" > "$WORK/guest-classpath.txt"
launcher=$WORK/lib/junit-platform-console-standalone-$JUNIT_VERSION.jar
if [ ! -f "$launcher" ]; then
  log "fetching junit-platform-console-standalone $JUNIT_VERSION"
  mvnq -N dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$JUNIT_VERSION \
    -DoutputDirectory="$WORK/lib" >/dev/null
fi

rm -rf "$RES"; mkdir -p "$RES"

# The host's side of the agent check: once the guest's agent serves the VFIO device (agent-ready names it),
# this host's command line attaches it through QEMU's forwarded port: identify, get-feature, a read run.
AGENT_HOST_PORT=${AGENT_HOST_PORT:-17450}
export AGENT_HOST_PORT
agent_checks() {
  local cp; cp=$(cat "$WORK/guest-classpath.txt")
  rm -rf "$WORK/agent-client" # a new guest, a new agent certificate: its first use must pin it
  for i in $(seq 1 1800); do
    [ -f "$RES/agent-ready" ] && break
    [ -f "$RES/agent-ready-failed" ] && { echo "FAIL the guest's agent did not start (results/agent.log)" > "$RES/agent-summary.txt"; return; }
    sleep 0.5
  done
  if [ ! -f "$RES/agent-ready" ]; then
    echo "FAIL the guest's agent was not ready within 900 s" > "$RES/agent-summary.txt"; return
  fi
  local dev="remote://127.0.0.1:$AGENT_HOST_PORT/vfio:$(cat "$RES/agent-ready")" sum=$RES/agent-summary.txt
  local cli=(java -Dnvmeworkbench.home="$WORK/agent-client" -cp "$cp" org.nvmeworkbench.core.cli.Main)
  : > "$sum"
  check() { # name, then the command line's arguments; passes on exit 0
    local name=$1; shift
    if "${cli[@]}" "$@" --token-file "$RES/agent-token" > "$RES/agent-$name.txt" 2>&1; then echo "PASS $name" >> "$sum"
    else echo "FAIL $name (results/agent-$name.txt)" >> "$sum"; fi
  }
  # The first connection through QEMU's user network can be reset while the guest's JVM (under TCG) warms
  # up its TLS: wait until the forwarded port answers, as for any service, then check.
  local answered=
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if "${cli[@]}" list -d "remote://127.0.0.1:$AGENT_HOST_PORT" --token-file "$RES/agent-token" > "$RES/agent-list.txt" 2>&1; then
      answered=$attempt; break
    fi
    sleep 3
  done
  if [ -n "$answered" ]; then echo "PASS list (the agent answered at attempt $answered)" >> "$sum"
  else echo "FAIL list: the agent did not answer through the forwarded port (results/agent-list.txt)" >> "$sum"; fi
  grep -q "Pinned the agent at 127.0.0.1:$AGENT_HOST_PORT on first use" "$RES/agent-list.txt" \
    || echo "FAIL list: the first use did not pin the agent's certificate" >> "$sum"
  grep -q "^$dev *yes" "$RES/agent-list.txt" || echo "FAIL list: the VFIO device is not listed as attachable" >> "$sum"
  check identify identify -d "$dev"
  check get-feature-8 get-feature -d "$dev" -f 8 -H
  check run run -d "$dev" --rw randread --ios 500 --iodepth 8
  grep -q "IV 1: [0-9]* interrupts" "$RES/agent-run.txt" || echo "FAIL run: no per-vector interrupt counts (results/agent-run.txt)" >> "$sum"
  touch "$RES/agent-done"
}
agent_checks &
agent_pid=$!

log "booting the guest (host preparation took $(( $(date +%s) - start )) s)"
set +e
bash scripts/qemu-vfio/qemu-vfio-test.sh scripts/qemu-vfio/guest-checks.sh "$WORK"
rc=$?
wait $agent_pid 2>/dev/null || true
set -e
took=$(( $(date +%s) - start ))

echo
echo "==== VFIO against QEMU's NVMe controller: summary ===="
[ -f "$RES/guest-env.txt" ] && { head -2 "$RES/guest-env.txt"; grep '^kernel nvme' "$RES/guest-env.txt"; }
echo "-- CLI (one JVM, transcripts in target/qemu-vfio/results/cli-*.txt)"
if [ -f "$RES/cli-summary.txt" ]; then cat "$RES/cli-summary.txt"; else echo "FAIL no CLI results (see $RES/cli.log)"; fi
echo "-- the agent in the guest, the command line on the host (remote://127.0.0.1:$AGENT_HOST_PORT/vfio:...)"
if [ -f "$RES/agent-summary.txt" ]; then cat "$RES/agent-summary.txt"; else echo "FAIL no agent results"; fi
echo "-- VfioQemuIT (JUnit console, log in target/qemu-vfio/results/junit.log)"
[ -f "$RES/it-notes.txt" ] && sed 's/^/   /' "$RES/it-notes.txt"
if [ -f "$RES/junit.log" ]; then
  grep -E '\[ +[0-9]+ tests (successful|failed|skipped|aborted) +\]' "$RES/junit.log" || true
  grep -E '✘|MethodSource' "$RES/junit.log" | head -20 || true
fi
[ -f "$RES/guest-status.txt" ] && echo "-- guest: $(cat "$RES/guest-status.txt")"

fail=0
[ "$rc" -eq 0 ] || { echo "FAIL guest exit status $rc (91 = no answer from the guest; console in target/qemu-vfio/console.log)"; fail=1; }
grep -q '^FAIL' "$RES/cli-summary.txt" 2>/dev/null && fail=1
grep -q '^PASS' "$RES/agent-summary.txt" 2>/dev/null || fail=1
grep -q '^FAIL' "$RES/agent-summary.txt" 2>/dev/null && fail=1
[ -f "$RES/cli-summary.txt" ] || fail=1
skipped=$(sed -n 's/.*\[ *\([0-9]*\) tests skipped.*/\1/p' "$RES/junit.log" 2>/dev/null | head -1)
aborted=$(sed -n 's/.*\[ *\([0-9]*\) tests aborted.*/\1/p' "$RES/junit.log" 2>/dev/null | head -1)
ok=$(sed -n 's/.*\[ *\([0-9]*\) tests successful.*/\1/p' "$RES/junit.log" 2>/dev/null | head -1)
if [ "${skipped:-0}" != 0 ] || [ "${aborted:-0}" != 0 ] || [ "${ok:-0}" = 0 ]; then
  echo "FAIL VfioQemuIT ran ${ok:-0} tests successfully, skipped ${skipped:-?}, aborted ${aborted:-?}: in the guest nothing may be skipped"
  fail=1
fi
echo "ci-vfio.sh: $([ $fail -eq 0 ] && echo PASSED || echo FAILED) in ${took} s"
exit $fail
