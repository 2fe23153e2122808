#!/usr/bin/env bash
# The window's frame budget, measured (issue 13): starts the workbench under Xvfb at 1440x900 with software
# rendering and a fresh home, plays the live-bench scenario (sim, 16 queue pairs at iodepth 32 as fast as the
# simulator goes, Queue Rings, Latency and MSI-X Vectors on screen) and prints pulse time p50/p90/p99 (JavaFX's
# pulse logger), the FX thread's busy share of wall time (its CPU time), RSS at 1 minute (and at 10 with
# --long) and the time from the launcher's start to the first window.
#
#   scripts/gui-bench.sh [--long] [--seconds N] [--build-dir target-live] [--keep DIR]
#
# Needs a built tree (./mvnw -DbuildDir=... -DskipTests package) and xvfb-run. Machine load changes the
# figures: the script prints the load average before and after.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NVME_WORKBENCH_BUILD_DIR:-target}"
long=0
measure=60
keep=""
while (( $# )); do
  case "$1" in
    --long) long=1; shift ;;
    --seconds) measure="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "usage: $0 [--long] [--seconds N] [--build-dir DIR] [--keep DIR]" >&2; exit 2 ;;
  esac
done
ui="$here/workbench-ui/$build"
jar="$ui/workbench-ui-0.1.0-SNAPSHOT.jar"
[[ -f "$jar" ]] || { echo "No build in $ui: run ./mvnw -q -B -DbuildDir=$build -DskipTests package first." >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (apt install xvfb xauth)." >&2; exit 2; }
cp="$jar:$ui/lib/*"
for p in "$here"/plugins/*/"$build"/plugin-*.jar; do [[ -f "$p" ]] && cp="$cp:$p"; done

work="${keep:-$(mktemp -d)}"
mkdir -p "$work/home"
out="$work/out.txt"
warmup=15
total=$(( long ? 600 : (warmup + measure > 60 ? warmup + measure : 60) ))
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"

# The JVM flags of ./nvme-workbench (heap, class-data archive: the first run makes the archive).
source "$here/scripts/gui-jvm-flags.sh"
jvm=("${gui_jvm_flags[@]}" -Dprism.order=sw -Djavafx.pulseLogger=true -Dnvmeworkbench.startupTrace=true -Dnvmeworkbench.fxLoad=true
     -Duser.home="$work/home")
[[ -n "${NVME_WORKBENCH_JAVA_OPTS:-}" ]] && jvm+=(${NVME_WORKBENCH_JAVA_OPTS})
start_ms=$(date +%s%3N)
xvfb-run -a -s '-screen 0 1440x900x24' java "${jvm[@]}" -cp "$cp" org.nvmeworkbench.ui.WorkbenchLauncher \
  --scenario live-bench >"$out" 2>&1 &
runner=$!
# The JVM itself, not xvfb-run or the shell that carries the same arguments.
pid_of_java() {
  local p
  for p in $(pgrep -f "user.home=$work/home" || true); do
    [[ "$(cat "/proc/$p/comm" 2>/dev/null)" == java ]] && { echo "$p"; return; }
  done
}

sleep "$warmup"
java_pid="$(pid_of_java)"
mark=$(stat -c %s "$out")
sleep $(( measure ))
end_mark=$(stat -c %s "$out")
rss_at() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$java_pid/status" 2>/dev/null || echo "?"; }
elapsed=$(( warmup + measure ))
(( elapsed < 60 )) && sleep $(( 60 - elapsed ))
rss1="$(rss_at)"
rss10="(run with --long)"
if (( long )); then
  sleep $(( 600 - (elapsed > 60 ? elapsed : 60) ))
  rss10="$(rss_at)"
fi
kill "$java_pid" 2>/dev/null || true
wait "$runner" 2>/dev/null || true

python3 - "$out" "$mark" "$end_mark" "$start_ms" "$rss1" "$rss10" <<'PY'
import re, sys
out, mark, end, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rss1, rss10 = sys.argv[5], sys.argv[6]
data = open(out, 'rb').read()
window = data[mark:end].decode('utf-8', 'replace')
pulses = sorted(int(m.group(3)) for m in re.finditer(r'(?:PULSE: |\[)(\d+) \[?(\d+)ms:(\d+)ms\]', window))
def pct(p):
    return pulses[min(len(pulses) - 1, int(len(pulses) * p))] if pulses else float('nan')
loads = [tuple(map(int, m.groups())) for m in re.finditer(r'fx-load epoch-ms=(\d+) fx-cpu-ms=(-?\d+) render-cpu-ms=(-?\d+)', window)]
busy = render = float('nan')
if len(loads) >= 2:
    (t0, f0, r0), (t1, f1, r1) = loads[0], loads[-1]
    busy = 100.0 * (f1 - f0) / (t1 - t0)
    render = 100.0 * (r1 - r0) / (t1 - t0)
first = re.search(r'first-window-epoch-ms=(\d+)', data.decode('utf-8', 'replace'))
print(f"pulses measured: {len(pulses)}")
print(f"pulse time: p50 {pct(0.5)} ms, p90 {pct(0.9)} ms, p99 {pct(0.99)} ms, max {pulses[-1] if pulses else 'nan'} ms")
print(f"FX thread busy: {busy:.1f}% of wall time (renderer {render:.1f}%)")
print(f"RSS: {rss1} at 1 min, {rss10} at 10 min")
print(f"first window: {(int(first.group(1)) - start) / 1000:.2f} s after the launcher started" if first else "first window: not seen")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -z "$keep" ]] && rm -rf "$work"
exit 0
