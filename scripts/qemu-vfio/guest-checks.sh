#!/bin/sh
# guest-checks.sh - runs INSIDE the QEMU guest (as root, cwd = project root, NVME_BDF, NVME_VFIO_GROUP
# and NVME_KERNEL_BDF set by qemu-vfio-test.sh). Plain java only, never Maven: the JVM is 25-45x slower
# under TCG, so there are exactly two JVM launches: every CLI check in one (QemuCliChecks), then the
# JUnit class VfioQemuIT through the console launcher. Results go to target/qemu-vfio/results, which
# the host reads after the guest powers off.
#
# First the second controller (NVME_KERNEL_BDF, kernel nvme driver) is made to look like a machine's
# system disk: its namespace gets ext4 and is mounted, with a marker file, so that list and the refusal
# to attach are checked against a drive the kernel really uses.
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

# The kernel's namespace of the second controller: ext4, mounted, a marker file (the nvme driver probes
# asynchronously, so wait for the block device first).
MNT=; MNT_FAILED=
PATH=$PATH:/usr/sbin:/sbin
if [ -n "$NVME_KERNEL_BDF" ]; then
  ns=
  for i in $(seq 1 100); do
    ns=$(ls /sys/bus/pci/devices/$NVME_KERNEL_BDF/nvme/*/ 2>/dev/null | grep -m1 -E '^nvme[0-9]+n1$')
    [ -n "$ns" ] && [ -b "/dev/$ns" ] && break
    sleep 0.1
  done
  if [ -n "$ns" ] && mkfs.ext4 -q -F "/dev/$ns" >> "$R/kernel-disk.txt" 2>&1 && mkdir -p /tmp/nvme-mnt \
     && mount -t ext4 "/dev/$ns" /tmp/nvme-mnt >> "$R/kernel-disk.txt" 2>&1; then
    echo "written before the checks" > /tmp/nvme-mnt/marker.txt && sync
    MNT=/tmp/nvme-mnt
  elif command -v mkfs.ext4 >/dev/null; then
    MNT_FAILED=1 # the tools are there, so not mounting is a failure (QemuCliChecks reports it)
  else
    exec 3< "/dev/$ns" # no mkfs here: at least hold the namespace open
  fi
  echo "kernel nvme $NVME_KERNEL_BDF: driver $(basename "$(readlink /sys/bus/pci/devices/$NVME_KERNEL_BDF/driver)"), namespace ${ns:-none}, mounted on ${MNT:-nothing}" >> "$R/guest-env.txt"
fi
export NVME_KERNEL_BDF NVME_KERNEL_MOUNT="$MNT" NVME_KERNEL_MOUNT_FAILED="$MNT_FAILED"

t0=$(up)
java $JOPTS -cp "$CP" org.nvmeworkbench.core.vfio.QemuCliChecks "$R" > "$R/cli.log" 2>&1
cli=$?
t1=$(up)
# The agent serves the VFIO device; the host's command line attaches it through the forwarded port
# (ci-vfio.sh answers agent-ready with its checks and agent-done). The token goes to the host through
# the shared results folder.
rm -f "$R/agent-ready" "$R/agent-done" "$R/agent-token"
AH=/tmp/agent-home
java $JOPTS -Dnvmeworkbench.home=$AH -cp "$CP" org.nvmeworkbench.core.cli.Main agent --listen 0.0.0.0:7450 > "$R/agent.log" 2>&1 &
apid=$!
for i in $(seq 1 600); do
  grep -q "listening on" "$R/agent.log" 2>/dev/null && break
  kill -0 $apid 2>/dev/null || break
  sleep 0.5
done
if grep -q "listening on" "$R/agent.log"; then
  cp "$AH/agent/token" "$R/agent-token" && echo "$NVME_BDF" > "$R/agent-ready"
  for i in $(seq 1 1200); do [ -f "$R/agent-done" ] && break; sleep 0.5; done
else
  echo "the agent did not start" > "$R/agent-ready-failed"
fi
kill $apid 2>/dev/null; wait $apid 2>/dev/null
t1a=$(up)
# 1000 open/close cycles (every fd and mapping of an attach, no controller bring-up) and 50 full
# attach/detach cycles: a full one takes ~280 ms under TCG, so 1000 of those would take ~280 s.
java $JOPTS -Dvfio.cycles=1000 -Dvfio.fullCycles=50 -jar "$JUNIT" execute --disable-banner --details=tree --fail-if-no-tests \
  --class-path "$CP" --select-class org.nvmeworkbench.core.vfio.VfioQemuIT --reports-dir "$R/junit" > "$R/junit.log" 2>&1
it=$?
t2=$(up)

echo "cli_exit=$cli it_exit=$it cli_seconds=$(echo "$t1 $t0" | awk '{print $1-$2}') agent_seconds=$(echo "$t1a $t1" | awk '{print $1-$2}') it_seconds=$(echo "$t2 $t1a" | awk '{print $1-$2}')" > "$R/guest-status.txt"
cat "$R/guest-status.txt"
[ "$cli" -eq 0 ] && [ "$it" -eq 0 ]
