#!/bin/sh
# guest-checks.sh - runs INSIDE the QEMU guest (as root, cwd = project root, NVME_BDF and
# NVME_VFIO_GROUP set by qemu-vfio-test.sh). Plain java only, never Maven: the JVM is 25-45x slower
# under TCG, so there are exactly two JVM launches: every CLI check in one (QemuCliChecks), then the
# JUnit class VfioQemuIT through the console launcher. Results go to target/qemu-vfio/results, which
# the host reads after the guest powers off.
W=target/qemu-vfio
R=$PWD/$W/results
mkdir -p "$R"
CP=$(cat "$W/guest-classpath.txt")
JUNIT=$(ls "$W"/lib/junit-platform-console-standalone-*.jar | head -1)
JOPTS="-XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -Xmx512m -Djava.io.tmpdir=/tmp"
export VFIO_RESULTS="$R"
up() { cut -d' ' -f1 /proc/uptime; }

{
  echo "kernel $(uname -r), NVME_BDF=$NVME_BDF NVME_VFIO_GROUP=$NVME_VFIO_GROUP"
  echo "driver $(basename "$(readlink /sys/bus/pci/devices/$NVME_BDF/driver)")"
  ls -l /dev/vfio
  java -version 2>&1 | head -1
} > "$R/guest-env.txt" 2>&1

t0=$(up)
java $JOPTS -cp "$CP" org.nvmeworkbench.core.vfio.QemuCliChecks "$R" > "$R/cli.log" 2>&1
cli=$?
t1=$(up)
# 1000 attach/detach cycles take ~280 s under TCG (277 ms each, measured): 200 fit the ~60 s budget.
java $JOPTS -Dvfio.cycles=200 -jar "$JUNIT" execute --disable-banner --details=tree --fail-if-no-tests \
  --class-path "$CP" --select-class org.nvmeworkbench.core.vfio.VfioQemuIT --reports-dir "$R/junit" > "$R/junit.log" 2>&1
it=$?
t2=$(up)

echo "cli_exit=$cli it_exit=$it cli_seconds=$(echo "$t1 $t0" | awk '{print $1-$2}') it_seconds=$(echo "$t2 $t1" | awk '{print $1-$2}')" > "$R/guest-status.txt"
cat "$R/guest-status.txt"
[ "$cli" -eq 0 ] && [ "$it" -eq 0 ]
